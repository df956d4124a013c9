/**
 * A minimal source-map (v3) reader: generated line and column → original file and line. Enough to
 * name hot spots of a bundled script in a CPU profile by their TypeScript source.
 */

export interface RawSourceMap {
  sources: string[];
  mappings: string;
}

interface Segment {
  column: number;
  source: number;
  line: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source-map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export class SourceMapReader {
  private readonly lines: Segment[][] = [];

  constructor(private readonly map: RawSourceMap) {
    let source = 0;
    let line = 0;
    for (const generated of map.mappings.split(';')) {
      const segments: Segment[] = [];
      let genColumn = 0;
      for (const text of generated.split(',')) {
        if (!text) continue;
        const fields = decodeVlq(text);
        genColumn += fields[0]!;
        if (fields.length >= 4) {
          // fields[3] (the original column) and fields[4] (a name) are not needed for line lookups.
          source += fields[1]!;
          line += fields[2]!;
          segments.push({ column: genColumn, source, line });
        }
      }
      this.lines.push(segments);
    }
  }

  /** Original `file:line` (1-based) of a generated position (0-based line and column, as CPU profiles give them). */
  lookup(line: number, column: number): { file: string; line: number } | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment.column > column) break;
      best = segment;
    }
    best ??= segments[0];
    return best && { file: this.map.sources[best.source] ?? '?', line: best.line + 1 };
  }
}
