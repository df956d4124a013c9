import { Rich, useT } from './i18n';
import { WelcomeLegend, type WelcomeLegendProps } from './welcome-legend';
import { WelcomeUsage, type WelcomeUsageProps } from './welcome-usage';

export type WelcomeViewProps = WelcomeLegendProps &
  WelcomeUsageProps & {
    /** The options page, where the reader sets a claim feed and finds their history. */
    optionsUrl: string;
  };

/** The promise the store listing and the README make, in the words a reader sees first. */
const strong = (text: string) => <strong>{text}</strong>;

function WelcomePrivacy({ optionsUrl }: { optionsUrl: string }) {
  const t = useT();
  return (
    <section class="panel" aria-labelledby="privacy-title" data-testid="privacy">
      <h2 id="privacy-title">{t('welcome_privacyTitle')}</h2>
      <ul class="promises">
        <li>
          <Rich text={t('welcome_privacyNothingLeaves')} tags={{ strong }} />
        </li>
        <li>{t('welcome_privacyHistory')}</li>
        <li>
          <Rich text={t('welcome_privacyFeed')} tags={{ strong, a: (text) => <a href={optionsUrl}>{text}</a> }} />
        </li>
      </ul>
    </section>
  );
}

/** The first-run page: what Pledge Lens does, what its labels mean, how to use it, and what it keeps private. */
export function WelcomeView(props: WelcomeViewProps) {
  const t = useT();
  return (
    <>
      <header class="intro">
        <img src={props.iconUrl} width={48} height={48} alt="" class="logo" />
        <div>
          <h1>{t('welcome_title')}</h1>
          <p class="lead">{t('welcome_lead')}</p>
        </div>
      </header>
      <WelcomeLegend kindExamples={props.kindExamples} statusExamples={props.statusExamples} examples={props.examples} />
      <WelcomeUsage shortcut={props.shortcut} browserFamily={props.browserFamily} iconUrl={props.iconUrl} />
      <WelcomePrivacy optionsUrl={props.optionsUrl} />
      <footer class="closing">
        <p>{t('welcome_closing')}</p>
      </footer>
    </>
  );
}
