/**
 * A NodeIterator (and a TreeWalker, below) that follows the DOM standard's traversal algorithm, for happy-dom.
 *
 * Why: happy-dom 20.14's NodeIterator ignores "pointer before reference node", so `previousNode()`
 * right after `nextNode()` moves back instead of returning the same node. mark.js walks text nodes
 * with exactly that pattern (previousNode, then nextNode twice), and on trees such as
 * `X<b>Y<a><i></i></a>Z</b>` it then returns Z forever and grows an array until V8 aborts.
 * Browsers implement the standard, so the tests install this one instead of testing happy-dom.
 * The iterator is not live against removals: mark.js finishes iterating before it changes the DOM.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';

const FILTER_ACCEPT = 1;
const FILTER_SKIP = 3;

type FilterLike = ((node: Node) => number) | { acceptNode(node: Node): number } | null | undefined;

class SpecNodeIterator {
  referenceNode: Node;
  pointerBeforeReferenceNode = true;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    private readonly nodeFilter: FilterLike,
  ) {
    this.referenceNode = root;
  }

  get filter(): FilterLike {
    return this.nodeFilter;
  }

  private accept(node: Node): number {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return FILTER_SKIP;
    if (!this.nodeFilter) return FILTER_ACCEPT;
    return typeof this.nodeFilter === 'function' ? this.nodeFilter(node) : this.nodeFilter.acceptNode(node);
  }

  /** The node after `node` in tree order, within root. */
  private following(node: Node): Node | null {
    if (node.firstChild) return node.firstChild;
    for (let current: Node | null = node; current && current !== this.root; current = current.parentNode) {
      if (current.nextSibling) return current.nextSibling;
    }
    return null;
  }

  /** The node before `node` in tree order, within root. */
  private preceding(node: Node): Node | null {
    if (node === this.root) return null;
    let current = node.previousSibling;
    if (!current) return node.parentNode;
    while (current.lastChild) current = current.lastChild;
    return current;
  }

  private traverse(forward: boolean): Node | null {
    let node = this.referenceNode;
    let before = this.pointerBeforeReferenceNode;
    for (;;) {
      if (forward) {
        if (before) before = false;
        else {
          const next = this.following(node);
          if (!next) return null;
          node = next;
        }
      } else if (!before) before = true;
      else {
        const previous = this.preceding(node);
        if (!previous) return null;
        node = previous;
      }
      // NodeIterator treats FILTER_REJECT like FILTER_SKIP.
      if (this.accept(node) === FILTER_ACCEPT) break;
    }
    this.referenceNode = node;
    this.pointerBeforeReferenceNode = before;
    return node;
  }

  nextNode(): Node | null {
    return this.traverse(true);
  }

  previousNode(): Node | null {
    return this.traverse(false);
  }

  detach(): void {}
}

const FILTER_REJECT = 2;

/**
 * A TreeWalker's `nextNode` and `previousNode` by the DOM standard, for happy-dom: painting hands
 * mark.js TreeWalkers (paint-highlights.ts, `walkListed`), and happy-dom 20.14's
 * `previousNode()` steps over a text node that follows an element without text (`Y` in
 * `X<b>Y<a><i></i></a>Z</b>`, seen from `Z`), so mark.js would loop as above.
 */
class SpecTreeWalker {
  currentNode: Node;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    private readonly nodeFilter: FilterLike,
  ) {
    this.currentNode = root;
  }

  private accept(node: Node): number {
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return FILTER_SKIP;
    if (!this.nodeFilter) return FILTER_ACCEPT;
    return typeof this.nodeFilter === 'function' ? this.nodeFilter(node) : this.nodeFilter.acceptNode(node);
  }

  nextNode(): Node | null {
    let node = this.currentNode;
    let result = FILTER_ACCEPT;
    for (;;) {
      while (result !== FILTER_REJECT && node.firstChild) {
        node = node.firstChild;
        result = this.accept(node);
        if (result === FILTER_ACCEPT) return (this.currentNode = node);
      }
      let sibling: Node | null = null;
      for (let temporary: Node | null = node; temporary; temporary = temporary.parentNode) {
        if (temporary === this.root) return null;
        sibling = temporary.nextSibling;
        if (sibling) break;
      }
      if (!sibling) return null;
      node = sibling;
      result = this.accept(node);
      if (result === FILTER_ACCEPT) return (this.currentNode = node);
    }
  }

  previousNode(): Node | null {
    let node = this.currentNode;
    while (node !== this.root) {
      let sibling = node.previousSibling;
      while (sibling) {
        node = sibling;
        let result = this.accept(node);
        while (result !== FILTER_REJECT && node.lastChild) {
          node = node.lastChild;
          result = this.accept(node);
        }
        if (result === FILTER_ACCEPT) return (this.currentNode = node);
        sibling = node.previousSibling;
      }
      if (!node.parentNode) return null;
      node = node.parentNode;
      if (node === this.root) return null;
      if (this.accept(node) === FILTER_ACCEPT) return (this.currentNode = node);
    }
    return null;
  }
}

/**
 * Replaces `document.createNodeIterator` and `document.createTreeWalker` with the standard
 * algorithms; returns a function that undoes it.
 */
export function installSpecNodeIterator(document: Document): () => void {
  const originals = (['createNodeIterator', 'createTreeWalker'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(document, name)] as const);
  Object.defineProperty(document, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter: FilterLike = null) => new SpecNodeIterator(root, whatToShow, filter),
  });
  Object.defineProperty(document, 'createTreeWalker', {
    configurable: true,
    writable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter: FilterLike = null) => new SpecTreeWalker(root, whatToShow, filter),
  });
  return () => {
    for (const [name, original] of originals) {
      if (original) Object.defineProperty(document, name, original);
      else delete (document as { createNodeIterator?: unknown; createTreeWalker?: unknown })[name];
    }
  };
}

/**
 * For a test file that paints with mark.js under happy-dom: the standard NodeIterator for the whole
 * file, and an empty body after each test.
 */
export function useSpecNodeIterator(): void {
  let uninstall: () => void = () => undefined;
  beforeAll(() => {
    uninstall = installSpecNodeIterator(document);
  });
  afterAll(() => uninstall());
  afterEach(() => {
    document.body.innerHTML = '';
  });
}
