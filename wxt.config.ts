import { defineConfig } from 'wxt';

// Gecko needs a stable id for storage and for `web-ext lint`; Chrome derives its own.
const GECKO_ID = 'pledge-lens@pledge-lens.example';

/**
 * Extension pages run only our own scripts, load nothing from elsewhere, and may connect only to
 * https (the reader's claim feed) or the reader's own machine (a local feed).
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "style-src 'self'",
  'connect-src https: http://127.0.0.1:* http://localhost:*',
].join('; ');

export default defineConfig({
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Pledge Lens',
    description:
      'Highlights claims about AI companies’ safety policies and tells binding commitments from announced targets.',
    permissions: ['storage', 'alarms'],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Turn Pledge Lens highlights on or off on this page',
      },
    },
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR): data_collection_permissions; Intl.Segmenter, which matching needs, is older (125).
              strict_min_version: '140.0',
              // Pledge Lens sends nothing anywhere: the only request is the claim feed the reader sets.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
