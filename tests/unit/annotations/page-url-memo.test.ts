import { describe, expect, it } from 'vitest';
import { mentionId, normalisePageUrl } from '../../../lib/annotations/mention-id';

// normalisePageUrl keeps its last answer (a page's mentions all carry one URL): the answer must
// still belong to the URL asked about, whatever was asked before.
describe('normalisePageUrl, asked in turn about different URLs', () => {
  it('answers each URL for itself, the remembered one included', () => {
    const asked = ['https://News.example:443/a#x', 'not a url#frag', '', 'https://news.example/b', 'https://News.example:443/a#x', ''];
    expect(asked.map(normalisePageUrl)).toEqual(['https://news.example/a', 'not a url', '', 'https://news.example/b', 'https://news.example/a', '']);
  });

  it('gives the same mention ids in any order of pages', () => {
    const id = (page: string) => mentionId(page, 'claim-a', 'They will publish.', 'Before ', ' after');
    const first = [id('https://a.example/1'), id('https://b.example/2')];
    const again = [id('https://b.example/2'), id('https://a.example/1')].reverse();
    expect(again).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });
});
