/**
 * The embedded store's in-memory read model: every node and claim, plus adjacency lists for walks.
 * It mirrors what SQLite has committed; the store updates it only after a transaction commits.
 */
import type { NodeKind } from '../../domain/kinds.ts';
import type { Claim, GraphNode, StoredClaim } from '../../domain/model.ts';
import type { Adjacency, ClaimEdge } from '../../domain/traversal.ts';
import { withDerived } from '../write-plans.ts';
import { OrderKeys } from './order-keys.ts';
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
  /** Node and claim ids in ascending order, with numeric keys that sort the same way. */
  private readonly nodeOrder = new OrderKeys();
  private readonly claimOrder = new OrderKeys();
  /** Integer-indexed adjacency for unfiltered neighbourhood walks, kept in step with `edges`. */
  readonly walkIndex = new WalkIndex<Claim>(this.nodeOrder, this.claimOrder, (id) => this.kindOf(id));
  /** Each node's claims in claim-id order: the claims themselves are the adjacency entries. */
  private readonly edges = new Map<string, Claim[]>();

  /**
   * Fills an empty graph with many nodes and claims at once. Claims are sorted by id once: every
   * adjacency list then comes out in claim-id order, and each claim's order key is its position.
   */
  load(nodes: Iterable<GraphNode>, claims: Iterable<StoredClaim>): void {
    if (this.nodes.size > 0 || this.claims.size > 0) throw new Error('MemoryGraph.load needs an empty graph');
    const loaded = [...nodes];
    for (const node of loaded) this.nodes.set(node.id, node);
    this.searchIndex.addMany(loaded);
    this.nodeOrder.load(loaded.map((node) => node.id).sort());
    this.walkIndex.addNodes(this.nodeOrder.inOrder());
    const sorted = Array.from(claims, (stored) => withDerived(this.withSharedEnds(stored))).sort(byId);
    this.claimOrder.load(sorted.map((claim) => claim.id));
    // Each node's claims and, in step, their order keys (their positions in `sorted`).
    const keysOf = new Map<string, number[]>();
    const append = (nodeId: string, claim: Claim, position: number): void => {
      const keys = keysOf.get(nodeId);
      if (keys) keys.push(position);
      else keysOf.set(nodeId, [position]);
      this.edgeList(nodeId).push(claim);
    };
    sorted.forEach((claim, position) => {
      this.claims.set(claim.id, claim);
      append(claim.from, claim, position);
      append(claim.to, claim, position);
    });
    for (const [nodeId, list] of this.edges) {
      this.walkIndex.setClaimsOf(nodeId, list, Float64Array.from(keysOf.get(nodeId) ?? []));
    }
  }

  /** Adds or replaces a node. */
  putNode(node: GraphNode): void {
    this.nodes.set(node.id, node);
    this.searchIndex.put(node);
    this.nodeOrder.add(node.id);
    this.walkIndex.addNodes([node.id]);
  }

  /** Removes a node (the caller has checked nothing refers to it). */
  removeNode(id: string): void {
    this.nodes.delete(id);
    this.searchIndex.remove(id);
    this.edges.delete(id);
    this.walkIndex.removeNode(id);
    this.nodeOrder.remove(id);
  }

  /** Adds or replaces a claim, recomputing its derived figures. The claim itself is the adjacency entry. */
  putClaim(stored: StoredClaim): Claim {
    const replaced = this.claims.get(stored.id);
    // A replaced claim keeps its id, so its place in the claim order stays as it is.
    if (replaced) this.detachEdges(replaced);
    else this.claimOrder.add(stored.id);
    const claim = withDerived(this.withSharedEnds(stored));
    this.claims.set(claim.id, claim);
    for (const end of [claim.from, claim.to]) {
      const list = this.edgeList(end);
      insertSorted(list, claim);
      this.walkIndex.setClaimsOf(end, list);
    }
    return claim;
  }

  /** Removes a claim and its adjacency entries. */
  removeClaim(id: string): void {
    const claim = this.claims.get(id);
    if (!claim) return;
    this.claims.delete(id);
    this.detachEdges(claim);
    this.claimOrder.remove(id);
  }

  /** The claim linking `from` to `to` by `relation`, if any (a scan of one short adjacency list). */
  claimIdForTriple(from: string, relation: string, to: string): string | undefined {
    return this.edgesOf(from).find(
      (edge) => edge.from === from && edge.relation === relation && edge.to === to,
    )?.id;
  }

  /** Node ids in ascending order (kept sorted as nodes come and go). Do not modify. */
  idsInOrder(): readonly string[] {
    return this.nodeOrder.inOrder();
  }

  /** Index in `idsInOrder()` of the first node id above `id`. */
  indexOfNodeAfter(id: string): number {
    return this.nodeOrder.indexAfter(id);
  }

  edgesOf(nodeId: string): readonly ClaimEdge[] {
    return this.edges.get(nodeId) ?? [];
  }

  kindOf(nodeId: string): NodeKind | undefined {
    return this.nodes.get(nodeId)?.kind;
  }

  private edgeList(nodeId: string): Claim[] {
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

  private detachEdges(claim: Claim): void {
    this.dropEdge(claim.from, claim.id);
    this.dropEdge(claim.to, claim.id);
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
function insertSorted<Edge extends ClaimEdge>(list: Edge[], edge: Edge): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle]?.id ?? '') < edge.id) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, edge);
}
