/**
 * Write transactions that record their changes. Each one first locks the history counter, which
 * serialises writes and hands out sequence numbers in commit order; the changes are appended in the
 * same transaction as the write itself, and the graph's revision moves on in it too (so every API
 * replica's cached answers go stale at the commit, not later).
 */
import { int } from 'neo4j-driver';
import type { GraphNode, StoredClaim } from '../../domain/model.ts';
import { nowIso } from '../write-plans.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { changeProps, countOf, type ChangeDraft } from './records.ts';

/** Runs `work` in a write transaction and appends the changes it pushes to the history. */
export function recordedWrite<T>(
  runner: CypherRunner,
  actor: string,
  work: (tx: QueryTx, changes: ChangeDraft[]) => Promise<T>,
): Promise<T> {
  return runner.write(async (tx) => {
    const [row] = await tx.run('lock-history');
    const last = countOf(row, 'value');
    await tx.run('bump-revision');
    const changes: ChangeDraft[] = [];
    const result = await work(tx, changes);
    const at = nowIso();
    await tx.run('append-changes', {
      last: int(last + changes.length),
      changes: changes.map((change, index) => changeProps(change, last + 1 + index, at, actor)),
    });
    return result;
  });
}

/** The history entry for creating, updating or deleting a node or source. */
export function nodeChange(
  action: 'create' | 'update' | 'delete',
  before: GraphNode | null,
  after: GraphNode | null,
): ChangeDraft {
  const target = after ?? before;
  if (target === null) throw new Error('a node change needs a record');
  return {
    action,
    targetType: target.kind === 'source' ? 'source' : 'node',
    targetId: target.id,
    subjects: [target.id],
    before,
    after,
  };
}

/** The history entry for a change to a claim; its ends see it in their history too. */
export function claimChange(
  action: 'create' | 'update' | 'delete' | 'add-evidence' | 'remove-evidence',
  before: StoredClaim | null,
  after: StoredClaim | null,
): ChangeDraft {
  const target = after ?? before;
  if (target === null) throw new Error('a claim change needs a record');
  const ends = [before, after].flatMap((claim) => (claim === null ? [] : [claim.from, claim.to]));
  return { action, targetType: 'claim', targetId: target.id, subjects: [target.id, ...ends], before, after };
}
