// @vitest-environment happy-dom
/**
 * Views get records keyed by ids that come from claim sets and imported files (claims by claim id,
 * changes by mention or claim id). A claim named "constructor", or an imported mention naming claim
 * "toString" with the id "__proto__", must show as an unknown claim, never crash the popup or the
 * options page by reading a function from the record's prototype.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationHistory } from '@/components/annotation-history';
import { PopupView } from '@/components/popup-view';
import { ownEntry } from '@/lib/messages/own-entry';
import { claimFixture, infoFixture, mentionFixture, packFixture } from './options-test-utils';
import { renderIn } from '../i18n/test-translators';

afterEach(cleanup);

describe('records keyed by hostile ids', () => {
  it('ownEntry reads only what the record holds itself', () => {
    const record: Record<string, string> = { kept: 'yes' };
    expect(ownEntry(record, 'kept')).toBe('yes');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(ownEntry(record, key)).toBeUndefined();
    expect(ownEntry({ constructor: 'own' }, 'constructor')).toBe('own');
  });

  it('the popup lists a claim whose id is "constructor" when no change is recorded for it', () => {
    renderIn(
      <PopupView
        page={{ kind: 'ready', enabled: true, scanning: false, claims: [{ claimId: 'constructor', statement: 'Example Lab will publish reports.', kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-10', actorName: 'Example Lab', mentions: 1, firstOffset: 0 }] }}
        siteEnabled
        host="news.example"
        info={infoFixture({ packs: [packFixture({ name: 'Pledge Lens' })] })}
        exportMessage=""
        legendUrl="chrome-extension://id/welcome.html#labels"
        changes={{}}
        onToggleSite={vi.fn()}
        onJump={vi.fn()}
        onExport={vi.fn()}
        onOpenOptions={vi.fn()}
        onOpenLegend={vi.fn()}
      />,
    );
    const item = screen.getByTestId('claim-item');
    expect(item.getAttribute('data-claim-id')).toBe('constructor');
    expect(item.textContent).toContain('Example Lab will publish reports.');
  });

  it.each(['none', 'page', 'claim'] as const)('the history (grouped by %s) shows imported mentions naming "toString" and "constructor" as claims no longer in the set', (grouping) => {
    const known = claimFixture();
    renderIn(
      <AnnotationHistory
        mentions={[mentionFixture({ id: '__proto__', claimId: 'toString' }), mentionFixture({ id: 'm-2', claimId: 'constructor' })]}
        claims={{ [known.id]: known }}
        changes={{}}
        claimOptions={[]}
        loading={false}
        onQueryChange={vi.fn()}
        onDelete={vi.fn()}
        onExport={vi.fn()}
        onImport={vi.fn()}
        onClearAll={vi.fn()}
        initialGrouping={grouping}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('toString');
    expect(text).toContain('constructor');
    expect(document.querySelectorAll('.changed-badge')).toHaveLength(0);
  });
});

describe('text a page chose', () => {
  it('a page title ending in a right-to-left override is isolated, so the site name after it reads as it is', () => {
    const title = 'Breaking news \u202E';
    renderIn(
      <AnnotationHistory
        mentions={[mentionFixture({ pageTitle: title, pageUrl: 'https://news.example/story' })]}
        claims={{}}
        claimOptions={[]}
        loading={false}
        onQueryChange={vi.fn()}
        onDelete={vi.fn()}
        onExport={vi.fn()}
        onImport={vi.fn()}
        onClearAll={vi.fn()}
        initialGrouping="page"
      />,
    );
    const heading = screen.getByTestId('group-heading');
    const isolated = heading.querySelector('bdi');
    expect(isolated?.textContent).toBe(title.trim());
    expect(heading.querySelector('.group-site')?.textContent).toBe('news.example');
    expect(isolated?.contains(heading.querySelector('.group-site'))).toBe(false);
  });
});
