import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PopupView, type PopupPageState } from '@/components/popup-view';
import { downloadText } from '@/components/download-file';
import type { ClaimSetInfo } from '@/lib/messages/protocol';
import { createBackgroundClient, createTabClient } from '@/lib/messages/send';

const ask = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const askTab = createTabClient((tabId, message) => browser.tabs.sendMessage(tabId, message));

/** Tests open the popup as a tab and name the page it is about with ?tab=ID; the toolbar popup uses the active tab. */
async function targetTab(): Promise<browser.Tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

interface TargetPage {
  tabId: number;
  url: string;
}

function Popup() {
  const [target, setTarget] = useState<TargetPage>();
  const [page, setPage] = useState<PopupPageState>({ kind: 'loading' });
  const [siteEnabled, setSiteEnabled] = useState(true);
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [exportMessage, setExportMessage] = useState('');

  /** Asks the tab's content script what it found; a tab without one (browser pages, the store) has nothing to show. */
  const refresh = useCallback(async (tabId: number | undefined) => {
    if (tabId === undefined) {
      setPage({ kind: 'unavailable', reason: 'Pledge Lens reads web pages; this tab is not one.' });
      return;
    }
    try {
      const state = await askTab(tabId, { type: 'get-page-state' });
      setTarget({ tabId, url: state.url });
      setSiteEnabled((await ask({ type: 'get-site-enabled', url: state.url })).enabled);
      setPage({ kind: 'ready', enabled: state.enabled, scanning: state.scanning, claims: state.claims });
    } catch {
      setPage({ kind: 'unavailable', reason: 'Pledge Lens cannot read this tab. On a web page opened before Pledge Lens was installed, reload the page.' });
    }
  }, []);

  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    void (async () => {
      const tab = await targetTab();
      setTabId(tab?.id);
      setInfo(await ask({ type: 'get-claim-set-info' }));
      await refresh(tab?.id);
    })();
  }, [refresh]);

  // A page may still be read when the popup opens: look again shortly while it is.
  useEffect(() => {
    if (page.kind !== 'ready' || !page.scanning) return;
    const timer = setTimeout(() => void refresh(tabId), 400);
    return () => clearTimeout(timer);
  }, [page, tabId, refresh]);

  const host = target && /^https?:/.test(target.url) ? new URL(target.url).hostname : '';

  return (
    <PopupView
      page={page}
      siteEnabled={siteEnabled}
      host={host}
      info={info}
      exportMessage={exportMessage}
      onToggleSite={async (enabled) => {
        if (!target) return;
        setSiteEnabled((await ask({ type: 'set-site-enabled', url: target.url, enabled })).enabled);
        await askTab(target.tabId, { type: 'set-highlighting', enabled }).catch(() => undefined);
        await refresh(target.tabId);
      }}
      onJump={async (claimId) => {
        if (!target) return;
        await askTab(target.tabId, { type: 'scroll-to-claim', claimId });
      }}
      onExport={async (format) => {
        if (!target) return;
        const file = await ask({ type: 'export-mentions', format, query: { pageUrl: target.url } });
        downloadText(file.content, file.filename, file.mimeType);
        setExportMessage(`Exported ${file.count} ${file.count === 1 ? 'mention' : 'mentions'} as ${file.filename}`);
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
