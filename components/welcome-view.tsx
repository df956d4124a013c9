import { WelcomeLegend, type WelcomeLegendProps } from './welcome-legend';
import { WelcomeUsage, type WelcomeUsageProps } from './welcome-usage';

export type WelcomeViewProps = WelcomeLegendProps &
  WelcomeUsageProps & {
    /** The options page, where the reader sets a claim feed and finds their history. */
    optionsUrl: string;
  };

/** The promise the store listing and the README make, in the words a reader sees first. */
function WelcomePrivacy({ optionsUrl }: { optionsUrl: string }) {
  return (
    <section class="panel" aria-labelledby="privacy-title" data-testid="privacy">
      <h2 id="privacy-title">Your reading stays yours</h2>
      <ul class="promises">
        <li>
          <strong>Nothing you read leaves your browser.</strong> Pledge Lens finds claims inside the extension. No page
          text, address or note is sent anywhere, and there are no accounts, ads or analytics.
        </li>
        <li>
          Your history of the claims you met, and your notes, are stored in your browser. They leave only as a file you
          export yourself.
        </li>
        <li>
          <strong>The only request Pledge Lens makes</strong> is to a claim feed you set yourself in the{' '}
          <a href={optionsUrl}>options</a>, to get newer claims. There is none unless you set one.
        </li>
      </ul>
    </section>
  );
}

/** The first-run page: what Pledge Lens does, what its labels mean, how to use it, and what it keeps private. */
export function WelcomeView(props: WelcomeViewProps) {
  return (
    <>
      <header class="intro">
        <img src={props.iconUrl} width={48} height={48} alt="" class="logo" />
        <div>
          <h1>Welcome to Pledge Lens</h1>
          <p class="lead">
            News about AI safety is full of promises. Some bind the company that made them; others are goals it can
            quietly revise. Pledge Lens highlights the claims it knows in the articles you read and tells you which is which,
            and what has happened to each since.
          </p>
        </div>
      </header>
      <WelcomeLegend kindExamples={props.kindExamples} statusExamples={props.statusExamples} examples={props.examples} />
      <WelcomeUsage shortcut={props.shortcut} browserFamily={props.browserFamily} iconUrl={props.iconUrl} />
      <WelcomePrivacy optionsUrl={props.optionsUrl} />
      <footer class="closing">
        <p>
          This page stays one click away: “What do these labels mean?” in the popup and on every card brings you back to
          the labels.
        </p>
      </footer>
    </>
  );
}
