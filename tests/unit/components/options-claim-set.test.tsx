// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsClaimSet, type OptionsClaimSetProps } from '@/components/options-claim-set';
import { allByTestId, byTestId, click, infoFixture, labelOf, mount, packFixture, pickFile, settle, unmountAll } from './options-test-utils';

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

afterEach(unmountAll);

describe('OptionsClaimSet summary', () => {
  it('shows version, publication date, age and claim count', () => {
    const root = mount(<OptionsClaimSet {...props()} />);
    expect(byTestId(root, 'claim-set-version').textContent).toBe('bundled@1.2.0');
    expect(byTestId(root, 'claim-set-summary').textContent).toContain('1 Feb 2026');
    expect(byTestId(root, 'claim-set-age').textContent).toBe('Published 20 days ago');
    expect(byTestId(root, 'claim-set-count').textContent).toBe('12');
  });

  it('warns only when the set is stale', () => {
    const fresh = mount(<OptionsClaimSet {...props()} />);
    expect(fresh.querySelector('[data-testid="stale-warning"]')).toBeNull();
    unmountAll();
    const stale = mount(<OptionsClaimSet {...props({ info: infoFixture({ ageDays: 130, stale: true }) })} />);
    expect(byTestId(stale, 'stale-warning').textContent).toContain('130 days old');
    expect(byTestId(stale, 'claim-set-age').className).toContain('stale');
  });

  it('shows a loading state, then an error in an alert', () => {
    const loading = mount(<OptionsClaimSet {...props({ info: undefined })} />);
    expect(loading.textContent).toContain('Loading');
    expect(loading.querySelector('[data-testid="pack-list"]')).toBeNull();
    unmountAll();
    const failed = mount(<OptionsClaimSet {...props({ info: undefined, error: 'Could not read the claim set: gone' })} />);
    expect(byTestId(failed, 'claim-set-error').getAttribute('role')).toBe('alert');
  });
});

describe('OptionsClaimSet packs', () => {
  it('lists each pack with its details and switch state', () => {
    const root = mount(<OptionsClaimSet {...props()} />);
    const rows = allByTestId(byTestId(root, 'pack-list'), 'pack-row');
    expect(rows.map((row) => byTestId(row, 'pack-name').textContent)).toEqual(['Built-in claims', 'my-pack.json']);
    const cells = Array.from(rows[1]!.querySelectorAll('td')).map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(['Imported file', '0.3.0', '1 Mar 2026', '4']);
    const toggles = rows.map((row) => byTestId<HTMLInputElement>(row, 'pack-toggle'));
    expect(toggles.map((toggle) => toggle.checked)).toEqual([true, false]);
    expect(toggles.map((toggle) => labelOf(toggle))).toEqual(['Use Built-in claims', 'Use my-pack.json']);
  });

  it('switching a pack reports its id and the new state', () => {
    const onSetEnabled = vi.fn();
    const root = mount(<OptionsClaimSet {...props({ onSetEnabled })} />);
    click(byTestId(allByTestId(root, 'pack-row')[1]!, 'pack-toggle'));
    expect(onSetEnabled).toHaveBeenCalledWith('file-1', true);
    click(byTestId(allByTestId(root, 'pack-row')[0]!, 'pack-toggle'));
    expect(onSetEnabled).toHaveBeenLastCalledWith('bundled', false);
  });

  it('offers Remove only for packs the user added, and only after confirmation', async () => {
    const onRemove = vi.fn(async () => ({ ok: true as const }));
    const root = mount(<OptionsClaimSet {...props({ onRemove })} />);
    const [bundled, file] = allByTestId(root, 'pack-row') as [HTMLElement, HTMLElement];
    expect(bundled.querySelector('[data-testid="pack-remove"]')).toBeNull();
    click(byTestId(file, 'pack-remove'));
    expect(onRemove).not.toHaveBeenCalled();
    click(byTestId(file, 'pack-remove-confirm'));
    await settle();
    expect(onRemove).toHaveBeenCalledWith('file-1');
  });

  it('shows why a removal failed', async () => {
    const root = mount(<OptionsClaimSet {...props({ onRemove: async () => ({ ok: false, error: 'No such pack.' }) })} />);
    const file = allByTestId(root, 'pack-row')[1]!;
    click(byTestId(file, 'pack-remove'));
    click(byTestId(file, 'pack-remove-confirm'));
    await settle();
    const alert = byTestId(root, 'pack-remove-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('No such pack.');
  });
});

describe('OptionsClaimSet pack import', () => {
  it('sends the file name and text and reports the new pack', async () => {
    const onImportPack = vi.fn(async (name: string) => ({ ok: true as const, pack: packFixture({ id: 'file-2', name, source: 'file', claimCount: 1, version: '2.0.0' }) }));
    const root = mount(<OptionsClaimSet {...props({ onImportPack })} />);
    await pickFile(byTestId(root, 'pack-import-input'), 'extra-claims.json', '{"version":"2.0.0"}');
    expect(onImportPack).toHaveBeenCalledWith('extra-claims.json', '{"version":"2.0.0"}');
    const result = byTestId(root, 'pack-import-result');
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toBe('Added “extra-claims.json”: 1 claim, version 2.0.0.');
  });

  it('shows the validation error from a rejected pack in an alert', async () => {
    const root = mount(<OptionsClaimSet {...props({ onImportPack: async () => ({ ok: false, error: 'claims[0].kind: must be a known kind' }) })} />);
    await pickFile(byTestId(root, 'pack-import-input'), 'broken.json', '{}');
    const alert = byTestId(root, 'pack-import-result');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('claims[0].kind: must be a known kind');
  });

  it('refuses an oversized file without calling the background', async () => {
    const onImportPack = vi.fn();
    const root = mount(<OptionsClaimSet {...props({ onImportPack })} />);
    await pickFile(byTestId(root, 'pack-import-input'), 'huge.json', 'x'.repeat(10_000_001));
    expect(onImportPack).not.toHaveBeenCalled();
    expect(byTestId(root, 'pack-import-result').textContent).toContain('too large');
  });
});
