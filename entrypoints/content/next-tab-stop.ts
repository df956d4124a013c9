/**
 * Where Tab goes after a highlight whose card the reader tabbed out of. The card's host sits at the document's end
 * or in the top layer, so the browser alone would carry focus to the page's end; the card hands it on instead, as
 * the HTML popover's focus navigation does for a popover after its invoker: to the first tab stop that follows the
 * highlight in document order (a new user's report 56, problem 15: Tab past the card's last control came back to
 * the same highlight, and the next Tab opened the same card again).
 */

/** Elements read at most per search: a key press must stay cheap on a page of 100,000 elements. */
const MAX_ELEMENTS_READ = 5000;

/** What the browser puts in the sequential focus order by default (tabIndex 0), when not disabled or inert. */
function isTabStop(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.tabIndex < 0) return false;
  // (An <a> without href reports tabIndex 0 in some engines but is no stop.)
  if (element.localName === 'a' && !element.hasAttribute('href')) return false;
  if ((element as HTMLElement & { disabled?: boolean }).disabled === true) return false;
  if (element.closest('[inert], [hidden]')) return false;
  // checkVisibility: display:none ancestors, content-visibility, visibility:hidden (Chromium 105+, Firefox 106+).
  return typeof element.checkVisibility !== 'function' || element.checkVisibility({ visibilityProperty: true });
}

/**
 * The first tab stop after `end` in document order, outside `end` and outside `skip` (the card's host): an
 * HTMLElement with a non-negative tabIndex, not disabled, not inert, visible. Undefined when there is none within
 * MAX_ELEMENTS_READ elements. `end`: the highlight's last node (its last mark, or the end of its last range).
 * Shadow roots of the page are not entered (their stops come in their host's place only if the host is one).
 */
export function nextTabStop(end: Node, skip?: Node): HTMLElement | undefined {
  const doc = end.ownerDocument;
  if (!doc) return undefined;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = end;
  // Past `end`'s own descendants: the next node after its subtree.
  let node: Node | null = walker.currentNode;
  while (node && !walker.nextSibling()) node = walker.parentNode();
  if (!node) return undefined;
  for (let read = 0; read < MAX_ELEMENTS_READ; read++) {
    const element = walker.currentNode as Element;
    if (skip && (element === skip || skip.contains(element))) {
      // (Its subtree skipped as a whole.)
      let up: Node | null = element;
      while (up && !walker.nextSibling()) up = walker.parentNode();
      if (!up) return undefined;
      continue;
    }
    if (isTabStop(element)) return element;
    if (!walker.nextNode()) return undefined;
  }
  return undefined;
}
