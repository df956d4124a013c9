// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsClaimSet, type OptionsClaimSetProps } from '@/components/options-claim-set';
import { infoFixture, packFixture, pickFile } from './options-test-utils';
import { renderIn } from '../i18n/test-translators';

const filePack = packFixture({ id: 'file-1', name: 'my-pack.json', source: 'file', enabled: false, version: '0.3.0', publishedAt: '2026-03-01', claimCount: 4 });

function props(overrides: Partial<OptionsClaimSetProps> = {}): OptionsClaimSetProps {
  return {
    info: infoFixture({ packs: [packFixture(), filePack] }),
    onSetEnabled: vi.fn(),
    onRemove: vi.fn(async () => ({ ok: true as const })),
    onImportPack: vi.fn(async (name: string) => ({ ok: true as const, pack: packFixture({ id: 'file-2', name, source: 'file', claimCount: 1, version: '2.0.0' }) })),
    ...overrides,
  };
}

afterEach(cleanup);

describe('OptionsClaimSet summary', () => {
  it('shows version, publication date, age and claim count', () => {
    renderIn(<OptionsClaimSet {...props()} />);
    expect(screen.getByTestId('claim-set-version').textContent).toBe('bundled@1.2.0');
    expect(screen.getByTestId('claim-set-summary').textContent).toContain('1 Feb 2026');
    expect(screen.getByTestId('claim-set-age').textContent).toBe('Published 20 days ago');
    expect(screen.getByTestId('claim-set-count').textContent).toBe('12');
  });

  it('warns only when the set is stale', () => {
    const { unmount } = renderIn(<OptionsClaimSet {...props()} />);
    expect(screen.queryByTestId('stale-warning')).toBeNull();
    unmount();
    renderIn(<OptionsClaimSet {...props({ info: infoFixture({ ageDays: 130, stale: true }) })} />);
    expect(screen.getByTestId('stale-warning').textContent).toContain('130 days old');
    expect(screen.getByTestId('claim-set-age').className).toContain('stale');
  });

  it('shows a loading state, then an error in an alert', () => {
    const loading = renderIn(<OptionsClaimSet {...props({ info: undefined })} />);
    expect(loading.container.textContent).toContain('Loading');
    expect(screen.queryByTestId('pack-list')).toBeNull();
    loading.unmount();
    renderIn(<OptionsClaimSet {...props({ info: undefined, error: 'Could not read the claim set: gone' })} />);
    expect(screen.getByTestId('claim-set-error').getAttribute('role')).toBe('alert');
  });
});

describe('OptionsClaimSet packs', () => {
  it('lists each pack with its details and switch state', () => {
    renderIn(<OptionsClaimSet {...props()} />);
    const rows = within(screen.getByTestId('pack-list')).getAllByTestId('pack-row');
    expect(rows.map((row) => within(row).getByTestId('pack-name').textContent)).toEqual(['Built-in claims', 'my-pack.json']);
    // Source, version, date and size sit under the name, so the table fits a 360 px screen.
    expect(rows[1]!.querySelector('.pack-meta')?.textContent).toBe('Imported file · version 0.3.0 · published 1 Mar 2026 · 4 claims');
    expect(within(rows[1]!).getByTestId('pack-version').textContent).toBe('0.3.0');
    expect(Array.from(screen.getByTestId('pack-list').querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['Pack', 'In use', 'Actions']);
    const toggles = rows.map((row) => within(row).getByTestId<HTMLInputElement>('pack-toggle'));
    expect(toggles.map((toggle) => toggle.checked)).toEqual([true, false]);
    expect(screen.getByLabelText('Use Built-in claims')).toBe(toggles[0]);
    expect(screen.getByLabelText('Use my-pack.json')).toBe(toggles[1]);
  });

  it('switching a pack reports its id and the new state', () => {
    const onSetEnabled = vi.fn();
    renderIn(<OptionsClaimSet {...props({ onSetEnabled })} />);
    fireEvent.click(within(screen.getAllByTestId('pack-row')[1]!).getByTestId('pack-toggle'));
    expect(onSetEnabled).toHaveBeenCalledWith('file-1', true);
    // With the file pack on now (as the page would redraw it), the built-in one is not the last.
    cleanup();
    renderIn(<OptionsClaimSet {...props({ onSetEnabled, info: infoFixture({ packs: [packFixture(), { ...filePack, enabled: true }] }) })} />);
    fireEvent.click(within(screen.getAllByTestId('pack-row')[0]!).getByTestId('pack-toggle'));
    expect(onSetEnabled).toHaveBeenLastCalledWith('bundled', false);
  });

  it('asks before the last pack with claims goes off, keeps it on unless confirmed, and hands focus back to the switch', () => {
    const onSetEnabled = vi.fn();
    // The built-in pack is the only one on (the file pack is off): switching it off would leave no claims.
    renderIn(<OptionsClaimSet {...props({ onSetEnabled })} />);
    const toggle = within(screen.getAllByTestId('pack-row')[0]!).getByTestId<HTMLInputElement>('pack-toggle');
    fireEvent.click(toggle);
    expect(onSetEnabled).not.toHaveBeenCalled();
    expect(toggle.checked).toBe(true);
    const warning = screen.getByTestId('last-pack-warning');
    expect(warning.textContent).toContain('Switching off “Built-in claims” leaves no claims in use: Pledge Lens will highlight nothing');
    expect(document.activeElement).toBe(screen.getByTestId('last-pack-keep'));
    fireEvent.click(screen.getByTestId('last-pack-keep'));
    expect(screen.queryByTestId('last-pack-warning')).toBeNull();
    expect(onSetEnabled).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId('last-pack-confirm'));
    expect(onSetEnabled).toHaveBeenCalledWith('bundled', false);
    expect(screen.queryByTestId('last-pack-warning')).toBeNull();
  });

  it('switches off without asking while another pack with claims stays on; an empty pack does not count', () => {
    const onSetEnabled = vi.fn();
    const second = { ...filePack, enabled: true };
    const { unmount } = renderIn(<OptionsClaimSet {...props({ onSetEnabled, info: infoFixture({ packs: [packFixture(), second] }) })} />);
    fireEvent.click(within(screen.getAllByTestId('pack-row')[0]!).getByTestId('pack-toggle'));
    expect(onSetEnabled).toHaveBeenCalledWith('bundled', false);
    expect(screen.queryByTestId('last-pack-warning')).toBeNull();
    unmount();
    renderIn(<OptionsClaimSet {...props({ onSetEnabled, info: infoFixture({ packs: [packFixture(), { ...second, claimCount: 0 }] }) })} />);
    fireEvent.click(within(screen.getAllByTestId('pack-row')[0]!).getByTestId('pack-toggle'));
    expect(screen.getByTestId('last-pack-warning')).toBeTruthy();
  });

  it('says when no claims are in use', () => {
    const { unmount } = renderIn(<OptionsClaimSet {...props()} />);
    expect(screen.queryByTestId('no-claims-warning')).toBeNull();
    unmount();
    renderIn(<OptionsClaimSet {...props({ info: infoFixture({ claimCount: 0, packs: [packFixture({ enabled: false })] }) })} />);
    expect(screen.getByTestId('no-claims-warning').textContent).toBe('No claims are in use: no pack with claims is switched on, so Pledge Lens highlights nothing. Switch a pack on below.');
  });

  it('offers Remove only for packs the user added, and only after confirmation', async () => {
    const onRemove = vi.fn(async () => ({ ok: true as const }));
    renderIn(<OptionsClaimSet {...props({ onRemove })} />);
    const [bundled, file] = screen.getAllByTestId('pack-row').map((row) => within(row));
    expect(bundled!.queryByTestId('pack-remove')).toBeNull();
    fireEvent.click(file!.getByTestId('pack-remove'));
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(file!.getByTestId('pack-remove-confirm'));
    await waitFor(() => expect(onRemove).toHaveBeenCalledWith('file-1'));
  });

  it('shows why a removal failed', async () => {
    renderIn(<OptionsClaimSet {...props({ onRemove: async () => ({ ok: false, error: 'No such pack.' }) })} />);
    const file = within(screen.getAllByTestId('pack-row')[1]!);
    fireEvent.click(file.getByTestId('pack-remove'));
    fireEvent.click(file.getByTestId('pack-remove-confirm'));
    const alert = await screen.findByTestId('pack-remove-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('No such pack.');
  });
});

describe('OptionsClaimSet pack import', () => {
  it('sends the file name and text and reports the new pack', async () => {
    const onImportPack = vi.fn(async (name: string) => ({ ok: true as const, pack: packFixture({ id: 'file-2', name, source: 'file', claimCount: 1, version: '2.0.0' }) }));
    renderIn(<OptionsClaimSet {...props({ onImportPack })} />);
    pickFile(screen.getByTestId('pack-import-input'), 'extra-claims.json', '{"version":"2.0.0"}');
    const result = await screen.findByText('Added “extra-claims.json”: 1 claim, version 2.0.0.');
    expect(onImportPack).toHaveBeenCalledWith('extra-claims.json', '{"version":"2.0.0"}');
    expect(result).toBe(screen.getByTestId('pack-import-result'));
    expect(result.getAttribute('role')).toBe('status');
  });

  it('shows the validation error from a rejected pack in an alert', async () => {
    renderIn(<OptionsClaimSet {...props({ onImportPack: async () => ({ ok: false, error: 'claims[0].kind: must be a known kind' }) })} />);
    pickFile(screen.getByTestId('pack-import-input'), 'broken.json', '{}');
    const alert = await screen.findByRole('alert');
    expect(alert).toBe(screen.getByTestId('pack-import-result'));
    expect(alert.textContent).toBe('claims[0].kind: must be a known kind');
  });

  it('refuses an oversized file without calling the background', async () => {
    const onImportPack = vi.fn();
    renderIn(<OptionsClaimSet {...props({ onImportPack })} />);
    pickFile(screen.getByTestId('pack-import-input'), 'huge.json', 'x'.repeat(10_000_001));
    await waitFor(() => expect(screen.getByTestId('pack-import-result').textContent).toContain('too large'));
    expect(onImportPack).not.toHaveBeenCalled();
  });
});
