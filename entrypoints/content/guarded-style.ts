/**
 * Our `<style>` elements in the page, held by reference, never looked up by id.
 *
 * Looking a style up by id let a page stop our highlight styles from loading with one
 * `<style id="pledge-lens-highlight-style">` of its own: we found the page's element and added none.
 * Each guarded style is ours by identity, and it is put back (with its text) when the page removes
 * or edits it. A page can still restyle the highlights with stronger rules of its own: it owns its
 * rendering (docs/security.md, "What we do not defend").
 */

/** Restores prompted by the page's own mutations, per style; a page that sweeps forever gets no loop. */
const MAX_RESTORES = 12;

/** Runs a DOM change of ours (the content script pauses its page observer there). */
export type QuietStep = (change: () => void) => void;

const immediate: QuietStep = (change) => change();

class GuardedStyle {
  readonly element: HTMLStyleElement;
  private readonly watcher: MutationObserver;
  private restores = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly container: Document | ShadowRoot,
    private readonly id: string,
    private readonly css: string,
    private step: QuietStep,
  ) {
    this.element = doc.createElement('style');
    this.watcher = new MutationObserver(() => this.onMutation());
  }

  private parent(): Node {
    return this.container === this.doc ? (this.doc.head ?? this.doc.documentElement ?? this.doc) : this.container;
  }

  private intact(): boolean {
    const element = this.element;
    return element.parentNode === this.parent() && element.textContent === this.css && element.attributes.length === 1 && element.id === this.id && !(element.sheet?.disabled ?? false);
  }

  /** Puts the element (back) in place with exactly our text and attributes, and watches it. */
  ensure(step: QuietStep = this.step): void {
    this.step = step;
    if (this.intact()) return;
    this.watcher.disconnect();
    step(() => {
      const element = this.element;
      // Attributes the page may have added (`media="print"`, `disabled`) would switch the sheet off.
      for (const name of element.getAttributeNames()) element.removeAttribute(name);
      element.id = this.id;
      element.textContent = this.css;
      if (element.parentNode !== this.parent()) this.parent().appendChild(element);
      if (element.sheet) element.sheet.disabled = false;
    });
    this.watch();
  }

  private watch(): void {
    const parent = this.element.parentNode;
    if (parent) this.watcher.observe(parent, { childList: true });
    this.watcher.observe(this.element, { childList: true, characterData: true, subtree: true, attributes: true });
  }

  private onMutation(): void {
    if (this.intact() || this.pending !== undefined || this.restores >= MAX_RESTORES) return;
    this.restores++;
    // Not in this microtask: a page observer and ours must never ping-pong synchronously.
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.ensure();
    }, 10 * this.restores);
  }

  remove(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.watcher.disconnect();
    this.step(() => this.element.remove());
  }
}

/** One kind of guarded style (the mark styles, the range styles), at most one per document or shadow root. */
export class GuardedStyleSheet {
  private readonly byContainer = new WeakMap<Document | ShadowRoot, GuardedStyle>();

  constructor(
    private readonly id: string,
    private readonly css: string,
  ) {}

  /** Adds our style to the document or an open shadow root, or repairs it there; idempotent. */
  install(doc: Document, container: Document | ShadowRoot = doc, step: QuietStep = immediate): HTMLStyleElement {
    let style = this.byContainer.get(container);
    if (!style) this.byContainer.set(container, (style = new GuardedStyle(doc, container, this.id, this.css, step)));
    style.ensure(step);
    return style.element;
  }

  /** Our element in this container, if installed (tests and the copy cleaner need no more). */
  elementIn(container: Document | ShadowRoot): HTMLStyleElement | undefined {
    return this.byContainer.get(container)?.element;
  }

  remove(container: Document | ShadowRoot): void {
    this.byContainer.get(container)?.remove();
    this.byContainer.delete(container);
  }
}

/**
 * One style in two palettes, for light pages and dark ones, under the same id: one of them in a document or shadow
 * root at a time (installing one takes the other out).
 */
export class PaletteStyleSheet {
  private readonly light: GuardedStyleSheet;
  private readonly dark: GuardedStyleSheet;

  constructor(id: string, lightCss: string, darkCss: string) {
    this.light = new GuardedStyleSheet(id, lightCss);
    this.dark = new GuardedStyleSheet(id, darkCss);
  }

  /** Adds the palette's style to the document or an open shadow root, or repairs it there; idempotent. */
  install(doc: Document, container: Document | ShadowRoot, dark: boolean, step: QuietStep = immediate): HTMLStyleElement {
    (dark ? this.light : this.dark).remove(container);
    return (dark ? this.dark : this.light).install(doc, container, step);
  }

  remove(container: Document | ShadowRoot): void {
    this.light.remove(container);
    this.dark.remove(container);
  }
}
