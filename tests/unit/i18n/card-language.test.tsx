// @vitest-environment happy-dom
/**
 * The card and the note editor in the reader's language, and the card's English fallback in the
 * content script: a subset of the English catalogue (lib/i18n/card-english.ts) that must hold every
 * message the card can show, or a reader in a fresh Chromium profile would see message names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claim-card';
import { NoteEditor } from '@/components/note-editor';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_FORCES, CLAIM_KINDS, CLAIM_STATUSES, HISTORY_EVENTS } from '@/lib/claims/schema';
import { verdictSentence } from '@/lib/format/claim-verdict';
import { CARD_ENGLISH, withCardEnglishFallback } from '@/lib/i18n/card-english';
import { getMessageFrom } from '@/lib/i18n/message-format';
import { createTranslator, type Translator } from '@/lib/i18n/translator';
import { CATALOGUES, english, german, renderIn } from './test-translators';

afterEach(cleanup);

const ROOT = join(import.meta.dirname, '../../..');

/** A claim with every part the card can show: evidence, contested, review date, every history event, sources with and without publisher and date. */
function fullClaim(overrides: Partial<ClaimCardData> = {}): ClaimCardData {
  return {
    id: 'anthropic-rsp-pause-pledge',
    statement: 'Anthropic committed to pause scaling whenever its models outstripped its safety measures.',
    kind: 'binding-commitment',
    force: 'categorical-pledge',
    status: 'withdrawn',
    statusDate: '2026-02-24',
    actorName: 'Anthropic',
    rationale: 'A categorical self-imposed rule.',
    evidence: [{ quote: 'we commit to pause the scaling', locator: 'p. 2', url: 'https://www.anthropic.com/rsp.pdf', title: 'RSP 1.0' }],
    contested: 'Some analysts call it a target.',
    reviewedAt: '2026-11-29',
    confidence: 'medium',
    sources: [
      { url: 'https://example.org/a', title: 'A', publisher: 'Anthropic', date: '2026-02-24' },
      { url: 'https://example.org/b', title: 'B', publisher: 'Reuters' },
      { url: 'https://example.org/c', title: 'C', date: '2026-02-25' },
    ],
    history: HISTORY_EVENTS.map((event, index) => ({ date: `2020-01-${String(index + 1).padStart(2, '0')}`, event, note: '', sourceUrl: 'https://example.org/h' })),
    packName: 'Pledge Lens',
    ...overrides,
  };
}

/** The card's text and its accessible names and titles, for comparing two translators. */
function cardWords(t: Translator, claim: ClaimCardData): string {
  const { container } = renderIn(<ClaimCard claim={claim} noteEditorUrl="about:blank" onClose={vi.fn()} />, t);
  const attributes = [...container.querySelectorAll('[aria-label], [title]')].map((element) => `${element.getAttribute('aria-label') ?? ''}|${element.getAttribute('title') ?? ''}`);
  const words = `${container.textContent ?? ''} ${attributes.join(' ')}`;
  cleanup();
  return words;
}

describe('the card’s English fallback (content script)', () => {
  const onlyFallback = createTranslator(withCardEnglishFallback(() => ''));

  it('holds the English catalogue’s own messages and placeholders (not the translators’ descriptions)', () => {
    for (const [name, entry] of Object.entries(CARD_ENGLISH)) {
      const { message, placeholders } = CATALOGUES.en[name]!;
      expect(entry, name).toEqual(placeholders ? { message, placeholders } : { message });
    }
  });

  it('holds every message the card’s code names (the verdict tables, the card, its live region)', () => {
    const files = ['components/claim-card.tsx', 'lib/format/claim-verdict.ts', 'entrypoints/content/card-controller.ts', 'entrypoints/content/card-host.tsx'];
    const named = files.flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!));
    const messages = named.flatMap((name) => (CATALOGUES.en[name] ? [name] : CATALOGUES.en[`${name}_one`] ? [`${name}_one`, `${name}_other`] : []));
    expect(messages.length).toBeGreaterThan(60);
    for (const name of messages) expect(CARD_ENGLISH[name], name).toBeDefined();
  });

  it('says every verdict (kind × status × force × one or many actors) exactly as the whole English catalogue does', () => {
    for (const kind of CLAIM_KINDS) {
      for (const status of CLAIM_STATUSES) {
        for (const force of CLAIM_FORCES) {
          for (const actorName of ['Anthropic', 'Seoul summit signatories']) {
            const claim = { kind, status, force, actorName, statusDate: '2026-02-24' };
            expect(verdictSentence(onlyFallback, claim), `${kind} ${status} ${force} ${actorName}`).toBe(verdictSentence(english, claim));
          }
        }
      }
    }
  });

  it('draws every part of the card (each kind, each force) exactly as the whole English catalogue does', () => {
    const claims = [...CLAIM_KINDS.map((kind) => fullClaim({ kind })), ...CLAIM_FORCES.map((force) => fullClaim({ force, confidence: 'low' })), fullClaim({ confidence: 'high' })];
    for (const claim of claims) expect(cardWords(onlyFallback, claim), `${claim.kind} ${claim.force}`).toBe(cardWords(english, claim));
  });

  it('keeps what the browser gives in its language, and fills in only what it lacks', () => {
    const browserGerman = getMessageFrom(CATALOGUES.de);
    const t = createTranslator(withCardEnglishFallback((name, substitutions) => (name === 'card_close' ? '' : browserGerman(name, substitutions))));
    expect(t('card_more')).toBe('Mehr: wer, warum diese Einstufung, Verlauf, Quellen');
    expect(t('card_close')).toBe('Close');
    expect(t.locale).toBe('de');
  });
});

describe('the card in German', () => {
  it('leads with the German verdict and speaks German throughout, with German dates', () => {
    const { container } = renderIn(<ClaimCard claim={fullClaim()} noteEditorUrl="about:blank" onClose={vi.fn()} />, german);
    const card = container.querySelector('section.card')!;
    expect(card.getAttribute('lang')).toBe('de');
    expect(screen.getByTestId('verdict').textContent).toBe('Verbindliche Zusage (selbst auferlegt), zurückgezogen am 24. Feb. 2026: Anthropic hält die Zusage nicht mehr aufrecht.');
    expect(screen.getByTestId('kind-label').textContent).toBe('Verbindliche Zusage');
    expect(screen.getByTestId('status').textContent).toBe('zurückgezogen am 24. Feb. 2026');
    expect(screen.getByTestId('meaning').textContent).toBe(`Verbindliche Zusage: ${CATALOGUES.de.card_meaningBindingPledge!.message}`);
    expect(screen.getByTestId('more').querySelector('summary')?.textContent).toBe('Mehr: wer, warum diese Einstufung, Verlauf, Quellen');
    expect([...card.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['Wer', 'Warum diese Einstufung', 'Nicht alle sehen das so', 'Geprüft', 'Verlauf', 'Quellen', 'Aussagensammlung']);
    expect(screen.getByTestId('why').textContent).toMatch(/^Es ist eine selbst auferlegte Zusage, als feste Regel formuliert und nicht als Ziel; kein Gesetz und kein Vertrag erzwingt sie\. A categorical self-imposed rule\./);
    expect(screen.getByTestId('reviewed-at').textContent).toBe('Stand: 29. Nov. 2026');
    expect(screen.getByTestId('sources').textContent).toBe('A (Anthropic, 24. Feb. 2026)B (Reuters)C (25. Feb. 2026)');
    expect(screen.getByTestId('confidence').textContent).toBe('Die Quellen stützen diese Einstufung, lassen aber etwas Raum für Zweifel.');
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeDefined();
    expect(screen.getByTestId('note-frame').getAttribute('title')).toBe('Ihre Notiz, die Markierung als Fehltreffer und was die Einstufungen bedeuten');
    // Every history event in German; no English word of the card's own is left.
    expect(screen.getByTestId('history').textContent).toContain('Eingeführt');
    expect(screen.getByTestId('history').textContent).toContain('In Kraft getreten');
    expect(card.textContent).not.toMatch(/\b(More|Who|Why this label|History|Sources|Claim set|Status as of|withdrawn on|no longer)\b/);
  });

  it('has every message the German card uses translated, none left as its name', () => {
    for (const kind of CLAIM_KINDS) {
      for (const status of CLAIM_STATUSES) {
        const words = cardWords(german, fullClaim({ kind, status }));
        expect(words, `${kind} ${status}`).not.toMatch(/\b(card|verdict[A-Za-z]*|history|force|kind)_[A-Za-z]+/);
      }
    }
  });
});

describe('the note editor in German', () => {
  it('labels, buttons and what it reports after saving', async () => {
    const onSave = vi.fn().mockResolvedValue({ ok: true });
    const onToggle = vi.fn().mockResolvedValue({ ok: false, error: 'kaputt' });
    renderIn(<NoteEditor note="" wrongMatch={false} maxLength={500} onSave={onSave} onToggleWrongMatch={onToggle} legendUrl="chrome-extension://id/welcome.html#labels" />, german);
    expect(screen.getByLabelText('Ihre Notiz').tagName).toBe('TEXTAREA');
    expect(screen.getByTestId('legend-link').textContent).toBe('Was bedeuten diese Einstufungen?');
    fireEvent.click(screen.getByRole('button', { name: 'Notiz speichern' }));
    await waitFor(() => expect(screen.getByTestId('note-status').textContent).toBe('Gespeichert'));
    fireEvent.click(screen.getByLabelText('Fehltreffer'));
    await waitFor(() => expect(screen.getByTestId('note-status').textContent).toBe('Nicht gespeichert: kaputt'));
  });
});
