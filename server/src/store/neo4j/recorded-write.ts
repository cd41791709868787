/**
 * Write transactions that record their changes. Each one first locks the history counter, which
 * serialises writes and hands out sequence numbers in commit order; the changes are appended in the
 * same transaction as the write itself, and the graph's revision moves on in it too (so every API
 * replica's cached answers go stale at the commit, not later).
 */
import { int } from 'neo4j-driver';
import type { ChangeDraft, ChangeStamp } from '../change-drafts.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { changeProps, countOf } from './records.ts';

/** Runs `work` in a write transaction and appends the changes it pushes to the history. */
export function recordedWrite<T>(
  runner: CypherRunner,
  stamp: ChangeStamp,
  work: (tx: QueryTx, changes: ChangeDraft[]) => Promise<T>,
): Promise<T> {
  return runner.write(async (tx) => {
    const [row] = await tx.run('lock-history');
    const last = countOf(row, 'value');
    await tx.run('bump-revision');
    const changes: ChangeDraft[] = [];
    const result = await work(tx, changes);
    await tx.run('append-changes', {
      last: int(last + changes.length),
      changes: changes.map((change, index) => changeProps(change, last + 1 + index, stamp)),
    });
    return result;
  });
}
