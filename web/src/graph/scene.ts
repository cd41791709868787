/**
 * The scene: the union of every subgraph the view asked for (focus and expansions), then filtered.
 * Filters only hide; they never change what was fetched, so toggling one back is instant. Pure data
 * in, pure data out: the canvas, the list view and the exports all draw the same scene.
 */
import type {
  Certainty,
  EvidenceLevel,
  MapClaimFragment,
  NodeKind,
  Relation,
  Stance,
} from '../api/generated.ts';
import type { Filters } from '../state/view-state.ts';
import { isAtLeast, WEAK_LEVELS } from './vocabulary.ts';

/** A node as the scene knows it. */
export interface SceneNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  /** Drawn from an open proposal, not yet in the graph (editors' proposal overlay). */
  readonly proposed?: boolean;
}

/** A claim as the scene knows it: its ends by id, and its evidence in brief. */
export interface SceneClaim {
  readonly id: string;
  readonly relation: Relation;
  readonly from: string;
  readonly to: string;
  /** Null for a claim that asserts no effect (not graded). */
  readonly certainty: Certainty | null;
  readonly strength: number;
  readonly contested: boolean;
  readonly bestLevel: EvidenceLevel;
  readonly evidence: readonly { readonly level: EvidenceLevel; readonly stance: Stance }[];
  /** Drawn from an open proposal, not yet in the graph (editors' proposal overlay). */
  readonly proposed?: boolean;
}

/** A subgraph as fetched (any query's nodes and claims). */
export interface FetchedGraph {
  readonly nodes: readonly SceneNode[];
  readonly claims: readonly MapClaimFragment[];
  readonly truncated?: boolean;
  /** A neighbourhood's node budget: how many it has in all and how many the budget left out. */
  readonly page?: { readonly totalNodes: number; readonly leftOut: { readonly nodes: number } } | null;
}

/** What is drawn: nodes, claims, and which of them to light up. */
export interface Scene {
  readonly nodes: readonly SceneNode[];
  readonly claims: readonly SceneClaim[];
  /** Ids of nodes and claims to emphasise (a theory's subgraph, the chosen path); empty: none. */
  readonly highlighted: ReadonlySet<string>;
  /** Nodes the view is about (the focus, the path ends): drawn larger, never hidden by a kind filter. */
  readonly anchors: ReadonlySet<string>;
  /** True when some fetched part hit a server size cap or node budget. */
  readonly truncated: boolean;
  /** Nodes the first part (the focus) has in all and how many its node budget left out ("+N more"). */
  readonly budget: { readonly totalNodes: number; readonly leftOut: number } | null;
  /** How many nodes and claims the filters hid. */
  readonly hidden: { readonly nodes: number; readonly claims: number };
  /** Ids of drawn nodes and claims that an open proposal would change (editors' overlay). */
  readonly pending?: ReadonlySet<string>;
}

export const EMPTY_SCENE: Scene = {
  nodes: [],
  claims: [],
  highlighted: new Set(),
  anchors: new Set(),
  truncated: false,
  budget: null,
  hidden: { nodes: 0, claims: 0 },
};

/** A fetched claim in scene form. */
export function toSceneClaim(claim: MapClaimFragment): SceneClaim {
  return {
    id: claim.id,
    relation: claim.relation,
    from: claim.from.id,
    to: claim.to.id,
    certainty: claim.certainty,
    strength: claim.strength,
    contested: claim.contested,
    bestLevel: claim.bestLevel,
    evidence: claim.evidence,
  };
}

/** Options for `buildScene`. */
export interface SceneInput {
  readonly parts: readonly FetchedGraph[];
  readonly filters: Filters;
  readonly highlighted?: Iterable<string>;
  readonly anchors?: Iterable<string>;
}

/** Merges the fetched parts (first occurrence wins, order kept) and applies the filters. */
export function buildScene({ parts, filters, highlighted = [], anchors = [] }: SceneInput): Scene {
  const nodes = new Map<string, SceneNode>();
  const claims = new Map<string, SceneClaim>();
  let truncated = false;
  for (const part of parts) {
    truncated ||= part.truncated === true;
    for (const node of part.nodes)
      if (!nodes.has(node.id)) nodes.set(node.id, { id: node.id, kind: node.kind, name: node.name });
    for (const claim of part.claims) if (!claims.has(claim.id)) claims.set(claim.id, toSceneClaim(claim));
  }
  const anchorSet = new Set(anchors);
  const hiddenKinds = new Set(filters.hiddenKinds);
  const kindShown = [...nodes.values()].filter(
    (node) => anchorSet.has(node.id) || !hiddenKinds.has(node.kind),
  );
  const kindShownIds = new Set(kindShown.map((node) => node.id));
  const evidenceFiltered = filters.minLevel !== null || filters.stance !== 'ANY';
  // Under an evidence filter a claim is drawn from the items that passed it, so its style (dashed for
  // weak support) says what the filter kept, not what it set aside.
  const shownClaims = [...claims.values()]
    .filter(
      (claim) =>
        kindShownIds.has(claim.from) && kindShownIds.has(claim.to) && passesEvidenceFilters(claim, filters),
    )
    .map((claim) =>
      evidenceFiltered
        ? { ...claim, evidence: claim.evidence.filter((item) => itemPassesEvidenceFilters(item, filters)) }
        : claim,
    );
  // An evidence filter is a question about claims: a node left with none of them is hidden too (and
  // counted), unless the view is about it.
  const ends = new Set(shownClaims.flatMap((claim) => [claim.from, claim.to]));
  const shownNodes = evidenceFiltered
    ? kindShown.filter((node) => anchorSet.has(node.id) || ends.has(node.id))
    : kindShown;
  return {
    nodes: shownNodes,
    claims: shownClaims,
    highlighted: new Set(highlighted),
    anchors: anchorSet,
    truncated,
    budget: parts[0]?.page
      ? { totalNodes: parts[0].page.totalNodes, leftOut: parts[0].page.leftOut.nodes }
      : null,
    hidden: { nodes: nodes.size - shownNodes.length, claims: claims.size - shownClaims.length },
  };
}

/**
 * A claim passes when it has at least one evidence item at the minimum level or stronger, of the
 * chosen stance. With no minimum and any stance every claim passes.
 */
export function passesEvidenceFilters(claim: SceneClaim, filters: Filters): boolean {
  if (filters.minLevel === null && filters.stance === 'ANY') return true;
  return claim.evidence.some((item) => itemPassesEvidenceFilters(item, filters));
}

/** An evidence item passes at the minimum level or stronger, of the chosen stance. */
export function itemPassesEvidenceFilters(item: SceneClaim['evidence'][number], filters: Filters): boolean {
  return (
    (filters.minLevel === null || isAtLeast(item.level, filters.minLevel)) &&
    (filters.stance === 'ANY' || item.stance === filters.stance)
  );
}

/**
 * True when every supporting item is a hypothesis, regulatory record or anecdote (drawn dashed). A
 * claim with no support at all is weak-only when its disputes are weak too: a claim disputed by a trial
 * is not "weak evidence only".
 */
export function isWeakOnly(claim: SceneClaim): boolean {
  const support = claim.evidence.filter((item) => item.stance === 'SUPPORTS');
  const judged = support.length > 0 ? support : claim.evidence;
  return judged.every((item) => WEAK_LEVELS.has(item.level));
}
