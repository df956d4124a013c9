import { describe, expect, it } from 'vitest';
import { noteHeightMessage, noteHeightOf } from '@/components/note-frame-size';

describe('note frame size messages', () => {
  it('carries a height in whole pixels, rounded up so nothing is cut off', () => {
    expect(noteHeightMessage(130.2)).toBe('pledge-lens-note-height:131');
    expect(noteHeightOf(noteHeightMessage(130.2))).toBe(131);
  });

  it('reads nothing from other messages or heights no note editor has', () => {
    for (const data of [undefined, null, 130, { height: 130 }, 'hello', 'pledge-lens-note-height:', 'pledge-lens-note-height:abc', 'pledge-lens-note-height:12.5', 'pledge-lens-note-height:10', 'pledge-lens-note-height:5000']) {
      expect(noteHeightOf(data), String(data)).toBeUndefined();
    }
  });
});
