/**
 * A claim as the card's "Copy claim" button puts it on the clipboard: plain text in the reader's language, what
 * the card says at a glance and where it comes from, to paste into notes or a draft.
 *
 *   Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Anthropic no longer pledges to do this.
 *   Claim as Pledge Lens summarises it (not a quotation): Under its Responsible Scaling Policy (versions 1.0 to 2.2, …), Anthropic …
 *   Source: Responsible Scaling Policy, Version 2.2, https://www-cdn.anthropic.com/…
 *   Pledge Lens claim set “Pledge Lens”, checked 6 Dec 2026
 *
 * The card copies through this rather than letting the reader select its text: a selection inside the card's
 * closed shadow root is still the page's `getSelection()`, and the page's `copy` listeners could read or
 * replace it (docs/security.md).
 */
import { primarySource } from '../annotations/claim-facts';
import type { ClaimCardData } from '../claims/claim-card-data';
import { formatDayIn } from '../i18n/claim-words';
import type { Translator } from '../i18n/translator';
import { safeLinkUrl } from '../sites/url';
import { verdictSentence } from './claim-verdict';

/**
 * @param t the reader's translator (the card's)
 * @param claim the card's claim
 * @param now the day the verdict is read on (a law past its effective date reads as in force)
 * @returns lines joined by "\n": the verdict, the statement said to be our summary (in quotation marks it read as the
 *   actor's words once pasted: a new user's report 55), the primary source (when the claim has
 *   one with a web address) and the claim set with the day it was checked (the day when it has one)
 */
export function claimAsText(t: Translator, claim: ClaimCardData, now: Date = new Date()): string {
  const lines = [verdictSentence(t, claim, now), t('card_copyStatement', { statement: claim.statement })];
  const source = primarySource(claim);
  // The card links a source over https only (`safeLinkUrl`): the copy names the same address, or none.
  const url = source ? safeLinkUrl(source.url) : undefined;
  if (source && url) lines.push(t('card_copySource', { title: source.title || url, url }));
  lines.push(claim.reviewedAt ? t('card_copyChecked', { pack: claim.packName, date: formatDayIn(t, claim.reviewedAt) }) : t('card_copyPack', { pack: claim.packName }));
  return lines.join('\n');
}
