import Mark from 'mark.js';
import type { ExtractedText } from '../text/extract-text';
import { toMarkRanges } from '../text/to-mark-ranges';

export const MARK_CLASS = 'pledge-lens-mark';

/** One span to highlight, with what the mark elements must say about it. */
export interface HighlightSpec {
  claimId: string;
  kind: string;
  mentionId: string;
  /** Accessible name of the highlight. */
  label: string;
  start: number;
  end: number;
}

export interface PaintedHighlight {
  spec: HighlightSpec;
  /** The mark elements in document order; the first is the keyboard stop. */
  elements: HTMLElement[];
}

/**
 * The highlights we made, keyed by element. Cards are looked up here, never from data attributes:
 * a page can forge `<mark data-claim-id>` but cannot put an element into this map.
 */
export class HighlightRegistry {
  private readonly byElement = new WeakMap<Element, PaintedHighlight>();
  private readonly painted: PaintedHighlight[] = [];

  get(element: Element): PaintedHighlight | undefined {
    return this.byElement.get(element);
  }

  /** Live highlights: those whose elements are still in a document (a re-render may have removed them). */
  all(): PaintedHighlight[] {
    return this.painted.filter((highlight) => highlight.elements.some((element) => element.isConnected));
  }

  add(highlight: PaintedHighlight): void {
    this.painted.push(highlight);
    for (const element of highlight.elements) this.byElement.set(element, highlight);
  }

  /** Unwraps every mark we made, merging the split text nodes back so the page DOM is as it was. */
  clear(): void {
    const parents = new Set<Node>();
    for (const highlight of this.painted) {
      for (const element of highlight.elements) {
        const parent = element.parentNode;
        if (!parent) continue;
        while (element.firstChild) parent.insertBefore(element.firstChild, element);
        parent.removeChild(element);
        parents.add(parent);
        this.byElement.delete(element);
      }
    }
    for (const parent of parents) parent.normalize();
    this.painted.length = 0;
  }
}

interface TaggedRange {
  start: number;
  length: number;
  spec: HighlightSpec;
}

/**
 * Wraps each spec's span in `<mark>` elements with mark.js `markRanges`. Offsets come from the
 * extraction's map to mark space, so a span crossing inline markup or hidden text lands exactly.
 */
export function paintHighlights(extracted: ExtractedText, specs: readonly HighlightSpec[], registry: HighlightRegistry): PaintedHighlight[] {
  const byRoot = new Map<Node, TaggedRange[]>();
  for (const spec of specs) {
    for (const range of toMarkRanges(extracted, spec.start, spec.end)) {
      const list = byRoot.get(range.markRoot) ?? [];
      list.push({ start: range.start, length: range.length, spec });
      byRoot.set(range.markRoot, list);
    }
  }
  const elementsBySpec = new Map<HighlightSpec, HTMLElement[]>();
  for (const [root, ranges] of byRoot) {
    new Mark(root as HTMLElement).markRanges(ranges, {
      element: 'mark',
      className: MARK_CLASS,
      each: (element: Element, range: unknown) => {
        const { spec } = range as TaggedRange;
        const mark = element as HTMLElement;
        mark.dataset.claimId = spec.claimId;
        mark.dataset.claimKind = spec.kind;
        mark.dataset.mentionId = spec.mentionId;
        const list = elementsBySpec.get(spec) ?? [];
        list.push(mark);
        elementsBySpec.set(spec, list);
      },
    });
  }
  const painted: PaintedHighlight[] = [];
  for (const spec of specs) {
    const elements = elementsBySpec.get(spec);
    if (!elements?.length) continue;
    // One keyboard stop per mention, however many elements inline markup split it into.
    const [first] = elements;
    first!.tabIndex = 0;
    first!.setAttribute('role', 'button');
    first!.setAttribute('aria-haspopup', 'dialog');
    first!.setAttribute('aria-label', spec.label);
    const highlight = { spec, elements };
    registry.add(highlight);
    painted.push(highlight);
  }
  return painted;
}
