// @vitest-environment happy-dom
/**
 * The open card hears a page's top-layer entries in every tree: a `toggle` in a closed shadow root never reaches
 * the document (attack report 48, finding 2). happy-dom has no closed-root reader and no top layer, so the test
 * gives the watch a reader over the roots it made; the looks for open entries run in the E2E attack tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TopLayerWatch, type ShadowRootReader } from '../../../entrypoints/content/top-layer-watch';

const closedRoots = new Map<Element, ShadowRoot>();
const reader: ShadowRootReader = (element) => closedRoots.get(element) ?? null;

function closedRootIn(parent: Element, tag = 'div'): { host: Element; root: ShadowRoot } {
  const host = document.createElement(tag);
  parent.append(host);
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  return { host, root };
}

function opened(target: EventTarget): void {
  const event = new Event('toggle');
  Object.assign(event, { newState: 'open', oldState: 'closed' });
  target.dispatchEvent(event);
}

function popoverIn(root: ShadowRoot | Element): HTMLElement {
  const popover = document.createElement('div');
  popover.setAttribute('popover', 'manual');
  root.append(popover);
  return popover;
}

function watching(): { entries: () => number; watch: TopLayerWatch; cardHost: HTMLElement } {
  const cardHost = document.createElement('pledge-lens-card');
  document.documentElement.append(cardHost);
  let entries = 0;
  const watch = new TopLayerWatch(document, () => cardHost, () => entries++, () => undefined, reader);
  return { entries: () => entries, watch, cardHost };
}

afterEach(() => {
  document.body.replaceChildren();
  document.querySelectorAll('pledge-lens-card').forEach((element) => element.remove());
  closedRoots.clear();
});

describe('the card hears a top-layer entry in any tree', () => {
  it('hears a popover opened in a closed shadow root, nested ones too, and in the document', () => {
    const outer = closedRootIn(document.body, 'section');
    const inner = closedRootIn(outer.root as unknown as Element, 'my-widget');
    const { entries, watch } = watching();
    watch.start();
    opened(popoverIn(outer.root));
    opened(popoverIn(inner.root));
    opened(popoverIn(document.body));
    expect(entries()).toBe(3);
    watch.stop();
  });

  it('finds a shadow root the page attaches after the card opened at its next look', () => {
    const { entries, watch } = watching();
    watch.start();
    const late = closedRootIn(document.body, 'span');
    const cover = popoverIn(late.root);
    opened(cover);
    expect(entries(), 'not heard before a look found the root').toBe(0);
    watch.look();
    opened(cover);
    expect(entries()).toBe(1);
    watch.stop();
  });

  it('does not count its own card, a closing, or an element that cannot hold a shadow root', () => {
    const { entries, watch, cardHost } = watching();
    const link = document.createElement('a');
    document.body.append(link);
    const linkRoot = document.createElement('div').attachShadow({ mode: 'open' });
    closedRoots.set(link, linkRoot);
    watch.start();
    opened(cardHost);
    const closing = new Event('toggle');
    Object.assign(closing, { newState: 'closed' });
    popoverIn(document.body).dispatchEvent(closing);
    opened(popoverIn(linkRoot));
    expect(entries()).toBe(0);
    watch.stop();
  });

  it('stops hearing anything once stopped', () => {
    const outer = closedRootIn(document.body);
    const { entries, watch } = watching();
    watch.start();
    watch.stop();
    opened(popoverIn(outer.root));
    opened(popoverIn(document.body));
    expect(entries()).toBe(0);
  });
});
