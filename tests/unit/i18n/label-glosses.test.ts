/**
 * What "Binding commitment" means, in every catalogue we ship: a firm commitment rather than a goal
 * (a law, a contract, or a pledge with no escape clause, which its maker can still drop). A pledge is binding in that sense only, not in
 * law, and a new user read the old one-line gloss as "legally binding". So: no gloss of a binding claim
 * says it binds in law unless its force is law, contract or treaty; every gloss a pledge (or a claim of
 * unknown force) can get says in so many words that no law or contract enforces it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORCE_MESSAGE, KIND_MEANING_MESSAGE, kindMeaningMessage, LEGAL_FORCES, verdictOf } from '@/lib/format/claim-verdict';
import { english, german } from './test-translators';
import { CLAIM_FORCES } from '@/lib/claims/claim-enums';
import type { MessageCatalogue } from '@/lib/i18n/message-format';
import type { MessageName } from '@/lib/i18n/translator';

const ROOT = resolve(__dirname, '../../..');
const LOCALES = readdirSync(resolve(ROOT, 'public/_locales'));
const catalogue = (locale: string): MessageCatalogue => JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as MessageCatalogue;

/**
 * Per language: words that say a thing binds in law (or is enforceable), the sentences that deny it
 * (what a pledge's gloss must say), and the list of what can make a claim binding ("a law, a contract,
 * or …"), which names laws without saying this claim is one. A new catalogue needs its line here.
 */
const WORDS: Readonly<Record<string, { legal: RegExp; denials: readonly RegExp[]; listing: RegExp }>> = {
  en: {
    legal: /\blegal(ly)?\b|\blaws?\b|\benforc\w*|\bcontracts?\b|\btreat(y|ies)\b|\bcourts?\b|\bstatutes?\b|\bregulations?\b|\bratif\w*/i,
    denials: [/no law or contract enforces it/i, /not necessarily (mean )?legally binding/i],
    listing: /a law, a contract, or /i,
  },
  de: {
    legal: /rechtlich|gesetz|vertrag|durchsetz|erzwing|gericht|verordnung|ratifiz/i,
    denials: [/kein Gesetz und kein Vertrag (erzwingt sie|sie erzwingt)/i, /nicht unbedingt rechtlich bindend/i],
    listing: /ein Gesetz, ein Vertrag oder /i,
  },
};

function words(locale: string) {
  const entry = WORDS[locale];
  if (!entry) throw new Error(`public/_locales/${locale} has no entry in WORDS: add its words for "legal" and its denials`);
  return entry;
}

const text = (locale: string, name: MessageName): string => {
  const message = catalogue(locale)[name]?.message;
  if (message === undefined) throw new Error(`${locale} lacks ${name}`);
  return message;
};

/** What is left of a gloss once its denials and its list of kinds of binding are taken out. */
function withoutDenials(locale: string, gloss: string): string {
  const { denials, listing } = words(locale);
  return denials.reduce((left, denial) => left.replace(denial, ''), gloss.replace(listing, ''));
}

const denies = (locale: string, gloss: string): boolean => words(locale).denials.some((denial) => denial.test(gloss));

const bundledClaims = (JSON.parse(readFileSync(resolve(ROOT, 'public/claims/default.json'), 'utf8')) as { claims: Array<{ id: string; kind: string; force: string }> }).claims;

describe('the glosses of "Binding commitment" say what we mean by it, in every shipped language', () => {
  it('every shipped catalogue has its words in this test', () => {
    expect(LOCALES.length).toBeGreaterThan(1);
    for (const locale of LOCALES) expect(() => words(locale), locale).not.toThrow();
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      it.each(CLAIM_FORCES)('a binding commitment of force %s: legal force claimed only for law, contract and treaty, denied otherwise', (force) => {
        const gloss = text(locale, kindMeaningMessage('binding-commitment', force));
        if (LEGAL_FORCES.has(force)) {
          expect(gloss, `${locale} ${force}: says how it binds in law`).toMatch(words(locale).legal);
          expect(denies(locale, gloss), `${locale} ${force}`).toBe(false);
        } else {
          expect(denies(locale, gloss), `${locale} ${force}: "${gloss}" must say no law or contract enforces it`).toBe(true);
          expect(withoutDenials(locale, gloss), `${locale} ${force}: "${gloss}"`).not.toMatch(words(locale).legal);
        }
      });

      it('the glosses by kind alone (card fallback, the legend) say "binding" need not be legal', () => {
        for (const name of [KIND_MEANING_MESSAGE['binding-commitment'], 'legend_meaningBindingCommitment'] as const) {
          const gloss = text(locale, name);
          expect(denies(locale, gloss), `${locale} ${name}: "${gloss}"`).toBe(true);
          expect(withoutDenials(locale, gloss), `${locale} ${name}`).not.toMatch(words(locale).legal);
        }
      });

      it('"Why this label" names a pledge\'s force without legal words, and says nothing enforces a pledge', () => {
        for (const force of CLAIM_FORCES) {
          if (LEGAL_FORCES.has(force)) continue;
          const line = text(locale, FORCE_MESSAGE[force]);
          expect(withoutDenials(locale, line), `${locale} ${force}: "${line}"`).not.toMatch(words(locale).legal);
        }
        for (const force of ['categorical-pledge', 'voluntary-pledge'] as const) expect(denies(locale, text(locale, FORCE_MESSAGE[force])), `${locale} ${force}`).toBe(true);
      });
    });
  }

  it('every binding commitment in the bundled set gets a gloss that matches its force', () => {
    const binding = bundledClaims.filter((claim) => claim.kind === 'binding-commitment');
    expect(binding.length).toBeGreaterThan(0);
    // The bundled set has pledges among its binding commitments: the case the new user met.
    expect(binding.some((claim) => !LEGAL_FORCES.has(claim.force as never))).toBe(true);
    for (const claim of binding) {
      const gloss = text('en', kindMeaningMessage('binding-commitment', claim.force));
      const legal = LEGAL_FORCES.has(claim.force as never);
      expect(withoutDenials('en', gloss).match(WORDS.en!.legal) !== null, `${claim.id} (${claim.force}): "${gloss}"`).toBe(legal);
    }
  });

  it('every announced target in the bundled set gets a verdict that says what kind of promise it is, in every shipped language', () => {
    /** Per language and force: what the current target's verdict must say (a conditional one's escape clause is not an aim). */
    const SAYS: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
      en: { goal: /\baims?\b/, aspiration: /\baims?\b/, 'best-effort': /\bto try\b/, conditional: /only under conditions/, recommendation: /\brecommends?\b/, declaration: /\bdeclared\b/ },
      de: { goal: /\bstreben?\b|\bstrebt\b/, aspiration: /\bstrebt\b|\bstreben\b/, 'best-effort': /bemühen/, conditional: /nur unter selbst gesetzten Bedingungen/, recommendation: /\bempfiehlt\b|\bempfehlen\b/, declaration: /\berklärt\b/ },
    };
    const targets = bundledClaims.filter((claim) => claim.kind === 'announced-target');
    expect(targets.some((claim) => claim.force === 'conditional')).toBe(true);
    for (const locale of LOCALES) {
      const t = locale === 'de' ? german : english;
      for (const claim of targets) {
        const says = SAYS[locale]?.[claim.force];
        expect(says, `${locale}: no words for a target of force ${claim.force}`).toBeDefined();
        const { consequence } = verdictOf(t, { kind: 'announced-target', force: claim.force, status: 'in-force', statusDate: '2026-01-02', actorName: 'Acme' });
        expect(consequence, `${locale} ${claim.id} (${claim.force})`).toMatch(says!);
        // Only a goal or an aspiration is aimed at.
        if (claim.force !== 'goal' && claim.force !== 'aspiration') expect(consequence, `${locale} ${claim.id}`).not.toMatch(SAYS[locale]!.goal!);
      }
    }
  });

  it('kinds other than binding keep their own line whatever the force', () => {
    for (const force of CLAIM_FORCES) {
      expect(kindMeaningMessage('announced-target', force)).toBe(KIND_MEANING_MESSAGE['announced-target']);
      expect(kindMeaningMessage('no-commitment', force)).toBe(KIND_MEANING_MESSAGE['no-commitment']);
    }
    expect(kindMeaningMessage('binding-commitment', 'not-a-force')).toBe(KIND_MEANING_MESSAGE['binding-commitment']);
    expect(kindMeaningMessage('binding-commitment', 'toString')).toBe(KIND_MEANING_MESSAGE['binding-commitment']);
  });

  it('the README and the store listing gloss "binding commitment" the same way', () => {
    for (const file of ['README.md', 'docs/store-listing.md']) {
      const doc = readFileSync(resolve(ROOT, file), 'utf8');
      const gloss = doc.split('\n').find((line) => /\*\*binding commitment\*\*/i.test(line));
      expect(gloss, file).toBeDefined();
      expect(denies('en', doc.slice(doc.indexOf(gloss!), doc.indexOf(gloss!) + 400)), `${file}: "${gloss}"`).toBe(true);
    }
  });
});
