import { useId, useState } from 'preact/hooks';
import { EXPORT_FORMAT_IDS, type ExportFormat } from '@/lib/annotations/export-formats';
import { EXPORT_FORMAT_MESSAGE } from '@/lib/i18n/claim-words';
import type { Translator } from '@/lib/i18n/translator';
import { useT } from './i18n';
import type { Result } from '@/lib/messages/message-map';
import { ConfirmButton } from './confirm-button';
import { OptionsFileImport, type ImportOutcome, type ImportQuestion } from './options-file-import';

import { MAX_IMPORT_TEXT, type ImportAnswer } from '@/lib/messages/extension-page-to-background';
import { shortenAtWord } from '@/lib/format/shorten-text';

export type ImportCounts = Result<ImportAnswer>;

/** What an export wrote: how many mentions, how many of them are marked as wrong matches, and how many such were left out. */
export interface ExportCounts {
  count: number;
  wrongMatches?: number;
  leftOutWrongMatches?: number;
}

export interface AnnotationTransferProps {
  /** Exports the mentions that match the current filters and saves the file; resolves with how many. */
  onExport: (format: ExportFormat) => Promise<Result<ExportCounts>>;
  /** Imports a file; `replace`: the reader agreed to the notes and flags it replaces (see `ImportAnswer`). */
  onImport: (text: string, replace: boolean) => Promise<ImportCounts>;
  onClearAll: () => void | Promise<void>;
  /** No mention matches the filters (said next to Export; Clear all ignores filters, so it stays enabled). */
  empty: boolean;
}

/**
 * "Exported 9 mentions. 1 of them is marked as a wrong match." or "… 1 mention you marked as a wrong
 * match was left out.": the file's wrong matches are said either way, as the card promises.
 */
export function exportMessage(t: Translator, counts: ExportCounts): string {
  const { count, wrongMatches = 0, leftOutWrongMatches = 0 } = counts;
  const parts = [t.plural('transfer_exported', count, { count })];
  if (wrongMatches > 0) parts.push(t.plural('transfer_exportedFlagged', wrongMatches, { count: wrongMatches }));
  if (leftOutWrongMatches > 0) parts.push(t.plural('popup_leftOut', leftOutWrongMatches, { count: leftOutWrongMatches }));
  return parts.join(' ');
}

/**
 * "Imported: 0 added, 0 updated, 26 unchanged." and, when the file held notes of other words no newer than the reader's
 * (a tie keeps the stored note, so a re-import changes nothing), "1 note in the file was not newer than yours and was not
 * used.": "unchanged" alone hid that (a new user's report 49, problem 9).
 */
export function importMessage(t: Translator, counts: { added: number; updated: number; unchanged: number; keptNotes: number }): string {
  // Exactly the placeholders: values go by sorted key, so an extra key (the Result's `ok`) would shift them.
  const imported = t('transfer_imported', { added: counts.added, updated: counts.updated, unchanged: counts.unchanged });
  return counts.keptNotes > 0 ? `${imported}. ${t.plural('transfer_keptNotes', counts.keptNotes, { count: counts.keptNotes })}` : imported;
}

/** The longest stretch of a note the import question quotes, in UTF-16 units. */
const QUOTED_NOTE = 80;

/** The import's answer as the file input shows it: its counts, its refusal, or the reader's notes it would replace. */
function importOutcome(t: Translator, result: ImportCounts, again: () => Promise<ImportCounts>): ImportOutcome | ImportQuestion {
  if (!result.ok) return { ok: false, error: result.error };
  if (!('confirm' in result)) return { ok: true, message: importMessage(t, result) };
  const { notes, noteCount, changedFlags } = result.confirm;
  const question = [
    ...(noteCount > 0 ? [t.plural('transfer_confirmNotes', noteCount, { count: noteCount })] : []),
    ...(changedFlags > 0 ? [t.plural('transfer_confirmFlags', changedFlags, { count: changedFlags })] : []),
  ];
  const details = notes.map((note) =>
    t('transfer_confirmNote', { title: shortenAtWord(note.pageTitle, QUOTED_NOTE), stored: shortenAtWord(note.stored, QUOTED_NOTE), incoming: shortenAtWord(note.incoming, QUOTED_NOTE) }),
  );
  if (noteCount > notes.length) details.push(t.plural('transfer_confirmMore', noteCount - notes.length, { count: noteCount - notes.length }));
  return {
    question,
    details,
    confirmLabel: t('transfer_confirmReplace'),
    declined: t('transfer_declined'),
    confirm: async () => {
      const outcome = importOutcome(t, await again(), again);
      // Sent with the reader's leave, the import writes: a second question would be a bug.
      return 'confirm' in outcome ? { ok: false, error: t('transfer_declined') } : outcome;
    },
  };
}

/** Export, import and clear-all for the annotation history. */
export function AnnotationTransfer({ onExport, onImport, onClearAll, empty }: AnnotationTransferProps) {
  const t = useT();
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('w3c');
  const [exporting, setExporting] = useState(false);
  const [exportOutcome, setExportOutcome] = useState<Result<ExportCounts> | undefined>();

  const runExport = async () => {
    setExporting(true);
    setExportOutcome(undefined);
    try {
      setExportOutcome(await onExport(format));
    } catch (error) {
      setExportOutcome({ ok: false, error: t('transfer_exportFailed', { error: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="transfer">
      <div class="export">
        <label for={`${id}-format`}>{t('transfer_format')}</label>
        <select id={`${id}-format`} value={format} data-testid="export-format" onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMAT_IDS.map((key) => (
            <option key={key} value={key}>
              {t(EXPORT_FORMAT_MESSAGE[key])}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-button" disabled={exporting || empty} aria-describedby={`${id}-export-hint`} onClick={runExport}>
          {t('transfer_export')}
        </button>
        <p class="hint" id={`${id}-export-hint`} data-testid="export-hint">
          {empty ? t('transfer_nothing') : t('transfer_hint')}
        </p>
        {exportOutcome &&
          (exportOutcome.ok ? (
            <p class="result ok" role="status" data-testid="export-result">
              {exportMessage(t, exportOutcome)}
            </p>
          ) : (
            <p class="result error" role="alert" data-testid="export-result">
              {exportOutcome.error}
            </p>
          ))}
      </div>
      <OptionsFileImport
        label={t('transfer_importLabel')}
        hint={t('transfer_importHint')}
        accept=".json,.jsonld,application/json,application/ld+json"
        maxChars={MAX_IMPORT_TEXT}
        inputTestId="import-input"
        resultTestId="import-result"
        onImport={async ({ text }) => importOutcome(t, await onImport(text, false), () => onImport(text, true))}
      />
      <div class="clear-all">
        <p class="hint" id={`${id}-clear-hint`}>
          {t('transfer_clearHint')}
        </p>
        <ConfirmButton
          describedBy={`${id}-clear-hint`}
          label={t('transfer_clear')}
          confirmLabel={t('transfer_clearConfirm')}
          testId="clear-all"
          confirmTestId="clear-all-confirm"
          onConfirm={onClearAll}
        />
      </div>
    </div>
  );
}
