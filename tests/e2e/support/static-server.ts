/** The static server lives in scripts/support, which `npm start`, the screenshots and the benchmark share. */
export { startStaticServer, type StaticServer } from '../../../scripts/support/static-server';
