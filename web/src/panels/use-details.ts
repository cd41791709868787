/**
 * Fetches the selected node's or claim's details for the details panel. A new selection shows as
 * loading; a refetch of the same selection (`refreshKey` changed, or "Try again") keeps the last
 * details on screen until the new ones arrive. A stale answer (the selection moved on) is dropped.
 */
import { useEffect, useState } from 'react';
import { ApiError, request } from '../api/client.ts';
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
  readonly status: 'empty' | 'loading' | 'error' | 'ready';
  /** While the same selection refetches, its last details stay on screen. */
  readonly details: Details | null;
  readonly error: ApiError | null;
  readonly retry: () => void;
}

/** Fetches the selection's details; a stale answer (the selection moved on) is dropped. */
export function useDetails(
  id: string | null,
  refreshKey: number,
  weighting: EvidenceWeighting | null = null,
): DetailsState {
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify([id, refreshKey, attempt, weighting]);
  const [settled, setSettled] = useState<{
    readonly key: string;
    readonly id: string | null;
    readonly details: Details | null;
    readonly error: ApiError | null;
  }>({ key: '', id: null, details: null, error: null });

  useEffect(() => {
    if (id === null) return;
    let current = true;
    fetchDetails(id, weighting).then(
      (details) => {
        if (current) setSettled({ key, id, details, error: null });
      },
      (error: unknown) => {
        if (!current) return;
        const failure = error instanceof ApiError ? error : new ApiError(String(error), 'INTERNAL');
        setSettled({ key, id, details: null, error: failure });
      },
    );
    return () => {
      current = false;
    };
    // `key` names the selection, the what-if, reloads and retries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key]);

  const retry = (): void => setAttempt((value) => value + 1);
  if (id === null) return { status: 'empty', details: null, error: null, retry };
  const sameSelection = settled.id === id;
  if (settled.key !== key)
    return { status: 'loading', details: sameSelection ? settled.details : null, error: null, retry };
  if (settled.error) return { status: 'error', details: null, error: settled.error, retry };
  return { status: 'ready', details: settled.details, error: null, retry };
}

async function fetchDetails(id: string, weighting: EvidenceWeighting | null): Promise<Details> {
  if (id.startsWith('claim:')) {
    const { claim } = await request(ClaimDetailsDocument, { id, weighting });
    return claim ? { kind: 'claim', claim } : { kind: 'missing' };
  }
  const { node } = await request(NodeDetailsDocument, { id, weighting });
  if (!node) return { kind: 'missing' };
  return 'claims' in node ? { kind: 'concept', node } : { kind: 'source', node };
}
