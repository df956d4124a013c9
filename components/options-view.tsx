import { useT } from './i18n';
import { AnnotationHistory, type AnnotationHistoryProps } from './annotation-history';
import { FeedSettings, type FeedSettingsProps } from './feed-settings';
import { OptionsClaimSet, type OptionsClaimSetProps } from './options-claim-set';
import { OptionsSites, type OptionsSitesProps } from './options-sites';

export interface OptionsViewProps {
  history: AnnotationHistoryProps;
  claimSet: OptionsClaimSetProps;
  feed: FeedSettingsProps;
  sites: OptionsSitesProps;
}

/** The whole options page; it is rendered into the page's <main>, which supplies the landmark. */
export function OptionsView({ history, claimSet, feed, sites }: OptionsViewProps) {
  const t = useT();
  return (
    <>
      <header class="page-header">
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_sectionsNav')}>
          <ul>
            <li>
              <a href="#history-heading">{t('history_title')}</a>
            </li>
            <li>
              {/* Export sits under the whole history: a week of reading put it 200 Tab stops down. */}
              <a href="#transfer-heading">{t('history_transferTitle')}</a>
            </li>
            <li>
              <a href="#claim-set-heading">{t('claimSet_title')}</a>
            </li>
            <li>
              <a href="#feed-heading">{t('feed_title')}</a>
            </li>
            <li>
              <a href="#sites-heading">{t('sites_title')}</a>
            </li>
            <li>
              <a href="/welcome.html#labels" data-testid="legend-link">
                {t('common_legendLink')}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <AnnotationHistory {...history} />
      <OptionsClaimSet {...claimSet} />
      <FeedSettings {...feed} />
      <OptionsSites {...sites} />
    </>
  );
}
