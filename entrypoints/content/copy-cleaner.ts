import { MARK_CLASS } from '@/lib/highlight/paint-highlights';

/**
 * Copying a selection that spans our highlights must give the reader the page's text and markup, not
 * ours: left to itself the browser serialises our marks with their attributes (role="button",
 * tabindex, aria-description, data-claim-kind) and, in Chrome, every computed style of our reset rules inline (kilobytes
 * per mark), so pasting into a rich editor imports highlight boxes and fake buttons.
 *
 * When the selection touches one of our highlight elements, the clipboard is filled here instead:
 * text/plain is the selection's own text, text/html is the selected DOM (the page's elements with
 * their own attributes, partially selected ancestors included) with our marks unwrapped and our
 * keyboard proxies and card host left out. Selections that touch no highlight are left to the
 * browser. Page handlers registered after ours still run, and may still replace the data.
 */
export function cleanCopy(event: ClipboardEvent, touchesHighlights: (range: Range) => boolean, host: Element | undefined): void {
  const data = event.clipboardData;
  const doc = (event.target instanceof Node ? event.target.ownerDocument : null) ?? document;
  const selection = doc.getSelection();
  if (!data || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
  const ranges = Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i));
  if (!ranges.some(touchesHighlights)) return;
  const hostSelected = host !== undefined && ranges.some((range) => range.intersectsNode(host));
  const container = doc.createElement('div');
  for (const range of ranges) container.append(range.cloneContents());
  for (const mark of [...container.querySelectorAll(`mark.${MARK_CLASS}`)]) {
    // Keyboard proxies hold no text; marks hold the page's text, which stays.
    mark.replaceWith(...mark.childNodes);
  }
  if (host && hostSelected) {
    // A clone of the card host (its shadow root is not cloned) carries only our inline styles.
    for (const element of [...container.getElementsByTagName(host.localName)]) if (element.getAttribute('style') === host.getAttribute('style')) element.remove();
  }
  container.normalize();
  data.setData('text/plain', selection.toString());
  data.setData('text/html', container.innerHTML);
  event.preventDefault();
}
