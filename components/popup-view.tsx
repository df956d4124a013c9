import { KIND_LABEL, statusWithDate } from '@/lib/format/claim-labels';
import type { ClaimSetInfo } from '@/lib/claims/claim-set-info';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormat } from '@/lib/annotations/export-formats';
import type { PageClaimSummary } from '@/lib/frames/tab-frames';

export type PopupPageState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; enabled: boolean; scanning: boolean; claims: PageClaimSummary[] };

export interface PopupViewProps {
  page: PopupPageState;
  siteEnabled: boolean;
  host: string;
  info: ClaimSetInfo | undefined;
  exportMessage: string;
  /** Why this page's mentions are not (all) saved in the history (a limit, a full disk). */
  historyNotice?: string;
  onToggleSite: (enabled: boolean) => void;
  onJump: (claimId: string) => void;
  onExport: (format: ExportFormat) => void;
  onOpenOptions: () => void;
}

function ClaimList({ claims, onJump }: { claims: PageClaimSummary[]; onJump: (claimId: string) => void }) {
  return (
    <ul class="claims" data-testid="claim-list">
      {claims.map((claim) => (
        <li key={claim.claimId}>
          <button type="button" class={`claim kind-${claim.kind}`} data-testid="claim-item" data-claim-id={claim.claimId} onClick={() => onJump(claim.claimId)}>
            <span class={`badge badge-${claim.kind}`}>{KIND_LABEL[claim.kind]}</span>
            <span class="statement">{claim.statement}</span>
            <span class="meta">
              {statusWithDate(claim.status, claim.statusDate)} · {claim.actorName} · {claim.mentions} {claim.mentions === 1 ? 'mention' : 'mentions'}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The toolbar popup: what this tab says, and the switch for this site. */
export function PopupView({ page, siteEnabled, host, info, exportMessage, historyNotice, onToggleSite, onJump, onExport, onOpenOptions }: PopupViewProps) {
  const claims = page.kind === 'ready' ? page.claims : [];
  return (
    <main>
      <header>
        <h1>Pledge Lens</h1>
        {host && (
          <label class="switch">
            <input type="checkbox" role="switch" data-testid="site-toggle" checked={siteEnabled} onChange={(event) => onToggleSite(event.currentTarget.checked)} />
            Highlight on {host}
          </label>
        )}
      </header>
      <section aria-labelledby="found-heading">
        <h2 id="found-heading">Claims on this page</h2>
        {page.kind === 'loading' && <p role="status">Looking at this page…</p>}
        {page.kind === 'unavailable' && <p class="empty" data-testid="empty-state">{page.reason}</p>}
        {page.kind === 'ready' && !page.enabled && <p class="empty" data-testid="empty-state">Highlighting is off on this site.</p>}
        {page.kind === 'ready' && page.enabled && claims.length === 0 && (
          <p class="empty" data-testid="empty-state">
            {page.scanning ? 'Still reading this page…' : 'No known claims on this page. Pledge Lens only highlights claims in its claim set.'}
          </p>
        )}
        {claims.length > 0 && <ClaimList claims={claims} onJump={onJump} />}
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
              <button key={format} type="button" data-testid={`export-${format}`} onClick={() => onExport(format)}>
                {EXPORT_FORMATS[format].shortLabel}
              </button>
            ))}
          </div>
          <p role="status" class="meta">{exportMessage}</p>
        </section>
      )}
      <footer>
        {info && (
          <p class="meta" data-testid="claim-set-version">
            Claim set {info.version}
            {info.publishedAt ? `, published ${info.publishedAt}` : ''} ({info.claimCount} claims)
            {info.stale && <strong class="warn"> · over 90 days old: check for an update</strong>}
          </p>
        )}
        <button type="button" class="link" onClick={onOpenOptions}>History, export and claim sets…</button>
      </footer>
    </main>
  );
}
