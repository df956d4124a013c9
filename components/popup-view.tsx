import { changeDetail, changeSource, formatDayIn, gradedKindLabel, KIND_GROUP_MESSAGE, statusWithDate } from '@/lib/i18n/claim-words';
import type { MessageName, Translator } from '@/lib/i18n/translator';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import type { ClaimKind } from '@/lib/claims/schema';
import { appliesLater, CLAIM_KINDS, statusHasEnded, statusTone } from '@/lib/claims/claim-enums';
import { readerToday } from '@/lib/format/dates';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat } from '@/lib/annotations/export-formats';
import { standsOnPage, type PageClaimSummary } from '@/lib/frames/tab-frames';
import { kindMeaningMessage } from '@/lib/format/claim-verdict';
import { languageName } from '@/lib/format/language-name';
import { wordHistoryNotice } from '@/lib/format/reader-errors';
import { shortenAtWord } from '@/lib/format/shorten-text';
import type { HistoryNotice } from '@/lib/messages/reader-failure';
import { ownEntry } from '@/lib/messages/own-entry';
import { ENGLISH } from '@/lib/text/page-language';
import { useT } from './i18n';

/** Why the popup has nothing to say about a tab. */
export type UnavailableReason =
  /** A browser page, the extension store, a built-in viewer: closed to every extension. */
  | 'browser-page'
  /** A web page Pledge Lens has not read: open since before it was installed or updated. */
  | 'not-read'
  /** The tab is still loading its page. */
  | 'loading'
  /** The background answered with an error (its sentence is shown). */
  | 'error';

export type PopupPageState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: UnavailableReason; detail?: string }
  | {
      kind: 'ready';
      enabled: boolean;
      scanning: boolean;
      claims: PageClaimSummary[];
      /** The page's language (a primary subtag, "de") as its top frame decided it; undefined when unknown. */
      language?: string;
      /** The page is longer than a scan reads: claims further down are not listed. */
      partlyRead?: boolean;
      /** The page draws its own words into the highlights, which then open no card. */
      cardsRefused?: boolean;
    };

export interface PopupViewProps {
  page: PopupPageState;
  siteEnabled: boolean;
  host: string;
  info: ClaimSetInfo | undefined;
  /** "Changed since you read it", by claim id, for claims on this page. */
  changes?: Readonly<Record<string, ClaimChange>>;
  /** By claim id: how many of this page's stored mentions of it the reader marked as wrong matches (left out of exports). */
  flagged?: Readonly<Record<string, number>>;
  /** Claims read elsewhere whose change the reader has not seen (not on this page). */
  changedElsewhere?: number;
  exportMessage: string;
  /** Why this page's mentions are not (all) saved in the history (a limit, a full disk). */
  historyNotice?: HistoryNotice;
  /** The legend page ("What do these labels mean?"). */
  legendUrl: string;
  onToggleSite: (enabled: boolean) => void;
  onJump: (claimId: string) => void;
  onExport: (format: ExportFormat) => void;
  /** Opens the options page; `changed` opens its history filtered to changed claims, `claim-set` its claim packs. */
  onOpenOptions: (view?: 'changed' | 'claim-set') => void;
  onOpenLegend: () => void;
}

/** How much of a changed claim's statement the list under "… changed since you read it" shows (UTF-16 units). */
const CHANGED_LINE_CHARS = 80;

/** The popup item of a changed claim, as the list of changes links to it (claim ids are slugs: safe in an id). */
function changedItemId(claimId: string): string {
  return `changed-${claimId}`;
}

interface Shown extends PageClaimSummary {
  change?: ClaimChange;
  /** Mentions of it on this page marked as wrong matches. */
  flagged?: number;
}

/** A kind's claims on the page: those that still hold, then those that no longer do (`statusHasEnded`), each in reading order. */
export interface KindGroup {
  kind: ClaimKind;
  claims: Shown[];
  ended: Shown[];
}

/**
 * The page's claims grouped by kind, groups always in CLAIM_KINDS order (binding commitments, announced
 * targets, no commitment, as the card's labels and the legend describe them): an order that followed
 * the page's first claim moved the groups from one page to the next. Within a group the claims that no
 * longer hold (withdrawn, superseded, lapsed) come last under their own heading, so a dropped pledge is
 * never read as one in force (the new-user trial, 6 Dec 2026); claims keep reading order within each part.
 * Kind and status are the claim set's now when an update changed them since the page was read.
 */
export function groupByKind(claims: readonly Shown[]): KindGroup[] {
  const groups = new Map<ClaimKind, KindGroup>(CLAIM_KINDS.map((kind) => [kind, { kind, claims: [], ended: [] }]));
  for (const claim of claims) {
    const group = groups.get(claim.change?.now.kind ?? claim.kind);
    (statusHasEnded(claim.change?.now.status ?? claim.status) ? group?.ended : group?.claims)?.push(claim);
  }
  return [...groups.values()].filter((group) => group.claims.length + group.ended.length > 0);
}

function ChangedNote({ change }: { change: ClaimChange }) {
  const t = useT();
  return (
    <p class="changed" data-testid="claim-changed">
      <strong>
        {t('change_headline')}
        {change.unseen && <span class="new"> {t('popup_changedNew')}</span>}:
      </strong>{' '}
      {changeDetail(t, change)}.<span class="source"> {changeSource(t, change)}.</span>
    </p>
  );
}

function ClaimItem({ claim, onJump }: { claim: Shown; onJump: (claimId: string) => void }) {
  const t = useT();
  // The page was matched before the update: what holds now is the change's new state.
  const kind = claim.change?.now.kind ?? claim.kind;
  const status = claim.change?.now.status ?? claim.status;
  const statusDate = claim.change?.now.statusDate ?? claim.statusDate;
  const today = readerToday();
  // Found on the page, but the page removes our highlights: nothing to jump to, and the reader is told why.
  const Item = claim.hiddenByPage ? 'div' : 'button';
  const action = claim.hiddenByPage ? { 'data-hidden-by-page': 'true' } : { type: 'button' as const, onClick: () => onJump(claim.claimId) };
  return (
    <li class={claim.change ? 'has-change' : undefined} id={claim.change ? changedItemId(claim.claimId) : undefined}>
      <Item class={`claim kind-${kind}${claim.hiddenByPage ? ' not-shown' : ''}`} data-testid="claim-item" data-claim-id={claim.claimId} {...action}>
        <span class="verdict">
          {/* What the label means, on hover: for a pledge, that no law or contract enforces it (the force is the claim set's now; an update that changed the kind leaves only the kind's line). */}
          <span class={`badge badge-${kind}`} title={t(kindMeaningMessage(kind, kind === claim.kind ? claim.force : undefined))} data-testid="claim-kind">
            {gradedKindLabel(t, kind, kind === claim.kind ? claim.force : undefined)}
          </span>
          <span class={`status status-${statusTone(status)}`} data-testid="claim-status">
            {statusWithDate(t, status, statusDate, kind, appliesLater({ kind, force: claim.force, status, effectiveDate: claim.effectiveDate }, today))}
          </span>
        </span>
        <span class="statement">{claim.statement}</span>
        <span class="meta">
          {claim.actorName} · {t.plural('common_mentions', claim.mentions, { count: claim.mentions })}
          {claim.flagged ? <span data-testid="claim-flagged">, {t.plural('popup_flagged', claim.flagged, { count: claim.flagged })}</span> : null}
          {claim.possible ? <span data-testid="claim-possible">, {t.plural('popup_possible', claim.possible, { count: claim.possible })}</span> : null} ·{' '}
          {claim.hiddenByPage ? <span data-testid="claim-hidden-by-page">{t('popup_hiddenByPage')}</span> : <span class="jump">{t('popup_showOnPage')}</span>}
        </span>
      </Item>
      {claim.change && <ChangedNote change={claim.change} />}
    </li>
  );
}

/** A part of a kind's group: its claims that hold, or (`ended`) those that no longer do; or the claims marked as wrong matches. */
function ClaimList({ claims, onJump, part = 'standing' }: { claims: readonly Shown[]; onJump: (claimId: string) => void; part?: 'standing' | 'ended' | 'marked-wrong' }) {
  return (
    <ol class={part === 'standing' ? 'claims' : `claims ${part}`} data-testid={part === 'ended' ? 'claims-ended' : undefined}>
      {claims.map((claim) => (
        <ClaimItem key={claim.claimId} claim={claim} onJump={onJump} />
      ))}
    </ol>
  );
}

function ClaimGroups({ claims, onJump }: { claims: readonly Shown[]; onJump: (claimId: string) => void }) {
  const t = useT();
  return (
    <div data-testid="claim-list">
      {groupByKind(claims).map((group) => {
        const headingId = `group-${group.kind}`;
        const count = group.claims.length + group.ended.length;
        return (
          <section key={group.kind} class={`group group-${group.kind}`} aria-labelledby={headingId} data-testid="claim-group" data-kind={group.kind}>
            <h3 id={headingId}>
              {t.plural(KIND_GROUP_MESSAGE[group.kind], count)} <span class="count">({count})</span>
            </h3>
            {group.claims.length > 0 && <ClaimList claims={group.claims} onJump={onJump} />}
            {group.ended.length > 0 && (
              <>
                <h4 class="ended-heading" data-testid="claims-ended-heading">
                  {t('popup_noLongerHolds')} <span class="count">({group.ended.length})</span>
                </h4>
                <ClaimList claims={group.ended} onJump={onJump} part="ended" />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

const UNAVAILABLE: Readonly<Record<Exclude<UnavailableReason, 'error'>, { title: MessageName; hint: MessageName }>> = {
  'browser-page': { title: 'popup_browserPageTitle', hint: 'popup_browserPageHint' },
  'not-read': { title: 'popup_notReadTitle', hint: 'popup_notReadHint' },
  loading: { title: 'popup_loadingTitle', hint: 'popup_loadingHint' },
};

function PageState({ page, info, host }: { page: PopupPageState; info: ClaimSetInfo | undefined; host: string }) {
  const t = useT();
  if (page.kind === 'loading') return <p role="status">{t('popup_looking')}</p>;
  if (page.kind === 'unavailable') {
    const words =
      page.reason === 'error'
        ? { title: t('popup_errorTitle'), hint: page.detail ?? '' }
        : { title: t(UNAVAILABLE[page.reason].title), hint: t(UNAVAILABLE[page.reason].hint) };
    return (
      <div class="state" data-testid="page-state" data-state={page.reason}>
        <p class="empty" data-testid="empty-state">
          {words.title}
        </p>
        {words.hint && <p class="hint">{words.hint}</p>}
      </div>
    );
  }
  if (!page.enabled) {
    return (
      <div class="state" data-testid="page-state" data-state="off">
        <p class="empty" data-testid="empty-state">
          {t('popup_offTitle')}
        </p>
        <p class="hint">{host ? t('popup_offHintHost', { host }) : t('popup_offHint')}</p>
      </div>
    );
  }
  if (page.claims.length > 0) return null;
  if (page.scanning) return <p class="empty" role="status" data-testid="empty-state">{t('popup_stillReading')}</p>;
  const noPacks = info !== undefined && info.claimCount === 0;
  // The matcher reads English only: on a page in another language "no known claims" read as a broken tool.
  if (!noPacks && page.language !== undefined && page.language !== ENGLISH) {
    return (
      <div class="state" data-testid="page-state" data-state="other-language">
        <p class="empty" data-testid="empty-state">
          {t('popup_otherLanguage', { language: languageName(page.language, t.locale) })}
        </p>
      </div>
    );
  }
  return (
    <div class="state" data-testid="page-state" data-state={noPacks ? 'no-packs' : 'empty'}>
      <p class="empty" data-testid="empty-state">
        {noPacks ? t('popup_noPacksTitle') : t('popup_emptyTitle')}
      </p>
      <p class="hint">{noPacks ? t('popup_noPacksHint') : info ? t('popup_emptyHintCount', { count: info.claimCount }) : t('popup_emptyHint')}</p>
    </div>
  );
}

/** "Claim set: Pledge Lens 2.0.0 (78 claims), published 29 Nov 2026": pack names, not internal ids. */
export function claimSetLine(t: Translator, info: ClaimSetInfo): string {
  const packs = info.packs.filter((pack) => pack.enabled).map((pack) => `${pack.name} ${pack.version}`);
  if (packs.length === 0) return t('popup_claimSetNone');
  const named = { packs: packs.join(' + '), count: info.claimCount };
  return info.publishedAt ? t('popup_claimSetPublished', { ...named, date: formatDayIn(t, info.publishedAt) }) : t('popup_claimSet', named);
}

/** The toolbar popup: what this tab says, and the switch for this site. */
export function PopupView(props: PopupViewProps) {
  const t = useT();
  const { page, siteEnabled, host, info, exportMessage, historyNotice, changes = {}, flagged = {}, changedElsewhere = 0 } = props;
  const claims: Shown[] = page.kind === 'ready' && page.enabled ? page.claims.map((claim) => {
    const change = ownEntry(changes, claim.claimId);
    const wrong = ownEntry(flagged, claim.claimId);
    return { ...claim, ...(change ? { change } : {}), ...(wrong ? { flagged: wrong } : {}) };
  }) : [];
  // A claim whose every mention here the reader marked as a wrong match is not one of the page's (a new user's report
  // 54 saw it counted): it is listed apart, where its "Show on page" and its mark can still be reached.
  const standing = claims.filter(standsOnPage);
  const markedWrong = claims.filter((claim) => !standsOnPage(claim));
  const changed = claims.filter((claim) => claim.change);
  const changedHere = changed.length;
  return (
    <main>
      <header>
        <h1>{t('popup_title')}</h1>
        {host && (
          <label class="switch">
            <input type="checkbox" role="switch" data-testid="site-toggle" checked={siteEnabled} onChange={(event) => props.onToggleSite(event.currentTarget.checked)} />
            <span>{t('popup_highlightOn', { host })}</span>
          </label>
        )}
      </header>
      {/* No claims at all: said above everything, whatever the page shows (claims it listed before the packs went off, an
          off site), unless the page's own empty state says it already (PageState's no-packs). */}
      {info !== undefined && info.claimCount === 0 && !(page.kind === 'ready' && page.enabled && !page.scanning && claims.length === 0) && (
        <p class="notice no-claims" role="status" data-testid="no-claims-notice">
          {t('popup_noClaimsNotice')}{' '}
          <a href="#claim-set" onClick={(event) => { event.preventDefault(); props.onOpenOptions('claim-set'); }}>
            {t('popup_noClaimsLink')}
          </a>
        </p>
      )}
      {changedElsewhere > 0 && (
        <p class="notice changed-elsewhere" data-testid="changed-elsewhere">
          {t.plural('popup_changedElsewhere', changedElsewhere, { count: changedElsewhere })}{' '}
          <a href="#changed" onClick={(event) => { event.preventDefault(); props.onOpenOptions('changed'); }}>
            {t.plural('popup_seeInHistory', changedElsewhere)}
          </a>
        </p>
      )}
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">
          {t('popup_claimsHeading')}{standing.length > 0 && <span class="count"> ({standing.length})</span>}
        </h2>
        {changedHere > 0 && (
          <>
            <p class="changed-summary" data-testid="changed-summary">
              {t.plural('popup_changedHere', changedHere, { count: changedHere })}
            </p>
            {/* Which ones, each a link down to its item and its note (the new user's trial: the line named none). */}
            <ul class="changed-list" data-testid="changed-list">
              {changed.map((claim) => (
                <li key={claim.claimId}>
                  <a href={`#${changedItemId(claim.claimId)}`}>
                    {claim.actorName}: {shortenAtWord(claim.statement, CHANGED_LINE_CHARS)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        <PageState page={page} info={info} host={host} />
        {/* A very long page (a liveblog of months): the list is of its first part only (a new user's report 56 took it for the whole). */}
        {page.kind === 'ready' && page.enabled && page.partlyRead && (
          <p class="notice" role="status" data-testid="partly-read">
            {t('popup_partlyRead')}
          </p>
        )}
        {/* A page that writes "FALSE:" into our highlights gets no card to vouch for its words: the list is where the claims are. */}
        {page.kind === 'ready' && page.enabled && page.cardsRefused && (
          <p class="notice" role="status" data-testid="cards-refused">
            {t('popup_cardsRefused')}
          </p>
        )}
        {standing.length > 0 && <ClaimGroups claims={standing} onJump={props.onJump} />}
        {markedWrong.length > 0 && (
          <section class="group marked-wrong" aria-labelledby="group-marked-wrong" data-testid="claims-marked-wrong">
            <h3 id="group-marked-wrong">
              {t('popup_markedWrong')} <span class="count">({markedWrong.length})</span>
            </h3>
            <ClaimList claims={markedWrong} onJump={props.onJump} part="marked-wrong" />
          </section>
        )}
        {historyNotice && (
          <p class="notice" role="status" data-testid="history-notice">
            {wordHistoryNotice(t, historyNotice)}
          </p>
        )}
      </section>
      {claims.length > 0 && (
        <section aria-labelledby="export-heading" class="export">
          <h2 id="export-heading">{t('popup_exportHeading')}</h2>
          <div class="buttons">
            {EXPORT_FORMAT_IDS.map((format) => (
              <button key={format} type="button" data-testid={`export-${format}`} onClick={() => props.onExport(format)}>
                {EXPORT_FORMATS[format].shortLabel}
              </button>
            ))}
          </div>
          <p role="status" class="meta" data-testid="export-message">
            {exportMessage}
          </p>
        </section>
      )}
      <footer>
        <nav aria-label={t('popup_moreLinks')} class="links">
          <a href={props.legendUrl} data-testid="legend-link" onClick={(event) => { event.preventDefault(); props.onOpenLegend(); }}>
            {t('common_legendLink')}
          </a>
          <a href="#options" data-testid="options-link" onClick={(event) => { event.preventDefault(); props.onOpenOptions(); }}>
            {t('popup_optionsLink')}
          </a>
        </nav>
        {info && (
          <p class="meta" data-testid="claim-set-version">
            {claimSetLine(t, info)}
            {info.stale && <strong class="warn"> {t('popup_stale')}</strong>}
          </p>
        )}
      </footer>
    </main>
  );
}
