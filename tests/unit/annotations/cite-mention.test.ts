/**
 * "Copy citation" (a new user's report): only the page's words go in quotation marks; the claim is
 * introduced as Pledge Lens's summary, with its label, status, primary source and claim id.
 */
import { describe, expect, it } from 'vitest';
import { citeMention } from '../../../lib/annotations/cite-mention';
import { toCardData } from '../../../lib/claims/claim-card-data';
import { bindingClaim, makeMention, targetClaim } from './fixtures';

const card = (claim: typeof bindingClaim) => toCardData({ ...claim, packName: 'Pledge Lens', packId: 'bundled' });

describe('citeMention', () => {
  it('quotes the page, never the claim statement, and names the summary as ours', () => {
    const text = citeMention(makeMention(), card(bindingClaim));
    expect(text.startsWith('“Acme said it would no longer pause training” In: Acme rewrites its safety policy, https://news.example/2026/acme-policy (seen 21 Nov 2026).')).toBe(true);
    expect(text).toContain('Claim by Acme AI, as Pledge Lens summarises it: Acme AI will halt training runs if its evaluations find dangerous capabilities (');
    expect(text).not.toContain(`“${bindingClaim.statement}`);
    expect(text.match(/[“”]/g)?.length, 'one quotation: the page text (and the pack name)').toBe(4);
  });

  it("names the page's authors and publication date when its metadata gave them", () => {
    const text = citeMention(makeMention({ pageCitation: { published: '2026-02-24', authors: ['Jane Doe', 'John Roe', 'Ann‮ Poe'] } }), card(bindingClaim));
    expect(text).toContain('In: Acme rewrites its safety policy, by Jane Doe, John Roe and Ann Poe, published 24 Feb 2026, https://news.example/2026/acme-policy (seen 21 Nov 2026).');
    expect(citeMention(makeMention({ pageCitation: { published: '2026-02', authors: ['A One', 'B Two', 'C Three', 'D Four'] } }), card(bindingClaim))).toContain(', by A One et al., published Feb 2026, ');
  });

  it("cites the work's title and names its site after it, as the CSL export does (a new user's report 51, problem 9)", () => {
    const oxford = makeMention({ pageUrl: 'https://www.ox.ac.uk/news/expert-comment', pageTitle: 'Expert Comment: What the Pentagon dispute means | University of Oxford', pageCitation: { authors: ['Dr Brianna Rosen'] } });
    expect(citeMention(oxford, card(bindingClaim))).toContain('In: Expert Comment: What the Pentagon dispute means, University of Oxford, by Dr Brianna Rosen, https://www.ox.ac.uk/news/expert-comment (seen ');
    // The metadata's own site name wins over the title's, and a title that names no site stays whole.
    const verge = makeMention({ pageUrl: 'https://www.theverge.com/ai/1', pageTitle: 'Anthropic drops its pause pledge - The Verge', pageCitation: { site: 'The Verge' } });
    expect(citeMention(verge, card(bindingClaim))).toContain('In: Anthropic drops its pause pledge, The Verge, https://www.theverge.com/ai/1 (seen ');
    expect(citeMention(makeMention({ pageTitle: 'Claude 3 - a new model arrives' }), card(bindingClaim))).toContain('In: Claude 3 - a new model arrives, https://news.example/');
  });

  it('gives the label, the status with its date, the primary source and the claim id', () => {
    const text = citeMention(makeMention(), card(bindingClaim));
    expect(text).toContain('(Binding commitment (self-imposed); Withdrawn 24 Feb 2026).');
    expect(text, 'an untitled piece of evidence: its address alone').toContain('Primary source: https://example.org/post.');
    expect(citeMention(makeMention(), card({ ...bindingClaim, evidence: [] }))).toContain('Primary source: Acme scaling policy, version 1, https://acme.example/policy-v1.');
    expect(text.endsWith('Pledge Lens claim set “Pledge Lens”, claim acme-pause-pledge.')).toBe(true);
  });

  it('says an announced target that holds is current, as the card does, and a binding one in force', () => {
    expect(citeMention(makeMention({ claimId: targetClaim.id }), card(targetClaim))).toContain('(Announced target (goal); Current since 1 Sep 2025).');
    expect(citeMention(makeMention(), card({ ...bindingClaim, status: 'in-force', statusDate: '2025-09-01' }))).toContain('(Binding commitment (self-imposed); In force since 1 Sep 2025).');
  });

  it('takes the primary source from the first piece of evidence when there is one', () => {
    const withEvidence = { ...targetClaim, evidence: [{ quote: 'We aim to publish a roadmap every quarter.', locator: 'para 2', url: 'https://acme.example/roadmap-post', title: 'Roadmaps at Acme' }] };
    expect(citeMention(makeMention({ claimId: targetClaim.id }), card(withEvidence))).toContain('Primary source: Roadmaps at Acme, https://acme.example/roadmap-post.');
  });

  it('names the claim by id when the set no longer holds it', () => {
    expect(citeMention(makeMention({ claimId: 'gone-claim' }), undefined)).toMatch(/Claim: gone-claim \(no longer in the claim set in use\)\.$/);
  });
});
