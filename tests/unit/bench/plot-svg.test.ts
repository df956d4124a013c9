// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decadeRange, logScale, plotSvg } from '../../../scripts/bench/plot-svg';

describe('log scales', () => {
  it('spans whole decades around the data', () => {
    expect(decadeRange([3, 250, 40_000])).toEqual([0, 5]);
    expect(decadeRange([1000])).toEqual([3, 4]);
    expect(decadeRange([0, Number.NaN])).toEqual([0, 1]);
  });

  it('puts equal ratios at equal distances', () => {
    const range: [number, number] = [0, 4];
    expect(logScale(1, range, 0, 400)).toBeCloseTo(0);
    expect(logScale(100, range, 0, 400)).toBeCloseTo(200);
    expect(logScale(10, range, 0, 400) - logScale(1, range, 0, 400)).toBeCloseTo(logScale(1000, range, 0, 400) - logScale(100, range, 0, 400));
  });
});

describe('plotSvg', () => {
  const svg = plotSvg(
    [
      { label: 'fast <engine>', color: '#00f', points: [{ x: 1000, y: 5 }, { x: 10_000, y: 50 }, { x: 100_000, y: 500 }] },
      { label: 'slow', color: '#f00', dashed: true, points: [{ x: 1000, y: 800 }, { x: 10_000, y: 60_000, timedOut: true }] },
    ],
    { title: 'Time & size', xLabel: 'words', yLabel: 'ms', formatX: (x) => `${x / 1000}k` },
  );
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');

  it('is well-formed SVG with escaped labels, axes and a legend', () => {
    expect(doc.documentElement.nodeName.toLowerCase()).toBe('svg');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('fast <engine>');
    expect(texts).toContain('Time & size');
    expect(texts).toEqual(expect.arrayContaining(['1k', '10k', '100k', 'words', 'ms', '1 ms', '10 s']));
  });

  it('draws one line per series, rising with time, and hollow markers for timeouts', () => {
    const paths = [...doc.querySelectorAll('path')];
    expect(paths).toHaveLength(2);
    const ys = paths[0]!.getAttribute('d')!.match(/[ML][\d.]+ ([\d.]+)/g)!.map((step) => Number(step.split(' ')[1]));
    expect(ys[0]!).toBeGreaterThan(ys[1]!);
    expect(ys[1]!).toBeGreaterThan(ys[2]!);
    expect(paths[1]!.getAttribute('stroke-dasharray')).not.toBeNull();
    const hollow = [...doc.querySelectorAll('circle')].filter((c) => c.getAttribute('fill') === '#ffffff' && c.getAttribute('stroke') === '#f00');
    expect(hollow).toHaveLength(1);
  });
});
