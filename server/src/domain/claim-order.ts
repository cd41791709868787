/** Orderings of claims that every store must apply identically. */
import { LEVEL_WEIGHTS, type EvidenceLevel, type Stance } from './evidence-levels.ts';

interface OrderableClaim {
  readonly id: string;
  readonly evidence: readonly { readonly level: EvidenceLevel; readonly stance: Stance }[];
}

/** Weight of the strongest disputing evidence item (0 when nothing disputes the claim). */
export function bestDisputeWeight(claim: OrderableClaim): number {
  let best = 0;
  for (const item of claim.evidence)
    if (item.stance === 'disputes') best = Math.max(best, LEVEL_WEIGHTS[item.level]);
  return best;
}

/** Order for `contested`: the strongest disputes first, then by id. */
export function compareContested(a: OrderableClaim, b: OrderableClaim): number {
  return bestDisputeWeight(b) - bestDisputeWeight(a) || compareIds(a.id, b.id);
}

/** Plain code-unit order of ids, the same in every store and export. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
