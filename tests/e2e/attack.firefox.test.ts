import type { Browser, Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { defineAttackPageTests, type AttackBrowser, type AttackStep, type AttackTab } from './support/attack-cases';
import { readClosedCardFirefox, type ClosedCardInfo } from './support/closed-card';
import { launchFirefoxWithExtension } from './support/firefox';

/** What pages/attack.html puts on its window. */
type AttackWindow = Window & { pledgeLensAttack: Record<AttackStep, (argument?: string) => unknown> };

/** The attack page in a Puppeteer tab over WebDriver BiDi; the card is read through BiDi (closed-card.ts). */
class FirefoxAttackTab implements AttackTab {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  attack<R>(step: AttackStep, argument?: string): Promise<R> {
    return this.page.evaluate((name: AttackStep, value: string | undefined) => (window as unknown as AttackWindow).pledgeLensAttack[name](value) as R, step, argument);
  }

  card(): Promise<ClosedCardInfo> {
    return readClosedCardFirefox(this.browser, this.page);
  }

  async hoverFirstHighlight(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.hover('mark.pledge-lens-mark[tabindex="0"]');
  }

  /** Puppeteer over BiDi does not drive moz-extension frames inside a web page: the note is not typed here (Chromium types it). */
  saveNote(): Promise<boolean> {
    return Promise.resolve(false);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

async function launchAttackFirefox(): Promise<AttackBrowser> {
  const firefox = await launchFirefoxWithExtension();
  return {
    name: 'Firefox',
    extensionId: firefox.extensionId,
    async open(url) {
      const page = await firefox.browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return new FirefoxAttackTab(firefox.browser, page);
    },
    close: () => firefox.close(),
  };
}

// Issue 14 in Firefox ESR (MV2 build); the attacks and checks are shared with Chromium.
describe('Firefox: the attack page', () => {
  defineAttackPageTests(launchAttackFirefox);
});
