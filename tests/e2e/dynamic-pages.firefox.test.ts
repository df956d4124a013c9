import { describe } from 'vitest';
import { defineDynamicPageTests } from './support/dynamic-cases';
import { launchDynamicFirefox } from './support/dynamic-firefox';

// Issue 7's dynamic-page behaviours in Firefox ESR (MV2 build); the checks are shared with Chromium.
describe('Firefox: dynamic and hostile pages', () => {
  defineDynamicPageTests(launchDynamicFirefox);
});
