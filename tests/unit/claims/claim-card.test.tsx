// @vitest-environment happy-dom
/**
 * The card's new parts (evidence under "Why this label", the contested note, "Status as of"), the
 * labels of the new kind and statuses, and the look of no-commitment highlights.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claim-card';
import { leadClause, toCardData, type ClaimCardData } from '@/lib/claims/claim-card-data';
import { makeClaim } from '../../support/claim-sets';
import type { PackedClaim } from '@/lib/claims/merge-claim-packs';
import { KIND_LABEL, STATUS_LABEL, statusWithDate } from '@/lib/format/claim-labels';
import { CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS } from '@/entrypoints/content/highlight-style';
import { german, renderIn } from '../i18n/test-translators';

afterEach(cleanup);

function cardData(overrides: Partial<ClaimCardData> = {}): ClaimCardData {
  return {
    id: 'acme-declined-code',
    statement: 'Acme AI declined to sign the voluntary code.',
    kind: 'no-commitment',
    force: 'refusal',
    status: 'declined',
    statusDate: '2025-07-18',
    actorName: 'Acme AI',
    rationale: 'A refusal promises nothing.',
    evidence: [{ quote: 'Acme will not be signing the code.', locator: 'post of 18 Jul 2025', url: 'https://acme.example/post', title: 'Acme statement' }],
    contested: 'Some analysts call this a stance rather than a refusal because Acme follows most of the code anyway.',
    reviewedAt: '2026-11-29',
    confidence: 'high',
    sources: [{ url: 'https://acme.example/post', title: 'Acme statement' }],
    history: [{ date: '2025-07-18', event: 'declined', note: 'Refused to sign.', sourceUrl: 'https://acme.example/post' }],
    packName: 'Pledge Lens',
    ...overrides,
  };
}

function renderCard(claim: ClaimCardData) {
  return renderIn(<ClaimCard claim={claim} noteEditorUrl="about:blank" onClose={vi.fn()} />);
}

describe('ClaimCard: "Copy claim" (its text cannot be selected, the page would read the selection)', () => {
  const PLEDGE = cardData({
    id: 'acme-pause',
    statement: 'Acme AI pledged to pause training when its safeguards fell behind.',
    kind: 'binding-commitment',
    force: 'categorical-pledge',
    status: 'withdrawn',
    statusDate: '2026-02-24',
    evidence: [{ quote: 'We will pause.', locator: 'section 4', url: 'https://acme.example/policy-v2', title: 'Acme Scaling Policy v2' }],
    sources: [{ url: 'https://acme.example/policy-v2', title: 'Acme Scaling Policy v2' }],
  });

  it('copies the verdict, the quoted claim, its primary source and the claim set, and says it did', async () => {
    const onCopy = vi.fn((_text: string) => Promise.resolve(true));
    renderIn(<ClaimCard claim={PLEDGE} noteEditorUrl="about:blank" onClose={vi.fn()} onCopy={onCopy} />);
    const button = screen.getByTestId('copy-claim');
    expect(button.textContent).toBe('Copy claim');
    // Inside "More", before its first entry.
    expect(button.closest('details')?.getAttribute('data-testid')).toBe('more');
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(onCopy).toHaveBeenCalledTimes(1);
    expect(onCopy.mock.calls[0]![0].split('\n')).toEqual([
      'Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Acme AI no longer pledges to do this.',
      'Claim as Pledge Lens summarises it (not a quotation): Acme AI pledged to pause training when its safeguards fell behind.',
      'Source: Acme Scaling Policy v2, https://acme.example/policy-v2',
      'Pledge Lens claim set “Pledge Lens”, checked 29 Nov 2026',
    ]);
    expect(screen.getByTestId('copy-status').textContent).toBe('');
  });

  it('says when the page or browser refused, and names the way that still works', async () => {
    renderIn(<ClaimCard claim={PLEDGE} noteEditorUrl="about:blank" onClose={vi.fn()} onCopy={() => Promise.resolve(false)} />);
    fireEvent.click(screen.getByTestId('copy-claim'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toMatch(/^This page does not let Pledge Lens copy\. Export/));
    expect(screen.getByTestId('copy-claim').textContent).toBe('Copy claim');
  });

  it('copies in the reader\'s language, and leaves out a source that is no web address', async () => {
    const onCopy = vi.fn((_text: string) => Promise.resolve(true));
    renderIn(<ClaimCard claim={{ ...PLEDGE, evidence: [], sources: [{ url: 'javascript:alert(1)', title: 'x' }], reviewedAt: undefined }} noteEditorUrl="about:blank" onClose={vi.fn()} onCopy={onCopy} />, german);
    fireEvent.click(screen.getByTestId('copy-claim'));
    await waitFor(() => expect(onCopy).toHaveBeenCalled());
    const lines = onCopy.mock.calls[0]![0].split('\n');
    expect(lines[1]).toBe('Aussage, wie Pledge Lens sie zusammenfasst (kein Zitat): Acme AI pledged to pause training when its safeguards fell behind.');
    expect(lines.some((line) => line.includes('javascript:'))).toBe(false);
    expect(lines.at(-1)).toBe('Pledge-Lens-Aussagensammlung „Pledge Lens“');
  });

  it('names a source only where the card links it: over https, never a plain http address', async () => {
    const onCopy = vi.fn((_text: string) => Promise.resolve(true));
    renderIn(<ClaimCard claim={{ ...PLEDGE, evidence: [], sources: [{ url: 'http://acme.example/policy', title: 'Acme policy' }] }} noteEditorUrl="about:blank" onClose={vi.fn()} onCopy={onCopy} />);
    fireEvent.click(screen.getByTestId('copy-claim'));
    await waitFor(() => expect(onCopy).toHaveBeenCalled());
    expect(onCopy.mock.calls[0]![0]).not.toContain('acme.example');
  });

  it('has no button without a way to copy', () => {
    renderCard(PLEDGE);
    expect(screen.queryByTestId('copy-claim')).toBeNull();
  });
});

describe('ClaimCard', () => {
  it('shows the evidence, quoted with its locator and linked, under "Why this label"', () => {
    renderCard(cardData());
    const evidence = screen.getByTestId('evidence');
    expect(evidence.closest('dd')?.previousElementSibling?.textContent).toBe('Why this label');
    expect(evidence.querySelector('q')?.textContent).toBe('Acme will not be signing the code.');
    const link = evidence.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://acme.example/post');
    expect(link?.textContent).toBe('Acme statement, post of 18 Jul 2025');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the contested note and the review date', () => {
    renderCard(cardData());
    expect(screen.getByTestId('contested').textContent).toMatch(/^Some analysts call this a stance/);
    expect(screen.getByTestId('reviewed-at').textContent).toBe('Status as of 29 Nov 2026');
  });

  it('keeps its test ids and labels a refusal "No commitment", never as a promise', () => {
    renderCard(cardData());
    expect(screen.getByTestId('kind-label').textContent).toBe('No commitment');
    expect(screen.getByTestId('status').textContent).toBe('declined on 18 Jul 2025');
    expect(screen.getByTestId('actor').textContent).toBe('Acme AI');
    expect(screen.getByTestId('note-frame')).toBeTruthy();
  });

  it('leaves out what a claim does not have, and never links a non-https evidence URL', () => {
    const claim = cardData({ evidence: [{ quote: 'q', locator: '§1', url: 'javascript:alert(1)' }] });
    delete claim.contested;
    delete claim.reviewedAt;
    renderCard(claim);
    expect(screen.queryByTestId('contested')).toBeNull();
    expect(screen.queryByTestId('reviewed-at')).toBeNull();
    expect(screen.getByTestId('evidence').querySelector('a')).toBeNull();
    cleanup();
    renderCard(cardData({ evidence: [] }));
    expect(screen.queryByTestId('evidence')).toBeNull();
  });
});

/** A claim of the one test builder (tests/support/claim-sets.ts) as a pack holds it. */
function packedClaim(overrides: Partial<PackedClaim> = {}): PackedClaim {
  return { ...makeClaim('example-x'), packId: 'bundled', packName: 'Pledge Lens', ...overrides };
}

describe('toCardData', () => {
  it('copies evidence, contested and reviewedAt from a schema 2 claim', () => {
    const card = toCardData(packedClaim({ contested: 'Some analysts disagree.' }));
    expect(card).toMatchObject({ contested: 'Some analysts disagree.', reviewedAt: '2025-01-20', evidence: [{ quote: 'We aim to keep this promise.' }] });
  });

  it('carries a law\'s effective date, so a card shows a delayed duty as not yet applying', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 1, 12) });
    try {
      const law = toCardData(
        packedClaim({
          statement: 'Example Lab must comply with a law delayed to 2 December 2027.',
          kind: 'binding-commitment',
          force: 'legal-obligation',
          status: 'modified',
          statusDate: '2026-07-27',
          effectiveDate: '2027-12-02',
          history: [{ date: '2026-07-27', event: 'modified', note: 'n', sourceUrl: 'https://example.org/post' }],
        }),
      );
      expect(law.effectiveDate).toBe('2027-12-02');
      renderCard(law);
      expect(screen.getByTestId('verdict').textContent).toBe('Binding commitment (law), modified on 27 Jul 2026: Nobody has to comply before 2 Dec 2027.');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('toCardData: claims named by id', () => {
  const base = (id: string, statement: string, rationale: string): PackedClaim => ({
    id,
    actor: { id: 'acme-ai', name: 'Acme AI', type: 'company', aliases: [] },
    statement,
    kind: 'announced-target',
    force: 'goal',
    status: 'in-force',
    statusDate: '2026-01-01',
    history: [{ date: '2026-01-01', event: 'introduced', note: 'n', sourceUrl: 'https://acme.example/' }],
    rationale,
    evidence: [{ quote: 'We aim to do x.', locator: '§1', url: 'https://acme.example/' }],
    confidence: 'high',
    sources: [{ url: 'https://acme.example/', title: 't' }],
    reviewedAt: '2026-11-29',
    phrasings: ['p'],
    keyPhrases: [],
    keyTerms: [],
    topics: [],
    packId: 'bundled',
    packName: 'Pledge Lens',
  });

  it('brings the words of the claims its texts name, cut short, and only those', () => {
    const named = base('acme-red-teaming', 'Acme AI will red-team every frontier model before release, with outside experts, and publish a summary of the findings.', 'r');
    const other = base('acme-unrelated', 'Acme AI will do y.', 'r');
    const claim = base('acme-x', 'Acme AI will do x.', 'A goal; the red-teaming part is the separate claim acme-red-teaming.');
    const claims = new Map([named, other, claim].map((c) => [c.id, c]));
    expect(toCardData(claim, claims).related).toEqual({ 'acme-red-teaming': 'Acme AI will red-team every frontier model before release, with outside…' });
    expect(toCardData(claim).related, 'without the claim map').toBeUndefined();
    expect(toCardData(other, claims).related, 'naming none').toBeUndefined();
  });

  it('brings the claims that replaced it, by their words, those the claim map holds only', () => {
    const successor = base('acme-develop-with-mitigations', 'Acme AI develops a model past its critical threshold only with mitigations that bring the risk down to moderate.', 'r');
    const replaced = { ...base('acme-stop', 'Acme AI would stop development at its critical threshold.', 'r'), status: 'modified' as const, replacedBy: ['acme-develop-with-mitigations', 'acme-not-loaded', 'acme-stop'] };
    const claims = new Map([successor, replaced].map((c) => [c.id, c]));
    expect(toCardData(replaced, claims).replacements).toEqual([{ id: 'acme-develop-with-mitigations', statement: 'Acme AI develops a model past its critical threshold only with mitigations that bring the risk down to moderate' }]);
    expect(toCardData(replaced).replacements, 'without the claim map').toBeUndefined();
    expect(toCardData(successor, claims).replacements, 'replaced by nothing').toBeUndefined();
  });
});

describe('leadClause', () => {
  it('keeps a conditional first sentence whole, past where a word cut would stop mid-condition (report 54, problem 11)', () => {
    const conditional =
      "If Acme AI has developed a 'highly capable' model, meaning one past its automated R&D threshold, and has clear evidence no competitor will soon do the same, it will delay development as needed. It will say so publicly.";
    expect(leadClause(conditional)).toBe(
      "If Acme AI has developed a 'highly capable' model, meaning one past its automated R&D threshold, and has clear evidence no competitor will soon do the same, it will delay development as needed…",
    );
  });

  it('ends at a semicolon, not at an abbreviation, and adds nothing to a statement it keeps whole', () => {
    expect(leadClause('Under its U.S. framework v2 (April 2026), Acme AI develops only with mitigations; deployment needs them too.')).toBe(
      'Under its U.S. framework v2 (April 2026), Acme AI develops only with mitigations…',
    );
    expect(leadClause('Acme AI will publish a report.')).toBe('Acme AI will publish a report');
  });

  it('cuts a clause longer than its limit at a word', () => {
    expect(leadClause('Acme AI will publish a long report every quarter, with outside review, forever.', 30)).toBe('Acme AI will publish a long…');
  });
});

describe('labels', () => {
  it('names every kind and status in plain words', () => {
    for (const kind of CLAIM_KINDS) expect(KIND_LABEL[kind]).toMatch(/^[A-Z][a-z ]+$/);
    for (const status of CLAIM_STATUSES) expect(STATUS_LABEL[status]).toMatch(/^[A-Z][a-z ]+$/);
    expect([KIND_LABEL['no-commitment'], STATUS_LABEL.pending, STATUS_LABEL['partly-fulfilled'], STATUS_LABEL.lapsed, STATUS_LABEL.declined]).toEqual([
      'No commitment',
      'Not yet in force',
      'Partly fulfilled',
      'Lapsed',
      'Declined',
    ]);
  });

  it('says when a pending law was enacted, not that it is in force', () => {
    expect(statusWithDate('pending', '2025-12-19')).toBe('Not yet in force (adopted 19 Dec 2025)');
    expect(statusWithDate('partly-fulfilled', '2025-02-10')).toBe('Partly fulfilled 10 Feb 2025');
  });
});

/** WCAG relative luminance and contrast of #rrggbb colours (alpha washes composited over the page). */
function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const over = (rgba: readonly number[], alpha: number, page: readonly number[]) => rgba.map((c, i) => c * alpha + page[i]! * (1 - alpha));

describe('highlights marked as wrong matches', () => {
  const dimmed = () => {
    const block = HIGHLIGHT_CSS.slice(HIGHLIGHT_CSS.indexOf('[data-dimmed]'));
    return block.slice(0, block.indexOf('}'));
  };

  it('are dimmed whatever their kind: no wash, a thin wavy line, in a rule that outranks every kind\'s, dark scheme included', () => {
    const selector = HIGHLIGHT_CSS.slice(0, HIGHLIGHT_CSS.indexOf('[data-dimmed]')).split('\n').pop()!;
    const kindSelector = /^(mark\S*)\[data-claim-kind/m.exec(HIGHLIGHT_CSS)![1]!;
    // One class more than the kinds' rules, so it wins over those inside the dark scheme's @media too.
    expect(selector.split('.').length).toBeGreaterThan(kindSelector.split('.').length);
    expect(dimmed()).toContain('background: transparent !important');
    expect(dimmed()).toContain('text-decoration-style: wavy !important');
    expect(dimmed()).toContain('text-decoration-thickness: 1px !important');
  });

  it('keep their line visible: at least 3:1 against a light and a dark page', () => {
    const line = hex(/text-decoration-color: (#[0-9a-f]{6})/.exec(dimmed())![1]!);
    expect(contrast(line, [255, 255, 255])).toBeGreaterThanOrEqual(3);
    expect(contrast(line, [24, 24, 27])).toBeGreaterThanOrEqual(3);
  });
});

describe('no-commitment highlights', () => {
  // The light palette's rule, or the dark palette's own (its sheet repeats the light rules, then overrides them).
  const rule = (scheme: 'light' | 'dark') => {
    const css = scheme === 'light' ? HIGHLIGHT_CSS : HIGHLIGHT_DARK_CSS;
    // The kind's own rule, not the rule for its claims that no longer hold (`[data-claim-ended][data-claim-kind=…]`).
    const selector = 'pledge-lens-mark[data-claim-kind="no-commitment"]';
    const block = css.slice(scheme === 'light' ? css.indexOf(selector) : css.lastIndexOf(selector));
    return block.slice(0, block.indexOf('}'));
  };

  it('differ from both promise kinds by line style, not colour alone', () => {
    const styles = [...HIGHLIGHT_CSS.matchAll(/text-decoration-style: (\w+)/g)].map((match) => match[1]);
    // The three kinds, then the dimmed look of a wrong match (below).
    expect(styles).toEqual(['solid', 'dashed', 'dotted', 'wavy']);
    expect(rule('light')).toContain('text-decoration-style: dotted');
  });

  it('keep AA contrast: the line at least 3:1 against the page, text at least 4.5:1 on the wash', () => {
    const pages = { light: { page: [255, 255, 255], text: [27, 27, 31] }, dark: { page: [24, 24, 27], text: [244, 244, 245] } };
    for (const scheme of ['light', 'dark'] as const) {
      const css = rule(scheme);
      const line = hex(/text-decoration-color: (#[0-9a-f]{6})/.exec(css)![1]!);
      const [r, g, b, a] = /rgba\((\d+), (\d+), (\d+), ([\d.]+)\)/.exec(css)!.slice(1).map(Number);
      const wash = over([r!, g!, b!], a!, pages[scheme].page);
      expect(contrast(line, pages[scheme].page), scheme).toBeGreaterThanOrEqual(3);
      expect(contrast(line, wash), scheme).toBeGreaterThanOrEqual(3);
      expect(contrast(pages[scheme].text, wash), scheme).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('highlights of claims that no longer hold (striped)', () => {
  const pages = { light: { css: HIGHLIGHT_CSS, page: [255, 255, 255], text: [27, 27, 31] }, dark: { css: HIGHLIGHT_DARK_CSS, page: [24, 24, 27], text: [244, 244, 245] } };
  /** The last rule in a palette's sheet whose selector ends with `selector` (the dark sheet repeats the light rules, then overrides them). */
  const lastRule = (css: string, selector: string) => {
    const at = css.lastIndexOf(`${selector} {`);
    return at < 0 ? '' : css.slice(at, css.indexOf('}', at));
  };

  it('keep AA contrast on their stripes: text at least 4.5:1, the kind\'s line at least 3:1, in both palettes', () => {
    for (const [scheme, { css, page, text }] of Object.entries(pages)) {
      for (const kind of CLAIM_KINDS) {
        const stripes = lastRule(css, `[data-claim-ended][data-claim-kind="${kind}"]`);
        const [r, g, b, a] = /repeating-linear-gradient\(135deg, rgba\((\d+), (\d+), (\d+), ([\d.]+)\)/.exec(stripes)!.slice(1).map(Number);
        const stripe = over([r!, g!, b!], a!, page);
        const line = hex(/text-decoration-color: (#[0-9a-f]{6})/.exec(lastRule(css, `pledge-lens-mark[data-claim-kind="${kind}"]`))![1]!);
        expect(contrast(text, stripe), `${scheme} ${kind} text`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(line, stripe), `${scheme} ${kind} line`).toBeGreaterThanOrEqual(3);
        // The stripe is the kind's own hue, a little stronger than its solid wash, so the kind still reads by colour.
        const wash = /background: rgba\((\d+), (\d+), (\d+), ([\d.]+)\)/.exec(lastRule(css, `pledge-lens-mark[data-claim-kind="${kind}"]`))!.slice(1).map(Number);
        expect([r, g, b], `${scheme} ${kind} hue`).toEqual(wash.slice(0, 3));
        expect(a!, `${scheme} ${kind} alpha`).toBeGreaterThan(wash[3]!);
      }
    }
  });
});
