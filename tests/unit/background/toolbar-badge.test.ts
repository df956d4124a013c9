/**
 * The toolbar button in words: its title (tooltip and accessible name) says what the badge's number
 * and "!" mean, in English and German, one claim or several.
 */
import { describe, expect, it } from 'vitest';
import { toolbarBadge } from '../../../lib/background/badge';
import { english, german } from '../i18n/test-translators';

describe('toolbarBadge', () => {
  it('says the count, and a change since the reader read it, in words', () => {
    expect(toolbarBadge(english, 0)).toEqual({ text: '', title: 'Pledge Lens' });
    expect(toolbarBadge(english, 1)).toEqual({ text: '1', title: 'Pledge Lens: 1 known claim on this page' });
    expect(toolbarBadge(english, 3, true)).toEqual({ text: '3!', title: 'Pledge Lens: 3 known claims on this page, some changed since you read them' });
    expect(toolbarBadge(english, 120).text).toBe('99+');
    expect(toolbarBadge(english, 120).title).toBe('Pledge Lens: 120 known claims on this page');
  });

  it('speaks German where the browser does', () => {
    expect(toolbarBadge(german, 1).title).toBe('Pledge Lens: 1 bekannte Aussage auf dieser Seite');
    expect(toolbarBadge(german, 2, true).title).toBe('Pledge Lens: 2 bekannte Aussagen auf dieser Seite, teils geändert, seit Sie davon gelesen haben');
  });
});
