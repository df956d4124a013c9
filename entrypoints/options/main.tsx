import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { claimOptionsFrom, EMPTY_FILTERS, toMentionQuery, type FilterForm } from '@/components/annotation-filters';
import { downloadText } from '@/components/download-file';
import { I18nProvider } from '@/components/i18n';
import { OptionsView } from '@/components/options-view';
import { createTranslator } from '@/lib/i18n/translator';
import { withEnglishFallback } from '@/lib/i18n/english-fallback';
import type { Mention } from '@/lib/annotations/schema';
import { citeMention } from '@/lib/annotations/cite-mention';
import { ownEntry } from '@/lib/messages/own-entry';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import { formatDateTime } from '@/components/options-format';
import { wordFailure } from '@/lib/format/reader-errors';
import type { ExtensionPageToBackground, MentionQuery } from '@/lib/messages/extension-page-to-background';
import { senderFor, type Result } from '@/lib/messages/message-map';
import { feedProblem } from '@/lib/messages/reader-failure';
import { declinedAccessWarning, releaseFeedAccess, requestFeedAccess, type FeedAccess } from './feed-access';
import type { SiteSettings } from '@/lib/sites/site-settings';
import '@/assets/extension-theme.css';

/** The only place on this page that talks to the background; the components get data and callbacks. */
/** The views' words come from the browser's i18n, in the language the browser picked from _locales. */
const t = createTranslator(withEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions)));

const send = senderFor<ExtensionPageToBackground>((message) => browser.runtime.sendMessage(message));

/** A refusal the background explained with a code says so in the reader's language; any other keeps the background's English. */
function wordedResult<T>(result: Result<T>): Result<T> {
  return !result.ok && result.failure ? { ...result, error: wordFailure(t, result.failure, (iso) => formatDateTime(t, iso)) } : result;
}
const ask: typeof send = async (request) => wordedResult(await send(request));

/** Typing in the search box should not send one request per keystroke. */
const QUERY_DEBOUNCE_MS = 200;

/** options.html#changed (the popup's "see them in your history"): the history opens filtered to changed claims. */
const INITIAL_FILTERS: FilterForm = location.hash === '#changed' ? { ...EMPTY_FILTERS, changed: true } : EMPTY_FILTERS;

/** The last feed error's problem is worded by the feed section; one that does not pass its schema is dropped (its English message shows). */
function checkedFeedInfo(info: ClaimSetInfo): ClaimSetInfo {
  const error = info.feed.lastError;
  if (!error?.problem) return info;
  const { problem, ...rest } = error;
  const valid = feedProblem(problem);
  return { ...info, feed: { ...info.feed, lastError: valid ? { ...rest, problem: valid } : rest } };
}

/** Copies with the async Clipboard API (allowed on a focused extension page after a click). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function OptionsPage() {
  const [query, setQuery] = useState<MentionQuery>(() => toMentionQuery(INITIAL_FILTERS));
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [claims, setClaims] = useState<Record<string, ClaimCardData>>({});
  const [changes, setChanges] = useState<Record<string, ClaimChange>>({});
  const [unseenChanges, setUnseenChanges] = useState<ClaimChange[]>([]);
  // Claims seen in any answer so far: the claim filter must keep offering claims that the current filter hides.
  const [knownClaims, setKnownClaims] = useState<Record<string, ClaimCardData>>({});
  const [loading, setLoading] = useState(true);
  const [listError, setListError] = useState<string>();
  const [info, setInfo] = useState<ClaimSetInfo>();
  const [siteSettings, setSiteSettings] = useState<{ settings: SiteSettings; revision: number }>();
  const loadSiteSettings = useCallback(async () => {
    const answer = await ask({ type: 'get-site-settings' });
    if (answer.ok) setSiteSettings({ settings: answer.settings, revision: answer.revision });
  }, []);
  useEffect(() => void loadSiteSettings(), [loadSiteSettings]);
  const [infoError, setInfoError] = useState<string>();
  const queryRef = useRef(query);
  const listSeq = useRef(0);

  const loadMentions = useCallback(async () => {
    // Only the newest request may write the list: answers can arrive out of order while the user types.
    const seq = ++listSeq.current;
    setLoading(true);
    const answer = await ask({ type: 'list-mentions', query: queryRef.current });
    if (seq !== listSeq.current) return;
    setLoading(false);
    if (!answer.ok) {
      setListError(t('options_loadAnnotationsFailed', { error: answer.error }));
      return;
    }
    setMentions(answer.mentions);
    setClaims(answer.claims);
    setChanges(answer.changes);
    setKnownClaims((known) => ({ ...known, ...answer.claims }));
    setListError(undefined);
  }, []);

  // Newest answer wins, as for the list: a slow refresh must not redraw a switch the reader just flipped.
  const infoSeq = useRef(0);
  const loadInfo = useCallback(async () => {
    const seq = ++infoSeq.current;
    const answer = await ask({ type: 'get-claim-set-info' });
    if (seq !== infoSeq.current) return;
    if (answer.ok) {
      setInfo(checkedFeedInfo(answer));
      setInfoError(undefined);
    } else setInfoError(t('options_readClaimSetFailed', { error: answer.error }));
  }, []);

  /**
   * Claims whose change the reader has not looked at: the notice above the history names them. When
   * the page opens (or the reader comes back to it) the notice is what they see first, so they count
   * as seen and the toolbar badge loses its mark; after this page's own "Update now" or pack import
   * the reader is looking at another section, so the mark stays until they look. The notice stays until reload.
   */
  const loadUnseenChanges = useCallback(async (acknowledge: boolean) => {
    const answer = await ask({ type: 'get-claim-changes' });
    if (!answer.ok) return;
    const unseen = Object.values(answer.changes);
    if (unseen.length === 0) return;
    setUnseenChanges((shown) => [...shown.filter((change) => !ownEntry(answer.changes, change.claimId)), ...unseen]);
    if (acknowledge) await ask({ type: 'acknowledge-claim-changes', claimIds: unseen.map((change) => change.claimId) });
  }, []);

  // Packs decide which claims a mention resolves to, so a pack change refreshes both sections.
  const reloadAll = useCallback(
    (acknowledge = false) => Promise.all([loadInfo(), loadMentions(), loadUnseenChanges(acknowledge)]).then(() => undefined),
    [loadInfo, loadMentions, loadUnseenChanges],
  );

  useEffect(() => {
    void loadInfo();
    void loadUnseenChanges(true);
  }, [loadInfo, loadUnseenChanges]);

  // options.html#claim-set (the popup's "Switch a pack on"): the packs, once drawn (the browser's own
  // jump to the fragment came before the page had rendered them).
  const shownClaimSet = useRef(false);
  useEffect(() => {
    if (!info || shownClaimSet.current || location.hash !== '#claim-set') return;
    shownClaimSet.current = true;
    document.getElementById('claim-set-heading')?.scrollIntoView({ block: 'start' });
  }, [info]);

  useEffect(() => {
    queryRef.current = query;
    const timer = setTimeout(() => void loadMentions(), QUERY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, loadMentions]);

  // Reading pages in other tabs adds mentions; show them when the user comes back to this tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadAll(true);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reloadAll]);

  return (
    <OptionsView
      history={{
        mentions,
        claims,
        changes,
        unseenChanges,
        initialFilters: INITIAL_FILTERS,
        claimOptions: claimOptionsFrom(t, knownClaims),
        loading,
        ...(listError ? { error: listError } : {}),
        onQueryChange: setQuery,
        onDelete: async (mentionId) => {
          await ask({ type: 'delete-mentions', ids: [mentionId] });
          await loadMentions();
        },
        onSaveNote: async (mentionId, text) => {
          const result = await ask({ type: 'set-note', mentionId, text });
          if (result.ok) setMentions((list) => list.map((mention) => (mention.id === mentionId ? result.mention : mention)));
          return result;
        },
        onCopyCitation: async (mention) => {
          const text = citeMention(mention, ownEntry(claims, mention.claimId));
          return { copied: await copyText(text), text };
        },
        onExport: async (format) => {
          const file = await ask({ type: 'export-mentions', format, query: queryRef.current });
          if (!file.ok) return file;
          downloadText(file.content, file.filename, file.mimeType);
          return { ok: true, count: file.count, wrongMatches: file.wrongMatches, leftOutWrongMatches: file.leftOutWrongMatches };
        },
        onImport: async (text, replace) => {
          const result = await ask({ type: 'import-mentions', text, ...(replace ? { replace: true as const } : {}) });
          if (result.ok && !('confirm' in result)) await loadMentions();
          return result;
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
          const result = await ask({ type: 'remove-pack', packId });
          if (result.ok) await reloadAll();
          return result;
        },
        onImportPack: async (name, text) => {
          const result = await ask({ type: 'import-claim-pack', name, text });
          if (result.ok) await reloadAll();
          return result;
        },
      }}
      feed={{
        feed: info?.feed,
        onSaveUrl: async (choice) => {
          // First, before any await: the browser grants a host permission only while handling the click.
          const access = choice.url ? requestFeedAccess(choice.url) : Promise.resolve<FeedAccess>('not-needed');
          const previousUrl = info?.feed.url ?? '';
          const granted = await access;
          const result = await ask({
            type: 'set-feed-url',
            url: choice.url,
            ...(choice.publicKey ? { publicKey: choice.publicKey } : {}),
            ...(choice.allowUnsigned ? { allowUnsigned: true } : {}),
          });
          if (!result.ok) {
            // Refused: the host asked for just now is not needed after all.
            if (granted === 'granted') await releaseFeedAccess(choice.url, previousUrl);
            return result;
          }
          await releaseFeedAccess(previousUrl, result.feed.url);
          await loadInfo();
          return granted === 'declined' ? { ...result, warning: declinedAccessWarning(t, choice.url) } : result;
        },
        onUpdateNow: async () => {
          const result = await ask({ type: 'update-feed-now' });
          // Success or not, the check time (and maybe the packs) changed.
          await reloadAll();
          return result;
        },
      }}
      sites={{
        settings: siteSettings?.settings,
        onSave: async (settings) => {
          const result = await ask({ type: 'set-site-settings', ...settings, revision: siteSettings?.revision ?? 0 });
          if (result.ok) setSiteSettings({ settings: result.settings, revision: result.revision });
          // A refusal because the popup changed the settings meanwhile: show the current ones.
          else await loadSiteSettings();
          return result;
        },
      }}
    />
  );
}

document.documentElement.lang = t.locale;
document.title = t('options_title');
render(
  <I18nProvider translator={t}>
    <OptionsPage />
  </I18nProvider>,
  document.getElementById('app')!,
);
