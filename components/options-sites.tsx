import { useId, useLayoutEffect, useState } from 'preact/hooks';
import type { Result } from '@/lib/messages/message-map';
import type { SiteSettings } from '@/lib/sites/site-settings';
import { useT } from './i18n';
import { ResultMessage } from './result-message';

export interface OptionsSitesProps {
  /** Undefined while loading. */
  settings: SiteSettings | undefined;
  onSave: (settings: SiteSettings) => Promise<Result<{ settings: SiteSettings }>>;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * One site list under the mode that uses it. The other mode's list is disabled, not hidden, and says
 * why: each mode reads only its own list (lib/sites/site-settings.ts), and a reader who saw an allow
 * list beside "every site" took it for one that still applied. Its entries are kept for a switch back.
 */
function SiteList(props: { id: string; label: string; hint: string; value: string; inUse: boolean; testId: string; rows: number; onInput: (value: string) => void }) {
  return (
    <div class={`site-list${props.inUse ? '' : ' unused'}`} data-testid={`${props.testId}-field`}>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        data-testid={props.testId}
        rows={props.rows}
        value={props.value}
        disabled={!props.inUse}
        aria-describedby={`${props.id}-hint`}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <p class="hint" id={`${props.id}-hint`} data-testid={`${props.testId}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

/**
 * Where Pledge Lens runs: everywhere except the sites switched off in the popup, or only on a list
 * the reader keeps. Either way the content script asks before reading a page. Each list sits under
 * the choice that uses it.
 */
export function OptionsSites({ settings, onSave }: OptionsSitesProps) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<SiteSettings['siteMode']>('all-sites');
  const [allowed, setAllowed] = useState('');
  const [disabled, setDisabled] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  // Follows the stored settings when they arrive or change. A layout effect runs as the change is drawn; a
  // plain effect would run after paint, when the lists may already hold what the reader typed, and wipe it.
  useLayoutEffect(() => {
    if (!settings) return;
    setMode(settings.siteMode);
    setAllowed(settings.allowedSites.join('\n'));
    setDisabled(settings.disabledSites.join('\n'));
  }, [settings]);
  const everySite = mode === 'all-sites';

  return (
    <section aria-labelledby="sites-heading" class="panel" data-testid="sites-section">
      <h2 id="sites-heading">{t('sites_title')}</h2>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await onSave({ siteMode: mode, allowedSites: lines(allowed), disabledSites: lines(disabled) });
          setMessage(result.ok ? { ok: true, text: t('sites_saved') } : { ok: false, text: result.error });
        }}
      >
        <fieldset class="site-modes">
          <legend>{t('sites_where')}</legend>
          <div class="site-mode">
            <label class="radio">
              <input type="radio" name={`${id}-site-mode`} value="all-sites" data-testid="site-mode-all" checked={everySite} onChange={() => setMode('all-sites')} />
              {t('sites_allSites')}
            </label>
            <SiteList
              id={`${id}-disabled`}
              label={t('sites_disabled')}
              hint={everySite ? t('sites_disabledHint') : t('sites_disabledUnused')}
              value={disabled}
              inUse={everySite}
              testId="disabled-sites"
              rows={3}
              onInput={setDisabled}
            />
          </div>
          <div class="site-mode">
            <label class="radio">
              <input type="radio" name={`${id}-site-mode`} value="allow-list" data-testid="site-mode-allow" checked={!everySite} onChange={() => setMode('allow-list')} />
              {t('sites_allowList')}
            </label>
            <SiteList
              id={`${id}-allowed`}
              label={t('sites_allowed')}
              hint={everySite ? t('sites_allowedUnused') : t('sites_allowedHint')}
              value={allowed}
              inUse={!everySite}
              testId="allowed-sites"
              rows={4}
              onInput={setAllowed}
            />
          </div>
        </fieldset>
        <button type="submit" data-testid="sites-save" disabled={!settings}>
          {t('sites_save')}
        </button>
      </form>
      {message && <ResultMessage ok={message.ok} text={message.text} testId="sites-result" />}
    </section>
  );
}
