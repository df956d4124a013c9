// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, CELL_SEPARATOR, LINE_BREAK, extractText, extractTextSliced, isHiddenByStyle, type ExtractedText } from '../../../lib/text/extract-text';
import { textFromHtml } from '../../../scripts/cli/load-input';

/** Nothing is hidden unless a test says so: keeps these tests independent of happy-dom's CSS engine. */
const nothingHidden = { isHidden: () => false };

function extractBody(html: string, options: Parameters<typeof extractText>[1] = nothingHidden): ExtractedText {
  document.body.innerHTML = html;
  return extractText(document.body, options);
}

/** Every segment must point at exactly the text its node holds (the last of a truncated text: at its start). */
function expectSegmentsMapBack(extracted: ExtractedText): void {
  expect(extracted.segments.length).toBeGreaterThan(0);
  let previousEnd = 0;
  extracted.segments.forEach((segment, i) => {
    const cut = extracted.truncated === true && i === extracted.segments.length - 1;
    const held = extracted.text.slice(segment.start, segment.end);
    if (cut) expect(segment.node.data.startsWith(held)).toBe(true);
    else expect(held).toBe(segment.node.data);
    expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = segment.end;
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('extractText: what is skipped', () => {
  const skippedMarkup: Array<[string, string]> = [
    ['script', '<script>var leakedScript = 1;</script>'],
    ['style', '<style>.leakedStyle { color: red }</style>'],
    ['noscript', '<noscript>leakednoscript fallback</noscript>'],
    ['template', '<template><p>leakedtemplate</p></template>'],
    ['textarea', '<textarea>leakedtextarea draft</textarea>'],
    ['input', '<input value="leakedinput">'],
    ['select', '<select><option>leakedselect choice</option></select>'],
    ['button', '<button>leakedbutton label</button>'],
    ['pre', '<pre>leakedpre block</pre>'],
    ['code', '<p>Run <code>leakedcode()</code> now.</p>'],
    ['svg', '<svg><text>leakedsvg label</text></svg>'],
    ['[hidden]', '<div hidden>leakedhidden attribute</div>'],
    ['contenteditable', '<div contenteditable>leakededitable notes</div>'],
    ['contenteditable=true', '<div contenteditable="true">leakededitable2 notes</div>'],
    ['contenteditable=plaintext-only', '<div contenteditable="plaintext-only">leakededitable3 notes</div>'],
  ];

  it.each(skippedMarkup)('skips %s', (_name, markup) => {
    const extracted = extractBody(`<p>Before text.</p>${markup}<p>After text.</p>`);
    expect(extracted.text).not.toMatch(/leaked/);
    expect(extracted.text).toContain('Before text.');
    expect(extracted.text).toContain('After text.');
    expectSegmentsMapBack(extracted);
  });

  it('keeps contenteditable="false" (it is ordinary page text)', () => {
    const extracted = extractBody('<p>Visible.</p><div contenteditable="false">Read-only widget text.</div>');
    expect(extracted.text).toContain('Read-only widget text.');
  });

  it('keeps the text of an element nested in a contenteditable="false" island', () => {
    const extracted = extractBody('<div contenteditable="FALSE"><p>Island <em>prose</em> here.</p></div>');
    expect(extracted.text).toBe('Island prose here.');
  });

  it('skips elements an injected isHidden reports hidden, and only those', () => {
    const seen: string[] = [];
    const isHidden = (element: Element): boolean => {
      seen.push(element.tagName);
      return element.classList.contains('ad');
    };
    const extracted = extractBody(
      '<p>Lead paragraph.</p><p class="ad">Buy our sponsored gadget.</p><p>Second <span class="ad">secret aside</span>paragraph.</p>',
      { isHidden },
    );
    expect(extracted.text).not.toContain('sponsored');
    expect(extracted.text).not.toContain('secret');
    expect(extracted.text).toContain('Lead paragraph.');
    expect(extracted.text).toContain('Second paragraph.');
    expect(seen.length).toBeGreaterThan(0);
    expectSegmentsMapBack(extracted);
  });

  it('drops nested text when isHidden is ancestor-aware, as checkVisibility is', () => {
    // The contract: isHidden answers "is this element rendered hidden", ancestors included.
    const extracted = extractBody('<p>Shown.</p><div class="ad"><p>Nested <b>advert</b> copy.</p></div><p>Also shown.</p>', {
      isHidden: (element) => element.closest('.ad') !== null,
    });
    expect(extracted.text).toBe(`Shown.${BLOCK_SEPARATOR}Also shown.`);
    expectSegmentsMapBack(extracted);
  });

  it('keeps hidden text out of the text but counts it in mark space', () => {
    const extracted = extractBody('<p>alpha <span class="ad">beta</span> gamma</p>', {
      isHidden: (element) => element.classList.contains('ad'),
    });
    expect(extracted.text).toBe('alpha  gamma');
    const gamma = extracted.segments.find((segment) => segment.node.data === ' gamma');
    // mark.js still counts "beta", so the next node starts after it in mark space.
    expect(gamma?.markStart).toBe('alpha beta'.length);
  });

  it('uses the DOM visibility check by default (display:none)', () => {
    document.body.innerHTML = '<p>Shown words.</p><p style="display:none">Invisible words.</p>';
    const extracted = extractText(document.body);
    expect(extracted.text).toBe('Shown words.');
  });

  it('applies skipSelector', () => {
    const extracted = extractBody('<p>Article body.</p><aside class="our-ui">Extension panel text.</aside>', {
      ...nothingHidden,
      skipSelector: '.our-ui',
    });
    expect(extracted.text).toBe('Article body.');
  });

  it('the CLI (inline-style hiding) drops text nested inside a display:none container', () => {
    const { text } = textFromHtml(
      '<html><head><title>T</title></head><body><p>Visible sentence.</p><div style="display:none"><p>Concealed sentence.</p></div></body></html>',
      'https://example.org/page',
    );
    expect(text).toContain('Visible sentence.');
    expect(text).not.toContain('Concealed');
  });
});

describe('extractText: boundaries', () => {
  it('separates paragraphs with one BLOCK_SEPARATOR and never joins their words', () => {
    const extracted = extractBody('<p>first</p><p>second</p>');
    expect(extracted.text).toBe(`first${BLOCK_SEPARATOR}second`);
    expect(extracted.text).not.toContain('firstsecond');
  });

  it('separates list items and headings too, without leading or trailing separators', () => {
    const extracted = extractBody('<h2>Title</h2><ul><li>one</li><li>two</li></ul><div><div>deep</div></div>');
    expect(extracted.text.split(BLOCK_SEPARATOR)).toEqual(['Title', 'one', 'two', 'deep']);
  });

  it('does not add separators for inline markup (a, em, b, span)', () => {
    const extracted = extractBody('<p>A <a href="#x">linked</a> and <em>stressed</em> <b>bold</b><span>ly</span> said.</p>');
    expect(extracted.text).toBe('A linked and stressed boldly said.');
    expect(extracted.text).not.toContain(BLOCK_SEPARATOR);
    expect(extracted.segments).toHaveLength(8);
    expectSegmentsMapBack(extracted);
  });

  it('turns <br> into a line break', () => {
    const extracted = extractBody('<p>line one<br>line two</p>');
    expect(extracted.text).toBe(`line one${LINE_BREAK}line two`);
  });

  it('lets a block boundary win over a line break at the same place', () => {
    const extracted = extractBody('<p>end of para<br></p><p>next para</p>');
    expect(extracted.text).toBe(`end of para${BLOCK_SEPARATOR}next para`);
  });

  it('joins the cells of a table row with CELL_SEPARATOR and the rows with BLOCK_SEPARATOR', () => {
    const extracted = extractBody(
      '<p>Before</p><table><caption>Rules</caption><tr><th>Company</th><th>Rule</th></tr><tr><td>Acme</td><td>Stops <b>development</b></td></tr></table><p>After</p>',
    );
    expect(extracted.text).toBe(['Before', 'Rules', `Company${CELL_SEPARATOR}Rule`, `Acme${CELL_SEPARATOR}Stops development`, 'After'].join(BLOCK_SEPARATOR));
    expectSegmentsMapBack(extracted);
  });

  it("keeps a row one row through its cells' own paragraphs and list items and the source's white space between cells; a row of one cell is a block", () => {
    const extracted = extractBody('<table><tr><td><p>one</p><p>two</p></td><td>three</td></tr><tr><td>alone</td></tr></table>');
    expect(extracted.text).toBe(`one${CELL_SEPARATOR}two${CELL_SEPARATOR}three${BLOCK_SEPARATOR}alone`);
    const pretty = extractBody('<table>\n  <tr>\n    <td><p>Meta</p></td>\n    <td><ul><li>trigger</li></ul></td>\n    <td>Stop development.</td>\n  </tr>\n  <tr>\n    <td>Microsoft</td>\n  </tr>\n</table>');
    expect(pretty.text).toBe(`Meta${CELL_SEPARATOR}trigger${CELL_SEPARATOR}Stop development.${BLOCK_SEPARATOR}Microsoft`);
    expectSegmentsMapBack(pretty);
  });

  it('ends the outer row at a table nested in one of its cells: its later cells do not join the inner table\'s last row', () => {
    const extracted = extractBody('<table><tr><td>Meta</td><td><table><tr><td>Google</td><td>Framework</td></tr></table></td><td>Stop development.</td></tr></table>');
    expect(extracted.text).toBe(`Meta${BLOCK_SEPARATOR}Google${CELL_SEPARATOR}Framework${BLOCK_SEPARATOR}Stop development.`);
  });

  it('puts a block boundary where a skipped textarea sat between two runs of text', () => {
    const extracted = extractBody('<div>left side<textarea>typed</textarea>right side</div>');
    expect(extracted.text).toBe(`left side${BLOCK_SEPARATOR}right side`);
  });

  it('maps segments back to their text nodes in a mixed document', () => {
    const extracted = extractBody(
      '<article><h1>Head</h1><p>One <em>two</em> three.<br>Four <a href="#">five</a>.</p><script>x()</script><ul><li>six <b>seven</b></li></ul></article>',
    );
    expectSegmentsMapBack(extracted);
    expect(extracted.segments.map((segment) => segment.node.data).join('|')).toBe('Head|One |two| three.|Four |five|.|six |seven');
  });
});

describe('extractText: shadow DOM and depth', () => {
  it('extracts an open shadow root with the shadow root as markRoot', () => {
    document.body.innerHTML = '<p>Light text.</p><div id="host"></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <em>text</em> inside.</p>';
    const extracted = extractText(document.body, nothingHidden);
    expect(extracted.text).toBe(`Light text.${BLOCK_SEPARATOR}Shadow text inside.`);
    expectSegmentsMapBack(extracted);
    const shadowSegments = extracted.segments.filter((segment) => shadow.contains(segment.node));
    expect(shadowSegments.map((segment) => segment.node.data)).toEqual(['Shadow ', 'text', ' inside.']);
    for (const segment of shadowSegments) expect(segment.markRoot).toBe(shadow);
    // markStart counts from the shadow root, not from the document.
    expect(shadowSegments[0]!.markStart).toBe(0);
    expect(shadowSegments[1]!.markStart).toBe('Shadow '.length);
    const lightSegment = extracted.segments.find((segment) => segment.node.data === 'Light text.');
    expect(lightSegment?.markRoot).toBe(document.body);
  });

  it('walks a DOM nested 5,000 levels deep without overflowing', () => {
    document.body.innerHTML = '';
    let parent: HTMLElement = document.body;
    for (let depth = 0; depth < 5000; depth++) {
      const child = document.createElement(depth % 2 ? 'span' : 'div');
      if (depth === 2500) child.append('halfway ');
      parent.append(child);
      parent = child;
    }
    parent.append('bottom words');
    const extracted = extractText(document.body, nothingHidden);
    expect(extracted.text).toBe(`halfway ${BLOCK_SEPARATOR}bottom words`);
    expectSegmentsMapBack(extracted);
    const bottom = extracted.segments[extracted.segments.length - 1]!;
    expect(bottom.markStart).toBe('halfway '.length);
  });
});

describe('extractText: bounds and slicing', () => {
  function longArticle(paragraphs: number): string {
    return Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} says <em>something</em> about pledges.</p>`).join('');
  }

  it('stops at maxLength with truncated set, keeping a prefix of the full text that still maps back', () => {
    document.body.innerHTML = longArticle(200);
    const full = extractText(document.body, nothingHidden);
    expect(full.truncated).toBeUndefined();
    const cut = extractText(document.body, { ...nothingHidden, maxLength: 300 });
    expect(cut.truncated).toBe(true);
    // Never past the bound: a text longer than it is more than the background takes (the whole page went unread).
    expect(cut.text.length).toBe(300);
    expect(full.text.startsWith(cut.text)).toBe(true);
    expectSegmentsMapBack(cut);
  });

  it('cuts a single text node longer than maxLength at the bound', () => {
    document.body.innerHTML = `<p>${'Pledges and safeguards. '.repeat(50)}</p>`;
    const cut = extractText(document.body, { ...nothingHidden, maxLength: 100 });
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.text).toBe('Pledges and safeguards. '.repeat(50).slice(0, 100));
    expectSegmentsMapBack(cut);
  });

  it('stops at maxNodes with truncated set', () => {
    document.body.innerHTML = longArticle(200);
    const cut = extractText(document.body, { ...nothingHidden, maxNodes: 100 });
    expect(cut.truncated).toBe(true);
    expect(cut.segments.length).toBeLessThan(100);
    expect(extractText(document.body, nothingHidden).text.startsWith(cut.text)).toBe(true);
  });

  it('extractTextSliced yields between slices and gives the same result as extractText', async () => {
    document.body.innerHTML = longArticle(400);
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow tail.</p>';
    let yields = 0;
    const sliced = await extractTextSliced(document.body, nothingHidden, () => true, async () => {
      yields++;
    });
    const whole = extractText(document.body, nothingHidden);
    expect(yields).toBeGreaterThan(1);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.segments.map((s) => [s.start, s.end, s.markStart, s.node])).toEqual(whole.segments.map((s) => [s.start, s.end, s.markStart, s.node]));
    expect(sliced.text.endsWith(`${BLOCK_SEPARATOR}Shadow tail.`)).toBe(true);
  });
});

describe('isHiddenByStyle: what CSS keeps from the reader', () => {
  it('counts text drawn at font-size 0, inherited too, as hidden, and a child that sets a size again as shown (attack report 48, finding 8)', () => {
    document.body.innerHTML = '<p id="plain">Anthropic says</p><p style="font-size: 0"><span id="zero">Anthropic</span><span id="again" style="font-size: 16px">OpenAI</span></p><p id="none" style="display: none">x</p>';
    const byId = (id: string) => document.getElementById(id)!;
    expect(isHiddenByStyle(byId('plain'))).toBe(false);
    expect(isHiddenByStyle(byId('zero'))).toBe(true);
    expect(isHiddenByStyle(byId('again'))).toBe(false);
    expect(isHiddenByStyle(byId('none'))).toBe(true);
    const { text } = extractText(document.body);
    expect(text.match(/Anthropic/g), 'only the sentence drawn at a size').toHaveLength(1);
    expect(text).toContain('OpenAI');
  });
});
