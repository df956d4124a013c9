// @vitest-environment happy-dom
/**
 * The annotator tells the background the page's language with each report (the popup says a page in
 * another language is not read, rather than "no known claims"), asking for it each time: a
 * single-page app may load an article in another language.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentLanguage } from '@/lib/text/page-language';
import { FRENCH, GERMAN } from '../text/language-samples';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { getURL: (path: string) => path } } }));

const { PageAnnotator } = await import('@/entrypoints/content/page-annotator');

interface Sent {
  type: string;
  language?: string;
}

/** An annotator whose background answers at once (no matches), reporting the language `language` gives. */
function annotator(language?: () => string | undefined): { annotator: InstanceType<typeof PageAnnotator>; reports: Sent[] } {
  const reports: Sent[] = [];
  const ask = (async (request: Sent) => {
    if (request.type === 'report-frame') reports.push(request);
    return request.type === 'match-page' ? { ok: true, matches: [], claims: {}, claimSetVersion: 'v' } : { ok: true };
  }) as unknown as ConstructorParameters<typeof PageAnnotator>[1];
  return { annotator: new PageAnnotator(document, ask, (id) => Promise.resolve(id), () => 'https://example.org/a', language), reports };
}

let made: InstanceType<typeof PageAnnotator> | undefined;
afterEach(() => {
  made?.destroy();
  made = undefined;
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
});

describe('the page language in the frame report', () => {
  it('a German page with nothing to highlight reports "de", read from the page when it is reported', async () => {
    document.body.innerHTML = `<p>${GERMAN}</p>`;
    const { annotator: page, reports } = annotator(() => documentLanguage(document));
    made = page;
    await page.startWhen(Promise.resolve(true));
    expect(reports.at(-1)).toMatchObject({ type: 'report-frame', language: 'de' });
    // A single-page app's next article is in another language: the next report says so.
    document.body.innerHTML = `<p>${FRENCH}</p>`;
    await page.report();
    expect(reports.at(-1)).toMatchObject({ language: 'fr' });
  });

  it('a frame that reports no language (not the top frame, or unknown) sends no field', async () => {
    document.body.innerHTML = `<p>${GERMAN}</p>`;
    const { annotator: page, reports } = annotator();
    made = page;
    await page.startWhen(Promise.resolve(true));
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expect(report).not.toHaveProperty('language');
  });
});
