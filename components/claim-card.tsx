import { useEffect, useState } from 'preact/hooks';
import { KIND_LABEL, formatDay, safeLink, statusWithDate } from '@/lib/format/claim-labels';
import type { ClaimCardData } from '@/lib/messages/protocol';

export interface ClaimCardProps {
  claim: ClaimCardData;
  note: string;
  wrongMatch: boolean;
  onSaveNote: (text: string) => void;
  onToggleWrongMatch: (flagged: boolean) => void;
  onClose: () => void;
}

const HISTORY_VERB: Readonly<Record<string, string>> = {
  introduced: 'introduced',
  reworded: 'reworded',
  reaffirmed: 'reaffirmed',
  modified: 'modified',
  superseded: 'superseded',
  withdrawn: 'withdrawn',
  fulfilled: 'fulfilled',
  disputed: 'disputed',
  'took-effect': 'took effect',
};

function ExternalLink({ href, children }: { href: string; children: string }) {
  const safe = safeLink(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** The card shown for a highlight: what was claimed, whether it binds, where it stands, and why we say so. */
export function ClaimCard({ claim, note, wrongMatch, onSaveNote, onToggleWrongMatch, onClose }: ClaimCardProps) {
  const [draft, setDraft] = useState(note);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(note), [note, claim.id]);
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
        </dd>
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
      <form
        class="note"
        onSubmit={(event) => {
          event.preventDefault();
          onSaveNote(draft);
          setSaved(true);
        }}
      >
        <label>
          Your note
          <textarea value={draft} rows={2} maxLength={20000} onInput={(event) => { setDraft(event.currentTarget.value); setSaved(false); }} />
        </label>
        <div class="actions">
          <button type="submit">Save note</button>
          <label class="flag">
            <input type="checkbox" checked={wrongMatch} onChange={(event) => onToggleWrongMatch(event.currentTarget.checked)} />
            Wrong match
          </label>
          <span class="saved" role="status">{saved ? 'Saved' : ''}</span>
        </div>
      </form>
      <footer class="meta">Claim set: {claim.packName}</footer>
    </section>
  );
}
