import { useId, useState } from 'preact/hooks';
import type { PackSummary } from '@/lib/claims/claim-set-info';
import { ConfirmButton } from './confirm-button';
import type { MessageName } from '@/lib/i18n/translator';
import { Rich, useT } from './i18n';
import { formatUtcDay } from './options-format';

export type Outcome = { ok: true } | { ok: false; error: string };

export const PACK_SOURCE_LABEL: Readonly<Record<PackSummary['source'], MessageName>> = {
  bundled: 'packs_sourceBundled',
  feed: 'packs_sourceFeed',
  file: 'packs_sourceFile',
};

export interface ClaimPackListProps {
  packs: readonly PackSummary[];
  onSetEnabled: (packId: string, enabled: boolean) => void | Promise<void>;
  onRemove: (packId: string) => Promise<Outcome>;
}

function PackRow({ pack, onSetEnabled, onRemove }: { pack: PackSummary; onSetEnabled: ClaimPackListProps['onSetEnabled']; onRemove: (pack: PackSummary) => Promise<void> }) {
  const t = useT();
  const nameId = `${useId()}-name`;
  // The version and date keep their own elements (tests and screen readers find them): they go into the
  // translated line as empty tags that Rich draws. (Control-character markers did not survive the
  // browser's i18n.getMessage: the row read "published ▯ · 78 claims2.0.029 Nov 2026".)
  const meta = t('packs_meta', { source: t(PACK_SOURCE_LABEL[pack.source]), version: '<version></version>', date: '<date></date>', claims: t.plural('common_claims', pack.claimCount, { count: pack.claimCount }) });
  return (
    <tr data-testid="pack-row" data-pack-id={pack.id} class={pack.enabled ? undefined : 'disabled'}>
      <th scope="row">
        <span id={nameId} class="pack-name" data-testid="pack-name">
          {pack.name}
        </span>
        {/* Source, version, date and size in one line under the name: the table then fits a 360 px screen. */}
        <span class="pack-meta">
          <Rich
            text={meta}
            tags={{
              version: () => <span data-testid="pack-version">{pack.version}</span>,
              date: () => <time dateTime={pack.publishedAt}>{formatUtcDay(t, pack.publishedAt)}</time>,
            }}
          />
        </span>
      </th>
      <td>
        <label class="switch">
          <input type="checkbox" role="switch" checked={pack.enabled} data-testid="pack-toggle" onChange={(event) => onSetEnabled(pack.id, event.currentTarget.checked)} />
          <span class="visually-hidden">{t('packs_use', { name: pack.name })}</span>
        </label>
      </td>
      <td>
        {pack.source === 'bundled' ? (
          <span class="muted">{t('packs_builtInHint')}</span>
        ) : (
          <ConfirmButton label={t('packs_remove')} confirmLabel={t('packs_confirmRemove')} describedBy={nameId} testId="pack-remove" confirmTestId="pack-remove-confirm" onConfirm={() => onRemove(pack)} />
        )}
      </td>
    </tr>
  );
}

/** The claim packs in use, each with an on/off switch; packs the user added can be removed. */
export function ClaimPackList({ packs, onSetEnabled, onRemove }: ClaimPackListProps) {
  const t = useT();
  const [removeError, setRemoveError] = useState<string | undefined>();
  const remove = async (pack: PackSummary) => {
    setRemoveError(undefined);
    const outcome = await onRemove(pack.id);
    if (!outcome.ok) setRemoveError(t('packs_removeFailed', { name: pack.name, error: outcome.error }));
  };
  return (
    <>
      <div class="table-wrap">
        <table class="packs" data-testid="pack-list">
          <caption class="visually-hidden">{t('packs_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('packs_pack')}</th>
              <th scope="col">{t('packs_inUse')}</th>
              <th scope="col">{t('packs_actions')}</th>
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
