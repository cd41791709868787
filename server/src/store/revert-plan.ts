/**
 * Reverting a change: the inverse of a recorded change, made through one port write so the history
 * records it as one new change by whoever reverts (a claim is put back whole with `restoreClaim`,
 * evidence in its old order). If the record has changed since in a way that makes the inverse
 * impossible (deleted, re-created, evidence gone), the revert fails with NOT_FOUND or CONFLICT: from
 * the port, or from a check made before the write where the port would say BAD_INPUT.
 */
import { AlreadyExistsError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { EvidenceInput, WriteContext } from '../domain/inputs.ts';
import {
  appraisalOf,
  questionFieldsOf,
  type Change,
  type Evidence,
  type GraphNode,
  type SourceNode,
  type StoredClaim,
} from '../domain/model.ts';
import type { GraphStore } from './graph-store.ts';
import { requireStoredClaim, requireStoredNode } from './require-records.ts';

/** Writes the inverse of `change` as `context.actor`; refuses imports (BAD_INPUT). */
export async function revertChange(store: GraphStore, change: Change, context: WriteContext): Promise<void> {
  if (change.action === 'import' || change.targetType === 'graph') {
    throw new ValidationError('seq', 'an import cannot be reverted');
  }
  const id = change.targetId;
  switch (change.action) {
    case 'create':
      await deleteRecord(store, change, context);
      return;
    case 'delete':
      await recreate(store, change, context);
      return;
    case 'update':
      if (change.targetType === 'claim') {
        await restoreClaim(store, id, claimRecord(change.before, 'before'), context);
      } else {
        await restoreNode(store, change, context);
      }
      return;
    case 'add-evidence':
    case 'remove-evidence': {
      const before = claimRecord(change.before, 'before');
      const after = claimRecord(change.after, 'after');
      // Undoing an addition removes what it added; undoing a removal adds back what it removed.
      const [from, to] = change.action === 'add-evidence' ? [after, before] : [before, after];
      const claim = await requireStoredClaim(store, id);
      const keep = new Set(to.evidence.map((item) => item.id));
      const undo = from.evidence.filter((item) => !keep.has(item.id));
      // Checked before writing, so a revert the record has outgrown is NOT_FOUND or CONFLICT (as the
      // API documents), not the port's BAD_INPUT, and changes nothing.
      if (change.action === 'add-evidence') assertEvidencePresent(claim, undo);
      else await assertEvidenceRestorable(store, claim, undo);
      const undone = new Set(undo.map((item) => item.id));
      const evidence =
        change.action === 'add-evidence'
          ? claim.evidence.filter((item) => !undone.has(item.id))
          : withRestored(claim.evidence, before.evidence, undo);
      const restore = {
        relation: claim.relation,
        summary: claim.summary ?? null,
        evidence: evidence.map(evidenceInput),
      };
      await store.restoreClaim(id, restore, claim.version, context);
      return;
    }
  }
}

/**
 * `current` with each of `restored` put back where it stood in `before`: right after the nearest item
 * that preceded it there and is still on the claim, or first when there is none.
 */
function withRestored(
  current: readonly Evidence[],
  before: readonly Evidence[],
  restored: readonly Evidence[],
): Evidence[] {
  const list = [...current];
  for (const item of restored) {
    let insertAt = 0;
    for (let i = before.findIndex((old) => old.id === item.id) - 1; i >= 0; i -= 1) {
      const at = list.findIndex((kept) => kept.id === before[i]?.id);
      if (at !== -1) {
        insertAt = at + 1;
        break;
      }
    }
    list.splice(insertAt, 0, item);
  }
  return list;
}

async function deleteRecord(store: GraphStore, change: Change, context: WriteContext): Promise<void> {
  const id = change.targetId;
  if (change.targetType === 'claim') {
    const claim = await requireStoredClaim(store, id);
    await store.deleteClaim(id, claim.version, context);
    return;
  }
  const node = await requireStoredNode(store, id);
  await store.deleteNode(id, node.version, context);
}

async function recreate(store: GraphStore, change: Change, context: WriteContext): Promise<void> {
  if (change.targetType === 'claim') {
    const claim = claimRecord(change.before, 'before');
    await store.createClaim(
      {
        id: claim.id,
        relation: claim.relation,
        from: claim.from,
        to: claim.to,
        summary: claim.summary,
        evidence: claim.evidence.map(evidenceInput),
      },
      context,
    );
    return;
  }
  const node = nodeRecord(change.before, 'before');
  if (node.kind === 'source') {
    await store.createSource({ id: node.id, ...sourceFields(node) }, context);
  } else {
    const { id, kind, name, summary, aliases, xrefs } = node;
    await store.createNode({ id, kind, name, summary, aliases, xrefs, ...questionFieldsOf(node) }, context);
  }
}

async function restoreNode(store: GraphStore, change: Change, context: WriteContext): Promise<void> {
  const before = nodeRecord(change.before, 'before');
  const current = await requireStoredNode(store, change.targetId);
  if (before.kind === 'source') {
    await store.updateSource(current.id, sourceFields(before), current.version, context);
  } else {
    const { name, summary, aliases, xrefs } = before;
    const patch = { name, summary, aliases, xrefs, ...questionFieldsOf(before) };
    await store.updateNode(current.id, patch, current.version, context);
  }
}

/**
 * The claim as `before` recorded it (relation, summary, evidence in order), in one write. What the
 * store would refuse as bad input is checked first, so such a revert is NOT_FOUND or CONFLICT.
 */
async function restoreClaim(
  store: GraphStore,
  id: string,
  before: StoredClaim,
  context: WriteContext,
): Promise<void> {
  const claim = await requireStoredClaim(store, id);
  const present = new Set(claim.evidence.map((item) => item.id));
  const missing = before.evidence.filter((item) => !present.has(item.id));
  await assertEvidenceRestorable(store, claim, missing);
  if (before.relation !== claim.relation) await assertRelationFree(store, id, before);
  const restore = {
    relation: before.relation,
    summary: before.summary ?? null,
    evidence: before.evidence.map(evidenceInput),
  };
  await store.restoreClaim(id, restore, claim.version, context);
}

/** Undoing an addition: each item must still be on the claim (NOT_FOUND otherwise). */
function assertEvidencePresent(claim: StoredClaim, items: readonly Evidence[]): void {
  const present = new Set(claim.evidence.map((item) => item.id));
  for (const item of items) {
    if (!present.has(item.id)) throw new NotFoundError('evidence', item.id);
  }
}

/** Adding items back: none may be on the claim already (CONFLICT), and each one's source must exist. */
async function assertEvidenceRestorable(
  store: GraphStore,
  claim: StoredClaim,
  items: readonly Evidence[],
): Promise<void> {
  const present = new Set(claim.evidence.map((item) => item.id));
  for (const item of items) {
    if (present.has(item.id)) {
      throw new AlreadyExistsError(item.id, `claim "${claim.id}" already has evidence "${item.id}"`);
    }
    if ((await store.getSource(item.sourceId)) === null) throw new NotFoundError('source', item.sourceId);
  }
}

/** Restoring a relation: no other claim may have taken it between the same ends since (CONFLICT). */
async function assertRelationFree(store: GraphStore, id: string, before: StoredClaim): Promise<void> {
  const taken = (await store.claimsOf(before.from, 'out')).find(
    (other) => other.id !== id && other.to === before.to && other.relation === before.relation,
  );
  if (taken !== undefined) {
    throw new AlreadyExistsError(
      taken.id,
      `claim "${taken.id}" already says ${before.from} ${before.relation} ${before.to}`,
    );
  }
}

function sourceFields(source: SourceNode) {
  return {
    sourceKind: source.sourceKind,
    title: source.title,
    name: source.name,
    summary: source.summary,
    aliases: source.aliases,
    xrefs: source.xrefs,
    authors: source.authors,
    year: source.year,
    venue: source.venue,
    url: source.url,
    doi: source.doi,
    pmid: source.pmid,
    published: source.published,
  };
}

function evidenceInput(item: Evidence): EvidenceInput {
  return {
    id: item.id,
    sourceId: item.sourceId,
    quote: item.quote,
    note: item.note,
    locator: item.locator,
    stance: item.stance,
    level: item.level,
    unverified: item.unverified,
    ...appraisalOf(item),
  };
}

/** A record stored in a change; history keeps whole records, so only their presence is checked. */
function hasRecord(value: unknown, field: 'before' | 'after'): object {
  if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'string') {
    throw new ValidationError(field, 'the change has no record to revert to');
  }
  return value;
}

function claimRecord(value: unknown, field: 'before' | 'after'): StoredClaim {
  return hasRecord(value, field) as StoredClaim;
}

function nodeRecord(value: unknown, field: 'before' | 'after'): GraphNode {
  return hasRecord(value, field) as GraphNode;
}
