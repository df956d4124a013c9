/**
 * Painting without touching the page's DOM: the CSS Custom Highlight API draws ranges, and nothing is
 * wrapped, split or inserted into the text. mark.js remains the highlighter; this is used only where
 * wrapping cannot be made safe (see `PaintMode` in paint-highlights.ts):
 * - text directly inside a flex or grid container, where a `<mark>` would become a flex/grid item of
 *   its own and break the row;
 * - text inside a server-rendered framework root before the page has settled, where splitting a text
 *   node makes the framework's hydration fail (it then throws the markup away and re-renders).
 */

/**
 * The registry names our ranges are drawn under: one per claim kind, one for highlights the reader
 * marked as wrong matches (dimmed, whatever their kind), plus the focused highlight.
 */
export const RANGE_HIGHLIGHT_NAMES = {
  'binding-commitment': 'pledge-lens-binding-commitment',
  'announced-target': 'pledge-lens-announced-target',
  'no-commitment': 'pledge-lens-no-commitment',
  'binding-commitment-ended': 'pledge-lens-binding-commitment-ended',
  'announced-target-ended': 'pledge-lens-announced-target-ended',
  'no-commitment-ended': 'pledge-lens-no-commitment-ended',
  dimmed: 'pledge-lens-dimmed',
  focus: 'pledge-lens-focus',
} as const;

/**
 * How a highlight is drawn: its kind's look, that look for a claim that no longer holds (`<kind>-ended`),
 * or dimmed when the reader marked it as a wrong match (whatever the claim's status).
 */
export function rangeLookOf(spec: { kind: string; dimmed?: boolean; ended?: boolean }): string {
  if (spec.dimmed) return 'dimmed';
  return spec.ended ? `${spec.kind}-ended` : spec.kind;
}

type HighlightKey = keyof typeof RANGE_HIGHLIGHT_NAMES;

/** The parts of the Custom Highlight API used here (not yet in every TypeScript DOM library). */
interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}
interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}
interface HighlightGlobals {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
}

function apiOf(doc: Document): { registry: HighlightRegistryLike; Highlight: new () => HighlightLike } | undefined {
  // Our own document's globals first: in a Firefox content script the window is seen through an Xray.
  const own = typeof document !== 'undefined' && doc === document;
  const scope = (own ? globalThis : doc.defaultView) as HighlightGlobals | null;
  const registry = scope?.CSS?.highlights;
  const Highlight = scope?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : undefined;
}

/** Whether this document's browser can paint ranges (Chrome 105+, Firefox 140+). */
export function rangePaintingSupported(doc: Document): boolean {
  return apiOf(doc) !== undefined;
}

/** Owns our entries in the document's highlight registry. */
export class RangePainter {
  private readonly highlights = new Map<HighlightKey, HighlightLike>();

  constructor(private readonly doc: Document) {}

  private highlight(key: HighlightKey): HighlightLike | undefined {
    const api = apiOf(this.doc);
    if (!api) return undefined;
    let highlight = this.highlights.get(key);
    // A page can delete our entry from the registry; putting it back costs nothing.
    if (!highlight || api.registry.get(RANGE_HIGHLIGHT_NAMES[key]) !== highlight) {
      highlight ??= new api.Highlight();
      api.registry.set(RANGE_HIGHLIGHT_NAMES[key], highlight);
      this.highlights.set(key, highlight);
    }
    return highlight;
  }

  /** A look's registry entry; a look we do not know (a kind from a newer claim set) is drawn as a target, the weaker promise. */
  private static keyOf(look: string): HighlightKey {
    if (look !== 'focus' && Object.hasOwn(RANGE_HIGHLIGHT_NAMES, look)) return look as HighlightKey;
    return look.endsWith('-ended') ? 'announced-target-ended' : 'announced-target';
  }

  /** Draws `ranges` in a look (`rangeLookOf`: a claim kind, or 'dimmed'); false where the browser cannot. */
  add(look: string, ranges: readonly Range[]): boolean {
    const highlight = this.highlight(RangePainter.keyOf(look));
    if (!highlight) return false;
    for (const range of ranges) highlight.add(range);
    return true;
  }

  remove(look: string, ranges: readonly Range[]): void {
    const highlight = this.highlights.get(RangePainter.keyOf(look));
    if (highlight) for (const range of ranges) highlight.delete(range);
  }

  /** Draws the keyboard focus on ranges (a range-painted highlight has no element to outline). */
  setFocus(ranges: readonly Range[] | undefined): void {
    const focus = ranges ? this.highlight('focus') : this.highlights.get('focus');
    focus?.clear();
    if (ranges) for (const range of ranges) focus?.add(range);
  }

  clear(): void {
    const api = apiOf(this.doc);
    for (const [key, highlight] of this.highlights) {
      highlight.clear();
      if (api?.registry.get(RANGE_HIGHLIGHT_NAMES[key]) === highlight) api.registry.delete(RANGE_HIGHLIGHT_NAMES[key]);
    }
    this.highlights.clear();
  }
}
