import { describe, expect, it } from 'vitest';
import { exportedText, oneLine } from '../../../lib/annotations/exported-text';
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

describe('oneLine', () => {
  it('puts a name or title on one line: breaks, tabs, controls and bidi controls as one space, zero-width space and BOM gone', () => {
    expect(oneLine('  Anthropic\n\trewrites\u0007 its \u202Erulebook\u202C  ')).toBe('Anthropic rewrites its rulebook');
    expect(oneLine('Safe\u202Etitle')).toBe('Safe title');
    expect(oneLine('\uFEFFAnth\u200Bropic')).toBe('Anthropic');
  });

  it('keeps what a script needs: the zero-width non-joiner and joiner, right-to-left marks, emoji', () => {
    const persian = 'هوش\u200Cمصنوعی';
    expect(oneLine(persian)).toBe(persian);
    expect(oneLine('👩\u200D💻 \u200Fעברית')).toBe('👩\u200D💻 \u200Fעברית');
  });

  it('is idempotent', () => {
    const once = oneLine('a\u2066b\u2029\u2028 c\u00A0\u00A0d');
    expect(once).toBe('a b c d');
    expect(oneLine(once)).toBe(once);
  });
});
