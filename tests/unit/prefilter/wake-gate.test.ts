// @vitest-environment happy-dom
// Files are read by path (import.meta.dirname): happy-dom's URL is not the one node:fs takes.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClaimSet } from '../../../lib/claims/schema';
import type { ContentToBackground } from '../../../lib/messages/content-to-background';
import type { Result, Sender } from '../../../lib/messages/message-map';
import { buildClaimVocabulary, VocabularyMatcher, type ClaimVocabulary } from '../../../lib/prefilter/claim-vocabulary';
import { frameIsReadable, gateText, READABLE_FRAME_MIN_HEIGHT, READABLE_FRAME_MIN_WIDTH, readableVocabulary, WakeGate, type WakeGateOptions } from '../../../lib/prefilter/wake-gate';
import { allSplitDirs } from '../../../scripts/cli/independent-splits';

const BUNDLED = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/claims/default.json'), 'utf8')) as ClaimSet;
const VOCABULARY = buildClaimVocabulary(BUNDLED.claims);
const RECHECK_MS = 20;

const NO_NAMES = '<main><h1>Rain expected over the weekend</h1><p>Forecasters said a band of rain would cross the region on Saturday, with drier weather by Monday.</p></main>';
const NAMING = 'Anthropic said it will publish Risk Reports on its AI models every three to six months.';

const sleep = (ms: number) => new Promise<void>((resume) => setTimeout(resume, ms));
/**
 * Waits for the frame to have asked: the gate looks again after at least RECHECK_MS, longer when its
 * last look was slow (happy-dom is far slower than a browser).
 */
const askedBy = (asked: string[]) => vi.waitFor(() => expect(asked).toEqual(['get-site-enabled']), { timeout: 3_000, interval: 10 });

/**
 * The content script as it starts behind the gate, with a fake `ask` that counts what it sends: when
 * the gate wakes the frame, it asks whether its site is on (the first message it sends today).
 */
function startFrame(read: WakeGateOptions['read'], options: Partial<WakeGateOptions> = {}) {
  const asked: string[] = [];
  const ask = ((request: { type: string }) => {
    asked.push(request.type);
    return Promise.resolve({ ok: true, enabled: true } as Result<{ enabled: boolean }>);
  }) as Sender<ContentToBackground>;
  const gate = new WakeGate(document, { read, wake: () => void ask({ type: 'get-site-enabled', url: location.href }), recheckMs: RECHECK_MS, ...options });
  gates.push(gate);
  return { asked, gate };
}

/**
 * A clock that runs `stepMs` ahead at every reading, on top of real time: a look reads it when it starts
 * and when it ends, so each look seems to take `stepMs` longer than it did. Looks are counted as the
 * gate's calls to its vocabulary (one per look).
 */
function slowClock(stepMs: number): { clock: () => number; looks: () => number } {
  let skew = 0;
  const clock = (): number => performance.now() + (skew += stepMs);
  const spy = vi.spyOn(VocabularyMatcher.prototype, 'mayStateClaims');
  return { clock, looks: () => spy.mock.calls.length };
}

const gates: WakeGate[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  gates.splice(0).forEach((gate) => gate.destroy());
  document.body.innerHTML = '';
});

function append(html: string, parent: Node = document.body): void {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  parent.appendChild(holder);
}

describe('the stored vocabulary', () => {
  it('is used only in the format this build reads', () => {
    expect(readableVocabulary(VOCABULARY)).toEqual(VOCABULARY);
    expect(readableVocabulary(undefined)).toBeUndefined();
    expect(readableVocabulary({ ...VOCABULARY, format: 2 })).toBeUndefined();
    expect(readableVocabulary({ format: 1, names: 'anthropic', aiNames: [] })).toBeUndefined();
    expect(readableVocabulary({ format: 1, names: ['anthropic', 3], aiNames: [] })).toBeUndefined();
  });
});

describe('the words the gate reads', () => {
  const wordsOf = (html: string): string => {
    document.body.innerHTML = html;
    return gateText(document.body).text.replace(/\s+/g, ' ').trim();
  };

  it('keeps words of separate blocks apart even in minified markup, and words split by inline markup together', () => {
    expect(wordsOf('<h2>Anthropic</h2><p>The lab said</p>')).toBe('Anthropic The lab said');
    expect(wordsOf('<div><p>Anthropic</p>said</div>')).toBe('Anthropic said');
    expect(wordsOf('<ul><li>xAI</li><li>Meta</li></ul><table><tr><td>SB</td><td>53</td></tr></table>')).toBe('xAI Meta SB 53');
    expect(wordsOf('<p>Anthropic<br>said</p>')).toBe('Anthropic said');
    expect(wordsOf('<p>Open<b>AI</b> and <b>Open</b>AI and Open<span><i>AI</i></span></p>')).toBe('OpenAI and OpenAI and OpenAI');
  });

  it('skips what no reader reads (scripts, styles), and reads open shadow roots', () => {
    document.body.innerHTML = '<script>var anthropic = "AI";</script><style>.anthropic{}</style><p>Weather</p><div id="host"></div>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>OpenAI news</p>';
    const read = gateText(document.body);
    expect(read.text.replace(/\s+/g, ' ').trim()).toBe('Weather OpenAI news');
    expect(read.shadowRoots).toEqual([host.shadowRoot]);
    expect(read.complete).toBe(true);
  });

  it('stops at its bound and says so', () => {
    document.body.innerHTML = `<p>${'word '.repeat(1000)}</p>`;
    expect(gateText(document.body, 100).complete).toBe(false);
    expect(gateText(document.body, 10_000).complete).toBe(true);
  });
});

describe('the wake gate', () => {
  it("in an embed that names a known actor but not AI, opens when told its page is about AI, and only then (report 58, problem 2)", async () => {
    document.body.innerHTML = '<p>Microsoft will pause development and deployment if it identifies a risk it cannot sufficiently mitigate.</p>';
    const { asked, gate } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 5);
    expect(asked).toEqual([]);
    gate.pageIsAboutAi();
    await askedBy(asked);
  });

  it('told its page is about AI, still holds back an embed that names no one', async () => {
    document.body.innerHTML = NO_NAMES;
    const { asked, gate } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 5);
    gate.pageIsAboutAi();
    await sleep(RECHECK_MS * 5);
    expect(asked).toEqual([]);
    expect(gate.waiting).toBe(true);
  });

  it('holds a frame too small to show a line of text back whatever it names, until it is resized to show one', async () => {
    document.body.innerHTML = `<p>${NAMING}</p>`;
    let size = { width: 1, height: 1 };
    const { asked, gate } = startFrame(async () => VOCABULARY, { readable: () => size.width >= READABLE_FRAME_MIN_WIDTH && size.height >= READABLE_FRAME_MIN_HEIGHT });
    await sleep(RECHECK_MS * 4);
    append(`<p>${NAMING}</p>`);
    await sleep(300);
    expect(asked, 'an invisible 1x1 frame naming a known actor sends nothing').toEqual([]);
    expect(gate.waiting).toBe(true);
    size = { width: 300, height: 250 };
    window.dispatchEvent(new Event('resize'));
    await askedBy(asked);
  });

  it('reads the top page as readable at any size, and a frame by its own size', () => {
    const frame = (width: number, height: number, top = false) => {
      const view = { innerWidth: width, innerHeight: height } as Window & { top: Window };
      view.top = top ? view : ({} as Window);
      return view;
    };
    expect(frameIsReadable(frame(1, 1, true))).toBe(true);
    expect(frameIsReadable(frame(1, 1))).toBe(false);
    expect(frameIsReadable(frame(300, 8))).toBe(false);
    expect(frameIsReadable(frame(READABLE_FRAME_MIN_WIDTH, READABLE_FRAME_MIN_HEIGHT))).toBe(true);
  });

  it('a page that names no known actor sends nothing, however long it stays open', async () => {
    document.body.innerHTML = NO_NAMES;
    const { asked, gate } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 4);
    // Changes that still name nobody are looked at and change nothing.
    append('<p>Traffic was light on the ring road.</p>');
    await sleep(300);
    expect(asked).toEqual([]);
    expect(gate.waiting).toBe(true);
    // The gate was looking all along: a name now wakes it.
    append(`<p>${NAMING}</p>`);
    await askedBy(asked);
  });

  it('asks once a paragraph naming a claim is appended', async () => {
    document.body.innerHTML = NO_NAMES;
    const { asked, gate } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 2);
    expect(asked).toEqual([]);
    append(`<p>${NAMING}</p>`);
    await askedBy(asked);
    expect(gate.waiting).toBe(false);
    // Once open, more names send nothing more from the gate (the annotator takes over).
    append(`<p>${NAMING}</p>`);
    await sleep(RECHECK_MS * 4);
    expect(asked).toEqual(['get-site-enabled']);
  });

  it('a name appended after a slow first look is looked at after RECHECK_MS, not a multiple of that cold look', async () => {
    document.body.innerHTML = NO_NAMES;
    // Every look takes 100 ms by this clock (a cold first look took 6-22 ms in Firefox): counted, the
    // next look would wait 10 s, well past askedBy's 3 s.
    const { clock } = slowClock(100);
    const { asked } = startFrame(async () => VOCABULARY, { clock });
    await sleep(RECHECK_MS * 2);
    append(`<p>${NAMING}</p>`);
    await askedBy(asked);
  });

  it('a page that never stops changing is looked at no sooner than 100 times the last look after it', async () => {
    document.body.innerHTML = NO_NAMES;
    const { clock, looks } = slowClock(20);
    startFrame(async () => VOCABULARY, { clock });
    // A ticker: new words every 10 ms for 1.5 s, never a name.
    for (let tick = 0; tick < 150; tick++) {
      append(`<p>Tick ${tick}: the weather is fine and the trains run on time today.</p>`);
      await sleep(10);
    }
    // The first look (cold, not counted), a second RECHECK_MS after the first tick, then none for 2 s.
    expect(looks()).toBe(2);
  });

  it('asks at once when the page already names one', async () => {
    document.body.innerHTML = `<article><p>${NAMING}</p></article>`;
    const { asked } = startFrame(async () => VOCABULARY);
    await sleep(0);
    expect(asked).toEqual(['get-site-enabled']);
  });

  it('a name in the body counts when the word about AI is only in the title', async () => {
    // Meta is a name ordinary news uses every day: alone it says nothing about AI.
    const names = '<p>Meta said it would stop developing a system that crosses its critical threshold.</p>';
    document.body.innerHTML = names;
    document.title = 'Weekend reading';
    const without = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 2);
    expect(without.asked).toEqual([]);
    without.gate.destroy();
    document.title = 'The AI labs, week by week';
    const withTitle = startFrame(async () => VOCABULARY);
    await sleep(0);
    expect(withTitle.asked).toEqual(['get-site-enabled']);
    document.title = '';
  });

  it.each<[string, () => Promise<unknown>]>([
    ['missing', async () => undefined],
    ['of another format', async () => ({ ...VOCABULARY, format: 2 })],
    ['unreadable', async () => Promise.reject(new Error('storage is gone'))],
  ])('asks as before when the vocabulary is %s', async (_name, read) => {
    document.body.innerHTML = NO_NAMES;
    const { asked } = startFrame(read);
    await sleep(0);
    expect(asked).toEqual(['get-site-enabled']);
  });

  it('a text edited in place (a framework update) is looked at too', async () => {
    document.body.innerHTML = '<p id="live">Loading…</p>';
    const { asked } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 2);
    (document.getElementById('live')!.firstChild as Text).data = NAMING;
    await askedBy(asked);
  });

  it('text added inside an open shadow root is looked at too', async () => {
    document.body.innerHTML = `${NO_NAMES}<div id="host"></div>`;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Loading…</p>';
    const { asked } = startFrame(async () => VOCABULARY);
    await sleep(RECHECK_MS * 2);
    append(`<p>${NAMING}</p>`, shadow);
    await askedBy(asked);
  });

  it('a page longer than the bound is not judged: it asks', async () => {
    document.body.innerHTML = `<p>${'rain '.repeat(400)}</p>`;
    const { asked } = startFrame(async () => VOCABULARY, { maxText: 1_000 });
    await sleep(0);
    expect(asked).toEqual(['get-site-enabled']);
  });

  it('lifted (the reader acted) or destroyed (the extension went away), it never asks', async () => {
    for (const end of ['lift', 'destroy'] as const) {
      document.body.innerHTML = NO_NAMES;
      const { asked, gate } = startFrame(async () => VOCABULARY);
      await sleep(RECHECK_MS);
      expect(gate.waiting).toBe(true);
      if (end === 'lift') expect(gate.lift()).toBe(true);
      else gate.destroy();
      expect(gate.waiting).toBe(false);
      append(`<p>${NAMING}</p>`);
      await sleep(RECHECK_MS * 4);
      expect(asked, end).toEqual([]);
    }
  });

  it('a vocabulary that arrives after the reader acted opens nothing', async () => {
    document.body.innerHTML = `<p>${NAMING}</p>`;
    let deliver: (value: ClaimVocabulary) => void = () => undefined;
    const { asked, gate } = startFrame(() => new Promise((resolve) => (deliver = resolve)));
    expect(gate.waiting).toBe(true);
    expect(gate.lift()).toBe(true);
    deliver(VOCABULARY);
    await sleep(0);
    expect(asked).toEqual([]);
  });
});

/** Every corpus the matcher is measured on: an article with a claim in its gold must get past the gate. */
const CORPORA = allSplitDirs().concat(join(import.meta.dirname, '../../fixtures/articles'));

describe('the gate on the evaluation corpora, as the browser would parse them', () => {
  const matcher = new VocabularyMatcher(VOCABULARY);
  const parser = new DOMParser();
  const articlesOf = (dir: string) => {
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, unknown>;
    return Object.entries(gold)
      .filter((entry): entry is [string, unknown[]] => !entry[0].startsWith('_') && Array.isArray(entry[1]) && entry[1].length > 0)
      .map(([file]) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));
  };

  it('reads every corpus: the independent splits and our own', () => {
    expect(CORPORA.length).toBeGreaterThan(30);
    expect(CORPORA.flatMap(articlesOf).length).toBeGreaterThan(60);
  });

  // One test per corpus, not one for all: the corpus grows by a split at a time, and parsing every page
  // twice in one test outgrew the per-test timeout; a failure now also names its split.
  it.each(CORPORA.map((dir) => [relative(join(import.meta.dirname, '../../fixtures'), dir), dir]))(
    '%s: lets every article with a gold claim through, also with its markup minified',
    (_name, dir) => {
      const articles = articlesOf(dir);
      expect(articles.length).toBeGreaterThan(0);
      const lost: string[] = [];
      for (const { file, source } of articles) {
        const variants = file.endsWith('.txt') ? [`<pre>${source.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`] : [source, source.replace(/>\s+</g, '><')];
        variants.forEach((html, i) => {
          const doc = parser.parseFromString(html, 'text/html');
          const { text, complete } = gateText(doc.body);
          if (complete && !matcher.mayStateClaims(text)) lost.push(`${file}${i === 1 ? ' (minified)' : ''}`);
        });
      }
      expect(lost).toEqual([]);
    },
  );
});
