// @vitest-environment happy-dom
/**
 * The card read in two seconds: the verdict first, then what was claimed and what the label means;
 * the rest behind "More"; no ids or schema words; dates the reader's way; the note editor (with the
 * legend link) last.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claim-card';
import { NoteEditor } from '@/components/note-editor';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_FORCES } from '@/lib/claims/schema';
import { NOTE_CLOSE_MESSAGE, NOTE_SIZE_PORT_MESSAGE, noteHeightMessage } from '@/components/note-frame-size';
import { renderIn } from '../i18n/test-translators';

afterEach(cleanup);

/** The withdrawn pause pledge, with the audit wording its rationale really has. */
function pausePledge(overrides: Partial<ClaimCardData> = {}): ClaimCardData {
  return {
    id: 'anthropic-rsp-pause-pledge',
    statement: 'Under its Responsible Scaling Policy, Anthropic committed to pause scaling whenever its models outstripped its safety measures.',
    kind: 'binding-commitment',
    force: 'categorical-pledge',
    status: 'withdrawn',
    statusDate: '2026-02-24',
    actorName: 'Anthropic',
    rationale:
      "A categorical self-imposed rule, so binding-commitment with force categorical-pledge ('Labelling rubric' in docs/claim-set.md). A second delay pledge is in anthropic-rsp3-match-competitors.",
    evidence: [{ quote: 'we commit to pause the scaling', locator: 'RSP v1.0, p. 2', url: 'https://www.anthropic.com/rsp.pdf', title: 'RSP 1.0' }],
    contested: 'Some analysts call it a target (see anthropic-rsp3-match-competitors).',
    reviewedAt: '2026-11-29',
    confidence: 'high',
    sources: [{ url: 'https://www.anthropic.com/news/rsp-v3', title: 'RSP 3.0', publisher: 'Anthropic', date: '2026-02-24' }],
    history: [
      { date: '2023-09-19', event: 'introduced', note: 'RSP 1.0 states the pause.', sourceUrl: 'https://www.anthropic.com/rsp.pdf' },
      { date: '2026-02-24', event: 'withdrawn', note: 'RSP 3.0 drops it.', sourceUrl: 'https://www.anthropic.com/news/rsp-v3' },
    ],
    packName: 'Pledge Lens',
    related: { 'anthropic-rsp3-match-competitors': 'Anthropic will delay only if rivals have strong safety measures' },
    ...overrides,
  };
}

function renderCard(claim: ClaimCardData) {
  const onClose = vi.fn();
  const view = renderIn(<ClaimCard claim={claim} noteEditorUrl="about:blank#mention=m1" onClose={onClose} />);
  return { ...view, onClose };
}

describe('ClaimCard: the first lines', () => {
  it('opens with the verdict in plain words, as its heading and the dialog\'s name', () => {
    const { container } = renderCard(pausePledge());
    const card = container.querySelector('section.card')!;
    const verdict = screen.getByTestId('verdict');
    expect(card.firstElementChild?.firstElementChild, 'the verdict comes first').toBe(verdict);
    expect(verdict.tagName).toBe('H2');
    expect(verdict.textContent).toBe('Binding commitment (self-imposed), withdrawn on 24 Feb 2026: Anthropic no longer pledges to do this.');
    expect(card.getAttribute('aria-labelledby')).toBe(verdict.id);
    expect(screen.getByTestId('kind-label').textContent).toBe('Binding commitment');
    // What kind of promise, after the label: a company's own pledge is not a law (a new user read both as legally binding).
    expect(screen.getByTestId('grade').textContent).toBe('(self-imposed)');
    expect(screen.getByTestId('status').querySelector('time')?.getAttribute('datetime')).toBe('2026-02-24');
  });

  it('then what was claimed and one line on what the label means, before "More"', () => {
    const { container } = renderCard(pausePledge());
    const order = [...container.querySelector('section.card')!.children].map((child) => child.getAttribute('data-testid') ?? child.className);
    expect(order).toEqual(['top', 'statement', 'meaning', 'more', 'note-loading', 'note-frame']);
    // A pledge is firm in its wording, not beyond dropping (the new-user trial: cards said "cannot quietly drop" on pledges dropped without notice).
    expect(screen.getByTestId('meaning').textContent).toBe('Binding commitment: A pledge worded as a firm rule, not a goal. It binds by its maker’s own word; no law or contract enforces it, so its maker can still drop it, openly or quietly: the status says if it has.');
  });

  it('says what stands in the place of a claim that was replaced, when the claim set holds it', () => {
    renderCard({ ...pausePledge(), replacements: [{ id: 'acme-delay', statement: 'Acme AI would delay a model only if it judged itself in the lead…' }] });
    const order = [...document.querySelector('section.card')!.children].map((child) => child.getAttribute('data-testid') ?? child.className);
    // First in "More": the closed card keeps the room a phone gives it.
    expect(order).toEqual(['top', 'statement', 'meaning', 'more', 'note-loading', 'note-frame']);
    expect(screen.getByTestId('replaced-by').closest('details')?.getAttribute('data-testid')).toBe('more');
    expect(screen.getByTestId('replaced-by').textContent).toBe('In its place: Acme AI would delay a model only if it judged itself in the lead…');
  });

  it('writes every date as the popup and options page do (one helper, the catalogue\'s language)', () => {
    renderCard(pausePledge());
    expect(screen.getByTestId('status').textContent).toBe('withdrawn on 24 Feb 2026');
    expect(screen.getByTestId('reviewed-at').textContent).toBe('Status as of 29 Nov 2026');
    // "Sep", not ICU's "Sept": the same in every browser and in the exports.
    expect(screen.getByTestId('history').textContent).toContain('19 Sep 2023');
  });

  it('closes from its close button', () => {
    const { onClose } = renderCard(pausePledge());
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('ClaimCard: "More"', () => {
  it('holds who, why this label, history, sources and the claim set, closed at first', () => {
    renderCard(pausePledge());
    const more = screen.getByTestId('more') as HTMLDetailsElement;
    expect(more.tagName).toBe('DETAILS');
    expect(more.open).toBe(false);
    expect(more.querySelector('summary')?.textContent).toBe('More: who, why this label, history, sources');
    for (const id of ['actor', 'why', 'evidence', 'contested', 'reviewed-at', 'history', 'sources', 'pack']) expect(more.contains(screen.getByTestId(id)), id).toBe(true);
    expect([...more.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['Who', 'Why this label', 'Not everyone agrees', 'Checked', 'History', 'Sources', 'Claim set']);
  });

  it('opens from its summary (the browser gives summary Enter and Space)', () => {
    renderCard(pausePledge());
    const more = screen.getByTestId('more') as HTMLDetailsElement;
    more.querySelector('summary')!.click();
    expect(more.open).toBe(true);
  });

  it('says why in plain words: no claim ids, no rubric, no schema words', () => {
    const { container } = renderCard(pausePledge());
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/anthropic-rsp3|rubric|docs\/|categorical-pledge|binding-commitment|\(force /);
    expect(screen.getByTestId('why').textContent).toContain('It is a self-imposed pledge worded as a firm rule rather than a goal; no law or contract enforces it. A categorical self-imposed rule, so binding commitment as an unconditional pledge.');
    expect(screen.getByTestId('why').textContent).toContain('“Anthropic will delay only if rivals have strong safety measures”');
    expect(screen.getByTestId('contested').textContent).toBe('Some analysts call it a target (see “Anthropic will delay only if rivals have strong safety measures”).');
    expect(screen.getByTestId('confidence').textContent).toBe('The sources leave little doubt about what was promised and when.');
  });

  it('names every force in words', () => {
    for (const force of CLAIM_FORCES) {
      renderCard(pausePledge({ force }));
      expect(screen.getByTestId('why').textContent, force).toMatch(/^It is (a|an) [a-z“” -]+(; no law or contract enforces it)?\. /);
      cleanup();
    }
  });

  it('links only https sources', () => {
    renderCard(pausePledge({ sources: [{ url: 'javascript:alert(1)', title: 'Bad' }, { url: 'https://ok.example/', title: 'Good' }] }));
    const links = [...screen.getByTestId('sources').querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['https://ok.example/']);
  });
});

describe('ClaimCard: a possible match', () => {
  it('says, before the claim, that the passage may not state it; a sure match says nothing of the kind', () => {
    const { container } = renderIn(<ClaimCard claim={pausePledge()} noteEditorUrl={undefined} possible onClose={vi.fn()} />);
    const order = [...container.querySelector('section.card')!.children].map((child) => child.getAttribute('data-testid') ?? child.className);
    expect(order.slice(0, 3)).toEqual(['top', 'possible', 'statement']);
    expect(screen.getByTestId('possible').textContent).toBe('Possible match: this passage shares words with the claim but may not state it. Check before you cite it.');
    expect(screen.getByTestId('possible').querySelector('strong')?.textContent).toBe('Possible match:');
    cleanup();
    renderCard(pausePledge());
    expect(screen.queryByTestId('possible')).toBeNull();
  });
});

describe('ClaimCard: the note editor', () => {
  it('frames the note editor last, so it can stick to the bottom', () => {
    const { container } = renderCard(pausePledge());
    const frame = screen.getByTestId('note-frame');
    expect(container.querySelector('section.card')!.lastElementChild).toBe(frame);
    expect(frame.getAttribute('src')).toBe('about:blank#mention=m1');
  });

  it('the framed editor links to the legend, in a new tab', () => {
    renderIn(<NoteEditor note="" wrongMatch={false} maxLength={500} onSave={vi.fn()} onToggleWrongMatch={vi.fn()} legendUrl="chrome-extension://id/welcome.html#labels" />);
    const link = screen.getByTestId('legend-link');
    expect(link.textContent).toBe('What do these labels mean?');
    expect(link.getAttribute('href')).toBe('chrome-extension://id/welcome.html#labels');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('labels the note field "Your note"', () => {
    renderIn(<NoteEditor note="" wrongMatch={false} maxLength={500} onSave={vi.fn()} onToggleWrongMatch={vi.fn()} legendUrl="chrome-extension://id/welcome.html#labels" />);
    expect(screen.getByLabelText('Your note').tagName).toBe('TEXTAREA');
  });

  it('keeps the legend link when the note cannot be loaded', () => {
    renderIn(<NoteEditor note={undefined} wrongMatch={false} loadError="This highlight is gone." maxLength={500} onSave={vi.fn()} onToggleWrongMatch={vi.fn()} legendUrl="chrome-extension://id/welcome.html#labels" />);
    expect(screen.getByRole('alert').textContent).toBe('This highlight is gone.');
    expect(screen.getByTestId('legend-link')).toBeTruthy();
  });
});

describe('ClaimCard: the note frame takes its editor\'s height', () => {
  /** The card's note frame and the height the card gives it (its --pl-note-height), '' before any report. */
  function frameOf(container: Element) {
    const card = container.querySelector<HTMLElement>('section.card')!;
    const frame = card.querySelector<HTMLIFrameElement>('[data-testid=note-frame]')!;
    return { frame, height: () => card.style.getPropertyValue('--pl-note-height') };
  }


  /** Loads the frame and returns the port the card handed it on that load, with the message it came with. */
  async function handedPort(frame: HTMLIFrameElement) {
    // happy-dom fires the frame's own load soon after it is attached; let it pass, then load it as the editor would.
    await new Promise((resume) => setTimeout(resume, 20));
    const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    frame.dispatchEvent(new Event('load'));
    expect(posted).toHaveBeenCalledTimes(1);
    const [message, , transfer] = posted.mock.calls[0] as unknown as [unknown, string, Transferable[]];
    return { message, port: transfer[0] as MessagePort };
  }

  it('hands its own frame a port and sizes the frame to the height reported on it', async () => {
    const { container } = renderCard(pausePledge());
    const { frame, height } = frameOf(container);
    // A real window, so "its own frame" means something here.
    expect(frame.contentWindow).not.toBeNull();
    expect(frame.contentWindow).not.toBe(window);
    const handed = await handedPort(frame);
    expect(handed.message).toBe(NOTE_SIZE_PORT_MESSAGE);
    expect(height()).toBe('');
    handed.port.postMessage(noteHeightMessage(151.2));
    await vi.waitFor(() => expect(height()).toBe('152px'));
    handed.port.close();
  });

  it('ignores heights posted to the window (by the page or any frame) and a port message that is not a height', async () => {
    const { container } = renderCard(pausePledge());
    const { frame, height } = frameOf(container);
    const handed = await handedPort(frame);
    window.dispatchEvent(new MessageEvent('message', { data: noteHeightMessage(300), source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: noteHeightMessage(300), source: frame.contentWindow }));
    handed.port.postMessage('pledge-lens-note-height:9999');
    handed.port.postMessage({ height: 200 });
    await new Promise((resume) => setTimeout(resume, 20));
    expect(height()).toBe('');
    handed.port.postMessage(noteHeightMessage(140));
    await vi.waitFor(() => expect(height()).toBe('140px'));
    handed.port.close();
  });

  it('covers the frame with "Loading your note…" until its editor speaks on the port, which it does once drawn', async () => {
    const { container } = renderCard(pausePledge());
    const { frame } = frameOf(container);
    expect(screen.getByTestId('note-loading').textContent).toBe('Loading your note…');
    // Loaded is not drawn: the cover stays until the editor reports (a page's message to the window does not count).
    const handed = await handedPort(frame);
    window.dispatchEvent(new MessageEvent('message', { data: noteHeightMessage(140), source: frame.contentWindow }));
    await new Promise((resume) => setTimeout(resume, 20));
    expect(screen.queryByTestId('note-loading')).not.toBeNull();
    handed.port.postMessage(noteHeightMessage(140));
    await vi.waitFor(() => expect(screen.queryByTestId('note-loading')).toBeNull());
    handed.port.close();
  });

  it('closes when its editor reports Escape on the port, and not for a close posted to the window', async () => {
    const { container, onClose } = renderCard(pausePledge());
    const { frame } = frameOf(container);
    const handed = await handedPort(frame);
    window.dispatchEvent(new MessageEvent('message', { data: NOTE_CLOSE_MESSAGE, source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: NOTE_CLOSE_MESSAGE, source: frame.contentWindow }));
    await new Promise((resume) => setTimeout(resume, 20));
    expect(onClose).not.toHaveBeenCalled();
    handed.port.postMessage(NOTE_CLOSE_MESSAGE);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    handed.port.close();
  });
});
