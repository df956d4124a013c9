import { describe } from 'vitest';
import { launchDynamicChromium } from './support/dynamic-chromium';
import { defineFightingPageTests } from './support/fight-cases';

// Attack report findings 4 and 5 in Chromium (MV3 build); the checks are shared with Firefox.
describe('Chromium: pages that fight the highlighter', () => {
  defineFightingPageTests(launchDynamicChromium);
});
