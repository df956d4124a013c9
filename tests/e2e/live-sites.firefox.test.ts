import { describe } from 'vitest';
import { defineLiveSiteTests } from './support/live-cases';
import { launchLiveFirefox } from './support/live-firefox';

// Issue 13's live-site pages in Firefox ESR (MV2 build); the checks are shared with Chromium.
describe('Firefox: frameworks, frames, odd documents and pages that fight back', () => {
  defineLiveSiteTests(launchLiveFirefox);
});
