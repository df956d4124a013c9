import { describe } from 'vitest';
import { defineLiveSiteTests } from './support/live-cases';
import { launchLiveChromium } from './support/live-chromium';

// Issue 13's live-site pages in Chromium (MV3 build); the checks are shared with Firefox.
describe('Chromium: frameworks, frames, odd documents and pages that fight back', () => {
  defineLiveSiteTests(launchLiveChromium);
});
