/**
 * Where wrapping text in an element changes layout. Inside a flex or grid container each contiguous
 * run of text is one anonymous item; a `<mark>` put around part of it becomes an item of its own (and
 * splits the run into three), so the line breaks into side-by-side columns. Text there is painted
 * with ranges instead (paint-highlights.ts, mode 'range').
 */
const ITEMIZING_DISPLAYS = new Set(['flex', 'inline-flex', 'grid', 'inline-grid', '-webkit-box', '-webkit-inline-box']);

/** Whether wrapping part of this text node would make it a separate flex or grid item. */
export function wrappingChangesLayout(node: Text, cache: Map<Element, boolean> = new Map()): boolean {
  const view = node.ownerDocument.defaultView;
  if (!view) return false;
  // `display: contents` boxes vanish: their text belongs to the nearest ancestor that has a box.
  const seen: Element[] = [];
  let answer = false;
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const known = cache.get(parent);
    if (known !== undefined) {
      answer = known;
      break;
    }
    seen.push(parent);
    const display = view.getComputedStyle(parent).display;
    if (display === 'contents') continue;
    // Two-value syntax ("block flex", "inline grid") as well as the legacy keywords.
    answer = ITEMIZING_DISPLAYS.has(display) || /\b(flex|grid)\b/.test(display);
    break;
  }
  for (const element of seen) cache.set(element, answer);
  return answer;
}
