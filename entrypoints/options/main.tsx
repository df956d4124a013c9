import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { claimOptionsFrom, EMPTY_FILTERS, toMentionQuery } from '@/components/annotation-filters';
import { downloadText } from '@/components/download-file';
import { OptionsView } from '@/components/options-view';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimCardData, ClaimSetInfo, MentionQuery, SiteSettings } from '@/lib/messages/protocol';
import { createBackgroundClient } from '@/lib/messages/send';

/** The only place on this page that talks to the background; the components get data and callbacks. */
const ask = createBackgroundClient((message) => browser.runtime.sendMessage(message));

/** Typing in the search box should not send one request per keystroke. */
const QUERY_DEBOUNCE_MS = 200;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function OptionsPage() {
  const [query, setQuery] = useState<MentionQuery>(() => toMentionQuery(EMPTY_FILTERS));
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [claims, setClaims] = useState<Record<string, ClaimCardData>>({});
  // Claims seen in any answer so far: the claim filter must keep offering claims that the current filter hides.
  const [knownClaims, setKnownClaims] = useState<Record<string, ClaimCardData>>({});
  const [loading, setLoading] = useState(true);
  const [listError, setListError] = useState<string>();
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [siteSettings, setSiteSettings] = useState<SiteSettings>();
  useEffect(() => {
    void ask({ type: 'get-site-settings' }).then(setSiteSettings);
  }, []);
  const [infoError, setInfoError] = useState<string>();
  const queryRef = useRef(query);
  const listSeq = useRef(0);

  const loadMentions = useCallback(async () => {
    // Only the newest request may write the list: answers can arrive out of order while the user types.
    const seq = ++listSeq.current;
    setLoading(true);
    try {
      const answer = await ask({ type: 'list-mentions', query: queryRef.current });
      if (seq !== listSeq.current) return;
      if (!Array.isArray(answer.mentions)) throw new Error('The background could not list annotations.');
      setMentions(answer.mentions);
      setClaims(answer.claims);
      setKnownClaims((known) => ({ ...known, ...answer.claims }));
      setListError(undefined);
    } catch (error) {
      if (seq === listSeq.current) setListError(`Could not load annotations: ${errorText(error)}`);
    } finally {
      if (seq === listSeq.current) setLoading(false);
    }
  }, []);

  // Newest answer wins, as for the list: a slow refresh must not redraw a switch the reader just flipped.
  const infoSeq = useRef(0);
  const loadInfo = useCallback(async () => {
    const seq = ++infoSeq.current;
    try {
      const answer = await ask({ type: 'get-claim-set-info' });
      if (seq !== infoSeq.current) return;
      setInfo(answer);
      setInfoError(undefined);
    } catch (error) {
      if (seq === infoSeq.current) setInfoError(`Could not read the claim set: ${errorText(error)}`);
    }
  }, []);

  // Packs decide which claims a mention resolves to, so a pack change refreshes both sections.
  const reloadAll = useCallback(() => Promise.all([loadInfo(), loadMentions()]).then(() => undefined), [loadInfo, loadMentions]);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  useEffect(() => {
    queryRef.current = query;
    const timer = setTimeout(() => void loadMentions(), QUERY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, loadMentions]);

  // Reading pages in other tabs adds mentions; show them when the user comes back to this tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadAll();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reloadAll]);

  return (
    <OptionsView
      history={{
        mentions,
        claims,
        claimOptions: claimOptionsFrom(knownClaims),
        loading,
        ...(listError ? { error: listError } : {}),
        onQueryChange: setQuery,
        onDelete: async (mentionId) => {
          await ask({ type: 'delete-mentions', ids: [mentionId] });
          await loadMentions();
        },
        onExport: async (format) => {
          try {
            const file = await ask({ type: 'export-mentions', format, query: queryRef.current });
            downloadText(file.content, file.filename, file.mimeType);
            return { ok: true, count: file.count };
          } catch (error) {
            return { ok: false, error: `Export failed: ${errorText(error)}` };
          }
        },
        onImport: async (text) => {
          try {
            const result = await ask({ type: 'import-mentions', text });
            if (result.ok) await loadMentions();
            return result;
          } catch (error) {
            return { ok: false, error: `Import failed: ${errorText(error)}` };
          }
        },
        onClearAll: async () => {
          await ask({ type: 'clear-mentions' });
          setKnownClaims({});
          await loadMentions();
        },
      }}
      claimSet={{
        info,
        ...(infoError ? { error: infoError } : {}),
        onSetEnabled: async (packId, enabled) => {
          await ask({ type: 'set-pack-enabled', packId, enabled });
          await reloadAll();
        },
        onRemove: async (packId) => {
          try {
            const result = await ask({ type: 'remove-pack', packId });
            if (result.ok) await reloadAll();
            return result;
          } catch (error) {
            return { ok: false, error: errorText(error) };
          }
        },
        onImportPack: async (name, text) => {
          try {
            const result = await ask({ type: 'import-claim-pack', name, text });
            if (result.ok) await reloadAll();
            return result;
          } catch (error) {
            return { ok: false, error: `Import failed: ${errorText(error)}` };
          }
        },
      }}
      feed={{
        feed: info?.feed,
        onSaveUrl: async (url) => {
          const result = await ask({ type: 'set-feed-url', url });
          if (result.ok) await loadInfo();
          return result;
        },
        onUpdateNow: async () => {
          const result = await ask({ type: 'update-feed-now' });
          // Success or not, the check time (and maybe the packs) changed.
          await reloadAll();
          return result;
        },
      }}
      sites={{
        settings: siteSettings,
        onSave: async (settings) => {
          const result = await ask({ type: 'set-site-settings', ...settings });
          if (result.ok) setSiteSettings(result.settings);
          return result;
        },
      }}
    />
  );
}

render(<OptionsPage />, document.getElementById('app')!);
