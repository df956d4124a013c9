import { describe, expect, it } from 'vitest';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import { CLAIM_FORCES, CLAIM_KINDS, CLAIM_STATUSES } from '@/lib/claims/schema';
import { KIND_LABEL, kindWithGrade, STATUS_LABEL, statusWithDate as englishStatusWithDate } from '@/lib/format/claim-labels';
import { changeDetail, changeSource, gradedKindLabel, kindLabel, localDayIn, statusLabel, statusWithDate } from '@/lib/i18n/claim-words';
import { formatMessage, getMessageFrom } from '@/lib/i18n/message-format';
import { parseRichText } from '@/lib/i18n/rich-text';
import { createTranslator, substitutionsFor } from '@/lib/i18n/translator';
import { english, german } from './test-translators';

describe('createTranslator', () => {
  it('passes placeholder values in the order of their sorted names', () => {
    expect(substitutionsFor({ now: 'b', was: 'a', count: 3 })).toEqual(['3', 'b', 'a']);
    const calls: Array<[string, string[] | undefined]> = [];
    const t = createTranslator((name, substitutions) => {
      calls.push([name, substitutions]);
      return name === 'meta_locale' ? 'xx' : `<${name}:${(substitutions ?? []).join(',')}>`;
    });
    expect(t.locale).toBe('xx');
    expect(t('change_wasNow', { was: 'old', now: 'new' })).toBe('<change_wasNow:new,old>');
    expect(t.plural('common_mentions', 1, { count: 1 })).toBe('<common_mentions_one:1>');
    expect(t.plural('common_mentions', 0, { count: 0 })).toBe('<common_mentions_other:0>');
  });

  it('shows a name the browser does not know as itself, not as nothing', () => {
    const t = createTranslator(() => '');
    expect(t('popup_title')).toBe('popup_title');
    expect(t.locale).toBe('en');
  });

  it('fills English and German messages as the browsers do', () => {
    expect(english('change_wasNow', { was: 'In force', now: 'Withdrawn' })).toBe('was In force, now Withdrawn');
    expect(german('change_wasNow', { was: 'In Kraft', now: 'Zurückgezogen' })).toBe('vorher In Kraft, jetzt Zurückgezogen');
    expect(german.plural('common_mentions', 1, { count: 1 })).toBe('1 Erwähnung');
    expect(german.locale).toBe('de');
  });
});

describe('formatMessage', () => {
  it('replaces named placeholders in any case, then $1…, and reads $$ as a dollar', () => {
    const entry = { message: 'Pay $Amount$ to $WHO$ ($$)', placeholders: { amount: { content: '$1' }, who: { content: '$2' } } };
    expect(formatMessage(entry, ['5', 'Ann'])).toBe('Pay 5 to Ann ($)');
    expect(getMessageFrom({ Hello: { message: 'Hi' } })('hello')).toBe('Hi');
    expect(getMessageFrom({})('missing')).toBe('');
  });
});

describe('parseRichText', () => {
  it('splits tagged words from plain text and leaves anything else as text', () => {
    expect(parseRichText('Set it in the <a>options</a>, <strong>now</strong>.')).toEqual([
      { text: 'Set it in the ' },
      { tag: 'a', text: 'options' },
      { text: ', ' },
      { tag: 'strong', text: 'now' },
      { text: '.' },
    ]);
    expect(parseRichText('a <b>c')).toEqual([{ text: 'a <b>c' }]);
  });
});

describe('claim words in English', () => {
  const change = (overrides: Partial<ClaimChange> = {}): ClaimChange => ({
    claimId: 'c',
    was: { kind: 'binding-commitment', status: 'in-force', statusDate: '2025-01-10' },
    now: { kind: 'binding-commitment', status: 'withdrawn', statusDate: '2026-02-24' },
    evidenceChanged: false,
    changedAt: '2026-03-12T10:00:00.000Z',
    pack: { id: 'feed', name: 'Test feed', version: '2.1.0' },
    unseen: true,
    ...overrides,
  });

  it('read exactly like lib/format, which the exports use', () => {
    for (const kind of CLAIM_KINDS) expect(kindLabel(english, kind)).toBe(KIND_LABEL[kind]);
    // The label with its grade ("Binding commitment (self-imposed)"), for every force the schema knows and none.
    for (const kind of CLAIM_KINDS) for (const force of [...CLAIM_FORCES, 'unknown-force']) expect(gradedKindLabel(english, kind, force)).toBe(kindWithGrade(kind, force));
    for (const status of CLAIM_STATUSES) {
      expect(statusLabel(english, status)).toBe(STATUS_LABEL[status]);
      expect(statusWithDate(english, status, '2026-09-03')).toBe(englishStatusWithDate(status, '2026-09-03'));
    }
  });

  it('say what changed, and where from, in English', () => {
    const cases: Array<[ClaimChange, string]> = [
      [change(), 'was In force, now Withdrawn on 24 Feb 2026'],
      [change({ evidenceChanged: true }), 'was In force, now Withdrawn on 24 Feb 2026; its evidence was updated too'],
      [change({ now: { kind: 'announced-target', status: 'in-force', statusDate: '2026-01-03' } }), 'was Binding commitment, in force since 10 Jan 2025, now Announced target, current since 3 Jan 2026'],
      [change({ now: { kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-03' } }), 'was In force since 10 Jan 2025, now In force since 3 Jan 2026'],
      [change({ now: { kind: 'binding-commitment', status: 'in-force', statusDate: '2025-01-10' }, evidenceChanged: true }), 'the evidence behind its label was updated'],
    ];
    for (const [one, words] of cases) expect(changeDetail(english, one)).toBe(words);
    const day = localDayIn(english, '2026-03-12T10:00:00.000Z');
    expect(changeSource(english, change())).toBe(`Claim set update from Test feed (version 2.1.0), ${day}`);
    expect(changeSource(english, change({ pack: { id: 'f', name: 'File', version: '' } }))).toBe(`Claim set update from File, ${day}`);
  });

  it('read as German with the German catalogue', () => {
    expect(changeDetail(german, change())).toBe('vorher In Kraft, jetzt Zurückgezogen am 24. Feb. 2026');
    expect(changeDetail(german, change({ now: { kind: 'announced-target', status: 'in-force', statusDate: '2026-01-03' } }))).toBe(
      'vorher Verbindliche Zusage, in Kraft seit 10. Jan. 2025, jetzt Angekündigtes Ziel, aktuell seit 3. Jan. 2026',
    );
    expect(statusWithDate(german, 'pending', '2025-12-19')).toBe('Noch nicht in Kraft (beschlossen am 19. Dez. 2025)');
  });
});
