/**
 * Fetches the selected node's or claim's details for the details panel, through `useRemote`: a new
 * selection shows as loading; a refetch of the same selection (after an edit anywhere, or "Try
 * again") keeps the last details on screen until the new ones arrive; a stale answer is dropped.
 */
import { useRemote, type RequestFn } from '../api/use-remote.ts';
import type { ApiError } from '../api/client.ts';
import {
  ClaimDetailsDocument,
  NodeDetailsDocument,
  type ClaimDetailFragment,
  type EvidenceWeighting,
  type NodeDetailsQuery,
} from '../api/generated.ts';

type NodeDetails = NonNullable<NodeDetailsQuery['node']>;
export type ConceptDetails = Extract<NodeDetails, { claims: unknown }>;
export type SourceDetails = Exclude<NodeDetails, ConceptDetails>;

/** What the selected id turned out to be. */
export type Details =
  | { readonly kind: 'concept'; readonly node: ConceptDetails }
  | { readonly kind: 'source'; readonly node: SourceDetails }
  | { readonly kind: 'claim'; readonly claim: ClaimDetailFragment }
  | { readonly kind: 'missing' };

export interface DetailsState {
  readonly status: 'idle' | 'loading' | 'error' | 'ready';
  /** While the same selection refetches, its last details stay on screen. */
  readonly details: Details | null;
  readonly error: ApiError | null;
  readonly retry: () => void;
}

/** Fetches the selection's details (null: nothing selected). */
export function useDetails(id: string | null, weighting: EvidenceWeighting | null = null): DetailsState {
  const remote = useRemote(id === null ? null : JSON.stringify([id, weighting]), (send) =>
    fetchDetails(send, id ?? '', weighting),
  );
  return {
    status: remote.status,
    details: remote.status === 'error' ? null : remote.data,
    error: remote.error,
    retry: remote.reload,
  };
}

async function fetchDetails(
  request: RequestFn,
  id: string,
  weighting: EvidenceWeighting | null,
): Promise<Details> {
  if (id.startsWith('claim:')) {
    const { claim } = await request(ClaimDetailsDocument, { id, weighting });
    return claim ? { kind: 'claim', claim } : { kind: 'missing' };
  }
  const { node } = await request(NodeDetailsDocument, { id, weighting });
  if (!node) return { kind: 'missing' };
  return 'claims' in node ? { kind: 'concept', node } : { kind: 'source', node };
}
