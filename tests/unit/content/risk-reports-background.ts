/**
 * A stand-in background for content-script tests: every occurrence of one sentence is Anthropic's
 * Risk Reports claim (a mention per place); every other request is answered "ok".
 */
import type { PageAnnotator } from '@/entrypoints/content/page-annotator';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';

export const RISK_REPORTS_SENTENCE = 'Anthropic said it will publish Risk Reports every three to six months, with outside review.';

export const RISK_REPORTS_CLAIM: ClaimCardData = {
  id: 'anthropic-rsp3-risk-reports',
  statement: 'Anthropic will publish a Risk Report every three to six months.',
  kind: 'binding-commitment',
  force: 'policy',
  status: 'in-force',
  statusDate: '2026-02-24',
  actorName: 'Anthropic',
  rationale: 'r',
  evidence: [],
  confidence: 'high',
  sources: [],
  history: [],
  packName: 'Pledge Lens',
};

type Ask = ConstructorParameters<typeof PageAnnotator>[1];

/** The `ask` a PageAnnotator is built with: match-page finds every RISK_REPORTS_SENTENCE in the text it is sent, as `claim` (by default RISK_REPORTS_CLAIM). */
export function riskReportsBackground(claim: ClaimCardData = RISK_REPORTS_CLAIM): Ask {
  return (async (request: { type: string; text?: string; offset?: number }) => {
    if (request.type !== 'match-page') return { ok: true };
    const text = request.text ?? '';
    const matches = [];
    for (let at = text.indexOf(RISK_REPORTS_SENTENCE); at >= 0; at = text.indexOf(RISK_REPORTS_SENTENCE, at + 1)) {
      const start = (request.offset ?? 0) + at;
      matches.push({ claimId: claim.id, start, end: start + RISK_REPORTS_SENTENCE.length, score: 1, mentionId: `urn:pledge-lens:mention:${start}` });
    }
    return { ok: true, matches, claims: { [claim.id]: claim }, claimSetVersion: '2.0.0' };
  }) as unknown as Ask;
}
