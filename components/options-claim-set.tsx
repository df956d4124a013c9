import type { ClaimSetInfo, PackSummary } from '@/lib/claims/claim-set-info';
import { MAX_PACK_NAME_LENGTH, MAX_PACK_TEXT } from '@/lib/messages/extension-page-to-background';
import type { Result } from '@/lib/messages/message-map';
import { ClaimPackList, type Outcome } from './claim-pack-list';
import { OptionsFileImport } from './options-file-import';
import { useT } from './i18n';
import { formatUtcDay } from './options-format';
import type { Translator } from '@/lib/i18n/translator';

export interface OptionsClaimSetProps {
  /** Undefined while loading. */
  info: ClaimSetInfo | undefined;
  error?: string;
  onSetEnabled: (packId: string, enabled: boolean) => void | Promise<void>;
  onRemove: (packId: string) => Promise<Outcome>;
  onImportPack: (name: string, text: string) => Promise<Result<{ pack: PackSummary }>>;
}

function ageText(t: Translator, days: number): string {
  return days === 0 ? t('claimSet_publishedToday') : days === 1 ? t('claimSet_publishedYesterday') : t('claimSet_publishedDaysAgo', { days });
}

/** Section 2 of the options page: which claim data is in use, how old it is, and the packs behind it. */
export function OptionsClaimSet({ info, error, onSetEnabled, onRemove, onImportPack }: OptionsClaimSetProps) {
  const t = useT();
  return (
    <section class="panel" aria-labelledby="claim-set-heading" data-testid="claim-set-section">
      <h2 id="claim-set-heading">{t('claimSet_title')}</h2>
      <p class="intro">{t('claimSet_intro')}</p>
      {error && (
        <p class="result error" role="alert" data-testid="claim-set-error">
          {error}
        </p>
      )}
      {!info && !error && <p role="status">{t('common_loading')}</p>}
      {info && (
        <>
          <dl class="summary" data-testid="claim-set-summary">
            <div>
              <dt>{t('claimSet_version')}</dt>
              <dd data-testid="claim-set-version">{info.version}</dd>
            </div>
            {info.publishedAt !== undefined && info.ageDays !== undefined ? (
              <>
                <div>
                  <dt>{t('claimSet_published')}</dt>
                  <dd>
                    <time dateTime={info.publishedAt}>{formatUtcDay(t, info.publishedAt)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('claimSet_age')}</dt>
                  <dd class={info.stale ? 'stale' : undefined} data-testid="claim-set-age">
                    {ageText(t, info.ageDays)}
                  </dd>
                </div>
              </>
            ) : (
              <div>
                <dt>{t('claimSet_published')}</dt>
                <dd data-testid="claim-set-age">{t('claimSet_noPack')}</dd>
              </div>
            )}
            <div>
              <dt>{t('claimSet_inUse')}</dt>
              <dd data-testid="claim-set-count">{info.claimCount}</dd>
            </div>
          </dl>
          {info.claimCount === 0 && (
            <p class="warning" role="status" data-testid="no-claims-warning">
              {t('claimSet_noClaimsWarning')}
            </p>
          )}
          {info.stale && (
            <p class="warning" data-testid="stale-warning">
              <strong>{t('claimSet_staleLabel')}</strong> {t.plural('claimSet_stale', info.ageDays ?? 0, { count: info.ageDays ?? 0 })}
            </p>
          )}
          <h3>{t('claimSet_packs')}</h3>
          <ClaimPackList packs={info.packs} onSetEnabled={onSetEnabled} onRemove={onRemove} />
        </>
      )}
      <h3>{t('claimSet_importTitle')}</h3>
      <OptionsFileImport
        label={t('claimSet_importLabel')}
        hint={t('claimSet_importHint')}
        accept=".json,application/json"
        maxChars={MAX_PACK_TEXT}
        inputTestId="pack-import-input"
        resultTestId="pack-import-result"
        onImport={async ({ name, text }) => {
          const result = await onImportPack(name.slice(0, MAX_PACK_NAME_LENGTH) || t('claimSet_importedName'), text);
          return result.ok
            ? { ok: true, message: t('claimSet_added', { name: result.pack.name, claims: t.plural('common_claims', result.pack.claimCount, { count: result.pack.claimCount }), version: result.pack.version }) }
            : { ok: false, error: result.error };
        }}
      />
    </section>
  );
}
