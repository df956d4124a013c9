/**
 * Node-side checks on what `cardLook` (live-probes.ts) read from the card: WCAG contrast from the
 * computed colours, and whether a font family list would fall back to a serif face.
 */

/** 'rgb(27, 27, 31)' or 'rgba(…, 1)' (what getComputedStyle gives) → [r, g, b, alpha]. */
export function parseColour(css: string): [number, number, number, number] {
  const match = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)/.exec(css);
  if (!match) throw new Error(`Not an rgb() colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

/** WCAG contrast ratio of a text colour on an opaque background (a translucent text colour is composited first). */
export function contrastRatio(text: string, background: string): number {
  const [br, bg, bb, ba] = parseColour(background);
  if (ba < 1) throw new Error(`The card's background must be opaque, got ${background}`);
  const [r, g, b, a] = parseColour(text);
  const shown = [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
  const [x, y] = [luminance(shown), luminance([br, bg, bb])].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** True when the first family that names a face is a serif one, or the list is only the generic serif (the browser default). */
export function fallsBackToSerif(family: string): boolean {
  const faces = family.split(',').map((face) => face.trim().replace(/^["']|["']$/g, '').toLowerCase());
  return faces.length === 0 || faces[0] === '' || faces[0] === 'serif' || /^(times|times new roman|georgia|dejavu serif|liberation serif)$/.test(faces[0]!);
}
