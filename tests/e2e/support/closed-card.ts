/**
 * The card lives in a closed shadow root (entrypoints/content/card-host.tsx): page script, and so
 * Playwright's and Puppeteer's ordinary evaluate, cannot see into it. The tests read it with the
 * browsers' privileged views instead, which no web page has:
 * - Chromium: the DevTools protocol's DOM domain, whose `pierce` reaches closed shadow roots;
 * - Firefox: WebDriver BiDi, whose node serialisation with `includeShadowTree: "all"` hands back a
 *   closed root as a shared reference that can be passed to a function.
 * Either way a probe then runs with the root as its argument.
 */
import type { Browser as PuppeteerBrowser, Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import type { CDPSession, Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import { StepDeadlineError, withinDeadline } from './step-deadline';

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

/** A probe run in the page (or frame) with the card's closed shadow root, or null when there is no card host. Self-contained: it is serialised. */
export type CardProbe<R> = (root: ShadowRoot | null) => R;

/** A frame, named by the `<iframe>` selectors that lead to it from the top document (each applied in the frame the previous one shows); empty for the top document. */
export type FramePath = readonly string[];

/** Elements that can host our card: its own tag, or the built-in `<div popover>` it falls back to when a page takes the tag. */
const HOST_CANDIDATES = 'pledge-lens-card, div[popover]';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

/** The card host's closed shadow root in a document: our host element, or its `<div>` fallback (not looking into frames). */
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

function findNode(node: CdpNode, nodeId: number): CdpNode | undefined {
  if (node.nodeId === nodeId) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findNode(child, nodeId);
    if (found) return found;
  }
  return undefined;
}

/**
 * The closed root in the session's main document, found from the host candidates page script can
 * list (so a 200,000-node page is not serialised whole): the first whose shadow root is closed.
 */
async function cardRootInMainDocument(cdp: CDPSession): Promise<number | undefined> {
  const count = await cdp.send('Runtime.evaluate', { expression: `document.querySelectorAll(${JSON.stringify(HOST_CANDIDATES)}).length`, returnByValue: true });
  for (let index = 0; index < Number(count.result.value ?? 0); index++) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelectorAll(${JSON.stringify(HOST_CANDIDATES)})[${index}]` });
    if (!result.objectId) continue;
    const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true })) as unknown as { node: CdpNode };
    const root = node.shadowRoots?.find((shadow) => shadow.shadowRootType === 'closed');
    if (root) return root.backendNodeId;
  }
  return undefined;
}

/** The closed root in a frame that shares the page's process: the frame's document is reached through its `<iframe>` elements. */
async function cardRootInFrameDocument(cdp: CDPSession, path: FramePath): Promise<number | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
  let doc = root;
  for (const selector of path) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
    const owner = nodeId ? findNode(doc, nodeId) : undefined;
    if (!owner?.contentDocument) throw new Error(`No same-process frame document at ${selector} (of ${path.join(' >> ')})`);
    doc = owner.contentDocument;
  }
  return findCardRoot(doc)?.backendNodeId;
}

async function frameAt(page: PlaywrightPage, path: FramePath): Promise<PlaywrightFrame> {
  let frame = page.mainFrame();
  for (const selector of path) {
    const element = await frame.waitForSelector(selector, { state: 'attached', timeout: 5_000 });
    const next = await element.contentFrame();
    if (!next) throw new Error(`${selector} (of ${path.join(' >> ')}) shows no frame`);
    frame = next;
  }
  return frame;
}

/**
 * Chromium: runs `probe` in the page, or in the frame at `path`, with the card's closed root (null
 * without a card host), through the DevTools protocol. Bounded by STEP_DEADLINE_MS: a protocol call
 * that never answers fails with the step it was stuck at (new session, DOM.getDocument, ...).
 */
export function inCardRootChromium<R>(page: PlaywrightPage, probe: CardProbe<R>, path: FramePath = []): Promise<R> {
  const progress = { step: 'newCDPSession' };
  return withinDeadline('card probe over the DevTools protocol', probeOverCdp(page, probe, path, progress)).catch((error: unknown) => {
    throw error instanceof StepDeadlineError ? new StepDeadlineError(`${error.step}, stuck at ${progress.step}`, error.ms) : error;
  });
}

async function probeOverCdp<R>(page: PlaywrightPage, probe: CardProbe<R>, path: FramePath, progress: { step: string }): Promise<R> {
  let cdp: CDPSession | undefined;
  let shadow: number | undefined;
  if (path.length === 0) {
    cdp = await page.context().newCDPSession(page);
  } else {
    // An out-of-process frame (another site) has a session of its own; a frame in the page's
    // process has none, and is reached from the page's document instead.
    cdp = await page.context().newCDPSession(await frameAt(page, path)).catch(() => undefined);
  }
  try {
    progress.step = 'DOM.getDocument';
    if (cdp) shadow = await cardRootInMainDocument(cdp);
    else {
      cdp = await page.context().newCDPSession(page);
      shadow = await cardRootInFrameDocument(cdp, path);
    }
    // Without a card host the probe still runs (in the page), and gets null.
    progress.step = shadow ? 'DOM.resolveNode' : 'Runtime.evaluate';
    const target = shadow ? (await cdp.send('DOM.resolveNode', { backendNodeId: shadow })).object : (await cdp.send('Runtime.evaluate', { expression: 'document' })).result;
    progress.step = 'Runtime.callFunctionOn';
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: target.objectId,
      functionDeclaration: `function () { return (${probe.toString()})(this instanceof ShadowRoot ? this : null); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`Card probe threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    progress.step = 'detach';
    await cdp?.detach().catch(() => undefined);
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

/** The raw WebDriver BiDi connection of a Puppeteer browser launched with protocol "webDriverBiDi"; throws for any other. */
export function bidiConnection(browser: PuppeteerBrowser): BidiConnection {
  // Puppeteer's BiDi browser exposes its connection; the public type leaves it out.
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('Not a WebDriver BiDi session: the Firefox tests launch with protocol "webDriverBiDi"');
  return connection;
}

/**
 * Firefox: runs `probe` in the page, or in the frame at `path`, with the card's closed root (null
 * without a card host), through WebDriver BiDi.
 */
export async function inCardRootFirefox<R>(browser: PuppeteerBrowser, page: PuppeteerPage, probe: CardProbe<R>, path: FramePath = []): Promise<R> {
  const connection = bidiConnection(browser);
  let frame: PuppeteerFrame = page.mainFrame();
  for (const selector of path) {
    const element = await frame.waitForSelector(selector, { timeout: 5_000 });
    const next = await element?.contentFrame();
    if (!next) throw new Error(`${selector} (of ${path.join(' >> ')}) shows no frame`);
    frame = next;
  }
  const context = (frame as unknown as { _id: string })._id;
  // Every element that could be our host, each serialised with its shadow root: ours is the first
  // closed one (a page's own element of our tag name has an open root, or none).
  const hosts = await connection.send('script.callFunction', {
    functionDeclaration: `() => [...document.querySelectorAll(${JSON.stringify(HOST_CANDIDATES)})]`,
    awaitPromise: false,
    target: { context },
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, maxObjectDepth: 1, includeShadowTree: 'all' },
  });
  const list = hosts.result.result?.type === 'array' ? ((hosts.result.result.value as BidiRemoteValue[] | undefined) ?? []) : [];
  const shadow = list
    .map((node) => (node.type === 'node' ? (node.value as BidiNodeValue | undefined)?.shadowRoot : undefined))
    .find((root) => root?.sharedId !== undefined && (root.value as { mode?: string } | undefined)?.mode === 'closed');
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
