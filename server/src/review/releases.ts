/**
 * Releases: numbered, frozen copies of the published graph that a paper can cite, and what changed
 * between two of them. Both stores number and keep them; the rules and the comparison live here.
 */
import { isDeepStrictEqual } from 'node:util';
import { ValidationError } from '../domain/errors.ts';
import type { Evidence, GraphNode, GraphSnapshot, StoredClaim } from '../domain/model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Release, ReleaseDraft } from './review-model.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** A release's name: 1–40 letters, digits, dots, dashes or underscores ("2026.12", "v1"), for file names and citations. */
export function checkReleaseName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name.trim())) {
    throw new ValidationError(
      'name',
      'must be 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    );
  }
  return name.trim();
}

/** "FibroGraph release 2 (2026.12), 6 December 2026." */
export function citationOf(release: Release): string {
  const date = new Date(release.createdAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `FibroGraph release ${release.number} (${release.name}), ${date}.`;
}

/** A release number as people write it ("2"), or null for anything else. */
export function parseReleaseNumber(value: string | null | undefined): number | null {
  return value != null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/** Release `number` of the store, or null when there is no such release. */
export async function findRelease(store: GraphStore, number: number): Promise<Release | null> {
  return (await store.releases()).find((release) => release.number === number) ?? null;
}

/** The release record for a snapshot frozen as `number`. */
export function releaseOf(draft: ReleaseDraft, number: number, snapshot: GraphSnapshot): Release {
  return {
    number,
    name: draft.name,
    note: draft.note,
    createdAt: draft.createdAt,
    createdBy: draft.createdBy,
    counts: {
      nodes: snapshot.nodes.length,
      claims: snapshot.claims.length,
      evidence: snapshot.claims.reduce((sum, claim) => sum + claim.evidence.length, 0),
    },
  };
}

/** How a claim differs between two releases. */
export interface ClaimDifference {
  readonly id: string;
  readonly before: StoredClaim;
  readonly after: StoredClaim;
  readonly relationChanged: boolean;
  readonly summaryChanged: boolean;
  readonly evidenceAdded: readonly Evidence[];
  readonly evidenceRemoved: readonly Evidence[];
  /** Items kept under the same id whose content changed. */
  readonly evidenceChanged: readonly Evidence[];
}

/** How a node or source differs: the names of the fields that changed. */
export interface NodeDifference {
  readonly id: string;
  readonly before: GraphNode;
  readonly after: GraphNode;
  readonly fields: readonly string[];
}

/** What changed from one snapshot to another; each list sorted by id. */
export interface SnapshotDiff {
  readonly nodesAdded: readonly GraphNode[];
  readonly nodesRemoved: readonly GraphNode[];
  readonly nodesChanged: readonly NodeDifference[];
  readonly claimsAdded: readonly StoredClaim[];
  readonly claimsRemoved: readonly StoredClaim[];
  readonly claimsChanged: readonly ClaimDifference[];
}

// Bookkeeping that moves on every save; not a change of content.
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

/** Compares two snapshots record by record; versions and timestamps alone are not a change. */
export function diffSnapshots(from: GraphSnapshot, to: GraphSnapshot): SnapshotDiff {
  const oldNodes = new Map(from.nodes.map((node) => [node.id, node]));
  const newNodes = new Map(to.nodes.map((node) => [node.id, node]));
  const oldClaims = new Map(from.claims.map((claim) => [claim.id, claim]));
  const newClaims = new Map(to.claims.map((claim) => [claim.id, claim]));
  const nodesChanged: NodeDifference[] = [];
  for (const after of to.nodes) {
    const before = oldNodes.get(after.id);
    if (before === undefined) continue;
    const fields = changedFields(before, after);
    if (fields.length > 0) nodesChanged.push({ id: after.id, before, after, fields });
  }
  const claimsChanged: ClaimDifference[] = [];
  for (const after of to.claims) {
    const before = oldClaims.get(after.id);
    if (before === undefined) continue;
    const difference = claimDifference(before, after);
    if (difference !== null) claimsChanged.push(difference);
  }
  return {
    nodesAdded: byId(to.nodes.filter((node) => !oldNodes.has(node.id))),
    nodesRemoved: byId(from.nodes.filter((node) => !newNodes.has(node.id))),
    nodesChanged: byId(nodesChanged),
    claimsAdded: byId(to.claims.filter((claim) => !oldClaims.has(claim.id))),
    claimsRemoved: byId(from.claims.filter((claim) => !newClaims.has(claim.id))),
    claimsChanged: byId(claimsChanged),
  };
}

function claimDifference(before: StoredClaim, after: StoredClaim): ClaimDifference | null {
  const oldItems = new Map(before.evidence.map((item) => [item.id, item]));
  const newIds = new Set(after.evidence.map((item) => item.id));
  const evidenceAdded = after.evidence.filter((item) => !oldItems.has(item.id));
  const evidenceRemoved = before.evidence.filter((item) => !newIds.has(item.id));
  const evidenceChanged = after.evidence.filter((item) => {
    const old = oldItems.get(item.id);
    return old !== undefined && !isDeepStrictEqual(old, item);
  });
  const relationChanged = before.relation !== after.relation;
  const summaryChanged = (before.summary ?? null) !== (after.summary ?? null);
  const changed =
    relationChanged ||
    summaryChanged ||
    evidenceAdded.length + evidenceRemoved.length + evidenceChanged.length > 0;
  return changed
    ? {
        id: after.id,
        before,
        after,
        relationChanged,
        summaryChanged,
        evidenceAdded,
        evidenceRemoved,
        evidenceChanged,
      }
    : null;
}

function changedFields(before: GraphNode, after: GraphNode): string[] {
  const old = new Map<string, unknown>(Object.entries(before));
  const now = new Map<string, unknown>(Object.entries(after));
  const keys = new Set([...old.keys(), ...now.keys()]);
  return [...keys]
    .filter((key) => !BOOKKEEPING.has(key) && !isDeepStrictEqual(old.get(key), now.get(key)))
    .sort();
}

function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
