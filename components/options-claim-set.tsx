import type { ClaimSetInfo, PackSummary, Result } from '@/lib/messages/protocol';
import { ClaimPackList, type Outcome } from './claim-pack-list';
import { OptionsFileImport } from './options-file-import';
import { formatUtcDay, plural } from './options-format';

/** The import request's bounds (see the protocol): longer names are cut, larger files refused. */
export const MAX_PACK_FILE_CHARS = 10_000_000;
const MAX_PACK_NAME = 200;

export interface OptionsClaimSetProps {
  /** Undefined while loading. */
  info: ClaimSetInfo | undefined;
  error?: string;
  onSetEnabled: (packId: string, enabled: boolean) => void | Promise<void>;
  onRemove: (packId: string) => Promise<Outcome>;
  onImportPack: (name: string, text: string) => Promise<Result<{ pack: PackSummary }>>;
}

function ageText(days: number): string {
  return days === 0 ? 'Published today' : days === 1 ? 'Published yesterday' : `Published ${days} days ago`;
}

/** Section 2 of the options page: which claim data is in use, how old it is, and the packs behind it. */
export function OptionsClaimSet({ info, error, onSetEnabled, onRemove, onImportPack }: OptionsClaimSetProps) {
  return (
    <section class="panel" aria-labelledby="claim-set-heading" data-testid="claim-set-section">
      <h2 id="claim-set-heading">Claim set</h2>
      <p class="intro">The claims Pledge Lens looks for. Packs are merged; when two packs hold the same claim, the newer one wins.</p>
      {error && (
        <p class="result error" role="alert" data-testid="claim-set-error">
          {error}
        </p>
      )}
      {!info && !error && <p role="status">Loading…</p>}
      {info && (
        <>
          <dl class="summary" data-testid="claim-set-summary">
            <div>
              <dt>Version</dt>
              <dd data-testid="claim-set-version">{info.version}</dd>
            </div>
            <div>
              <dt>Published</dt>
              <dd>
                <time dateTime={info.publishedAt}>{formatUtcDay(info.publishedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Age</dt>
              <dd class={info.stale ? 'stale' : undefined} data-testid="claim-set-age">
                {ageText(info.ageDays)}
              </dd>
            </div>
            <div>
              <dt>Claims in use</dt>
              <dd data-testid="claim-set-count">{info.claimCount}</dd>
            </div>
          </dl>
          {info.stale && (
            <p class="warning" data-testid="stale-warning">
              <strong>Out of date:</strong> this claim set is {plural(info.ageDays, 'day')} old, and company policies may have changed since. Update the claim feed below or
              import a newer pack.
            </p>
          )}
          <h3>Packs</h3>
          <ClaimPackList packs={info.packs} onSetEnabled={onSetEnabled} onRemove={onRemove} />
        </>
      )}
      <h3>Import a claim pack</h3>
      <OptionsFileImport
        label="Claim pack file"
        hint="A claim set file (.json) in the Pledge Lens format. It is checked before anything is stored."
        accept=".json,application/json"
        maxChars={MAX_PACK_FILE_CHARS}
        inputTestId="pack-import-input"
        resultTestId="pack-import-result"
        onImport={async ({ name, text }) => {
          const result = await onImportPack(name.slice(0, MAX_PACK_NAME) || 'Imported pack', text);
          return result.ok
            ? { ok: true, message: `Added “${result.pack.name}”: ${plural(result.pack.claimCount, 'claim')}, version ${result.pack.version}.` }
            : { ok: false, error: result.error };
        }}
      />
    </section>
  );
}
