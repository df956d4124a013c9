import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIcons, withPadding } from '../../../scripts/build-icons';
import { ICON_SIZES } from '../../../scripts/support/icon-sizes';

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png.readUInt8(25) };
}

describe('the icon build', () => {
  it('renders every size the manifest names as a square RGBA PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-lens-icons-'));
    try {
      const files = await buildIcons(dir);
      expect(files.map((file) => file.slice(dir.length + 1))).toEqual(ICON_SIZES.map((size) => `icon/${size}.png`));
      for (const [index, size] of ICON_SIZES.entries()) {
        const png = await readFile(files[index]!);
        // 6 = truecolour with alpha: the rounded tile's corners (and the store icon's margin) are transparent.
        expect(pngHeader(png)).toEqual({ width: size, height: size, colourType: 6 });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('pads the store icon by widening the viewBox on every side', () => {
    expect(withPadding('<svg viewBox="0 0 128 128">', 16)).toBe('<svg viewBox="-16 -16 160 160">');
    expect(withPadding('<svg viewBox="0 0 128 128">', 0)).toBe('<svg viewBox="0 0 128 128">');
  });
});
