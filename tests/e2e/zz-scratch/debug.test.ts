import { test, expect } from 'vitest';
import { ArticlePage } from '../support/article-page';
import { launchChromiumWithExtension } from '../support/chromium';
import { startStaticServer } from '../support/static-server';
test('debug', async () => {
  const server = await startStaticServer();
  const b = await launchChromiumWithExtension();
  const a = await ArticlePage.open(b.context, server.article('bullet-list-what-changed.html'));
  await a.waitForHighlights();
  await a.hoverHighlight('anthropic-rsp-pause-pledge');
  await a.waitForCard();
  console.log(await a.page.evaluate(() => ({ vh: innerHeight, mark: document.querySelector('mark[data-claim-id="anthropic-rsp-pause-pledge"]')!.getBoundingClientRect().toJSON(), card: document.querySelector('pledge-lens-card')!.shadowRoot!.querySelector('section')!.getBoundingClientRect().toJSON() })));
  await a.page.screenshot({ path: '/tmp/exp/card.png' });
  await b.close(); await server.close();
  expect(1).toBe(1);
});
