/** The pages both browsers' wake-gate suites serve (tests/e2e/wake-gate.*.test.ts). */

/** A page that names nobody in the claim set. */
export const NO_NAMES_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rain expected over the weekend</title></head>
<body><main id="story"><h1>Rain expected over the weekend</h1>
<p>Forecasters said a band of rain would cross the region on Saturday, with drier and brighter weather by Monday.</p>
<p>Council gritters are on standby in case temperatures fall overnight.</p></main></body></html>`;

/**
 * The Risk Reports claim, in the words the dynamic-pages suite appends to its live blog, plus the
 * word "AI" (that page's title has it): a known name in text about AI is what opens the gate.
 */
export const NAMING = 'Anthropic said it will publish Risk Reports on its AI models every three to six months, with outside review.';

/** The no-names page with the naming sentence in `#claim`. */
export const NAMING_PAGE = NO_NAMES_PAGE.replace('</main>', `<p id="claim">${NAMING}</p></main>`);

/**
 * An embedded post that names a known actor's claim but never says "AI" (a new user's report 58, problem 2): on its
 * own it cannot wake anything; embedded in a page about AI, it is read.
 */
export const EMBED_POST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body><p id="post">Microsoft will pause development and deployment if it identifies a risk it cannot sufficiently mitigate.</p>
<p>Amazon shares rose 2 percent.</p></body></html>`;

/** The naming page with `EMBED_POST`, served at `embedUrl`, in a frame. */
export const embeddingPage = (embedUrl: string): string =>
  NAMING_PAGE.replace('</main>', `<iframe id="embed" title="Embedded post" src="${embedUrl}" width="600" height="200"></iframe></main>`);
