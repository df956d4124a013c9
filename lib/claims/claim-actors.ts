/**
 * The actors a claim names and the names each is read by: one home for the walk that the set-size
 * bound, the one-id-one-actor check and the wake gate's vocabulary all make.
 */
import type { Actor, Claim } from './schema';

/** The claim's actor, then the other parties to its agreement (`Claim.parties`), as the built set embeds them. */
export function actorsOf(claim: Claim): Actor[] {
  return [claim.actor, ...(claim.parties ?? [])];
}

/** The names readers meet for an actor: its name, its aliases and, for a coalition, its members. */
export function namesOf(actor: Actor): string[] {
  return [actor.name, ...actor.aliases, ...(actor.members ?? [])];
}
