/**
 * Adjacency for the shared walks (domain/traversal.ts), fetched from Neo4j level by level instead of
 * walked with variable-length Cypher, so a neighbourhood or a path ranking is exactly the embedded one.
 */
import type { NodeKind } from '../../domain/kinds.ts';
import type { Adjacency, ClaimEdge } from '../../domain/traversal.ts';
import type { QueryTx, Row } from './cypher-runner.ts';
import { edgeFromRow } from './records.ts';

/** The part of the graph fetched so far. */
export class FetchedAdjacency implements Adjacency {
  private readonly edges = new Map<string, ClaimEdge[]>();
  private readonly unsorted = new Set<string>();
  private readonly claimIds = new Set<string>();
  private readonly kinds = new Map<string, NodeKind>();
  private readonly expanded = new Set<string>();

  constructor(private readonly tx: QueryTx) {}

  /** Records a node's kind (for nodes that may have no claims). */
  setKind(nodeId: string, kind: NodeKind): void {
    this.kinds.set(nodeId, kind);
  }

  /** Fetches every claim touching these nodes (once per node). */
  async expand(nodeIds: readonly string[]): Promise<void> {
    const ids = nodeIds.filter((id) => !this.expanded.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.expanded.add(id);
    this.add(await this.tx.run('expand-frontier', { ids }));
  }

  /** Fetches the claims between these nodes and the nodes in `within`. */
  async expandWithin(nodeIds: readonly string[], within: readonly string[]): Promise<void> {
    const ids = nodeIds.filter((id) => !this.expanded.has(id));
    if (ids.length === 0) return;
    this.add(
      await this.tx.run('edges-among', { ids, within: Object.fromEntries(within.map((id) => [id, true])) }),
    );
  }

  /** Breadth-first fetch: the claims of every node within `levels - 1` hops of `startId`. */
  async expandAround(startId: string, levels: number): Promise<void> {
    const seen = new Set([startId]);
    let frontier = [startId];
    for (let level = 0; level < levels && frontier.length > 0; level += 1) {
      await this.expand(frontier);
      const next: string[] = [];
      for (const nodeId of frontier) {
        for (const edge of this.edgesOf(nodeId)) {
          const other = edge.from === nodeId ? edge.to : edge.from;
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
  }

  // Sorted by claim id so the walk order does not depend on the order Neo4j returned rows in.
  edgesOf(nodeId: string): readonly ClaimEdge[] {
    const list = this.edges.get(nodeId);
    if (!list) return [];
    if (this.unsorted.delete(nodeId)) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return list;
  }

  /** Every claim fetched so far. */
  claimIdList(): string[] {
    return [...this.claimIds];
  }

  kindOf(nodeId: string): NodeKind | undefined {
    return this.kinds.get(nodeId);
  }

  private add(rows: readonly Row[]): void {
    for (const row of rows) {
      const { edge, fromKind, toKind } = edgeFromRow(row);
      this.kinds.set(edge.from, fromKind);
      this.kinds.set(edge.to, toKind);
      if (this.claimIds.has(edge.id)) continue;
      this.claimIds.add(edge.id);
      for (const end of [edge.from, edge.to]) {
        const list = this.edges.get(end);
        if (list) list.push(edge);
        else this.edges.set(end, [edge]);
        this.unsorted.add(end);
      }
    }
  }
}
