import { describe, expect, it } from 'vitest';
import { exportedText } from '../../../lib/annotations/exported-text';
import { mentionId } from '../../../lib/annotations/mention-id';

describe('exportedText', () => {
  it('writes each whitespace run holding a block boundary as one line feed, and nothing else differently', () => {
    expect(exportedText('Updated Nov 28, 2026\u2029\n\u2029')).toBe('Updated Nov 28, 2026\n');
    expect(exportedText('end.\u2029\n      \u2029\n\u2029Next')).toBe('end.\nNext');
    expect(exportedText('heading\u2029paragraph')).toBe('heading\nparagraph');
    // The cells of a table row, too: each is a box of its own to the reader.
    expect(exportedText('Meta\u2028\n  \u2028Frontier AI Framework\u2028Stop development')).toBe('Meta\nFrontier AI Framework\nStop development');
    expect(exportedText('a  line\nbreak and\ttab, “quotes” · 🚀')).toBe('a  line\nbreak and\ttab, “quotes” · 🚀');
  });

  it('is idempotent and keeps the mention id', () => {
    const prefix = 'safety rulebook \u{1F680}.\u2029\n   \u2029';
    const once = exportedText(prefix);
    expect(exportedText(once)).toBe(once);
    const url = 'https://news.example/a';
    expect(mentionId(url, 'c', 'quote', once, exportedText('\u2029\nNext'))).toBe(mentionId(url, 'c', 'quote', prefix, '\u2029\nNext'));
    expect(mentionId(url, 'c', 'quote', exportedText('Meta\u2028'), 'x')).toBe(mentionId(url, 'c', 'quote', 'Meta\u2028', 'x'));
  });
});
