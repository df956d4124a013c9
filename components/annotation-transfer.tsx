import { useId, useState } from 'preact/hooks';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat } from '@/lib/annotations/export-formats';
import type { Result } from '@/lib/messages/message-map';
import { ConfirmButton } from './confirm-button';
import { OptionsFileImport } from './options-file-import';
import { plural } from './options-format';

import { MAX_IMPORT_TEXT } from '@/lib/messages/extension-page-to-background';

export type ImportCounts = Result<{ added: number; updated: number; unchanged: number }>;

export interface AnnotationTransferProps {
  /** Exports the mentions that match the current filters and saves the file; resolves with how many. */
  onExport: (format: ExportFormat) => Promise<Result<{ count: number }>>;
  onImport: (text: string) => Promise<ImportCounts>;
  onClearAll: () => void | Promise<void>;
  /** No mention matches the filters (said next to Export; Clear all ignores filters, so it stays enabled). */
  empty: boolean;
}

export function importMessage(counts: { added: number; updated: number; unchanged: number }): string {
  return `Imported: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

/** Export, import and clear-all for the annotation history. */
export function AnnotationTransfer({ onExport, onImport, onClearAll, empty }: AnnotationTransferProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [exporting, setExporting] = useState(false);
  const [exportOutcome, setExportOutcome] = useState<Result<{ count: number }> | undefined>();

  const runExport = async () => {
    setExporting(true);
    setExportOutcome(undefined);
    try {
      setExportOutcome(await onExport(format));
    } catch (error) {
      setExportOutcome({ ok: false, error: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="transfer">
      <div class="export">
        <label for={`${id}-format`}>Export format</label>
        <select id={`${id}-format`} value={format} data-testid="export-format" onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMAT_IDS.map((key) => (
            <option key={key} value={key}>
              {EXPORT_FORMATS[key].label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-button" disabled={exporting || empty} aria-describedby={`${id}-export-hint`} onClick={runExport}>
          Export
        </button>
        <p class="hint" id={`${id}-export-hint`} data-testid="export-hint">
          {empty ? 'Nothing to export: no mention matches the filters above, and an empty file would be of no use.' : 'Exports the mentions that match the filters above.'}
        </p>
        {exportOutcome &&
          (exportOutcome.ok ? (
            <p class="result ok" role="status" data-testid="export-result">
              Exported {plural(exportOutcome.count, 'mention')}.
            </p>
          ) : (
            <p class="result error" role="alert" data-testid="export-result">
              {exportOutcome.error}
            </p>
          ))}
      </div>
      <OptionsFileImport
        label="Import annotations"
        hint="A W3C Web Annotation file (.json or .jsonld) exported from Pledge Lens. Existing notes are merged; newer edits win."
        accept=".json,.jsonld,application/json,application/ld+json"
        maxChars={MAX_IMPORT_TEXT}
        inputTestId="import-input"
        resultTestId="import-result"
        onImport={async ({ text }) => {
          const result = await onImport(text);
          return result.ok ? { ok: true, message: importMessage(result) } : { ok: false, error: result.error };
        }}
      />
      <div class="clear-all">
        <p class="hint" id={`${id}-clear-hint`}>
          Clear all deletes every stored annotation, whatever the filters say. Export first if you want a copy.
        </p>
        <ConfirmButton
          describedBy={`${id}-clear-hint`}
          label="Clear all annotations"
          confirmLabel="Confirm: delete every stored annotation"
          testId="clear-all"
          confirmTestId="clear-all-confirm"
          onConfirm={onClearAll}
        />
      </div>
    </div>
  );
}
