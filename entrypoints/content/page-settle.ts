/**
 * When a server-rendered page's framework may still be about to hydrate. Hydration (React, Vue,
 * Svelte, Angular, Solid, Qwik, Astro islands) walks the server's markup and expects each text node
 * to hold what the server sent; a text node split by painting makes it report a mismatch and render
 * the whole root again. So text inside a framework root is painted without touching the DOM (ranges,
 * mode 'interim') until the page has settled: SETTLE_AFTER_LOAD_MS after the load event. Text outside
 * such roots, and every page without one, is wrapped at once.
 */

/** Where frameworks mount server-rendered markup (and the generic mount points of client apps). */
const FRAMEWORK_ROOTS = [
  '#__next',
  '#___gatsby',
  '#__nuxt',
  '#root',
  '#app',
  '#svelte',
  '[data-reactroot]',
  '[data-server-rendered]',
  '[data-v-app]',
  '[ng-version]',
  '[ng-server-context]',
  '[data-hk]',
  'astro-island',
  '[q\\:container]',
  '[data-sveltekit-hydrate]',
].join(',');

/** A late framework chunk on a slow connection arrives well within this after the load event. */
const SETTLE_AFTER_LOAD_MS = 3_000;
/** Never wait longer than this after the content script started (a page whose load event never comes). */
const MAX_WAIT_MS = 10_000;

export class PageSettle {
  private readonly roots: Element[];
  private settleAt: number | undefined;
  private readonly deadline = performance.now() + MAX_WAIT_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiting: Array<() => void> = [];
  private readonly onLoad = (): void => {
    this.settleAt = performance.now() + SETTLE_AFTER_LOAD_MS;
    this.arm();
  };

  constructor(private readonly doc: Document) {
    let roots: Element[] = [];
    try {
      roots = [...doc.querySelectorAll(FRAMEWORK_ROOTS)];
    } catch {
      roots = [];
    }
    // Outermost only.
    this.roots = roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
    if (this.roots.length === 0) return;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (doc.readyState === 'complete') this.settleAt = (navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : performance.now()) + SETTLE_AFTER_LOAD_MS;
    else doc.defaultView?.addEventListener('load', this.onLoad, { once: true });
  }

  private forced = false;

  private settled(): boolean {
    const now = performance.now();
    return this.forced || this.roots.length === 0 || now >= this.deadline || (this.settleAt !== undefined && now >= this.settleAt);
  }

  /** Treats the page as settled from now on (a keyboard reader needs keyboard stops now). */
  settleNow(): void {
    this.forced = true;
    clearTimeout(this.timer);
    for (const then of this.waiting.splice(0)) then();
  }

  /** Whether this node lies in a framework root that may still hydrate. */
  unsettled(node: Node): boolean {
    return !this.settled() && this.roots.some((root) => root.contains(node));
  }

  /** Runs `then` once the page has settled (at once if it has). */
  whenSettled(then: () => void): void {
    if (this.settled()) {
      then();
      return;
    }
    this.waiting.push(then);
    this.arm();
  }

  private arm(): void {
    if (this.waiting.length === 0) return;
    clearTimeout(this.timer);
    const at = Math.min(this.deadline, this.settleAt ?? this.deadline);
    this.timer = setTimeout(() => {
      if (!this.settled()) {
        this.arm();
        return;
      }
      for (const then of this.waiting.splice(0)) then();
    }, Math.max(0, at - performance.now()) + 1);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.waiting.length = 0;
    this.doc.defaultView?.removeEventListener('load', this.onLoad);
  }
}
