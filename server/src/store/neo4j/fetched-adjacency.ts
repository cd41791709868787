/**
 * Adjacency for the shared walks (domain/traversal.ts), fetched from Neo4j before the walk instead of
 * walked with variable-length Cypher, so a neighbourhood or a path ranking is exactly the embedded one.
 * One `reach-edges` query brings every claim the walk can read: the claims of each node within a
 * radius of the walk's starts.
 */
import type { NodeKind } from '../../domain/kinds.ts';
import type { Adjacency, ClaimEdge } from '../../domain/traversal.ts';
import type { CypherRunner, Row } from './cypher-runner.ts';
import { edgeFromRow } from './records.ts';

/** Where a walk starts and how far out its claims are needed. */
export interface ReachStart {
  readonly id: string;
  /** Hops from the start whose nodes' claims are fetched (0: the start's own; below 0: none). */
  readonly radius: number;
}

/** The part of the graph fetched for one walk. */
export class FetchedAdjacency implements Adjacency {
  private readonly edges = new Map<string, ClaimEdge[]>();
  private readonly unsorted = new Set<string>();
  private readonly claimIds = new Set<string>();
  private readonly kinds = new Map<string, NodeKind>();

  private constructor() {}

  /** Fetches, in one round trip, the claims of every node within each start's radius. */
  static async fetch(runner: CypherRunner, starts: readonly ReachStart[]): Promise<FetchedAdjacency> {
    const rows = await runner.readQuery('reach-edges', {
      starts: starts.map((start) => [start.id, start.radius]),
    });
    const adjacency = new FetchedAdjacency();
    adjacency.add(rows);
    return adjacency;
  }

  // Sorted by claim id so the walk order does not depend on the order Neo4j returned rows in.
  edgesOf(nodeId: string): readonly ClaimEdge[] {
    const list = this.edges.get(nodeId);
    if (!list) return [];
    if (this.unsorted.delete(nodeId)) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return list;
  }

  /** Every claim fetched. */
  claimIdList(): string[] {
    return [...this.claimIds];
  }

  /** The node's kind; undefined for a node not met (an unknown start, say). */
  kindOf(nodeId: string): NodeKind | undefined {
    return this.kinds.get(nodeId);
  }

  private add(rows: readonly Row[]): void {
    for (const row of rows) {
      if (row['startId'] !== null) {
        this.kinds.set(row['startId'] as string, row['startKind'] as NodeKind);
        continue;
      }
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
