/**
 * Resolves in a later task, behind every task already queued (a zero timeout). The background defers
 * work with it that must never hold up an answer or a request already waiting: the mention writes after
 * a page's answer, the matcher's warm-up slices. (Not `scheduler.yield()`, whose continuation runs
 * ahead of queued tasks: the opposite of what is wanted here.)
 */
export function afterQueuedTasks(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
