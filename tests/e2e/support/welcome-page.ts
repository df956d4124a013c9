/**
 * In-page probes for the first-run page (welcome.html), shared by the Playwright (Chromium) and
 * Puppeteer (Firefox) tests. Each is self-contained: evaluate() serialises it into the page, so
 * helpers live inside the function that uses them.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './paths';

/** Where the tests save the first-run page's screenshots, for a person to look at. */
export const WELCOME_SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-results', 'welcome');

export function welcomeScreenshotPath(name: string): string {
  mkdirSync(WELCOME_SCREENSHOT_DIR, { recursive: true });
  return resolve(WELCOME_SCREENSHOT_DIR, `${name}.png`);
}

/** The viewports the page must work at: desktop, a 360 px phone, and a 1280 x 900 window at 200% zoom. */
export const WELCOME_VIEWPORTS = [
  { name: '1280', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: '360', width: 360, height: 780, deviceScaleFactor: 1 },
  { name: 'zoom200', width: 640, height: 450, deviceScaleFactor: 2 },
] as const;

/** True once the legend is drawn and its examples have arrived (or are known to be missing). */
export function welcomeIsReady(): boolean {
  const legend = document.getElementById('labels');
  if (!legend) return false;
  const kinds = legend.querySelectorAll('[data-testid=legend-kind]');
  return kinds.length > 0 && [...kinds].every((kind) => kind.querySelector('[data-testid=legend-example], .example-none') !== null);
}

export interface WelcomeLegendInfo {
  /** Kind ids and the heading each shows, in page order. */
  kinds: { kind: string; label: string; example: string }[];
  statuses: { status: string; label: string; example: string }[];
  /** Text of the legend section, for "does it say X" checks. */
  text: string;
  usageText: string;
  privacyText: string;
}

export function readWelcomeLegend(): WelcomeLegendInfo {
  const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const legend = document.getElementById('labels');
  return {
    kinds: [...(legend?.querySelectorAll('[data-testid=legend-kind]') ?? [])].map((item) => ({
      kind: item.getAttribute('data-kind') ?? '',
      label: clean(item.querySelector('h3')?.textContent),
      example: item.querySelector('[data-testid=legend-example]')?.getAttribute('data-claim-id') ?? '',
    })),
    statuses: [...(legend?.querySelectorAll('[data-testid=legend-status]') ?? [])].map((item) => ({
      status: item.getAttribute('data-status') ?? '',
      label: clean(item.querySelector('dt')?.textContent),
      example: item.querySelector('[data-testid=legend-example]')?.getAttribute('data-claim-id') ?? '',
    })),
    text: clean(legend?.textContent),
    usageText: clean(document.querySelector('[data-testid=usage]')?.textContent),
    privacyText: clean(document.querySelector('[data-testid=privacy]')?.textContent),
  };
}

export interface OverflowInfo {
  viewportWidth: number;
  scrollWidth: number;
  /** Elements whose right edge passes the viewport's, described by tag, class and text. */
  offenders: string[];
}

/** Horizontal overflow: the document wider than the viewport, and which elements stick out. */
export function measureHorizontalOverflow(): OverflowInfo {
  const viewportWidth = document.documentElement.clientWidth;
  const offenders = [...document.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > viewportWidth + 0.5)
    .slice(0, 10)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
  return { viewportWidth, scrollWidth: document.documentElement.scrollWidth, offenders };
}

export interface ContrastFailure {
  where: string;
  text: string;
  ratio: number;
  foreground: string;
  background: string;
  required: number;
}

export interface ContrastReport {
  /** How many text elements (and sample underlines) were measured. */
  checked: number;
  /** The lowest text contrast found. */
  minimum: number;
  failures: ContrastFailure[];
}

/**
 * WCAG contrast from computed colours: every element with its own visible text against the
 * background it is drawn on (semi-transparent backgrounds composited up the tree), 4.5:1; and the
 * legend's sample underlines against their background, 3:1 (non-text contrast, WCAG 1.4.11).
 */
export function measureContrast(): ContrastReport {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | undefined => {
    const match = /rgba?\(([^)]+)\)/.exec(value);
    if (!match) return undefined;
    const parts = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const canvas: Rgba = matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0, 1] : [255, 255, 255, 1];
  const backgroundOf = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), canvas);
  };
  const luminance = ([r, g, b]: Rgba): number => {
    const channel = (value: number): number => {
      const s = value / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: Rgba, b: Rgba): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const css = (c: Rgba): string => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  const describe = (element: Element): string => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;

  const failures: ContrastFailure[] = [];
  let checked = 0;
  let minimum = Infinity;
  for (const element of document.body.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    const box = element.getBoundingClientRect();
    if (!ownText || box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') continue;
    const background = backgroundOf(element);
    const foreground = over(parse(style.color) ?? [0, 0, 0, 1], background);
    const value = ratio(foreground, background);
    checked++;
    minimum = Math.min(minimum, value);
    if (value < 4.5) failures.push({ where: describe(element), text: (element.textContent ?? '').trim().slice(0, 50), ratio: Math.round(value * 100) / 100, foreground: css(foreground), background: css(background), required: 4.5 });
  }
  for (const sample of document.querySelectorAll('mark.sample')) {
    const style = getComputedStyle(sample);
    // The underline is drawn over the mark's own wash; measure it against the panel behind the mark, the harder case.
    const background = backgroundOf(sample.parentElement ?? sample);
    const line = over(parse(style.textDecorationColor) ?? [0, 0, 0, 1], background);
    const value = ratio(line, background);
    checked++;
    if (value < 3) failures.push({ where: `${describe(sample)} underline`, text: (sample.textContent ?? '').trim(), ratio: Math.round(value * 100) / 100, foreground: css(line), background: css(background), required: 3 });
  }
  return { checked, minimum: Math.round(minimum * 100) / 100, failures };
}

/** Where the legend's heading is after opening welcome.html#labels: in view at the top, and focused. */
export function legendPosition(): { top: number; focusedId: string } {
  return { top: document.getElementById('labels')?.getBoundingClientRect().top ?? -1, focusedId: document.activeElement?.id ?? '' };
}
