/**
 * The card lives in a closed shadow root (entrypoints/content/card-host.tsx): page script, and so
 * Playwright's and Puppeteer's ordinary evaluate, cannot see into it. The tests read it with the
 * browsers' privileged views instead, which no web page has:
 * - Chromium: the DevTools protocol's DOM domain, whose `pierce` reaches closed shadow roots;
 * - Firefox: WebDriver BiDi, whose node serialisation with `includeShadowTree: "all"` hands back a
 *   closed root as a shared reference that can be passed to a function.
 * Either way a probe then runs with the root as its argument.
 */
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import type { Page as PlaywrightPage } from 'playwright-core';

/** What the open card shows, read from inside its closed root. */
export interface ClosedCardInfo {
  open: boolean;
  claimId: string;
  statement: string;
  status: string;
  kindLabel: string;
  /** The note editor frame's address, which names the mention (`?mention=…`). */
  noteFrameSrc: string;
  mentionId: string;
  text: string;
}

/** Runs in the page with the card's closed shadow root (or null when there is no card host). Self-contained. */
export function readCardRoot(root: ShadowRoot | null): ClosedCardInfo {
  const card = root?.querySelector<HTMLElement>('section.card') ?? null;
  const open = card !== null && card.checkVisibility();
  const text = (selector: string): string => card?.querySelector(selector)?.textContent?.trim() ?? '';
  const src = card?.querySelector('iframe')?.getAttribute('src') ?? '';
  let mentionId = '';
  try {
    mentionId = src ? (new URL(src).searchParams.get('mention') ?? '') : '';
  } catch {
    mentionId = '';
  }
  return {
    open,
    claimId: open ? (card?.dataset.claim ?? '') : '',
    statement: open ? text('[data-testid=statement]') || text('h2') : '',
    status: open ? text('[data-testid=status]') : '',
    kindLabel: open ? text('[data-testid=kind-label]') : '',
    noteFrameSrc: open ? src : '',
    mentionId: open ? mentionId : '',
    text: open ? (card?.textContent ?? '') : '',
  };
}

interface CdpNode {
  nodeName: string;
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/** The card host's closed shadow root in the top document: our host element, or its `<div>` fallback. */
function findCardRoot(node: CdpNode): CdpNode | undefined {
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed' && (node.localName === 'pledge-lens-card' || node.localName === 'div')) return root;
  }
  for (const child of node.children ?? []) {
    const found = findCardRoot(child);
    if (found) return found;
  }
  return undefined;
}

/** Chromium: runs `probe` in the page with the card's closed root (null without a card host), through the DevTools protocol. */
export async function inCardRootChromium<R>(page: PlaywrightPage, probe: (root: ShadowRoot | null) => R): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findCardRoot(root);
    // Without a card host the probe still runs in the page, called on the document, and gets null.
    const target = shadow ? (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object : (await cdp.send('Runtime.evaluate', { expression: 'document' })).result;
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: target.objectId,
      functionDeclaration: `function () { return (${probe.toString()})(this instanceof ShadowRoot ? this : null); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`Card probe threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Chromium: reads the card through the DevTools protocol. */
export function readClosedCardChromium(page: PlaywrightPage): Promise<ClosedCardInfo> {
  return inCardRootChromium(page, readCardRoot);
}

interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface BidiNodeValue {
  shadowRoot?: BidiRemoteValue | null;
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } } }>;
}

function bidiConnection(browser: PuppeteerBrowser): BidiConnection {
  // Puppeteer's BiDi browser exposes its connection; the public type leaves it out.
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('Not a WebDriver BiDi session: the Firefox tests launch with protocol "webDriverBiDi"');
  return connection;
}

/** Firefox: runs `probe` in the page with the card's closed root (null without a card host), through WebDriver BiDi. */
export async function inCardRootFirefox<R>(browser: PuppeteerBrowser, page: PuppeteerPage, probe: (root: ShadowRoot | null) => R): Promise<R> {
  const connection = bidiConnection(browser);
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.callFunction', {
    functionDeclaration: "() => document.querySelector('pledge-lens-card') ?? [...document.querySelectorAll('div[popover]')].pop() ?? null",
    awaitPromise: false,
    target: { context },
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const node = host.result.result;
  const shadow = node?.type === 'node' ? (node.value as BidiNodeValue | undefined)?.shadowRoot : undefined;
  const read = await connection.send('script.callFunction', {
    functionDeclaration: `(root) => JSON.stringify((${probe.toString()})(root ?? null) ?? null)`,
    awaitPromise: false,
    target: { context },
    arguments: [shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' }],
    resultOwnership: 'none',
  });
  const value = read.result.result;
  if (read.result.type === 'exception' || value?.type !== 'string') throw new Error(`Card probe failed: ${read.result.exceptionDetails?.text ?? JSON.stringify(read.result)}`);
  return JSON.parse(value.value as string) as R;
}

/** Firefox: reads the card through WebDriver BiDi. */
export function readClosedCardFirefox(browser: PuppeteerBrowser, page: PuppeteerPage): Promise<ClosedCardInfo> {
  return inCardRootFirefox(browser, page, readCardRoot);
}

/** Polls a privileged card read until `until` holds. */
export async function waitForClosedCard(read: () => Promise<ClosedCardInfo>, until: (card: ClosedCardInfo) => boolean, timeout = 5_000, what = 'the card'): Promise<ClosedCardInfo> {
  const deadline = Date.now() + timeout;
  let card = await read();
  while (!until(card)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last read: ${JSON.stringify(card)}`);
    await new Promise((resume) => setTimeout(resume, 100));
    card = await read();
  }
  return card;
}
