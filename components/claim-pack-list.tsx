import { useId, useState } from 'preact/hooks';
import type { PackSummary } from '@/lib/claims/claim-set-info';
import { ConfirmButton } from './confirm-button';
import { formatUtcDay, plural } from './options-format';

export type Outcome = { ok: true } | { ok: false; error: string };

export const PACK_SOURCE_LABEL: Readonly<Record<PackSummary['source'], string>> = {
  bundled: 'Built in',
  feed: 'Claim feed',
  file: 'Imported file',
};

export interface ClaimPackListProps {
  packs: readonly PackSummary[];
  onSetEnabled: (packId: string, enabled: boolean) => void | Promise<void>;
  onRemove: (packId: string) => Promise<Outcome>;
}

function PackRow({ pack, onSetEnabled, onRemove }: { pack: PackSummary; onSetEnabled: ClaimPackListProps['onSetEnabled']; onRemove: (pack: PackSummary) => Promise<void> }) {
  const nameId = `${useId()}-name`;
  return (
    <tr data-testid="pack-row" data-pack-id={pack.id} class={pack.enabled ? undefined : 'disabled'}>
      <th scope="row">
        <span id={nameId} class="pack-name" data-testid="pack-name">
          {pack.name}
        </span>
        {/* Source, version, date and size in one line under the name: the table then fits a 360 px screen. */}
        <span class="pack-meta">
          {PACK_SOURCE_LABEL[pack.source]} · version <span data-testid="pack-version">{pack.version}</span> · published{' '}
          <time dateTime={pack.publishedAt}>{formatUtcDay(pack.publishedAt)}</time> · {plural(pack.claimCount, 'claim')}
        </span>
      </th>
      <td>
        <label class="switch">
          <input type="checkbox" role="switch" checked={pack.enabled} data-testid="pack-toggle" onChange={(event) => onSetEnabled(pack.id, event.currentTarget.checked)} />
          <span class="visually-hidden">Use {pack.name}</span>
        </label>
      </td>
      <td>
        {pack.source === 'bundled' ? (
          <span class="muted">Built in: switch it off instead</span>
        ) : (
          <ConfirmButton label="Remove" confirmLabel="Confirm remove" describedBy={nameId} testId="pack-remove" confirmTestId="pack-remove-confirm" onConfirm={() => onRemove(pack)} />
        )}
      </td>
    </tr>
  );
}

/** The claim packs in use, each with an on/off switch; packs the user added can be removed. */
export function ClaimPackList({ packs, onSetEnabled, onRemove }: ClaimPackListProps) {
  const [removeError, setRemoveError] = useState<string | undefined>();
  const remove = async (pack: PackSummary) => {
    setRemoveError(undefined);
    const outcome = await onRemove(pack.id);
    if (!outcome.ok) setRemoveError(`Could not remove “${pack.name}”: ${outcome.error}`);
  };
  return (
    <>
      <div class="table-wrap">
        <table class="packs" data-testid="pack-list">
          <caption class="visually-hidden">Claim packs</caption>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">In use</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <PackRow key={pack.id} pack={pack} onSetEnabled={onSetEnabled} onRemove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      {removeError && (
        <p class="result error" role="alert" data-testid="pack-remove-error">
          {removeError}
        </p>
      )}
    </>
  );
}
