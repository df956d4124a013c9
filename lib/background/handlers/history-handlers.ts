/** Answers extension pages about the reader's history: mentions, notes, wrong-match flags, export, import. */
import { EXPORT_FORMATS, exportFileName, exportScope } from '../../annotations/export-formats';
import { parseAnnotationExport } from '../../annotations/import-annotations';
import { cardDataFor, toCardData } from '../../claims/claim-card-data';
import { parseJsonText } from '../../claims/parse-claim-set-text';
import type { Mention } from '../../annotations/schema';
import type { PackedClaim } from '../../claims/merge-claim-packs';
import { failed } from '../../format/reader-errors';
import { MAX_CONFIRM_NOTES, type ExtensionPageToBackground, type MentionQuery } from '../../messages/extension-page-to-background';
import { historyUrl } from '../../sites/url';
import type { Handlers } from '../../messages/message-map';
import { clearMentions, deleteMentions, getMention, importMentions, listMentions, updateMention } from '../store/mention-store';
import { refreshAllBadges } from '../badge';
import type { BackgroundContext } from '../context';
import { reachableTabIds } from '../reachable-tabs';

type HistoryRequests = Pick<
  ExtensionPageToBackground,
  'get-mention' | 'set-note' | 'set-wrong-match' | 'list-mentions' | 'export-mentions' | 'import-mentions' | 'delete-mentions' | 'clear-mentions'
>;

/** A page asked about by its address is stored under its history URL (no fragment, no tokens). */
function withHistoryUrl(query: MentionQuery): MentionQuery {
  return query.pageUrl ? { ...query, pageUrl: historyUrl(query.pageUrl) } : query;
}

const GONE = failed({ code: 'mention-gone' });

/**
 * The stored mentions a query selects: the store's own filters (claim, site, dates, text, wrong
 * matches), then those that need the claim set and the change records (kind, status, changed since read).
 */
async function selectMentions(ctx: BackgroundContext, query: MentionQuery, claims: ReadonlyMap<string, PackedClaim>): Promise<Mention[]> {
  const { kinds, statuses, changedSinceRead, ...storeQuery } = withHistoryUrl(query);
  // Free text also finds a claim's mentions by who made it (the options page's search says so).
  const claimWords = storeQuery.text ? new Map([...claims].map(([id, claim]) => [id, [claim.actor.name, ...(claim.actor.aliases ?? [])].join('\n')])) : undefined;
  let mentions = await listMentions(ctx.db, { ...storeQuery, ...(claimWords ? { claimWords } : {}) });
  if (kinds?.length || statuses?.length) {
    const kindSet = new Set(kinds ?? []);
    const statusSet = new Set(statuses ?? []);
    mentions = mentions.filter((mention) => {
      const claim = claims.get(mention.claimId);
      return claim !== undefined && (kindSet.size === 0 || kindSet.has(claim.kind)) && (statusSet.size === 0 || statusSet.has(claim.status));
    });
  }
  if (changedSinceRead) {
    const changed = await ctx.changes.forMentions(mentions);
    mentions = mentions.filter((mention) => mention.id in changed);
  }
  return mentions;
}

/**
 * Tells every tab's frames that a mention's wrong-match flag changed: the frame whose page holds its
 * highlight dims it (or shows it again). Every tab the background can reach (`reachableTabIds`): the
 * note editor's request names none. A tab without our content script, or closed meanwhile, is skipped.
 * Never rejects.
 */
async function showWrongMatch(ctx: BackgroundContext, mentionId: string, flagged: boolean): Promise<void> {
  const tabs = await reachableTabIds(ctx);
  await Promise.all([...tabs].map((tabId) => Promise.resolve().then(() => ctx.port.sendToContent(tabId, { type: 'show-wrong-match', mentionId, flagged })).catch(() => undefined)));
}

/**
 * Changes a mention's note or flag: a mention a history bound kept out (the history full, a site's share used
 * up) is stored first, past the bound, since the reader annotating it is their own act.
 * @returns the changed mention; undefined when the history neither holds nor held back that id
 * @throws what IndexedDB throws
 */
async function annotateMention(ctx: BackgroundContext, mentionId: string, change: (mention: Mention) => Mention): Promise<Mention | undefined> {
  await ctx.mentions.flushed();
  const stored = await updateMention(ctx.db, mentionId, change);
  if (stored || !(await ctx.mentions.storeHeldBack(mentionId))) return stored;
  return updateMention(ctx.db, mentionId, change);
}

export function historyHandlers(ctx: BackgroundContext): Handlers<HistoryRequests, undefined> {
  return {
    'get-mention': async (request) => {
      // A page matched a moment ago may still be in the write queue.
      await ctx.mentions.flushed();
      const mention = (await getMention(ctx.db, request.mentionId)) ?? ctx.mentions.heldBack(request.mentionId);
      if (!mention) return GONE;
      const claim = (await ctx.claimSets.get()).claims.get(mention.claimId);
      return { ok: true, mention, ...(claim ? { claim: toCardData(claim) } : {}) };
    },
    'set-note': async (request) => {
      const updatedAt = ctx.now().toISOString();
      const mention = await annotateMention(ctx, request.mentionId, (m) => ({ ...m, note: { text: request.text, updatedAt } }));
      return mention ? { ok: true, mention } : GONE;
    },
    'set-wrong-match': async (request) => {
      const updatedAt = ctx.now().toISOString();
      const mention = await annotateMention(ctx, request.mentionId, (m) => ({ ...m, wrongMatch: { flagged: request.flagged, updatedAt } }));
      if (!mention) return GONE;
      ctx.flagged.forget(mention.pageUrl);
      // The highlight dims (or comes back) on the page at once, without waiting for the answer: the
      // reader's own answer ("Marked …") must not wait on every open tab.
      void showWrongMatch(ctx, mention.id, request.flagged);
      return { ok: true, mention };
    },
    'list-mentions': async (request) => {
      await ctx.mentions.flushed();
      const { claims } = await ctx.claimSets.get();
      const mentions = await selectMentions(ctx, request.query, claims);
      return { ok: true, mentions, claims: cardDataFor(mentions.map((mention) => mention.claimId), claims), changes: await ctx.changes.forMentions(mentions) };
    },
    'export-mentions': async (request) => {
      await ctx.mentions.flushed();
      const { claims } = await ctx.claimSets.get();
      const mentions = await selectMentions(ctx, { wrongMatches: 'exclude', ...request.query }, claims);
      // Left out by default or by choice ("Hide them"): say how many, so an export never silently drops them.
      const leftOutWrongMatches = (request.query.wrongMatches ?? 'exclude') === 'exclude' ? (await selectMentions(ctx, { ...request.query, wrongMatches: 'only' }, claims)).length : 0;
      if (mentions.length === 0) {
        return failed({ code: 'nothing-to-export', wrongMatches: leftOutWrongMatches });
      }
      const now = ctx.now();
      const format = EXPORT_FORMATS[request.format];
      return {
        ok: true,
        filename: exportFileName(request.format, now, exportScope(request.query)),
        mimeType: format.mimeType,
        content: format.serialise(mentions, claims, now.toISOString(), leftOutWrongMatches),
        count: mentions.length,
        wrongMatches: mentions.filter((mention) => mention.wrongMatch?.flagged === true).length,
        leftOutWrongMatches,
      };
    },
    'import-mentions': async (request) => {
      const json = parseJsonText(request.text);
      if (!json.ok) return failed({ code: 'annotation-not-json' });
      // The background's clock, not the machine's: the same "now" every other timestamp here is judged by.
      const parsed = parseAnnotationExport(json.value, ctx.now());
      if (!parsed.ok) return failed({ code: 'annotation-refused', detail: parsed.error.slice(0, 500) });
      const imported = await ctx.mentions.alter(() => importMentions(ctx.db, parsed.mentions, { replace: request.replace === true }));
      if (!imported.written) {
        const { replacedNotes, changedFlags } = imported;
        return { ok: true, confirm: { notes: replacedNotes.slice(0, MAX_CONFIRM_NOTES), noteCount: replacedNotes.length, changedFlags } };
      }
      // A merge may carry wrong-match flags.
      ctx.flagged.forget();
      return { ok: true, added: imported.added, updated: imported.updated, unchanged: imported.unchanged, keptNotes: imported.keptNotes };
    },
    'delete-mentions': async (request) => {
      const deleted = await ctx.mentions.alter(() => deleteMentions(ctx.db, request.ids));
      ctx.flagged.forget();
      return { ok: true, deleted };
    },
    'clear-mentions': async () => {
      const deleted = await ctx.mentions.alter(() => clearMentions(ctx.db));
      ctx.flagged.forget();
      // The changes were about claims in that history: they go with it.
      await ctx.changes.clear();
      await refreshAllBadges(ctx);
      return { ok: true, deleted };
    },
  };
}
