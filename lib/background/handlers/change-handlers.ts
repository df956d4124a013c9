/** Answers extension pages about "changed since you read it": which claims changed, and that the reader has looked. */
import { hasUnseen, netChangeSince, type ClaimChange } from '../../claims/claim-changes';
import type { ExtensionPageToBackground } from '../../messages/extension-page-to-background';
import type { Handlers } from '../../messages/message-map';
import { historyUrl } from '../../sites/url';
import { refreshAllBadges } from '../badge';
import { mentionsOnPage } from '../store/mention-store';
import type { ClaimSnapshot } from '../claim-change-tracker';
import type { BackgroundContext } from '../context';

/**
 * After a claim-set update was stored (feed, imported pack, newer bundled set): records what it changed
 * about claims the reader met, and marks the badges of tabs showing them. Never throws: a failed
 * record must not fail the update that was already stored.
 * @param before `ctx.changes.snapshot()` taken before the update was stored
 */
export async function recordClaimChanges(ctx: BackgroundContext, before: ClaimSnapshot): Promise<void> {
  try {
    if ((await ctx.changes.recordSince(before)).length > 0) await refreshAllBadges(ctx);
  } catch {
    // The update stands; only its "changed since you read it" note is lost.
  }
}

type ChangeRequests = Pick<ExtensionPageToBackground, 'get-claim-changes' | 'acknowledge-claim-changes'>;

export function changeHandlers(ctx: BackgroundContext): Handlers<ChangeRequests, undefined> {
  return {
    'get-claim-changes': async (request) => {
      // A page matched a moment ago may still be in the write queue.
      await ctx.mentions.flushed();
      let changes: Record<string, ClaimChange> = {};
      if (request.claimIds) {
        const pageMentions = request.pageUrl ? await mentionsOnPage(ctx.db, historyUrl(request.pageUrl)) : [];
        changes = await ctx.changes.forPage(request.claimIds, pageMentions);
      } else {
        for (const record of (await ctx.changes.records()).values()) {
          const change = hasUnseen(record) ? netChangeSince(record, record.seenAt) : undefined;
          if (change) changes[record.claimId] = change;
        }
      }
      return { ok: true, changes, unseen: (await ctx.changes.unseenClaimIds()).size };
    },
    'acknowledge-claim-changes': async (request) => {
      const unseen = await ctx.changes.acknowledge(request.claimIds);
      await refreshAllBadges(ctx);
      return { ok: true, unseen };
    },
  };
}
