import { claimAsText } from '@/lib/format/claim-as-text';
import { FORCE_MESSAGE, kindMeaningMessage, readerText, verdictMessage, verdictOf } from '@/lib/format/claim-verdict';
import { formatDayIn } from '@/lib/i18n/claim-words';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_FORCES } from '@/lib/claims/claim-enums';
import type { ClaimForce, HistoryEvent } from '@/lib/claims/schema';
import type { MessageName } from '@/lib/i18n/translator';
import { safeLinkUrl } from '@/lib/sites/url';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Rich, useT } from './i18n';
import { NOTE_CLOSE_MESSAGE, NOTE_SIZE_PORT_MESSAGE, noteHeightOf } from './note-frame-size';

export interface ClaimCardProps {
  claim: ClaimCardData;
  /** The note editor (an extension page): framed, so the web page around the card cannot read the note. */
  /** The note editor's address; undefined while the content script waits for its capability (no address yet). */
  noteEditorUrl: string | undefined;
  /**
   * The matcher is unsure the highlighted passage states this claim (`ClaimMatch.possible`, lib/match): the card
   * says so before the claim, so a loose match is not read as sure as a close one (a new user's report 53).
   */
  possible?: boolean;
  onClose: () => void;
  /**
   * Puts the claim's text on the clipboard (`claimAsText`), resolving whether it could: the card's text cannot
   * be selected (the page would read the selection), so this is how a reader copies it. Absent: no button.
   */
  onCopy?: (text: string) => Promise<boolean>;
}

const HISTORY_MESSAGE = {
  introduced: 'history_introduced',
  enacted: 'history_enacted',
  'took-effect': 'history_tookEffect',
  reworded: 'history_reworded',
  reaffirmed: 'history_reaffirmed',
  modified: 'history_modified',
  superseded: 'history_superseded',
  withdrawn: 'history_withdrawn',
  fulfilled: 'history_fulfilled',
  'partly-fulfilled': 'history_partlyFulfilled',
  lapsed: 'history_lapsed',
  disputed: 'history_disputed',
  declined: 'history_declined',
  noted: 'history_noted',
} as const satisfies Record<HistoryEvent, MessageName>;

/** The claim set's `confidence` (high, medium, low); another value shows no line. */
const CONFIDENCE_MESSAGE: Readonly<Record<string, MessageName>> = {
  high: 'card_confidenceHigh',
  medium: 'card_confidenceMedium',
  low: 'card_confidenceLow',
};

function isForce(force: string): force is ClaimForce {
  return (CLAIM_FORCES as readonly string[]).includes(force);
}

function ExternalLink({ href, children }: { href: string; children: string }) {
  const safe = safeLinkUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    // Not draggable: a link dropped on the page would hand it the claim's source (card.css says why).
    <a href={safe} target="_blank" rel="noopener noreferrer" draggable={false}>
      {children}
    </a>
  );
}

/**
 * The card shown for a highlight, ordered for a two-second read: the verdict (label, dated status,
 * what it means for whom), what was claimed, one line on what the label means. Who, why this label,
 * history and sources wait behind "More"; the note editor comes last and stays on screen.
 */
/**
 * "More" opened: scroll the card so that "More" starts just under the card's sticky head (verdict and
 * Close, which stay in sight), rather than leaving the new text below the sticky note editor. Only the
 * card's own scroll moves, never the page.
 */
function showOpened(event: Event): void {
  const details = event.currentTarget as HTMLDetailsElement;
  const card = details.closest<HTMLElement>('.card');
  if (!details.open || !card || card.scrollHeight <= card.clientHeight) return;
  const head = card.querySelector('.top');
  const ceiling = head ? head.getBoundingClientRect().bottom : card.getBoundingClientRect().top;
  card.scrollTop += details.getBoundingClientRect().top - ceiling - 8;
}

/**
 * The note frame's content height (px), as its editor reports it (note-frame-size.ts); undefined
 * until it does. `ready` turns true with the editor's first message on the port, which it sends once
 * drawn: until then "Loading your note…" covers the frame. A new user saw the note area as an empty
 * block for up to 2.5 s in Chromium, whose extension frame had loaded but not yet painted; the frame
 * stays visible under the cover (a hidden one painted later still). Each time the frame loads, the
 * card hands it a fresh port; heights count only from that port, never from the window, where the
 * page posts too. Escape in the editor arrives on the same port and calls onClose (the frame's keys
 * never reach the content script).
 */
function useNoteFrameHeight(onClose: () => void) {
  const close = useRef(onClose);
  close.current = onClose;
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number>();
  const [ready, setReady] = useState(false);
  // A layout effect: it runs before the browser can fire the frame's load event, which a (later) effect could miss.
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    let port: MessagePort | undefined;
    const onLoad = (): void => {
      port?.close();
      const target = element.contentWindow;
      if (!target) return;
      const channel = new MessageChannel();
      port = channel.port1;
      port.onmessage = (event: MessageEvent) => {
        setReady(true);
        if (event.data === NOTE_CLOSE_MESSAGE) return close.current();
        const reported = noteHeightOf(event.data);
        if (reported !== undefined) setHeight(reported);
      };
      // '*': see note-frame-size.ts (the port only ever brings a clamped height or a close to the card).
      target.postMessage(NOTE_SIZE_PORT_MESSAGE, '*', [channel.port2]);
    };
    element.addEventListener('load', onLoad);
    return () => {
      element.removeEventListener('load', onLoad);
      port?.close();
    };
  }, []);
  return { frame, height, ready };
}

/**
 * Keeps a control that takes focus in the card's body whole between the sticky head and the sticky
 * note editor. The card's scroll-padding asks the browser for that, but Firefox's focus scrolling left
 * a link that starts below the visible part half under the card's edge (at 360 px, "More" open, a
 * two-sentence meaning above it). Measured a frame later, after the browser's own scrolling: only what
 * it left out of sight is scrolled, by the card's own scroll, never the page's.
 */
function keepFocusInSight(event: FocusEvent): void {
  const card = event.currentTarget as HTMLElement;
  const target = event.target as HTMLElement;
  if (target === card || target.closest('.top') || target.localName === 'iframe') return;
  requestAnimationFrame(() => {
    if (card.scrollHeight <= card.clientHeight || !card.contains(target)) return;
    const cardBox = card.getBoundingClientRect();
    const head = card.querySelector('.top');
    const note = card.querySelector<HTMLElement>('.note-frame');
    const top = head ? head.getBoundingClientRect().bottom : cardBox.top;
    const bottom = note && getComputedStyle(note).position === 'sticky' ? Math.min(cardBox.bottom, note.getBoundingClientRect().top) : cardBox.bottom;
    const box = target.getBoundingClientRect();
    // Whole pixels, rounded away from the edge: a scroll position is whole in Firefox, and a fraction short left the box 0.8 px under it.
    if (box.bottom > bottom) card.scrollTop += Math.ceil(Math.min(box.bottom - bottom, box.top - top));
    else if (box.top < top) card.scrollTop -= Math.ceil(top - box.top);
  });
}

/** Marks a card whose body is scrolled under its sticky head, which then draws its edge (card.css). */
function markScrolled(event: Event): void {
  const card = event.currentTarget as HTMLElement;
  card.toggleAttribute('data-scrolled', card.scrollTop > 0);
}

/** How long the copy button says "Copied" (ms). */
const COPIED_FOR_MS = 2_000;

/** "Copy claim": the claim as text on the clipboard, "Copied" on the button for a moment, or a line saying copying failed. */
function CopyClaim({ claim, onCopy }: { claim: ClaimCardData; onCopy: (text: string) => Promise<boolean> }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    void onCopy(claimAsText(t, claim)).then((copied) => {
      setState(copied ? 'copied' : 'failed');
      if (copied) setTimeout(() => setState((now) => (now === 'copied' ? 'idle' : now)), COPIED_FOR_MS);
    });
  };
  return (
    <p class="copy-row">
      <button type="button" class="copy" data-testid="copy-claim" onClick={copy}>
        {state === 'copied' ? t('card_copied') : t('card_copy')}
      </button>
      <span class="copy-status" role="status" data-testid="copy-status">
        {state === 'failed' ? t('card_copyFailed') : ''}
      </span>
    </p>
  );
}

export function ClaimCard({ claim, noteEditorUrl, possible = false, onClose, onCopy }: ClaimCardProps) {
  const t = useT();
  const headingId = `pl-card-title-${claim.id}`;
  // The popup and options page write days with the same helper in the same language.
  const day = (iso: string): string => formatDayIn(t, iso);
  const verdict = verdictOf(t, claim);
  const related = claim.related ?? {};
  const noteHeight = useNoteFrameHeight(onClose);
  const confidence = CONFIDENCE_MESSAGE[claim.confidence];
  /** " (Anthropic, 24 Feb 2026)" after a source's title; '' when it names neither. */
  const sourceMeta = (publisher: string | undefined, date: string | undefined): string => {
    if (publisher && date) return ` ${t('card_sourcePublisherDate', { publisher, date: day(date) })}`;
    const detail = publisher || (date ? day(date) : '');
    return detail ? ` ${t('card_sourceDetail', { detail })}` : '';
  };
  return (
    <section
      class={`card kind-${claim.kind} status-${claim.status}`}
      lang={t.locale}
      role="dialog"
      aria-labelledby={headingId}
      data-claim={claim.id}
      onScroll={markScrolled}
      onFocusIn={keepFocusInSight}
      style={noteHeight.height ? { '--pl-note-height': `${noteHeight.height}px` } : undefined}
    >
      <header class="top">
        <h2 id={headingId} class="verdict" data-testid="verdict">
          <Rich
            text={verdictMessage(t, verdict)}
            tags={{
              label: (text) => (
                <span class="verdict-label" data-testid="kind-label">
                  {text}
                </span>
              ),
              grade: (text) => (
                <span class="verdict-grade" data-testid="grade">
                  {text}
                </span>
              ),
              status: (text) => (
                <span class="verdict-status" data-testid="status">
                  <time dateTime={claim.statusDate}>{text}</time>
                </span>
              ),
              consequence: (text) => <span class="verdict-consequence">{text}</span>,
            }}
          />
        </h2>
        <button type="button" class="close" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {possible && (
        <p class="possible" data-testid="possible">
          <Rich text={t('card_possibleMatch')} tags={{ strong: (text) => <strong>{text}</strong> }} />
        </p>
      )}
      <p class="statement" data-testid="statement">
        {claim.statement}
      </p>

      <p class="meaning" data-testid="meaning">
        <Rich text={t('card_meaning', { label: verdict.label, meaning: t(kindMeaningMessage(claim.kind, claim.force)) })} tags={{ label: (text) => <span class="meaning-label">{text}</span> }} />
      </p>
      <details class="more" data-testid="more" onToggle={showOpened}>
        <summary>{t('card_more')}</summary>
        {onCopy && <CopyClaim claim={claim} onCopy={onCopy} />}
        {/* What stands in its place, when the claim set holds it: "modified" alone read as "still pledges this". First in
            "More", not under the statement: the closed card keeps the room a phone gives it. */}
        {claim.replacements && claim.replacements.length > 0 && (
          <p class="replaced" data-testid="replaced-by">
            {t('card_replacedBy', { claims: claim.replacements.map((replacement) => replacement.statement).join('; ') })}
          </p>
        )}
        <dl>
          <dt>{t('card_who')}</dt>
          <dd data-testid="actor">{claim.actorName}</dd>
          <dt>{t('card_why')}</dt>
          <dd data-testid="why">
            <p>
              {isForce(claim.force) ? `${t(FORCE_MESSAGE[claim.force])} ` : ''}
              {readerText(claim.rationale, related)}
            </p>
            {claim.evidence.length > 0 && (
              <ul class="evidence" aria-label={t('card_evidence')} data-testid="evidence">
                {claim.evidence.map((item) => (
                  <li key={`${item.url}#${item.locator}#${item.quote}`}>
                    <q>{item.quote}</q>{' '}
                    <span class="meta">
                      (<ExternalLink href={item.url}>{item.title ? t('card_evidenceSource', { title: item.title, locator: item.locator }) : item.locator}</ExternalLink>)
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {confidence && (
              <p class="meta" data-testid="confidence">
                {t(confidence)}
              </p>
            )}
          </dd>
          {claim.contested && (
            <>
              <dt>{t('card_contested')}</dt>
              <dd class="contested" data-testid="contested">
                {readerText(claim.contested, related)}
              </dd>
            </>
          )}
          {claim.reviewedAt && (
            <>
              <dt>{t('card_checked')}</dt>
              <dd data-testid="reviewed-at">
                <Rich text={t('card_statusAsOf', { date: day(claim.reviewedAt) })} tags={{ time: (text) => <time dateTime={claim.reviewedAt}>{text}</time> }} />
              </dd>
            </>
          )}
          {claim.history.length > 0 && (
            <>
              <dt>{t('card_history')}</dt>
              <dd>
                <ol class="history" aria-label={t('card_history')} data-testid="history">
                  {claim.history.map((entry) => (
                    <li key={`${entry.date}-${entry.event}`}>
                      <time dateTime={entry.date}>{day(entry.date)}</time>{' '}
                      <ExternalLink href={entry.sourceUrl}>{t(HISTORY_MESSAGE[entry.event])}</ExternalLink>
                      {entry.note ? `: ${readerText(entry.note, related)}` : ''}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          )}
          <dt>{t('card_sources')}</dt>
          <dd>
            <ul class="sources" aria-label={t('card_sources')} data-testid="sources">
              {claim.sources.map((source) => (
                <li key={source.url}>
                  <ExternalLink href={source.url}>{source.title}</ExternalLink>
                  {sourceMeta(source.publisher, source.date)}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('card_claimSet')}</dt>
          <dd class="meta" data-testid="pack">
            {claim.packName}
          </dd>
        </dl>
      </details>
      {!noteHeight.ready && (
        <p class="note-loading" data-testid="note-loading">
          {t('card_noteLoading')}
        </p>
      )}
      <iframe ref={noteHeight.frame} class="note-frame" src={noteEditorUrl} title={t('card_noteFrameTitle')} data-testid="note-frame" />
    </section>
  );
}
