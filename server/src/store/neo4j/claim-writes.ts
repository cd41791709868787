/** Creating, updating and deleting claims and their evidence in Neo4j. */
import { AlreadyExistsError, ValidationError } from '../../domain/errors.ts';
import type {
  ClaimInput,
  ClaimPatch,
  ClaimRestore,
  EvidenceInput,
  WriteContext,
} from '../../domain/inputs.ts';
import type { Claim, StoredClaim } from '../../domain/model.ts';
import { assertRelationAllowed } from '../../domain/relations.ts';
import { checkClaimInput, checkClaimPatch, checkEvidenceInput } from '../../domain/validate.ts';
import { assertClaimReferences } from '../snapshot.ts';
import {
  assertVersion,
  nowIso,
  planAddEvidence,
  planRemoveEvidence,
  planRestoreClaim,
  planUpdateClaim,
  restoreAction,
  withDerived,
} from '../write-plans.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { claimProps, claimWrite, evidenceProps, evidenceWrite } from './records.ts';
import { claimChange, stampOf } from '../change-drafts.ts';
import { recordedWrite } from './recorded-write.ts';
import { fetchClaims, fetchNodes, lockClaim } from './tx-records.ts';

/** Creates a claim with its evidence at version 1. */
export async function createClaim(
  runner: CypherRunner,
  input: ClaimInput,
  context: WriteContext,
): Promise<Claim> {
  const stamp = stampOf(context);
  const checked = checkClaimInput(input);
  const now = nowIso();
  const stored: StoredClaim = { ...checked, version: 1, createdAt: now, updatedAt: now };
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const nodes = await fetchNodes(tx, [
      stored.from,
      stored.to,
      ...stored.evidence.map((item) => item.sourceId),
    ]);
    assertClaimReferences(stored, nodes);
    if ((await fetchClaims(tx, [stored.id])).has(stored.id)) throw new AlreadyExistsError(stored.id);
    await assertNewTriple(tx, stored);
    await insertClaims(tx, [stored]);
    changes.push(claimChange('create', null, stored));
    return withDerived(stored);
  });
}

/** Changes a claim's relation or summary at the expected version. */
export async function updateClaim(
  runner: CypherRunner,
  id: string,
  patch: ClaimPatch,
  expectedVersion: number,
  context: WriteContext,
): Promise<Claim> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const { claim: current, fromKind, toKind } = await lockClaim(tx, id);
    const next = planUpdateClaim(current, checkClaimPatch(patch), expectedVersion, nowIso());
    if (next.relation === current.relation) {
      await tx.run('set-claim', { props: claimProps(next) });
    } else {
      assertRelationAllowed(next.relation, fromKind, toKind);
      await assertNewTriple(tx, next);
      // A relationship's type is fixed, so a new relation means a new relationship (same id).
      await tx.run('delete-claims', { ids: [id] });
      await tx.run('create-claims', { claims: [claimWrite(next)] });
    }
    changes.push(claimChange('update', current, next));
    return withDerived(next);
  });
}

/**
 * Puts a claim's relation, summary and evidence list back as `restore` says, in one transaction: the
 * relationship and its evidence are written anew under the same id (a relationship's type is fixed).
 */
export async function restoreClaim(
  runner: CypherRunner,
  id: string,
  restore: ClaimRestore,
  expectedVersion: number,
  context: WriteContext,
): Promise<Claim> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const { claim: current } = await lockClaim(tx, id);
    const next = planRestoreClaim(current, restore, expectedVersion, nowIso());
    const nodes = await fetchNodes(tx, [next.from, next.to, ...next.evidence.map((item) => item.sourceId)]);
    assertClaimReferences(next, nodes);
    if (next.relation !== current.relation) await assertNewTriple(tx, next);
    await deleteClaims(tx, [id]);
    await insertClaims(tx, [next]);
    changes.push(claimChange(restoreAction(current, next), current, next));
    return withDerived(next);
  });
}

/** Deletes a claim and its evidence at the expected version. */
export async function deleteClaim(
  runner: CypherRunner,
  id: string,
  expectedVersion: number,
  context: WriteContext,
): Promise<void> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const { claim: current } = await lockClaim(tx, id);
    assertVersion(id, expectedVersion, current.version);
    await deleteClaims(tx, [id]);
    changes.push(claimChange('delete', current, null));
  });
}

/** Adds one evidence item to a claim at the expected version. */
export async function addEvidence(
  runner: CypherRunner,
  claimId: string,
  evidence: EvidenceInput,
  expectedVersion: number,
  context: WriteContext,
): Promise<Claim> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const { claim: current } = await lockClaim(tx, claimId);
    const item = checkEvidenceInput('evidence', evidence, claimId);
    if ((await fetchNodes(tx, [item.sourceId])).get(item.sourceId)?.kind !== 'source') {
      throw new ValidationError('evidence.sourceId', `source "${item.sourceId}" does not exist`);
    }
    const next = planAddEvidence(current, item, expectedVersion, nowIso());
    await tx.run('append-evidence', { sourceId: item.sourceId, props: evidenceProps(claimId, item) });
    await tx.run('set-claim', { props: claimProps(next) });
    changes.push(claimChange('add-evidence', current, next));
    return withDerived(next);
  });
}

/** Removes one evidence item from a claim at the expected version; a claim keeps at least one. */
export async function removeEvidence(
  runner: CypherRunner,
  claimId: string,
  evidenceId: string,
  expectedVersion: number,
  context: WriteContext,
): Promise<Claim> {
  const stamp = stampOf(context);
  return recordedWrite(runner, stamp, async (tx, changes) => {
    const { claim: current } = await lockClaim(tx, claimId);
    const next = planRemoveEvidence(current, evidenceId, expectedVersion, nowIso());
    await tx.run('delete-evidence', { claimId, evidenceId });
    await tx.run('set-claim', { props: claimProps(next) });
    changes.push(claimChange('remove-evidence', current, next));
    return withDerived(next);
  });
}

/** Creates claims (between existing nodes) with their evidence in order. */
export async function insertClaims(tx: QueryTx, claims: readonly StoredClaim[]): Promise<void> {
  if (claims.length === 0) return;
  await tx.run('create-claims', { claims: claims.map(claimWrite) });
  const items = claims.flatMap((claim) =>
    claim.evidence.map((item, index) => evidenceWrite(claim.id, item, index)),
  );
  await tx.run('create-evidence', { items });
}

/** Deletes claims and their evidence. */
export async function deleteClaims(tx: QueryTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run('delete-claim-evidence', { claimIds: ids });
  await tx.run('delete-claims', { ids });
}

/** Throws AlreadyExistsError when another claim already links the same ends by the same relation. */
export async function assertNewTriple(tx: QueryTx, claim: StoredClaim): Promise<void> {
  const rows = await tx.run('claim-ids-by-triple', {
    triples: [{ from: claim.from, relation: claim.relation, to: claim.to }],
  });
  const existing = rows.map((row) => row['id']).find((id) => typeof id === 'string' && id !== claim.id);
  if (typeof existing === 'string') {
    throw new AlreadyExistsError(
      existing,
      `claim "${existing}" already says ${claim.from} ${claim.relation} ${claim.to}; add evidence to it instead`,
    );
  }
}
