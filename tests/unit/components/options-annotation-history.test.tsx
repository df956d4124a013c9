// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationHistory, type AnnotationHistoryProps } from '@/components/annotation-history';
import { claimOptionsFrom, toMentionQuery, EMPTY_FILTERS } from '@/components/annotation-filters';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';
import { claimFixture, mentionFixture, pickFile } from './options-test-utils';

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

afterEach(cleanup);

describe('AnnotationHistory rows', () => {
  it('renders one row per mention with quote, claim label, page link, date, note and flag', () => {
    render(<AnnotationHistory {...props()} />);
    const rows = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    const second = within(rows[1]!);

    expect(first.getByTestId('row-quote').textContent).toBe('Acme promised to halt training');
    expect(first.getByTestId('row-claim').textContent).toBe(`Binding commitment ${pause.statement}`);
    const link = first.getByTestId('row-page').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example.com/story');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toBe('A story about Acme');
    expect(first.getByTestId('row-last-seen').textContent).toBe('4 Mar 2026');
    expect(first.getByTestId('row-note').textContent).toBe('Check the date');
    expect(first.queryByTestId('row-wrong-match')).toBeNull();

    expect(second.getByTestId('row-claim').textContent).toContain('Announced target');
    expect(second.getByTestId('row-wrong-match').textContent).toContain('wrong match');
    // http pages are named but never linked.
    expect(second.getByTestId('row-page').querySelector('a')).toBeNull();
    expect(second.getByTestId('row-page').textContent).toBe('Plain http page');
    expect(second.getByTestId('row-last-seen').textContent).toBe('15 Jan 2026');
  });

  it('says so when a mention points at a claim that is not in the active set', () => {
    render(<AnnotationHistory {...props({ mentions: [mentionFixture({ claimId: 'gone' })], claims: {} })} />);
    expect(screen.getByTestId('row-claim').textContent).toContain('gone');
    expect(screen.getByTestId('history-count').textContent).toBe('1 mention found');
  });

  it('shows an empty message and no rows when nothing matches', () => {
    render(<AnnotationHistory {...props({ mentions: [] })} />);
    expect(screen.queryAllByTestId('history-row')).toHaveLength(0);
    expect(screen.getByTestId('history-empty').textContent).toContain('No stored annotations');
  });

  it('shows a load error in an alert', () => {
    render(<AnnotationHistory {...props({ error: 'Could not load annotations: boom' })} />);
    const alert = screen.getByTestId('history-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('boom');
  });
});

describe('AnnotationHistory filters', () => {
  it('reports the query built from each control', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    render(<AnnotationHistory {...props({ onQueryChange })} />);

    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: '  halt training ' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include', text: 'halt training' });

    fireEvent.change(screen.getByTestId('filter-claim'), { target: { value: 'acme-target' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include', text: 'halt training', claimIds: ['acme-target'] });

    fireEvent.input(screen.getByTestId('filter-site'), { target: { value: 'example.com' } });
    fireEvent.input(screen.getByTestId('filter-from'), { target: { value: '2026-01-01' } });
    fireEvent.input(screen.getByTestId('filter-to'), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByTestId('filter-wrong'), { target: { value: 'only' } });
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
    render(<AnnotationHistory {...props({ onQueryChange })} />);
    const site = screen.getByTestId('filter-site');
    fireEvent.input(site, { target: { value: 'not a host' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include' });
    expect(site.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(site, { target: { value: 'example.org' } });
    expect(site.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers every known claim in the claim select, with kind labels', () => {
    render(<AnnotationHistory {...props()} />);
    const options = Array.from(screen.getByTestId<HTMLSelectElement>('filter-claim').options).map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', 'All claims'],
      ['acme-target', `Announced target: ${target.statement}`],
      ['acme-pause', `Binding commitment: ${pause.statement}`],
    ]);
  });

  it('labels every control', () => {
    const { container } = render(<AnnotationHistory {...props()} />);
    const controls = Array.from(container.querySelectorAll<HTMLElement>('input, select'));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    const labelled = screen.getAllByLabelText(/\S/);
    for (const control of controls) expect(labelled, control.outerHTML).toContain(control);
  });

  it('toMentionQuery drops empty and malformed values', () => {
    expect(toMentionQuery(EMPTY_FILTERS)).toEqual({ wrongMatches: 'include' });
    expect(toMentionQuery({ ...EMPTY_FILTERS, from: '2026-1-1', to: 'soon', text: '   ' })).toEqual({ wrongMatches: 'include' });
  });
});

describe('AnnotationHistory destructive actions', () => {
  it('deletes a row only after the second, confirming click', async () => {
    const onDelete = vi.fn();
    render(<AnnotationHistory {...props({ onDelete })} />);
    const row = within(screen.getAllByTestId('history-row')[1]!);
    fireEvent.click(row.getByTestId('row-delete'));
    expect(onDelete).not.toHaveBeenCalled();
    const confirm = row.getByTestId('row-delete-confirm');
    expect(confirm.textContent).toBe('Confirm delete');
    fireEvent.click(confirm);
    await waitFor(() => expect(onDelete).toHaveBeenCalledOnce());
    expect(onDelete).toHaveBeenCalledWith('m-2');
  });

  it('cancelling a delete fires nothing and restores the button', () => {
    const onDelete = vi.fn();
    render(<AnnotationHistory {...props({ onDelete })} />);
    const row = within(screen.getAllByTestId('history-row')[0]!);
    fireEvent.click(row.getByTestId('row-delete'));
    fireEvent.click(row.getByRole('button', { name: 'Cancel' }));
    expect(row.queryByTestId('row-delete-confirm')).toBeNull();
    expect(row.getByTestId('row-delete')).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('clears everything only after confirmation', async () => {
    const onClearAll = vi.fn();
    render(<AnnotationHistory {...props({ onClearAll })} />);
    expect(screen.queryByTestId('clear-all-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('clear-all'));
    expect(onClearAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('clear-all-confirm'));
    await waitFor(() => expect(onClearAll).toHaveBeenCalledOnce());
    // Back to the first step afterwards, so a second clear needs a second confirmation.
    await waitFor(() => expect(screen.queryByTestId('clear-all-confirm')).toBeNull());
  });
});

describe('AnnotationHistory export and import', () => {
  it('exports in the chosen format and reports the count', async () => {
    const onExport = vi.fn(async () => ({ ok: true as const, count: 3 }));
    render(<AnnotationHistory {...props({ onExport })} />);
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toBe('Exported 3 mentions.'));
    expect(onExport).toHaveBeenCalledWith('csv');
  });

  it('offers the three export formats', () => {
    render(<AnnotationHistory {...props()} />);
    const values = Array.from(screen.getByTestId<HTMLSelectElement>('export-format').options).map((o) => o.value);
    expect(values).toEqual(['w3c', 'csv', 'markdown']);
  });

  it('reads the chosen file and reports the import counts', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, added: 2, updated: 1, unchanged: 4 }));
    render(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'notes.jsonld', '{"type":"AnnotationCollection"}');
    const result = await screen.findByText('Imported: 2 added, 1 updated, 4 unchanged');
    expect(onImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(result).toBe(screen.getByTestId('import-result'));
    expect(result.getAttribute('role')).toBe('status');
  });

  it('shows an import failure in role=alert', async () => {
    const onImport = vi.fn(async () => ({ ok: false as const, error: 'Item 3: pageUrl must be an absolute URL' }));
    render(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'bad.json', '{}');
    const alert = await screen.findByRole('alert');
    expect(alert).toBe(screen.getByTestId('import-result'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Item 3: pageUrl must be an absolute URL');
  });

  it('accepts only JSON files in the picker', () => {
    render(<AnnotationHistory {...props()} />);
    expect(screen.getByTestId('import-input').getAttribute('accept')).toContain('.jsonld');
  });
});
