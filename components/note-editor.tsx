import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
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

/**
 * How long typing must pause before the draft is saved without the reader asking (ms). The card closes when the
 * pointer leaves it, and with it this frame: a reader who typed a note and moved on lost it (a new user's report 56).
 */
export const AUTOSAVE_MS = 800;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'failed'; text: string };

/**
 * The reader's note and wrong-match flag for one highlight. "Saved" is said only after the store
 * confirms. The draft is saved by itself once typing pauses (AUTOSAVE_MS) and when the frame goes away (the card
 * closed), so a note is never lost for want of pressing Save. Marking a wrong match dims its highlight on the page (the background tells the page) and
 * offers Undo until the reader does something else; Undo, like unticking, shows it again.
 */
export function NoteEditor(props: NoteEditorProps) {
  const t = useT();
  const legend = props.legendUrl ? (
    <a class="legend-link" href={props.legendUrl} target="_blank" rel="noopener" data-testid="legend-link">
      {t('common_legendLink')}
    </a>
  ) : null;
  if (props.loadError)
    return (
      <>
        <p class="status error" role="alert">{props.loadError}</p>
        {legend}
      </>
    );
  // The form starts afresh once the stored note arrives, its draft and flag taken from it in that same
  // render. Copying the note into the draft in an effect would run after paint, when the enabled box
  // may already hold what the reader typed, and the effect would wipe it (a save then stored nothing).
  return <NoteForm key={props.note === undefined ? 'loading' : 'loaded'} {...props} legend={legend} />;
}

function NoteForm({ note, wrongMatch, maxLength, onSave, onToggleWrongMatch, legend }: NoteEditorProps & { legend: ComponentChildren }) {
  const t = useT();
  const [draft, setDraft] = useState(note ?? '');
  const [flagged, setFlagged] = useState(wrongMatch);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The mark was just made here: Undo is offered. */
  const [undoable, setUndoable] = useState(false);
  const flagBox = useRef<HTMLInputElement>(null);
  const report = (result: Result<object>, done: string) =>
    setStatus(result.ok ? { kind: 'saved', text: done } : { kind: 'failed', text: t('note_notSaved', { error: result.error }) });
  const setFlag = async (next: boolean) => {
    setFlagged(next);
    setUndoable(false);
    const result = await onToggleWrongMatch(next);
    if (!result.ok) setFlagged(!next);
    setUndoable(result.ok && next);
    report(result, next ? t('note_markedWrong') : t('note_unmarkedWrong'));
  };

  /** The text the store holds, as far as this form knows: a draft equal to it needs no save. */
  const stored = useRef(note ?? '');
  /** The draft as typed, for the frame's last moment (a listener set up once reads it). */
  const latest = useRef(draft);
  latest.current = draft;
  const save = async (text: string) => {
    const result = await onSave(text);
    if (result.ok) stored.current = text;
    return result;
  };
  useEffect(() => {
    if (note === undefined || draft === stored.current) return undefined;
    const timer = setTimeout(() => void save(draft).then((result) => report(result, t('note_saved'))), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    // The card closing removes this frame: what was typed since the last save goes to the store on the way out.
    const flush = () => {
      if (note !== undefined && latest.current !== stored.current) void save(latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  return (
    <form
      class="note"
      onSubmit={async (event) => {
        event.preventDefault();
        setStatus({ kind: 'saving' });
        setUndoable(false);
        report(await save(draft), t('note_saved'));
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
          <input type="checkbox" ref={flagBox} checked={flagged} disabled={note === undefined} data-testid="wrong-match" onChange={(event) => void setFlag(event.currentTarget.checked)} />
          {t('note_wrongMatch')}
        </label>
        {/* Always laid out, shown only after a mark made here: the frame keeps its size (the card sizes
            the frame to it, and the page around the card can see that size). Focus goes back to the box. */}
        <button
          type="button"
          class={`undo${undoable ? '' : ' unavailable'}`}
          aria-label={t('note_undoLabel')}
          aria-hidden={undoable ? undefined : 'true'}
          tabIndex={undoable ? 0 : -1}
          data-testid="undo-wrong-match"
          onClick={() => {
            if (!undoable) return;
            flagBox.current?.focus();
            void setFlag(false);
          }}
        >
          {t('note_undo')}
        </button>
        <span class={`status${status.kind === 'failed' ? ' error' : ''}`} role="status" data-testid="note-status">
          {status.kind === 'saving' ? t('note_saving') : status.kind === 'saved' || status.kind === 'failed' ? status.text : ''}
        </span>
      </div>
    </form>
  );
}
