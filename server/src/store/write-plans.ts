/**
 * Pure functions that turn a validated request plus the current record into the new record. Both
 * stores call them inside their write transaction, after reading (and, in Neo4j, locking) the
 * current record, so the rules for versions and timestamps live in one place.
 */
import { isDeepStrictEqual } from 'node:util';
import { ValidationError, VersionConflictError } from '../domain/errors.ts';
import { summarizeEvidence } from '../domain/evidence-summary.ts';
import type {
  ClaimPatch,
  ClaimRestore,
  NodeInput,
  NodePatch,
  SourceInput,
  SourcePatch,
} from '../domain/inputs.ts';
import type { Claim, ConceptNode, Evidence, SourceNode, StoredClaim } from '../domain/model.ts';
import {
  applyNodePatch,
  applySourcePatch,
  checkClaimPatch,
  checkEvidenceInput,
  EXISTING_EVIDENCE,
  checkExpectedVersion,
  checkNodeInput,
  checkSourceInput,
} from '../domain/validate.ts';

/** The current time as an ISO string; one place so tests could pin it. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Throws a VersionConflictError unless the record is at the expected version. */
export function assertVersion(id: string, expectedVersion: number, currentVersion: number): void {
  checkExpectedVersion(expectedVersion);
  if (expectedVersion !== currentVersion) throw new VersionConflictError(id, expectedVersion, currentVersion);
}

/** A new concept node at version 1. */
export function planCreateNode(input: NodeInput, now: string): ConceptNode {
  const checked = checkNodeInput(input);
  return { ...checked, version: 1, createdAt: now, updatedAt: now };
}

/** The node after a patch, one version up. */
export function planUpdateNode(
  current: ConceptNode,
  patch: NodePatch,
  expectedVersion: number,
  now: string,
): ConceptNode {
  assertVersion(current.id, expectedVersion, current.version);
  const content = applyNodePatch(current.kind, current, patch);
  return { ...current, ...content, version: current.version + 1, updatedAt: now };
}

/** A new source at version 1. */
export function planCreateSource(input: SourceInput, now: string): SourceNode {
  const checked = checkSourceInput(input);
  return { ...checked, kind: 'source', version: 1, createdAt: now, updatedAt: now };
}

/** The source after a patch, one version up. */
export function planUpdateSource(
  current: SourceNode,
  patch: SourcePatch,
  expectedVersion: number,
  now: string,
): SourceNode {
  assertVersion(current.id, expectedVersion, current.version);
  const content = applySourcePatch(current, patch);
  return { ...current, ...content, version: current.version + 1, updatedAt: now };
}

/** The claim after a patch to its own fields, one version up. Relation changes are checked by the caller. */
export function planUpdateClaim(
  current: StoredClaim,
  patch: ClaimPatch,
  expectedVersion: number,
  now: string,
): StoredClaim {
  assertVersion(current.id, expectedVersion, current.version);
  return {
    ...current,
    ...(patch.relation === undefined ? {} : { relation: patch.relation }),
    ...(patch.summary === undefined ? {} : { summary: patch.summary }),
    version: current.version + 1,
    updatedAt: now,
  };
}

/** The claim with one more evidence item, one version up. */
export function planAddEvidence(
  current: StoredClaim,
  evidence: Evidence,
  expectedVersion: number,
  now: string,
): StoredClaim {
  assertVersion(current.id, expectedVersion, current.version);
  if (current.evidence.some((item) => item.id === evidence.id)) {
    throw new ValidationError('evidence.id', `claim "${current.id}" already has evidence "${evidence.id}"`);
  }
  return {
    ...current,
    evidence: [...current.evidence, evidence],
    version: current.version + 1,
    updatedAt: now,
  };
}

/** The claim without one evidence item, one version up; a claim keeps at least one. */
export function planRemoveEvidence(
  current: StoredClaim,
  evidenceId: string,
  expectedVersion: number,
  now: string,
): StoredClaim {
  assertVersion(current.id, expectedVersion, current.version);
  if (!current.evidence.some((item) => item.id === evidenceId)) {
    throw new ValidationError('evidenceId', `claim "${current.id}" has no evidence "${evidenceId}"`);
  }
  if (current.evidence.length === 1) {
    throw new ValidationError(
      'evidenceId',
      "this is the claim's only evidence item; a claim needs at least one, so delete the claim instead",
    );
  }
  return {
    ...current,
    evidence: current.evidence.filter((item) => item.id !== evidenceId),
    version: current.version + 1,
    updatedAt: now,
  };
}

/**
 * The claim with its relation, summary and evidence list replaced by `restore`, one version up.
 * Evidence is checked item by item; the relation against its ends by the caller.
 */
export function planRestoreClaim(
  current: StoredClaim,
  restore: ClaimRestore,
  expectedVersion: number,
  now: string,
): StoredClaim {
  assertVersion(current.id, expectedVersion, current.version);
  const fields = checkClaimPatch({ relation: restore.relation, summary: restore.summary });
  if (restore.evidence.length === 0) {
    throw new ValidationError('evidence', 'a claim needs at least one evidence item');
  }
  // A revert puts back evidence the claim once had, rating notes as they were then.
  const evidence = restore.evidence.map((item, index) =>
    checkEvidenceInput(`evidence[${index}]`, item, current.id, EXISTING_EVIDENCE),
  );
  if (new Set(evidence.map((item) => item.id)).size !== evidence.length) {
    throw new ValidationError('evidence', 'two evidence items have the same id');
  }
  return {
    ...current,
    relation: fields.relation ?? current.relation,
    summary: fields.summary ?? null,
    evidence,
    version: current.version + 1,
    updatedAt: now,
  };
}

/**
 * How history names a restore: as the single evidence addition or removal it amounts to when that is
 * all that changed, otherwise as an update.
 */
export function restoreAction(
  before: StoredClaim,
  after: StoredClaim,
): 'update' | 'add-evidence' | 'remove-evidence' {
  if (before.relation !== after.relation || (before.summary ?? null) !== (after.summary ?? null)) {
    return 'update';
  }
  if (isOneMore(after.evidence, before.evidence)) return 'add-evidence';
  if (isOneMore(before.evidence, after.evidence)) return 'remove-evidence';
  return 'update';
}

/** True when `longer` is `shorter` with exactly one item (of a new id) inserted somewhere. */
function isOneMore(longer: readonly Evidence[], shorter: readonly Evidence[]): boolean {
  const known = new Set(shorter.map((item) => item.id));
  const extra = longer.filter((item) => !known.has(item.id));
  if (extra.length !== 1) return false;
  return isDeepStrictEqual(
    longer.filter((item) => known.has(item.id)),
    shorter,
  );
}

/** A stored claim with its derived strength, contested flag and best level. */
export function withDerived(claim: StoredClaim): Claim {
  const summary = summarizeEvidence(claim.relation, claim.evidence);
  // An explicit literal gives every claim one hidden class: cheaper to build and to hold by the million.
  return {
    id: claim.id,
    relation: claim.relation,
    from: claim.from,
    to: claim.to,
    summary: claim.summary,
    evidence: claim.evidence,
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    certainty: summary.certainty,
    strength: summary.strength,
    contested: summary.contested,
    bestLevel: summary.bestLevel,
    supportCount: summary.supportCount,
    disputeCount: summary.disputeCount,
  };
}

/** The stored part of a claim (drops derived figures). */
export function storedOf(claim: Claim): StoredClaim {
  const { id, relation, from, to, summary, evidence, version, createdAt, updatedAt } = claim;
  return { id, relation, from, to, summary, evidence, version, createdAt, updatedAt };
}
