import { describe } from 'vitest';
import { launchDynamicFirefox } from './support/dynamic-firefox';
import { defineFightingPageTests } from './support/fight-cases';

// Attack report findings 4 and 5 in Firefox ESR (MV2 build); Firefox reports no long tasks, so the storm's count is Chromium's.
describe('Firefox: pages that fight the highlighter', () => {
  defineFightingPageTests(launchDynamicFirefox);
});
