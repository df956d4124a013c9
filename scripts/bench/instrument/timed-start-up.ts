/**
 * Bench-only: the pieces of a cold start, timed (see worker-timing.ts): opening the database, and,
 * inside BackgroundService.init, validating the bundled claim set and seeding it. Swapped in for
 * entrypoints/background.ts (open-database) and lib/background/background-service.ts (the other two).
 */
import { ensureBundledPack as realEnsureBundledPack } from '../../../lib/background/store/claim-store';
import { openPledgeLensDb as realOpenPledgeLensDb } from '../../../lib/background/store/open-database';
import { validateClaimSet as realValidateClaimSet } from '../../../lib/claims/validate-claim-set';
import { benchMeasure } from './worker-timing';

export * from '../../../lib/background/store/claim-store';
export * from '../../../lib/background/store/open-database';
export * from '../../../lib/claims/validate-claim-set';

export const openPledgeLensDb: typeof realOpenPledgeLensDb = async (...args) => {
  const start = performance.now();
  const db = await realOpenPledgeLensDb(...args);
  benchMeasure('open-db', start);
  return db;
};

export const validateClaimSet: typeof realValidateClaimSet = (input) => {
  const start = performance.now();
  const result = realValidateClaimSet(input);
  benchMeasure('validate-claims', start);
  return result;
};

export const ensureBundledPack: typeof realEnsureBundledPack = async (...args) => {
  const start = performance.now();
  const pack = await realEnsureBundledPack(...args);
  benchMeasure('seed-bundled', start);
  return pack;
};
