/**
 * A bound on one automation step. A protocol call that never answers (a renderer that never
 * acknowledges a key event, a DevTools session that never attaches) would otherwise hold a test until
 * its 90 s timeout, which names no step; bounded, it fails at once and says which step and how long.
 */

/** Default bound for one protocol step, ms: far above a loaded 2-core machine's slowest normal answer (about 2 s). */
export const STEP_DEADLINE_MS = 15_000;

/** Thrown when a step outlives its bound; `step` names it for the report. */
export class StepDeadlineError extends Error {
  constructor(
    readonly step: string,
    readonly ms: number,
  ) {
    super(`${step}: no answer within ${ms} ms`);
    this.name = 'StepDeadlineError';
  }
}

/**
 * Resolves as `work` does, or rejects with a StepDeadlineError after `ms` milliseconds. The work
 * itself is not cancelled (protocol calls cannot be); its late result or error is dropped.
 */
export function withinDeadline<T>(step: string, work: Promise<T>, ms = STEP_DEADLINE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepDeadlineError(step, ms)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
