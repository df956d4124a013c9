import { describe, expect, it } from 'vitest';
import { hotSpots, type CpuProfile } from '../../../scripts/bench/cpu-profile';
import { SourceMapReader } from '../../../scripts/bench/source-map';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '0' });

describe('hotSpots', () => {
  // root → main → (lexical | tokenize); samples: lexical ×3, tokenize ×1, idle ×2, GC ×1
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
      { id: 2, callFrame: frame('main', 'file:///x/a.js', 0), children: [3, 4] },
      { id: 3, callFrame: frame('lexical', 'file:///x/a.js', 10) },
      { id: 4, callFrame: frame('tokenize', 'file:///x/a.js', 20) },
      { id: 5, callFrame: frame('(idle)') },
      { id: 6, callFrame: frame('(garbage collector)') },
    ],
    samples: [3, 3, 3, 4, 5, 5, 6],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    startTime: 0,
    endTime: 7000,
  };

  it('ranks self and total time, leaving idle out', () => {
    const { busy, gc, spots } = hotSpots(profile, '/x/');
    expect(busy).toBe(5);
    expect(gc).toBe(1);
    const byName = new Map(spots.map((s) => [s.name.split(' ')[0], s]));
    expect(byName.get('lexical')!.self).toBe(3);
    expect(byName.get('main')!.total).toBe(4);
    expect(byName.get('main')!.self).toBe(0);
    expect(byName.has('(idle)')).toBe(false);
  });

  it('counts only time under a given function', () => {
    const { busy, spots } = hotSpots(profile, '', undefined, 'main');
    expect(busy).toBe(4);
    expect(spots.find((s) => s.name.startsWith('tokenize'))!.totalShare).toBe(0.25);
  });
});

describe('SourceMapReader', () => {
  it('maps generated positions back to source lines', () => {
    // Line 0: col 0 → a.ts line 0; col 4 → a.ts line 2. Line 1: col 2 → b.ts line 5.
    const reader = new SourceMapReader({ sources: ['a.ts', 'b.ts'], mappings: 'AAAA,IAEA;ECGK' });
    expect(reader.lookup(0, 0)).toEqual({ file: 'a.ts', line: 1 });
    expect(reader.lookup(0, 7)).toEqual({ file: 'a.ts', line: 3 });
    expect(reader.lookup(1, 3)).toEqual({ file: 'b.ts', line: 6 });
  });
});
