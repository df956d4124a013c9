import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { I18nProvider } from '@/components/i18n';
import { PopupView, type PopupPageState } from '@/components/popup-view';
import { downloadText } from '@/components/download-file';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import type { ExtensionPageToBackground } from '@/lib/messages/extension-page-to-background';
import { wordFailure } from '@/lib/format/reader-errors';
import { senderFor } from '@/lib/messages/message-map';
import { hostOf } from '@/lib/sites/url';
import { createTranslator } from '@/lib/i18n/translator';
import { withEnglishFallback } from '@/lib/i18n/english-fallback';
import { historyNotice as checkedHistoryNotice, type HistoryNotice } from '@/lib/messages/reader-failure';
import { ownEntry } from '@/lib/messages/own-entry';

/** The views' words come from the browser's i18n, in the language the browser picked from _locales. */
const t = createTranslator(withEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions)));

const ask = senderFor<ExtensionPageToBackground>((message) => browser.runtime.sendMessage(message));

/** What the popup knows about its tab without the `tabs` permission: its id, its load status, and its URL when the browser tells. */
interface TargetTab {
  id: number;
  url?: string;
  loading: boolean;
}

/** Tests open the popup as a tab and name the page it is about with ?tab=ID; the toolbar popup uses the active tab. */
async function targetTab(): Promise<TargetTab | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param)).catch(() => undefined)
    : // The active tab's id needs no `tabs` permission (its URL may be hidden without one).
      (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, loading: tab.status === 'loading', ...(tab.url ? { url: tab.url } : {}) };
}

/** Pages no extension may read: the browser's own, stores, viewers. A URL the browser hides is unknown, not one of these. */
const isBrowserPage = (url: string | undefined): boolean => url !== undefined && !/^(https?|file):/i.test(url);

/** How long a page may stay unreported before the popup says it has not read it (content scripts start at document idle). */
const NOT_READ_AFTER_MS = 1200;
/** How often an open popup asks again about a page it has read (pages that add text are rescanned as it comes). */
const FOLLOW_PAGE_MS = 1500;

function Popup() {
  const [tab, setTab] = useState<TargetTab>();
  const [topUrl, setTopUrl] = useState<string>();
  const [page, setPage] = useState<PopupPageState>({ kind: 'loading' });
  const [siteEnabled, setSiteEnabled] = useState(true);
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [changes, setChanges] = useState<Record<string, ClaimChange>>({});
  const [changedElsewhere, setChangedElsewhere] = useState(0);
  const [flagged, setFlagged] = useState<Record<string, number>>({});
  const [exportMessage, setExportMessage] = useState('');
  const [historyNotice, setHistoryNotice] = useState<HistoryNotice>();
  const openedAt = useRef(Date.now());
  /** Claims whose change the popup has shown (and so the reader has seen): acknowledged once each. */
  const acknowledged = useRef(new Set<string>());

  /** "Changed since you read it" for the claims on the page; the reader sees them now, so the badge mark goes. */
  const loadChanges = useCallback(async (claimIds: string[], pageUrl: string) => {
    const answer = await ask({ type: 'get-claim-changes', claimIds, pageUrl });
    if (!answer.ok) return;
    setChanges(answer.changes);
    const shownUnseen = Object.values(answer.changes).filter((change) => change.unseen).map((change) => change.claimId);
    setChangedElsewhere(Math.max(0, answer.unseen - shownUnseen.length));
    const fresh = shownUnseen.filter((id) => !acknowledged.current.has(id));
    if (fresh.length > 0) {
      for (const id of fresh) acknowledged.current.add(id);
      await ask({ type: 'acknowledge-claim-changes', claimIds: fresh });
    }
  }, []);

  /** This page's mentions the reader marked as wrong matches, by claim: exports leave them out, so the list says how many. */
  const loadFlagged = useCallback(async (pageUrl: string) => {
    const answer = await ask({ type: 'list-mentions', query: { pageUrl, wrongMatches: 'only' } });
    if (!answer.ok) return;
    const byClaim: Record<string, number> = {};
    for (const mention of answer.mentions) byClaim[mention.claimId] = (ownEntry(byClaim, mention.claimId) ?? 0) + 1;
    setFlagged(byClaim);
  }, []);

  /** The background aggregates what every frame of the tab found; the popup only reads it. */
  const refresh = useCallback(
    async (target: TargetTab | undefined) => {
      if (!target) {
        setPage({ kind: 'unavailable', reason: 'not-read' });
        return;
      }
      if (isBrowserPage(target.url)) {
        setPage({ kind: 'unavailable', reason: 'browser-page' });
        return;
      }
      const answer = await ask({ type: 'get-tab-state', tabId: target.id, ...(target.url ? { url: target.url } : {}) });
      if (!answer.ok) {
        setPage({ kind: 'unavailable', reason: 'error', detail: answer.error });
        return;
      }
      const { tab: state } = answer;
      if (!state.topUrl && target.url && /^https?:/i.test(target.url) && !answer.siteEnabled) {
        // A page loaded while its site was off: nothing ran in it, but the switch can turn it on.
        setTopUrl(target.url);
        setSiteEnabled(false);
        setPage({ kind: 'ready', enabled: false, scanning: false, claims: [] });
        return;
      }
      if (!state.topUrl) {
        // Not reported (yet): a page still loading, one opened before Pledge Lens was installed, or a page it may not read.
        const waited = Date.now() - openedAt.current > NOT_READ_AFTER_MS;
        setPage(target.loading && !waited ? { kind: 'unavailable', reason: 'loading' } : waited ? { kind: 'unavailable', reason: 'not-read' } : { kind: 'loading' });
        return;
      }
      setTopUrl(state.topUrl);
      // Checked like any failure: a malformed notice is not shown.
      setHistoryNotice(checkedHistoryNotice(answer.historyNotice));
      setSiteEnabled(answer.siteEnabled);
      if (state.claims.length > 0) await Promise.all([loadChanges(state.claims.map((claim) => claim.claimId), state.topUrl), loadFlagged(state.topUrl)]);
      else {
        const all = await ask({ type: 'get-claim-changes', claimIds: [], pageUrl: state.topUrl });
        if (all.ok) setChangedElsewhere(all.unseen);
      }
      setPage({ kind: 'ready', enabled: state.enabled, scanning: state.scanning, claims: state.claims, ...(state.language ? { language: state.language } : {}), ...(state.partlyRead ? { partlyRead: true } : {}), ...(state.cardsRefused ? { cardsRefused: true } : {}) });
    },
    [loadChanges, loadFlagged],
  );

  useEffect(() => {
    void (async () => {
      const target = await targetTab();
      setTab(target);
      const claimSet = await ask({ type: 'get-claim-set-info' });
      if (claimSet.ok) setInfo(claimSet);
      await refresh(target);
    })();
  }, [refresh]);

  // A page may still be read when the popup opens, or a frame not yet reported: look again shortly.
  // A page that has been read keeps being followed, more slowly: a live blog adds claims while the
  // popup is open, and a list that stayed at its first count sent "Show on page" nowhere new.
  useEffect(() => {
    if (page.kind === 'unavailable' && (page.reason === 'browser-page' || page.reason === 'error')) return;
    if (page.kind === 'unavailable' && page.reason === 'not-read' && !tab) return;
    const timer = setTimeout(() => void refresh(tab), page.kind === 'ready' && !page.scanning ? FOLLOW_PAGE_MS : 400);
    return () => clearTimeout(timer);
  }, [page, tab, refresh]);

  // A real popup closes once it has opened a page; opened as a tab (tests, Firefox for Android) it stays.
  const asPopup = !new URLSearchParams(location.search).has('tab');
  const done = () => {
    if (asPopup) window.close();
  };
  const openTab = (url: string) => {
    void browser.tabs.create({ url }).then(done, () => undefined);
  };

  return (
    <PopupView
      page={page}
      siteEnabled={siteEnabled}
      host={(topUrl && /^https?:/.test(topUrl) && hostOf(topUrl)) || ''}
      info={info}
      changes={changes}
      flagged={flagged}
      changedElsewhere={changedElsewhere}
      exportMessage={exportMessage}
      {...(historyNotice ? { historyNotice } : {})}
      legendUrl={browser.runtime.getURL('/welcome.html#labels')}
      onToggleSite={async (enabled) => {
        if (!tab) return;
        const answer = await ask({ type: 'set-site-enabled', tabId: tab.id, enabled, ...(tab.url ? { url: tab.url } : {}) });
        if (answer.ok) setSiteEnabled(answer.enabled);
        await refresh(tab);
      }}
      onJump={async (claimId) => {
        if (tab) await ask({ type: 'scroll-to-claim', tabId: tab.id, claimId });
      }}
      onExport={async (format) => {
        if (!topUrl) return;
        setExportMessage('');
        const file = await ask({ type: 'export-mentions', format, query: { pageUrl: topUrl } });
        if (!file.ok) {
          setExportMessage(file.failure ? wordFailure(t, file.failure) : file.error);
          return;
        }
        downloadText(file.content, file.filename, file.mimeType);
        const left = file.leftOutWrongMatches;
        const leftOut = left > 0 ? ` ${t.plural('popup_leftOut', left, { count: left })}` : '';
        setExportMessage(`${t.plural('popup_exported', file.count, { count: file.count, file: file.filename })}${leftOut}`);
      }}
      onOpenOptions={(view) => {
        if (view) openTab(browser.runtime.getURL(`/options.html#${view}`));
        else void browser.runtime.openOptionsPage().then(done, () => undefined);
      }}
      onOpenLegend={() => openTab(browser.runtime.getURL('/welcome.html#labels'))}
    />
  );
}

document.documentElement.lang = t.locale;
document.title = t('popup_title');
render(
  <I18nProvider translator={t}>
    <Popup />
  </I18nProvider>,
  document.getElementById('app')!,
);
