// @vitest-environment happy-dom
/**
 * Highlight repair under random sequences of page actions (a seeded property test).
 *
 * Each sequence builds a random article (paragraphs, inline elements, claim sentences, sometimes two
 * in one text node or one across inline markup), paints every claim, then lets the page act on it N
 * times: rewrite one of its text nodes (a framework's `node.data = …`), split one, replace or remove a
 * paragraph, unwrap, move or wrap one of our marks, insert text inside a mark, change an attribute.
 * After each action `repair` runs on the observer's records as the content script runs it, and
 * sometimes a rescan paints what is on the page again. The same actions are applied to a *shadow*
 * copy of the article that has no highlighter; after every step:
 * - the page's text (body's textContent: our marks add no text) equals the shadow's;
 * - every page text node shows exactly its shadow's text (see `Model`), so a node the page holds
 *   cannot silently carry our copies of other text;
 * - no mark of ours is empty or inside another of ours, and each holds words of its claim (unless the
 *   page wrote into it);
 * - nothing throws.
 *
 * Replay one failing sequence: REPAIR_SEED=<seed> REPAIR_STEPS=<steps> npx vitest run tests/unit/highlight/repair-sequences.test.ts
 */
import { describe, expect, it } from 'vitest';
import { HighlightRegistry, paintHighlights, type HighlightSpec } from '../../../lib/highlight/paint-highlights';
import { extractText } from '../../../lib/text/extract-text';
import { toNodeRanges } from '../../../lib/text/node-ranges';
import { createPrng, type Prng } from '../../../scripts/bench/prng';
import { useSpecNodeIterator } from './spec-node-iterator';

useSpecNodeIterator();

const CLAIMS = [
  'Anthropic will publish Risk Reports every three to six months.',
  'OpenAI commits to external red teaming before each release.',
  'DeepMind pledged to share evaluation results with regulators.',
  'Meta will not release model weights above the risk threshold.',
];
const FILLER = ['Intro words.', 'The board met on Tuesday.', 'Analysts were unsure.', 'More later.', 'Read on.', 'Closing words.', 'Prices rose'];
const INLINE_TAGS = ['b', 'em', 'a', 'span'];

const SEQUENCES = 400;
const STEPS = 15;

/** A part of a paragraph: text, or an inline element holding text. */
type Run = string | { tag: string; text: string };

/** A claim whole, or cut by inline markup around some of its words (the highlight then has several marks). */
function claimRuns(prng: Prng): Run[] {
  const claim = prng.pick(CLAIMS);
  if (!prng.chance(0.3)) return [claim];
  const words = claim.split(' ');
  const from = prng.between(0, words.length - 2);
  const to = prng.between(from + 1, words.length - 1);
  const runs: Run[] = [];
  if (from > 0) runs.push(`${words.slice(0, from).join(' ')} `);
  runs.push({ tag: prng.pick(INLINE_TAGS), text: words.slice(from, to).join(' ') });
  runs.push(` ${words.slice(to).join(' ')}`);
  return runs;
}

/** Some words the page writes: filler, sometimes with a claim in it (a rescan paints it). */
function pageWords(prng: Prng): string {
  const parts = [prng.pick(FILLER)];
  if (prng.chance(0.3)) parts.push(prng.pick(CLAIMS));
  if (prng.chance(0.5)) parts.push(prng.pick(FILLER));
  return parts.join(' ');
}

/** Appends a paragraph of random runs to `parent`; consecutive strings become one text node. */
function buildParagraph(prng: Prng, parent: HTMLElement): void {
  const p = document.createElement('p');
  const runs: Run[] = [];
  const count = prng.between(1, 5);
  for (let i = 0; i < count; i++) {
    const roll = prng.next();
    if (roll < 0.45) runs.push(...claimRuns(prng));
    else if (roll < 0.8) runs.push(prng.pick(FILLER));
    else runs.push({ tag: prng.pick(INLINE_TAGS), text: prng.pick(FILLER) });
    runs.push(' ');
  }
  let text = '';
  const flush = (): void => {
    if (text) p.append(document.createTextNode(text));
    text = '';
  };
  for (const run of runs) {
    if (typeof run === 'string') text += run;
    else {
      flush();
      const element = document.createElement(run.tag);
      element.textContent = run.text;
      p.append(element);
    }
  }
  flush();
  parent.append(p);
}

function inDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

function textNodesUnder(root: Node): Text[] {
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** A broken invariant: the message says which and how. */
class Violation extends Error {}

/**
 * The page, its shadow (the same page with no highlighter) and how they correspond.
 *
 * Every page element has a twin in the shadow; our marks have none. Every text node on the page
 * belongs to one shadow text node, and the page nodes belonging to a shadow node, in document order
 * (its *chain*), show together exactly its text. Painting splits a page node into a chain: the
 * page's own node first (the *head*: what a framework holds and writes to), then our copies. The
 * page acts on what it sees, and each action says what the same intent does to the shadow:
 * - writing a head's data replaces the whole shadow node's text (our copies must go);
 * - splitting a head splits the shadow node at the same offset: the new node heads the rest;
 * - taking one of our marks out of its place (unwrap, move, wrap) makes its text the page's own: the
 *   shadow node is split around it, the mark's text nodes become heads, and the node after the
 *   mark heads the rest of the chain;
 * - text inserted inside a mark is inserted at that place of the shadow node; a text node appended
 *   to a mark the page took out is a page node of its own.
 */
class Model {
  readonly shadow = document.createElement('div');
  private readonly twinOf = new Map<Element, Element>();
  private readonly ownerOf = new Map<Text, Text>();

  constructor(readonly registry: HighlightRegistry) {
    for (const child of document.body.childNodes) this.shadow.append(this.cloneTwin(child));
  }

  private cloneTwin(node: Node): Node {
    if (node.nodeType === 3) {
      const copy = document.createTextNode((node as Text).data);
      this.ownerOf.set(node as Text, copy);
      return copy;
    }
    const copy = document.createElement((node as Element).tagName);
    this.twinOf.set(node as Element, copy);
    for (const child of node.childNodes) copy.append(this.cloneTwin(child));
    return copy;
  }

  twin(element: Element): Element {
    const twin = this.twinOf.get(element);
    if (!twin) throw new Error(`no twin for <${element.tagName}>`);
    return twin;
  }

  /** Registers an element the page made, with its shadow twin. */
  addTwin(element: Element, twin: Element): void {
    this.twinOf.set(element, twin);
  }

  isOurs(element: Element): boolean {
    return this.registry.get(element) !== undefined;
  }

  ourMarks(): HTMLElement[] {
    return [...document.body.querySelectorAll('mark')].filter((mark) => this.isOurs(mark));
  }

  owner(node: Text): Text {
    const owner = this.ownerOf.get(node);
    if (!owner) throw new Violation(`a text node no action made: "${node.data}"`);
    return owner;
  }

  setOwner(node: Text, owner: Text): void {
    this.ownerOf.set(node, owner);
  }

  chain(owner: Text): Text[] {
    const out: Text[] = [];
    for (const [node, of] of this.ownerOf) if (of === owner && node.isConnected) out.push(node);
    return out.sort(inDocumentOrder);
  }

  isHead(node: Text): boolean {
    return this.chain(this.owner(node))[0] === node;
  }

  /** Where `node`'s text starts in its shadow node. */
  offset(node: Text): number {
    let at = 0;
    for (const member of this.chain(this.owner(node))) {
      if (member === node) return at;
      at += member.data.length;
    }
    throw new Error('node not in its chain');
  }

  /** New text nodes painting made belong to the shadow node of the text node before them (the one they were split from). */
  adoptPainted(): void {
    let previous: Text | undefined;
    for (const node of textNodesUnder(document.body)) {
      if (!this.ownerOf.has(node)) {
        if (!previous) throw new Violation(`painting made a text node with nothing before it: "${node.data}"`);
        this.ownerOf.set(node, this.owner(previous));
      }
      previous = node;
    }
  }

  /**
   * The page took `mark` out of its place: its text nodes become heads of shadow nodes of their own,
   * and the chain's rest (after the mark) a shadow node headed by the node after it. Returns the
   * shadow nodes of the mark's text, in order.
   */
  detach(mark: Element): Text[] {
    const nodes = [...mark.childNodes];
    if (nodes.some((node) => node.nodeType !== 3)) throw new Error('a mark holding an element');
    const texts = nodes as Text[];
    const out: Text[] = [];
    for (const node of texts) {
      const owner = this.owner(node);
      const chain = this.chain(owner);
      const index = chain.indexOf(node);
      const start = this.offset(node);
      const rest = owner.splitText(start + node.data.length);
      const own = owner.splitText(start);
      for (const later of chain.slice(index + 1)) this.ownerOf.set(later, rest);
      this.ownerOf.set(node, own);
      out.push(own);
    }
    return out;
  }

  /** Every page text node belongs to a shadow node; each shadow node's chain shows its text. */
  check(): void {
    for (const node of textNodesUnder(document.body)) this.owner(node);
    for (const owner of textNodesUnder(this.shadow)) {
      const shown = this.chain(owner)
        .map((node) => node.data)
        .join('');
      if (shown !== owner.data) throw new Violation(`page nodes show "${shown}" where the page's own actions left "${owner.data}"`);
    }
  }
}

/** Characters of context on each side that make a mention's id (as `mentionId` in lib/annotations: the same sentence in the same place keeps its id). */
const MENTION_CONTEXT = 32;

function mentionIdAt(text: string, claimId: number, start: number, end: number): string {
  const squeeze = (part: string): string => part.replace(/\s+/g, ' ').trim();
  return JSON.stringify([claimId, squeeze(text.slice(Math.max(0, start - MENTION_CONTEXT), start)), squeeze(text.slice(end, end + MENTION_CONTEXT))]);
}

/** One random sequence; throws a Violation (or whatever the code under test threw) on the first broken invariant. */
function runSequence(seed: number, log: string[], steps: number): void {
  const prng = createPrng(seed);
  document.body.innerHTML = '';
  const paragraphs = prng.between(1, 4);
  for (let i = 0; i < paragraphs; i++) buildParagraph(prng, document.body);
  const registry = new HighlightRegistry();
  const model = new Model(registry);
  log.push(`article: ${document.body.innerHTML}`);

  /** A scan as the content script makes it: every claim occurrence not painted yet is painted. */
  const scan = (): void => {
    const extracted = extractText(document.body, { isHidden: () => false });
    const specs: HighlightSpec[] = [];
    const live = new Set(registry.all().map((highlight) => highlight.spec.mentionId));
    for (const [claimId, claim] of CLAIMS.entries()) {
      for (let at = extracted.text.indexOf(claim); at >= 0; at = extracted.text.indexOf(claim, at + 1)) {
        const mentionId = mentionIdAt(extracted.text, claimId, at, at + claim.length);
        // As the content script: a mention still shown, or text already inside one of our highlights, is not painted again.
        const [piece] = toNodeRanges(extracted, at, at + 1);
        if (live.has(mentionId) || (piece && registry.isPainted(piece.node, piece.from))) continue;
        specs.push({ claimId: String(claimId), kind: 'binding-commitment', mentionId, description: 'Claim', start: at, end: at + claim.length });
      }
    }
    paintHighlights(extracted, specs, registry);
    model.adoptPainted();
  };

  const check = (when: string): void => {
    const page = document.body.textContent;
    const shadow = model.shadow.textContent;
    if (page !== shadow) throw new Violation(`${when}: the page reads\n  "${page}"\nbut its own actions alone make\n  "${shadow}"`);
    for (const mark of model.ourMarks()) {
      if (!mark.textContent) throw new Violation(`${when}: an empty mark of ours`);
      for (let above = mark.parentElement; above; above = above.parentElement) if (model.isOurs(above)) throw new Violation(`${when}: a mark of ours inside another`);
      const claim = CLAIMS[Number(registry.get(mark)!.spec.claimId)]!;
      if (!claim.includes(mark.textContent)) throw new Violation(`${when}: a mark holds "${mark.textContent}", not words of "${claim}"`);
    }
    model.check();
  };

  scan();
  log.push(`painted: ${document.body.innerHTML}`);
  check('after painting');
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  try {
    for (let step = 0; step < steps; step++) {
      const did = act(prng, model);
      if (!did) continue;
      log.push(`step ${step}: ${did}`);
      registry.repair(observer.takeRecords());
      // The content script pauses its observer while repairing and painting: our changes are not the page's.
      observer.takeRecords();
      check(`after ${did} and repair`);
      if (prng.chance(0.4)) {
        scan();
        observer.takeRecords();
        log.push(`  rescan: ${document.body.innerHTML}`);
        check(`after the rescan following ${did}`);
      }
    }
  } finally {
    observer.disconnect();
  }
}

/** The page's blocks (paragraphs and asides it added), in order. */
function blocks(): HTMLElement[] {
  return [...document.body.children] as HTMLElement[];
}

/**
 * One random page action, applied to the page and to the shadow. Returns what was done (for the
 * log), or undefined when the chosen action had nothing to act on.
 */
function act(prng: Prng, model: Model): string | undefined {
  const marks = model.ourMarks();
  const texts = textNodesUnder(document.body);
  switch (prng.int(9)) {
    case 0: {
      // A framework rewrites a text node it holds.
      const heads = texts.filter((node) => model.isHead(node));
      if (!heads.length) return undefined;
      const node = prng.pick(heads);
      const words = pageWords(prng);
      const before = node.data;
      node.data = words;
      model.owner(node).data = words;
      return `write "${before}" -> "${words}"`;
    }
    case 1: {
      // The page splits one of its own text nodes.
      const heads = texts.filter((node) => node.data.length >= 2 && model.isHead(node));
      if (!heads.length) return undefined;
      const node = prng.pick(heads);
      const at = prng.between(1, node.data.length - 1);
      const owner = model.owner(node);
      const later = model.chain(owner).slice(1);
      const rest = owner.splitText(at);
      const added = node.splitText(at);
      model.setOwner(added, rest);
      for (const member of later) model.setOwner(member, rest);
      return `split "${node.data}|${added.data}"`;
    }
    case 2: {
      const block = blocks().length ? prng.pick(blocks()) : undefined;
      if (!block) return undefined;
      const words = pageWords(prng);
      block.textContent = words;
      model.twin(block).textContent = words;
      model.setOwner(block.firstChild as Text, model.twin(block).firstChild as Text);
      return `replace a paragraph's text with "${words}"`;
    }
    case 3: {
      const block = blocks().length ? prng.pick(blocks()) : undefined;
      if (!block) return undefined;
      model.twin(block).remove();
      block.remove();
      return `remove a paragraph "${block.textContent}"`;
    }
    case 4: {
      if (!marks.length) return undefined;
      const mark = prng.pick(marks);
      const words = mark.textContent;
      model.detach(mark);
      const parent = mark.parentNode!;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      return `unwrap the mark "${words}"`;
    }
    case 5: {
      if (!marks.length) return undefined;
      const mark = prng.pick(marks);
      let target = prng.chance(0.5) && blocks().length ? prng.pick(blocks()) : undefined;
      if (!target) {
        target = document.createElement('aside');
        const twin = document.createElement('aside');
        document.body.append(target);
        model.shadow.append(twin);
        model.addTwin(target, twin);
      }
      const own = model.detach(mark);
      target.append(mark);
      model.twin(target).append(...own);
      return `move the mark "${mark.textContent}" to the end of <${target.tagName}> "${target.textContent}"`;
    }
    case 6: {
      if (!marks.length) return undefined;
      const mark = prng.pick(marks);
      const own = model.detach(mark);
      const wrapper = document.createElement('span');
      const twin = document.createElement('span');
      model.addTwin(wrapper, twin);
      mark.before(wrapper);
      wrapper.append(mark);
      own[0]!.before(twin);
      twin.append(...own);
      return `wrap the mark "${mark.textContent}" in a span`;
    }
    case 7: {
      const withText = marks.filter((mark) => mark.lastChild?.nodeType === 3);
      if (!withText.length) return undefined;
      const mark = prng.pick(withText);
      const words = ` ${prng.pick(FILLER)} `;
      if (prng.chance(0.5)) {
        const node = prng.pick([...mark.childNodes] as Text[]);
        const at = prng.between(0, node.data.length);
        model.owner(node).insertData(model.offset(node) + at, words);
        node.insertData(at, words);
        return `insert "${words}" at ${at} of "${node.data}" inside a mark`;
      }
      const last = mark.lastChild as Text;
      const added = document.createTextNode(words);
      mark.append(added);
      if (model.isHead(last)) {
        // A mark the page took out holds page text nodes of their own: the new one is another.
        const own = document.createTextNode(words);
        model.owner(last).after(own);
        model.setOwner(added, own);
      } else {
        // In place, the mark's text is part of the page's node it was split from.
        model.owner(last).insertData(model.offset(last) + last.data.length, words);
        model.setOwner(added, model.owner(last));
      }
      return `append a text node "${words}" inside the mark "${mark.textContent}"`;
    }
    default: {
      const elements = [...document.body.querySelectorAll('*')];
      if (!elements.length) return undefined;
      const element = prng.pick(elements);
      const value = String(prng.int(100));
      element.setAttribute('data-page', value);
      if (!model.isOurs(element)) model.twin(element).setAttribute('data-page', value);
      return `set data-page=${value} on <${element.tagName}>`;
    }
  }
}

/**
 * Seeds that failed before the fixes they name (commit of this file), replayed on every run: each
 * broke an invariant on the code before its fix, within the steps given.
 */
const FOUND: ReadonlyArray<{ seed: number; steps: number; bug: string }> = [
  { seed: 6, steps: 5, bug: 'a rescan nested marks in a highlight the page had unwrapped one mark of' },
  { seed: 1, steps: 1, bug: 'a mark kept highlighting text the page wrote inside it' },
  { seed: 17, steps: 4, bug: "removing a highlight merged a moved mark's text into the page's text node before it" },
  { seed: 10, steps: 2, bug: 'the page splitting its text node read as a rewrite: repair deleted the claim and the rest' },
  { seed: 12, steps: 10, bug: 'the page splitting its text node read as a rewrite (the node split at the start of a claim)' },
  { seed: 112, steps: 3, bug: 'after the page took out a mark, a rewrite of the origin deleted a second claim further on' },
  { seed: 331, steps: 17, bug: "painting again in text the page took over recorded the pieces under the old origin" },
];

/** Runs sequences, failing with the seed, what broke and the whole log. */
function expectSequencesHold(seeds: readonly number[], steps: number): void {
  for (const seed of seeds) {
    const log: string[] = [];
    try {
      runSequence(seed, log, steps);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      expect.fail(`seed ${seed} (replay: REPAIR_SEED=${seed} REPAIR_STEPS=${steps}): ${message}\n${log.join('\n')}`);
    }
  }
}

describe('highlight repair under random page actions', () => {
  const replay = process.env.REPAIR_SEED;
  // More at once, to explore: REPAIR_SEQUENCES=5000 REPAIR_STEPS=30 (seeds 1..n).
  const count = Number(process.env.REPAIR_SEQUENCES ?? SEQUENCES);
  const steps = Number(process.env.REPAIR_STEPS ?? STEPS);
  const seeds = replay ? [Number(replay)] : Array.from({ length: count }, (_, i) => i + 1);

  it(`keeps the page's text its own through ${seeds.length} random sequences of ${steps} actions`, () => {
    expectSequencesHold(seeds, steps);
  });

  it.each(FOUND)('replays seed $seed: $bug', ({ seed, steps: found }) => {
    expectSequencesHold([seed], found);
  });
});
