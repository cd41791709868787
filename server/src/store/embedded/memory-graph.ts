/**
 * The embedded store's in-memory read model: every node and claim, plus adjacency lists for walks.
 * It mirrors what SQLite has committed; the store updates it only after a transaction commits.
 */
import type { NodeKind } from '../../domain/kinds.ts';
import type { Claim, GraphNode, StoredClaim } from '../../domain/model.ts';
import type { Adjacency, ClaimEdge } from '../../domain/traversal.ts';
import { withDerived } from '../write-plans.ts';

/**
 * All nodes and claims in memory, indexed for lookups and walks. Adjacency lists are kept in claim-id
 * order, as the Neo4j store fetches them, so capped walks cut at the same place in both stores.
 */
export class MemoryGraph implements Adjacency {
  readonly nodes = new Map<string, GraphNode>();
  readonly claims = new Map<string, Claim>();
  private readonly edges = new Map<string, ClaimEdge[]>();
  private readonly claimByTriple = new Map<string, string>();
  private readonly citationCount = new Map<string, number>();
  private sortedIds: string[] | null = null;

  /** Adds or replaces a node. */
  putNode(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.sortedIds = null;
    this.nodes.set(node.id, node);
  }

  /** Removes a node (the caller has checked nothing refers to it). */
  removeNode(id: string): void {
    this.nodes.delete(id);
    this.edges.delete(id);
    this.sortedIds = null;
  }

  /** Adds or replaces a claim, recomputing its derived figures. */
  putClaim(stored: StoredClaim): Claim {
    const previous = this.claims.get(stored.id);
    if (previous) this.removeClaim(previous.id);
    const claim = withDerived(stored);
    this.claims.set(claim.id, claim);
    this.claimByTriple.set(tripleKey(claim), claim.id);
    const edge: ClaimEdge = {
      id: claim.id,
      relation: claim.relation,
      from: claim.from,
      to: claim.to,
      strength: claim.strength,
      bestLevel: claim.bestLevel,
    };
    insertSorted(this.edgeList(claim.from), edge);
    insertSorted(this.edgeList(claim.to), edge);
    for (const item of claim.evidence)
      this.citationCount.set(item.sourceId, (this.citationCount.get(item.sourceId) ?? 0) + 1);
    return claim;
  }

  /** Removes a claim and its adjacency entries. */
  removeClaim(id: string): void {
    const claim = this.claims.get(id);
    if (!claim) return;
    this.claims.delete(id);
    this.claimByTriple.delete(tripleKey(claim));
    this.dropEdge(claim.from, id);
    this.dropEdge(claim.to, id);
    for (const item of claim.evidence) {
      const count = (this.citationCount.get(item.sourceId) ?? 1) - 1;
      if (count <= 0) this.citationCount.delete(item.sourceId);
      else this.citationCount.set(item.sourceId, count);
    }
  }

  /** The claim linking `from` to `to` by `relation`, if any. */
  claimIdForTriple(from: string, relation: string, to: string): string | undefined {
    return this.claimByTriple.get(`${from} ${relation} ${to}`);
  }

  /** How many evidence items cite a source. */
  citationsOf(sourceId: string): number {
    return this.citationCount.get(sourceId) ?? 0;
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

  private dropEdge(nodeId: string, claimId: string): void {
    const list = this.edges.get(nodeId);
    if (!list) return;
    const index = list.findIndex((edge) => edge.id === claimId);
    if (index !== -1) list.splice(index, 1);
  }
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

function tripleKey(claim: { from: string; relation: string; to: string }): string {
  return `${claim.from} ${claim.relation} ${claim.to}`;
}
