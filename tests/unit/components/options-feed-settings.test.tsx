// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedSettings, type FeedSettingsProps } from '@/components/feed-settings';
import { formatDateTime } from '@/components/options-format';
import { byTestId, click, labelOf, mount, settle, typeInto, unmountAll } from './options-test-utils';

const FEED = 'https://claims.example.org/feed.json';

function props(overrides: Partial<FeedSettingsProps> = {}): FeedSettingsProps {
  return {
    feed: { url: FEED, lastSuccessAt: '2026-03-02T10:00:00.000Z', lastCheckedAt: '2026-03-04T10:00:00.000Z' },
    onSaveUrl: vi.fn(async (url: string) => ({ ok: true as const, feed: { url } })),
    onUpdateNow: vi.fn(async () => ({ ok: true as const, status: 'updated' as const, feed: { url: FEED } })),
    ...overrides,
  };
}

afterEach(unmountAll);

describe('FeedSettings', () => {
  it('shows the stored URL in a labelled input', () => {
    const root = mount(<FeedSettings {...props()} />);
    const input = byTestId<HTMLInputElement>(root, 'feed-url');
    expect(input.value).toBe(FEED);
    expect(labelOf(input)).toContain('Feed URL');
  });

  it('saves the typed URL (trimmed) and confirms', async () => {
    const onSaveUrl = vi.fn(async (url: string) => ({ ok: true as const, feed: { url } }));
    const root = mount(<FeedSettings {...props({ onSaveUrl })} />);
    typeInto(byTestId(root, 'feed-url'), '  https://other.example.net/claims.json ');
    click(byTestId(root, 'feed-save'));
    await settle();
    expect(onSaveUrl).toHaveBeenCalledWith('https://other.example.net/claims.json');
    expect(byTestId(root, 'feed-save-result').getAttribute('role')).toBe('status');
  });

  it('shows the rejection when the background refuses the URL', async () => {
    const root = mount(<FeedSettings {...props({ onSaveUrl: async () => ({ ok: false, error: 'A claim feed must be an https:// URL.' }) })} />);
    typeInto(byTestId(root, 'feed-url'), 'http://plain.example.com/');
    click(byTestId(root, 'feed-save'));
    await settle();
    const alert = byTestId(root, 'feed-save-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('A claim feed must be an https:// URL.');
  });

  it.each([
    ['updated', 'Updated'],
    ['not-modified', 'Already up to date'],
  ] as const)('reports an update that ended %s', async (status, text) => {
    const root = mount(<FeedSettings {...props({ onUpdateNow: async () => ({ ok: true, status, feed: { url: FEED } }) })} />);
    click(byTestId(root, 'feed-update'));
    await settle();
    expect(byTestId(root, 'feed-result').textContent).toBe(text);
  });

  it('reports a failed update in an alert', async () => {
    const root = mount(<FeedSettings {...props({ onUpdateNow: async () => ({ ok: false, error: 'The feed answered 503.' }) })} />);
    click(byTestId(root, 'feed-update'));
    await settle();
    const alert = byTestId(root, 'feed-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('The feed answered 503.');
  });

  it('shows the last success, last check and last error', () => {
    const at = '2026-03-04T11:00:00.000Z';
    const root = mount(<FeedSettings {...props({ feed: { url: FEED, lastSuccessAt: '2026-03-02T10:00:00.000Z', lastCheckedAt: at, lastError: { at, message: 'Version 1.0.0 is older than 1.2.0' } } })} />);
    const status = byTestId(root, 'feed-status');
    expect(byTestId(status, 'feed-last-success').textContent).toBe(formatDateTime('2026-03-02T10:00:00.000Z'));
    expect(byTestId(status, 'feed-last-check').textContent).toBe(formatDateTime(at));
    expect(byTestId(status, 'feed-last-error').textContent).toContain('Version 1.0.0 is older than 1.2.0');
    expect(byTestId(status, 'feed-last-error').textContent).toContain(formatDateTime(at));
  });

  it('says Never and None before any update', () => {
    const root = mount(<FeedSettings {...props({ feed: { url: '' } })} />);
    expect(byTestId(root, 'feed-last-success').textContent).toBe('Never');
    expect(byTestId(root, 'feed-last-error').textContent).toBe('None');
    expect(byTestId(root, 'feed-status').textContent).toContain('None set');
  });
});

describe('formatDateTime', () => {
  it('formats a date-time as day, month name, year and local time', () => {
    const local = new Date(2026, 10, 22, 9, 5);
    expect(formatDateTime(local.toISOString())).toBe('22 Nov 2026, 09:05');
  });

  it('passes through what it cannot parse', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});
