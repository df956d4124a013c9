/** The icon sizes the browsers and stores ask for, shared by the icon build (scripts/build-icons.ts) and the manifest (wxt.config.ts). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Where each size lands in the built extension (from public/icon/). */
export const iconPath = (size: number): string => `icon/${size}.png`;
