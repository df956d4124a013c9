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

function Popup() {
  const [tab, setTab] = useState<browser.Tabs.Tab>();
  const [page, setPage] = useState<PopupPageState>({ kind: 'loading' });
  const [siteEnabled, setSiteEnabled] = useState(true);
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [exportMessage, setExportMessage] = useState('');

  const refresh = useCallback(async (current: browser.Tabs.Tab | undefined) => {
    if (current?.id === undefined || !current.url || !/^https?:|^file:/.test(current.url)) {
      setPage({ kind: 'unavailable', reason: 'Pledge Lens reads web pages; this tab is not one.' });
      return;
    }
    setSiteEnabled((await ask({ type: 'get-site-enabled', url: current.url })).enabled);
    try {
      const state = await askTab(current.id, { type: 'get-page-state' });
      setPage({ kind: 'ready', ...state });
    } catch {
      setPage({ kind: 'unavailable', reason: 'This page has not been read yet. Reload it to let Pledge Lens look at it.' });
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const current = await targetTab();
      setTab(current);
      setInfo(await ask({ type: 'get-claim-set-info' }));
      await refresh(current);
    })();
  }, [refresh]);

  // A page may still be read when the popup opens: look again shortly while it is.
  useEffect(() => {
    if (page.kind !== 'ready' || !page.scanning) return;
    const timer = setTimeout(() => void refresh(tab), 400);
    return () => clearTimeout(timer);
  }, [page, tab, refresh]);

  const host = tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url).hostname : '';

  return (
    <PopupView
      page={page}
      siteEnabled={siteEnabled}
      host={host}
      info={info}
      exportMessage={exportMessage}
      onToggleSite={async (enabled) => {
        if (!tab?.url || tab.id === undefined) return;
        setSiteEnabled((await ask({ type: 'set-site-enabled', url: tab.url, enabled })).enabled);
        await askTab(tab.id, { type: 'set-highlighting', enabled }).catch(() => undefined);
        await refresh(tab);
      }}
      onJump={async (claimId) => {
        if (tab?.id === undefined) return;
        await askTab(tab.id, { type: 'scroll-to-claim', claimId });
      }}
      onExport={async (format) => {
        if (!tab?.url) return;
        const file = await ask({ type: 'export-mentions', format, query: { pageUrl: tab.url } });
        downloadText(file.content, file.filename, file.mimeType);
        setExportMessage(`Exported ${file.count} ${file.count === 1 ? 'mention' : 'mentions'} as ${file.filename}`);
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
