/**
 * The embedded store's in-memory read model: every node and claim, plus adjacency lists for walks.
 * It mirrors what SQLite has committed; the store updates it only after a transaction commits.
 */
import type { NodeKind } from '../../domain/kinds.ts';
import type { Claim, GraphNode, StoredClaim } from '../../domain/model.ts';
import type { Adjacency, ClaimEdge } from '../../domain/traversal.ts';
import { withDerived } from '../write-plans.ts';
import { SearchIndex } from './search-index.ts';
import { WalkIndex } from './walk-index.ts';

/**
 * All nodes and claims in memory, indexed for lookups and walks. Adjacency lists are kept in claim-id
 * order, as the Neo4j store fetches them, so capped walks cut at the same place in both stores.
 */
export class MemoryGraph implements Adjacency {
  readonly nodes = new Map<string, GraphNode>();
  readonly claims = new Map<string, Claim>();
  /** Prefix index over node names, aliases and xrefs, kept in step with `nodes`. */
  readonly searchIndex = new SearchIndex();
  /** Integer-indexed adjacency for unfiltered neighbourhood walks, kept in step with `edges`. */
  readonly walkIndex = new WalkIndex(() => this.idsInOrder());
  private readonly edges = new Map<string, ClaimEdge[]>();
  private sortedIds: string[] | null = null;

  /** Adds many new nodes and claims at once: appends, then sorts each adjacency list once. */
  load(nodes: Iterable<GraphNode>, claims: Iterable<StoredClaim>): void {
    const loaded: GraphNode[] = [];
    for (const node of nodes) {
      this.nodes.set(node.id, node);
      loaded.push(node);
    }
    this.searchIndex.addMany(loaded);
    this.walkIndex.addNodes(loaded.map((node) => node.id));
    this.sortedIds = null;
    const claimIds: string[] = [];
    for (const stored of claims) {
      const claim = withDerived(this.withSharedEnds(stored));
      this.claims.set(claim.id, claim);
      this.edgeList(claim.from).push(claim);
      this.edgeList(claim.to).push(claim);
      claimIds.push(claim.id);
    }
    for (const [nodeId, list] of this.edges) {
      list.sort(byId);
      this.walkIndex.setClaimsOf(nodeId, list);
    }
    this.walkIndex.addClaimIds(claimIds);
  }

  /** Adds or replaces a node. */
  putNode(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.sortedIds = null;
    this.nodes.set(node.id, node);
    this.searchIndex.put(node);
    this.walkIndex.addNodes([node.id]);
  }

  /** Removes a node (the caller has checked nothing refers to it). */
  removeNode(id: string): void {
    this.nodes.delete(id);
    this.searchIndex.remove(id);
    this.edges.delete(id);
    this.walkIndex.removeNode(id);
    this.sortedIds = null;
  }

  /** Adds or replaces a claim, recomputing its derived figures. The claim itself is the adjacency entry. */
  putClaim(stored: StoredClaim): Claim {
    if (this.claims.has(stored.id)) this.removeClaim(stored.id);
    const claim = withDerived(this.withSharedEnds(stored));
    this.claims.set(claim.id, claim);
    for (const end of [claim.from, claim.to]) {
      const list = this.edgeList(end);
      insertSorted(list, claim);
      this.walkIndex.setClaimsOf(end, list);
    }
    this.walkIndex.addClaimIds([claim.id]);
    return claim;
  }

  /** Removes a claim and its adjacency entries. */
  removeClaim(id: string): void {
    const claim = this.claims.get(id);
    if (!claim) return;
    this.claims.delete(id);
    this.dropEdge(claim.from, id);
    this.dropEdge(claim.to, id);
    this.walkIndex.removeClaimId(id);
  }

  /** The claim linking `from` to `to` by `relation`, if any (a scan of one short adjacency list). */
  claimIdForTriple(from: string, relation: string, to: string): string | undefined {
    return this.edgesOf(from).find(
      (edge) => edge.from === from && edge.relation === relation && edge.to === to,
    )?.id;
  }

  /** Node ids in ascending order (cached until a node is added or removed). */
  idsInOrder(): readonly string[] {
    this.sortedIds ??= [...this.nodes.keys()].sort();
    return this.sortedIds;
  }

  edgesOf(nodeId: string): readonly ClaimEdge[] {
    return this.edges.get(nodeId) ?? [];
  }

  kindOf(nodeId: string): NodeKind | undefined {
    return this.nodes.get(nodeId)?.kind;
  }

  private edgeList(nodeId: string): ClaimEdge[] {
    let list = this.edges.get(nodeId);
    if (!list) {
      list = [];
      this.edges.set(nodeId, list);
    }
    return list;
  }

  /**
   * The claim with its `from` and `to` as the very string objects that key `nodes`. Walks compare ids
   * and look them up in sets thousands of times per call; identical strings compare by pointer, while
   * equal copies read from SQLite would be compared character by character.
   */
  private withSharedEnds(claim: StoredClaim): StoredClaim {
    const from = this.nodes.get(claim.from)?.id ?? claim.from;
    const to = this.nodes.get(claim.to)?.id ?? claim.to;
    return { ...claim, from, to };
  }

  private dropEdge(nodeId: string, claimId: string): void {
    const list = this.edges.get(nodeId);
    if (!list) return;
    const index = list.findIndex((edge) => edge.id === claimId);
    if (index !== -1) list.splice(index, 1);
    this.walkIndex.setClaimsOf(nodeId, list);
  }
}

function byId(a: ClaimEdge, b: ClaimEdge): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Inserts an edge keeping the list ordered by claim id (binary search; lists are short). */
function insertSorted(list: ClaimEdge[], edge: ClaimEdge): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle]?.id ?? '') < edge.id) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, edge);
}
