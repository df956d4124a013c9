import { describe } from 'vitest';
import { defineDynamicPageTests } from './support/dynamic-cases';
import { launchDynamicChromium } from './support/dynamic-chromium';

// Issue 7's dynamic-page behaviours in Chromium (MV3 build); the checks are shared with Firefox.
describe('Chromium: dynamic and hostile pages', () => {
  defineDynamicPageTests(launchDynamicChromium);
});
