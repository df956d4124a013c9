/**
 * A quote a page keeps re-rendering with changing numbers beside it (a "readers online" counter, a clock, a live
 * score) is one mention, not a new one each second. A mention's id hashes its quote's context (mention-id.ts), so a
 * counter in the 32 characters before the quote gave every re-render its own id: a new user's report 57 found 26
 * history records and "16 mentions" in the popup for one sentence of a paragraph rewritten every second.
 *
 * The places of the mentions seen lately are kept in memory by a context with numbers masked and cut to the
 * characters nearest the quote; a sighting at a known place takes the id and anchor it was first seen with. Only
 * within this worker's life and for the pages met lately: a visit days later with other numbers is a new sighting,
 * as before.
 */
import { normaliseText } from '../annotations/mention-id';
import type { Mention } from '../annotations/schema';

/** Pages whose places are kept, newest last. */
const REMEMBERED_PAGES = 64;
/** Places kept per page: a real article has a few dozen mentions; a hostile page cannot grow this without end. */
const PLACES_PER_PAGE = 2_000;
/** Characters of context either side, nearest the quote, after masking: a counter growing a digit shifts the rest. */
const STEADY_CONTEXT_CHARS = 20;

/** Digits, with the separators inside a number, as one mark: "1,234" and "9" read the same. */
const NUMBER = /\d(?:[\d,.]*\d)?/g;

/** Text as a mention's id reads it (`normaliseText`), with its numbers masked. */
function steady(text: string): string {
  return normaliseText(text).replace(NUMBER, '#');
}

/** Where a mention is, for this purpose: its page, embed, claim, quote and steady context. */
function placeKey(mention: Mention): string {
  const { exact, prefix, suffix } = mention.anchor;
  return JSON.stringify([mention.frameUrl ?? '', mention.claimId, steady(exact), steady(prefix).slice(-STEADY_CONTEXT_CHARS), steady(suffix).slice(0, STEADY_CONTEXT_CHARS)]);
}

export class RecentPlaces {
  private readonly pages = new Map<string, Map<string, Pick<Mention, 'id' | 'anchor'>>>();

  /**
   * The mentions of one sighting (all of one `pageUrl`), each at a place seen lately taking the id and anchor it was
   * first seen with, so that its stored record and its highlight stay one; the others are remembered.
   * @returns a new array, same length and order
   */
  sameAsBefore(seen: readonly Mention[]): Mention[] {
    const pageUrl = seen[0]?.pageUrl;
    if (pageUrl === undefined) return [];
    let places = this.pages.get(pageUrl);
    if (places) this.pages.delete(pageUrl);
    else places = new Map();
    this.pages.set(pageUrl, places);
    if (this.pages.size > REMEMBERED_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return seen.map((mention) => {
      const key = placeKey(mention);
      const first = places.get(key);
      if (first === undefined) {
        if (places.size < PLACES_PER_PAGE) places.set(key, { id: mention.id, anchor: mention.anchor });
        return mention;
      }
      return first.id === mention.id ? mention : { ...mention, id: first.id, anchor: first.anchor };
    });
  }

  /** The history changed elsewhere (a deletion, an import, a clear): places may name records no longer there. */
  forget(): void {
    this.pages.clear();
  }
}
