// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsSites } from '@/components/options-sites';
import { renderIn } from '../i18n/test-translators';

afterEach(cleanup);

describe('OptionsSites', () => {
  it('shows the stored mode and lists, and saves what the reader edits', async () => {
    const onSave = vi.fn(async (settings: { siteMode: 'all-sites' | 'allow-list'; allowedSites: string[]; disabledSites: string[] }) => ({ ok: true as const, settings }));
    renderIn(<OptionsSites settings={{ siteMode: 'all-sites', allowedSites: [], disabledSites: ['spam.example'] }} onSave={onSave} />);
    expect(screen.getByTestId<HTMLInputElement>('site-mode-all').checked).toBe(true);
    expect(screen.getByTestId<HTMLTextAreaElement>('disabled-sites').value).toBe('spam.example');
    fireEvent.click(screen.getByTestId('site-mode-allow'));
    fireEvent.input(screen.getByTestId('allowed-sites'), { target: { value: 'apnews.com\n\n  reuters.com  ' } });
    fireEvent.click(screen.getByTestId('sites-save'));
    expect(await screen.findByText(/Saved/)).toBe(screen.getByTestId('sites-result'));
    expect(onSave).toHaveBeenCalledWith({ siteMode: 'allow-list', allowedSites: ['apnews.com', 'reuters.com'], disabledSites: ['spam.example'] });
  });

  it('shows a refusal as an alert', async () => {
    renderIn(<OptionsSites settings={{ siteMode: 'all-sites', allowedSites: [], disabledSites: [] }} onSave={async () => ({ ok: false, error: '"x y" is not a site name' })} />);
    fireEvent.click(screen.getByTestId('sites-save'));
    const result = await screen.findByRole('alert');
    expect(result).toBe(screen.getByTestId('sites-result'));
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('not a site name');
  });
});
