/**
 * Who vouches for a claim feed, and the bounds every feed update must respect whoever signed it.
 *
 * A reader adds a feed with the publisher's public key pinned (updates must carry a valid signature
 * by that key), or explicitly as unsigned (then only https vouches for where the file came from).
 * The feed pack's name says which, because it is what the card's footer, the popup and the options
 * page show as the source of a claim.
 */
import { compareVersions, isVersion } from './compare-versions';
import { FEED_KEY_ALGORITHM_LABEL, type PinnedFeedKey } from './feed-keys';

/** The reader's choice for the feed, stored with its URL. */
export type FeedTrust = PinnedFeedKey | { kind: 'unsigned' };

/** A feed update may be at most this many major versions ahead of the last good one. */
export const MAX_MAJOR_VERSION_JUMP = 3;
/**
 * ...or, in the same major version, this many minor versions (in the same minor version, patch versions): a
 * "2.99999999999999999999.0" passed the major check and would have blocked every later 2.x (attack report 45,
 * finding 7). This set has made about 30 minor and patch releases in a week.
 */
export const MAX_MINOR_VERSION_JUMP = 1_000;
/**
 * How far in the future `publishedAt` may be, by the reader's clock. A date-only value ("2026-12-01")
 * is read as that day's start in UTC; publishers up to UTC+14 are a day ahead of UTC, so 36 hours
 * leaves about half a day for a wrong clock on either side.
 */
export const MAX_PUBLISHED_AHEAD_MS = 36 * 60 * 60 * 1000;

/** "ECDSA P-256 key 3F2A 9C1B 77D0 E4A5", or "nobody (unsigned feed)". */
export function describeFeedTrust(trust: FeedTrust): string {
  return trust.kind === 'pinned' ? `${FEED_KEY_ALGORITHM_LABEL[trust.algorithm]} key ${trust.fingerprint}` : 'nobody (unsigned feed)';
}

/** Whether two choices accept the same updates (same key, or both unsigned). */
export function sameFeedTrust(a: FeedTrust | undefined, b: FeedTrust | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind === 'unsigned' || b.kind === 'unsigned') return a.kind === b.kind;
  return a.algorithm === b.algorithm && a.publicKey === b.publicKey;
}

function feedHost(feedUrl: string): string {
  try {
    return new URL(feedUrl).host;
  } catch {
    return feedUrl;
  }
}

/**
 * The name a feed pack is shown under (the card's footer, the pack list). Signed: the publisher named
 * in the signed file and the key that signed it ("Example Lab Watch (signed, key 3F2A 9C1B 77D0 E4A5)").
 * Unsigned: only the host, which https vouches for; a name inside an unsigned file is anyone's claim.
 */
export function feedPackName(publisher: string | undefined, trust: FeedTrust, feedUrl: string): string {
  const host = feedHost(feedUrl);
  if (trust.kind === 'unsigned') return `Unsigned feed from ${host}`;
  return `${publisher ?? `Feed from ${host}`} (signed, key ${trust.fingerprint})`;
}

/**
 * Why a feed version may not follow the last good one, or undefined when it may. Equal or older
 * versions are the caller's business (not-modified, not-newer); this refuses a leap so far ahead
 * that accepting it would block every normal update after it.
 */
export function versionLeapProblem(version: string, lastGood: string | undefined): string | undefined {
  if (lastGood === undefined || !isVersion(lastGood) || !isVersion(version) || compareVersions(version, lastGood) <= 0) return undefined;
  const [major, minor, patch] = version.split('.').map(BigInt) as [bigint, bigint, bigint];
  const [goodMajor, goodMinor, goodPatch] = lastGood.split('.').map(BigInt) as [bigint, bigint, bigint];
  // The first part that moves is the one bounded.
  const [part, leap, bound] =
    major !== goodMajor ? ['major', major - goodMajor, MAX_MAJOR_VERSION_JUMP] : minor !== goodMinor ? ['minor', minor - goodMinor, MAX_MINOR_VERSION_JUMP] : ['patch', patch - goodPatch, MAX_MINOR_VERSION_JUMP];
  if (leap <= BigInt(bound)) return undefined;
  return (
    `The feed says it is version ${version}, more than ${bound} ${part} versions ahead of the last good ${lastGood}. ` +
    'A jump that large is refused, because accepting it would block every later normal update. ' +
    'If the publisher really renumbered its versions, remove the feed pack in the Claim set section and update again.'
  );
}

/** Why a feed's publication date cannot be right by this computer's clock, or undefined when it can. */
export function publishedAtProblem(publishedAt: string, now: Date): string | undefined {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? Date.parse(`${publishedAt}T00:00:00Z`) : Date.parse(publishedAt);
  if (Number.isNaN(time) || time - now.getTime() <= MAX_PUBLISHED_AHEAD_MS) return undefined;
  return (
    `The feed says it was published on ${publishedAt}, which is in the future by this computer’s clock (${now.toISOString().slice(0, 10)}). ` +
    'It was refused: check this computer’s date, or tell the feed’s publisher.'
  );
}
