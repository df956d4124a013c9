// @vitest-environment happy-dom
/**
 * The card's note editor: marking a wrong match says what it does (the highlight is dimmed, the
 * mention left out of exports) and offers Undo, by keyboard as by mouse, which takes the mark back and
 * puts focus on the box; the Undo button is laid out all along (the frame keeps its size) but can be
 * neither seen, reached nor read until there is something to undo.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MS, NoteEditor, type NoteEditorProps } from '@/components/note-editor';
import { drawnOutsideAct, german, renderIn } from '../i18n/test-translators';

afterEach(cleanup);

function props(overrides: Partial<NoteEditorProps> = {}): NoteEditorProps {
  return {
    note: '',
    wrongMatch: false,
    maxLength: 2000,
    onSave: vi.fn(async () => ({ ok: true as const })),
    onToggleWrongMatch: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
}

const undo = () => screen.getByTestId<HTMLButtonElement>('undo-wrong-match');
const box = () => screen.getByTestId<HTMLInputElement>('wrong-match');
const status = () => screen.getByTestId('note-status').textContent;

describe('NoteEditor: wrong match', () => {
  it('marks, says what it did, offers Undo; Undo takes the mark back and returns focus to the box', async () => {
    const onToggleWrongMatch = vi.fn(async () => ({ ok: true as const }));
    renderIn(<NoteEditor {...props({ onToggleWrongMatch })} />);
    // Laid out before anything is marked, but hidden from sight, Tab and screen readers.
    expect(undo().classList.contains('unavailable')).toBe(true);
    expect(undo().tabIndex).toBe(-1);
    expect(undo().getAttribute('aria-hidden')).toBe('true');

    fireEvent.click(box());
    await waitFor(() => expect(status()).toBe('Marked as a wrong match: dimmed, left out of exports'));
    expect(onToggleWrongMatch).toHaveBeenLastCalledWith(true);
    expect(box().checked).toBe(true);
    expect(undo().classList.contains('unavailable')).toBe(false);
    expect(undo().tabIndex).toBe(0);
    expect(undo().hasAttribute('aria-hidden')).toBe(false);
    expect(undo().textContent).toBe('Undo');
    // Its name starts with the word it shows (WCAG 2.5.3), and says what it undoes.
    expect(undo().getAttribute('aria-label')).toBe('Undo the wrong-match mark');

    undo().focus();
    fireEvent.click(undo());
    expect(document.activeElement).toBe(box());
    await waitFor(() => expect(status()).toBe('Wrong-match mark removed: highlighted again'));
    expect(onToggleWrongMatch).toHaveBeenLastCalledWith(false);
    expect(box().checked).toBe(false);
    expect(undo().classList.contains('unavailable')).toBe(true);
  });

  it('offers no Undo when the mark was refused, for a mark made before this card opened, or after another action', async () => {
    renderIn(<NoteEditor {...props({ onToggleWrongMatch: async () => ({ ok: false, error: 'That mention is no longer stored.' }) })} />);
    fireEvent.click(box());
    await waitFor(() => expect(status()).toBe('Not saved: That mention is no longer stored.'));
    expect(box().checked).toBe(false);
    expect(undo().classList.contains('unavailable')).toBe(true);
    cleanup();

    renderIn(<NoteEditor {...props({ wrongMatch: true })} />);
    expect(box().checked).toBe(true);
    expect(undo().classList.contains('unavailable')).toBe(true);
    cleanup();

    renderIn(<NoteEditor {...props()} />);
    fireEvent.click(box());
    await waitFor(() => expect(undo().classList.contains('unavailable')).toBe(false));
    fireEvent.submit(screen.getByRole('button', { name: 'Save note' }).closest('form')!);
    await waitFor(() => expect(status()).toBe('Saved'));
    expect(undo().classList.contains('unavailable')).toBe(true);
  });

  it('speaks German', async () => {
    renderIn(<NoteEditor {...props()} />, german);
    fireEvent.click(box());
    await waitFor(() => expect(status()).toBe('Als Fehltreffer markiert: abgeblendet, wird nicht exportiert'));
    expect(undo().textContent).toBe('Rückgängig');
  });
});

describe('NoteEditor: the stored note arriving', () => {
  it('keeps what the reader typed as soon as the box was enabled: the save sends it, not the stored note it started from', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    const view = drawnOutsideAct();
    const draw = (note: string | undefined) => view.draw(<NoteEditor {...props({ note, onSave })} />);
    try {
      // Anything an effect would do to the draft comes after the typing, as it did in the card.
      draw(undefined);
      expect(screen.getByRole<HTMLTextAreaElement>('textbox').disabled).toBe(true);
      draw('');
      const textbox = screen.getByRole<HTMLTextAreaElement>('textbox');
      expect(textbox.disabled).toBe(false);
      textbox.value = 'Checked against the policy text';
      fireEvent.input(textbox);
      await new Promise((resume) => setTimeout(resume, 250));
      expect(screen.getByRole<HTMLTextAreaElement>('textbox').value).toBe('Checked against the policy text');
      fireEvent.submit(textbox.closest('form')!);
      await waitFor(() => expect(status()).toBe('Saved'));
      expect(onSave).toHaveBeenCalledWith('Checked against the policy text');
    } finally {
      view.remove();
    }
  });

  it('shows the stored note and flag once loaded', () => {
    renderIn(<NoteEditor {...props({ note: undefined })} />);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox').value).toBe('');
    cleanup();
    renderIn(<NoteEditor {...props({ note: 'Seen in print', wrongMatch: true })} />);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox').value).toBe('Seen in print');
    expect(box().checked).toBe(true);
  });
});

describe('NoteEditor: nothing typed is lost (a new user\'s report 56: the card closed with the pointer, and the draft with it)', () => {
  const type = (text: string) => {
    const textbox = screen.getByRole<HTMLTextAreaElement>('textbox');
    textbox.value = text;
    fireEvent.input(textbox);
  };

  it('saves the draft once typing pauses, says so, and does not save it again unchanged', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    renderIn(<NoteEditor {...props({ onSave })} />);
    type('Check the 2023 wording');
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('Check the 2023 wording'), { timeout: AUTOSAVE_MS * 3 });
    await waitFor(() => expect(status()).toBe('Saved'));
    fireEvent.submit(screen.getByRole('button', { name: 'Save note' }).closest('form')!);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    await new Promise((resume) => setTimeout(resume, AUTOSAVE_MS * 2));
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('saves what was typed since the last save when the frame goes away, and nothing when there is nothing new', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    renderIn(<NoteEditor {...props({ note: 'Seen in print', onSave })} />);
    window.dispatchEvent(new Event('pagehide'));
    expect(onSave).not.toHaveBeenCalled();
    type('Seen in print; compare with the RSP 3.0 text');
    window.dispatchEvent(new Event('pagehide'));
    expect(onSave).toHaveBeenCalledWith('Seen in print; compare with the RSP 3.0 text');
  });

  it('does not save while the stored note is still loading', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    renderIn(<NoteEditor {...props({ note: undefined, onSave })} />);
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resume) => setTimeout(resume, AUTOSAVE_MS * 2));
    expect(onSave).not.toHaveBeenCalled();
  });
});
