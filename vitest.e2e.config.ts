import { defineConfig } from 'vitest/config';

/**
 * Playwright's own race, not ours (microsoft/playwright#7979, #22206): Chromium reports a frame attached under a
 * parent frame Playwright has already dropped (a page closing), and playwright-core's FrameManager.frameAttached
 * asserts, from a CDP event handler, outside any test. Seen once, in `chromium-popup.test.ts`, with every test
 * passed. Only that error is let through; any other unhandled error still fails the run.
 */
function isPlaywrightFrameRace(error: { message?: string; stack?: string; stacks?: ReadonlyArray<{ method: string }> }): boolean {
  if (error.message !== 'Assertion error') return false;
  return /FrameManager\.frameAttached/.test(error.stack ?? '') || (error.stacks ?? []).some((frame) => frame.method.includes('frameAttached'));
}

// E2E tests drive real browsers against the built extension; one file at a time keeps two cores calm.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    onUnhandledError: (error) => (isPlaywrightFrameRace(error) ? false : undefined),
  },
});
