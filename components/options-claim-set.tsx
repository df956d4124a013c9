import type { ClaimSetInfo, PackSummary } from '@/lib/claims/claim-set-info';
import { MAX_PACK_NAME_LENGTH, MAX_PACK_TEXT } from '@/lib/messages/extension-page-to-background';
import type { Result } from '@/lib/messages/message-map';
import { ClaimPackList, type Outcome } from './claim-pack-list';
import { OptionsFileImport } from './options-file-import';
import { formatUtcDay, plural } from './options-format';

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
            {info.publishedAt !== undefined && info.ageDays !== undefined ? (
              <>
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
              </>
            ) : (
              <div>
                <dt>Published</dt>
                <dd data-testid="claim-set-age">No pack is switched on, so no claims are highlighted.</dd>
              </div>
            )}
            <div>
              <dt>Claims in use</dt>
              <dd data-testid="claim-set-count">{info.claimCount}</dd>
            </div>
          </dl>
          {info.stale && (
            <p class="warning" data-testid="stale-warning">
              <strong>Out of date:</strong> this claim set is {plural(info.ageDays ?? 0, 'day')} old, and company policies may have changed since. Update the claim feed below or
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
        maxChars={MAX_PACK_TEXT}
        inputTestId="pack-import-input"
        resultTestId="pack-import-result"
        onImport={async ({ name, text }) => {
          const result = await onImportPack(name.slice(0, MAX_PACK_NAME_LENGTH) || 'Imported pack', text);
          return result.ok
            ? { ok: true, message: `Added “${result.pack.name}”: ${plural(result.pack.claimCount, 'claim')}, version ${result.pack.version}.` }
            : { ok: false, error: result.error };
        }}
      />
    </section>
  );
}
