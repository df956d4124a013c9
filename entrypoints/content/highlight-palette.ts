import type { ClaimKind } from '@/lib/claims/schema';

/** A kind's colours on one kind of page: its line, its solid wash, and the stripes of its wash when the claim no longer holds. */
export interface KindColours {
  /** The underline: 3:1 or more against the page (WCAG 1.4.11). */
  line: string;
  /** The wash of a claim that holds, light enough that the page's text keeps AA contrast on it. */
  wash: string;
  /** The striped wash's colour for a claim that no longer holds (`data-claim-ended`). */
  stripe: string;
}

/** How a kind is drawn: a line shape (so kinds tell apart without colour vision) and its colours on light and dark pages. */
export interface KindLook {
  lineStyle: 'solid' | 'dashed' | 'dotted';
  /** The underline's thickness in CSS px (a dotted line needs 3 to read as dots). */
  thickness: number;
  light: KindColours;
  dark: KindColours;
}

/**
 * The one table of the kinds' looks on the page, read by the marks' stylesheet (highlight-style.ts) and the Custom
 * Highlight API's (range-highlight-style.ts): a binding commitment solid blue, an announced target dashed amber, no
 * commitment dotted grey. The dark colours are for pages drawn on a dark background (`pageLooksDark`).
 */
export const KIND_LOOKS: Readonly<Record<ClaimKind, KindLook>> = {
  'binding-commitment': {
    lineStyle: 'solid',
    thickness: 2,
    light: { line: '#1d4ed8', wash: 'rgba(29, 78, 216, 0.16)', stripe: 'rgba(29, 78, 216, 0.24)' },
    dark: { line: '#93b4ff', wash: 'rgba(147, 180, 255, 0.25)', stripe: 'rgba(147, 180, 255, 0.32)' },
  },
  'announced-target': {
    lineStyle: 'dashed',
    thickness: 2,
    light: { line: '#a15c00', wash: 'rgba(217, 119, 6, 0.18)', stripe: 'rgba(217, 119, 6, 0.26)' },
    dark: { line: '#f5b454', wash: 'rgba(245, 180, 84, 0.22)', stripe: 'rgba(245, 180, 84, 0.3)' },
  },
  'no-commitment': {
    lineStyle: 'dotted',
    thickness: 3,
    light: { line: '#52525b', wash: 'rgba(82, 82, 91, 0.1)', stripe: 'rgba(82, 82, 91, 0.18)' },
    dark: { line: '#c4c4cc', wash: 'rgba(196, 196, 204, 0.16)', stripe: 'rgba(196, 196, 204, 0.24)' },
  },
};
