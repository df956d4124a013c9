import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { defineAttackPageTests, type AttackBrowser, type AttackStep, type AttackTab } from './support/attack-cases';
import { launchChromiumWithExtension } from './support/chromium';
import { readClosedCardChromium, type ClosedCardInfo } from './support/closed-card';
import { noteEditorFrame, saveNoteIn } from './support/article-page';

/** What pages/attack.html puts on its window. */
type AttackWindow = Window & { pledgeLensAttack: Record<AttackStep, (argument?: string) => unknown> };

/** The attack page in a Playwright tab; the card is read over the DevTools protocol (closed-card.ts). */
class ChromiumAttackTab implements AttackTab {
  constructor(private readonly page: Page) {}

  attack<R>(step: AttackStep, argument?: string): Promise<R> {
    return this.page.evaluate(([name, value]) => (window as unknown as AttackWindow).pledgeLensAttack[name](value) as R, [step, argument] as const);
  }

  card(): Promise<ClosedCardInfo> {
    return readClosedCardChromium(this.page);
  }

  async hoverFirstHighlight(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.locator('mark.pledge-lens-mark[tabindex="0"]').first().hover();
  }

  async saveNote(text: string): Promise<boolean> {
    // The frame tree includes frames inside closed shadow roots: the test's view, not the page's.
    await saveNoteIn(await noteEditorFrame(this.page), text);
    return true;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

async function launchAttackChromium(): Promise<AttackBrowser> {
  const chromium = await launchChromiumWithExtension();
  return {
    name: 'Chromium',
    extensionId: chromium.extensionId,
    async open(url) {
      const page = await chromium.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return new ChromiumAttackTab(page);
    },
    close: () => chromium.close(),
  };
}

// Issue 14 in Chromium (MV3 build); the attacks and checks are shared with Firefox.
describe('Chromium: the attack page', () => {
  defineAttackPageTests(launchAttackChromium);
});
