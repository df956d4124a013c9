import browser, { type Runtime } from 'webextension-polyfill';
import { BackgroundService } from '@/lib/background/background-service';
import { openPledgeLensDb } from '@/lib/background/store/open-database';
import { withEnglishFallback } from '@/lib/i18n/english-fallback';
import { createTranslator } from '@/lib/i18n/translator';
import { failureMessage } from '@/lib/messages/message-map';
import { CLAIM_VOCABULARY_KEY } from '@/lib/prefilter/claim-vocabulary';

const FEED_ALARM = 'claim-feed-update';
const FEED_PERIOD_MINUTES = 24 * 60;
const NOTE_CAPABILITIES_KEY = 'note-capabilities';

/**
 * Owns IndexedDB and the claim set (IndexedDB opened from a content script would belong to the web
 * page's origin). All logic is in BackgroundService; this file only wires browser events to it.
 */
export default defineBackground(() => {
  // MV3 has `action`, Firefox MV2 `browserAction`; both set a per-tab badge without any permission.
  const toolbarButton = browser.action ?? browser.browserAction;
  // The badge (the number of claims on the tab): white on the binding-commitment blue, 6.7:1, for every tab.
  void toolbarButton.setBadgeBackgroundColor({ color: '#1d4ed8' }).catch(() => undefined);
  void toolbarButton.setBadgeTextColor?.({ color: '#ffffff' })?.catch(() => undefined);
  // A first install opens the first-run page (labels, keyboard, privacy) once; updates do not.
  browser.runtime.onInstalled.addListener(({ reason }) => void (reason === 'install' && browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })));
  const service = (async () => {
    const db = await openPledgeLensDb();
    const instance = new BackgroundService(db, {
      t: createTranslator(withEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions))),
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      buildId: __PLEDGE_LENS_BUILD_ID__,
      loadBundled: async () => (await fetch(browser.runtime.getURL('/claims/default.json'))).json(),
      // Session storage is memory only and closed to content scripts: note-editor capabilities outlive a
      // stopped worker there, never the browser session.
      ...(browser.storage.session
        ? {
            capabilityStore: {
              read: async () => (await browser.storage.session.get(NOTE_CAPABILITIES_KEY))[NOTE_CAPABILITIES_KEY],
              write: (value) => browser.storage.session.set({ [NOTE_CAPABILITIES_KEY]: value }),
            },
          }
        : {}),
      port: {
        sendToContent: (tabId, request, frameId) => browser.tabs.sendMessage(tabId, request, frameId === undefined ? {} : { frameId }),
        openTabIds: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
        setBadge: (tabId, { text, title }) => {
          void toolbarButton.setBadgeText({ tabId, text }).catch(() => undefined);
          void toolbarButton.setTitle({ tabId, title }).catch(() => undefined);
        },
        publishVocabulary: (vocabulary) => browser.storage.local.set({ [CLAIM_VOCABULARY_KEY]: vocabulary }),
      },
    });
    await instance.init();
    return instance;
  })();
  // Every message still gets an answer saying why (below); the console says it once, at start-up,
  // instead of an unhandled rejection.
  service.catch((error: unknown) => console.error(`Pledge Lens could not start: ${failureMessage(error)}`));

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    // A background that could not start (a blocked database upgrade, no disk) still answers, saying why.
    service.then(
      (s) => s.handle(message, sender),
      (error: unknown) => ({ ok: false, error: failureMessage(error) }),
    ),
  );

  // A new document in a tab (tabs.onUpdated reports the status without the `tabs` permission) drops
  // what its old frames found; the new page's frames report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void service.then((s) => s.forgetTab(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.then((s) => s.closeTab(tabId)));

  // An MV3 background restarts often; re-creating the alarm each time would keep pushing the daily
  // check to "a minute from now" (and the alarm itself restarts the background). Create it once.
  void browser.alarms.get(FEED_ALARM).then((existing) => {
    if (!existing) browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void service.then((s) => s.updateFeed());
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'toggle-highlighting' }).catch(() => undefined);
  });
});
