/**
 * "Copy citation": one mention as a paragraph a reader pastes into notes or a draft: the quote, the
 * page (title, address, the day it was seen) and the claim with its label and status as Pledge Lens
 * gives them now.
 */
import type { ClaimCardData } from '../claims/claim-card-data';
import { formatDay, KIND_LABEL, statusWithDate } from '../format/claim-labels';
import type { Mention } from './schema';

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * “Anthropic says it will publish Risk Reports…” In: Anthropic rewrites its rulebook,
 * https://news.example/story (seen 25 Nov 2026). Claim: Anthropic, “Anthropic will publish…”
 * (Binding commitment; In force since 24 Feb 2026; Pledge Lens claim set: Pledge Lens).
 * The day seen is the UTC day, as the history shows and filters it.
 */
export function citeMention(mention: Mention, claim: ClaimCardData | undefined): string {
  const title = oneLine(mention.pageTitle) || mention.pageUrl;
  const page = `In: ${title}, ${mention.pageUrl} (seen ${formatDay(mention.lastSeen.slice(0, 10))}).`;
  const about = claim
    ? `Claim: ${claim.actorName}, “${oneLine(claim.statement)}” (${KIND_LABEL[claim.kind]}; ${statusWithDate(claim.status, claim.statusDate)}; Pledge Lens claim set: ${claim.packName}).`
    : `Claim: ${mention.claimId} (no longer in the claim set in use).`;
  return `“${oneLine(mention.anchor.exact)}” ${page} ${about}`;
}
