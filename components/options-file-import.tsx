import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';
import { ResultMessage } from './result-message';

export type ImportOutcome = { ok: true; message: string } | { ok: false; error: string };

/**
 * An import that needs the reader's leave before it changes what they wrote: what it would change, in
 * sentences and one line per item, and the import to run when they agree.
 */
export interface ImportQuestion {
  question: string[];
  details: string[];
  confirmLabel: string;
  confirm: () => Promise<ImportOutcome>;
  /** Said when the reader declines. */
  declined: string;
}

export interface OptionsFileImportProps {
  /** Visible label of the file input. */
  label: string;
  /** File types offered by the picker, e.g. ".json,.jsonld,application/json". */
  accept: string;
  /** Longer files are refused here, before they are sent (the background would refuse them anyway). */
  maxChars: number;
  onImport: (file: { name: string; text: string }) => Promise<ImportOutcome | ImportQuestion>;
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
  const [question, setQuestion] = useState<ImportQuestion | undefined>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Focus goes to the question's first button, and back to the file input once it is answered.
  useLayoutEffect(() => {
    if (question) confirmRef.current?.focus();
  }, [question]);

  const answer = async (agreed: boolean) => {
    const asked = question;
    if (!asked) return;
    setQuestion(undefined);
    inputRef.current?.focus();
    if (!agreed) {
      setOutcome({ ok: true, message: asked.declined });
      return;
    }
    setBusy(true);
    try {
      setOutcome(await asked.confirm());
    } catch (error) {
      setOutcome({ ok: false, error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    setQuestion(undefined);
    try {
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so a file over 3 × maxChars bytes is too long
      // however it decodes: refused by its size, before a multi-gigabyte file is read into this page.
      const text = file.size > 3 * maxChars ? undefined : await file.text();
      const result = text === undefined || text.length > maxChars ? { ok: false as const, error: t('fileImport_tooLarge', { file: file.name }) } : await onImport({ name: file.name, text });
      if ('confirm' in result) setQuestion(result);
      else setOutcome(result);
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
      <input ref={inputRef} id={id} type="file" accept={accept} data-testid={inputTestId} aria-describedby={hint ? `${id}-hint` : undefined} disabled={busy || question !== undefined} onChange={onChange} />
      {busy && <p class="hint" role="status">{t('fileImport_busy')}</p>}
      {question && (
        <div class="import-question" role="group" aria-labelledby={`${id}-question`} data-testid={`${inputTestId}-question`} onKeyDown={(event) => { if (event.key === 'Escape') void answer(false); }}>
          <div id={`${id}-question`}>
            {question.question.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {question.details.length > 0 && (
            <ul>
              {question.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div class="buttons">
            <button type="button" ref={confirmRef} class="danger strong" data-testid={`${inputTestId}-replace`} onClick={() => void answer(true)}>
              {question.confirmLabel}
            </button>
            <button type="button" data-testid={`${inputTestId}-keep`} onClick={() => void answer(false)}>
              {t('common_cancel')}
            </button>
          </div>
        </div>
      )}
      {outcome && <ResultMessage ok={outcome.ok} text={outcome.ok ? outcome.message : outcome.error} testId={resultTestId} />}
    </div>
  );
}
