/** Creating, updating and deleting concept nodes and sources in Neo4j. */
import { AlreadyExistsError, InUseError, ValidationError } from '../../domain/errors.ts';
import type { NodeInput, NodePatch, SourceInput, SourcePatch, WriteContext } from '../../domain/inputs.ts';
import { isSourceNode, type ConceptNode, type GraphNode, type SourceNode } from '../../domain/model.ts';
import {
  assertVersion,
  nowIso,
  planCreateNode,
  planCreateSource,
  planUpdateNode,
  planUpdateSource,
} from '../write-plans.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { countOf, nodeWrite } from './records.ts';
import { nodeChange, stampOf } from '../change-drafts.ts';
import { recordedWrite } from './recorded-write.ts';
import { fetchNodes, lockNode } from './tx-records.ts';

/** Creates a concept node at version 1. */
export async function createNode(
  runner: CypherRunner,
  input: NodeInput,
  context: WriteContext,
): Promise<ConceptNode> {
  const stamp = stampOf(context);
  const node = planCreateNode(input, nowIso());
  return recordedWrite(runner, stamp, async (tx, changes) => {
    await insertNewNode(tx, node);
    changes.push(nodeChange('create', null, node));
    return node;
  });
}

/** Creates a source at version 1. */
export async function createSource(
  runner: CypherRunner,
  input: SourceInput,
  context: WriteContext,
): Promise<SourceNode> {
  const stamp = stampOf(context);
  const source = planCreateSource(input, nowIso());
  return recordedWrite(runner, stamp, async (tx, changes) => {
    await insertNewNode(tx, source);
    changes.push(nodeChange('create', null, source));
    return source;
  });
}

/** Applies a patch to a concept node at the expected version. */
export async function updateNode(
  runner: CypherRunner,
  id: string,
  patch: NodePatch,
  expectedVersion: number,
  context: WriteContext,
): Promise<ConceptNode> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const current = await lockNode(tx, id);
    if (isSourceNode(current)) throw new ValidationError('id', `"${id}" is a source; use updateSource`);
    const next = planUpdateNode(current, patch, expectedVersion, nowIso());
    await tx.run('replace-nodes', { nodes: [nodeWrite(next)] });
    changes.push(nodeChange('update', current, next));
    return next;
  });
}

/** Applies a patch to a source at the expected version. */
export async function updateSource(
  runner: CypherRunner,
  id: string,
  patch: SourcePatch,
  expectedVersion: number,
  context: WriteContext,
): Promise<SourceNode> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const current = await lockNode(tx, id);
    if (!isSourceNode(current)) {
      throw new ValidationError('id', `"${id}" is a ${current.kind}, not a source; use updateNode`);
    }
    const next = planUpdateSource(current, patch, expectedVersion, nowIso());
    await tx.run('replace-nodes', { nodes: [nodeWrite(next)] });
    changes.push(nodeChange('update', current, next));
    return next;
  });
}

/** Deletes a node or source at the expected version, unless claims or evidence still refer to it. */
export async function deleteNode(
  runner: CypherRunner,
  id: string,
  expectedVersion: number,
  context: WriteContext,
): Promise<void> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const current = await lockNode(tx, id);
    assertVersion(id, expectedVersion, current.version);
    await assertUnused(tx, current);
    await tx.run('delete-node', { id });
    changes.push(nodeChange('delete', current, null));
  });
}

async function insertNewNode(tx: QueryTx, node: GraphNode): Promise<void> {
  if ((await fetchNodes(tx, [node.id])).has(node.id)) throw new AlreadyExistsError(node.id);
  await tx.run('create-nodes', { nodes: [nodeWrite(node)] });
}

async function assertUnused(tx: QueryTx, node: GraphNode): Promise<void> {
  const [row] = await tx.run('node-usage', { id: node.id });
  const claims = countOf(row, 'claims');
  if (claims > 0) throw new InUseError(node.id, `"${node.id}" has ${claims} claim(s); delete them first`);
  const citations = countOf(row, 'citations');
  if (citations > 0) {
    throw new InUseError(node.id, `source "${node.id}" is cited by ${citations} evidence item(s)`);
  }
}
