import { defineConfig } from 'wxt';

// Gecko needs a stable id for storage and for `web-ext lint`; Chrome derives its own.
const GECKO_ID = 'pledge-lens@pledge-lens.example';

export default defineConfig({
  manifest: ({ browser }) => ({
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
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
