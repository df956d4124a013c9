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
  return (
    <>
      <header class="page-header">
        <h1>Pledge Lens options</h1>
        <nav aria-label="Sections">
          <ul>
            <li>
              <a href="#history-heading">Annotation history</a>
            </li>
            <li>
              <a href="#claim-set-heading">Claim set</a>
            </li>
            <li>
              <a href="#feed-heading">Claim feed</a>
            </li>
            <li>
              <a href="#sites-heading">Sites</a>
            </li>
            <li>
              <a href="/welcome.html#labels" data-testid="legend-link">
                What do these labels mean?
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
