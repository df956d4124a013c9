import { defineConfig } from 'wxt';
import { ICON_SIZES, iconPath } from './scripts/support/icon-sizes';

// Gecko needs a stable id for storage and for `web-ext lint`; Chrome derives its own. Never change it once
// published: Firefox ties the reader's stored data and AMO ties the listing to it.
const GECKO_ID = 'pledge-lens@pledge-lens.org';
/** The project's home: the stores' "website" link (`homepage_url`) and the Firefox developer link. */
const HOMEPAGE_URL = 'https://pledge-lens.org/';
/** Also package.json's `author`. */
const AUTHOR = 'Pledge Lens contributors';
/**
 * The toolbar and store icon, rendered from assets/icon.svg by scripts/build-icons.ts (which `npm run
 * build` runs first) into public/icon/<size>.png.
 */
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size)]));
/** The extension page the card frames to edit a note (`entrypoints/note-editor/`). */
const NOTE_EDITOR_PAGE = 'note-editor.html';

/**
 * Extension pages run only our own scripts, load nothing from elsewhere, and may connect only to
 * https (the reader's claim feed) or the reader's own machine (a local feed). No `frame-ancestors`:
 * the card frames the note editor inside web pages; which pages may be framed at all is decided by
 * `web_accessible_resources` (the note editor only).
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' data:",
  "style-src 'self'",
  'connect-src https: http://127.0.0.1:* http://localhost:*',
].join('; ');

export default defineConfig({
  manifest: ({ browser, manifestVersion }) => ({
    // Name, description and shortcut text come from public/_locales (English, German), so the browser and
    // the stores show them in the reader's language.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    homepage_url: HOMEPAGE_URL,
    icons: ICONS,
    // WXT adds the popup to this key; MV2 (Firefox) calls it browser_action.
    ...(manifestVersion === 3 ? { action: { default_icon: ICONS } } : { browser_action: { default_icon: ICONS } }),
    // Chrome ignores `author` since 2024 (the Web Store shows the publisher account); Firefox's `developer`
    // names us and links home on the add-on's page.
    ...(browser === 'firefox' ? { developer: { name: AUTHOR, url: HOMEPAGE_URL } } : {}),
    description: '__MSG_ext_description__',
    permissions: ['storage', 'alarms'],
    // Firefox reads a claim feed on another origin only with CORS headers, unless the reader grants its
    // host: the options page asks for just the feed's host when the reader saves it
    // (entrypoints/options/feed-access.ts). Chromium reads it through the content script's host access.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] } : {}),
    // The card's note editor is framed inside web pages; nothing else of ours may be loaded by a page.
    // Chrome: at a per-session address only (use_dynamic_url), which runtime.getURL gives the content
    // script and no page can compute from our public id, so a page cannot frame it itself; Firefox's
    // moz-extension address is a per-profile random UUID already. The editor also needs a card's
    // capability to act (lib/background/note-capabilities.ts): this is the outer wall, not the lock.
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: [NOTE_EDITOR_PAGE], matches: ['<all_urls>'], use_dynamic_url: true }] : [NOTE_EDITOR_PAGE],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_toggleHighlights__',
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
            // Firefox for Android honours data_collection_permissions from 142 on; an older minimum makes
            // `web-ext lint` warn that the declaration would be ignored there.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // The Firefox sources zip: what a reviewer needs to rebuild the add-on (`npm ci && npm run build`),
    // nothing generated or local. WXT already leaves out node_modules, .output and dot-folders.
    excludeSources: ['test-results/**', 'coverage/**', 'bench/**', 'tests/**', 'public/icon/**', '**/*.log', '**/*.tgz', '**/*.zip'],
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Identifies this build: the background reuses a stored compiled claim index only from the same build.
    define: { __PLEDGE_LENS_BUILD_ID__: JSON.stringify(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`) },
  }),
});
