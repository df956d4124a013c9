// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsSites } from '@/components/options-sites';
import { byTestId, mount, unmountAll } from './options-test-utils';

afterEach(unmountAll);

function type(element: HTMLTextAreaElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('OptionsSites', () => {
  it('shows the stored mode and lists, and saves what the reader edits', async () => {
    const onSave = vi.fn(async (settings: { siteMode: 'all-sites' | 'allow-list'; allowedSites: string[]; disabledSites: string[] }) => ({ ok: true as const, settings }));
    const root = mount(<OptionsSites settings={{ siteMode: 'all-sites', allowedSites: [], disabledSites: ['spam.example'] }} onSave={onSave} />);
    expect(byTestId<HTMLInputElement>(root, 'site-mode-all').checked).toBe(true);
    expect(byTestId<HTMLTextAreaElement>(root, 'disabled-sites').value).toBe('spam.example');
    await act(async () => {
      byTestId<HTMLInputElement>(root, 'site-mode-allow').click();
      type(byTestId<HTMLTextAreaElement>(root, 'allowed-sites'), 'apnews.com\n\n  reuters.com  ');
    });
    await act(async () => byTestId<HTMLButtonElement>(root, 'sites-save').click());
    expect(onSave).toHaveBeenCalledWith({ siteMode: 'allow-list', allowedSites: ['apnews.com', 'reuters.com'], disabledSites: ['spam.example'] });
    expect(byTestId(root, 'sites-result').textContent).toContain('Saved');
  });

  it('shows a refusal as an alert', async () => {
    const root = mount(<OptionsSites settings={{ siteMode: 'all-sites', allowedSites: [], disabledSites: [] }} onSave={async () => ({ ok: false, error: '"x y" is not a site name' })} />);
    await act(async () => byTestId<HTMLButtonElement>(root, 'sites-save').click());
    const result = byTestId(root, 'sites-result');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('not a site name');
  });
});
