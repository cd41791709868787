/** Fresh reads of a claim for the evidence tasks (the read cache may hold an older version). */
import { request } from '../api/client.ts';
import { ClaimDetailsDocument, type ClaimDetailsQuery } from '../api/generated.ts';

/** A claim with its version, ends and evidence. */
export type LoadedClaim = NonNullable<ClaimDetailsQuery['claim']>;

/** The claim as saved now; null when it no longer exists. */
export function fetchClaim(id: string): Promise<LoadedClaim | null> {
  return request(ClaimDetailsDocument, { id }, { fresh: true }).then(({ claim }) => claim);
}
