/**
 * A hand-written log–log line chart as SVG: time against page size, one line per contender.
 * Small enough not to need a plotting library, and diff-friendly when committed.
 */

export interface PlotPoint {
  x: number;
  y: number;
  /** The run hit its deadline: y is a lower bound (or an estimate), drawn as a hollow marker. */
  timedOut?: boolean;
}

export interface PlotSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: PlotPoint[];
}

export interface PlotOptions {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  /** Text for x tick values (e.g. 1000 -> "1k words"). */
  formatX?: (value: number) => string;
}

const WIDTH = 880;
const HEIGHT = 480;
const MARGIN = { left: 80, right: 300, top: 64, bottom: 64 };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Whole decades covering [min, max], at least one decade wide. */
export function decadeRange(values: readonly number[]): [number, number] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [0, 1];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  const high = Math.ceil(Math.log10(Math.max(...positive)));
  return [low, high > low ? high : low + 1];
}

/** log10 of the data's extent with a little padding, so the end points sit inside the axis. */
export function paddedLogRange(values: readonly number[], padding = 0.15): [number, number] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [0, 1];
  const low = Math.log10(Math.min(...positive));
  const high = Math.log10(Math.max(...positive));
  return [low - padding, Math.max(high, low + 0.01) + padding];
}

/** Maps a value to a pixel coordinate on a log axis spanning [10^low, 10^high] over [from, to]. */
export function logScale(value: number, [low, high]: [number, number], from: number, to: number): number {
  const t = (Math.log10(value) - low) / (high - low);
  return from + t * (to - from);
}

function formatMs(value: number): string {
  if (value >= 1000) return `${value / 1000} s`;
  return `${value} ms`;
}

export function plotSvg(series: readonly PlotSeries[], options: PlotOptions): string {
  const formatX = options.formatX ?? ((value: number) => String(value));
  const points = series.flatMap((s) => s.points);
  const xDecades = paddedLogRange(points.map((p) => p.x));
  const yDecades = decadeRange(points.map((p) => p.y));
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;
  const px = (x: number) => logScale(x, xDecades, left, right).toFixed(1);
  const py = (y: number) => logScale(y, yDecades, bottom, top).toFixed(1);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="24" font-size="16" font-weight="600">${escapeXml(options.title)}</text>`);
  if (options.subtitle) out.push(`<text x="${left}" y="44" fill="#555">${escapeXml(options.subtitle)}</text>`);

  // Grid and y ticks, one per decade.
  for (let d = yDecades[0]; d <= yDecades[1]; d++) {
    const y = py(10 ** d);
    out.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatMs(10 ** d))}</text>`);
  }
  // x ticks at the data's own x values (the page sizes), plus the axes.
  for (const x of [...new Set(points.map((p) => p.x))].sort((a, b) => a - b)) {
    out.push(`<line x1="${px(x)}" y1="${top}" x2="${px(x)}" y2="${bottom}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${px(x)}" y="${bottom + 18}" text-anchor="middle">${escapeXml(formatX(x))}</text>`);
  }
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#333"/>`);
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#333"/>`);
  out.push(`<text x="${(left + right) / 2}" y="${HEIGHT - 18}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  out.push(`<text transform="translate(20 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);

  series.forEach((s, i) => {
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    if (sorted.length > 1) {
      const path = sorted.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p.x)} ${py(p.y)}`).join(' ');
      out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const p of sorted) {
      const fill = p.timedOut ? '#ffffff' : s.color;
      out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="4.5" fill="${fill}" stroke="${s.color}" stroke-width="2"><title>${escapeXml(`${s.label}: ${formatX(p.x)}, ${p.y.toFixed(1)} ms${p.timedOut ? ' (timeout)' : ''}`)}</title></circle>`);
    }
    const ly = top + 8 + i * 22;
    out.push(`<line x1="${right + 20}" y1="${ly}" x2="${right + 44}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<circle cx="${right + 32}" cy="${ly}" r="4" fill="${s.color}"/>`);
    out.push(`<text x="${right + 52}" y="${ly}" dominant-baseline="middle">${escapeXml(s.label)}</text>`);
  });
  const noteY = top + 8 + series.length * 22 + 10;
  out.push(`<circle cx="${right + 32}" cy="${noteY}" r="4" fill="#ffffff" stroke="#333" stroke-width="2"/>`);
  out.push(`<text x="${right + 52}" y="${noteY}" dominant-baseline="middle">timed out (estimate)</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
