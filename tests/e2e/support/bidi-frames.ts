/**
 * Frames Puppeteer does not show in Firefox. Over WebDriver BiDi, Puppeteer lists a moz-extension frame
 * inside a web page as about:blank and cannot evaluate in it; BiDi itself can, in a session allowed
 * system access (support/firefox.ts launches with --remote-allow-system-access): `browsingContext.getTree`
 * names the frame's context and its real address, and `script.callFunction` runs in it.
 */
import type { Browser, Page } from 'puppeteer-core';
import { bidiConnection } from './closed-card';
import type { DocumentRunner } from './framed-editor';

/** A frame's browsing context as BiDi reports it. */
export interface BidiFrame {
  context: string;
  url: string;
}

interface BidiTreeNode {
  context: string;
  url: string;
  children?: BidiTreeNode[] | null;
}

/** The BiDi context of a Puppeteer page's top document (Puppeteer keeps it as the frame's id). */
export function pageContext(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Every frame below `page`'s top document, depth first, with the address BiDi reports. */
export async function framesBelow(browser: Browser, page: Page): Promise<BidiFrame[]> {
  const { result } = (await bidiConnection(browser).send('browsingContext.getTree', { root: pageContext(page) })) as unknown as { result: { contexts: BidiTreeNode[] } };
  const frames: BidiFrame[] = [];
  const walk = (node: BidiTreeNode): void => {
    for (const child of node.children ?? []) {
      frames.push({ context: child.context, url: child.url });
      walk(child);
    }
  };
  result.contexts.forEach(walk);
  return frames;
}

/**
 * Waits for a frame below `page` that `matches` (by its address) and whose document has loaded.
 * @param timeout ms
 */
export async function waitForFrame(browser: Browser, page: Page, matches: (frame: BidiFrame) => boolean, what: string, timeout = 5_000): Promise<DocumentRunner> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = (await framesBelow(browser, page)).find(matches);
    if (frame) {
      const runner = bidiDocument(browser, frame);
      if ((await runner.run(() => document.readyState, undefined).catch(() => 'gone')) === 'complete') return runner;
    }
    if (Date.now() > deadline) throw new Error(`${what}: no such frame within ${timeout} ms; frames: ${JSON.stringify(await framesBelow(browser, page))}`);
    await new Promise((resume) => setTimeout(resume, 100));
  }
}

/**
 * Runs functions in one frame over BiDi. The argument and the result cross as JSON (so both must be
 * JSON-able); a function that throws rejects with BiDi's exception text.
 */
export function bidiDocument(browser: Browser, frame: BidiFrame): DocumentRunner {
  const connection = bidiConnection(browser);
  return {
    url: frame.url,
    async run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const { result } = await connection.send('script.callFunction', {
        functionDeclaration: `async (json) => JSON.stringify((await (${fn.toString()})(JSON.parse(json))) ?? null)`,
        awaitPromise: true,
        target: { context: frame.context },
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
        resultOwnership: 'none',
      });
      if (result.type === 'exception' || result.result?.type !== 'string') throw new Error(`In ${frame.url}: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
      return JSON.parse(result.result.value as string) as R;
    },
  };
}
