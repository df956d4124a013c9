import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Mention } from '@/lib/annotations/schema';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import { changeDetail, changeSource, CHANGED_HEADLINE } from '@/lib/format/change-labels';
import { KIND_LABEL, statusWithDate } from '@/lib/format/claim-labels';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { Result } from '@/lib/messages/message-map';
import { MAX_NOTE_LENGTH } from '@/lib/messages/extension-page-to-background';
import { ConfirmButton } from './confirm-button';
import { formatUtcDay, plural } from './options-format';
import { safeLinkUrl } from '@/lib/sites/url';

/** Rows beyond this are not rendered: a long history would make the page sluggish, and filters narrow it. */
export const MAX_ROWS = 500;

/** How the history is laid out: under each page, under each claim, or one list newest first. */
export type HistoryGrouping = 'page' | 'claim' | 'none';

export interface AnnotationListProps {
  mentions: readonly Mention[];
  claims: Readonly<Record<string, ClaimCardData>>;
  /** By mention id: what changed about its claim since the mention was last seen. */
  changes?: Readonly<Record<string, ClaimChange>>;
  grouping?: HistoryGrouping;
  onDelete: (mentionId: string) => void | Promise<void>;
  /** Saves a note in place; absent: notes are shown, not editable. */
  onSaveNote?: (mentionId: string, text: string) => Promise<Result<unknown>>;
  /** Copies the mention's citation; resolves false when the browser refused the clipboard. */
  onCopyCitation?: (mention: Mention) => Promise<{ copied: boolean; text: string }>;
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

/** Kind and status as the claim set says now, then the statement. */
function ClaimLine({ claim, claimId }: { claim: ClaimCardData | undefined; claimId: string }) {
  if (!claim) return <span class="muted">A claim no longer in the active claim set ({claimId})</span>;
  return (
    <>
      <span class={`badge badge-${claim.kind}`}>{KIND_LABEL[claim.kind]}</span> <span class="status-words">{statusWithDate(claim.status, claim.statusDate)}</span>{' '}
      <span class="statement">{claim.statement}</span>
    </>
  );
}

export function ChangeBadge({ change }: { change: ClaimChange }) {
  return (
    <p class="row-changed" data-testid="row-changed">
      <span class="changed-badge">{CHANGED_HEADLINE}</span> {changeDetail(change)}. <span class="muted">{changeSource(change)}.</span>
    </p>
  );
}

/** The note form, shown in the row while the reader edits; it closes on save or cancel. */
function NoteForm({ mention, onSave, onDone }: { mention: Mention; onSave: NonNullable<AnnotationListProps['onSaveNote']>; onDone: (outcome?: { ok: boolean; text: string }) => void }) {
  const id = useId();
  const saved = mention.note?.text ?? '';
  const [text, setText] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const result = await onSave(mention.id, text).catch((failure: unknown) => ({ ok: false as const, error: failure instanceof Error ? failure.message : String(failure) }));
    setBusy(false);
    if (result.ok) onDone({ ok: true, text: text.trim() ? 'Note saved.' : 'Note removed.' });
    else setError(`The note was not saved: ${result.error}`);
  };

  return (
    <form
      class="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={`${id}-note`}>Your note</label>
      <textarea
        id={`${id}-note`}
        ref={ref}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={text}
        disabled={busy}
        data-testid="row-note-input"
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <div class="note-actions">
        <button type="submit" disabled={busy} data-testid="row-note-save">
          Save note
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      {error && (
        <p class="result error" role="alert" data-testid="row-note-result">
          {error}
        </p>
      )}
    </form>
  );
}

interface RowProps {
  mention: Mention;
  claim: ClaimCardData | undefined;
  change: ClaimChange | undefined;
  /** What the group heading already says is not repeated in the row. */
  showPage: boolean;
  showClaim: boolean;
  props: AnnotationListProps;
}

function AnnotationRow({ mention, claim, change, showPage, showClaim, props }: RowProps) {
  const quoteId = `${useId()}-quote`;
  const flagged = mention.wrongMatch?.flagged === true;
  const note = mention.note?.text.trim();
  const [editing, setEditing] = useState(false);
  const [noteOutcome, setNoteOutcome] = useState<{ ok: boolean; text: string }>();
  const [cited, setCited] = useState<{ copied: boolean; text: string }>();
  const editButton = useRef<HTMLButtonElement>(null);
  return (
    <li class={`history-row${flagged ? ' flagged' : ''}${change ? ' changed' : ''}`} data-testid="history-row" data-mention-id={mention.id}>
      <blockquote id={quoteId} class="quote" data-testid="row-quote">
        {mention.anchor.exact}
      </blockquote>
      {showClaim && (
        <p class="row-claim" data-testid="row-claim">
          <ClaimLine claim={claim} claimId={mention.claimId} />
        </p>
      )}
      {change && <ChangeBadge change={change} />}
      {note && !editing && (
        <p class="note-text">
          <span class="note-label">Note:</span> <span data-testid="row-note">{note}</span>
        </p>
      )}
      {editing && props.onSaveNote && (
        <NoteForm
          mention={mention}
          onSave={props.onSaveNote}
          onDone={(outcome) => {
            setEditing(false);
            setNoteOutcome(outcome);
            // Back to the button that opened the form, so keyboard users keep their place.
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      )}
      <div class="row-foot">
        <dl class="row-meta">
          {showPage && (
            <div>
              <dt>Page</dt>
              <dd data-testid="row-page">
                <PageLink url={mention.pageUrl} title={mention.pageTitle} />
              </dd>
            </div>
          )}
          <div>
            <dt>Last seen</dt>
            <dd>
              <time dateTime={mention.lastSeen} data-testid="row-last-seen">
                {formatUtcDay(mention.lastSeen)}
              </time>
            </dd>
          </div>
        </dl>
        <div class="row-actions">
          {flagged && (
            <span class="flag" data-testid="row-wrong-match">
              Marked as a wrong match
            </span>
          )}
          {props.onSaveNote && !editing && (
            <button
              type="button"
              ref={editButton}
              class="secondary"
              data-testid="row-note-edit"
              aria-describedby={quoteId}
              onClick={() => {
                setNoteOutcome(undefined);
                setEditing(true);
              }}
            >
              {note ? 'Edit note' : 'Add note'}
            </button>
          )}
          {props.onCopyCitation && (
            <button type="button" class="secondary" data-testid="row-cite" aria-describedby={quoteId} onClick={async () => setCited(await props.onCopyCitation!(mention))}>
              Copy citation
            </button>
          )}
          <ConfirmButton label="Delete" confirmLabel="Confirm delete" describedBy={quoteId} testId="row-delete" confirmTestId="row-delete-confirm" onConfirm={() => props.onDelete(mention.id)} />
        </div>
      </div>
      {noteOutcome && (
        <p class="result ok" role="status" data-testid="row-note-result">
          {noteOutcome.text}
        </p>
      )}
      {cited && (
        <p class={cited.copied ? 'result ok' : 'result error'} role={cited.copied ? 'status' : 'alert'} data-testid="row-cite-result">
          {cited.copied ? 'Citation copied.' : 'The browser did not allow copying. Select the citation below and copy it:'}
          {!cited.copied && <span class="cite-text">{cited.text}</span>}
        </p>
      )}
    </li>
  );
}

interface Group {
  key: string;
  mentions: Mention[];
  latest: string;
}

/**
 * Mentions under each page (in reading order) or each claim (newest first); groups with the most
 * recently seen first. Mentions arrive newest first from the background.
 */
export function groupMentions(mentions: readonly Mention[], grouping: Exclude<HistoryGrouping, 'none'>): Group[] {
  const groups = new Map<string, Group>();
  for (const mention of mentions) {
    const key = grouping === 'page' ? mention.pageUrl : mention.claimId;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, mentions: [], latest: mention.lastSeen }));
    group.mentions.push(mention);
    if (mention.lastSeen > group.latest) group.latest = mention.lastSeen;
  }
  const list = [...groups.values()].sort((a, b) => b.latest.localeCompare(a.latest));
  if (grouping === 'page') for (const group of list) group.mentions.sort((a, b) => a.anchor.start - b.anchor.start);
  return list;
}

function GroupHeading({ group, grouping, claims, changed }: { group: Group; grouping: 'page' | 'claim'; claims: AnnotationListProps['claims']; changed: number }) {
  const first = group.mentions[0]!;
  const count = <span class="group-count">{plural(group.mentions.length, 'mention')}</span>;
  const changedNote = changed > 0 ? <span class="changed-badge">{changed === 1 ? '1 changed since read' : `${changed} changed since read`}</span> : null;
  if (grouping === 'page') {
    return (
      <h3 class="group-heading" data-testid="group-heading">
        <PageLink url={first.pageUrl} title={first.pageTitle} /> <span class="muted group-site">{hostLabel(first.pageUrl)}</span> {count} {changedNote}
      </h3>
    );
  }
  return (
    <h3 class="group-heading" data-testid="group-heading">
      <ClaimLine claim={claims[first.claimId]} claimId={first.claimId} /> {count} {changedNote}
    </h3>
  );
}

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The stored mentions, grouped as the reader chose. */
export function AnnotationList(props: AnnotationListProps) {
  const { mentions, claims, changes = {}, grouping = 'none', emptyMessage, maxRows = MAX_ROWS } = props;
  const shown = mentions.slice(0, maxRows);
  const row = (mention: Mention, showPage: boolean, showClaim: boolean) => (
    <AnnotationRow key={mention.id} mention={mention} claim={claims[mention.claimId]} change={changes[mention.id]} showPage={showPage} showClaim={showClaim} props={props} />
  );
  return (
    <>
      {mentions.length === 0 && emptyMessage && (
        <p class="empty" data-testid="history-empty">
          {emptyMessage}
        </p>
      )}
      {grouping === 'none' ? (
        <ul class="history-list" data-testid="history-list" aria-label="Stored mentions">
          {shown.map((mention) => row(mention, true, true))}
        </ul>
      ) : (
        <div class="history-list grouped" data-testid="history-list">
          {groupMentions(shown, grouping).map((group) => (
            <div key={group.key} class="history-group" data-testid="history-group" data-group-key={group.key}>
              <GroupHeading group={group} grouping={grouping} claims={claims} changed={group.mentions.filter((mention) => changes[mention.id]).length} />
              <ul class="group-rows" aria-label={grouping === 'page' ? `Mentions on ${group.mentions[0]!.pageTitle.trim() || group.key}` : 'Mentions of this claim'}>
                {group.mentions.map((mention) => row(mention, grouping !== 'page', grouping !== 'claim'))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {mentions.length > shown.length && (
        <p class="hint" data-testid="history-truncated">
          Showing the first {shown.length} of {plural(mentions.length, 'mention')}. Narrow the filters to see the rest.
        </p>
      )}
    </>
  );
}
