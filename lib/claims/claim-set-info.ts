/** What extension pages are told about the claim sets in use: packs, the merged set's age, the feed. */
import type { FeedProblem } from '../messages/reader-failure';
import type { FeedTrust } from './feed-trust';

export interface PackSummary {
  id: string;
  name: string;
  source: 'bundled' | 'feed' | 'file';
  enabled: boolean;
  version: string;
  publishedAt: string;
  claimCount: number;
  /** Feed packs: the key whose signature was checked when it was stored, or that it came unsigned. */
  trust?: FeedTrust;
}

export interface FeedStatus {
  url: string;
  /** The reader's choice for the feed: the pinned publisher key, or unsigned. Undefined: no feed, or one set before signatures. */
  trust?: FeedTrust;
  lastSuccessAt?: string;
  lastCheckedAt?: string;
  /** `message`: English, as logged; `problem`: the same as a code with details, which the options page words (absent in statuses stored before it was added). */
  lastError?: { at: string; message: string; problem?: FeedProblem };
}

export interface ClaimSetInfo {
  /** `pack@version` of every enabled pack joined by "+", or "none". */
  version: string;
  /** The newest enabled pack's publication date, or undefined when no pack is enabled. */
  publishedAt?: string;
  /** Whole days since `publishedAt`; undefined with it. */
  ageDays?: number;
  stale: boolean;
  claimCount: number;
  packs: PackSummary[];
  feed: FeedStatus;
}
