/**
 * Stable mention ids. The id is derived from what the mention *is* (page, claim, quoted text and its
 * immediate context), so seeing the same sentence on a later visit yields the same id and the stored
 * record is updated instead of duplicated.
 */
import { PLEDGE_LENS_URN, type Mention } from './schema';

export const MENTION_ID_PREFIX = `${PLEDGE_LENS_URN}:mention:`;

/** The last URL `normalisePageUrl` was given and its result ('' is its own result). */
let lastPageUrl = { input: '', output: '' };

/**
 * Drops the fragment (`#section` links to the same page) and lets the URL parser canonicalise case,
 * default ports and percent-encoding. Unparseable input is still hashed, just less canonically.
 */
export function normalisePageUrl(pageUrl: string): string {
  // A page's mentions all carry its URL: parse it once per page, not once per mention.
  if (pageUrl === lastPageUrl.input) return lastPageUrl.output;
  const output = parsePageUrl(pageUrl);
  lastPageUrl = { input: pageUrl, output };
  return output;
}

function parsePageUrl(pageUrl: string): string {
  const trimmed = pageUrl.trim();
  try {
    const url = new URL(trimmed);
    url.hash = '';
    return url.href;
  } catch {
    const hash = trimmed.indexOf('#');
    return hash === -1 ? trimmed : trimmed.slice(0, hash);
  }
}

/** Text extraction differs slightly between visits (whitespace runs, composed accents); ignore that. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/*
 * 64-bit FNV-1a in four 16-bit limbs: plain Number arithmetic, so it is synchronous (unlike
 * crypto.subtle) and needs no BigInt. The prime is 2^40 + 0x1b3, so multiplying is
 * "times 0x1b3" plus "shifted left by 40 bits" (two limbs and 8 bits).
 */
const FNV_PRIME_LOW = 0x1b3;

function fnv1a64Hex(bytes: Uint8Array): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * FNV_PRIME_LOW;
    const t1 = h1 * FNV_PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * FNV_PRIME_LOW + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * FNV_PRIME_LOW + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex = (limb: number) => limb.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

const encoder = new TextEncoder();

/** Exposed for tests against published FNV-1a test vectors. */
export function fnv1a64(text: string): string {
  return fnv1a64Hex(encoder.encode(text));
}

/**
 * The id of a mention, e.g. `urn:pledge-lens:mention:9f1c0a2b3d4e5f60`. Pure and synchronous.
 * Inputs are serialised as a JSON array so that no choice of field contents can make two different
 * tuples produce the same byte string.
 * @param frameUrl the embed the quote is in (`Mention.frameUrl`), when it is not in the page itself
 */
export function mentionId(pageUrl: string, claimId: string, exact: string, prefix: string, suffix: string, frameUrl?: string): string {
  return MENTION_ID_PREFIX + fnv1a64(mentionKey(pageUrl, claimId, exact, prefix, suffix, frameUrl));
}

/**
 * What a mention's id hashes: its page, claim, quote and context, normalised as `mentionId` reads them, and the embed
 * it is in (`Mention.frameUrl`) when there is one: one post embedded in two articles is a mention in each, and a
 * mention's id outside an embed is what it was before embeds were kept apart.
 */
function mentionKey(pageUrl: string, claimId: string, exact: string, prefix: string, suffix: string, frameUrl?: string): string {
  const key = [normalisePageUrl(pageUrl), claimId.trim(), normaliseText(exact), normaliseText(prefix), normaliseText(suffix)];
  if (frameUrl !== undefined) key.push(parsePageUrl(frameUrl));
  return JSON.stringify(key);
}

type KeyedMention = Pick<Mention, 'pageUrl' | 'frameUrl' | 'claimId' | 'anchor'>;

/** `mentionKey` of a record. */
function keyOf(mention: KeyedMention): string {
  return mentionKey(mention.pageUrl, mention.claimId, mention.anchor.exact, mention.anchor.prefix, mention.anchor.suffix, mention.frameUrl);
}

/**
 * Whether two records with one id are one mention: the same page, claim, quote and context as the id reads
 * them. A 64-bit id is no proof of that against a page that chooses its own words: an attack page found text
 * whose id was a reader's mention on another site in minutes, and its visit rewrote that record's quote and
 * title under the reader's note (attack report 46). Records that share an id but not this are kept apart.
 */
function sameMention(a: KeyedMention, b: KeyedMention): boolean {
  return keyOf(a) === keyOf(b);
}

/** Whether a record's id is the hash of its own page, claim, quote and context (a crafted import's need not be). */
function idFitsMention(mention: KeyedMention & Pick<Mention, 'id'>): boolean {
  return mention.id === MENTION_ID_PREFIX + fnv1a64(keyOf(mention));
}

/**
 * Whether `incoming` may update `stored`, the record the history holds under the same id: when they are one mention
 * (`sameMention`), or when the stored record's id is not its own (a crafted import put it there), never when a
 * genuine record of another page, claim or quote would be taken over.
 */
export function mayUpdate(stored: KeyedMention & Pick<Mention, 'id'>, incoming: KeyedMention): boolean {
  return sameMention(stored, incoming) || !idFitsMention(stored);
}
