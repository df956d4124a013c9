import { useEffect, useId, useState } from 'preact/hooks';
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
 * Where Pledge Lens runs: everywhere except the sites switched off in the popup, or only on a list
 * the reader keeps. Either way the content script asks before reading a page.
 */
export function OptionsSites({ settings, onSave }: OptionsSitesProps) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<SiteSettings['siteMode']>('all-sites');
  const [allowed, setAllowed] = useState('');
  const [disabled, setDisabled] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    if (!settings) return;
    setMode(settings.siteMode);
    setAllowed(settings.allowedSites.join('\n'));
    setDisabled(settings.disabledSites.join('\n'));
  }, [settings]);

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
        <fieldset>
          <legend>{t('sites_where')}</legend>
          <label>
            <input type="radio" name="site-mode" value="all-sites" data-testid="site-mode-all" checked={mode === 'all-sites'} onChange={() => setMode('all-sites')} />
            {t('sites_allSites')}
          </label>
          <label>
            <input type="radio" name="site-mode" value="allow-list" data-testid="site-mode-allow" checked={mode === 'allow-list'} onChange={() => setMode('allow-list')} />
            {t('sites_allowList')}
          </label>
        </fieldset>
        <label for={`${id}-allowed`}>{t('sites_allowed')}</label>
        <textarea id={`${id}-allowed`} data-testid="allowed-sites" rows={4} value={allowed} onInput={(event) => setAllowed(event.currentTarget.value)} />
        <label for={`${id}-disabled`}>{t('sites_disabled')}</label>
        <textarea id={`${id}-disabled`} data-testid="disabled-sites" rows={3} value={disabled} onInput={(event) => setDisabled(event.currentTarget.value)} />
        <button type="submit" data-testid="sites-save" disabled={!settings}>
          {t('sites_save')}
        </button>
      </form>
      {message && <ResultMessage ok={message.ok} text={message.text} testId="sites-result" />}
    </section>
  );
}
