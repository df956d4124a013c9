import browser, { type Runtime } from 'webextension-polyfill';
import { parseBackgroundRequest } from '@/lib/messages/protocol';
import { PledgeLensService } from '@/lib/service/pledge-lens-service';
import { openPledgeLensDb } from '@/lib/store/open-database';

const FEED_ALARM = 'claim-feed-update';
const FEED_PERIOD_MINUTES = 24 * 60;

/**
 * Owns IndexedDB and the claim set: IndexedDB opened from a content script would belong to the web
 * page's origin. Everything else is in PledgeLensService; this file only wires browser events to it.
 */
export default defineBackground(() => {
  const service = (async () => {
    const db = await openPledgeLensDb();
    const instance = new PledgeLensService(db, {
      loadBundled: async () => (await fetch(browser.runtime.getURL('/claims/default.json'))).json(),
    });
    await instance.init();
    return instance;
  })();

  /** Only our own pages and content scripts may talk to us; web pages cannot reach runtime.onMessage, but be explicit. */
  const trusted = (sender: Runtime.MessageSender): boolean => sender.id === browser.runtime.id;

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!trusted(sender)) return undefined;
    const request = parseBackgroundRequest(message);
    if (!request) return Promise.resolve({ ok: false, error: 'Malformed request.' });
    return service.then((s) => s.handle(request));
  });

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
