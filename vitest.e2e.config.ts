import { defineConfig } from 'vitest/config';

// E2E tests drive real browsers against the built extension; one file at a time keeps two cores calm.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
