/**
 * What-if weighting: a reader's choice to leave some evidence out ("ignore anecdote", "only what
 * supports", "without this industry-funded study") and see certainty, paths and the discrimination
 * matrix as they would stand without it. Nothing is changed in the graph; a weighed claim is the
 * stored claim with fewer items and its figures derived again by the same rules (certainty.ts).
 */
import { ValidationError } from './errors.ts';
import {
  EVIDENCE_LEVELS,
  isEvidenceLevel,
  isStance,
  STANCES,
  type EvidenceLevel,
  type Stance,
} from './evidence-levels.ts';
import { summarizeEvidence } from './evidence-summary.ts';
import { assertNodeId } from './ids.ts';
import type { Claim, Evidence } from './model.ts';
import type { NodeKind } from './kinds.ts';
import {
  collectNeighbourhood,
  type Adjacency,
  type ClaimEdge,
  type NeighbourhoodOptions,
  type NeighbourhoodPage,
} from './traversal.ts';

/** What to leave out. Every field is optional; an empty weighting leaves everything in. */
export interface EvidenceWeighting {
  readonly leaveOutLevels?: readonly EvidenceLevel[];
  readonly leaveOutStances?: readonly Stance[];
  /** Source ids whose items are left out. */
  readonly leaveOutSources?: readonly string[];
  /** Leave out items the curator could not verify. */
  readonly leaveOutUnverified?: boolean;
}

/** A checked weighting, as sets. */
export interface ResolvedWeighting {
  readonly levels: ReadonlySet<EvidenceLevel>;
  readonly stances: ReadonlySet<Stance>;
  readonly sources: ReadonlySet<string>;
  readonly unverified: boolean;
}

/** At most this many sources left out by name: a what-if, not a second graph. */
export const MAX_LEFT_OUT_SOURCES = 100;

/** A claim as weighed: its kept evidence, its figures from that evidence, and how many items were left out. */
export interface WeighedClaim extends Claim {
  readonly setAside: number;
}

/**
 * Checks a weighting, naming the field at fault; null when it leaves everything in (so callers can
 * skip the work and answer from stored figures).
 */
export function resolveWeighting(weighting: EvidenceWeighting | null | undefined): ResolvedWeighting | null {
  if (weighting === null || weighting === undefined) return null;
  const levels = checkValues(
    'weighting.leaveOutLevels',
    weighting.leaveOutLevels,
    isEvidenceLevel,
    EVIDENCE_LEVELS,
  );
  const stances = checkValues('weighting.leaveOutStances', weighting.leaveOutStances, isStance, STANCES);
  const sources = weighting.leaveOutSources ?? [];
  if (!Array.isArray(sources)) throw new ValidationError('weighting.leaveOutSources', 'must be a list');
  if (sources.length > MAX_LEFT_OUT_SOURCES) {
    throw new ValidationError('weighting.leaveOutSources', `name at most ${MAX_LEFT_OUT_SOURCES} sources`);
  }
  sources.forEach((id, index) => {
    assertNodeId(`weighting.leaveOutSources[${index}]`, id, 'source');
  });
  const unverified = weighting.leaveOutUnverified ?? false;
  if (typeof unverified !== 'boolean') {
    throw new ValidationError('weighting.leaveOutUnverified', 'must be true or false');
  }
  if (levels.size === 0 && stances.size === 0 && sources.length === 0 && !unverified) return null;
  return { levels, stances, sources: new Set(sources), unverified };
}

/** True when the weighting keeps this item. */
export function keepsEvidence(weighting: ResolvedWeighting, item: Evidence): boolean {
  return (
    !weighting.levels.has(item.level) &&
    !weighting.stances.has(item.stance) &&
    !weighting.sources.has(item.sourceId) &&
    !(weighting.unverified && item.unverified)
  );
}

/**
 * The claim with only the evidence the weighting keeps, its figures derived again; null when
 * nothing is left (the claim then has no evidence to stand on, so walks and matrices drop it).
 */
export function weighClaim(claim: Claim, weighting: ResolvedWeighting): WeighedClaim | null {
  const kept = claim.evidence.filter((item) => keepsEvidence(weighting, item));
  if (kept.length === 0) return null;
  const setAside = claim.evidence.length - kept.length;
  return { ...claim, evidence: kept, ...summarizeEvidence(claim.relation, kept), setAside };
}

/**
 * The weighed claim for a reader who asked for this claim by name. With nothing kept it still exists:
 * no evidence, very low certainty and strength 0 (nothing holds it up), every item set aside.
 */
export function weighClaimForReading(claim: Claim, weighting: ResolvedWeighting): WeighedClaim {
  return (
    weighClaim(claim, weighting) ?? {
      ...claim,
      evidence: [],
      certainty: 'very-low',
      strength: 0,
      contested: false,
      supportCount: 0,
      disputeCount: 0,
      setAside: claim.evidence.length,
    }
  );
}

/** Weighs each claim, dropping those left with no evidence. */
export function weighClaims(claims: readonly Claim[], weighting: ResolvedWeighting | null): Claim[] {
  if (weighting === null) return [...claims];
  const weighed: Claim[] = [];
  for (const claim of claims) {
    const result = weighClaim(claim, weighting);
    if (result !== null) weighed.push(result);
  }
  return weighed;
}

/** How many items the weighting left out of a claim (0 for a claim that was not weighed). */
export function setAsideOf(claim: Claim): number {
  return 'setAside' in claim && typeof claim.setAside === 'number' ? claim.setAside : 0;
}

function checkValues<V extends string>(
  field: string,
  values: readonly unknown[] | undefined,
  isValue: (value: unknown) => value is V,
  allowed: readonly V[],
): Set<V> {
  if (values === undefined) return new Set();
  if (!Array.isArray(values)) throw new ValidationError(field, 'must be a list');
  const checked = new Set<V>();
  for (const value of values) {
    if (!isValue(value)) {
      throw new ValidationError(
        field,
        `must list values of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
      );
    }
    checked.add(value);
  }
  return checked;
}

/**
 * The walk's view of the graph under a weighting: each claim's strength and best level as its kept
 * evidence gives them, and claims with nothing kept gone. `weighed` returns the weighed claim for an
 * id the walk met (null when it was dropped). `claimOf` must know every claim the adjacency holds.
 */
export function weighedAdjacency(
  adjacency: Adjacency,
  claimOf: (id: string) => Claim | undefined,
  weighting: ResolvedWeighting,
): { readonly adjacency: Adjacency; readonly weighed: (id: string) => WeighedClaim | null } {
  const claims = new Map<string, WeighedClaim | null>();
  const weighed = (id: string): WeighedClaim | null => {
    let result = claims.get(id);
    if (result === undefined) {
      const claim = claimOf(id);
      if (claim === undefined) throw new Error(`the weighed walk met claim ${id} it was not given`);
      result = weighClaim(claim, weighting);
      claims.set(id, result);
    }
    return result;
  };
  const edges = new Map<string, readonly ClaimEdge[]>();
  return {
    weighed,
    adjacency: {
      kindOf: (nodeId) => adjacency.kindOf(nodeId),
      edgesOf(nodeId) {
        let list = edges.get(nodeId);
        if (list === undefined) {
          list = adjacency.edgesOf(nodeId).flatMap((edge) => {
            const claim = weighed(edge.id);
            return claim === null ? [] : [{ ...edge, strength: claim.strength, bestLevel: claim.bestLevel }];
          });
          edges.set(nodeId, list);
        }
        return list;
      },
    },
  };
}

/** Nodes and claims, as a store's subgraph holds them. */
interface NodesAndClaims<N extends { readonly id: string; readonly kind: NodeKind }> {
  readonly nodes: readonly N[];
  readonly claims: readonly Claim[];
  readonly truncated: boolean;
  readonly page?: NeighbourhoodPage;
}

/**
 * A neighbourhood under a weighting: the claims weighed, and the walk done again over what is left,
 * so a node reached only through claims with no evidence kept drops out with them. Exact, because a
 * weighed claim is never stronger than the stored one: everything the weighed walk reaches, the
 * stored walk reached too, so it is all in `subgraph`, which must be the whole stored neighbourhood
 * (no node budget). The budget in `options` is applied here, over the weighed ranking.
 */
export function weighNeighbourhood<N extends { readonly id: string; readonly kind: NodeKind }>(
  subgraph: NodesAndClaims<N>,
  centreId: string,
  options: Omit<NeighbourhoodOptions, 'maxNodes'>,
  weighting: ResolvedWeighting,
): NodesAndClaims<N> {
  const claims = weighClaims(subgraph.claims, weighting);
  const kinds = new Map(subgraph.nodes.map((node) => [node.id, node.kind]));
  const edges = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const end of [claim.from, claim.to]) {
      const list = edges.get(end);
      if (list) list.push(claim);
      else edges.set(end, [claim]);
    }
  }
  const walk = collectNeighbourhood(
    { edgesOf: (id) => edges.get(id) ?? [], kindOf: (id) => kinds.get(id) },
    centreId,
    { ...options, maxNodes: Number.POSITIVE_INFINITY },
  );
  const keptNodes = new Set(walk.nodeIds);
  const keptClaims = new Set(walk.claimIds);
  return {
    nodes: subgraph.nodes.filter((node) => keptNodes.has(node.id)),
    claims: claims.filter((claim) => keptClaims.has(claim.id)),
    truncated: subgraph.truncated || walk.truncated,
    page: walk.page,
  };
}
