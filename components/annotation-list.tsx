import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Mention } from '@/lib/annotations/schema';
import { readableQuote } from '@/lib/annotations/readable-quote';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import { appliesLater, statusTone } from '@/lib/claims/claim-enums';
import { MAX_LISTED_AUTHORS } from '@/lib/format/author-list';
import { formatCalendarDate, readerToday } from '@/lib/format/dates';
import { latestPageCitation, type PageCitation } from '@/lib/annotations/page-citation';
import { pageTitleOf } from '@/lib/annotations/group-by-page';
import { citedPage } from '@/lib/annotations/citation-title';
import { changeDetail, changeSource, gradedKindLabel, statusWithDate } from '@/lib/i18n/claim-words';
import { kindMeaningMessage } from '@/lib/format/claim-verdict';
import type { ClaimCardData } from '@/lib/claims/claim-card-data';
import type { Result } from '@/lib/messages/message-map';
import { MAX_NOTE_LENGTH } from '@/lib/messages/extension-page-to-background';
import { ownEntry } from '@/lib/messages/own-entry';
import { ConfirmButton } from './confirm-button';
import { useT } from './i18n';
import { formatUtcDay } from './options-format';
import { safeLinkUrl } from '@/lib/sites/url';
import { readingOrderName } from '@/lib/format/person-name';

/**
 * Rows on one page of the list: enough to scan at a glance, few enough that a history of hundreds
 * (thousands) of mentions stays quick to render and to Tab through; the pager reaches the rest.
 */
export const PAGE_SIZE = 50;

/** How the history is laid out: under each page, each claim or each day last seen, or one list newest first. */
export type HistoryGrouping = 'page' | 'claim' | 'day' | 'none';

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
  /** The page of the list shown, from 0 (clamped to the pages there are); rows per page: `pageSize`. */
  page?: number;
  onPageChange?: (page: number) => void;
  pageSize?: number;
}

/**
 * A page's title, as the page chose it. Isolated (`<bdi>`): a title ending in a right-to-left override
 * would otherwise print what follows it on the line, the site's name in a group heading, backwards.
 */
function PageLink({ url, title }: { url: string; title: string }) {
  const safe = safeLinkUrl(url);
  const text = <bdi>{title.trim() || url}</bdi>;
  // Non-https pages are named but not linked: the options page should not open plain-http pages.
  if (!safe) return <span title={url}>{text}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
}

/** The claim's label, with what it means on hover, by the claim's force: a pledge is binding by its maker's word, not in law. */
function KindBadge({ claim }: { claim: ClaimCardData }) {
  const t = useT();
  return (
    <span class={`badge badge-${claim.kind}`} title={t(kindMeaningMessage(claim.kind, claim.force))} data-testid="claim-kind">
      {gradedKindLabel(t, claim.kind, claim.force)}
    </span>
  );
}

/** Status as the claim set says now, then the statement. */
function StatusAndStatement({ claim }: { claim: ClaimCardData }) {
  const t = useT();
  return (
    <>
      <span class={`status-words status-${statusTone(claim.status)}`}>{statusWithDate(t, claim.status, claim.statusDate, claim.kind, appliesLater(claim, readerToday()))}</span>{' '}
      <span class="statement">{claim.statement}</span>
    </>
  );
}

/** Kind and status as the claim set says now, then the statement. */
function ClaimLine({ claim, claimId }: { claim: ClaimCardData | undefined; claimId: string }) {
  const t = useT();
  if (!claim) return <span class="muted">{t('list_claimGone', { id: claimId })}</span>;
  return (
    <>
      <KindBadge claim={claim} /> <StatusAndStatement claim={claim} />
    </>
  );
}

/**
 * A row's claim when the row above it has the same one: its label and "Same claim as above" on one
 * line, the statement behind a disclosure. Several quotes of one claim (a page quoting it twice) each
 * repeated its four-line statement, and the quotes ran together; a native `<details>` keeps the
 * statement one keypress away for keyboard and screen-reader users, with its expanded state announced.
 */
function SameClaimLine({ claim }: { claim: ClaimCardData }) {
  const t = useT();
  return (
    <details class="row-claim same-claim" data-testid="row-same-claim">
      <summary>
        <KindBadge claim={claim} /> <span class="same-claim-words">{t('list_sameClaimAsAbove')}</span>
      </summary>
      <p class="same-claim-statement">
        <StatusAndStatement claim={claim} />
      </p>
    </details>
  );
}

export function ChangeBadge({ change }: { change: ClaimChange }) {
  const t = useT();
  return (
    <p class="row-changed" data-testid="row-changed">
      <span class="changed-badge">{t('change_headline')}</span> {changeDetail(t, change)}. <span class="muted">{changeSource(t, change)}.</span>
    </p>
  );
}

/** The note form, shown in the row while the reader edits; it closes on save or cancel. */
function NoteForm({ mention, onSave, onDone }: { mention: Mention; onSave: NonNullable<AnnotationListProps['onSaveNote']>; onDone: (outcome?: { ok: boolean; text: string }) => void }) {
  const t = useT();
  const id = useId();
  const saved = mention.note?.text ?? '';
  const [text, setText] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const result = await onSave(mention.id, text).catch((failure: unknown) => ({ ok: false as const, error: failure instanceof Error ? failure.message : String(failure) }));
    setBusy(false);
    if (result.ok) onDone({ ok: true, text: text.trim() ? t('list_noteSaved') : t('list_noteRemoved') });
    else setError(t('list_noteNotSaved', { error: result.error }));
  };

  return (
    <form
      class="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={`${id}-note`}>{t('list_yourNote')}</label>
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
          {t('list_saveNote')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => onDone()}>
          {t('common_cancel')}
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
  /** The row above it in the list has the same claim: the statement is folded away (SameClaimLine). */
  sameClaimAsAbove: boolean;
  props: AnnotationListProps;
}

function AnnotationRow({ mention, claim, change, showPage, showClaim, sameClaimAsAbove, props }: RowProps) {
  const t = useT();
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
        {readableQuote(mention)}
      </blockquote>
      {showClaim &&
        (sameClaimAsAbove && claim ? (
          <SameClaimLine claim={claim} />
        ) : (
          <p class="row-claim" data-testid="row-claim">
            <ClaimLine claim={claim} claimId={mention.claimId} />
          </p>
        ))}
      {change && <ChangeBadge change={change} />}
      {note && !editing && (
        <p class="note-text">
          <span class="note-label">{t('list_note')}</span> <span data-testid="row-note">{note}</span>
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
              <dt>{t('list_page')}</dt>
              <dd data-testid="row-page">
                {/* The work's title as the page groups and exports cite it, its site's name beside it, not in it. */}
                <PageLink url={mention.pageUrl} title={citedPage(mention.pageTitle, mention.pageUrl, mention.pageCitation).title} /> <PageSource citation={latestPageCitation([mention])} pageUrl={mention.pageUrl} />
              </dd>
            </div>
          )}
          {mention.frameUrl !== undefined && (
            <div>
              <dt>{t('list_inEmbed')}</dt>
              <dd data-testid="row-embed">
                <PageLink url={mention.frameUrl} title={hostLabel(mention.frameUrl) || mention.frameUrl} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('list_lastSeen')}</dt>
            <dd>
              <time dateTime={mention.lastSeen} data-testid="row-last-seen">
                {formatUtcDay(t, mention.lastSeen)}
              </time>
            </dd>
          </div>
        </dl>
        <div class="row-actions">
          {flagged && (
            <span class="flag" data-testid="row-wrong-match">
              {t('list_wrongMatch')}
            </span>
          )}
          {mention.possible && !flagged && (
            <span class="possible" data-testid="row-possible-match">
              {t('list_possibleMatch')}
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
              {note ? t('list_editNote') : t('list_addNote')}
            </button>
          )}
          {props.onCopyCitation && (
            <button type="button" class="secondary" data-testid="row-cite" aria-describedby={quoteId} onClick={async () => setCited(await props.onCopyCitation!(mention))}>
              {t('list_copyCitation')}
            </button>
          )}
          <ConfirmButton label={t('common_delete')} confirmLabel={t('common_confirmDelete')} describedBy={quoteId} testId="row-delete" confirmTestId="row-delete-confirm" onConfirm={() => props.onDelete(mention.id)} />
        </div>
      </div>
      {noteOutcome && (
        <p class="result ok" role="status" data-testid="row-note-result">
          {noteOutcome.text}
        </p>
      )}
      {cited && (
        <p class={cited.copied ? 'result ok' : 'result error'} role={cited.copied ? 'status' : 'alert'} data-testid="row-cite-result">
          {cited.copied ? t('list_citationCopied') : t('list_citationRefused')}
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

/** The UTC day a mention was last seen (as its row and the date filter read it), "2026-03-04". */
const dayOf = (mention: Mention): string => mention.lastSeen.slice(0, 10);

const GROUP_KEY: Readonly<Record<Exclude<HistoryGrouping, 'none'>, (mention: Mention) => string>> = {
  page: (mention) => mention.pageUrl,
  claim: (mention) => mention.claimId,
  day: dayOf,
};

/**
 * Mentions under each page (in reading order), each claim or each day last seen (newest first); groups
 * with the most recently seen first. Mentions arrive newest first from the background.
 */
export function groupMentions(mentions: readonly Mention[], grouping: Exclude<HistoryGrouping, 'none'>): Group[] {
  const groups = new Map<string, Group>();
  for (const mention of mentions) {
    const key = GROUP_KEY[grouping](mention);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, mentions: [], latest: mention.lastSeen }));
    group.mentions.push(mention);
    if (mention.lastSeen > group.latest) group.latest = mention.lastSeen;
  }
  const list = [...groups.values()].sort((a, b) => b.latest.localeCompare(a.latest));
  if (grouping === 'page') for (const group of list) group.mentions.sort((a, b) => a.anchor.start - b.anchor.start);
  return list;
}

/** One page of the list: the groups (whole, for their headings) with the rows of each that fall on it. */
interface PagedGroup {
  group: Group;
  rows: Mention[];
  /** Its first rows are on an earlier page (the heading then says "continued"). */
  continued: boolean;
}

/**
 * Page `page` (from 0) of `pageSize` rows, counted in the order the list shows them: groups in their
 * order, rows in theirs. A group split across pages appears on both, continued on the later one.
 */
export function pageOfGroups(groups: readonly Group[], page: number, pageSize: number): PagedGroup[] {
  const from = page * pageSize;
  const to = from + pageSize;
  const out: PagedGroup[] = [];
  let at = 0;
  for (const group of groups) {
    const start = at;
    at += group.mentions.length;
    if (at <= from) continue;
    if (start >= to) break;
    out.push({ group, rows: group.mentions.slice(Math.max(0, from - start), to - start), continued: start < from });
  }
  return out;
}

/**
 * "The Verge · By Jane Doe and John Roe · 24 Feb 2026": the page's site, authors and publication date as its
 * metadata gave them (`citation`, from `latestPageCitation`), else the host of `pageUrl` alone: what the exports will
 * cite, seen before exporting.
 */
function PageSource({ citation, pageUrl }: { citation: PageCitation | undefined; pageUrl: string }) {
  const t = useT();
  const authors = citation?.authors?.map(readingOrderName);
  const parts = [
    citation?.site ?? hostLabel(pageUrl),
    ...(authors ? [t('list_pageAuthors', { authors: new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(authors.length > MAX_LISTED_AUTHORS ? [authors[0]!, t('list_pageAuthorsMore')] : authors) })] : []),
    ...(citation?.published ? [formatCalendarDate(citation.published, t.locale)] : []),
  ].filter((part) => part !== '');
  return (
    <span class="muted group-site" data-testid="page-source">
      {parts.join(' · ')}
    </span>
  );
}

function GroupHeading({ group, grouping, claims, changed, continued }: { group: Group; grouping: Exclude<HistoryGrouping, 'none'>; claims: AnnotationListProps['claims']; changed: number; continued: boolean }) {
  const t = useT();
  const first = group.mentions[0]!;
  const count = <span class="group-count">{t.plural('common_mentions', group.mentions.length, { count: group.mentions.length })}</span>;
  const changedNote = changed > 0 ? <span class="changed-badge">{t.plural('list_changedSinceRead', changed, { count: changed })}</span> : null;
  const more = continued ? <span class="muted group-continued"> {t('list_groupContinued')}</span> : null;
  if (grouping === 'page') {
    const citation = latestPageCitation(group.mentions);
    return (
      <h3 class="group-heading" data-testid="group-heading">
        <PageLink url={first.pageUrl} title={citedPage(pageTitleOf(group.mentions), first.pageUrl, citation).title} /> <PageSource citation={citation} pageUrl={first.pageUrl} /> {count} {changedNote}
        {more}
      </h3>
    );
  }
  if (grouping === 'day') {
    return (
      <h3 class="group-heading" data-testid="group-heading">
        <time dateTime={group.key}>{t('list_seenOn', { day: formatUtcDay(t, group.key) })}</time> {count} {changedNote}
        {more}
      </h3>
    );
  }
  return (
    <h3 class="group-heading" data-testid="group-heading">
      <ClaimLine claim={ownEntry(claims, first.claimId)} claimId={first.claimId} /> {count} {changedNote}
      {more}
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

/**
 * Previous / a page picker / Next, under the list. Changing page moves focus to the list's start
 * (`onChange` does), so a keyboard reader goes on reading the new page from its top.
 */
function Pager({ page, pages, total, pageSize, onChange }: { page: number; pages: number; total: number; pageSize: number; onChange: (page: number) => void }) {
  const t = useT();
  const id = useId();
  const first = page * pageSize + 1;
  const last = Math.min(total, first + pageSize - 1);
  return (
    <nav class="pager" aria-label={t('list_pagerLabel')} data-testid="history-pager">
      <button type="button" class="secondary" disabled={page === 0} data-testid="pager-previous" onClick={() => onChange(page - 1)}>
        {t('list_pagePrevious')}
      </button>
      <label for={`${id}-page`} class="pager-page">
        {t('list_pageLabel')}{' '}
        <select id={`${id}-page`} value={String(page)} data-testid="pager-select" onChange={(event) => onChange(Number(event.currentTarget.value))}>
          {Array.from({ length: pages }, (_, index) => (
            <option key={index} value={String(index)}>
              {t('list_pageOf', { page: index + 1, pages })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary" disabled={page >= pages - 1} data-testid="pager-next" onClick={() => onChange(page + 1)}>
        {t('list_pageNext')}
      </button>
      <span class="muted pager-range" data-testid="pager-range">
        {t('list_pageRange', { first, last, total })}
      </span>
    </nav>
  );
}

/**
 * The stored mentions, grouped as the reader chose, a page of `pageSize` rows at a time (a history of
 * hundreds of mentions was one list hundreds of rows long). The page is the parent's (`page`,
 * `onPageChange`): new filters or grouping start again at the first.
 */
export function AnnotationList(props: AnnotationListProps) {
  const { mentions, claims, changes = {}, grouping = 'none', emptyMessage, pageSize = PAGE_SIZE } = props;
  const t = useT();
  const listRef = useRef<HTMLDivElement>(null);
  const pages = Math.max(1, Math.ceil(mentions.length / pageSize));
  // Deleting the last rows of the last page leaves the page before it.
  const page = Math.min(Math.max(0, props.page ?? 0), pages - 1);
  const turnTo = (next: number) => {
    props.onPageChange?.(next);
    // After the new page is drawn: its start, not the pager, is where reading goes on.
    setTimeout(() => {
      listRef.current?.focus({ preventScroll: true });
      listRef.current?.scrollIntoView({ block: 'start' });
    }, 0);
  };
  /** One list's rows; `above` is the mention shown just before this one in the same list, if any. */
  const row = (mention: Mention, above: Mention | undefined, showPage: boolean, showClaim: boolean) => (
    <AnnotationRow
      key={mention.id}
      mention={mention}
      claim={ownEntry(claims, mention.claimId)}
      change={ownEntry(changes, mention.id)}
      showPage={showPage}
      showClaim={showClaim}
      sameClaimAsAbove={above?.claimId === mention.claimId}
      props={props}
    />
  );
  const label = (group: Group): string =>
    grouping === 'page'
      ? t('list_mentionsOn', { page: pageTitleOf(group.mentions).trim() || group.key })
      : grouping === 'day'
        ? t('list_seenOn', { day: formatUtcDay(t, group.key) })
        : t('list_mentionsOfClaim');
  return (
    <>
      {mentions.length === 0 && emptyMessage && (
        <p class="empty" data-testid="history-empty">
          {emptyMessage}
        </p>
      )}
      {/* Focused (programmatically) when the page changes: tabIndex -1 keeps it out of the Tab order. */}
      <div ref={listRef} tabIndex={-1} class="history-page" data-testid="history-page" data-page={page}>
        {grouping === 'none' ? (
          <ul class="history-list" data-testid="history-list" aria-label={t('list_stored')}>
            {mentions.slice(page * pageSize, (page + 1) * pageSize).map((mention, i, shown) => row(mention, shown[i - 1], true, true))}
          </ul>
        ) : (
          <div class="history-list grouped" data-testid="history-list">
            {pageOfGroups(groupMentions(mentions, grouping), page, pageSize).map(({ group, rows, continued }) => (
              <div key={group.key} class="history-group" data-testid="history-group" data-group-key={group.key}>
                <GroupHeading group={group} grouping={grouping} claims={claims} changed={group.mentions.filter((mention) => ownEntry(changes, mention.id)).length} continued={continued} />
                <ul class="group-rows" aria-label={label(group)}>
                  {rows.map((mention, i) => row(mention, rows[i - 1], grouping !== 'page', grouping !== 'claim'))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </div>
      {pages > 1 && <Pager page={page} pages={pages} total={mentions.length} pageSize={pageSize} onChange={turnTo} />}
    </>
  );
}
