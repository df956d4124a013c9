import { describe, expect, it } from 'vitest';
import { withEnglishFallback } from '../../../lib/i18n/english-fallback';
import { createTranslator } from '../../../lib/i18n/translator';

describe('withEnglishFallback', () => {
  it('reads the bundled English catalogue when the browser answers "" (a fresh Chromium profile can)', () => {
    const t = createTranslator(withEnglishFallback(() => ''));
    expect(t('popup_title')).toBe('Pledge Lens');
    expect(t('status_inForceSince', { date: '24 Feb 2026' })).toBe('In force since 24 Feb 2026');
    expect(t.locale).toBe('en');
  });

  it('keeps what the browser gives (German here) and falls back only where it gives nothing', () => {
    const browserGerman = (name: string) => (name === 'popup_title' ? 'Pledge Lens (de)' : name === 'meta_locale' ? 'de' : '');
    const t = createTranslator(withEnglishFallback(browserGerman));
    expect(t('popup_title')).toBe('Pledge Lens (de)');
    expect(t.locale).toBe('de');
    expect(t('status_inForceSince', { date: 'x' })).toBe('In force since x');
  });

  it('answers "" for a name neither knows, so the translator shows the name', () => {
    expect(withEnglishFallback(() => '')('no_such_message')).toBe('');
  });
});
