/**
 * A content script runs inside the page, so the background treats what it sends as the page's: these
 * are forged and oversized messages, and senders that only look like ours.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_TO_BACKGROUND, MAX_PAGE_TEXT, MAX_REPORTED_CLAIMS, MAX_SCRIPT_RANGES } from '../../../lib/messages/content-to-background';
import { EXTENSION_PAGE_TO_BACKGROUND, MAX_NOTE_LENGTH } from '../../../lib/messages/extension-page-to-background';
import { parseRequest } from '../../../lib/messages/message-map';
import { senderRole } from '../../../lib/messages/sender-role';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who a sender is', () => {
  it.each([
    ['an origin that only starts like ours', `chrome-extension://${ID}x/options.html`],
    ['a host under a name like ours', `chrome-extension://${ID}.evil.example/options.html`],
    ['our origin inside a web page\'s address', `https://evil.example/${ORIGIN}options.html`],
    ['our origin in a query', `https://evil.example/?next=${ORIGIN}`],
    ['a blob made by a page', `blob:https://evil.example/${ID}`],
  ])('a content script on %s is a content script, not an extension page', (_label, url) => {
    expect(senderRole({ id: ID, url, tab: { id: 4 }, frameId: 2 }, ID, ORIGIN)).toEqual({ role: 'content-script', tabId: 4, frameId: 2, url });
  });

  it('our own id with no address, or no tab, is no role at all', () => {
    expect(senderRole({ id: ID }, ID, ORIGIN)).toEqual({ role: 'foreign' });
    expect(senderRole({ id: ID, url: 'https://news.example/' }, ID, ORIGIN)).toEqual({ role: 'foreign' });
    expect(senderRole({ id: ID, url: '', tab: { id: 4 } }, ID, ORIGIN)).toEqual({ role: 'foreign' });
  });
});

describe('forged and oversized content-script messages', () => {
  const claim = { claimId: 'a-claim', statement: 'S', kind: 'binding-commitment', status: 'in-force', statusDate: '2026-01-01', actorName: 'A', mentions: 1, firstOffset: 0 };
  const report = { type: 'report-frame', url: 'https://news.example/', enabled: true, scanning: false, claims: [claim] };

  it('accepts the well-formed report these cases start from', () => {
    expect('request' in parseRequest(CONTENT_TO_BACKGROUND, report)).toBe(true);
  });

  it.each([
    ['a sender role of its own', { ...report, role: 'extension-page' }],
    ['another tab or frame of its own', { ...report, tabId: 1, frameId: 0 }],
    ['an extra field inside a claim', { ...report, claims: [{ ...claim, packName: 'Official (signed, key 0000 0000 0000 0000)' }] }],
    ['a claim of an unknown kind', { ...report, claims: [{ ...claim, kind: 'constructor' }] }],
    ['more claims than a frame may report', { ...report, claims: Array.from({ length: MAX_REPORTED_CLAIMS + 1 }, () => claim) }],
    ['an extra field nested 100,000 deep', { ...report, extra: JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown }],
  ])('refuses a report with %s', (_label, forged) => {
    expect(parseRequest(CONTENT_TO_BACKGROUND, forged)).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed report-frame request/) as unknown as string });
  });

  it('accepts a report with the page\'s language as a primary subtag, and without one', () => {
    for (const language of ['de', 'en', 'gsw']) expect('request' in parseRequest(CONTENT_TO_BACKGROUND, { ...report, language }), language).toBe(true);
    expect(parseRequest(CONTENT_TO_BACKGROUND, { ...report, language: 'de' })).toMatchObject({ request: { language: 'de' } });
  });

  // The page writes its own `lang` attribute: the popup must never be handed markup, a long string or a non-string.
  it.each([
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a whole tag, not its primary subtag', 'de-DE'],
    ['upper case', 'DE'],
    ['one letter', 'd'],
    ['four letters', 'deut'],
    ['a megabyte', 'd'.repeat(1_000_000)],
    ['an empty string', ''],
    ['surrounding space', ' de'],
    ['a bidi override', '\u202ede'],
    ['a number', 49],
    ['an object', { toString: 'de' }],
    ['a list', ['de']],
    ['null', null],
  ])('refuses a report whose language is %s', (_label, language) => {
    expect(parseRequest(CONTENT_TO_BACKGROUND, { ...report, language })).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed report-frame request \(language\)/) as unknown as string });
  });

  it('refuses page text over the bound before any handler runs', () => {
    const answer = parseRequest(CONTENT_TO_BACKGROUND, { type: 'match-page', url: 'https://news.example/', title: '', text: 'x'.repeat(MAX_PAGE_TEXT + 1) });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed match-page request \(text\)/) as unknown as string });
  });

  it.each([
    ['too many runs', Array.from({ length: MAX_SCRIPT_RANGES + 1 }, (_, i): [number, number, string] => [i, i + 1, 'sup'])],
    ['a position other than sup or sub', [[0, 2, 'strike']]],
    ['a negative offset', [[-1, 2, 'sup']]],
    ['a fractional offset', [[0.5, 2, 'sup']]],
    ['a run of two fields', [[0, 2]]],
  ])('refuses superscript runs with %s', (_label, scripts) => {
    const answer = parseRequest(CONTENT_TO_BACKGROUND, { type: 'match-page', url: 'https://news.example/', title: '', text: 'x', scripts });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed match-page request \(scripts/) as unknown as string });
  });

  it('a note longer than the editor allows is refused, not cut', () => {
    const answer = parseRequest(EXTENSION_PAGE_TO_BACKGROUND, { type: 'set-note', mentionId: 'm', text: 'x'.repeat(MAX_NOTE_LENGTH + 1) });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed set-note request \(text\)/) as unknown as string });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('a request typed %j is unknown, in either map', (type) => {
    expect(parseRequest(CONTENT_TO_BACKGROUND, { type })).toEqual({ ok: false, error: 'Unknown request.' });
    expect(parseRequest(EXTENSION_PAGE_TO_BACKGROUND, { type })).toEqual({ ok: false, error: 'Unknown request.' });
  });
});
