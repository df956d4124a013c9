import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PopupView, type PopupPageState } from '@/components/popup-view';
import { downloadText } from '@/components/download-file';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import type { ExtensionPageToBackground } from '@/lib/messages/extension-page-to-background';
import { senderFor } from '@/lib/messages/message-map';
import { hostOf } from '@/lib/sites/url';

const ask = senderFor<ExtensionPageToBackground>((message) => browser.runtime.sendMessage(message));

/** Tests open the popup as a tab and name the page it is about with ?tab=ID; the toolbar popup uses the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return Number(param);
  // The active tab's id needs no `tabs` permission (its URL would).
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const NOT_READABLE = 'Pledge Lens reads web pages; this tab has none it can read (a browser page, an extension store, or a page opened before Pledge Lens was installed: reload it).';

function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [topUrl, setTopUrl] = useState<string>();
  const [page, setPage] = useState<PopupPageState>({ kind: 'loading' });
  const [siteEnabled, setSiteEnabled] = useState(true);
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [exportMessage, setExportMessage] = useState('');
  const [historyNotice, setHistoryNotice] = useState<string>();

  /** The background aggregates what every frame of the tab found; the popup only reads it. */
  const refresh = useCallback(async (id: number | undefined) => {
    if (id === undefined) {
      setPage({ kind: 'unavailable', reason: NOT_READABLE });
      return;
    }
    const answer = await ask({ type: 'get-tab-state', tabId: id });
    if (!answer.ok) {
      setPage({ kind: 'unavailable', reason: answer.error });
      return;
    }
    const { tab } = answer;
    if (!tab.topUrl) {
      setPage({ kind: 'unavailable', reason: NOT_READABLE });
      return;
    }
    setTopUrl(tab.topUrl);
    setHistoryNotice(answer.historyNotice);
    setSiteEnabled(answer.siteEnabled);
    setPage({ kind: 'ready', enabled: tab.enabled, scanning: tab.scanning, claims: tab.claims });
  }, []);

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      const claimSet = await ask({ type: 'get-claim-set-info' });
      if (claimSet.ok) setInfo(claimSet);
      await refresh(id);
    })();
  }, [refresh]);

  // A page may still be read when the popup opens, or a frame not yet reported: look again shortly.
  useEffect(() => {
    if (page.kind === 'ready' && !page.scanning && page.claims.length > 0) return;
    if (page.kind === 'unavailable' && tabId === undefined) return;
    const timer = setTimeout(() => void refresh(tabId), 400);
    return () => clearTimeout(timer);
  }, [page, tabId, refresh]);

  return (
    <PopupView
      page={page}
      siteEnabled={siteEnabled}
      host={(topUrl && /^https?:/.test(topUrl) && hostOf(topUrl)) || ''}
      info={info}
      exportMessage={exportMessage}
      {...(historyNotice ? { historyNotice } : {})}
      onToggleSite={async (enabled) => {
        if (tabId === undefined) return;
        const answer = await ask({ type: 'set-site-enabled', tabId, enabled });
        if (answer.ok) setSiteEnabled(answer.enabled);
        await refresh(tabId);
      }}
      onJump={async (claimId) => {
        if (tabId !== undefined) await ask({ type: 'scroll-to-claim', tabId, claimId });
      }}
      onExport={async (format) => {
        if (!topUrl) return;
        const file = await ask({ type: 'export-mentions', format, query: { pageUrl: topUrl } });
        if (!file.ok) {
          setExportMessage(file.error);
          return;
        }
        downloadText(file.content, file.filename, file.mimeType);
        setExportMessage(`Exported ${file.count} ${file.count === 1 ? 'mention' : 'mentions'} as ${file.filename}`);
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
