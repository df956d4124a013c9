/** Answers extension pages about the reader's history: mentions, notes, wrong-match flags, export, import. */
import { EXPORT_FORMATS, exportFileName } from '../../annotations/export-formats';
import { parseAnnotationExport } from '../../annotations/import-annotations';
import { cardDataFor, toCardData } from '../../claims/claim-card-data';
import { parseJsonText } from '../../claims/parse-claim-set-text';
import type { ExtensionPageToBackground, MentionQuery } from '../../messages/extension-page-to-background';
import { historyUrl } from '../../sites/url';
import type { Handlers } from '../../messages/message-map';
import { clearMentions, deleteMentions, importMentions, listMentions, updateMention } from '../store/mention-store';
import type { BackgroundContext } from '../context';

type HistoryRequests = Pick<
  ExtensionPageToBackground,
  'get-mention' | 'set-note' | 'set-wrong-match' | 'list-mentions' | 'export-mentions' | 'import-mentions' | 'delete-mentions' | 'clear-mentions'
>;

/** A page asked about by its address is stored under its history URL (no fragment, no tokens). */
function withHistoryUrl(query: MentionQuery): MentionQuery {
  return query.pageUrl ? { ...query, pageUrl: historyUrl(query.pageUrl) } : query;
}

const GONE = 'That mention is no longer stored (was the history cleared?).';

export function historyHandlers(ctx: BackgroundContext): Handlers<HistoryRequests, undefined> {
  return {
    'get-mention': async (request) => {
      // A page matched a moment ago may still be in the write queue.
      await ctx.mentions.flushed();
      const mention = await ctx.db.get('mentions', request.mentionId);
      if (!mention) return { ok: false, error: GONE };
      const claim = (await ctx.claimSets.get()).claims.get(mention.claimId);
      return { ok: true, mention, ...(claim ? { claim: toCardData(claim) } : {}) };
    },
    'set-note': async (request) => {
      await ctx.mentions.flushed();
      const updatedAt = ctx.now().toISOString();
      const mention = await updateMention(ctx.db, request.mentionId, (m) => ({ ...m, note: { text: request.text, updatedAt } }));
      return mention ? { ok: true, mention } : { ok: false, error: GONE };
    },
    'set-wrong-match': async (request) => {
      await ctx.mentions.flushed();
      const updatedAt = ctx.now().toISOString();
      const mention = await updateMention(ctx.db, request.mentionId, (m) => ({ ...m, wrongMatch: { flagged: request.flagged, updatedAt } }));
      return mention ? { ok: true, mention } : { ok: false, error: GONE };
    },
    'list-mentions': async (request) => {
      await ctx.mentions.flushed();
      const mentions = await listMentions(ctx.db, withHistoryUrl(request.query));
      const { claims } = await ctx.claimSets.get();
      return { ok: true, mentions, claims: cardDataFor(mentions.map((mention) => mention.claimId), claims) };
    },
    'export-mentions': async (request) => {
      await ctx.mentions.flushed();
      const mentions = await listMentions(ctx.db, { wrongMatches: 'exclude', ...withHistoryUrl(request.query) });
      if (mentions.length === 0) return { ok: false, error: 'Nothing to export: no mention matches what you chose.' };
      const now = ctx.now();
      const format = EXPORT_FORMATS[request.format];
      return {
        ok: true,
        filename: exportFileName(request.format, now),
        mimeType: format.mimeType,
        content: format.serialise(mentions, (await ctx.claimSets.get()).claims, now.toISOString()),
        count: mentions.length,
      };
    },
    'import-mentions': async (request) => {
      const json = parseJsonText(request.text);
      if (!json.ok) return { ok: false, error: `This file is not JSON: ${json.message}.` };
      const parsed = parseAnnotationExport(json.value);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      await ctx.mentions.flushed();
      return { ok: true, ...(await importMentions(ctx.db, parsed.mentions)) };
    },
    'delete-mentions': async (request) => {
      await ctx.mentions.flushed();
      return { ok: true, deleted: await deleteMentions(ctx.db, request.ids) };
    },
    'clear-mentions': async () => {
      await ctx.mentions.flushed();
      return { ok: true, deleted: await clearMentions(ctx.db) };
    },
  };
}
