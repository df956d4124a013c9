/**
 * Shared by the "changed since you read it" and research-view tests in Chromium and Firefox: where
 * their screenshots go, the toolbar badge as the extension sees it, the claim set a feed serves with
 * one claim's status changed, and in-page probes of the popup (self-contained: evaluate() serialises them).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Claim, ClaimSet } from '../../../lib/claims/schema';
import { makeClaimSet } from '../../support/claim-sets';
import { bundledClaimSet } from './claim-set';
import { REPO_ROOT } from './paths';

export const RESEARCH_SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-results', 'extension-pages');

export function researchScreenshotPath(name: string): string {
  mkdirSync(RESEARCH_SCREENSHOT_DIR, { recursive: true });
  return resolve(RESEARCH_SCREENSHOT_DIR, `${name}.png`);
}

export const RESEARCH_VIEWPORTS = [
  { name: '1280', width: 1280, height: 900 },
  { name: '360', width: 360, height: 780 },
] as const;

/** The day the feed withdraws the claim, and how the popup must say it. */
export const WITHDRAWN_ON = '2026-11-20';
export const WITHDRAWN_WORDS = 'was In force, now Withdrawn on 20 Nov 2026';

/** The bundled set as a feed publishes it, with `claimId` withdrawn on WITHDRAWN_ON (and the history event that says so). */
export function feedWithWithdrawn(claimId: string, version = '2.1.0'): ClaimSet {
  const base = bundledClaimSet;
  const claims = base.claims.map((claim): Claim => {
    if (claim.id !== claimId) return claim;
    const sourceUrl = claim.sources[0]!.url;
    return { ...claim, status: 'withdrawn', statusDate: WITHDRAWN_ON, history: [...claim.history, { date: WITHDRAWN_ON, event: 'withdrawn', note: 'Withdrawn (an E2E test feed says so).', sourceUrl }] };
  });
  return makeClaimSet({ ...base, version, publisher: 'Research feed', claims });
}

/** A claim on the page that is in force in the bundled set (so the feed can withdraw it). */
export function inForceClaim(claimIds: readonly string[]): string {
  const found = claimIds.find((id) => bundledClaimSet.claims.find((claim) => claim.id === id)?.status === 'in-force');
  if (!found) throw new Error(`none of ${claimIds.join(', ')} is in force in the bundled set`);
  return found;
}

export interface PopupOrder {
  /** Claim ids as listed, top to bottom. */
  ids: string[];
  /** Each group's kind and its claim ids, in order. */
  groups: { kind: string; ids: string[] }[];
}

/** The popup's claims as grouped and listed. */
export function readPopupOrder(): PopupOrder {
  const groups = [...document.querySelectorAll('[data-testid=claim-group]')].map((group) => ({
    kind: group.getAttribute('data-kind') ?? '',
    ids: [...group.querySelectorAll('[data-testid=claim-item]')].map((item) => item.getAttribute('data-claim-id') ?? ''),
  }));
  return { ids: groups.flatMap((group) => group.ids), groups };
}

/** The "changed since you read it" note of one claim in the popup, or '' when it has none. */
export function readPopupChange(claimId: string): { note: string; status: string } {
  const item = document.querySelector(`[data-testid=claim-item][data-claim-id="${claimId}"]`);
  const row = item?.closest('li');
  return {
    note: (row?.querySelector('[data-testid=claim-changed]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    status: (item?.querySelector('[data-testid=claim-status]')?.textContent ?? '').trim(),
  };
}

/**
 * Reading order: claims within a group keep the page's order, and groups come in the order of their
 * first claim. `pageOrder` is the claim ids in the order the page first mentions them.
 * @returns what is out of order, empty when all is well
 */
export function readingOrderProblems(order: PopupOrder, pageOrder: readonly string[]): string[] {
  const at = (id: string): number => pageOrder.indexOf(id);
  const problems: string[] = [];
  for (const group of order.groups) {
    for (let i = 1; i < group.ids.length; i++) {
      if (at(group.ids[i]!) < at(group.ids[i - 1]!)) problems.push(`${group.kind}: ${group.ids[i]} is listed after ${group.ids[i - 1]} but comes first on the page`);
    }
  }
  const firsts = order.groups.map((group) => at(group.ids[0]!));
  for (let i = 1; i < firsts.length; i++) if (firsts[i]! < firsts[i - 1]!) problems.push(`group ${order.groups[i]!.kind} starts earlier on the page than the group above it`);
  if (order.ids[0] !== pageOrder[0]) problems.push(`the first claim listed is ${order.ids[0]}, not the page's first, ${pageOrder[0]}`);
  return problems;
}
