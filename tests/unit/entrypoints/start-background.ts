/**
 * Starts the background entrypoint in WXT's in-memory browser (`fakeBrowser`, which each test file
 * maps `webextension-polyfill` to with vi.mock), with the bundled claim set behind a stubbed fetch.
 */
import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installFakeIndexedDb } from '../background/store/fake-idb';

const BUNDLED = readFileSync(new URL('../../../public/claims/default.json', import.meta.url), 'utf8');

/** Resets the fake browser and runs the background's main(); resolves once start-up has read the bundled set. */
export async function startBackground(): Promise<void> {
  fakeBrowser.reset();
  installFakeIndexedDb();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(BUNDLED, { headers: { 'Content-Type': 'application/json' } })));
  // The APIs the in-memory browser lacks: the keyboard command (covered by the E2E suites), and a
  // catalogue ('' for every name, as a fresh Chromium profile may answer, so the English fallback speaks).
  fakeBrowser.commands.onCommand.addListener = vi.fn();
  fakeBrowser.i18n.getMessage = vi.fn(() => '');
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
  // Start-up reads the bundled set with fetch: let it happen while fetch is still the stub.
  await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
}
