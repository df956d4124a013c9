import { useId, useState } from 'preact/hooks';
import { useT } from './i18n';
import { ResultMessage } from './result-message';

export type ImportOutcome = { ok: true; message: string } | { ok: false; error: string };

export interface OptionsFileImportProps {
  /** Visible label of the file input. */
  label: string;
  /** File types offered by the picker, e.g. ".json,.jsonld,application/json". */
  accept: string;
  /** Longer files are refused here, before they are sent (the background would refuse them anyway). */
  maxChars: number;
  onImport: (file: { name: string; text: string }) => Promise<ImportOutcome>;
  inputTestId: string;
  resultTestId: string;
  /** Extra help shown under the label. */
  hint?: string;
}

/**
 * A file input that reads the chosen file as text and hands it on. The outcome is shown next to it;
 * a failure goes in role="alert" so a screen reader hears it without hunting for it.
 */
export function OptionsFileImport({ label, accept, maxChars, onImport, inputTestId, resultTestId, hint }: OptionsFileImportProps) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so a file over 3 × maxChars bytes is too long
      // however it decodes: refused by its size, before a multi-gigabyte file is read into this page.
      const text = file.size > 3 * maxChars ? undefined : await file.text();
      setOutcome(text === undefined || text.length > maxChars ? { ok: false, error: t('fileImport_tooLarge', { file: file.name }) } : await onImport({ name: file.name, text }));
    } catch (error) {
      setOutcome({ ok: false, error: t('fileImport_failed', { file: file.name, error: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
      // Cleared so that choosing the same file again (after fixing it) fires another change event.
      input.value = '';
    }
  };

  return (
    <div class="file-import">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} type="file" accept={accept} data-testid={inputTestId} aria-describedby={hint ? `${id}-hint` : undefined} disabled={busy} onChange={onChange} />
      {busy && <p class="hint" role="status">{t('fileImport_busy')}</p>}
      {outcome && <ResultMessage ok={outcome.ok} text={outcome.ok ? outcome.message : outcome.error} testId={resultTestId} />}
    </div>
  );
}
