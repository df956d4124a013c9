// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsFileImport } from '@/components/options-file-import';
import { renderIn } from '../i18n/test-translators';

afterEach(cleanup);

const MAX = 10;

function renderImport() {
  const onImport = vi.fn(async (file: { name: string; text: string }) => ({ ok: true as const, message: `read ${file.text.length}` }));
  renderIn(<OptionsFileImport label="Import" accept=".json" maxChars={MAX} onImport={onImport} inputTestId="file" resultTestId="result" />);
  return onImport;
}

const choose = (file: File) => fireEvent.change(screen.getByTestId('file'), { target: { files: [file] } });

describe('OptionsFileImport', () => {
  it('refuses a file too big to fit by its size alone, without reading it into the page', async () => {
    const onImport = renderImport();
    const file = new File(['{}'], 'huge.json');
    // A multi-gigabyte file, as the browser reports it; reading it would hold it all in this page's memory.
    Object.defineProperty(file, 'size', { value: 4 * 1024 ** 3 });
    const read = vi.spyOn(file, 'text');
    choose(file);
    await waitFor(() => expect(screen.getByTestId('result').textContent).toContain('huge.json'));
    expect(screen.getByRole('alert')).toBe(screen.getByTestId('result'));
    expect(read).not.toHaveBeenCalled();
    expect(onImport).not.toHaveBeenCalled();
  });

  it('reads a file its size does not rule out, and refuses it when its text is too long', async () => {
    const onImport = renderImport();
    choose(new File(['x'.repeat(MAX + 1)], 'long.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('long.json'));
    expect(onImport).not.toHaveBeenCalled();
  });

  it('takes a file at the limit written in three-byte characters (its byte size is three times its length)', async () => {
    const onImport = renderImport();
    const text = '€'.repeat(MAX);
    const file = new File([text], 'euro.json');
    expect(file.size).toBe(3 * MAX);
    choose(file);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith({ name: 'euro.json', text }));
  });
});
