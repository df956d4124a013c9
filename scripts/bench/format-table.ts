/** Plain-text tables with aligned columns, for the terminal. */

export type Align = 'left' | 'right';

export interface Column {
  title: string;
  align?: Align;
}

export function formatTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((column, i) => Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const cell = (text: string, i: number) => (columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => cells.map((text, i) => cell(text, i)).join('  ').trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal; thousands separated so 100k-page numbers stay readable. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function ratio(value: number | undefined, lowerBound = false): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${lowerBound ? '>' : ''}${value.toFixed(digits)}x`;
}
