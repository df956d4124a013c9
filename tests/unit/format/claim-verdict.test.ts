import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { formatReaderDay, readerDateLocale, readerText, verdictOf, verdictSentence, type VerdictInput } from '@/lib/format/claim-verdict';
import type { Translator } from '@/lib/i18n/translator';
import { CATALOGUES, english, german } from '../i18n/test-translators';

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
    expect(verdictSentence(english, pause, 'en-GB')).toBe('Binding commitment, withdrawn on 24 Feb 2026: Anthropic no longer has to do this.');
  });

  it('never says "in force" of a target, and says nothing binds it', () => {
    const target = verdictOf(english, { ...pause, kind: 'announced-target', force: 'goal', status: 'in-force' }, 'en-GB');
    expect(target.status).toBe('current since 24 Feb 2026');
    expect(target.consequence).toBe('Anthropic aims to do this, but nothing holds it to it.');
    expect(verdictOf(english, { ...pause, status: 'in-force' }, 'en-GB').status).toBe('in force since 24 Feb 2026');
  });

  it('speaks of a law by those it covers, not by the government that made it', () => {
    const law = verdictOf(english, { kind: 'binding-commitment', force: 'legal-obligation', status: 'pending', statusDate: '2025-12-19', actorName: 'State of New York' }, 'en-GB');
    expect(`${law.status}: ${law.consequence}`).toBe('not yet in force (adopted 19 Dec 2025): Nobody has to comply yet.');
  });

  it('takes a plural verb for coalitions and pairs', () => {
    expect(verdictOf(english, { ...pause, actorName: 'Frontier AI Safety Commitments signatories' }, 'en-GB').consequence).toBe('Frontier AI Safety Commitments signatories no longer have to do this.');
    expect(verdictOf(english, { ...pause, kind: 'announced-target', status: 'in-force', actorName: 'United States and United Kingdom' }, 'en-GB').consequence).toBe('United States and United Kingdom aim to do this, but nothing holds them to it.');
  });

  it('never makes a promise of a refusal', () => {
    for (const status of CLAIM_STATUSES) {
      const words = verdictSentence(english, { kind: 'no-commitment', force: 'refusal', status, statusDate: '2025-07-18', actorName: 'Meta' }, 'en-GB');
      expect(words, status).toMatch(/^No commitment, /);
      expect(words, status).not.toMatch(/ has to | aims /);
    }
  });

  it('has a sentence for every kind and status, starting with a capital and ending with a full stop', () => {
    for (const kind of CLAIM_KINDS) {
      for (const status of CLAIM_STATUSES) {
        for (const force of ['legal-obligation', 'voluntary-pledge']) {
          const { consequence, status: words } = verdictOf(english, { kind, force, status, statusDate: '2026-01-02', actorName: 'Acme' }, 'en-GB');
          expect(consequence, `${kind} ${status}`).toMatch(/^[A-Z].*\.$/);
          expect(words, `${kind} ${status}`).toContain('2 Jan 2026');
        }
      }
    }
  });
});

describe('verdicts in the reader’s language', () => {
  const ACTORS = { one: 'Anthropic', many: 'Frontier AI Safety Commitments signatories' } as const;
  /** A law's table, a promise's, a target's and "no commitment"'s: every force the verdict tells apart. */
  const FORCES = { 'binding-commitment': ['legal-obligation', 'categorical-pledge'], 'announced-target': ['goal'], 'no-commitment': ['refusal'] } as const;
  /** Language, its translator, the locale dates are written in, and the day as written there. */
  const LANGUAGES: ReadonlyArray<[string, Translator, string, string]> = [
    ['en', english, 'en-GB', '2 Jan 2026'],
    ['de', german, 'de', '2. Jan. 2026'],
  ];
  /** Every input the schema allows, by kind × status × verdict table × one or many actors. */
  const inputs: VerdictInput[] = CLAIM_KINDS.flatMap((kind) =>
    CLAIM_STATUSES.flatMap((status) => FORCES[kind].flatMap((force) => Object.values(ACTORS).map((actorName) => ({ kind, force, status, statusDate: '2026-01-02', actorName })))),
  );

  it.each(LANGUAGES)('has a whole sentence in %s for every kind × status: label, dated status, consequence, placeholders filled', (language, t, dateLocale, day) => {
    for (const input of inputs) {
      const what = `${language} ${input.kind} ${input.force} ${input.status} ${input.actorName}`;
      const verdict = verdictOf(t, input, dateLocale);
      const sentence = verdictSentence(t, input, dateLocale);
      expect(sentence, what).toBe(`${verdict.label}, ${verdict.status}: ${verdict.consequence}`);
      // A message the catalogue lacks shows as its name; a placeholder left unfilled shows as $NAME$ or $1.
      expect(sentence, what).not.toMatch(/\$|\b[a-z]+_[A-Za-z]+\b|<\/?[a-z]+>/);
      expect(verdict.status, what).toContain(day);
      expect(verdict.consequence, what).toMatch(/^[A-ZÄÖÜ].*\.$/);
      expect(verdict.label, what).toBe(t(`kind_${input.kind === 'binding-commitment' ? 'bindingCommitment' : input.kind === 'announced-target' ? 'announcedTarget' : 'noCommitment'}`));
      // Only a law's consequence and a lapsed target's leave the actor out: everything else says whom it binds.
      const unnamed = input.force === 'legal-obligation' || (input.kind === 'announced-target' && input.status === 'lapsed');
      if (!unnamed) expect(verdict.consequence, what).toContain(input.actorName);
    }
  });

  it('says the withdrawn pause pledge in German, and a target is only ever current, never in force', () => {
    expect(verdictSentence(german, pause)).toBe('Verbindliche Zusage, zurückgezogen am 24. Feb. 2026: Anthropic muss das nicht mehr tun.');
    expect(verdictSentence(german, { ...pause, kind: 'announced-target', force: 'goal', status: 'in-force' })).toBe(
      'Angekündigtes Ziel, aktuell seit 24. Feb. 2026: Anthropic strebt das an, ist aber an nichts gebunden.',
    );
    expect(verdictSentence(german, { ...pause, status: 'in-force' })).toBe('Verbindliche Zusage, in Kraft seit 24. Feb. 2026: Anthropic muss das tun.');
    for (const input of inputs.filter((one) => one.kind !== 'binding-commitment')) expect(verdictSentence(german, input)).not.toMatch(/in Kraft seit/);
  });

  it('agrees the German verb with one actor or several', () => {
    expect(verdictOf(german, { ...pause, actorName: ACTORS.many }).consequence).toBe('Frontier AI Safety Commitments signatories müssen das nicht mehr tun.');
    expect(verdictOf(german, { ...pause, kind: 'announced-target', force: 'goal', status: 'fulfilled', actorName: 'United States and United Kingdom' }).consequence).toBe(
      'United States and United Kingdom haben dieses Ziel erreicht.',
    );
    // German always conjugates, so no pair may be one form twice (English may: "did what was promised").
    for (const name of Object.keys(CATALOGUES.de).filter((key) => key.startsWith('verdict') && key.endsWith('_one'))) {
      expect(CATALOGUES.de[name]!.message, name).not.toBe(CATALOGUES.de[name.replace(/_one$/, '_other')]!.message);
    }
  });

  it('speaks of a law by those it covers in German too', () => {
    const law = verdictOf(german, { kind: 'binding-commitment', force: 'legal-obligation', status: 'pending', statusDate: '2025-12-19', actorName: 'State of New York' });
    expect(`${law.status}: ${law.consequence}`).toBe('noch nicht in Kraft (beschlossen am 19. Dez. 2025): Noch muss sich niemand daran halten.');
  });

  it('leaves an actor’s name as it is written (xAI is not "XAI")', () => {
    expect(verdictOf(english, { ...pause, actorName: 'xAI' }).consequence).toBe('xAI no longer has to do this.');
  });

  it('writes dates in the catalogue’s language by default, in the reader’s regional way when it shares that language', () => {
    expect(verdictOf(english, pause).status).toBe(`withdrawn on ${formatReaderDay('2026-02-24', 'en')}`);
    expect(readerDateLocale(english, ['en-GB', 'de'])).toBe('en-GB');
    expect(readerDateLocale(german, ['en-US', 'de-AT', 'de'])).toBe('de-AT');
    // A French browser without a French catalogue reads English words: its dates are English too.
    expect(readerDateLocale(english, ['fr-FR'])).toBe('en');
    expect(verdictOf(english, pause, readerDateLocale(english, ['en-US'])).status).toBe('withdrawn on Feb 24, 2026');
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
