// @vitest-environment happy-dom
/**
 * A highlight the reader marked as a wrong match is dimmed on the page: at once when the background
 * says the mark was made (`show-wrong-match`), and from the start on a revisit (the match comes with
 * the flag). Dimmed, it stays a keyboard stop whose card can open (the mark is taken back there), and
 * its description says it was marked; taking the mark back shows it as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSpecNodeIterator } from '../highlight/spec-node-iterator';
import { RISK_REPORTS_CLAIM, RISK_REPORTS_SENTENCE, riskReportsBackground } from './risk-reports-background';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

useSpecNodeIterator();


let made: InstanceType<typeof PageAnnotator> | undefined;

/** The background's answers, with `flagged` mention ids marked as wrong matches (as a revisit's answer is). */
function backgroundFlagging(flagged: ReadonlySet<string>) {
  const plain = riskReportsBackground();
  return (async (request: { type: string }) => {
    const answer = (await (plain as (request: unknown) => Promise<{ matches?: Array<{ mentionId: string }> }>)(request)) as { matches?: Array<{ mentionId: string; wrongMatch?: true }> };
    for (const match of answer.matches ?? []) if (flagged.has(match.mentionId)) match.wrongMatch = true;
    return answer;
  }) as unknown as ReturnType<typeof riskReportsBackground>;
}

async function started(ask = riskReportsBackground()): Promise<InstanceType<typeof PageAnnotator>> {
  made = new PageAnnotator(document, ask, (id) => Promise.resolve(id), () => 'https://example.org/a');
  const start = made.startWhen(Promise.resolve(true));
  await vi.advanceTimersByTimeAsync(100);
  expect(await start).toBe(true);
  return made;
}

const stops = () => [...document.querySelectorAll<HTMLElement>('mark.pledge-lens-mark[tabindex="0"]')];
const PLAIN = 'Binding commitment (Pledge Lens): press Enter for details';
const DIMMED = 'Binding commitment, marked by you as a wrong match (Pledge Lens): press Enter for details';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  document.body.innerHTML = `<main><p id="one">${RISK_REPORTS_SENTENCE}</p><p id="two">Later: ${RISK_REPORTS_SENTENCE}</p></main>`;
});

afterEach(() => {
  made?.destroy();
  made = undefined;
  vi.useRealTimers();
});

describe('a highlight marked as a wrong match', () => {
  it('is dimmed at once when the mark is made, only that mention, and shown again when it is taken back', async () => {
    const annotator = await started();
    const [one, two] = stops();
    expect(RISK_REPORTS_CLAIM.kind).toBe('binding-commitment');
    expect(one!.hasAttribute('data-dimmed')).toBe(false);
    expect(one!.getAttribute('aria-description')).toBe(PLAIN);
    const mentionId = annotator.highlightFor(one!)!.spec.mentionId;

    expect(annotator.showWrongMatch(mentionId, true)).toBe(true);
    expect(one!.hasAttribute('data-dimmed')).toBe(true);
    expect(one!.getAttribute('aria-description')).toBe(DIMMED);
    expect(two!.hasAttribute('data-dimmed')).toBe(false);
    // Still ours, still a keyboard stop whose card opens (where the mark is taken back), with no ids in the page.
    expect(one!.tabIndex).toBe(0);
    expect(annotator.highlightFor(one!)?.spec).toMatchObject({ mentionId, dimmed: true });
    expect(one!.outerHTML).not.toContain(mentionId);
    // The popup still lists the claim: the mention is there, marked.
    expect(annotator.summary()).toEqual([expect.objectContaining({ claimId: RISK_REPORTS_CLAIM.id, mentions: 2 })]);

    expect(annotator.showWrongMatch(mentionId, false)).toBe(true);
    expect(one!.hasAttribute('data-dimmed')).toBe(false);
    expect(one!.getAttribute('aria-description')).toBe(PLAIN);
  });

  it('a mention this frame does not hold is not found (another frame, another page)', async () => {
    const annotator = await started();
    expect(annotator.showWrongMatch('urn:pledge-lens:mention:elsewhere', true)).toBe(false);
    expect(stops().some((stop) => stop.hasAttribute('data-dimmed'))).toBe(false);
  });

  it('is no longer counted as a possible match to check (a new user\'s report 57: the popup still said "1 possible match")', async () => {
    const plain = backgroundFlagging(new Set());
    const unsure = (async (request: { type: string }) => {
      const answer = (await (plain as (request: unknown) => Promise<{ matches?: Array<{ possible?: true }> }>)(request));
      for (const match of answer.matches ?? []) match.possible = true;
      return answer;
    }) as unknown as ReturnType<typeof riskReportsBackground>;
    const annotator = await started(unsure);
    expect(annotator.summary()).toEqual([expect.objectContaining({ mentions: 2, possible: 2 })]);
    expect(annotator.showWrongMatch(annotator.highlightFor(stops()[0]!)!.spec.mentionId, true)).toBe(true);
    expect(annotator.summary()).toEqual([expect.objectContaining({ mentions: 2, possible: 1, wrongMatches: 1 })]);
  });

  it('is painted dimmed from the start when the background says it was marked (a revisit)', async () => {
    // The second sentence's mention, as a first visit names it (the same page text gives the same id).
    const probe = await started();
    const flaggedId = probe.highlightFor(stops()[1]!)!.spec.mentionId;
    probe.destroy();
    made = undefined;

    await started(backgroundFlagging(new Set([flaggedId])));
    const [one, two] = stops();
    expect(one!.hasAttribute('data-dimmed')).toBe(false);
    expect(two!.hasAttribute('data-dimmed')).toBe(true);
    expect(two!.getAttribute('aria-description')).toBe(DIMMED);
    expect(two!.getAttribute('data-claim-kind')).toBe('binding-commitment');
  });
});
