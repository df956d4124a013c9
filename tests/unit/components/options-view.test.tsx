// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView, type OptionsViewProps } from '@/components/options-view';
import { claimOptionsFrom } from '@/components/annotation-filters';
import { claimFixture, infoFixture, mentionFixture, packFixture } from './options-test-utils';
import { english, german, renderIn } from '../i18n/test-translators';

function props(stale: boolean): OptionsViewProps {
  const claim = claimFixture();
  return {
    history: {
      mentions: [mentionFixture(), mentionFixture({ id: 'm-2', wrongMatch: { flagged: true, updatedAt: '2026-03-05T00:00:00.000Z' } })],
      claims: { [claim.id]: claim },
      claimOptions: claimOptionsFrom(english, { [claim.id]: claim }),
      loading: false,
      onQueryChange: vi.fn(),
      onDelete: vi.fn(),
      onExport: vi.fn(async () => ({ ok: true as const, count: 0 })),
      onImport: vi.fn(async () => ({ ok: true as const, added: 0, updated: 0, unchanged: 0, keptNotes: 0 })),
      onClearAll: vi.fn(),
    },
    claimSet: {
      info: infoFixture({ stale, ageDays: stale ? 120 : 3, packs: [packFixture(), packFixture({ id: 'file-1', name: 'extra.json', source: 'file' })] }),
      onSetEnabled: vi.fn(),
      onRemove: vi.fn(async () => ({ ok: true as const })),
      onImportPack: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    },
    feed: {
      feed: { url: 'https://claims.example.org/feed.json', lastError: { at: '2026-03-04T10:00:00.000Z', message: 'timed out' } },
      onSaveUrl: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
      onUpdateNow: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    },
    sites: {
      settings: { siteMode: 'allow-list', allowedSites: ['apnews.com'], disabledSites: [] },
      onSave: vi.fn(async () => ({ ok: false as const, error: 'nope' })),
    },
  };
}

afterEach(cleanup);

/** Mounts the view the way index.html does: inside <main lang="en"> on a titled page. */
function mountPage(stale: boolean): Element {
  document.documentElement.lang = 'en';
  document.title = 'Pledge Lens options';
  return renderIn(<OptionsView {...props(stale)} />, english, { container: document.body.appendChild(document.createElement('main')) }).container;
}

describe('OptionsView', () => {
  it('has one h1 and a heading for each of the four sections', () => {
    const root = mountPage(false);
    expect(Array.from(root.querySelectorAll('h1')).map((h) => h.textContent)).toEqual(['Pledge Lens options']);
    expect(Array.from(root.querySelectorAll('section > h2')).map((h) => h.textContent)).toEqual(['Annotation history', 'Claim set', 'Claim feed', 'Sites']);
    for (const section of Array.from(root.querySelectorAll('section'))) {
      expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    }
  });

  it('the sections nav reaches every section and the export, each link landing on its heading', () => {
    const root = mountPage(false);
    const links = Array.from(root.querySelectorAll('nav a[href^="#"]'));
    expect(links.map((a) => a.textContent)).toEqual(['Annotation history', 'Export, import or clear', 'Claim set', 'Claim feed', 'Sites']);
    for (const link of links) {
      const target = root.querySelector(link.getAttribute('href')!);
      expect(target?.textContent, link.getAttribute('href')!).toBe(link.textContent);
    }
  });

  it.each([false, true])('passes the structural axe-core rules (stale=%s)', async (stale) => {
    mountPage(stale);
    // Layout-dependent rules (contrast, target size) need a real browser; the E2E audit covers those.
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
    });
    const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    expect(violations).toEqual([]);
    expect(Boolean(screen.getByTestId('claim-set-version'))).toBe(true);
  });

  it('speaks German with the German catalogue: headings, pack line, dates', () => {
    const root = renderIn(<OptionsView {...props(true)} />, german).container;
    expect(Array.from(root.querySelectorAll('h1')).map((h) => h.textContent)).toEqual(['Pledge Lens – Einstellungen']);
    expect(Array.from(root.querySelectorAll('section > h2')).map((h) => h.textContent)).toEqual(['Verlauf der Anmerkungen', 'Aussagensammlung', 'Aussagen-Feed', 'Websites']);
    const meta = root.querySelector('[data-testid=pack-row] .pack-meta')?.textContent ?? '';
    expect(meta).toMatch(/^Eingebaut · Version \S+ · veröffentlicht am \d{1,2}\. \S+ \d{4} · \d+ Aussagen?$/);
    expect(root.querySelector('[data-testid=stale-warning]')?.textContent).toMatch(/^Veraltet: Diese Aussagensammlung ist \d+ Tage? alt/);
    expect(root.textContent).not.toMatch(/Annotation history|Claim feed|Published|Search quotes/);
  });
});
