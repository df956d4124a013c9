// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedSettings, type FeedChoice, type FeedSettingsProps } from '@/components/feed-settings';
import type { PinnedFeedKey } from '@/lib/claims/feed-keys';
import { formatDateTime } from '@/components/options-format';
import { drawnOutsideAct, english, renderIn } from '../i18n/test-translators';

const FEED = 'https://claims.example.org/feed.json';
const PINNED: PinnedFeedKey = { kind: 'pinned', algorithm: 'ECDSA-P256', publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE', fingerprint: '3F2A 9C1B 77D0 E4A5' };

function props(overrides: Partial<FeedSettingsProps> = {}): FeedSettingsProps {
  return {
    feed: { url: FEED, lastSuccessAt: '2026-03-02T10:00:00.000Z', lastCheckedAt: '2026-03-04T10:00:00.000Z' },
    onSaveUrl: vi.fn(async ({ url }: FeedChoice) => ({ ok: true as const, feed: { url } })),
    onUpdateNow: vi.fn(async () => ({ ok: true as const, status: 'updated' as const, feed: { url: FEED } })),
    ...overrides,
  };
}

afterEach(cleanup);

describe('FeedSettings', () => {
  it('keeps an address typed just after the stored choice arrived (first load): the stored one is taken as it is drawn, not after paint', async () => {
    const view = drawnOutsideAct();
    const draw = (feed: FeedSettingsProps['feed']) => view.draw(<FeedSettings {...props({ feed })} />);
    try {
      draw(undefined);
      draw({ url: FEED });
      // Preact redraws a state change a microtask later, before any input event can come.
      await Promise.resolve();
      const input = screen.getByTestId<HTMLInputElement>('feed-url');
      expect(input.value).toBe(FEED);
      fireEvent.input(input, { target: { value: 'https://other.example.net/claims.json' } });
      await new Promise((resume) => setTimeout(resume, 250));
      expect(screen.getByTestId<HTMLInputElement>('feed-url').value).toBe('https://other.example.net/claims.json');
    } finally {
      view.remove();
    }
  });

  it('shows the stored URL in a labelled input', () => {
    renderIn(<FeedSettings {...props()} />);
    const input = screen.getByTestId<HTMLInputElement>('feed-url');
    expect(input.value).toBe(FEED);
    expect(screen.getByLabelText(/Feed URL/)).toBe(input);
  });

  it('saves the typed URL (trimmed) with the pasted key, and confirms with the key\'s fingerprint', async () => {
    const onSaveUrl = vi.fn(async ({ url }: FeedChoice) => ({ ok: true as const, feed: { url, trust: PINNED } }));
    renderIn(<FeedSettings {...props({ onSaveUrl })} />);
    fireEvent.input(screen.getByTestId('feed-url'), { target: { value: '  https://other.example.net/claims.json ' } });
    fireEvent.input(screen.getByTestId('feed-key'), { target: { value: `  ${PINNED.publicKey}\n` } });
    fireEvent.click(screen.getByTestId('feed-save'));
    const result = await screen.findByTestId('feed-save-result');
    expect(onSaveUrl).toHaveBeenCalledWith({ url: 'https://other.example.net/claims.json', publicKey: PINNED.publicKey, allowUnsigned: false });
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toContain('signed by ECDSA P-256 key 3F2A 9C1B 77D0 E4A5');
    expect(screen.getByLabelText(/Publisher’s public key/)).toBe(screen.getByTestId('feed-key'));
  });

  it('an unsigned choice disables the key field, sends no key and is confirmed as unsigned, with the browser\'s warning', async () => {
    const onSaveUrl = vi.fn(async ({ url }: FeedChoice) => ({ ok: true as const, feed: { url, trust: { kind: 'unsigned' as const } }, warning: 'The browser was not allowed to read x.' }));
    renderIn(<FeedSettings {...props({ onSaveUrl })} />);
    fireEvent.input(screen.getByTestId('feed-key'), { target: { value: PINNED.publicKey } });
    fireEvent.click(screen.getByTestId('feed-unsigned'));
    expect(screen.getByTestId<HTMLTextAreaElement>('feed-key').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('feed-save'));
    const result = await screen.findByTestId('feed-save-result');
    expect(onSaveUrl).toHaveBeenCalledWith({ url: FEED, publicKey: '', allowUnsigned: true });
    expect(result.textContent).toMatch(/^Saved\. Unsigned/);
    expect(result.textContent).toContain('The browser was not allowed to read x.');
  });

  it('shows who vouches for the feed: the pinned key, unsigned, or a feed saved before signatures', () => {
    const { rerender } = renderIn(<FeedSettings {...props({ feed: { url: FEED, trust: PINNED } })} />);
    expect(screen.getByTestId('feed-trust').textContent).toBe('Only updates signed by the publisher’s ECDSA P-256 key 3F2A 9C1B 77D0 E4A5');
    expect(screen.getByTestId<HTMLTextAreaElement>('feed-key').value).toBe(PINNED.publicKey);
    rerender(<FeedSettings {...props({ feed: { url: FEED, trust: { kind: 'unsigned' } } })} />);
    expect(screen.getByTestId('feed-trust').textContent).toMatch(/^Nobody: an unsigned feed/);
    expect(screen.getByTestId<HTMLInputElement>('feed-unsigned').checked).toBe(true);
    rerender(<FeedSettings {...props({ feed: { url: FEED } })} />);
    expect(screen.getByTestId('feed-trust').textContent).toMatch(/^Not chosen/);
  });

  it('refuses plain http to another machine as it is typed, in words for an unsigned feed, and never sends it', async () => {
    const onSaveUrl = vi.fn(async () => ({ ok: true as const, feed: { url: FEED } }));
    renderIn(<FeedSettings {...props({ onSaveUrl })} />);
    const url = screen.getByTestId<HTMLInputElement>('feed-url');
    fireEvent.input(url, { target: { value: 'http://feeds.example.org/claims.json' } });
    const error = screen.getByTestId('feed-url-error');
    expect(error.textContent).toMatch(/^A claim feed must be an https:\/\/ URL/);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    fireEvent.click(screen.getByTestId('feed-unsigned'));
    expect(error.textContent).toMatch(/^An unsigned claim feed must be an https:\/\/ URL: .* with no signature nothing would catch it/);
    fireEvent.click(screen.getByTestId('feed-save'));
    const alert = await screen.findByTestId('feed-save-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(error.textContent);
    expect(onSaveUrl).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(url);
    // This computer may serve plain http (a local feed server); https is fine anywhere.
    for (const value of ['http://127.0.0.1:8080/claims.json', 'http://localhost/claims.json', 'https://feeds.example.org/claims.json']) {
      fireEvent.input(url, { target: { value } });
      expect(screen.queryByTestId('feed-url-error'), value).toBeNull();
      expect(url.hasAttribute('aria-invalid'), value).toBe(false);
    }
    fireEvent.click(screen.getByTestId('feed-save'));
    await waitFor(() => expect(onSaveUrl).toHaveBeenCalledWith({ url: 'https://feeds.example.org/claims.json', publicKey: '', allowUnsigned: true }));
  });

  it('shows the rejection when the background refuses the URL', async () => {
    renderIn(<FeedSettings {...props({ onSaveUrl: async () => ({ ok: false, error: 'A claim feed must be an https:// URL.' }) })} />);
    fireEvent.input(screen.getByTestId('feed-url'), { target: { value: 'ftp://plain.example.com/' } });
    fireEvent.click(screen.getByTestId('feed-save'));
    const alert = await screen.findByTestId('feed-save-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('A claim feed must be an https:// URL.');
  });

  it.each([
    ['updated', 'Updated'],
    ['not-modified', 'Already up to date'],
  ] as const)('reports an update that ended %s', async (status, text) => {
    renderIn(<FeedSettings {...props({ onUpdateNow: async () => ({ ok: true, status, feed: { url: FEED } }) })} />);
    fireEvent.click(screen.getByTestId('feed-update'));
    await waitFor(() => expect(screen.getByTestId('feed-result').textContent).toBe(text));
  });

  it('reports a failed update in an alert', async () => {
    renderIn(<FeedSettings {...props({ onUpdateNow: async () => ({ ok: false, error: 'The feed answered 503.' }) })} />);
    fireEvent.click(screen.getByTestId('feed-update'));
    const alert = await screen.findByTestId('feed-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('The feed answered 503.');
  });

  it('shows the last success, last check and last error', () => {
    const at = '2026-03-04T11:00:00.000Z';
    renderIn(<FeedSettings {...props({ feed: { url: FEED, lastSuccessAt: '2026-03-02T10:00:00.000Z', lastCheckedAt: at, lastError: { at, message: 'Version 1.0.0 is older than 1.2.0' } } })} />);
    const status = within(screen.getByTestId('feed-status'));
    expect(status.getByTestId('feed-last-success').textContent).toBe(formatDateTime(english, '2026-03-02T10:00:00.000Z'));
    expect(status.getByTestId('feed-last-check').textContent).toBe(formatDateTime(english, at));
    expect(status.getByTestId('feed-last-error').textContent).toContain('Version 1.0.0 is older than 1.2.0');
    expect(status.getByTestId('feed-last-error').textContent).toContain(formatDateTime(english, at));
  });

  it('says Never and None before any update', () => {
    renderIn(<FeedSettings {...props({ feed: { url: '' } })} />);
    expect(screen.getByTestId('feed-last-success').textContent).toBe('Never');
    expect(screen.getByTestId('feed-last-error').textContent).toBe('None');
    expect(screen.getByTestId('feed-status').textContent).toContain('None set');
  });
});

describe('formatDateTime', () => {
  it('formats a date-time as day, month name, year and local time', () => {
    const local = new Date(2026, 10, 22, 9, 5);
    expect(formatDateTime(english, local.toISOString())).toBe('22 Nov 2026, 09:05');
  });

  it('passes through what it cannot parse', () => {
    expect(formatDateTime(english, 'yesterday')).toBe('yesterday');
  });
});
