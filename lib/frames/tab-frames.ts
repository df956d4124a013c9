/**
 * Frames are first-class: every frame of a tab runs its own content script and reports what it found;
 * this registry (kept by the background) aggregates a tab's frames for the popup and the badge.
 * Pure data, no extension APIs.
 */
import type { ClaimKind, ClaimStatus } from '../claims/schema';
import type { PageCitation } from '../annotations/page-citation';

/** One claim found in one frame, as the popup lists it. */
export interface PageClaimSummary {
  claimId: string;
  statement: string;
  kind: ClaimKind;
  status: ClaimStatus;
  statusDate: string;
  actorName: string;
  /**
   * The claim's force (the schema's `force`), added by the background from its claim set (never taken
   * from a frame's report): the label's tooltip says whether it binds in law or by its maker's word.
   */
  force?: string;
  /** When a law's duties take effect (YYYY-MM-DD), added by the background like `force`: the popup says a later day. */
  effectiveDate?: string;
  mentions: number;
  /** UTF-16 offset of the claim's first mention in its frame's extracted text: reading order within a frame. */
  firstOffset: number;
  /** Found on the page but not highlighted there: the page removes our highlights (so no jump to it). */
  hiddenByPage?: true;
  /**
   * How many of `mentions` the reader marked as wrong matches (absent when none). A claim all of whose mentions are
   * marked is not counted as on the page: not in the badge, and listed apart in the popup (a new user's report 54).
   */
  wrongMatches?: number;
  /** How many of `mentions` the matcher was unsure of (`ClaimMatch.possible`; absent when none): the popup says so. */
  possible?: number;
}

/** Whether the reader left a claim on the page: not every one of its mentions there is marked as a wrong match. */
export function standsOnPage(claim: Pick<PageClaimSummary, 'mentions' | 'wrongMatches'>): boolean {
  return (claim.wrongMatches ?? 0) < claim.mentions;
}

/** What one frame's content script last reported. */
export interface FrameReport {
  url: string;
  enabled: boolean;
  scanning: boolean;
  claims: PageClaimSummary[];
  /** The page's language (a primary subtag, "de") as the top frame decided it; other frames send none. */
  language?: string;
  /** The frame's text was cut at the scan's bounds: claims further down were not read. */
  partlyRead?: true;
  /** The page draws its own words into the frame's highlights, so they open no card. */
  cardsRefused?: true;
}

/** A tab as the popup sees it: the top frame's page, and the claims of every frame. */
export interface TabState {
  /** The top frame's URL, or undefined before it has reported (a browser page, or still loading). */
  topUrl?: string;
  /** Whether highlighting is on in the top frame. */
  enabled: boolean;
  scanning: boolean;
  /** Claims of all frames: the top frame's first in reading order, then each other frame's in frame order. */
  claims: Array<PageClaimSummary & { frameId: number }>;
  frameCount: number;
  /** The top frame's page language (a primary subtag, "de"); undefined when unknown or not reported. */
  language?: string;
  /** Some frame's text was cut at the scan's bounds (a very long page): the claims listed may not be all. */
  partlyRead?: true;
  /** Some frame's page draws its own words into the highlights, which then open no card. */
  cardsRefused?: true;
}

const TOP_FRAME_ID = 0;

/** The page in a tab's top frame, as that frame named it when it first asked or matched. */
export interface TopPage {
  url: string;
  /** The page's `document.title`; '' when not told yet. */
  title: string;
  /** The page's citation metadata, as its top frame sent it with its text (absent before, or when it has none). */
  citation?: PageCitation;
}

export class TabFrames {
  private readonly tabs = new Map<number, Map<number, FrameReport>>();
  private readonly topPages = new Map<number, TopPage>();

  /**
   * Records the page in a tab's top frame before it reports (it asks whether its site is on as it starts): an embed
   * matched meanwhile is filed under it (content-origin.ts `historyPlace`), with the page's title and citation (a quote in
   * an embed is cited as the article's, with its authors and date). A title or citation given once stays until a new one.
   */
  noteTopPage(tabId: number, url: string, title?: string, citation?: PageCitation): void {
    const known = this.topPages.get(tabId)?.url === url ? this.topPages.get(tabId) : undefined;
    const kept = citation ?? known?.citation;
    this.topPages.set(tabId, { url, title: title ?? known?.title ?? '', ...(kept && { citation: kept }) });
  }

  /** The tab's top page as its top frame named it (`noteTopPage`), or as its report gave it; undefined before either. */
  topPage(tabId: number): TopPage | undefined {
    const noted = this.topPages.get(tabId);
    const reported = this.topUrl(tabId);
    if (reported !== undefined && reported !== noted?.url) return { url: reported, title: '' };
    return noted;
  }

  /** Records a frame's latest report (it replaces that frame's earlier one). */
  report(tabId: number, frameId: number, report: FrameReport): void {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, report);
  }

  /** Forgets a tab (closed), or all its frames when its top document changes (a new page loads). */
  forgetTab(tabId: number): void {
    this.tabs.delete(tabId);
    this.topPages.delete(tabId);
  }

  /** Every tab some frame has reported for (and that was not forgotten since). */
  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /** The frame that holds a claim's first highlighted mention (the top frame first), for jumping to it. */
  frameWithClaim(tabId: number, claimId: string): number | undefined {
    return this.state(tabId).claims.find((claim) => claim.claimId === claimId)?.frameId;
  }

  /** The tab's top page as its top frame last reported it; undefined before it has reported. */
  topUrl(tabId: number): string | undefined {
    return this.tabs.get(tabId)?.get(TOP_FRAME_ID)?.url;
  }

  /** The tab's aggregate; an unknown tab is empty. */
  state(tabId: number): TabState {
    const frames = this.tabs.get(tabId) ?? new Map<number, FrameReport>();
    const top = frames.get(TOP_FRAME_ID);
    const ordered = [...frames.entries()].sort(([a], [b]) => (a === TOP_FRAME_ID ? -1 : b === TOP_FRAME_ID ? 1 : a - b));
    const claims: TabState['claims'] = [];
    const seen = new Map<string, PageClaimSummary & { frameId: number }>();
    for (const [frameId, frame] of ordered) {
      if (!frame.enabled) continue;
      for (const claim of [...frame.claims].sort((a, b) => a.firstOffset - b.firstOffset)) {
        const earlier = seen.get(claim.claimId);
        if (earlier) {
          earlier.mentions += claim.mentions;
          if (claim.wrongMatches) earlier.wrongMatches = (earlier.wrongMatches ?? 0) + claim.wrongMatches;
          if (claim.possible) earlier.possible = (earlier.possible ?? 0) + claim.possible;
          // Shown in this frame though not in the earlier one: jumping goes here.
          if (earlier.hiddenByPage && !claim.hiddenByPage) {
            delete earlier.hiddenByPage;
            earlier.frameId = frameId;
          }
        } else {
          const entry = { ...claim, frameId };
          seen.set(claim.claimId, entry);
          claims.push(entry);
        }
      }
    }
    return {
      ...(top ? { topUrl: top.url } : {}),
      enabled: top?.enabled ?? false,
      scanning: [...frames.values()].some((frame) => frame.scanning),
      claims,
      frameCount: frames.size,
      ...(top?.language ? { language: top.language } : {}),
      ...([...frames.values()].some((frame) => frame.enabled && frame.partlyRead) ? { partlyRead: true as const } : {}),
      ...([...frames.values()].some((frame) => frame.enabled && frame.cardsRefused) ? { cardsRefused: true as const } : {}),
    };
  }
}
