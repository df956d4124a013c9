import { formatDay, KIND_LABEL, statusWithDate } from '@/lib/format/claim-labels';
import { changeDetail, changeSource, CHANGED_HEADLINE } from '@/lib/format/change-labels';
import type { ClaimChange } from '@/lib/claims/claim-changes';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import type { ClaimKind, ClaimStatus } from '@/lib/claims/schema';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat } from '@/lib/annotations/export-formats';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';

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
  | { kind: 'ready'; enabled: boolean; scanning: boolean; claims: PageClaimSummary[] };

export interface PopupViewProps {
  page: PopupPageState;
  siteEnabled: boolean;
  host: string;
  info: ClaimSetInfo | undefined;
  /** "Changed since you read it", by claim id, for claims on this page. */
  changes?: Readonly<Record<string, ClaimChange>>;
  /** Claims read elsewhere whose change the reader has not seen (not on this page). */
  changedElsewhere?: number;
  exportMessage: string;
  /** Why this page's mentions are not (all) saved in the history (a limit, a full disk). */
  historyNotice?: string;
  /** The legend page ("What do these labels mean?"). */
  legendUrl: string;
  onToggleSite: (enabled: boolean) => void;
  onJump: (claimId: string) => void;
  onExport: (format: ExportFormat) => void;
  /** Opens the options page; `changed` opens its history filtered to changed claims. */
  onOpenOptions: (view?: 'changed') => void;
  onOpenLegend: () => void;
}

const KIND_GROUP_LABEL: Readonly<Record<ClaimKind, [one: string, many: string]>> = {
  'binding-commitment': ['Binding commitment', 'Binding commitments'],
  'announced-target': ['Announced target', 'Announced targets'],
  'no-commitment': ['No commitment', 'No commitments'],
};

/** What a status tells a reader at a glance: still holds, ended, or in question. */
function statusTone(status: ClaimStatus): 'holds' | 'ended' | 'questioned' {
  if (status === 'withdrawn' || status === 'superseded' || status === 'lapsed' || status === 'declined') return 'ended';
  if (status === 'disputed' || status === 'modified' || status === 'partly-fulfilled') return 'questioned';
  return 'holds';
}

interface Shown extends PageClaimSummary {
  change?: ClaimChange;
}

/**
 * The page's claims grouped by kind. Groups come in the order their first claim appears on the page,
 * claims in reading order within a group, so the headline claim is always at the top.
 */
export function groupByKind(claims: readonly Shown[]): Array<{ kind: ClaimKind; claims: Shown[] }> {
  const groups = new Map<ClaimKind, Shown[]>();
  for (const claim of claims) {
    const kind = claim.change?.now.kind ?? claim.kind;
    let group = groups.get(kind);
    if (!group) groups.set(kind, (group = []));
    group.push(claim);
  }
  return [...groups].map(([kind, list]) => ({ kind, claims: list }));
}

function ChangedNote({ change }: { change: ClaimChange }) {
  return (
    <p class="changed" data-testid="claim-changed">
      <strong>
        {CHANGED_HEADLINE}
        {change.unseen && <span class="new"> (new)</span>}:
      </strong>{' '}
      {changeDetail(change)}.<span class="source"> {changeSource(change)}.</span>
    </p>
  );
}

function ClaimItem({ claim, onJump }: { claim: Shown; onJump: (claimId: string) => void }) {
  // The page was matched before the update: what holds now is the change's new state.
  const kind = claim.change?.now.kind ?? claim.kind;
  const status = claim.change?.now.status ?? claim.status;
  const statusDate = claim.change?.now.statusDate ?? claim.statusDate;
  return (
    <li class={claim.change ? 'has-change' : undefined}>
      <button type="button" class={`claim kind-${kind}`} data-testid="claim-item" data-claim-id={claim.claimId} onClick={() => onJump(claim.claimId)}>
        <span class="verdict">
          <span class={`badge badge-${kind}`}>{KIND_LABEL[kind]}</span>
          <span class={`status status-${statusTone(status)}`} data-testid="claim-status">
            {statusWithDate(status, statusDate)}
          </span>
        </span>
        <span class="statement">{claim.statement}</span>
        <span class="meta">
          {claim.actorName} · {claim.mentions} {claim.mentions === 1 ? 'mention' : 'mentions'} · <span class="jump">Show on page</span>
        </span>
      </button>
      {claim.change && <ChangedNote change={claim.change} />}
    </li>
  );
}

function ClaimGroups({ claims, onJump }: { claims: readonly Shown[]; onJump: (claimId: string) => void }) {
  return (
    <div data-testid="claim-list">
      {groupByKind(claims).map((group) => {
        const [one, many] = KIND_GROUP_LABEL[group.kind];
        const headingId = `group-${group.kind}`;
        return (
          <section key={group.kind} class={`group group-${group.kind}`} aria-labelledby={headingId} data-testid="claim-group" data-kind={group.kind}>
            <h3 id={headingId}>
              {group.claims.length === 1 ? one : many} <span class="count">({group.claims.length})</span>
            </h3>
            <ol class="claims">
              {group.claims.map((claim) => (
                <ClaimItem key={claim.claimId} claim={claim} onJump={onJump} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

const UNAVAILABLE: Readonly<Record<Exclude<UnavailableReason, 'error'>, { title: string; hint: string }>> = {
  'browser-page': {
    title: 'Pledge Lens can’t read this page.',
    hint: 'Browser pages, extension stores and built-in viewers are closed to every extension. Open a news article to see the claims in it.',
  },
  'not-read': {
    title: 'Pledge Lens hasn’t read this page.',
    hint: 'If it is a web page, reload it: pages opened before Pledge Lens was installed or updated need a reload. If its site is switched off, switch it on in the options page (Sites). Browser pages and extension stores are closed to extensions.',
  },
  loading: { title: 'This page is still loading…', hint: 'Its claims appear here when it has loaded.' },
};

function PageState({ page, info, host }: { page: PopupPageState; info: ClaimSetInfo | undefined; host: string }) {
  if (page.kind === 'loading') return <p role="status">Looking at this page…</p>;
  if (page.kind === 'unavailable') {
    const words = page.reason === 'error' ? { title: 'Pledge Lens could not look at this page.', hint: page.detail ?? '' } : UNAVAILABLE[page.reason];
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
          Highlighting is off on this site.
        </p>
        <p class="hint">{host ? `Switch “Highlight on ${host}” on, above, to see the claims on this page.` : 'Switch it on in the options page (Sites).'}</p>
      </div>
    );
  }
  if (page.claims.length > 0) return null;
  if (page.scanning) return <p class="empty" role="status" data-testid="empty-state">Still reading this page…</p>;
  const noPacks = info !== undefined && info.claimCount === 0;
  return (
    <div class="state" data-testid="page-state" data-state={noPacks ? 'no-packs' : 'empty'}>
      <p class="empty" data-testid="empty-state">
        {noPacks ? 'No known claims on this page: no claim pack is switched on, so Pledge Lens has nothing to look for.' : 'No known claims on this page.'}
      </p>
      <p class="hint">
        {noPacks
          ? 'Switch a pack on in the options page (Claim set).'
          : `Pledge Lens looks for ${info ? `the ${info.claimCount} ` : ''}AI-safety claims in its claim set and highlights them wherever news mentions them.`}
      </p>
    </div>
  );
}

/** "Claim set: Pledge Lens 2.0.0 (78 claims), published 29 Nov 2026": pack names, not internal ids. */
export function claimSetLine(info: ClaimSetInfo): string {
  const packs = info.packs.filter((pack) => pack.enabled).map((pack) => `${pack.name} ${pack.version}`);
  if (packs.length === 0) return 'Claim set in use: none (no pack is switched on).';
  return `Claim set in use: ${packs.join(' + ')} (${info.claimCount} claims)${info.publishedAt ? `, published ${formatDay(info.publishedAt)}` : ''}.`;
}

/** The toolbar popup: what this tab says, and the switch for this site. */
export function PopupView(props: PopupViewProps) {
  const { page, siteEnabled, host, info, exportMessage, historyNotice, changes = {}, changedElsewhere = 0 } = props;
  const claims: Shown[] = page.kind === 'ready' && page.enabled ? page.claims.map((claim) => ({ ...claim, ...(changes[claim.claimId] ? { change: changes[claim.claimId] } : {}) })) : [];
  const changedHere = claims.filter((claim) => claim.change).length;
  return (
    <main>
      <header>
        <h1>Pledge Lens</h1>
        {host && (
          <label class="switch">
            <input type="checkbox" role="switch" data-testid="site-toggle" checked={siteEnabled} onChange={(event) => props.onToggleSite(event.currentTarget.checked)} />
            <span>Highlight on {host}</span>
          </label>
        )}
      </header>
      {changedElsewhere > 0 && (
        <p class="notice changed-elsewhere" data-testid="changed-elsewhere">
          {changedElsewhere === 1 ? 'A claim you read about elsewhere has changed since.' : `${changedElsewhere} claims you read about elsewhere have changed since.`}{' '}
          <a href="#changed" onClick={(event) => { event.preventDefault(); props.onOpenOptions('changed'); }}>
            See {changedElsewhere === 1 ? 'it' : 'them'} in your history
          </a>
        </p>
      )}
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">
          Claims on this page{claims.length > 0 && <span class="count"> ({claims.length})</span>}
        </h2>
        {changedHere > 0 && (
          <p class="changed-summary" data-testid="changed-summary">
            {changedHere === 1 ? '1 claim here has changed since you read it.' : `${changedHere} claims here have changed since you read them.`}
          </p>
        )}
        <PageState page={page} info={info} host={host} />
        {claims.length > 0 && <ClaimGroups claims={claims} onJump={props.onJump} />}
        {historyNotice && (
          <p class="notice" role="status" data-testid="history-notice">
            {historyNotice}
          </p>
        )}
      </section>
      {claims.length > 0 && (
        <section aria-labelledby="export-heading" class="export">
          <h2 id="export-heading">Export this page</h2>
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
        <nav aria-label="More" class="links">
          <a href={props.legendUrl} data-testid="legend-link" onClick={(event) => { event.preventDefault(); props.onOpenLegend(); }}>
            What do these labels mean?
          </a>
          <a href="#options" data-testid="options-link" onClick={(event) => { event.preventDefault(); props.onOpenOptions(); }}>
            Options and history
          </a>
        </nav>
        {info && (
          <p class="meta" data-testid="claim-set-version">
            {claimSetLine(info)}
            {info.stale && <strong class="warn"> Over 90 days old: check for an update.</strong>}
          </p>
        )}
      </footer>
    </main>
  );
}
