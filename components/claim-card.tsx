import { FORCE_WORDS, KIND_MEANING_LINE, formatReaderDay, readerText, verdictOf } from '@/lib/format/claim-verdict';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { CLAIM_FORCES, type ClaimForce, type HistoryEvent } from '@/lib/claims/schema';
import { safeLinkUrl } from '@/lib/sites/url';

export interface ClaimCardProps {
  claim: ClaimCardData;
  /** The note editor (an extension page): framed, so the web page around the card cannot read the note. */
  noteEditorUrl: string;
  onClose: () => void;
  /** Dates are written the reader's way; tests pin a locale. Undefined: the browser's own. */
  locale?: string;
}

const HISTORY_VERB: Readonly<Record<HistoryEvent, string>> = {
  introduced: 'Introduced',
  enacted: 'Adopted',
  'took-effect': 'Took effect',
  reworded: 'Reworded',
  reaffirmed: 'Reaffirmed',
  modified: 'Changed',
  superseded: 'Replaced',
  withdrawn: 'Withdrawn',
  fulfilled: 'Fulfilled',
  'partly-fulfilled': 'Partly fulfilled',
  lapsed: 'Lapsed',
  disputed: 'Disputed',
  declined: 'Declined',
  noted: 'Noted',
};

const CONFIDENCE_WORDS: Readonly<Record<string, string>> = {
  high: 'The sources leave little doubt about this label.',
  medium: 'The sources support this label, but leave some room for doubt.',
  low: 'The sources are thin or unclear: treat this label with care.',
};

function isForce(force: string): force is ClaimForce {
  return (CLAIM_FORCES as readonly string[]).includes(force);
}

function ExternalLink({ href, children }: { href: string; children: string }) {
  const safe = safeLinkUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
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
 * "More" opened: scroll the card so it starts at "More" (what the reader asked for), rather than
 * leaving the new text below the sticky note editor. Only the card's own scroll moves, never the page.
 */
function showOpened(event: Event): void {
  const details = event.currentTarget as HTMLDetailsElement;
  const card = details.closest<HTMLElement>('.card');
  if (!details.open || !card || card.scrollHeight <= card.clientHeight) return;
  card.scrollTop += details.getBoundingClientRect().top - card.getBoundingClientRect().top - 8;
}

export function ClaimCard({ claim, noteEditorUrl, onClose, locale }: ClaimCardProps) {
  const headingId = `pl-card-title-${claim.id}`;
  const day = (iso: string): string => formatReaderDay(iso, locale);
  const verdict = verdictOf(claim, locale);
  const related = claim.related ?? {};
  return (
    <section class={`card kind-${claim.kind} status-${claim.status}`} role="dialog" aria-labelledby={headingId} data-claim={claim.id}>
      <header class="top">
        <h2 id={headingId} class="verdict" data-testid="verdict">
          <span class="verdict-label" data-testid="kind-label">
            {verdict.label}
          </span>
          {', '}
          <span class="verdict-status" data-testid="status">
            <time dateTime={claim.statusDate}>{verdict.status}</time>
          </span>
          {': '}
          <span class="verdict-consequence">{verdict.consequence}</span>
        </h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="statement" data-testid="statement">
        {claim.statement}
      </p>
      <p class="meaning" data-testid="meaning">
        <span class="meaning-label">{verdict.label}:</span> {KIND_MEANING_LINE[claim.kind]}
      </p>
      <details class="more" data-testid="more" onToggle={showOpened}>
        <summary>More: who, why this label, history, sources</summary>
        <dl>
          <dt>Who</dt>
          <dd data-testid="actor">{claim.actorName}</dd>
          <dt>Why this label</dt>
          <dd data-testid="why">
            <p>
              {isForce(claim.force) ? `It is ${FORCE_WORDS[claim.force]}. ` : ''}
              {readerText(claim.rationale, related)}
            </p>
            {claim.evidence.length > 0 && (
              <ul class="evidence" aria-label="Evidence" data-testid="evidence">
                {claim.evidence.map((item) => (
                  <li key={`${item.url}#${item.locator}#${item.quote}`}>
                    <q>{item.quote}</q>{' '}
                    <span class="meta">
                      (<ExternalLink href={item.url}>{item.title ? `${item.title}, ${item.locator}` : item.locator}</ExternalLink>)
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {CONFIDENCE_WORDS[claim.confidence] && <p class="meta" data-testid="confidence">{CONFIDENCE_WORDS[claim.confidence]}</p>}
          </dd>
          {claim.contested && (
            <>
              <dt>Not everyone agrees</dt>
              <dd class="contested" data-testid="contested">
                {readerText(claim.contested, related)}
              </dd>
            </>
          )}
          {claim.reviewedAt && (
            <>
              <dt>Checked</dt>
              <dd data-testid="reviewed-at">
                Status as of <time dateTime={claim.reviewedAt}>{day(claim.reviewedAt)}</time>
              </dd>
            </>
          )}
          {claim.history.length > 0 && (
            <>
              <dt>History</dt>
              <dd>
                <ol class="history" aria-label="History" data-testid="history">
                  {claim.history.map((entry) => (
                    <li key={`${entry.date}-${entry.event}`}>
                      <time dateTime={entry.date}>{day(entry.date)}</time>{' '}
                      <ExternalLink href={entry.sourceUrl}>{HISTORY_VERB[entry.event] ?? entry.event}</ExternalLink>
                      {entry.note ? `: ${readerText(entry.note, related)}` : ''}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          )}
          <dt>Sources</dt>
          <dd>
            <ul class="sources" aria-label="Sources" data-testid="sources">
              {claim.sources.map((source) => (
                <li key={source.url}>
                  <ExternalLink href={source.url}>{source.title}</ExternalLink>
                  {source.publisher ? ` (${source.publisher}${source.date ? `, ${day(source.date)}` : ''})` : source.date ? ` (${day(source.date)})` : ''}
                </li>
              ))}
            </ul>
          </dd>
          <dt>Claim set</dt>
          <dd class="meta" data-testid="pack">
            {claim.packName}
          </dd>
        </dl>
      </details>
      <iframe class="note-frame" src={noteEditorUrl} title="Your note, the wrong-match flag, and what the labels mean" data-testid="note-frame" />
    </section>
  );
}
