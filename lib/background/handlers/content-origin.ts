/**
 * Which addresses a content script may speak for. A frame's content script is the page's ally (a
 * compromised or hostile frame can send any message), so the URL in its message is only a claim; the
 * browser's own word on the sender decides. A frame may report its own page only: a frame on
 * evil.example saying it is https://victim.example/ would put that host in the popup, let the popup's
 * switch turn victim.example off, and write history under its address.
 */
import type { PageCitation } from '../../annotations/page-citation';
import { historyUrl, isWebAddress } from '../../sites/url';
import type { TopPage } from '../../frames/tab-frames';
import type { ContentSender } from '../context';

/** The answer to a content script that names an address it does not belong to. */
export const FOREIGN_URL_ERROR = 'This frame may report only its own address.';

/** A URL's origin for comparison: file: pages all share "file://" (the URL standard makes them opaque). */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return 'file://';
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

/**
 * The origin the sending frame speaks for: its own URL's, or, for a frame with no address of its own
 * (about:blank, about:srcdoc, data:, a sandboxed frame), the origin the browser gives it
 * (`sender.origin`, Chrome: what about:blank and srcdoc frames inherit from their parent). Where the
 * browser gives none (Firefox), or an opaque one (sandboxed), the tab's top page (`sender.tab.url`):
 * the content script then reports the page that made the frame, which a frame inside that page is.
 * @returns an origin such as "https://news.example", or undefined when nothing trustworthy is known
 */
export function senderOrigin(sender: Pick<ContentSender, 'url' | 'origin' | 'tabUrl'>): string | undefined {
  return originOf(sender.url) ?? (sender.origin ? originOf(`${sender.origin}/`) : undefined) ?? (sender.tabUrl ? originOf(sender.tabUrl) : undefined);
}

/**
 * Whether a content script may report `url` (for its site switch, the popup, the history).
 *
 * When the browser vouches for no origin at all (Firefox gives an opaque sandboxed frame the URL
 * about:srcdoc, the origin "null" and, to an extension without host permissions, no tab URL), the
 * tab's top page decides, as its own frame reported it (checked against that frame's sender when it
 * was recorded); before the top frame has spoken the frame is taken at its word, since nothing the
 * browser says could contradict it.
 * @param url the address in the request
 * @param topUrl the tab's top page as its top frame reported it (`TabFrames.topUrl(tabId)`), if known
 * @returns true when `url` is the frame's own URL, has the origin of the sending frame (`senderOrigin`),
 *   or, for a frame the browser says nothing about, the origin of `topUrl` (any, while `topUrl` is unknown)
 */
export function speaksFor(sender: Pick<ContentSender, 'url' | 'origin' | 'tabUrl'>, url: string, topUrl?: string): boolean {
  // Its own address, whatever it is: an opaque sandboxed frame in Firefox can name no other ("about:srcdoc").
  if (url === sender.url) return true;
  const own = senderOrigin(sender);
  if (own !== undefined) return originOf(url) === own;
  return topUrl === undefined || (originOf(topUrl) !== undefined && originOf(url) === originOf(topUrl));
}

/** Where the history files what a frame's text says (`Mention.pageUrl`, `pageTitle`, `frameUrl`). */
export interface HistoryPlace {
  /** The page the reader was on, as `historyUrl` keeps it. */
  pageUrl: string;
  /** The embed's own address (`historyUrl`), when the text is in one: a frame at another address than the page's. */
  frameUrl?: string;
  /**
   * The page's title when the frame is not the page itself (an embed, a srcdoc frame in it): as its top frame said it
   * or the browser gives it, '' while neither has; absent when the frame is the page (its own title then).
   */
  pageTitle?: string;
  /** The page's citation metadata when the frame is not the page itself, as its top frame sent it (`TopPage.citation`). */
  pageCitation?: PageCitation;
}

/**
 * The page a frame's text is filed under: the tab's top page for a frame at another address (an embedded post, a
 * fact box, a cross-origin widget), with the frame's address kept, so that a quote read in an article is the
 * article's (a new user's report 56: embeds became pages of their own in the history and every export); a frame
 * without an address of its own is the page's. The top page is the browser's word (`sender.tabUrl`) or, where it
 * says nothing (Firefox without host permission), what the top frame named (checked when it was recorded); while
 * neither is known the frame is its own page.
 * @param url the address in the request, which `speaksFor` has accepted
 * @param topPage `TabFrames.topPage(tabId)`
 */
export function historyPlace(sender: Pick<ContentSender, 'frameId' | 'url' | 'tabUrl' | 'tabTitle'>, url: string, topPage?: TopPage): HistoryPlace {
  const own = historyUrl(url);
  const top = sender.frameId === 0 ? undefined : (sender.tabUrl ?? topPage?.url);
  if (top === undefined) return { pageUrl: own };
  const pageUrl = historyUrl(top);
  // (The top frame's own title, as its mentions have it; the tab's while the top frame has not said it.)
  const samePage = topPage !== undefined && historyUrl(topPage.url) === pageUrl;
  const pageTitle = (samePage ? topPage.title : '') || sender.tabTitle || '';
  // (The article's authors and date: the embed's own metadata describes the embed.)
  const cited = samePage && topPage.citation ? { pageCitation: topPage.citation } : {};
  // A frame with no address of its own (srcdoc, about:blank: it reports the page that made it, or that page's origin)
  // is part of the page.
  if (pageUrl === own || !isWebAddress(sender.url)) return { pageUrl, pageTitle, ...cited };
  return { pageUrl, frameUrl: own, pageTitle, ...cited };
}
