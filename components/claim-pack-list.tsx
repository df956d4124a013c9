import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
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

/**
 * Whether switching `pack` off would leave no claims in use: no other switched-on pack holds any. (The
 * count is each pack's own; packs overlap, so the merged set may be smaller, never empty while one is.)
 */
export function lastPackWithClaims(packs: readonly PackSummary[], pack: PackSummary): boolean {
  return pack.enabled && pack.claimCount > 0 && !packs.some((other) => other.id !== pack.id && other.enabled && other.claimCount > 0);
}

/**
 * Asked before the last pack with claims goes off: without it the reader was left with 0 claims and no
 * word of it (a new user's report). Focus moves to "Keep it on"; either answer hands it back to the switch.
 */
function LastPackWarning({ pack, onConfirm, onCancel }: { pack: PackSummary; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const keep = useRef<HTMLButtonElement>(null);
  // (Before the browser paints: a keyboard user's next key must not still go to the switch.)
  useLayoutEffect(() => keep.current?.focus(), []);
  return (
    <div class="warning last-pack" role="alertdialog" aria-labelledby="last-pack-warning" data-testid="last-pack-warning">
      <p id="last-pack-warning">{t('packs_lastOffWarning', { name: pack.name })}</p>
      <div class="buttons">
        <button type="button" ref={keep} data-testid="last-pack-keep" onClick={onCancel}>
          {t('packs_lastOffCancel')}
        </button>
        <button type="button" class="danger" data-testid="last-pack-confirm" onClick={onConfirm}>
          {t('packs_lastOffConfirm')}
        </button>
      </div>
    </div>
  );
}

function PackRow({ pack, onToggle, onRemove }: { pack: PackSummary; onToggle: (pack: PackSummary, enabled: boolean, input: HTMLInputElement) => void; onRemove: (pack: PackSummary) => Promise<void> }) {
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
          <input type="checkbox" role="switch" checked={pack.enabled} data-testid="pack-toggle" onChange={(event) => onToggle(pack, event.currentTarget.checked, event.currentTarget)} />
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
  /** The pack the reader asked to switch off, held for confirmation, and its switch (focus goes back there). */
  const [pending, setPending] = useState<{ pack: PackSummary; input: HTMLInputElement }>();
  const toggle = (pack: PackSummary, enabled: boolean, input: HTMLInputElement) => {
    if (!enabled && lastPackWithClaims(packs, pack)) {
      // The switch stays on until the reader confirms.
      input.checked = true;
      setPending({ pack, input });
      return;
    }
    setPending(undefined);
    void onSetEnabled(pack.id, enabled);
  };
  const answer = (switchOff: boolean) => {
    if (!pending) return;
    setPending(undefined);
    if (switchOff) void onSetEnabled(pending.pack.id, false);
    pending.input.focus();
  };
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
              <PackRow key={pack.id} pack={pack} onToggle={toggle} onRemove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      {pending && <LastPackWarning pack={pending.pack} onConfirm={() => answer(true)} onCancel={() => answer(false)} />}
      {removeError && (
        <p class="result error" role="alert" data-testid="pack-remove-error">
          {removeError}
        </p>
      )}
    </>
  );
}
