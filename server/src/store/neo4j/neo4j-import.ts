/**
 * Importing a snapshot into Neo4j: `restore` fills an empty store keeping versions and timestamps;
 * `upsert` creates what is missing and updates what differs, one history entry each. Both write in
 * batches of BATCH records per transaction; a restore that fails part-way deletes what it wrote,
 * while an upsert checks everything before its first batch, so only a server failure can stop it
 * half-way (re-running it finishes the job, as upsert is idempotent).
 */
import { ValidationError } from '../../domain/errors.ts';
import type { WriteContext } from '../../domain/inputs.ts';
import type { GraphNode, GraphSnapshot, StoredClaim } from '../../domain/model.ts';
import type { ImportOptions, ImportReport } from '../graph-store.ts';
import { assertMergeable as checkMergeable, checkSnapshot, planMerge } from '../snapshot.ts';
import { nowIso } from '../write-plans.ts';
import { deleteClaims, insertClaims } from './claim-writes.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { countOf, nodeWrite } from './records.ts';
import { stampOf, type ChangeDraft, type ChangeStamp } from '../change-drafts.ts';
import { recordedWrite } from './recorded-write.ts';
import { fetchClaims, fetchNodes } from './tx-records.ts';

const BATCH = 2000;

/** Imports a snapshot (see ImportOptions for the two modes). */
export async function importGraph(
  runner: CypherRunner,
  snapshot: GraphSnapshot,
  context: WriteContext,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const stamp = stampOf(context);
  const checked = checkSnapshot(snapshot);
  return options.mode === 'upsert'
    ? upsert(runner, checked, stamp, options)
    : restore(runner, checked, stamp, options);
}

type Step = { readonly nodes: readonly GraphNode[] } | { readonly claims: readonly StoredClaim[] };

/** Nodes first, then claims, BATCH records per step; always at least one step. */
function stepsOf(snapshot: GraphSnapshot): Step[] {
  const steps: Step[] = [];
  for (let start = 0; start < snapshot.nodes.length; start += BATCH) {
    steps.push({ nodes: snapshot.nodes.slice(start, start + BATCH) });
  }
  for (let start = 0; start < snapshot.claims.length; start += BATCH) {
    steps.push({ claims: snapshot.claims.slice(start, start + BATCH) });
  }
  return steps.length > 0 ? steps : [{ nodes: [] }];
}

async function restore(
  runner: CypherRunner,
  snapshot: GraphSnapshot,
  stamp: ChangeStamp,
  options: ImportOptions,
): Promise<ImportReport> {
  const total = snapshot.nodes.length + snapshot.claims.length;
  const report = { created: total, updated: 0, unchanged: 0 };
  const steps = stepsOf(snapshot);
  let done = 0;
  try {
    await writeRestoreSteps();
  } catch (error) {
    // The store was empty when the first batch committed, so undoing means deleting everything.
    if (done > 0) await deleteEverything(runner);
    throw error;
  }
  return report;

  async function writeRestoreSteps(): Promise<void> {
    for (const [index, step] of steps.entries()) {
      await recordedWrite(runner, stamp, async (tx, changes) => {
        if (index === 0) await assertEmpty(tx);
        if ('nodes' in step) await tx.run('create-nodes', { nodes: step.nodes.map(nodeWrite) });
        else await insertClaims(tx, step.claims);
        if (index === steps.length - 1) {
          changes.push({
            action: 'import',
            targetType: 'graph',
            targetId: 'graph',
            subjects: ['graph'],
            before: null,
            after: report,
          });
        }
      });
      done += 'nodes' in step ? step.nodes.length : step.claims.length;
      options.onProgress?.(done, total);
    }
  }
}

/** Removes every graph record in batches (undo for a failed restore). */
async function deleteEverything(runner: CypherRunner): Promise<void> {
  for (;;) {
    const [row] = await runner.write(async (tx) => {
      await tx.run('bump-revision');
      return tx.run('delete-graph-batch', { limit: 10_000 });
    });
    if (countOf(row, 'deleted') === 0) return;
  }
}

async function assertEmpty(tx: QueryTx): Promise<void> {
  const [row] = await tx.run('count-entities');
  if (countOf(row, 'count') > 0) {
    throw new ValidationError(
      'mode',
      'the store is not empty; restore needs an empty store (use upsert to merge)',
    );
  }
}

async function upsert(
  runner: CypherRunner,
  snapshot: GraphSnapshot,
  stamp: ChangeStamp,
  options: ImportOptions,
): Promise<ImportReport> {
  // Check everything against the store as it is before writing anything, as the embedded store does.
  await runner.read((tx) => assertMergeable(tx, snapshot));
  const total = snapshot.nodes.length + snapshot.claims.length;
  const report = { created: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const step of stepsOf(snapshot)) {
    await recordedWrite(runner, stamp, async (tx, changes) => {
      const outcome = 'nodes' in step ? await mergeNodes(tx, step.nodes) : await mergeClaims(tx, step.claims);
      changes.push(...outcome.changes);
      report.created += outcome.created;
      report.updated += outcome.updated;
      report.unchanged += outcome.unchanged;
    });
    done += 'nodes' in step ? step.nodes.length : step.claims.length;
    options.onProgress?.(done, total);
  }
  return report;
}

async function assertMergeable(tx: QueryTx, snapshot: GraphSnapshot): Promise<void> {
  const nodes = await fetchNodes(
    tx,
    snapshot.nodes.map((node) => node.id),
  );
  const claims = await fetchClaims(
    tx,
    snapshot.claims.map((claim) => claim.id),
  );
  const rows = await tx.run('claim-ids-by-triple', {
    triples: snapshot.claims
      .filter((claim) => !claims.has(claim.id))
      .map(({ from, relation, to }) => ({ from, relation, to })),
  });
  const byTriple = new Map(
    rows.map((row) => [
      `${String(row['from'])} ${String(row['relation'])} ${String(row['to'])}`,
      String(row['id']),
    ]),
  );
  checkMergeable(snapshot, nodes, claims, (from, relation, to) => byTriple.get(`${from} ${relation} ${to}`));
}

interface MergeOutcome {
  readonly changes: readonly ChangeDraft[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

async function mergeNodes(tx: QueryTx, incoming: readonly GraphNode[]): Promise<MergeOutcome> {
  const current = await fetchNodes(
    tx,
    incoming.map((node) => node.id),
  );
  const plan = planMerge(incoming, current, nowIso());
  const created = plan.writes.filter((write) => write.before === null).map((write) => write.after);
  const updated = plan.writes.filter((write) => write.before !== null).map((write) => write.after);
  if (created.length > 0) await tx.run('create-nodes', { nodes: created.map(nodeWrite) });
  if (updated.length > 0) await tx.run('replace-nodes', { nodes: updated.map(nodeWrite) });
  return plan;
}

async function mergeClaims(tx: QueryTx, incoming: readonly StoredClaim[]): Promise<MergeOutcome> {
  const current = await fetchClaims(
    tx,
    incoming.map((claim) => claim.id),
  );
  const plan = planMerge(incoming, current, nowIso());
  // A changed claim is rewritten whole: its relation (the relationship type) may have changed.
  await deleteClaims(
    tx,
    plan.writes.filter((write) => write.before !== null).map((write) => write.after.id),
  );
  await insertClaims(
    tx,
    plan.writes.map((write) => write.after),
  );
  return plan;
}
