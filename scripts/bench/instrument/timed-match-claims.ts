/** Bench-only: `matchClaims` timed in the worker (see worker-timing.ts). Everything else is the real module. */
import { matchClaims as realMatchClaims } from '../../../lib/match/match-claims';
import { benchMeasure } from './worker-timing';

export * from '../../../lib/match/match-claims';

export const matchClaims: typeof realMatchClaims = (text, index, options) => {
  const start = performance.now();
  const found = realMatchClaims(text, index, options);
  benchMeasure('match', start, { chars: text.length, matches: found.length, claims: index.claims.length });
  return found;
};
