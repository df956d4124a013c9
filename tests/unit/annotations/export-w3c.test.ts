import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, codePointLength, exportW3c, PLEDGE_LENS_CONTEXT, utf16ToCodePoint, type W3cAnnotation } from '../../../lib/annotations/export-w3c';
import { ANNO_PREFIXES, ANNO_PROPERTY_TERMS, ANNO_VOCAB_TERMS } from './anno-context-terms';
import { makeAnchor } from '../../../lib/annotations/make-anchor';
import { mentionId } from '../../../lib/annotations/mention-id';
import type { Mention } from '../../../lib/annotations/schema';
import { parseAnnotationExport } from '../../../lib/annotations/import-annotations';
import { bindingClaim, claimsById, deepFreeze, makeMention, targetClaim } from './fixtures';

const generatedAt = '2026-11-22T10:00:00.000Z';

const mentions = deepFreeze([
  makeMention({ note: { text: 'Compare with the 2024 wording, "pause" became "consider".', updatedAt: '2026-11-21T20:00:00.000Z' } }),
  makeMention({
    claimId: targetClaim.id,
    pageUrl: 'https://blog.example/roadmaps#intro',
    pageTitle: 'Roadmaps, «quarterly» 🚀',
    exact: 'a roadmap every quarter',
    prefix: '',
    suffix: '',
    start: 0,
  }),
  makeMention({ claimId: 'retired-claim', exact: 'a claim nobody tracks any more', start: 400 }),
  makeMention({
    exact: 'pause training',
    start: 900,
    wrongMatch: { flagged: true, updatedAt: '2026-11-21T21:00:00.000Z' },
    note: { text: '', updatedAt: '2026-11-21T21:05:00+01:00' },
  }),
]);

function itemsOf(options: { includeWrongMatches?: boolean } = {}): W3cAnnotation[] {
  return exportW3c(mentions, claimsById, { generatedAt, ...options }).first.items;
}

describe('exportW3c', () => {
  it('writes an AnnotationCollection with one embedded page', () => {
    const doc = exportW3c(mentions, claimsById, { generatedAt });
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toMatch(/^urn:pledge-lens:export:[0-9a-f]{16}$/);
    expect(doc.generated).toBe(generatedAt);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(doc.first.items.length);
  });

  it('defines every key it writes in its @context, so a JSON-LD processor drops nothing', () => {
    const doc = exportW3c(mentions, claimsById, { generatedAt, includeWrongMatches: true });
    expect(doc['@context']).toEqual([ANNO_CONTEXT, PLEDGE_LENS_CONTEXT]);
    // Our context: every term a JSON literal under an absolute IRI of ours, in JSON-LD 1.1 (which @json needs).
    const { '@version': version, ...ownTerms } = PLEDGE_LENS_CONTEXT;
    expect(version).toBe(1.1);
    for (const definition of Object.values(ownTerms)) {
      expect(definition).toEqual({ '@id': expect.stringMatching(/^urn:pledge-lens:vocab:[A-Za-z]+$/), '@type': '@json' });
    }
    const undefinedKeys = new Set<string>();
    const undefinedValues = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (typeof value !== 'object' || value === null) return;
      for (const [key, child] of Object.entries(value)) {
        if (key === '@context') continue;
        // A JSON literal is kept whole, keys and all: nothing under it needs a term.
        if (key in ownTerms) continue;
        // A term of anno.jsonld, or a compact IRI under one of its prefixes (dcterms:source).
        const prefix = /^([a-z]+):[A-Za-z]+$/.exec(key)?.[1];
        if (!ANNO_PROPERTY_TERMS.has(key) && !(prefix && ANNO_PREFIXES.has(prefix))) undefinedKeys.add(key);
        // type, motivation and purpose take terms as values (@type: @id / @vocab): an undefined one becomes a relative IRI.
        if ((key === 'type' || key === 'motivation' || key === 'purpose') && typeof child === 'string' && !ANNO_VOCAB_TERMS.has(child)) {
          undefinedValues.add(`${key}: ${child}`);
        }
        walk(child);
      }
    };
    walk(doc);
    expect([...undefinedKeys]).toEqual([]);
    expect([...undefinedValues]).toEqual([]);
    // The walk did reach our extension at both levels: it is in the file, under a defined term.
    expect(Object.keys(doc)).toContain('pledgeLens');
    expect(doc.first.items.every((item) => 'pledgeLens' in item)).toBe(true);
  });

  it('gives every item the fields the Web Annotation model requires', () => {
    const items = itemsOf({ includeWrongMatches: true });
    expect(items).toHaveLength(mentions.length);
    items.forEach((item, index) => {
      const mention = mentions[index]!;
      expect(item.id).toBe(mention.id);
      expect(item.type).toBe('Annotation');
      expect(['classifying', 'identifying']).toContain(item.motivation);
      expect(item.created).toBe(mention.firstSeen);
      expect(item.target.source).toBe(mention.pageUrl);
      expect(item.target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: mention.anchor.exact, prefix: mention.anchor.prefix, suffix: mention.anchor.suffix },
        { type: 'TextPositionSelector', start: mention.anchor.start, end: mention.anchor.end },
      ]);
      expect(item.body).toContainEqual(
        expect.objectContaining({
          type: 'SpecificResource',
          purpose: 'identifying',
          source: `urn:pledge-lens:claim:${mention.claimId}`,
        }),
      );
      expect(item.pledgeLens.claimId).toBe(mention.claimId);
    });
  });

  it('links the claim\'s primary source from the claim\'s body, as dcterms:source (https only; none for an unknown claim)', () => {
    const [first, second, unknown] = itemsOf();
    const claimBody = (item: W3cAnnotation) => item.body.find((body) => body.type === 'SpecificResource' && body.purpose === 'identifying');
    // The first evidence's address, titled as the evidence or the source with that address names it.
    expect(claimBody(first!)).toEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: `urn:pledge-lens:claim:${bindingClaim.id}`,
      'dcterms:source': { id: 'https://example.org/post', type: 'Text' },
    });
    expect(claimBody(second!)).toMatchObject({ 'dcterms:source': { id: expect.stringMatching(/^https:\/\//), type: 'Text' } });
    expect(claimBody(unknown!)).toEqual({ type: 'SpecificResource', purpose: 'identifying', source: 'urn:pledge-lens:claim:retired-claim' });
    const titled = { ...targetClaim, evidence: [{ quote: 'Every quarter.', locator: 'para 2', url: 'https://acme.example/blog/roadmaps' }] };
    const [item] = exportW3c([mentions[1]!], new Map([[titled.id, titled]]), { generatedAt }).first.items;
    expect(claimBody(item!)?.['dcterms:source']).toEqual({ id: 'https://acme.example/blog/roadmaps', type: 'Text', label: 'Our roadmap plans' });
    // A primary source that is not https is not linked (as in the card and the other exports).
    const insecure = { ...titled, evidence: [{ quote: 'x', locator: 'y', url: 'http://acme.example/plain' }] };
    const [plain] = exportW3c([mentions[1]!], new Map([[insecure.id, insecure]]), { generatedAt }).first.items;
    expect(claimBody(plain!)).not.toHaveProperty('dcterms:source');
  });

  it('describes and classifies a known claim', () => {
    const [first] = itemsOf();
    expect(first!.motivation).toBe('classifying');
    expect(first!.body).toContainEqual(
      expect.objectContaining({ type: 'TextualBody', purpose: 'describing', value: bindingClaim.statement }),
    );
    expect(first!.body).toContainEqual(
      expect.objectContaining({ purpose: 'classifying', value: 'binding-commitment; withdrawn since 2026-02-24' }),
    );
    expect(first!.body).toContainEqual(
      expect.objectContaining({ purpose: 'commenting', value: mentions[0]!.note!.text, modified: mentions[0]!.note!.updatedAt }),
    );
    expect(first!.pledgeLens).toMatchObject({ kind: 'binding-commitment', force: 'categorical-pledge', status: 'withdrawn', statusDate: '2026-02-24' });
    // modified reflects the later of lastSeen and the note edit.
    expect(first!.modified).toBe(mentions[0]!.note!.updatedAt);
  });

  it('still exports a mention whose claim is unknown, marked unknown', () => {
    const unknown = itemsOf().find((item) => item.pledgeLens.claimId === 'retired-claim')!;
    expect(unknown.motivation).toBe('identifying');
    expect(unknown.pledgeLens).toMatchObject({ kind: 'unknown', force: 'unknown', status: 'unknown', statusDate: null });
    expect(unknown.body).toContainEqual(expect.objectContaining({ purpose: 'classifying', value: 'unknown; unknown' }));
    expect(unknown.body.some((body) => body.purpose === 'describing')).toBe(false);
  });

  it('leaves out wrong matches unless asked to include them', () => {
    const flaggedId = mentions[3]!.id;
    expect(itemsOf().map((item) => item.id)).not.toContain(flaggedId);
    expect(exportW3c(mentions, claimsById, { generatedAt }).total).toBe(3);
    const included = itemsOf({ includeWrongMatches: true }).find((item) => item.id === flaggedId)!;
    expect(included.pledgeLens.wrongMatch).toEqual(mentions[3]!.wrongMatch);
    expect(included.body).toContainEqual(expect.objectContaining({ purpose: 'assessing' }));
  });

  it('round-trips through JSON text and the importer to identical mentions', () => {
    const json = JSON.stringify(exportW3c(mentions, claimsById, { generatedAt, includeWrongMatches: true }), null, 2);
    const parsed = parseAnnotationExport(JSON.parse(json));
    expect(parsed).toEqual({ ok: true, mentions });
    // toStrictEqual also catches keys set to undefined that toEqual would let through.
    if (parsed.ok) expect(parsed.mentions).toStrictEqual(mentions);
  });

  it('round-trips from the file text as well', () => {
    const json = JSON.stringify(exportW3c(mentions, claimsById, { generatedAt }));
    expect(parseAnnotationExport(json)).toStrictEqual({ ok: true, mentions: mentions.filter((m) => !m.wrongMatch?.flagged) });
  });

  it('writes block boundaries in the quote selector as line feeds, with the position still covering the quote', () => {
    // As the content script reads a page: U+2029 between blocks, around the source's own line breaks.
    const text = 'Writer \u00b7 Updated Nov 28, 2026 \u{1F680}\u2029\n\u2029In 2023, Acme promised to pause training.\u2029\n    \u2029Next paragraph.';
    const start = text.indexOf('Acme promised');
    const anchor = makeAnchor(text, start, start + 'Acme promised to pause training'.length, 60);
    const pageUrl = 'https://news.example/story';
    const mention: Mention = {
      id: mentionId(pageUrl, bindingClaim.id, anchor.exact, anchor.prefix, anchor.suffix),
      pageUrl,
      pageTitle: 'Story',
      claimId: bindingClaim.id,
      anchor,
      firstSeen: generatedAt,
      lastSeen: generatedAt,
    };
    for (const pageText of [undefined, text]) {
      const [item] = exportW3c([mention], claimsById, { generatedAt, ...(pageText ? { pageText: () => pageText } : {}) }).first.items;
      const [quote, position] = item!.target.selector;
      expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'Acme promised to pause training', prefix: 'Writer \u00b7 Updated Nov 28, 2026 \u{1F680}\nIn 2023, ', suffix: '.\nNext paragraph.' });
      expect(position).toEqual({ type: 'TextPositionSelector', start: utf16ToCodePoint(text, start), end: utf16ToCodePoint(text, anchor.end) });
      expect(position.end - position.start).toBe(codePointLength(quote.exact));
    }
    // A quote holding a boundary (only an edited or old file has one) is covered as written.
    const across = { ...mention, anchor: { ...anchor, exact: 'pause training.\u2029\n    \u2029Next', end: anchor.start + 26 } };
    const [item] = exportW3c([across], claimsById, { generatedAt }).first.items;
    const [quote, position] = item!.target.selector;
    expect(quote.exact).toBe('pause training.\nNext');
    expect(position.end - position.start).toBe(codePointLength('pause training.\nNext'));
    expect(JSON.stringify(item)).not.toContain('\u2029');
  });

  it('is deterministic', () => {
    expect(exportW3c(mentions, claimsById, { generatedAt })).toEqual(exportW3c(mentions, claimsById, { generatedAt }));
  });
});
