import type { ComponentChildren } from 'preact';
import type { MessageName } from '@/lib/i18n/translator';
import { Rich, useT } from './i18n';

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

const SHORTCUT_SETTINGS: Readonly<Record<BrowserFamily, MessageName>> = { chrome: 'usage_shortcutChrome', firefox: 'usage_shortcutFirefox' };

const PIN_HINT: Readonly<Record<BrowserFamily, MessageName>> = { chrome: 'usage_pinChrome', firefox: 'usage_pinFirefox' };

const SHORTCUT_MARKUP = { code: (text: string) => <code>{text}</code>, em: (text: string) => <em>{text}</em> };

/** How to read a highlight: hover, keyboard, the toolbar popup. */
export function WelcomeUsage({ shortcut, browserFamily, iconUrl }: WelcomeUsageProps) {
  const t = useT();
  return (
    <section class="panel" aria-labelledby="use-title" data-testid="usage">
      <h2 id="use-title">{t('usage_title')}</h2>
      <ol class="steps">
        <Step title={t('usage_hoverTitle')} testId="usage-hover">
          <p>{t('usage_hoverText')}</p>
        </Step>
        <Step title={t('usage_keyboardTitle')} testId="usage-keyboard">
          <dl class="key-list">
            <div>
              <dt>
                <Keys combo="Tab" /> / <Keys combo="Shift+Tab" />
              </dt>
              <dd>{t('usage_keyTab')}</dd>
            </div>
            <div>
              <dt>
                <Keys combo="Enter" />
              </dt>
              <dd>{t('usage_keyEnter')}</dd>
            </div>
            <div>
              <dt>
                <Keys combo="Escape" />
              </dt>
              <dd>{t('usage_keyEscape')}</dd>
            </div>
            <div>
              <dt>{shortcut ? <Keys combo={shortcut} /> : <span>{t('usage_noShortcut')}</span>}</dt>
              <dd>
                {t('usage_keyToggle')} <Rich text={t(SHORTCUT_SETTINGS[browserFamily])} tags={SHORTCUT_MARKUP} />
              </dd>
            </div>
          </dl>
        </Step>
        <Step title={t('usage_popupTitle')} testId="usage-popup">
          <p class="with-icon">
            <img src={iconUrl} width={32} height={32} alt="" class="toolbar-icon" />
            <span>
              {t('usage_popupText')} {t(PIN_HINT[browserFamily])}
            </span>
          </p>
        </Step>
      </ol>
    </section>
  );
}
