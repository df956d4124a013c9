// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationHistory, type AnnotationHistoryProps } from '@/components/annotation-history';
import { claimOptionsFrom, toMentionQuery, EMPTY_FILTERS } from '@/components/annotation-filters';
import type { MentionQuery } from '@/lib/messages/protocol';
import { allByTestId, byTestId, choose, claimFixture, click, labelOf, mentionFixture, mount, pickFile, settle, typeInto, unmountAll } from './options-test-utils';

const pause = claimFixture();
const target = claimFixture({ id: 'acme-target', kind: 'announced-target', statement: 'Acme aims to publish model cards within a month.' });

function props(overrides: Partial<AnnotationHistoryProps> = {}): AnnotationHistoryProps {
  return {
    mentions: [
      mentionFixture({ note: { text: 'Check the date', updatedAt: '2026-03-04T10:00:00.000Z' } }),
      mentionFixture({
        id: 'm-2',
        claimId: 'acme-target',
        pageUrl: 'http://insecure.example.org/page',
        pageTitle: 'Plain http page',
        anchor: { exact: 'Acme hopes to publish cards', prefix: '', suffix: '', start: 0, end: 27 },
        lastSeen: '2026-01-15T23:59:00.000Z',
        wrongMatch: { flagged: true, updatedAt: '2026-01-16T00:00:00.000Z' },
      }),
    ],
    claims: { [pause.id]: pause, [target.id]: target },
    claimOptions: claimOptionsFrom({ [pause.id]: pause, [target.id]: target }),
    loading: false,
    onQueryChange: vi.fn(),
    onDelete: vi.fn(),
    onExport: vi.fn(async () => ({ ok: true as const, count: 2 })),
    onImport: vi.fn(async () => ({ ok: true as const, added: 1, updated: 0, unchanged: 0 })),
    onClearAll: vi.fn(),
    ...overrides,
  };
}

afterEach(unmountAll);

describe('AnnotationHistory rows', () => {
  it('renders one row per mention with quote, claim label, page link, date, note and flag', () => {
    const root = mount(<AnnotationHistory {...props()} />);
    const rows = allByTestId(byTestId(root, 'history-list'), 'history-row');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];

    expect(byTestId(first, 'row-quote').textContent).toBe('Acme promised to halt training');
    expect(byTestId(first, 'row-claim').textContent).toBe(`Binding commitment ${pause.statement}`);
    const link = byTestId(first, 'row-page').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example.com/story');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('A story about Acme');
    expect(byTestId(first, 'row-last-seen').textContent).toBe('4 Mar 2026');
    expect(byTestId(first, 'row-note').textContent).toBe('Check the date');
    expect(first.querySelector('[data-testid="row-wrong-match"]')).toBeNull();

    expect(byTestId(second, 'row-claim').textContent).toContain('Announced target');
    expect(byTestId(second, 'row-wrong-match').textContent).toContain('wrong match');
    // http pages are named but never linked.
    expect(byTestId(second, 'row-page').querySelector('a')).toBeNull();
    expect(byTestId(second, 'row-page').textContent).toBe('Plain http page');
    expect(byTestId(second, 'row-last-seen').textContent).toBe('15 Jan 2026');
  });

  it('says so when a mention points at a claim that is not in the active set', () => {
    const root = mount(<AnnotationHistory {...props({ mentions: [mentionFixture({ claimId: 'gone' })], claims: {} })} />);
    expect(byTestId(root, 'row-claim').textContent).toContain('gone');
    expect(byTestId(root, 'history-count').textContent).toBe('1 mention found');
  });

  it('shows an empty message and no rows when nothing matches', () => {
    const root = mount(<AnnotationHistory {...props({ mentions: [] })} />);
    expect(allByTestId(root, 'history-row')).toHaveLength(0);
    expect(byTestId(root, 'history-empty').textContent).toContain('No stored annotations');
  });

  it('shows a load error in an alert', () => {
    const root = mount(<AnnotationHistory {...props({ error: 'Could not load annotations: boom' })} />);
    const alert = byTestId(root, 'history-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('boom');
  });
});

describe('AnnotationHistory filters', () => {
  it('reports the query built from each control', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    const root = mount(<AnnotationHistory {...props({ onQueryChange })} />);

    typeInto(byTestId(root, 'filter-text'), '  halt training ');
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include', text: 'halt training' });

    choose(byTestId(root, 'filter-claim'), 'acme-target');
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include', text: 'halt training', claimIds: ['acme-target'] });

    typeInto(byTestId(root, 'filter-site'), 'example.com');
    typeInto(byTestId(root, 'filter-from'), '2026-01-01');
    typeInto(byTestId(root, 'filter-to'), '2026-03-31');
    choose(byTestId(root, 'filter-wrong'), 'only');
    expect(onQueryChange).toHaveBeenLastCalledWith({
      wrongMatches: 'only',
      text: 'halt training',
      claimIds: ['acme-target'],
      site: 'example.com',
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('leaves out a site the background could not read, and marks the field invalid', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    const root = mount(<AnnotationHistory {...props({ onQueryChange })} />);
    const site = byTestId<HTMLInputElement>(root, 'filter-site');
    typeInto(site, 'not a host');
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include' });
    expect(site.getAttribute('aria-invalid')).toBe('true');
    typeInto(site, 'example.org');
    expect(site.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers every known claim in the claim select, with kind labels', () => {
    const root = mount(<AnnotationHistory {...props()} />);
    const options = Array.from(byTestId<HTMLSelectElement>(root, 'filter-claim').options).map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', 'All claims'],
      ['acme-target', `Announced target: ${target.statement}`],
      ['acme-pause', `Binding commitment: ${pause.statement}`],
    ]);
  });

  it('labels every control', () => {
    const root = mount(<AnnotationHistory {...props()} />);
    const controls = Array.from(root.querySelectorAll<HTMLElement>('input, select'));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    for (const control of controls) expect(labelOf(control), control.outerHTML).not.toBe('');
  });

  it('toMentionQuery drops empty and malformed values', () => {
    expect(toMentionQuery(EMPTY_FILTERS)).toEqual({ wrongMatches: 'include' });
    expect(toMentionQuery({ ...EMPTY_FILTERS, from: '2026-1-1', to: 'soon', text: '   ' })).toEqual({ wrongMatches: 'include' });
  });
});

describe('AnnotationHistory destructive actions', () => {
  it('deletes a row only after the second, confirming click', async () => {
    const onDelete = vi.fn();
    const root = mount(<AnnotationHistory {...props({ onDelete })} />);
    const row = allByTestId(root, 'history-row')[1]!;
    click(byTestId(row, 'row-delete'));
    expect(onDelete).not.toHaveBeenCalled();
    const confirm = byTestId(row, 'row-delete-confirm');
    expect(confirm.textContent).toBe('Confirm delete');
    click(confirm);
    await settle();
    expect(onDelete).toHaveBeenCalledOnce();
    expect(onDelete).toHaveBeenCalledWith('m-2');
  });

  it('cancelling a delete fires nothing and restores the button', () => {
    const onDelete = vi.fn();
    const root = mount(<AnnotationHistory {...props({ onDelete })} />);
    const row = allByTestId(root, 'history-row')[0]!;
    click(byTestId(row, 'row-delete'));
    const cancel = Array.from(row.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!;
    click(cancel);
    expect(row.querySelector('[data-testid="row-delete-confirm"]')).toBeNull();
    expect(byTestId(row, 'row-delete')).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('clears everything only after confirmation', async () => {
    const onClearAll = vi.fn();
    const root = mount(<AnnotationHistory {...props({ onClearAll })} />);
    expect(root.querySelector('[data-testid="clear-all-confirm"]')).toBeNull();
    click(byTestId(root, 'clear-all'));
    expect(onClearAll).not.toHaveBeenCalled();
    click(byTestId(root, 'clear-all-confirm'));
    await settle();
    expect(onClearAll).toHaveBeenCalledOnce();
    // Back to the first step afterwards, so a second clear needs a second confirmation.
    expect(root.querySelector('[data-testid="clear-all-confirm"]')).toBeNull();
  });
});

describe('AnnotationHistory export and import', () => {
  it('exports in the chosen format and reports the count', async () => {
    const onExport = vi.fn(async () => ({ ok: true as const, count: 3 }));
    const root = mount(<AnnotationHistory {...props({ onExport })} />);
    choose(byTestId(root, 'export-format'), 'csv');
    click(byTestId(root, 'export-button'));
    await settle();
    expect(onExport).toHaveBeenCalledWith('csv');
    expect(byTestId(root, 'export-result').textContent).toBe('Exported 3 mentions.');
  });

  it('offers the three export formats', () => {
    const root = mount(<AnnotationHistory {...props()} />);
    const values = Array.from(byTestId<HTMLSelectElement>(root, 'export-format').options).map((o) => o.value);
    expect(values).toEqual(['jsonld', 'csv', 'markdown']);
  });

  it('reads the chosen file and reports the import counts', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, added: 2, updated: 1, unchanged: 4 }));
    const root = mount(<AnnotationHistory {...props({ onImport })} />);
    await pickFile(byTestId(root, 'import-input'), 'notes.jsonld', '{"type":"AnnotationCollection"}');
    expect(onImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    const result = byTestId(root, 'import-result');
    expect(result.textContent).toBe('Imported: 2 added, 1 updated, 4 unchanged');
    expect(result.getAttribute('role')).toBe('status');
  });

  it('shows an import failure in role=alert', async () => {
    const onImport = vi.fn(async () => ({ ok: false as const, error: 'Item 3: pageUrl must be an absolute URL' }));
    const root = mount(<AnnotationHistory {...props({ onImport })} />);
    await pickFile(byTestId(root, 'import-input'), 'bad.json', '{}');
    const alert = byTestId(root, 'import-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Item 3: pageUrl must be an absolute URL');
  });

  it('accepts only JSON files in the picker', () => {
    const root = mount(<AnnotationHistory {...props()} />);
    expect(byTestId(root, 'import-input').getAttribute('accept')).toContain('.jsonld');
  });
});
