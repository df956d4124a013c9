/**
 * The claims that replaced a claim (its `replacedBy`), as the card and the Markdown report name them in its place.
 */
import type { Claim } from './schema';

/**
 * @param claim the replaced claim
 * @param claims the loaded claims by id (undefined: none known)
 * @returns the claims `claim.replacedBy` names that `claims` holds, in `replacedBy`'s order; never `claim` itself (an
 *   imported pack is not checked as the bundled set is, and "in its place" must not name the claim it stands beside)
 */
export function replacingClaims<T extends Claim>(claim: Claim, claims: ReadonlyMap<string, T> | undefined): T[] {
  return (claim.replacedBy ?? []).flatMap((id) => {
    const other = id === claim.id ? undefined : claims?.get(id);
    return other ? [other] : [];
  });
}
