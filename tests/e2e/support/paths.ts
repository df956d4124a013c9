/** The repository's paths and the built extension live in scripts/support, which `npm start` and the screenshots share. */
export * from '../../../scripts/support/paths';
