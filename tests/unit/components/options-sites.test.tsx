// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsSites } from '@/components/options-sites';
import type { SiteSettings } from '@/lib/sites/site-settings';
import { drawnOutsideAct, renderIn } from '../i18n/test-translators';

afterEach(cleanup);

describe('OptionsSites', () => {
  it('keeps a list typed just after the stored settings arrived: they are taken as they are drawn, not after paint', async () => {
    const view = drawnOutsideAct();
    const draw = (settings: SiteSettings | undefined) => view.draw(<OptionsSites settings={settings} onSave={vi.fn()} />);
    try {
      draw(undefined);
      draw({ siteMode: 'all-sites', allowedSites: [], disabledSites: ['spam.example'] });
      // Preact redraws a state change a microtask later, before any input event can come.
      await Promise.resolve();
      const list = screen.getByTestId<HTMLTextAreaElement>('disabled-sites');
      expect(list.value).toBe('spam.example');
      fireEvent.input(list, { target: { value: 'spam.example\nads.example' } });
      await new Promise((resume) => setTimeout(resume, 250));
      expect(screen.getByTestId<HTMLTextAreaElement>('disabled-sites').value).toBe('spam.example\nads.example');
    } finally {
      view.remove();
    }
  });

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

  it('says which list each choice uses: the other list is disabled and says why, and comes back with its entries', () => {
    renderIn(<OptionsSites settings={{ siteMode: 'all-sites', allowedSites: ['apnews.com'], disabledSites: ['spam.example'] }} onSave={vi.fn()} />);
    const allowed = screen.getByTestId<HTMLTextAreaElement>('allowed-sites');
    const disabled = screen.getByTestId<HTMLTextAreaElement>('disabled-sites');
    // Every site: the allow list is not in use, and its hint (its description) says so and how to use it.
    expect(allowed.disabled).toBe(true);
    expect(disabled.disabled).toBe(false);
    const hintOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby')!)!.textContent;
    expect(hintOf(allowed)).toBe('Not used while Pledge Lens reads every site: choose “Only on the sites in a list” to use it. Kept meanwhile.');
    expect(hintOf(disabled)).toMatch(/^Pledge Lens reads every site but these/);
    // Each list sits under its own choice.
    expect(screen.getByTestId('site-mode-all').closest('.site-mode')!.contains(disabled)).toBe(true);
    expect(screen.getByTestId('site-mode-allow').closest('.site-mode')!.contains(allowed)).toBe(true);
    fireEvent.click(screen.getByTestId('site-mode-allow'));
    expect(allowed.disabled).toBe(false);
    expect(allowed.value).toBe('apnews.com');
    expect(disabled.disabled).toBe(true);
    expect(disabled.value).toBe('spam.example');
    expect(hintOf(allowed)).toMatch(/^Pledge Lens reads only these sites/);
    expect(hintOf(disabled)).toMatch(/^Not used while Pledge Lens reads only the sites in its list/);
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
