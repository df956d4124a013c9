import type { ComponentChildren } from 'preact';

export type BrowserFamily = 'chrome' | 'firefox';

export interface WelcomeUsageProps {
  /** The reader's shortcut for turning highlights on and off ("Alt+Shift+L"); empty when they removed it. */
  shortcut: string;
  browserFamily: BrowserFamily;
  /** The toolbar icon, shown so the reader knows what to look for. */
  iconUrl: string;
}

/** "Alt+Shift+L" as three keys. */
function Keys({ combo }: { combo: string }) {
  const keys = combo.split('+').filter(Boolean);
  return (
    <span class="keys">
      {keys.map((key, index) => (
        <span key={`${key}-${index}`}>
          {index > 0 ? '+' : ''}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}

function Step({ title, children, testId }: { title: string; children: ComponentChildren; testId: string }) {
  return (
    <li class="step" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </li>
  );
}

const SHORTCUT_SETTINGS: Readonly<Record<BrowserFamily, ComponentChildren>> = {
  chrome: (
    <>
      Change it at <code>chrome://extensions/shortcuts</code>.
    </>
  ),
  firefox: (
    <>
      Change it in <code>about:addons</code>: the gear menu, then <em>Manage Extension Shortcuts</em>.
    </>
  ),
};

const PIN_HINT: Readonly<Record<BrowserFamily, string>> = {
  chrome: 'If you do not see it, open the puzzle-piece menu and pin Pledge Lens.',
  firefox: 'If you do not see it, open the puzzle-piece menu and choose “Pin to Toolbar”.',
};

/** How to read a highlight: hover, keyboard, the toolbar popup. */
export function WelcomeUsage({ shortcut, browserFamily, iconUrl }: WelcomeUsageProps) {
  return (
    <section class="panel" aria-labelledby="use-title" data-testid="usage">
      <h2 id="use-title">How to use it</h2>
      <ol class="steps">
        <Step title="Hover a highlight" testId="usage-hover">
          <p>
            Read the news as usual. When Pledge Lens recognises a claim it underlines it. Point at the highlight to open
            its card: the claim, its label and status with dates, who made it, why it has that label, and its history and
            sources.
          </p>
        </Step>
        <Step title="Or use the keyboard" testId="usage-keyboard">
          <dl class="key-list">
            <div>
              <dt>
                <Keys combo="Tab" /> / <Keys combo="Shift+Tab" />
              </dt>
              <dd>moves from highlight to highlight; the card of the highlight you are on opens.</dd>
            </div>
            <div>
              <dt>
                <Keys combo="Enter" />
              </dt>
              <dd>moves into the card, to its links and your note.</dd>
            </div>
            <div>
              <dt>
                <Keys combo="Escape" />
              </dt>
              <dd>closes the card and takes you back to the highlight.</dd>
            </div>
            <div>
              <dt>{shortcut ? <Keys combo={shortcut} /> : <span>No shortcut set</span>}</dt>
              <dd>
                turns highlighting on or off on the page. {SHORTCUT_SETTINGS[browserFamily]}
              </dd>
            </div>
          </dl>
        </Step>
        <Step title="Open the popup" testId="usage-popup">
          <p class="with-icon">
            <img src={iconUrl} width={32} height={32} alt="" class="toolbar-icon" />
            <span>
              Click the Pledge Lens icon in the toolbar. The number on it counts the claims found on the page. The popup
              lists them; choose one to jump to it. Its switch turns Pledge Lens off for the whole site, and it can export
              what you found. {PIN_HINT[browserFamily]}
            </span>
          </p>
        </Step>
      </ol>
    </section>
  );
}
