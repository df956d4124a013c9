/**
 * Reading a record keyed by ids that come from claim sets, imports or pages (`claims[claimId]`,
 * `changes[mentionId]`). A plain object answers `constructor`, `toString` or `__proto__` from its
 * prototype, and structured cloning (every message answer) gives records that prototype back, so a
 * claim id "constructor" or an imported mention naming claim "toString" would read as a function.
 */

/**
 * @returns the entry stored under `key` in `record` itself, or undefined when it has none of its own
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
