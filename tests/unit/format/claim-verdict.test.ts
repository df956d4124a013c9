import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { readerText, verdictOf, verdictSentence, type VerdictInput } from '@/lib/format/claim-verdict';
import type { Translator } from '@/lib/i18n/translator';
import { CATALOGUES, english, german } from '../i18n/test-translators';

const pause = { kind: 'binding-commitment', force: 'categorical-pledge', status: 'withdrawn', statusDate: '2026-02-24', actorName: 'Anthropic' } as const;

describe('verdictOf', () => {
  it('agrees the verb with the actor\'s type: one agency whose name has an "and" is singular, a coalition plural', () => {
    const modified = { kind: 'binding-commitment', force: 'voluntary-pledge', status: 'modified', statusDate: '2026-05-05' } as const;
    expect(verdictOf(english, { ...modified, actorName: 'Center for AI Standards and Innovation (CAISI)', actorType: 'agency' }).consequence).toBe('Center for AI Standards and Innovation (CAISI) still pledges this, in a changed form.');
    expect(verdictOf(english, { ...modified, actorName: 'Signatories of the White House AI commitments', actorType: 'coalition' }).consequence).toBe('Signatories of the White House AI commitments still pledge this, in a changed form.');
    expect(verdictOf(english, { ...modified, actorName: 'United States and United Kingdom', actorType: 'coalition' }).consequence).toBe('United States and United Kingdom still pledge this, in a changed form.');
    // An agreement's pledge is its other parties': they are named, not the agency that signed with them.
    const labs = ['OpenAI', 'Anthropic', 'Google DeepMind', 'Microsoft', 'xAI'];
    expect(verdictOf(english, { ...modified, actorName: 'Center for AI Standards and Innovation (CAISI)', actorType: 'agency', partyNames: labs }).consequence).toBe('OpenAI, Anthropic, Google DeepMind, Microsoft, and xAI still pledge this, in a changed form.');
    expect(verdictOf(german, { ...modified, actorName: 'Center for AI Standards and Innovation (CAISI)', actorType: 'agency', partyNames: labs }).consequence).toMatch(/^OpenAI, Anthropic, Google DeepMind, Microsoft und xAI /);
    // Without a type (an older pack's card), the name decides.
    expect(verdictOf(english, { ...modified, actorName: 'Signatories of the Seoul commitments' }).consequence).toBe('Signatories of the Seoul commitments still pledge this, in a changed form.');
  });

  it('says the withdrawn pause pledge as the issue asks: label, dated status, who no longer pledges it', () => {
    expect(verdictSentence(english, pause)).toBe('Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Anthropic no longer pledges to do this.');
  });

  it('words a binding commitment by what binds: a law those it covers, a contract or treaty "is required to", a pledge "pledged to"', () => {
    const inForce = { ...pause, status: 'in-force' } as const;
    const whiteHouse = { ...inForce, force: 'voluntary-pledge', actorName: 'White House voluntary AI commitments signatories' } as const;
    expect(verdictOf(english, whiteHouse).consequence).toBe('White House voluntary AI commitments signatories pledged to do this.');
    expect(verdictOf(english, inForce).consequence).toBe('Anthropic pledged to do this.');
    expect(verdictOf(english, { ...inForce, force: 'contractual', actorName: 'OpenAI' }).consequence).toBe('OpenAI is required to do this.');
    expect(verdictOf(english, { ...inForce, force: 'treaty', actorName: 'Council of Europe convention parties' }).consequence).toBe('Council of Europe convention parties are required to do this.');
    expect(verdictOf(english, { ...inForce, force: 'legal-obligation' }).consequence).toBe('Those it covers have to comply.');
    // No pledge, whatever became of it, says the actor "has to" or "is required to": only its own word binds it.
    for (const status of CLAIM_STATUSES) {
      for (const force of ['categorical-pledge', 'voluntary-pledge']) {
        const { consequence } = verdictOf(english, { ...pause, force, status });
        expect(consequence, `${force} ${status}`).not.toMatch(/\bha(s|ve) to\b|required/);
      }
    }
  });

  it('never says "in force" of a target, and says nothing binds it', () => {
    const target = verdictOf(english, { ...pause, kind: 'announced-target', force: 'goal', status: 'in-force' });
    expect(target.status).toBe('current since 24 Feb 2026');
    expect(target.consequence).toBe('Anthropic aims to do this, but nothing holds it to it.');
    expect(verdictOf(english, { ...pause, status: 'in-force' }).status).toBe('in force since 24 Feb 2026');
  });

  it('words an announced target by its force: an escape clause is never something its maker "aims to" do', () => {
    const rival = { kind: 'announced-target', force: 'conditional', status: 'in-force', statusDate: '2025-04-15', actorName: 'OpenAI' } as const;
    expect(verdictSentence(english, rival)).toBe('Announced target (conditional), current since 15 Apr 2025: OpenAI would do this only under conditions it sets itself, and nothing holds it to it.');
    expect(verdictOf(english, { ...rival, actorName: 'United States and United Kingdom' }).consequence).toBe(
      'United States and United Kingdom would do this only under conditions they set themselves, and nothing holds them to it.',
    );
    expect(verdictOf(english, { ...rival, status: 'withdrawn', actorName: 'Google DeepMind' }).consequence).toBe('Google DeepMind no longer says this.');
    expect(verdictOf(english, { ...rival, force: 'recommendation' }).consequence).toBe('OpenAI recommends this, but it binds no one.');
    expect(verdictOf(english, { ...rival, force: 'declaration', actorName: 'Bletchley Declaration signatories' }).consequence).toBe('Bletchley Declaration signatories declared this, but nothing holds them to it.');
    expect(verdictOf(english, { ...rival, force: 'best-effort' }).consequence).toBe('OpenAI only promised to try to do this, and nothing holds it to it.');
    // A goal and an aspiration are what a maker aims at.
    for (const force of ['goal', 'aspiration']) expect(verdictOf(english, { ...rival, force }).consequence, force).toBe('OpenAI aims to do this, but nothing holds it to it.');
    // Only a goal (or aspiration) is called one, whatever became of it; a declined conditional promise reads as a goal not pursued.
    for (const status of CLAIM_STATUSES) {
      for (const force of ['conditional', 'recommendation', 'declaration']) {
        const { consequence } = verdictOf(english, { ...rival, force, status });
        expect(consequence, `${force} ${status}`).not.toMatch(/\baims?\b|\bgoal\b|\bplans?\b/);
      }
    }
  });

  it('says the conditional, recommended and declared targets in natural German', () => {
    const rival = { kind: 'announced-target', force: 'conditional', status: 'in-force', statusDate: '2025-04-15', actorName: 'OpenAI' } as const;
    expect(verdictSentence(german, rival)).toBe('Angekündigtes Ziel (bedingt), aktuell seit 15. Apr. 2025: OpenAI würde das nur unter selbst gesetzten Bedingungen tun und ist an nichts gebunden.');
    expect(verdictOf(german, { ...rival, status: 'withdrawn', actorName: 'Google DeepMind' }).consequence).toBe('Google DeepMind sagt das nicht mehr.');
    expect(verdictOf(german, { ...rival, force: 'recommendation', actorName: 'Anthropic' }).consequence).toBe('Anthropic empfiehlt das, aber es bindet niemanden.');
    expect(verdictOf(german, { ...rival, force: 'declaration', status: 'modified', actorName: 'Meta' }).consequence).toBe('Meta hat diese Erklärung seither geändert und ist an nichts gebunden.');
    for (const status of CLAIM_STATUSES) {
      for (const force of ['conditional', 'recommendation', 'declaration']) expect(verdictOf(german, { ...rival, force, status }).consequence, `${force} ${status}`).not.toMatch(/strebt|Ziel\b|plant/);
    }
  });

  it('speaks of a law by those it covers, not by the government that made it', () => {
    const law = verdictOf(english, { kind: 'binding-commitment', force: 'legal-obligation', status: 'pending', statusDate: '2025-12-19', actorName: 'State of New York' });
    expect(`${law.status}: ${law.consequence}`).toBe('not yet in force (adopted 19 Dec 2025): Nobody has to comply yet.');
  });

  it('says a superseded law was replaced, not that its replacement applies already (report 55: Colorado\'s starts in 2027)', () => {
    const colorado = { kind: 'binding-commitment', force: 'legal-obligation', status: 'superseded', statusDate: '2026-05-14', actorName: 'State of Colorado' } as const;
    expect(verdictOf(english, colorado).consequence).toBe('Replaced by a newer rule.');
    expect(verdictOf(german, colorado).consequence).toBe('Durch eine neuere Regel ersetzt.');
  });

  it('names the day a standing law\'s delayed duties begin, until that day, in English and German', () => {
    const omnibus = { kind: 'binding-commitment', force: 'legal-obligation', status: 'modified', statusDate: '2026-07-27', effectiveDate: '2027-12-02', actorName: 'European Union' } as const;
    const before = new Date(2026, 11, 1, 12);
    const onTheDay = new Date(2027, 11, 2, 0, 30);
    expect(verdictSentence(english, omnibus, before)).toBe('Binding commitment (law), modified on 27 Jul 2026: Nobody has to comply before 2 Dec 2027.');
    expect(verdictSentence(german, omnibus, before)).toBe('Verbindliche Zusage (Gesetz), geändert am 27. Juli 2026: Vor dem 2. Dez. 2027 muss sich niemand daran halten.');
    expect(verdictOf(english, omnibus, onTheDay).consequence).toBe('It still applies, in a changed form.');
    const raise = { ...omnibus, status: 'pending', statusDate: '2025-12-19', effectiveDate: '2027-01-01', actorName: 'State of New York' } as const;
    expect(verdictOf(english, raise, before).consequence).toBe('Nobody has to comply before 1 Jan 2027.');
    expect(verdictOf(english, { ...raise, status: 'withdrawn' }, before).consequence, 'a withdrawn law says so, whatever its date').toBe('Nobody has to comply any more.');
    expect(verdictOf(english, { ...raise, force: 'voluntary-pledge' }, before).consequence, 'a pledge is not a law').not.toMatch(/before/);
  });

  it('says a disputed pledge is disputed on being kept as much as on still holding (docs/claim-set.md), in English and German', () => {
    const superalignment = { kind: 'binding-commitment', force: 'categorical-pledge', status: 'disputed', statusDate: '2024-05-21', actorName: 'OpenAI' } as const;
    expect(verdictSentence(english, superalignment)).toBe('Binding commitment (self-imposed), disputed since 21 May 2024: Sources disagree on whether OpenAI has kept this pledge or still holds to it.');
    expect(verdictOf(english, { ...superalignment, actorName: 'Frontier AI Safety Commitments signatories' }).consequence).toBe('Sources disagree on whether Frontier AI Safety Commitments signatories have kept this pledge or still hold to it.');
    expect(verdictOf(german, superalignment).consequence).toBe('Die Quellen sind uneins, ob OpenAI die Zusage eingehalten hat oder noch zu ihr steht.');
  });

  it('takes a plural verb for coalitions and pairs', () => {
    expect(verdictOf(english, { ...pause, actorName: 'Frontier AI Safety Commitments signatories' }).consequence).toBe('Frontier AI Safety Commitments signatories no longer pledge to do this.');
    expect(verdictOf(english, { ...pause, force: 'treaty', status: 'in-force', actorName: 'United States and United Kingdom' }).consequence).toBe('United States and United Kingdom are required to do this.');
    expect(verdictOf(english, { ...pause, kind: 'announced-target', status: 'in-force', actorName: 'United States and United Kingdom' }).consequence).toBe('United States and United Kingdom aim to do this, but nothing holds them to it.');
  });

  it('never makes a promise of a refusal', () => {
    for (const status of CLAIM_STATUSES) {
      const words = verdictSentence(english, { kind: 'no-commitment', force: 'refusal', status, statusDate: '2025-07-18', actorName: 'Meta' });
      expect(words, status).toMatch(/^No commitment, /);
      expect(words, status).not.toMatch(/ has to | aims /);
    }
  });

  it('has a sentence for every kind and status, starting with a capital and ending with a full stop', () => {
    for (const kind of CLAIM_KINDS) {
      for (const status of CLAIM_STATUSES) {
        for (const force of ['legal-obligation', 'contractual', 'voluntary-pledge']) {
          const { consequence, status: words } = verdictOf(english, { kind, force, status, statusDate: '2026-01-02', actorName: 'Acme' });
          expect(consequence, `${kind} ${status}`).toMatch(/^[A-Z].*\.$/);
          expect(words, `${kind} ${status}`).toContain('2 Jan 2026');
        }
      }
    }
  });
});

describe('verdicts in the reader’s language', () => {
  const ACTORS = { one: 'Anthropic', many: 'Frontier AI Safety Commitments signatories' } as const;
  /** A law's table, a contract's, a pledge's, a target's and "no commitment"'s: every force the verdict tells apart. */
  const FORCES = {
    'binding-commitment': ['legal-obligation', 'contractual', 'categorical-pledge'],
    'announced-target': ['goal', 'aspiration', 'best-effort', 'conditional', 'recommendation', 'declaration'],
    'no-commitment': ['refusal'],
  } as const;
  /** Language, its translator, and the day as written there. */
  const LANGUAGES: ReadonlyArray<[string, Translator, string]> = [
    ['en', english, '2 Jan 2026'],
    ['de', german, '2. Jan. 2026'],
  ];
  /** Every input the schema allows, by kind × status × verdict table × one or many actors. */
  const inputs: VerdictInput[] = CLAIM_KINDS.flatMap((kind) =>
    CLAIM_STATUSES.flatMap((status) => FORCES[kind].flatMap((force) => Object.values(ACTORS).map((actorName) => ({ kind, force, status, statusDate: '2026-01-02', actorName })))),
  );

  it.each(LANGUAGES)('has a whole sentence in %s for every kind × status: label, dated status, consequence, placeholders filled', (language, t, day) => {
    for (const input of inputs) {
      const what = `${language} ${input.kind} ${input.force} ${input.status} ${input.actorName}`;
      const verdict = verdictOf(t, input);
      const sentence = verdictSentence(t, input);
      expect(sentence, what).toBe(verdict.grade === undefined ? `${verdict.label}, ${verdict.status}: ${verdict.consequence}` : `${verdict.label} (${verdict.grade}), ${verdict.status}: ${verdict.consequence}`);
      // Every force but a refusal has its grade, in words (not a message name), and a refusal has none.
      if (input.force === 'refusal') expect(verdict.grade, what).toBeUndefined();
      else expect(verdict.grade, what).toMatch(/^\p{L}[\p{L} -]*$/u);
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
    expect(verdictSentence(german, pause)).toBe('Verbindliche Zusage (selbst auferlegt), zurückgezogen am 24. Feb. 2026: Anthropic hält die Zusage nicht mehr aufrecht.');
    expect(verdictSentence(german, { ...pause, kind: 'announced-target', force: 'goal', status: 'in-force' })).toBe(
      'Angekündigtes Ziel (Vorhaben), aktuell seit 24. Feb. 2026: Anthropic strebt das an, ist aber an nichts gebunden.',
    );
    expect(verdictSentence(german, { ...pause, status: 'in-force' })).toBe('Verbindliche Zusage (selbst auferlegt), in Kraft seit 24. Feb. 2026: Anthropic hat zugesagt, das zu tun.');
    for (const input of inputs.filter((one) => one.kind !== 'binding-commitment')) expect(verdictSentence(german, input)).not.toMatch(/in Kraft seit/);
  });

  it('agrees the German verb with one actor or several', () => {
    expect(verdictOf(german, { ...pause, actorName: ACTORS.many }).consequence).toBe('Frontier AI Safety Commitments signatories halten die Zusage nicht mehr aufrecht.');
    expect(verdictOf(german, { ...pause, force: 'contractual', status: 'in-force', actorName: 'OpenAI' }).consequence).toBe('OpenAI ist dazu verpflichtet.');
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
    expect(verdictOf(english, { ...pause, actorName: 'xAI' }).consequence).toBe('xAI no longer pledges to do this.');
  });

  it('writes the date as the popup does, in the catalogue’s language', () => {
    expect(verdictOf(english, pause).status).toBe('withdrawn on 24 Feb 2026');
    expect(verdictOf(german, pause).status).toBe('zurückgezogen am 24. Feb. 2026');
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
