import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: lib/ runs in Node; files that need a DOM opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // What wxt.config.ts defines at build time (the build id the background keys its index cache by).
  define: { __PLEDGE_LENS_BUILD_ID__: JSON.stringify('vitest') },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A page read into happy-dom (the independent corpus's whole article pages) must not make it fetch the
    // stylesheets and scripts the page links: tests talk to nothing, and a refused fetch is noise in the log.
    environmentOptions: { happyDOM: { settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
    testTimeout: 20_000,
  },
});
