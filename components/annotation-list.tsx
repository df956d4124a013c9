import { useId } from 'preact/hooks';
import type { Mention } from '@/lib/annotations/schema';
import { KIND_LABEL } from '@/lib/format/claim-labels';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import { ConfirmButton } from './confirm-button';
import { formatUtcDay, plural } from './options-format';
import { safeLinkUrl } from '@/lib/sites/url';

/** Rows beyond this are not rendered: a long history would make the page sluggish, and filters narrow it. */
export const MAX_ROWS = 500;

export interface AnnotationListProps {
  mentions: readonly Mention[];
  claims: Readonly<Record<string, ClaimCardData>>;
  onDelete: (mentionId: string) => void | Promise<void>;
  /** Shown instead of the list when there are no mentions. */
  emptyMessage: string;
  maxRows?: number;
}

function PageLink({ url, title }: { url: string; title: string }) {
  const safe = safeLinkUrl(url);
  const text = title.trim() || url;
  // Non-https pages are named but not linked: the options page should not open plain-http pages.
  if (!safe) return <span title={url}>{text}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}

function AnnotationRow({ mention, claim, onDelete }: { mention: Mention; claim: ClaimCardData | undefined; onDelete: AnnotationListProps['onDelete'] }) {
  const quoteId = `${useId()}-quote`;
  const note = mention.note?.text.trim();
  const flagged = mention.wrongMatch?.flagged === true;
  return (
    <li class={`history-row${flagged ? ' flagged' : ''}`} data-testid="history-row" data-mention-id={mention.id}>
      <blockquote id={quoteId} class="quote" data-testid="row-quote">
        {mention.anchor.exact}
      </blockquote>
      <p class="row-claim" data-testid="row-claim">
        {claim ? (
          <>
            <span class={`badge badge-${claim.kind}`}>{KIND_LABEL[claim.kind]}</span> {claim.statement}
          </>
        ) : (
          <span class="muted">A claim no longer in the active claim set ({mention.claimId})</span>
        )}
      </p>
      <dl class="row-meta">
        <div>
          <dt>Page</dt>
          <dd data-testid="row-page">
            <PageLink url={mention.pageUrl} title={mention.pageTitle} />
          </dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>
            <time dateTime={mention.lastSeen} data-testid="row-last-seen">
              {formatUtcDay(mention.lastSeen)}
            </time>
          </dd>
        </div>
        {note && (
          <div class="row-note">
            <dt>Note</dt>
            <dd data-testid="row-note">{note}</dd>
          </div>
        )}
      </dl>
      <div class="row-actions">
        {flagged && (
          <span class="flag" data-testid="row-wrong-match">
            Marked as a wrong match
          </span>
        )}
        <ConfirmButton label="Delete" confirmLabel="Confirm delete" describedBy={quoteId} testId="row-delete" confirmTestId="row-delete-confirm" onConfirm={() => onDelete(mention.id)} />
      </div>
    </li>
  );
}

/** The stored mentions, newest information first as the background returns them. */
export function AnnotationList({ mentions, claims, onDelete, emptyMessage, maxRows = MAX_ROWS }: AnnotationListProps) {
  const shown = mentions.slice(0, maxRows);
  return (
    <>
      {mentions.length === 0 && emptyMessage && (
        <p class="empty" data-testid="history-empty">
          {emptyMessage}
        </p>
      )}
      <ul class="history-list" data-testid="history-list" aria-label="Stored mentions">
        {shown.map((mention) => (
          <AnnotationRow key={mention.id} mention={mention} claim={claims[mention.claimId]} onDelete={onDelete} />
        ))}
      </ul>
      {mentions.length > shown.length && (
        <p class="hint" data-testid="history-truncated">
          Showing the first {shown.length} of {plural(mentions.length, 'mention')}. Narrow the filters to see the rest.
        </p>
      )}
    </>
  );
}
