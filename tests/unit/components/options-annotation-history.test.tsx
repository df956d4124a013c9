// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationHistory, type AnnotationHistoryProps } from '@/components/annotation-history';
import { AnnotationList } from '@/components/annotation-list';
import { claimOptionsFrom, toMentionQuery, EMPTY_FILTERS } from '@/components/annotation-filters';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { MentionQuery } from '@/lib/messages/extension-page-to-background';
import { claimFixture, mentionFixture, pickFile } from './options-test-utils';
import { english, renderIn } from '../i18n/test-translators';

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
    claimOptions: claimOptionsFrom(english, { [pause.id]: pause, [target.id]: target }),
    loading: false,
    onQueryChange: vi.fn(),
    onDelete: vi.fn(),
    onExport: vi.fn(async () => ({ ok: true as const, count: 2 })),
    onImport: vi.fn(async () => ({ ok: true as const, added: 1, updated: 0, unchanged: 0, keptNotes: 0 })),
    onClearAll: vi.fn(),
    // The flat list shows every field on every row; the grouped views are tested below.
    initialGrouping: 'none',
    ...overrides,
  };
}

afterEach(cleanup);

describe('AnnotationHistory rows', () => {
  it('renders one row per mention with quote, claim label, page link, date, note and flag', () => {
    renderIn(<AnnotationHistory {...props()} />);
    const rows = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    const second = within(rows[1]!);

    expect(first.getByTestId('row-quote').textContent).toBe('Acme promised to halt training');
    expect(first.getByTestId('row-claim').textContent).toBe(`Binding commitment In force since 14 May 2025 ${pause.statement}`);
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
    // After the title, the page's site: its host when its metadata named none.
    expect(second.getByTestId('row-page').textContent).toBe('Plain http page insecure.example.org');
    expect(second.getByTestId('row-last-seen').textContent).toBe('15 Jan 2026');
    expect(first.queryByTestId('row-possible-match')).toBeNull();
  });

  it('names the embed a quote was read in, linked over https, under its article (report 56: embeds were pages of their own)', () => {
    renderIn(<AnnotationHistory {...props({ mentions: [mentionFixture({ frameUrl: 'https://posts.example/embed/42' }), mentionFixture({ id: 'm-2' })] })} />);
    const [embedded, own] = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    const embed = within(embedded!).getByTestId('row-embed');
    expect(embed.querySelector('a')!.getAttribute('href')).toBe('https://posts.example/embed/42');
    expect(embed.textContent).toBe('posts.example');
    expect(embed.previousElementSibling!.textContent).toBe('In an embed');
    expect(within(embedded!).getByTestId('row-page').querySelector('a')!.getAttribute('href')).toBe('https://news.example.com/story');
    expect(within(own!).queryByTestId('row-embed')).toBeNull();
  });

  it('marks a possible match, to check before citing, unless the reader marked it a wrong match already (report 55, problem 2)', () => {
    renderIn(<AnnotationHistory {...props({ mentions: [mentionFixture({ possible: true }), mentionFixture({ id: 'm-2', possible: true, wrongMatch: { flagged: true, updatedAt: '2026-01-16T00:00:00.000Z' } })] })} />);
    const [unsure, marked] = within(screen.getByTestId('history-list')).getAllByTestId('history-row');
    expect(within(unsure!).getByTestId('row-possible-match').textContent).toBe('Possible match: check before you cite it');
    expect(within(marked!).queryByTestId('row-possible-match')).toBeNull();
  });

  it("shows a page's site, authors and publication date as its metadata gave them, what the exports will cite", () => {
    const cited = mentionFixture({ pageCitation: { site: 'The Verge', authors: ['Jane Doe', 'John Roe'], published: '2026-02-24' } });
    const many = mentionFixture({ id: 'm-3', pageUrl: 'https://journal.example/paper', pageTitle: 'A paper', pageCitation: { authors: ['A One', 'B Two', 'C Three', 'D Four'], published: '2026-02' } });
    renderIn(<AnnotationHistory {...props({ mentions: [cited, many] })} />);
    const sources = screen.getAllByTestId('page-source').map((node) => node.textContent);
    expect(sources).toEqual(['The Verge · by Jane Doe and John Roe · 24 Feb 2026', 'journal.example · by A One and others · Feb 2026']);
  });

  it("names a page in its heading by the work's title, the site's name split off, since the heading names the site after it", () => {
    const titled = mentionFixture({ pageTitle: 'Acme drops its pause pledge | Frontier Desk', pageCitation: { site: 'Frontier Desk' } });
    renderIn(<AnnotationHistory {...props({ initialGrouping: undefined, mentions: [titled] })} />);
    const heading = screen.getByTestId('group-heading').textContent ?? '';
    expect(heading).toContain('Acme drops its pause pledge Frontier Desk');
    // Before, the heading read "… | Frontier Desk Frontier Desk" (a new user's report 53, problem 12).
    expect(heading.match(/Frontier Desk/g)).toHaveLength(1);
  });

  it("colours each row's status by its tone, as the popup does: a withdrawn claim reads as ended, a modified one as in question", () => {
    const withdrawn = claimFixture({ status: 'withdrawn', statusDate: '2026-02-24' });
    const modified = claimFixture({ id: 'acme-target', kind: 'announced-target', status: 'modified', statusDate: '2026-07-08' });
    renderIn(<AnnotationHistory {...props({ claims: { [withdrawn.id]: withdrawn, [modified.id]: modified } })} />);
    const statuses = screen.getAllByTestId('history-row').map((row) => row.querySelector('.status-words')!);
    expect(statuses.map((status) => status.textContent)).toEqual(['Withdrawn 24 Feb 2026', 'Modified 8 Jul 2026']);
    expect(statuses.map((status) => status.className)).toEqual(['status-words status-ended', 'status-words status-questioned']);
    renderIn(<AnnotationHistory {...props()} />);
    expect(screen.getAllByTestId('history-row')[2]!.querySelector('.status-words')!.className).toBe('status-words status-holds');
  });

  it('says so when a mention points at a claim that is not in the active set', () => {
    renderIn(<AnnotationHistory {...props({ mentions: [mentionFixture({ claimId: 'gone' })], claims: {} })} />);
    expect(screen.getByTestId('row-claim').textContent).toContain('gone');
    expect(screen.getByTestId('history-count').textContent).toBe('1 mention found');
  });

  it('an empty history says what will appear there, not that filters hide it; a filtered one says so', () => {
    renderIn(<AnnotationHistory {...props({ mentions: [] })} />);
    expect(screen.queryAllByTestId('history-row')).toHaveLength(0);
    expect(screen.getByTestId('history-empty').textContent).toMatch(/^Your history is empty\./);
    expect(screen.getByTestId('history-empty').textContent).not.toMatch(/filter/i);
    fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'announced-target' } });
    expect(screen.getByTestId('history-empty').textContent).toContain('No stored annotations match these filters');
  });

  it('an empty result cannot be exported', () => {
    renderIn(<AnnotationHistory {...props({ mentions: [] })} />);
    expect(screen.getByTestId<HTMLButtonElement>('export-button').disabled).toBe(true);
    expect(screen.getByTestId('export-hint').textContent).toMatch(/^Nothing to export/);
  });

  it('shows a load error in an alert', () => {
    renderIn(<AnnotationHistory {...props({ error: 'Could not load annotations: boom' })} />);
    const alert = screen.getByTestId('history-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('boom');
  });
});

describe('AnnotationHistory filters', () => {
  it('reports the query built from each control', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    renderIn(<AnnotationHistory {...props({ onQueryChange })} />);

    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: '  halt training ' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude', text: 'halt training' });

    fireEvent.change(screen.getByTestId('filter-claim'), { target: { value: 'acme-target' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude', text: 'halt training', claimIds: ['acme-target'] });

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
    fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'binding-commitment' } });
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'withdrawn' } });
    fireEvent.click(screen.getByTestId('filter-changed'));
    expect(onQueryChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kinds: ['binding-commitment'], statuses: ['withdrawn'], changedSinceRead: true }),
    );
  });

  it('offers every kind and status in plain words', () => {
    renderIn(<AnnotationHistory {...props()} />);
    const texts = (id: string) => Array.from(screen.getByTestId<HTMLSelectElement>(id).options).map((o) => o.textContent);
    expect(texts('filter-kind')).toEqual(['All labels', 'Binding commitment', 'Announced target', 'No commitment']);
    expect(texts('filter-status')).toContain('Not yet in force');
    expect(texts('filter-status')).toContain('Withdrawn');
  });

  it('leaves out a site with no letter or digit, and marks the field invalid; a publication\'s name is a site', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    renderIn(<AnnotationHistory {...props({ onQueryChange })} />);
    const site = screen.getByTestId('filter-site');
    fireEvent.input(site, { target: { value: '.../' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude' });
    expect(site.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(site, { target: { value: 'The Verge' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude', site: 'The Verge' });
    expect(site.getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(site, { target: { value: 'example.org' } });
    expect(site.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers every known claim in the claim select, named by who made it first and sorted by actor', () => {
    const anthropic = claimFixture({ id: 'anthropic-pause', actorName: 'Anthropic', statement: 'Anthropic will pause training if its safeguards fall behind.' });
    const known = { [pause.id]: pause, [target.id]: target, [anthropic.id]: anthropic };
    renderIn(<AnnotationHistory {...props({ claimOptions: claimOptionsFrom(english, known) })} />);
    const options = Array.from(screen.getByTestId<HTMLSelectElement>('filter-claim').options).map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', 'All claims'],
      ['acme-target', `Acme AI — ${target.statement}`],
      ['acme-pause', `Acme AI — ${pause.statement}`],
      ['anthropic-pause', `Anthropic — ${anthropic.statement}`],
    ]);
    // A long statement is shortened after the actor, never the actor.
    const long = claimFixture({ id: 'long', actorName: 'Google DeepMind', statement: `Google DeepMind ${'will do a great many things '.repeat(10)}` });
    const [only] = claimOptionsFrom(english, { long });
    expect(only!.label).toMatch(/^Google DeepMind — Google DeepMind will do .{50,}…$/);
    expect(only!.label.length).toBeLessThan(120);
  });

  it('labels every control', () => {
    const { container } = renderIn(<AnnotationHistory {...props()} />);
    const controls = Array.from(container.querySelectorAll<HTMLElement>('input, select'));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    const labelled = screen.getAllByLabelText(/\S/);
    for (const control of controls) expect(labelled, control.outerHTML).toContain(control);
  });

  it('hides wrong matches until the reader asks for them, as the card and the popup leave them out of exports', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    renderIn(<AnnotationHistory {...props({ onQueryChange, mentions: [] })} />);
    const wrong = screen.getByTestId<HTMLSelectElement>('filter-wrong');
    expect(wrong.value).toBe('exclude');
    expect(wrong.selectedOptions[0]!.textContent).toBe('Hide them');
    // Nothing to list with the default filters is an empty history, not a filtered one.
    expect(screen.getByTestId('history-empty').textContent).toMatch(/^Your history is empty\./);
    fireEvent.change(wrong, { target: { value: 'include' } });
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'include' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude' });
    expect(wrong.value).toBe('exclude');
  });

  it('toMentionQuery drops empty and malformed values', () => {
    expect(toMentionQuery(EMPTY_FILTERS)).toEqual({ wrongMatches: 'exclude' });
    expect(toMentionQuery({ ...EMPTY_FILTERS, from: '2026-1-1', to: 'soon', text: '   ' })).toEqual({ wrongMatches: 'exclude' });
  });
});

describe('AnnotationHistory destructive actions', () => {
  it('deletes a row only after the second, confirming click', async () => {
    const onDelete = vi.fn();
    renderIn(<AnnotationHistory {...props({ onDelete })} />);
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
    renderIn(<AnnotationHistory {...props({ onDelete })} />);
    const row = within(screen.getAllByTestId('history-row')[0]!);
    fireEvent.click(row.getByTestId('row-delete'));
    fireEvent.click(row.getByRole('button', { name: 'Cancel' }));
    expect(row.queryByTestId('row-delete-confirm')).toBeNull();
    expect(row.getByTestId('row-delete')).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('clears everything only after confirmation', async () => {
    const onClearAll = vi.fn();
    renderIn(<AnnotationHistory {...props({ onClearAll })} />);
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
    renderIn(<AnnotationHistory {...props({ onExport })} />);
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'csv' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toBe('Exported 3 mentions.'));
    expect(onExport).toHaveBeenCalledWith('csv');
  });

  it('says how many exported mentions are marked as wrong matches, or how many were left out', async () => {
    const outcomes = [
      { count: 3, wrongMatches: 1, leftOutWrongMatches: 0, said: 'Exported 3 mentions. 1 of them is marked as a wrong match.' },
      { count: 2, wrongMatches: 2, leftOutWrongMatches: 0, said: 'Exported 2 mentions. 2 of them are marked as wrong matches.' },
      { count: 1, wrongMatches: 0, leftOutWrongMatches: 1, said: 'Exported 1 mention. 1 mention you marked as a wrong match was left out.' },
    ];
    for (const { said, ...counts } of outcomes) {
      renderIn(<AnnotationHistory {...props({ onExport: vi.fn(async () => ({ ok: true as const, ...counts })) })} />);
      fireEvent.click(screen.getByTestId('export-button'));
      await waitFor(() => expect(screen.getByTestId('export-result').textContent).toBe(said));
      cleanup();
    }
  });

  it('offers the four export formats', () => {
    renderIn(<AnnotationHistory {...props()} />);
    const values = Array.from(screen.getByTestId<HTMLSelectElement>('export-format').options).map((o) => o.value);
    expect(values).toEqual(['w3c', 'csv', 'markdown', 'csl']);
  });

  it('reads the chosen file and reports the import counts', async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, added: 2, updated: 1, unchanged: 4, keptNotes: 0 }));
    renderIn(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'notes.jsonld', '{"type":"AnnotationCollection"}');
    const result = await screen.findByText('Imported: 2 added, 1 updated, 4 unchanged');
    expect(onImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}', false);
    expect(result).toBe(screen.getByTestId('import-result'));
    expect(result.getAttribute('role')).toBe('status');
  });

  it("says when the file's notes were older than the reader's and were not used", async () => {
    const onImport = vi.fn(async () => ({ ok: true as const, added: 0, updated: 0, unchanged: 26, keptNotes: 1 }));
    renderIn(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'backup.jsonld', '{"type":"AnnotationCollection"}');
    expect((await screen.findByTestId('import-result')).textContent).toBe('Imported: 0 added, 0 updated, 26 unchanged. 1 note in the file was not newer than yours and was not used.');
  });

  it('asks before an import replaces the reader\'s notes or flags, and imports only when they agree', async () => {
    const confirm = { notes: [{ mentionId: 'a1', pageTitle: 'Anthropic drops its pause pledge', stored: 'Ask the press office', incoming: 'Ads confirmed, ignore earlier note' }], noteCount: 7, changedFlags: 1 };
    const onImport = vi.fn(async (_text: string, replace: boolean) => (replace ? { ok: true as const, added: 0, updated: 8, unchanged: 0, keptNotes: 0 } : { ok: true as const, confirm }));
    renderIn(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'notes.jsonld', '{"type":"AnnotationCollection"}');
    const question = await screen.findByTestId('import-input-question');
    expect(question.textContent).toContain('This file would replace 7 of your notes');
    expect(question.textContent).toContain('This file would turn 1 of your wrong-match marks on or off.');
    expect(question.textContent).toContain('Anthropic drops its pause pledge: “Ask the press office” becomes “Ads confirmed, ignore earlier note”');
    expect(question.textContent).toContain('and 6 more');
    expect(document.activeElement).toBe(screen.getByTestId('import-input-replace'));
    expect(onImport).toHaveBeenCalledTimes(1);
    // Declined: nothing more is sent, and the reader is told nothing changed.
    fireEvent.click(screen.getByTestId('import-input-keep'));
    expect((await screen.findByTestId('import-result')).textContent).toMatch(/^Nothing was imported/);
    expect(onImport).toHaveBeenCalledTimes(1);
    // Agreed: the file goes again, with leave to replace.
    pickFile(screen.getByTestId('import-input'), 'notes.jsonld', '{"type":"AnnotationCollection"}');
    fireEvent.click(await screen.findByTestId('import-input-replace'));
    expect((await screen.findByText('Imported: 0 added, 8 updated, 0 unchanged')).getAttribute('role')).toBe('status');
    expect(onImport).toHaveBeenLastCalledWith('{"type":"AnnotationCollection"}', true);
  });

  it('shows an import failure in role=alert', async () => {
    const onImport = vi.fn(async () => ({ ok: false as const, error: 'Item 3: pageUrl must be an absolute URL' }));
    renderIn(<AnnotationHistory {...props({ onImport })} />);
    pickFile(screen.getByTestId('import-input'), 'bad.json', '{}');
    const alert = await screen.findByRole('alert');
    expect(alert).toBe(screen.getByTestId('import-result'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Item 3: pageUrl must be an absolute URL');
  });

  it('accepts only JSON files in the picker', () => {
    renderIn(<AnnotationHistory {...props()} />);
    expect(screen.getByTestId('import-input').getAttribute('accept')).toContain('.jsonld');
  });
});

describe('AnnotationHistory as a research view', () => {
  const change: ClaimChange = {
    claimId: 'acme-pause',
    was: { kind: 'binding-commitment', status: 'in-force', statusDate: '2025-05-14' },
    now: { kind: 'binding-commitment', status: 'withdrawn', statusDate: '2026-02-24' },
    evidenceChanged: false,
    changedAt: '2026-03-01T10:00:00.000Z',
    pack: { id: 'feed', name: 'Research feed', version: '2.1.0' },
    unseen: true,
  };
  const pageTwo = mentionFixture({ id: 'm-3', anchor: { exact: 'Later on the same page', prefix: '', suffix: '', start: 400, end: 420 }, lastSeen: '2026-03-04T09:00:00.000Z' });

  it('groups by page (reading order within a page) or by claim, from a toggle', () => {
    renderIn(<AnnotationHistory {...props({ initialGrouping: undefined, mentions: [pageTwo, ...props().mentions] })} />);
    // Default: by page. The newest page first; its rows in reading order; the page is named once, in the heading.
    let groups = screen.getAllByTestId('history-group');
    expect(groups.map((group) => within(group).getByTestId('group-heading').textContent)).toEqual([
      expect.stringContaining('A story about Acme'),
      expect.stringContaining('Plain http page'),
    ]);
    expect(within(groups[0]!).getAllByTestId('history-row').map((row) => row.getAttribute('data-mention-id'))).toEqual(['m-1', 'm-3']);
    expect(within(groups[0]!).queryByTestId('row-page')).toBeNull();
    // Both rows quote the same claim: the first says it whole, the second folds it (see below).
    expect(within(groups[0]!).getAllByTestId('row-claim')).toHaveLength(1);
    expect(within(groups[0]!).getAllByTestId('row-same-claim')).toHaveLength(1);

    fireEvent.click(screen.getByTestId('group-by-claim'));
    groups = screen.getAllByTestId('history-group');
    expect(groups.map((group) => group.getAttribute('data-group-key'))).toEqual(['acme-pause', 'acme-target']);
    expect(within(groups[0]!).getByTestId('group-heading').textContent).toContain(pause.statement);
    expect(within(groups[0]!).queryByTestId('row-claim')).toBeNull();
    expect(within(groups[0]!).getAllByTestId('row-page')).toHaveLength(2);
  });

  it('says a claim shared by consecutive rows once: the rows after the first show its label and "Same claim as above", the statement behind a disclosure', () => {
    const third = mentionFixture({ id: 'm-4', anchor: { exact: 'A third quote of the pause', prefix: '', suffix: '', start: 800, end: 826 }, lastSeen: '2026-03-04T08:00:00.000Z' });
    const other = mentionFixture({ id: 'm-5', claimId: 'acme-target', anchor: { exact: 'Acme hopes to publish cards', prefix: '', suffix: '', start: 600, end: 627 }, lastSeen: '2026-03-04T07:00:00.000Z' });
    renderIn(<AnnotationHistory {...props({ initialGrouping: 'page', mentions: [pageTwo, third, other, props().mentions[0]!] })} />);
    const rows = within(screen.getAllByTestId('history-group')[0]!).getAllByTestId('history-row');
    // Reading order: m-1 (pause, start 0), m-3 (pause, 400), m-5 (target, 600), m-4 (pause, 800).
    expect(rows.map((row) => row.getAttribute('data-mention-id'))).toEqual(['m-1', 'm-3', 'm-5', 'm-4']);
    const statementShown = rows.map((row) => within(row).queryByTestId('row-claim') !== null);
    expect(statementShown, 'the claim is said whole where it differs from the row above').toEqual([true, false, true, true]);
    const folded = within(rows[1]!).getByTestId('row-same-claim');
    expect(folded.tagName).toBe('DETAILS');
    expect(folded.hasAttribute('open')).toBe(false);
    const summary = folded.querySelector('summary')!;
    expect(summary.textContent).toBe('Binding commitment Same claim as above');
    // The statement is one disclosure away, inside it (read when opened).
    expect(folded.textContent).toContain(pause.statement);
    expect(summary.textContent).not.toContain(pause.statement);
    // Each row still names its own quote for its buttons.
    expect(within(rows[1]!).getByTestId('row-quote').textContent).toBe('Later on the same page');
  });

  it('folds a repeated claim in the flat list and by day too, but never on a page\'s first row', () => {
    const again = mentionFixture({ id: 'm-6', anchor: { exact: 'Another quote', prefix: '', suffix: '', start: 50, end: 63 }, lastSeen: '2026-03-04T09:30:00.000Z' });
    const mentions = [again, props().mentions[0]!];
    renderIn(<AnnotationHistory {...props({ mentions })} />);
    expect(screen.getAllByTestId('row-claim')).toHaveLength(1);
    expect(screen.getAllByTestId('row-same-claim')).toHaveLength(1);
    cleanup();
    // One row a page: the second page's row has no row above it there, so it says its claim whole.
    renderIn(<AnnotationList mentions={mentions} claims={{ [pause.id]: pause }} onDelete={vi.fn()} emptyMessage="" pageSize={1} page={1} />);
    expect(screen.getAllByTestId('history-row').map((row) => row.getAttribute('data-mention-id'))).toEqual(['m-1']);
    expect(screen.getAllByTestId('row-claim')).toHaveLength(1);
    expect(screen.queryByTestId('row-same-claim')).toBeNull();
  });

  it('groups by the day last seen, newest day first, each day named once', () => {
    renderIn(<AnnotationHistory {...props({ initialGrouping: 'day', mentions: [pageTwo, ...props().mentions] })} />);
    const groups = screen.getAllByTestId('history-group');
    expect(groups.map((group) => group.getAttribute('data-group-key'))).toEqual(['2026-03-04', '2026-01-15']);
    expect(within(groups[0]!).getByTestId('group-heading').textContent).toMatch(/^Last seen on 4 Mar 2026 2 mentions/);
    expect(within(groups[0]!).getAllByTestId('history-row').map((row) => row.getAttribute('data-mention-id'))).toEqual(['m-3', 'm-1']);
    // The day is in the heading; the page and the claim stay on each row (the second, the same claim, folded).
    expect(within(groups[0]!).getAllByTestId('row-page')).toHaveLength(2);
    expect(within(groups[0]!).getAllByTestId('row-claim')).toHaveLength(1);
    expect(within(groups[0]!).getAllByTestId('row-same-claim')).toHaveLength(1);
  });

  it('marks rows whose claim changed since they were read, in words', () => {
    renderIn(<AnnotationHistory {...props({ changes: { 'm-1': change }, unseenChanges: [change] })} />);
    const [first, second] = screen.getAllByTestId('history-row');
    expect(within(first!).getByTestId('row-changed').textContent).toBe(
      'Changed since you read it was In force, now Withdrawn on 24 Feb 2026. Claim set update from Research feed (version 2.1.0), 1 Mar 2026.',
    );
    expect(within(second!).queryByTestId('row-changed')).toBeNull();
    expect(screen.getByTestId('changed-notice').textContent).toContain('A claim you read about has changed since. A claim-set update changed its label, status or evidence after you read it.');
  });

  it('says "their" and "them" of two changed claims, "its" and "it" of one (a new user\'s report 49)', () => {
    renderIn(<AnnotationHistory {...props({ changes: { 'm-1': change }, unseenChanges: [change, { ...change, claimId: 'acme-roadmap' }] })} />);
    expect(screen.getByTestId('changed-notice').textContent).toContain('have changed since. A claim-set update changed their labels, status or evidence after you read them.');
  });

  it('the notice shows only the changed mentions in one click', () => {
    const onQueryChange = vi.fn<(query: MentionQuery) => void>();
    renderIn(<AnnotationHistory {...props({ onQueryChange, unseenChanges: [change] })} />);
    fireEvent.click(screen.getByTestId('show-changed'));
    expect(onQueryChange).toHaveBeenLastCalledWith({ wrongMatches: 'exclude', changedSinceRead: true });
    expect(screen.getByTestId<HTMLInputElement>('filter-changed').checked).toBe(true);
    expect(screen.queryByTestId('show-changed')).toBeNull();
  });

  it('edits a note in place and says it was saved', async () => {
    const onSaveNote = vi.fn(async () => ({ ok: true as const }));
    renderIn(<AnnotationHistory {...props({ onSaveNote })} />);
    const row = within(screen.getAllByTestId('history-row')[1]!);
    fireEvent.click(row.getByTestId('row-note-edit'));
    fireEvent.input(row.getByTestId('row-note-input'), { target: { value: 'Not about Acme at all' } });
    fireEvent.click(row.getByTestId('row-note-save'));
    await waitFor(() => expect(row.getByTestId('row-note-result').textContent).toBe('Note saved.'));
    expect(onSaveNote).toHaveBeenCalledWith('m-2', 'Not about Acme at all');
    expect(row.queryByTestId('row-note-input')).toBeNull();
  });

  it('a failed note save says why, in an alert, and keeps the text', async () => {
    const onSaveNote = vi.fn(async () => ({ ok: false as const, error: 'That mention is no longer stored (was the history cleared?).' }));
    renderIn(<AnnotationHistory {...props({ onSaveNote })} />);
    const row = within(screen.getAllByTestId('history-row')[0]!);
    expect(row.getByTestId('row-note-edit').textContent).toBe('Edit note');
    fireEvent.click(row.getByTestId('row-note-edit'));
    expect(row.getByTestId<HTMLTextAreaElement>('row-note-input').value).toBe('Check the date');
    fireEvent.input(row.getByTestId('row-note-input'), { target: { value: 'Changed my mind' } });
    fireEvent.click(row.getByTestId('row-note-save'));
    const alert = await waitFor(() => row.getByRole('alert'));
    expect(alert.textContent).toContain('no longer stored');
    expect(row.getByTestId<HTMLTextAreaElement>('row-note-input').value).toBe('Changed my mind');
  });

  it('copies a citation in one click, and shows it to copy by hand when the clipboard is refused', async () => {
    const onCopyCitation = vi.fn(async () => ({ copied: true, text: 'cite' }));
    const { unmount } = renderIn(<AnnotationHistory {...props({ onCopyCitation })} />);
    fireEvent.click(within(screen.getAllByTestId('history-row')[0]!).getByTestId('row-cite'));
    await waitFor(() => expect(screen.getByTestId('row-cite-result').textContent).toBe('Citation copied.'));
    expect(onCopyCitation).toHaveBeenCalledWith(expect.objectContaining({ id: 'm-1' }));
    unmount();
    renderIn(<AnnotationHistory {...props({ onCopyCitation: async () => ({ copied: false, text: '“Quote” In: Page' }) })} />);
    fireEvent.click(within(screen.getAllByTestId('history-row')[0]!).getByTestId('row-cite'));
    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('did not allow copying');
    expect(refused.textContent).toContain('“Quote” In: Page');
  });
});

describe('AnnotationHistory pages', () => {
  /** `count` mentions on `pages` pages, newest first as the background sends them, one a minute. */
  function many(count: number, pages = 1) {
    return Array.from({ length: count }, (_, index) =>
      mentionFixture({
        id: `m-${index}`,
        pageUrl: `https://news.example.com/story-${index % pages}`,
        pageTitle: `Story ${index % pages}`,
        anchor: { exact: `Quote number ${index}`, prefix: '', suffix: '', start: index * 10, end: index * 10 + 8 },
        lastSeen: new Date(Date.UTC(2026, 2, 4, 12, 0) - index * 60_000).toISOString(),
      }),
    );
  }
  const shownIds = () => screen.getAllByTestId('history-row').map((row) => row.getAttribute('data-mention-id'));

  it('shows 50 rows a page, and moves through all of them with Previous, Next and the page picker, focusing the list', async () => {
    const mentions = many(120);
    renderIn(<AnnotationHistory {...props({ mentions })} />);
    expect(shownIds()).toEqual(mentions.slice(0, 50).map((mention) => mention.id));
    const pager = screen.getByTestId('history-pager');
    expect(pager.tagName).toBe('NAV');
    expect(pager.getAttribute('aria-label')).toBe('Pages of the history');
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 1–50 of 120');
    expect(screen.getByTestId<HTMLButtonElement>('pager-previous').disabled).toBe(true);
    expect(Array.from(screen.getByTestId<HTMLSelectElement>('pager-select').options).map((option) => option.textContent)).toEqual(['1 of 3', '2 of 3', '3 of 3']);

    fireEvent.click(screen.getByTestId('pager-next'));
    expect(shownIds()).toEqual(mentions.slice(50, 100).map((mention) => mention.id));
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 51–100 of 120');
    // Reading goes on from the new page's start, not from the pager at its foot.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('history-page')));

    fireEvent.change(screen.getByTestId('pager-select'), { target: { value: '2' } });
    expect(shownIds()).toEqual(mentions.slice(100).map((mention) => mention.id));
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 101–120 of 120');
    expect(screen.getByTestId<HTMLButtonElement>('pager-next').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('pager-previous'));
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 51–100 of 120');
  });

  it('has no pager for one page, starts again at the first page when filters or grouping change, and steps back when its page empties', () => {
    const { rerender } = renderIn(<AnnotationHistory {...props({ mentions: many(50) })} />);
    expect(screen.queryByTestId('history-pager')).toBeNull();
    rerender(<AnnotationHistory {...props({ mentions: many(120) })} />);
    fireEvent.change(screen.getByTestId('pager-select'), { target: { value: '2' } });
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 101–120 of 120');
    // Deleting the last page's rows leaves the page before it.
    rerender(<AnnotationHistory {...props({ mentions: many(100) })} />);
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 51–100 of 100');
    fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'Quote' } });
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 1–50 of 100');
    fireEvent.click(screen.getByTestId('pager-next'));
    fireEvent.click(screen.getByTestId('group-by-page'));
    expect(screen.getByTestId('pager-range').textContent).toBe('Mentions 1–50 of 100');
  });

  it('pages grouped lists by rows, repeating a split group\'s heading as continued, with its whole count', () => {
    // Three pages of 40 mentions each, grouped by page: the second page of the list starts inside the second group.
    const mentions = many(120, 3);
    renderIn(<AnnotationHistory {...props({ mentions, initialGrouping: 'page' })} />);
    let groups = screen.getAllByTestId('history-group');
    expect(groups.map((group) => within(group).getAllByTestId('history-row').length)).toEqual([40, 10]);
    expect(within(groups[1]!).getByTestId('group-heading').textContent).not.toContain('(continued)');
    fireEvent.click(screen.getByTestId('pager-next'));
    groups = screen.getAllByTestId('history-group');
    expect(groups.map((group) => within(group).getAllByTestId('history-row').length)).toEqual([30, 20]);
    const heading = within(groups[0]!).getByTestId('group-heading').textContent;
    expect(heading).toContain('40 mentions');
    expect(heading).toContain('(continued)');
    expect(within(groups[1]!).getByTestId('group-heading').textContent).not.toContain('(continued)');
    expect(screen.getAllByTestId('history-row')).toHaveLength(50);
  });
});
