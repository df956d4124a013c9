import { useEffect, useState } from 'preact/hooks';
import type { Result } from '@/lib/messages/message-map';
import { useT } from './i18n';

export interface NoteEditorProps {
  /** Undefined while loading. */
  note: string | undefined;
  wrongMatch: boolean;
  /** Why the mention could not be loaded, if it could not. */
  loadError?: string;
  maxLength: number;
  onSave: (text: string) => Promise<Result<object>>;
  onToggleWrongMatch: (flagged: boolean) => Promise<Result<object>>;
  /**
   * The welcome page's legend. The link lives here, not in the card's own markup: a web page may not
   * open our pages, and this frame is an extension page, so its link opens the legend in both browsers.
   */
  legendUrl?: string;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string };

/** The reader's note and wrong-match flag for one highlight. "Saved" is said only after the store confirms. */
export function NoteEditor({ note, wrongMatch, loadError, maxLength, onSave, onToggleWrongMatch, legendUrl }: NoteEditorProps) {
  const t = useT();
  const [draft, setDraft] = useState(note ?? '');
  const [flagged, setFlagged] = useState(wrongMatch);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => setDraft(note ?? ''), [note]);
  useEffect(() => setFlagged(wrongMatch), [wrongMatch]);

  const legend = legendUrl ? (
    <a class="legend-link" href={legendUrl} target="_blank" rel="noopener" data-testid="legend-link">
      {t('common_legendLink')}
    </a>
  ) : null;
  if (loadError)
    return (
      <>
        <p class="status error" role="alert">{loadError}</p>
        {legend}
      </>
    );
  const report = (result: Result<object>, done: string) =>
    setStatus(result.ok ? { kind: 'saved', text: done } : { kind: 'failed', text: t('note_notSaved', { error: result.error }) });

  return (
    <form
      class="note"
      onSubmit={async (event) => {
        event.preventDefault();
        setStatus({ kind: 'saving' });
        report(await onSave(draft), t('note_saved'));
      }}
    >
      {/* The legend link shares the label's line: the frame stays short, and a cramped card keeps room for its verdict. */}
      <div class="note-head">
        <label class="note-label" for="note-text">
          {t('note_label')}
        </label>
        {legend}
      </div>
      <textarea id="note-text" value={draft} rows={2} maxLength={maxLength} disabled={note === undefined} onInput={(event) => { setDraft(event.currentTarget.value); setStatus({ kind: 'idle' }); }} />
      <div class="actions">
        <button type="submit" disabled={note === undefined || status.kind === 'saving'}>{t('note_save')}</button>
        <label class="flag">
          <input
            type="checkbox"
            checked={flagged}
            disabled={note === undefined}
            onChange={async (event) => {
              const next = event.currentTarget.checked;
              setFlagged(next);
              const result = await onToggleWrongMatch(next);
              if (!result.ok) setFlagged(!next);
              report(result, next ? t('note_markedWrong') : t('note_unmarkedWrong'));
            }}
          />
          {t('note_wrongMatch')}
        </label>
        <span class={`status${status.kind === 'failed' ? ' error' : ''}`} role="status" data-testid="note-status">
          {status.kind === 'saving' ? t('note_saving') : status.kind === 'saved' || status.kind === 'failed' ? status.text : ''}
        </span>
      </div>
    </form>
  );
}
