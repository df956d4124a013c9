import { KIND_LABEL, formatDay, statusWithDate } from '@/lib/format/claim-labels';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { HistoryEvent } from '@/lib/claims/schema';
import { safeLinkUrl } from '@/lib/sites/url';

export interface ClaimCardProps {
  claim: ClaimCardData;
  /** The note editor (an extension page): framed, so the web page around the card cannot read the note. */
  noteEditorUrl: string;
  onClose: () => void;
}

const HISTORY_VERB: Readonly<Record<HistoryEvent, string>> = {
  introduced: 'introduced',
  enacted: 'enacted',
  'took-effect': 'took effect',
  reworded: 'reworded',
  reaffirmed: 'reaffirmed',
  modified: 'modified',
  superseded: 'superseded',
  withdrawn: 'withdrawn',
  fulfilled: 'fulfilled',
  'partly-fulfilled': 'partly fulfilled',
  lapsed: 'lapsed',
  disputed: 'disputed',
  declined: 'declined',
  noted: 'noted',
};


function ExternalLink({ href, children }: { href: string; children: string }) {
  const safe = safeLinkUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** The card shown for a highlight: what was claimed, whether it binds, where it stands, and why we say so. */
export function ClaimCard({ claim, noteEditorUrl, onClose }: ClaimCardProps) {
  const headingId = `pl-card-title-${claim.id}`;
  return (
    <section class={`card kind-${claim.kind}`} role="dialog" aria-labelledby={headingId} data-claim={claim.id}>
      <header>
        <span class={`badge badge-${claim.kind}`} data-testid="kind-label">
          {KIND_LABEL[claim.kind]}
        </span>
        <span class={`status status-${claim.status}`} data-testid="status">
          {statusWithDate(claim.status, claim.statusDate)}
        </span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <h2 id={headingId}>{claim.statement}</h2>
      <dl>
        <dt>Who</dt>
        <dd data-testid="actor">{claim.actorName}</dd>
        <dt>Why this label</dt>
        <dd>
          {claim.rationale} <span class="meta">({claim.force.replace(/-/g, ' ')}; {claim.confidence} confidence)</span>
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
        </dd>
        {claim.contested && (
          <>
            <dt>Not everyone agrees</dt>
            <dd class="contested" data-testid="contested">
              {claim.contested}
            </dd>
          </>
        )}
        {claim.reviewedAt && (
          <>
            <dt>Checked</dt>
            <dd data-testid="reviewed-at">
              Status as of <time dateTime={claim.reviewedAt}>{formatDay(claim.reviewedAt)}</time>
            </dd>
          </>
        )}
      </dl>
      {claim.history.length > 0 && (
        <ol class="history" aria-label="History">
          {claim.history.map((entry) => (
            <li key={`${entry.date}-${entry.event}`}>
              <time dateTime={entry.date}>{formatDay(entry.date)}</time>{' '}
              <ExternalLink href={entry.sourceUrl}>{HISTORY_VERB[entry.event] ?? entry.event}</ExternalLink>
              {entry.note ? `: ${entry.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      <ul class="sources" aria-label="Sources">
        {claim.sources.map((source) => (
          <li key={source.url}>
            <ExternalLink href={source.url}>{source.title}</ExternalLink>
            {source.publisher ? ` (${source.publisher}${source.date ? `, ${formatDay(source.date)}` : ''})` : source.date ? ` (${formatDay(source.date)})` : ''}
          </li>
        ))}
      </ul>
      <iframe class="note-frame" src={noteEditorUrl} title="Your note and the wrong-match flag for this highlight" data-testid="note-frame" />
      <footer class="meta">Claim set: {claim.packName}</footer>
    </section>
  );
}
