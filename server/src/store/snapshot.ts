/**
 * Checks a snapshot before import (shape, rules, references) and puts records into the canonical
 * order and field layout that export writes, so export → import → export is byte-identical.
 */
import { isDeepStrictEqual } from 'node:util';
import { AlreadyExistsError, ValidationError } from '../domain/errors.ts';
import { isConceptKind } from '../domain/kinds.ts';
import type { ClaimInput, NodeInput, SourceInput } from '../domain/inputs.ts';
import {
  appraisalOf,
  questionFieldsOf,
  type GraphNode,
  type GraphSnapshot,
  type StoredClaim,
} from '../domain/model.ts';
import { assertRelationAllowed } from '../domain/relations.ts';
import { checkClaimInput, checkNodeInput, checkSourceInput, EXISTING_EVIDENCE } from '../domain/validate.ts';
import { claimChange, nodeChange, type ChangeDraft } from './change-drafts.ts';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Validates every record of a snapshot and returns them in canonical form and order. */
export function checkSnapshot(snapshot: unknown): GraphSnapshot {
  if (typeof snapshot !== 'object' || snapshot === null)
    throw new ValidationError('snapshot', 'must be an object');
  const { format, formatVersion, nodes, claims } = snapshot as Partial<GraphSnapshot>;
  if (format !== 'fibrograph-snapshot' || formatVersion !== 1) {
    throw new ValidationError(
      'format',
      'expected a FibroGraph snapshot ("format": "fibrograph-snapshot", "formatVersion": 1)',
    );
  }
  if (!Array.isArray(nodes) || !Array.isArray(claims))
    throw new ValidationError('snapshot', 'needs "nodes" and "claims" lists');
  const byId = new Map<string, GraphNode>();
  nodes.forEach((raw: unknown, index) => {
    const node = withField(`nodes[${index}]`, () => canonicalNode(raw));
    if (byId.has(node.id)) throw new ValidationError(`nodes[${index}].id`, `duplicate node id "${node.id}"`);
    byId.set(node.id, node);
  });
  const claimIds = new Set<string>();
  const triples = new Set<string>();
  const checkedClaims = claims.map((raw: unknown, index) =>
    withField(`claims[${index}]`, () => {
      const claim = canonicalClaim(raw);
      if (claimIds.has(claim.id)) throw new ValidationError('id', `duplicate claim id "${claim.id}"`);
      claimIds.add(claim.id);
      const triple = `${claim.from} ${claim.relation} ${claim.to}`;
      if (triples.has(triple)) throw new ValidationError('id', `a second claim links ${triple}`);
      triples.add(triple);
      assertClaimReferences(claim, byId);
      return claim;
    }),
  );
  return sortSnapshot([...byId.values()], checkedClaims);
}

/** A snapshot with nodes and claims sorted by id. */
export function sortSnapshot(nodes: readonly GraphNode[], claims: readonly StoredClaim[]): GraphSnapshot {
  return {
    format: 'fibrograph-snapshot',
    formatVersion: 1,
    nodes: [...nodes].map(canonicalNodeLayout).sort(byId),
    claims: [...claims].map(canonicalClaimLayout).sort(byId),
  };
}

/** Throws unless a claim's ends exist with kinds the relation allows and its evidence cites known sources. */
export function assertClaimReferences(claim: StoredClaim, nodes: ReadonlyMap<string, GraphNode>): void {
  const from = nodes.get(claim.from);
  const to = nodes.get(claim.to);
  if (!from) throw new ValidationError('from', `node "${claim.from}" does not exist`);
  if (!to) throw new ValidationError('to', `node "${claim.to}" does not exist`);
  assertRelationAllowed(claim.relation, from.kind, to.kind);
  claim.evidence.forEach((item, index) => {
    if (nodes.get(item.sourceId)?.kind !== 'source') {
      throw new ValidationError(`evidence[${index}].sourceId`, `source "${item.sourceId}" does not exist`);
    }
  });
}

/** True when two records have the same content (ignoring version and timestamps). */
function sameContent<T extends { version: number; createdAt: string; updatedAt: string }>(
  a: T,
  b: T,
): boolean {
  const strip = ({ version: _v, createdAt: _c, updatedAt: _u, ...rest }: T) => rest;
  return isDeepStrictEqual(strip(a), strip(b));
}

/**
 * An upsert's checks before it writes anything, as both stores make them: a node keeps its kind, a
 * claim keeps its ends, and a new claim does not repeat one already saying the same thing.
 * `claimIdForTriple` finds the claim (if any) between `from` and `to` with that relation.
 */
export function assertMergeable(
  snapshot: GraphSnapshot,
  currentNodes: ReadonlyMap<string, GraphNode>,
  currentClaims: ReadonlyMap<string, StoredClaim>,
  claimIdForTriple: (from: string, relation: string, to: string) => string | undefined,
): void {
  for (const incoming of snapshot.nodes) {
    const current = currentNodes.get(incoming.id);
    if (current && current.kind !== incoming.kind) {
      throw new ValidationError(
        `nodes.${incoming.id}.kind`,
        `exists as a ${current.kind}, not a ${incoming.kind}`,
      );
    }
  }
  for (const incoming of snapshot.claims) {
    const current = currentClaims.get(incoming.id);
    if (current === undefined) {
      const existing = claimIdForTriple(incoming.from, incoming.relation, incoming.to);
      if (existing !== undefined && existing !== incoming.id) {
        throw new AlreadyExistsError(
          existing,
          `claim "${existing}" already says ${incoming.from} ${incoming.relation} ${incoming.to}; add evidence to it instead`,
        );
      }
    } else if (current.from !== incoming.from || current.to !== incoming.to) {
      throw new ValidationError(
        `claims.${incoming.id}`,
        "exists with different ends; a claim's ends cannot change",
      );
    }
  }
}

/** What an upsert writes for some records: each new or changed one, and its history entry. */
export interface MergePlan<T> {
  readonly writes: readonly { readonly before: T | null; readonly after: T }[];
  readonly changes: readonly ChangeDraft[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Plans an upsert of `incoming` over the records stored now (by id); both stores write what it says. */
export function planMerge<T extends GraphNode | StoredClaim>(
  incoming: readonly T[],
  current: ReadonlyMap<string, T>,
  now: string,
): MergePlan<T> {
  const writes: { before: T | null; after: T }[] = [];
  const changes: ChangeDraft[] = [];
  let updated = 0;
  for (const record of incoming) {
    const before = current.get(record.id) ?? null;
    const after = mergeRecord(before ?? undefined, record, now);
    if (after === null) continue;
    if (before !== null) updated += 1;
    writes.push({ before, after });
    const action = before === null ? 'create' : 'update';
    changes.push(
      'relation' in after
        ? claimChange(action, before as StoredClaim | null, after)
        : nodeChange(action, before as GraphNode | null, after),
    );
  }
  return {
    writes,
    changes,
    created: writes.length - updated,
    updated,
    unchanged: incoming.length - writes.length,
  };
}

/** For upsert: null when unchanged; else the record to write (new at version 1, changed one version up). */
export function mergeRecord<T extends { version: number; createdAt: string; updatedAt: string }>(
  current: T | undefined,
  incoming: T,
  now: string,
): T | null {
  if (!current) return { ...incoming, version: 1, createdAt: now, updatedAt: now };
  if (sameContent(current, incoming)) return null;
  return { ...incoming, version: current.version + 1, createdAt: current.createdAt, updatedAt: now };
}

function canonicalNode(raw: unknown): GraphNode {
  if (typeof raw !== 'object' || raw === null) throw new ValidationError('node', 'must be an object');
  // Untrusted until the domain validators below have checked every field.
  const { kind, version, createdAt, updatedAt, ...fields } = raw as Record<string, unknown>;
  const meta = checkMeta({ version, createdAt, updatedAt });
  if (kind === 'source') {
    const checked = checkSourceInput(fields as unknown as SourceInput);
    return canonicalNodeLayout({ ...checked, kind: 'source', ...meta });
  }
  if (!isConceptKind(kind)) throw new ValidationError('kind', `unknown node kind ${JSON.stringify(kind)}`);
  const checked = checkNodeInput({ ...(fields as unknown as NodeInput), kind });
  return canonicalNodeLayout({ ...checked, ...meta });
}

function canonicalClaim(raw: unknown): StoredClaim {
  if (typeof raw !== 'object' || raw === null) throw new ValidationError('claim', 'must be an object');
  const { version, createdAt, updatedAt, ...fields } = raw as Record<string, unknown>;
  const meta = checkMeta({ version, createdAt, updatedAt });
  // A snapshot holds evidence some graph already had, written under older rules perhaps.
  const checked = checkClaimInput(fields as unknown as ClaimInput, EXISTING_EVIDENCE);
  return canonicalClaimLayout({ ...checked, ...meta });
}

function checkMeta(record: { version?: unknown; createdAt?: unknown; updatedAt?: unknown }): {
  version: number;
  createdAt: string;
  updatedAt: string;
} {
  const { version, createdAt, updatedAt } = record;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ValidationError('version', 'must be a positive whole number');
  }
  for (const [field, value] of [
    ['createdAt', createdAt],
    ['updatedAt', updatedAt],
  ] as const) {
    if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value))
      throw new ValidationError(field, 'must be an ISO-8601 UTC timestamp');
  }
  return { version, createdAt: createdAt as string, updatedAt: updatedAt as string };
}

/** Fixed field order, so JSON of equal records is equal text. */
function canonicalNodeLayout(node: GraphNode): GraphNode {
  const base = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    summary: node.summary,
    aliases: [...node.aliases],
    xrefs: [...node.xrefs],
  };
  const meta = { version: node.version, createdAt: node.createdAt, updatedAt: node.updatedAt };
  if (node.kind !== 'source') return { ...base, kind: node.kind, ...questionFieldsOf(node), ...meta };
  return {
    ...base,
    kind: 'source',
    sourceKind: node.sourceKind,
    title: node.title,
    authors: [...node.authors],
    year: node.year,
    venue: node.venue,
    url: node.url,
    doi: node.doi,
    pmid: node.pmid,
    published: node.published,
    ...meta,
  };
}

function canonicalClaimLayout(claim: StoredClaim): StoredClaim {
  return {
    id: claim.id,
    relation: claim.relation,
    from: claim.from,
    to: claim.to,
    summary: claim.summary,
    evidence: claim.evidence.map((item) => ({
      id: item.id,
      sourceId: item.sourceId,
      quote: item.quote,
      note: item.note,
      locator: item.locator,
      stance: item.stance,
      level: item.level,
      unverified: item.unverified,
      ...appraisalOf(item),
    })),
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

function withField<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(`${prefix}.${error.field}`, error.message.slice(error.field.length + 2));
    throw error;
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
