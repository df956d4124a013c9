import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { I18nProvider } from '@/components/i18n';
import { WelcomeView } from '@/components/welcome-view';
import type { BrowserFamily } from '@/components/welcome-usage';
import { validateClaimSet } from '@/lib/claims/validate-claim-set';
import { createTranslator } from '@/lib/i18n/translator';
import { withEnglishFallback } from '@/lib/i18n/english-fallback';
import { pickLegendExamples, type LegendExamples } from './legend-examples';
import '@/assets/extension-theme.css';

/**
 * The first-run page (welcome.html), opened once on install and linked as welcome.html#labels from the
 * popup and the card. It reads the bundled claim set for the legend's examples and the reader's own
 * shortcut; it stores nothing and asks the background for nothing.
 */

const TOGGLE_COMMAND = 'toggle-highlights';
/** The manifest's suggested key, shown until (or if) the browser reports the reader's own. */
const DEFAULT_SHORTCUT = 'Alt+Shift+L';
const BROWSER_FAMILY: BrowserFamily = import.meta.env.FIREFOX ? 'firefox' : 'chrome';
/** The views' words come from the browser's i18n, in the language the browser picked from _locales. */
const t = createTranslator(withEnglishFallback((name, substitutions) => browser.i18n.getMessage(name, substitutions)));

async function loadExamples(): Promise<LegendExamples> {
  const response = await fetch(browser.runtime.getURL('/claims/default.json'));
  const validation = validateClaimSet(await response.json());
  if (!validation.ok) throw new Error('The bundled claim set does not validate.');
  return pickLegendExamples(validation.claimSet.claims);
}

async function loadShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name === TOGGLE_COMMAND)?.shortcut ?? '';
}

/** Content is drawn after the document loaded, so the browser's own jump to #labels found nothing: jump now. */
function revealHashTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.scrollIntoView();
  // Screen readers and keyboard users continue from the legend, not from the top of the page.
  const heading = target.querySelector<HTMLElement>('h2[tabindex="-1"]');
  heading?.focus({ preventScroll: true });
}

function WelcomePage() {
  const [examples, setExamples] = useState<LegendExamples>({ kinds: {}, statuses: {} });
  const [examplesState, setExamplesState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [shortcut, setShortcut] = useState(DEFAULT_SHORTCUT);

  useEffect(() => {
    revealHashTarget();
    window.addEventListener('hashchange', revealHashTarget);
    loadExamples().then(
      (loaded) => {
        setExamples(loaded);
        setExamplesState('ready');
      },
      () => setExamplesState('failed'),
    );
    loadShortcut().then(setShortcut, () => undefined);
    return () => window.removeEventListener('hashchange', revealHashTarget);
  }, []);

  return (
    <WelcomeView
      kindExamples={examples.kinds}
      statusExamples={examples.statuses}
      examples={examplesState}
      shortcut={shortcut}
      browserFamily={BROWSER_FAMILY}
      iconUrl={browser.runtime.getURL('/icon/96.png')}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  );
}

document.documentElement.lang = t.locale;
document.title = t('welcome_title');
render(
  <I18nProvider translator={t}>
    <WelcomePage />
  </I18nProvider>,
  document.getElementById('app')!,
);
