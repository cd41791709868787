/**
 * One change to the graph as data: what a proposal carries until it is approved, then applied through
 * the store port exactly as the direct mutation would apply it. Checked twice: when proposed, against
 * the graph as it is then (so a proposal is never a typo waiting to fail), and when applied, by the
 * store's own write (so a later change to the same record is a conflict, never a silent merge).
 */
import { AlreadyExistsError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type {
  ClaimInput,
  ClaimPatch,
  EvidenceInput,
  NodeInput,
  NodePatch,
  SourceInput,
  SourcePatch,
  WriteContext,
} from '../domain/inputs.ts';
import { isSourceNode } from '../domain/model.ts';
import { claimReading } from '../domain/path-reading.ts';
import { assertRelationAllowed, type Relation } from '../domain/relations.ts';
import { checkClaimInput, checkClaimPatch, checkEvidenceInput } from '../domain/validate.ts';
import type { GraphStore } from '../store/graph-store.ts';
import {
  assertVersion,
  nowIso,
  planAddEvidence,
  planCreateNode,
  planCreateSource,
  planRemoveEvidence,
  planUpdateClaim,
  planUpdateNode,
  planUpdateSource,
  storedOf,
} from '../store/write-plans.ts';
import { requireStoredClaim, requireStoredNode } from '../store/require-records.ts';

/** Every change an editor can make, one variant per mutation. */
export type ChangeOperation =
  | { readonly kind: 'createNode'; readonly input: NodeInput }
  | {
      readonly kind: 'updateNode';
      readonly id: string;
      readonly expectedVersion: number;
      readonly patch: NodePatch;
    }
  | { readonly kind: 'deleteNode'; readonly id: string; readonly expectedVersion: number }
  | { readonly kind: 'createSource'; readonly input: SourceInput }
  | {
      readonly kind: 'updateSource';
      readonly id: string;
      readonly expectedVersion: number;
      readonly patch: SourcePatch;
    }
  | { readonly kind: 'createClaim'; readonly input: ClaimInput }
  | {
      readonly kind: 'updateClaim';
      readonly id: string;
      readonly expectedVersion: number;
      readonly patch: ClaimPatch;
    }
  | { readonly kind: 'deleteClaim'; readonly id: string; readonly expectedVersion: number }
  | {
      readonly kind: 'addEvidence';
      readonly claimId: string;
      readonly expectedVersion: number;
      readonly evidence: EvidenceInput;
    }
  | {
      readonly kind: 'removeEvidence';
      readonly claimId: string;
      readonly evidenceId: string;
      readonly expectedVersion: number;
    };

/** A change's kind as the API names it ('update-node'; GraphQL UPDATE_NODE). */
export type ChangeKindName =
  | 'create-node'
  | 'update-node'
  | 'delete-node'
  | 'create-source'
  | 'update-source'
  | 'create-claim'
  | 'update-claim'
  | 'delete-claim'
  | 'add-evidence'
  | 'remove-evidence';

/** 'updateNode' → 'update-node'. */
export function changeKindName(change: ChangeOperation): ChangeKindName {
  return change.kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`) as ChangeKindName;
}

/** What a change is about, as the proposal records it. */
export interface OperationTarget {
  readonly type: 'node' | 'source' | 'claim';
  readonly id: string;
  /** Its name in words for lists ("Brain fog"; a claim's reading), taken when proposed. */
  readonly label: string;
}

/** The checked change with every id fixed, and what it touches. */
export interface CheckedOperation {
  readonly change: ChangeOperation;
  readonly target: OperationTarget;
}

/**
 * Checks a change against the graph as it is now, as the store's write would, without writing: the
 * input's rules, that its target exists at the version it names, that a create's id is free and a
 * claim's ends and sources exist. Create ids (and a new evidence item's id) are fixed here, so the
 * proposal names exactly the record its approval will write.
 */
export async function checkOperation(store: GraphStore, change: ChangeOperation): Promise<CheckedOperation> {
  const now = nowIso();
  switch (change.kind) {
    case 'createNode': {
      const node = planCreateNode(change.input, now);
      await assertFreeId(store, node.id);
      return {
        change: { kind: 'createNode', input: { ...change.input, id: node.id } },
        target: { type: 'node', id: node.id, label: node.name },
      };
    }
    case 'createSource': {
      const source = planCreateSource(change.input, now);
      await assertFreeId(store, source.id);
      return {
        change: { kind: 'createSource', input: { ...change.input, id: source.id } },
        target: { type: 'source', id: source.id, label: source.name },
      };
    }
    case 'updateNode': {
      const current = await requireStoredNode(store, change.id);
      if (isSourceNode(current))
        throw new ValidationError('id', `"${change.id}" is a source; use updateSource`);
      planUpdateNode(current, change.patch, change.expectedVersion, now);
      return { change, target: { type: 'node', id: current.id, label: current.name } };
    }
    case 'updateSource': {
      const current = await requireStoredNode(store, change.id);
      if (!isSourceNode(current)) {
        throw new ValidationError('id', `"${change.id}" is a ${current.kind}, not a source; use updateNode`);
      }
      planUpdateSource(current, change.patch, change.expectedVersion, now);
      return { change, target: { type: 'source', id: current.id, label: current.name } };
    }
    case 'deleteNode': {
      const current = await requireStoredNode(store, change.id);
      assertVersion(current.id, change.expectedVersion, current.version);
      return {
        change,
        target: { type: isSourceNode(current) ? 'source' : 'node', id: current.id, label: current.name },
      };
    }
    case 'createClaim': {
      const claim = checkClaimInput(change.input);
      const [from, to] = await Promise.all([store.getNode(claim.from), store.getNode(claim.to)]);
      if (from === null) throw new ValidationError('from', `node "${claim.from}" does not exist`);
      if (to === null) throw new ValidationError('to', `node "${claim.to}" does not exist`);
      assertRelationAllowed(claim.relation, from.kind, to.kind);
      await Promise.all(
        claim.evidence.map((item, index) =>
          assertSource(store, item.sourceId, `evidence[${index}].sourceId`),
        ),
      );
      if ((await store.getClaim(claim.id)) !== null) throw new AlreadyExistsError(claim.id);
      return {
        change: { kind: 'createClaim', input: claim },
        target: { type: 'claim', id: claim.id, label: claimReading(from.name, claim.relation, to.name) },
      };
    }
    case 'updateClaim': {
      const current = await requireStoredClaim(store, change.id);
      const next = planUpdateClaim(
        storedOf(current),
        checkClaimPatch(change.patch),
        change.expectedVersion,
        now,
      );
      if (next.relation !== current.relation) {
        const ends = await endsOf(store, current.from, current.to);
        assertRelationAllowed(next.relation, ends.from.kind, ends.to.kind);
      }
      return {
        change,
        target: await claimTarget(store, current.id, current.from, current.to, current.relation),
      };
    }
    case 'deleteClaim': {
      const current = await requireStoredClaim(store, change.id);
      assertVersion(current.id, change.expectedVersion, current.version);
      return {
        change,
        target: await claimTarget(store, current.id, current.from, current.to, current.relation),
      };
    }
    case 'addEvidence': {
      const current = await requireStoredClaim(store, change.claimId);
      const item = checkEvidenceInput('evidence', change.evidence, current.id);
      await assertSource(store, item.sourceId, 'evidence.sourceId');
      planAddEvidence(storedOf(current), item, change.expectedVersion, now);
      return {
        change: { ...change, evidence: item },
        target: await claimTarget(store, current.id, current.from, current.to, current.relation),
      };
    }
    case 'removeEvidence': {
      const current = await requireStoredClaim(store, change.claimId);
      planRemoveEvidence(storedOf(current), change.evidenceId, change.expectedVersion, now);
      return {
        change,
        target: await claimTarget(store, current.id, current.from, current.to, current.relation),
      };
    }
  }
}

/** Applies a change through the port, as the matching mutation does; the store checks it again. */
export async function applyOperation(
  store: GraphStore,
  change: ChangeOperation,
  context: WriteContext,
): Promise<void> {
  switch (change.kind) {
    case 'createNode':
      await store.createNode(change.input, context);
      return;
    case 'updateNode':
      await store.updateNode(change.id, change.patch, change.expectedVersion, context);
      return;
    case 'deleteNode':
      await store.deleteNode(change.id, change.expectedVersion, context);
      return;
    case 'createSource':
      await store.createSource(change.input, context);
      return;
    case 'updateSource':
      await store.updateSource(change.id, change.patch, change.expectedVersion, context);
      return;
    case 'createClaim':
      await store.createClaim(change.input, context);
      return;
    case 'updateClaim':
      await store.updateClaim(change.id, change.patch, change.expectedVersion, context);
      return;
    case 'deleteClaim':
      await store.deleteClaim(change.id, change.expectedVersion, context);
      return;
    case 'addEvidence':
      await store.addEvidence(change.claimId, change.evidence, change.expectedVersion, context);
      return;
    case 'removeEvidence':
      await store.removeEvidence(change.claimId, change.evidenceId, change.expectedVersion, context);
      return;
  }
}

/** The version of its target the change was based on; null for a create. */
export function baseVersionOf(change: ChangeOperation): number | null {
  return 'expectedVersion' in change ? change.expectedVersion : null;
}

/** The change in a few words for lists and the activity feed ("Edit node", "Add evidence to claim"). */
export function describeOperation(change: ChangeOperation): string {
  return OPERATION_WORDS[change.kind];
}

const OPERATION_WORDS: Readonly<Record<ChangeOperation['kind'], string>> = {
  createNode: 'Create node',
  updateNode: 'Edit node',
  deleteNode: 'Delete node',
  createSource: 'Create source',
  updateSource: 'Edit source',
  createClaim: 'Create claim',
  updateClaim: 'Edit claim',
  deleteClaim: 'Delete claim',
  addEvidence: 'Add evidence to claim',
  removeEvidence: 'Remove evidence from claim',
};

async function assertFreeId(store: GraphStore, id: string): Promise<void> {
  if ((await store.getNode(id)) !== null) throw new AlreadyExistsError(id);
}

async function assertSource(store: GraphStore, id: string, field: string): Promise<void> {
  if ((await store.getSource(id)) === null) throw new ValidationError(field, `source "${id}" does not exist`);
}

async function endsOf(store: GraphStore, fromId: string, toId: string) {
  const [from, to] = await Promise.all([store.getNode(fromId), store.getNode(toId)]);
  if (from === null) throw new NotFoundError('node', fromId);
  if (to === null) throw new NotFoundError('node', toId);
  return { from, to };
}

async function claimTarget(
  store: GraphStore,
  id: string,
  fromId: string,
  toId: string,
  relation: Relation,
): Promise<OperationTarget> {
  const { from, to } = await endsOf(store, fromId, toId);
  return { type: 'claim', id, label: claimReading(from.name, relation, to.name) };
}
