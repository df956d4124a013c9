import { describe, expect, it } from 'vitest';
import { shortenAtWord } from '@/lib/format/shorten-text';

describe('shortenAtWord', () => {
  it('keeps text that fits, and cuts longer text at its last space with "…", dropping a trailing comma', () => {
    expect(shortenAtWord('Acme will publish a report.', 40)).toBe('Acme will publish a report.');
    expect(shortenAtWord('Acme will publish a report, every quarter, with outside review.', 28)).toBe('Acme will publish a report…');
    // A first word too long to cut at a space is cut mid-word.
    expect(shortenAtWord('Supercalifragilisticexpialidocious promises', 14)).toBe('Supercalifragi…');
    expect(shortenAtWord('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });
});
