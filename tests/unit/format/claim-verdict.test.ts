import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { formatReaderDay, readerText, verdictOf, verdictSentence } from '@/lib/format/claim-verdict';

const pause = { kind: 'binding-commitment', force: 'categorical-pledge', status: 'withdrawn', statusDate: '2026-02-24', actorName: 'Anthropic' } as const;

describe('formatReaderDay', () => {
  it("writes the day the reader's way, with the month as a word", () => {
    expect(formatReaderDay('2026-02-24', 'en-GB')).toBe('24 Feb 2026');
    expect(formatReaderDay('2026-02-24', 'en-US')).toBe('Feb 24, 2026');
    expect(formatReaderDay('2026-02-24', 'de-DE')).toBe('24. Feb. 2026');
  });

  it('keeps the calendar day whatever the time zone, and leaves a broken date as it is', () => {
    // 1 January in UTC is still 31 December in New York: a claim date is a day, not an instant.
    expect(formatReaderDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatReaderDay('not-a-date', 'en-GB')).toBe('not-a-date');
    expect(formatReaderDay('2026-13-01', 'en-GB')).toBe('2026-13-01');
  });
});

describe('verdictOf', () => {
  it('says the withdrawn pause pledge as the issue asks: label, dated status, who no longer has to', () => {
    expect(verdictSentence(pause, 'en-GB')).toBe('Binding commitment, withdrawn on 24 Feb 2026: Anthropic no longer has to do this.');
  });

  it('never says "in force" of a target, and says nothing binds it', () => {
    const target = verdictOf({ ...pause, kind: 'announced-target', force: 'goal', status: 'in-force' }, 'en-GB');
    expect(target.status).toBe('current since 24 Feb 2026');
    expect(target.consequence).toBe('Anthropic aims to do this, but nothing holds it to it.');
    expect(verdictOf({ ...pause, status: 'in-force' }, 'en-GB').status).toBe('in force since 24 Feb 2026');
  });

  it('speaks of a law by those it covers, not by the government that made it', () => {
    const law = verdictOf({ kind: 'binding-commitment', force: 'legal-obligation', status: 'pending', statusDate: '2025-12-19', actorName: 'State of New York' }, 'en-GB');
    expect(`${law.status}: ${law.consequence}`).toBe('not yet in force (adopted 19 Dec 2025): Nobody has to comply yet.');
  });

  it('takes a plural verb for coalitions and pairs', () => {
    expect(verdictOf({ ...pause, actorName: 'Frontier AI Safety Commitments signatories' }, 'en-GB').consequence).toBe('Frontier AI Safety Commitments signatories no longer have to do this.');
    expect(verdictOf({ ...pause, kind: 'announced-target', status: 'in-force', actorName: 'United States and United Kingdom' }, 'en-GB').consequence).toBe('United States and United Kingdom aim to do this, but nothing holds them to it.');
  });

  it('never makes a promise of a refusal', () => {
    for (const status of CLAIM_STATUSES) {
      const words = verdictSentence({ kind: 'no-commitment', force: 'refusal', status, statusDate: '2025-07-18', actorName: 'Meta' }, 'en-GB');
      expect(words, status).toMatch(/^No commitment, /);
      expect(words, status).not.toMatch(/ has to | aims /);
    }
  });

  it('has a sentence for every kind and status, starting with a capital and ending with a full stop', () => {
    for (const kind of CLAIM_KINDS) {
      for (const status of CLAIM_STATUSES) {
        for (const force of ['legal-obligation', 'voluntary-pledge']) {
          const { consequence, status: words } = verdictOf({ kind, force, status, statusDate: '2026-01-02', actorName: 'Acme' }, 'en-GB');
          expect(consequence, `${kind} ${status}`).toMatch(/^[A-Z].*\.$/);
          expect(words, `${kind} ${status}`).toContain('2 Jan 2026');
        }
      }
    }
  });
});

describe('readerText', () => {
  it('drops rubric and file references and turns schema words into plain ones', () => {
    const rationale =
      "That is a categorical self-imposed rule presented as a commitment, so binding-commitment with force categorical-pledge ('Labelling rubric' in docs/claim-set.md, which uses this pledge as its worked example). Under the rubric it stays in-force.";
    expect(readerText(rationale)).toBe(
      'That is a categorical self-imposed rule presented as a commitment, so binding commitment as an unconditional pledge. Under our labelling rules it stays in force.',
    );
  });

  it('names another claim by its words instead of its id, and leaves ordinary hyphenated words alone', () => {
    const related = { 'anthropic-rsp3-match-competitors': 'Anthropic will match the safety measures of its competitors' };
    expect(readerText('A second one is in anthropic-rsp3-match-competitors.', related)).toBe('A second one is in “Anthropic will match the safety measures of its competitors”.');
    expect(readerText('It replaces the pledge (see anthropic-rsp3-match-competitors).', related)).toBe('It replaces the pledge (see “Anthropic will match the safety measures of its competitors”).');
    expect(readerText('A state-of-the-art, best-effort, 3-to-6-month cadence.')).toBe('A state-of-the-art, best effort, 3-to-6-month cadence.');
  });

  it('keeps a dollar sign in another claim\'s words as text', () => {
    expect(readerText('See acme-fund.', { 'acme-fund': 'Acme will spend $1 billion ($&)' })).toBe('See “Acme will spend $1 billion ($&)”.');
  });

  it('leaves a force word it does not know as it was', () => {
    expect(readerText('It has the force of law; entry-into-force obligations apply.')).toBe('It has the force of law; entry-into-force obligations apply.');
  });
});
