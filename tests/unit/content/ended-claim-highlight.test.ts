// @vitest-environment happy-dom
/**
 * A claim that no longer holds (withdrawn, superseded, lapsed) is drawn apart from one in force: its
 * marks carry `data-claim-ended` (the striped wash of highlight-style.ts) and their description says
 * "no longer holds"; a claim in force, fulfilled or declined is drawn as before. A wrong match the
 * reader marks on such a claim is dimmed like any other, and says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_KINDS, CLAIM_STATUSES, ENDED_STATUSES, statusHasEnded } from '@/lib/claims/schema';
import { HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS } from '@/entrypoints/content/highlight-style';
import { RANGE_HIGHLIGHT_CSS, RANGE_HIGHLIGHT_DARK_CSS } from '@/entrypoints/content/range-highlight-style';
import { RANGE_HIGHLIGHT_NAMES, rangeLookOf } from '@/lib/highlight/range-highlights';
import { useSpecNodeIterator } from '../highlight/spec-node-iterator';
import { RISK_REPORTS_CLAIM, RISK_REPORTS_SENTENCE, riskReportsBackground } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

useSpecNodeIterator();

let made: InstanceType<typeof PageAnnotator> | undefined;

async function started(claim: ClaimCardData): Promise<InstanceType<typeof PageAnnotator>> {
  made = new PageAnnotator(document, riskReportsBackground(claim), (id) => Promise.resolve(id), () => 'https://example.org/a');
  const start = made.startWhen(Promise.resolve(true));
  await vi.advanceTimersByTimeAsync(100);
  expect(await start).toBe(true);
  return made;
}

const stops = () => [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark[tabindex="0"]')];
const ENDED = 'Binding commitment, no longer holds (Pledge Lens): press Enter for details';
const PLAIN = 'Binding commitment (Pledge Lens): press Enter for details';
const DIMMED = 'Binding commitment, marked by you as a wrong match (Pledge Lens): press Enter for details';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  document.body.innerHTML = `<main><p>${RISK_REPORTS_SENTENCE}</p><p>Later: ${RISK_REPORTS_SENTENCE}</p></main>`;
});

afterEach(() => {
  made?.destroy();
  made = undefined;
  vi.useRealTimers();
});

describe('which statuses no longer hold', () => {
  it('withdrawn, superseded and lapsed; not a kept promise, a standing refusal, or a claim in question', () => {
    expect(CLAIM_STATUSES.filter(statusHasEnded)).toEqual(['superseded', 'withdrawn', 'lapsed']);
    expect(ENDED_STATUSES.every((status) => (CLAIM_STATUSES as readonly string[]).includes(status))).toBe(true);
    for (const status of ['fulfilled', 'declined', 'disputed', 'modified', 'in-force', 'pending', 'withdrawn-ish', '']) expect(statusHasEnded(status)).toBe(false);
  });
});

describe('a highlight of a claim that no longer holds', () => {
  it.each(ENDED_STATUSES)('is marked as ended and says so when the claim is %s', async (status) => {
    await started({ ...RISK_REPORTS_CLAIM, status });
    const marks = [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark')];
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const mark of marks) expect(mark.hasAttribute('data-claim-ended')).toBe(true);
    for (const stop of stops()) expect(stop.getAttribute('aria-description')).toBe(ENDED);
    // The page learns the look, not the claim or its dated status.
    expect(document.body.innerHTML).not.toContain(RISK_REPORTS_CLAIM.id);
    expect(document.body.innerHTML).not.toContain(status);
  });

  it.each(['in-force', 'fulfilled', 'declined', 'disputed'] as const)('is drawn as before when the claim is %s', async (status) => {
    await started({ ...RISK_REPORTS_CLAIM, status });
    expect(stops()).toHaveLength(2);
    for (const mark of document.querySelectorAll('mark.pledge-lens-mark')) expect(mark.hasAttribute('data-claim-ended')).toBe(false);
    for (const stop of stops()) expect(stop.getAttribute('aria-description')).toBe(PLAIN);
  });

  it('is dimmed like any other when the reader marks it as a wrong match, and ended again when the mark is taken back', async () => {
    const annotator = await started({ ...RISK_REPORTS_CLAIM, status: 'withdrawn' });
    const [one] = stops();
    const mentionId = annotator.highlightFor(one!)!.spec.mentionId;
    expect(annotator.showWrongMatch(mentionId, true)).toBe(true);
    expect(one!.hasAttribute('data-dimmed')).toBe(true);
    expect(one!.getAttribute('aria-description')).toBe(DIMMED);
    expect(annotator.showWrongMatch(mentionId, false)).toBe(true);
    expect(one!.hasAttribute('data-dimmed')).toBe(false);
    expect(one!.hasAttribute('data-claim-ended')).toBe(true);
    expect(one!.getAttribute('aria-description')).toBe(ENDED);
  });
});

describe('the ended look', () => {
  it('stripes every kind in both palettes, before the states that override it', () => {
    for (const css of [HIGHLIGHT_CSS, HIGHLIGHT_DARK_CSS]) {
      for (const kind of CLAIM_KINDS) {
        const rule = new RegExp(`\\[data-claim-ended\\]\\[data-claim-kind="${kind}"\\] \\{ background: repeating-linear-gradient\\(`);
        expect(css, kind).toMatch(rule);
      }
      // Dimmed and the jump flash win over the stripes: as specific, and later.
      expect(css.lastIndexOf('[data-claim-ended]')).toBeLessThan(css.indexOf('[data-dimmed]'));
      expect(css.lastIndexOf('[data-claim-ended]')).toBeLessThan(css.indexOf('.pledge-lens-flash'));
    }
  });

  it('has a range look per kind (no wash: ::highlight() draws no images), dimmed still winning', () => {
    for (const kind of CLAIM_KINDS) {
      const look = rangeLookOf({ kind, ended: true });
      expect(look).toBe(`${kind}-ended`);
      const name = RANGE_HIGHLIGHT_NAMES[look as keyof typeof RANGE_HIGHLIGHT_NAMES];
      for (const css of [RANGE_HIGHLIGHT_CSS, RANGE_HIGHLIGHT_DARK_CSS]) expect(css).toContain(`::highlight(${name})`);
      expect(RANGE_HIGHLIGHT_CSS).toMatch(new RegExp(`::highlight\\(${name}\\) \\{ background-color: transparent`));
    }
    expect(rangeLookOf({ kind: 'binding-commitment', ended: true, dimmed: true })).toBe('dimmed');
  });
});
