/**
 * A quote found in an embed (a post, a fact box, a cross-origin widget in an iframe) is filed under the page the
 * reader was on, with the embed's address kept (`Mention.frameUrl`): a new user's report 56 found embeds turned
 * into pages of their own in the history and every export, cut off from the article they were read in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeLensDatabase } from '../../../lib/background/store/open-database';
import { historyPlace } from '../../../lib/background/handlers/content-origin';
import type { SenderFacts } from '../../../lib/messages/sender-role';
import { EXTENSION_ID, ok, RISK_REPORTS_PAGE, startBackground, TOP_FRAME, type BackgroundHarness } from './background-harness';

const ARTICLE = { url: 'https://news.example/2026/liveblog#latest', title: 'Liveblog: AI safety week' };
const EMBED = 'https://posts.example/embed/123?theme=dark';
const CITATION = { site: 'Posts', authors: ['A. Poster'], published: '2026-02-25' };

let db: PledgeLensDatabase;
let bg: BackgroundHarness;

beforeEach(async () => {
  ({ db, bg } = await startBackground());
});

afterEach(() => db.close());

/** A content script's sender as the browser describes it: frame `frameId` at `url` in a tab showing the article. */
function frame(frameId: number, url: string, tab: { url?: string | undefined; title?: string } = { url: ARTICLE.url, title: ARTICLE.title }): SenderFacts {
  return { id: EXTENSION_ID, url, tab: { id: TOP_FRAME.tabId, ...(tab.url !== undefined && { url: tab.url }), ...(tab.title !== undefined && { title: tab.title }) }, frameId };
}

/** Matches the Risk Reports page's text as `sender`'s frame at `url`; the answer's mention ids. */
async function matchIn(sender: SenderFacts, url: string, title: string): Promise<{ matches: Array<{ mentionId: string }> }> {
  const answer = (await bg.raw({ type: 'match-page', url, title, text: RISK_REPORTS_PAGE.text, citation: CITATION }, sender)) as { ok: boolean; matches: Array<{ mentionId: string }> };
  expect(answer.ok).toBe(true);
  expect(answer.matches.length).toBeGreaterThan(0);
  return answer;
}

async function stored() {
  await bg.service.context.mentions.flushed();
  return (await ok(bg.page({ type: 'list-mentions', query: {} }))).mentions;
}

describe('where the history files a frame\'s text', () => {
  it('historyPlace: the top frame and a frame at the page\'s own address are the page; any other frame is an embed in the tab\'s page', () => {
    const top = 'https://news.example/2026/liveblog';
    expect(historyPlace({ frameId: 0, url: top, tabUrl: top, tabTitle: 'T' }, `${top}#x`)).toEqual({ pageUrl: top });
    expect(historyPlace({ frameId: 3, url: top, tabUrl: `${top}?utm_source=x`, tabTitle: 'T' }, top)).toEqual({ pageUrl: top, pageTitle: 'T' });
    expect(historyPlace({ frameId: 3, url: EMBED, tabUrl: top, tabTitle: 'T' }, EMBED)).toEqual({ pageUrl: top, frameUrl: EMBED, pageTitle: 'T' });
    // A srcdoc frame reports the page that made it, or (sandboxed) its origin: it is part of the page, under its title.
    expect(historyPlace({ frameId: 3, url: 'about:srcdoc', tabUrl: top, tabTitle: 'T' }, 'https://news.example/')).toEqual({ pageUrl: top, pageTitle: 'T' });
    // The browser says nothing of the tab (Firefox without host permission): what the top frame said, its title too.
    expect(historyPlace({ frameId: 3, url: EMBED }, EMBED, { url: top, title: 'Live' })).toEqual({ pageUrl: top, frameUrl: EMBED, pageTitle: 'Live' });
    // The top frame's title before the tab's; the tab's while the top frame has not said one.
    expect(historyPlace({ frameId: 3, url: EMBED, tabUrl: top, tabTitle: 'Tab' }, EMBED, { url: top, title: 'Live' })).toMatchObject({ pageTitle: 'Live' });
    expect(historyPlace({ frameId: 3, url: EMBED, tabUrl: top, tabTitle: 'Tab' }, EMBED, { url: top, title: '' })).toMatchObject({ pageTitle: 'Tab' });
    // Nothing known of the page above: the frame is its own page, as before.
    expect(historyPlace({ frameId: 3, url: EMBED }, EMBED)).toEqual({ pageUrl: EMBED });
  });

  it('a quote in a cross-origin embed is the article\'s mention, with the embed\'s address, the tab\'s title and no citation of the embed\'s', async () => {
    await matchIn(frame(5, EMBED), EMBED, 'Post by @someone');
    const [mention, ...rest] = await stored();
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({ pageUrl: 'https://news.example/2026/liveblog', frameUrl: EMBED, pageTitle: ARTICLE.title });
    expect(mention!.pageCitation).toBeUndefined();
    // The popup's "this page" export finds it under the article.
    const onPage = (await ok(bg.page({ type: 'list-mentions', query: { pageUrl: ARTICLE.url } }))).mentions;
    expect(onPage.map((m) => m.id)).toEqual([mention!.id]);
  });

  it("a quote in an embed takes the article's citation as the article's top frame sent it (its authors and date: a new user's report 58, problem 7)", async () => {
    const articleCitation = { site: 'News', authors: ['R. Porter'], published: '2026-02-24' };
    // The article's own text first: its top frame sends the page's citation with it.
    await bg.raw({ type: 'match-page', url: ARTICLE.url, title: ARTICLE.title, text: RISK_REPORTS_PAGE.text, citation: articleCitation }, frame(0, ARTICLE.url));
    await matchIn(frame(5, EMBED), EMBED, 'Post by @someone');
    const inEmbed = (await stored()).find((m) => m.frameUrl === EMBED);
    expect(inEmbed).toMatchObject({ pageTitle: ARTICLE.title, pageCitation: articleCitation });
    expect(historyPlace({ frameId: 5, url: EMBED }, EMBED, { url: ARTICLE.url, title: 'Live', citation: articleCitation }).pageCitation).toEqual(articleCitation);
    // The tab now shows another page than the one the top frame described: that page's citation is not this one's.
    expect(historyPlace({ frameId: 5, url: EMBED, tabUrl: 'https://other.example/' }, EMBED, { url: ARTICLE.url, title: 'Live', citation: articleCitation }).pageCitation).toBeUndefined();
  });

  it('the same quote in the article and in its embed are two mentions; one post embedded in two articles is a mention in each', async () => {
    await matchIn(frame(0, ARTICLE.url), ARTICLE.url, ARTICLE.title);
    await matchIn(frame(5, EMBED), EMBED, 'Post');
    await matchIn(frame(2, EMBED, { url: 'https://other.example/column', title: 'A column' }), EMBED, 'Post');
    const mentions = await stored();
    expect(new Set(mentions.map((m) => m.id)).size).toBe(3);
    const own = mentions.find((m) => m.frameUrl === undefined)!;
    expect(own).toMatchObject({ pageUrl: 'https://news.example/2026/liveblog', pageTitle: ARTICLE.title, pageCitation: CITATION });
    expect(mentions.filter((m) => m.frameUrl === EMBED).map((m) => m.pageUrl).sort()).toEqual(['https://news.example/2026/liveblog', 'https://other.example/column']);
  });

  it('where the browser gives no tab address (Firefox), the top frame\'s first question names the page, before it has matched or reported', async () => {
    const noTab = { url: undefined };
    await ok(bg.raw({ type: 'get-site-enabled', url: ARTICLE.url, title: ARTICLE.title }, frame(0, ARTICLE.url, noTab)) as never);
    await matchIn(frame(5, EMBED, noTab), EMBED, 'Post');
    const [mention] = await stored();
    expect(mention).toMatchObject({ pageUrl: 'https://news.example/2026/liveblog', frameUrl: EMBED, pageTitle: ARTICLE.title });
    // A new page in the tab forgets it: an embed there, with nothing known of its page, is its own page.
    bg.service.forgetTab(TOP_FRAME.tabId);
    await matchIn(frame(5, EMBED, noTab), EMBED, 'Post');
    expect((await stored()).filter((m) => m.pageUrl === EMBED)).toHaveLength(1);
  });

  it('an embed matched before the page said its title takes the title when the page\'s own quotes are stored', async () => {
    const noTab = { url: undefined };
    await ok(bg.raw({ type: 'get-site-enabled', url: ARTICLE.url }, frame(0, ARTICLE.url, noTab)) as never);
    await matchIn(frame(5, EMBED, noTab), EMBED, 'Post');
    expect((await stored())[0]).toMatchObject({ frameUrl: EMBED, pageTitle: '' });
    await matchIn(frame(0, ARTICLE.url, noTab), ARTICLE.url, ARTICLE.title);
    expect(new Set((await stored()).map((m) => m.pageTitle))).toEqual(new Set([ARTICLE.title]));
  });

  it('a card in the embed opens its own note; the article\'s frame cannot open the embed\'s mention, nor the embed the article\'s', async () => {
    const embedSender = frame(5, EMBED);
    const topSender = frame(0, ARTICLE.url);
    const inEmbed = (await matchIn(embedSender, EMBED, 'Post')).matches[0]!.mentionId;
    const inArticle = (await matchIn(topSender, ARTICLE.url, ARTICLE.title)).matches[0]!.mentionId;
    await stored();
    const open = (sender: SenderFacts, mentionId: string, url: string) => bg.raw({ type: 'open-note-editor', mentionId, url }, sender);
    expect(await open(embedSender, inEmbed, EMBED)).toMatchObject({ ok: true });
    expect(await open(topSender, inArticle, ARTICLE.url)).toMatchObject({ ok: true });
    expect(await open(topSender, inEmbed, ARTICLE.url)).toMatchObject({ ok: false });
    expect(await open(embedSender, inArticle, EMBED)).toMatchObject({ ok: false });
  });
});
