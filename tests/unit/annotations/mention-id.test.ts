import { describe, expect, it } from 'vitest';
import { fnv1a64, MENTION_ID_PREFIX, mentionId, normalisePageUrl } from '../../../lib/annotations/mention-id';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    // "é" is two UTF-8 bytes; hashing UTF-16 code units instead would give a different value.
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00e9'.normalize('NFD')));
    expect(fnv1a64('🙂')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('mentionId', () => {
  const args = ['https://news.example/a', 'claim-one', 'the quoted words', 'before ', ' after'] as const;

  it('is a pledge-lens URN with a 64-bit hex hash', () => {
    expect(mentionId(...args)).toMatch(new RegExp(`^${MENTION_ID_PREFIX}[0-9a-f]{16}$`));
  });

  it('is stable for the same inputs', () => {
    expect(mentionId(...args)).toBe(mentionId(...args));
  });

  it('ignores the URL fragment and URL case/port canonicalisation', () => {
    expect(mentionId('https://NEWS.example:443/a#comments', ...args.slice(1) as [string, string, string, string])).toBe(
      mentionId(...args),
    );
  });

  it('ignores whitespace differences from text extraction', () => {
    expect(mentionId(args[0], args[1], 'the  quoted\nwords', ' before', 'after ')).toBe(mentionId(...args));
  });

  it('differs when any input differs', () => {
    const base = mentionId(...args);
    const variants = [
      mentionId('https://news.example/b', args[1], args[2], args[3], args[4]),
      mentionId('https://news.example/a?page=2', args[1], args[2], args[3], args[4]),
      mentionId(args[0], 'claim-two', args[2], args[3], args[4]),
      mentionId(args[0], args[1], 'the quoted word', args[3], args[4]),
      mentionId(args[0], args[1], args[2], 'earlier ', args[4]),
      mentionId(args[0], args[1], args[2], args[3], ' later'),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('cannot be fooled by moving text between fields', () => {
    expect(mentionId('https://x.example/', 'c', 'ab', 'c', '')).not.toBe(mentionId('https://x.example/', 'c', 'a', 'bc', ''));
  });
});

describe('normalisePageUrl', () => {
  it('drops the fragment even from unparseable URLs', () => {
    expect(normalisePageUrl('https://x.example/p#top')).toBe('https://x.example/p');
    expect(normalisePageUrl('not a url#frag')).toBe('not a url');
  });
});
