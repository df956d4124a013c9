/** Answers content scripts: matching a page, whether its site is on, and what a frame found. */
import { toCardData, type ClaimCardData } from '../../claims/claim-card-data';
import { withSuperscriptPowers } from '../../format/superscript-powers';
import { matchClaims } from '../../match/match-claims';
import type { ContentToBackground } from '../../messages/content-to-background';
import type { Handlers } from '../../messages/message-map';
import { siteEnabled } from '../../sites/site-settings';
import { normalisePageUrl } from '../../annotations/mention-id';
import type { Mention } from '../../annotations/schema';
import { getMention, mentionsSeen } from '../store/mention-store';
import { refreshBadge } from '../badge';
import type { CompiledClaims } from '../claim-set-cache';
import type { MatcherWarmUp } from '../matcher-warm-up';
import type { BackgroundContext, ContentSender } from '../context';
import type { PageClaimSummary } from '../../frames/tab-frames';
import { FOREIGN_URL_ERROR, historyPlace, speaksFor, type HistoryPlace } from './content-origin';

/**
 * The cards of the claims a page matched, each made once per compiled set: making one scans the whole
 * set for the claims its texts name (`toCardData`: time grows with the set; 7 ms a 10k-word page with
 * the default set in the worker profile), and the same claims come back page after page.
 */
function cardsFrom(cache: WeakMap<CompiledClaims, Map<string, ClaimCardData>>) {
  return (compiled: CompiledClaims, claimIds: Iterable<string>): Record<string, ClaimCardData> => {
    let cards = cache.get(compiled);
    if (!cards) cache.set(compiled, (cards = new Map()));
    const out: Record<string, ClaimCardData> = {};
    for (const id of claimIds) {
      if (Object.hasOwn(out, id)) continue;
      let card = cards.get(id);
      if (!card) {
        const claim = compiled.claims.get(id);
        if (!claim) continue;
        cards.set(id, (card = toCardData(claim, compiled.claims)));
      }
      out[id] = card;
    }
    return out;
  };
}

/**
 * A frame's reported claims as the popup lists them: the wording, kind, status and actor come from the
 * compiled set by claim id, never from the message (a frame could report any wording under a real id);
 * only the frame's own counts (mentions, first offset) are its word. Ids the set does not hold are left out.
 */
function summariesFrom(compiled: CompiledClaims, reported: readonly PageClaimSummary[]): PageClaimSummary[] {
  const out: PageClaimSummary[] = [];
  for (const { claimId, mentions, firstOffset, hiddenByPage, wrongMatches, possible } of reported) {
    const claim = compiled.claims.get(claimId);
    if (!claim) continue;
    out.push({
      claimId,
      // "10²⁶" as the card writes it (a new user's report 54 saw "10^26" in the popup and "10²⁶" on the card).
      statement: withSuperscriptPowers(claim.statement),
      kind: claim.kind,
      status: claim.status,
      statusDate: claim.statusDate,
      actorName: claim.actor.name,
      force: claim.force,
      ...(claim.effectiveDate ? { effectiveDate: claim.effectiveDate } : {}),
      mentions,
      firstOffset,
      ...(hiddenByPage ? { hiddenByPage } : {}),
      // (No more than it has: a frame's word on its own counts, bounded.)
      ...(wrongMatches ? { wrongMatches: Math.min(wrongMatches, mentions) } : {}),
      ...(possible ? { possible: Math.min(possible, mentions) } : {}),
    });
  }
  return out;
}

/** Every request names a page: the frame must be able to speak for it (content-origin.ts), its tab's top page as the browser gives it. */
function frameSpeaksFor(ctx: Pick<BackgroundContext, 'frames'>, sender: ContentSender, url: string): boolean {
  return speaksFor(sender, url, ctx.frames.topUrl(sender.tabId));
}

/** Where the history files the text of the frame that sent `url` (content-origin.ts). */
export function senderPlace(ctx: Pick<BackgroundContext, 'frames'>, sender: ContentSender, url: string): HistoryPlace {
  return historyPlace(sender, url, ctx.frames.topPage(sender.tabId));
}

/** Whether a mention is filed at `place`: its page and its embed (none for both, or the same address). */
export function filedAt(mention: Pick<Mention, 'pageUrl' | 'frameUrl'>, place: HistoryPlace): boolean {
  // ('' for no embed: `normalisePageUrl` keeps it.)
  return normalisePageUrl(mention.pageUrl) === normalisePageUrl(place.pageUrl) && normalisePageUrl(mention.frameUrl ?? '') === normalisePageUrl(place.frameUrl ?? '');
}

/**
 * Whether a card's note editor may open `mentionId` for the page `url` names: the frame speaks for that page,
 * and the mention is filed where that frame's text is (`senderPlace`: the page and, in an embed, the embed's
 * address) or not stored yet (its first sighting may still be on its way to the store). A mention the history
 * holds for another page is refused: a page can choose text whose 64-bit id is a reader's mention elsewhere
 * (attack report 46), and its card would show and change that note.
 */
export function ownsMention(ctx: Pick<BackgroundContext, 'db' | 'frames'>) {
  return async (request: { mentionId: string; url: string }, sender: ContentSender): Promise<boolean> => {
    if (!frameSpeaksFor(ctx, sender, request.url)) return false;
    const stored = await getMention(ctx.db, request.mentionId);
    return stored === undefined || filedAt(stored, senderPlace(ctx, sender, request.url));
  };
}

/** How often a tab's frames are told, at most, that its page is about AI (ms). */
export const ABOUT_AI_EVERY_MS = 1_000;

/**
 * @param warmUp warms the matcher for a frame that hears its site is on (its page's text comes next)
 *   and is told when a page's own match makes the warm-up needless
 */
export function contentHandlers(
  ctx: BackgroundContext,
  warmUp: Pick<MatcherWarmUp, 'start' | 'markUsed'>,
  // The note editor's capabilities are answered beside these (lib/background/note-capabilities.ts).
): Handlers<Omit<ContentToBackground, 'open-note-editor'>, ContentSender> {
  const cardsFor = cardsFrom(new WeakMap());
  const speaks = (sender: ContentSender, url: string) => frameSpeaksFor(ctx, sender, url);
  // When each tab's frames were last told its page is about AI (ms): a top frame's matches (a live blog's regions
  // come by the dozen) tell them at most once per ABOUT_AI_EVERY_MS; its reports with claims always do (it reports
  // again when an embed has loaded, at most once a second itself, and that embed may have loaded within the second).
  const toldAboutAi = new Map<number, number>();
  const tellFramesAboutAi = (tabId: number, throttled: boolean): void => {
    const now = ctx.now().getTime();
    if (throttled && now - (toldAboutAi.get(tabId) ?? -Infinity) < ABOUT_AI_EVERY_MS) return;
    toldAboutAi.set(tabId, now);
    // (Frames with no content script, or gone, answer with an error: nothing to do.)
    void Promise.resolve()
      .then(() => ctx.port.sendToContent(tabId, { type: 'page-about-ai' }))
      .catch(() => undefined);
  };
  return {
    'match-page': async (request, sender) => {
      if (!speaks(sender, request.url)) return { ok: false, error: FOREIGN_URL_ERROR };
      if (!siteEnabled(await ctx.settings.read(), request.url)) return { ok: false, error: 'Pledge Lens is off on this site.' };
      if (sender.frameId === 0) {
        ctx.frames.noteTopPage(sender.tabId, request.url, request.title, request.citation);
        // The top frame passed its wake gate: its page speaks of AI, and an embed of it need not.
        tellFramesAboutAi(sender.tabId, true);
      }
      const place = senderPlace(ctx, sender, request.url);
      const { pageUrl } = place;
      // The reader's wrong-match flags on this page, read while the page is matched (a revisit paints
      // them dimmed from the first frame; a page met for the first time has none).
      const flagged = ctx.flagged.onPage(pageUrl);
      const compiled = await ctx.claimSets.get();
      warmUp.markUsed(compiled.index);
      // A changed region is matched with the text around it (the page's subject, headings, names referred back
      // to) but only matches starting in its own text count; anchors see the text around it; offsets go back in
      // page coordinates.
      const before = request.contextBefore ?? '';
      const after = request.contextAfter ?? '';
      const offset = request.offset ?? 0;
      const text = before + request.text + after;
      const regionEnd = before.length + request.text.length;
      // (The title tells what the page is about when the text is a region added later: `MatchOptions.pageTitle`.)
      // (In the tab's turn: a tab whose matches cost much waits between them, see match-turns.ts.)
      const found = await ctx.matchTurns.run(sender.tabId, () => matchClaims(text, compiled.index, { pageTitle: request.title }).filter((match) => match.start >= before.length && match.start < regionEnd));
      // (Text in a frame that is not the page, an embed or a srcdoc frame, is filed under the page it was read on,
      // with the page's title and citation data as its top frame sent them, never the frame's own, which describes the
      // frame, not the article.)
      const page = place.pageTitle === undefined
        ? { url: pageUrl, title: request.title, citation: request.citation }
        : { url: pageUrl, title: place.pageTitle, ...(place.frameUrl !== undefined && { frameUrl: place.frameUrl }), ...(place.pageCitation && { citation: place.pageCitation }) };
      // (A quote the page re-rendered with new numbers beside it keeps the id it was first seen with: recent-places.ts.)
      const seen = ctx.mentions.sameAsBefore(mentionsSeen({ ...page, text, offset: offset - before.length, scripts: request.scripts ?? [] }, found, ctx.now()));
      // Answer first: the history is written after, and a failed write never holds up highlighting.
      ctx.mentions.record(seen);
      const wrong = await flagged;
      return {
        ok: true,
        claimSetVersion: compiled.version,
        claims: cardsFor(compiled, found.map((match) => match.claimId)),
        matches: found.map((match, i) => ({
          claimId: match.claimId,
          score: match.score,
          start: match.start - before.length + offset,
          end: match.end - before.length + offset,
          mentionId: seen[i]!.id,
          ...(wrong.has(seen[i]!.id) ? { wrongMatch: true as const } : {}),
          ...(match.possible ? { possible: true as const } : {}),
        })),
      };
    },
    'get-site-enabled': async (request, sender) => {
      if (!speaks(sender, request.url)) return { ok: false, error: FOREIGN_URL_ERROR };
      if (sender.frameId === 0) ctx.frames.noteTopPage(sender.tabId, request.url, request.title);
      const enabled = siteEnabled(await ctx.settings.read(), request.url);
      // A frame on a switched-off site never starts and so never reports: record it as off, so the
      // popup shows "off on this site" with its switch rather than "not read". A frame that is on reports itself.
      if (!enabled) ctx.frames.report(sender.tabId, sender.frameId, { url: request.url, enabled: false, scanning: false, claims: [] });
      else warmUp.start();
      return { ok: true, enabled };
    },
    'report-frame': async (request, sender) => {
      if (!speaks(sender, request.url)) return { ok: false, error: FOREIGN_URL_ERROR };
      const claims = request.claims.length ? summariesFrom(await ctx.claimSets.get(), request.claims) : [];
      const { url, enabled, scanning, language, partlyRead, cardsRefused } = request;
      ctx.frames.report(sender.tabId, sender.frameId, { url, enabled, scanning, claims, ...(language ? { language } : {}), ...(partlyRead ? { partlyRead } : {}), ...(cardsRefused ? { cardsRefused } : {}) });
      // (A top frame reports again when an embed of it has loaded: see the content script's frame watch.)
      if (sender.frameId === 0 && enabled && claims.length > 0) tellFramesAboutAi(sender.tabId, false);
      await refreshBadge(ctx, sender.tabId);
      return { ok: true };
    },
  };
}
