// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '@/components/download-file';

afterEach(() => vi.restoreAllMocks());

describe('downloadText', () => {
  it('clicks a temporary download link to a blob with the content and type, then cleans up', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    downloadText('a,b\n1,2\n', 'pledge-lens-annotations-2026-03-04.csv', 'text/csv;charset=utf-8');

    expect(create).toHaveBeenCalledOnce();
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]!.text()).toBe('a,b\n1,2\n');
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'pledge-lens-annotations-2026-03-04.csv', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});
