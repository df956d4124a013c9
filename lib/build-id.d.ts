/** Set by `wxt.config.ts` (vite `define`) at build time; see ClaimSetCache. */
declare const __PLEDGE_LENS_BUILD_ID__: string;
