/** The Chromium launcher lives in scripts/support, which the README screenshots share. */
export { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumWithExtension } from '../../../scripts/support/chromium';
