/**
 * Maps FibroGraph records to Neo4j properties and back. Null fields are stored as absent properties
 * and read back as null; whole numbers are sent as Neo4j integers; records come back in the canonical
 * field order that export writes, so their JSON compares equal.
 */
import { int } from 'neo4j-driver';
import type {
  Certainty,
  EvidenceConcern,
  PooledDesign,
  RatingUpFactor,
  Recommendation,
} from '../../domain/certainty.ts';
import { bestDisputeWeight } from '../../domain/claim-order.ts';
import { levelRank, type EvidenceLevel, type Stance } from '../../domain/evidence-levels.ts';
import { summarizeEvidence } from '../../domain/evidence-summary.ts';
import { kindLabel, type NodeKind, type QuestionStatus, type SourceKind } from '../../domain/kinds.ts';
import {
  questionFieldsOf,
  type Change,
  type ChangeAction,
  type ChangeReview,
  type ChangeTarget,
  type Evidence,
  type GraphNode,
  type StoredClaim,
} from '../../domain/model.ts';
import type { Relation } from '../../domain/relations.ts';
import { normalizeForSearch } from '../../domain/search-rank.ts';
import type { ClaimEdge } from '../../domain/traversal.ts';
import type { ActivityEvent } from '../../review/review-model.ts';
import type { ChangeDraft, ChangeStamp } from '../change-drafts.ts';
import type { Row } from './cypher-runner.ts';

/** Properties and labels for creating or replacing a node. */
export interface NodeWrite {
  readonly labels: string[];
  readonly props: Record<string, unknown>;
}

/** A node's labels (`:Entity` plus its kind label) and properties, including its search texts. */
export function nodeWrite(node: GraphNode): NodeWrite {
  const props: Record<string, unknown> = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    summary: node.summary,
    aliases: [...node.aliases],
    xrefs: [...node.xrefs],
    aliasesText: node.aliases.join(' | '),
    xrefsText: node.xrefs.join(' '),
    searchText: searchTextOf(node),
    version: int(node.version),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
  };
  if (node.kind !== 'source') Object.assign(props, questionFieldsOf(node));
  if (node.kind === 'source') {
    Object.assign(props, {
      sourceKind: node.sourceKind,
      title: node.title,
      authors: [...node.authors],
      year: node.year === null ? null : int(node.year),
      venue: node.venue,
      url: node.url,
      doi: node.doi,
      pmid: node.pmid,
      published: node.published,
    });
  }
  return { labels: ['Entity', kindLabel(node.kind)], props: withoutNulls(props) };
}

/**
 * The text the `entity_search` index holds: name, aliases, xrefs and summary normalised as the shared
 * ranking normalises them, with `:` and `.` as word breaks too, so the index's words are the ranking's.
 */
export function searchTextOf(node: GraphNode): string {
  return [node.name, ...node.aliases, ...node.xrefs, node.summary]
    .map((text) => normalizeForSearch(text).replace(/[:.]+/g, ' '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A node from its Neo4j properties. */
export function nodeFromProps(value: unknown): GraphNode {
  const props = asMap(value);
  const base = {
    id: text(props, 'id'),
    name: text(props, 'name'),
    summary: optionalText(props, 'summary') ?? '',
    aliases: texts(props, 'aliases'),
    xrefs: texts(props, 'xrefs'),
  };
  const meta = {
    version: whole(props, 'version'),
    createdAt: text(props, 'createdAt'),
    updatedAt: text(props, 'updatedAt'),
  };
  const kind = text(props, 'kind') as NodeKind;
  if (kind !== 'source') {
    const status = optionalText(props, 'status');
    const decisiveObservation = optionalText(props, 'decisiveObservation');
    const question =
      kind === 'question' && status !== null && decisiveObservation !== null
        ? { status: status as QuestionStatus, decisiveObservation }
        : {};
    return { id: base.id, kind, ...withoutId(base), ...question, ...meta };
  }
  return {
    id: base.id,
    kind: 'source',
    ...withoutId(base),
    sourceKind: text(props, 'sourceKind') as SourceKind,
    title: text(props, 'title'),
    authors: texts(props, 'authors'),
    year: props['year'] === undefined || props['year'] === null ? null : whole(props, 'year'),
    venue: optionalText(props, 'venue'),
    url: optionalText(props, 'url'),
    doi: optionalText(props, 'doi'),
    pmid: optionalText(props, 'pmid'),
    published: optionalText(props, 'published'),
    ...meta,
  };
}

/** A claim's relationship properties, with the figures derived from its evidence. */
export function claimProps(claim: StoredClaim): Record<string, unknown> {
  const derived = summarizeEvidence(claim.relation, claim.evidence);
  return withoutNulls({
    id: claim.id,
    relation: claim.relation,
    summary: claim.summary,
    version: int(claim.version),
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    certainty: derived.certainty,
    strength: derived.strength,
    contested: derived.contested,
    bestLevel: derived.bestLevel,
    bestRank: int(levelRank(derived.bestLevel)),
    supportCount: int(derived.supportCount),
    disputeCount: int(derived.disputeCount),
    bestDisputeWeight: bestDisputeWeight(claim),
  });
}

/** What `create-claims` needs for one claim. */
export function claimWrite(claim: StoredClaim): Record<string, unknown> {
  return { from: claim.from, to: claim.to, relation: claim.relation, props: claimProps(claim) };
}

/** What `create-evidence` needs for one evidence item at a position in its claim. */
export function evidenceWrite(claimId: string, item: Evidence, position: number): Record<string, unknown> {
  return { sourceId: item.sourceId, props: { ...evidenceProps(claimId, item), position: int(position) } };
}

/** An evidence node's properties (its source is the node it CITES). */
export function evidenceProps(claimId: string, item: Evidence): Record<string, unknown> {
  return withoutNulls({
    id: item.id,
    claimId,
    quote: item.quote,
    note: item.note,
    locator: item.locator,
    stance: item.stance,
    level: item.level,
    unverified: item.unverified,
    // Neo4j properties cannot be maps, so the appraisal is stored flat; an empty list is omitted.
    design: item.design,
    participants: item.participants === null ? null : int(item.participants),
    population: item.population,
    funding: item.funding,
    concerns: item.concerns.length === 0 ? null : [...item.concerns],
    ratingUp: item.ratingUp.length === 0 ? null : [...item.ratingUp],
    ratingNote: item.ratingNote,
    studyId: item.studyId,
    pooledDesign: item.pooledDesign,
    recommendationStrength: item.recommendation?.strength ?? null,
    recommendationDirection: item.recommendation?.direction ?? null,
    recommendationBasis: item.recommendation?.evidenceBasis ?? null,
    reportedCertainty: item.reportedCertainty,
    // Stored only when true, like every absent optional property.
    domainsAssessed: item.domainsAssessed ? true : null,
  });
}

/** A stored claim from a row of `claim`, `from`, `to` and `evidence` (as the claim queries return). */
export function claimFromRow(row: Row): StoredClaim {
  const props = asMap(row['claim']);
  const evidence = Array.isArray(row['evidence']) ? (row['evidence'] as unknown[]) : [];
  return {
    id: text(props, 'id'),
    relation: text(props, 'relation') as Relation,
    from: text(row, 'from'),
    to: text(row, 'to'),
    summary: optionalText(props, 'summary'),
    evidence: evidence.map(evidenceFromProps),
    version: whole(props, 'version'),
    createdAt: text(props, 'createdAt'),
    updatedAt: text(props, 'updatedAt'),
  };
}

/** A walk edge and the kinds of its ends, from a claim row of `reach-edges`. */
export function edgeFromRow(row: Row): { edge: ClaimEdge; fromKind: NodeKind; toKind: NodeKind } {
  return {
    edge: {
      id: text(row, 'id'),
      relation: text(row, 'relation') as Relation,
      from: text(row, 'from'),
      to: text(row, 'to'),
      strength: number(row, 'strength'),
      bestLevel: text(row, 'bestLevel') as EvidenceLevel,
    },
    fromKind: text(row, 'fromKind') as NodeKind,
    toKind: text(row, 'toKind') as NodeKind,
  };
}

/** A Change node's properties; records are kept as JSON text. */
export function changeProps(draft: ChangeDraft, seq: number, stamp: ChangeStamp): Record<string, unknown> {
  return withoutNulls({
    seq: int(seq),
    at: stamp.at,
    actor: stamp.actor,
    action: draft.action,
    targetType: draft.targetType,
    targetId: draft.targetId,
    subjects: [...new Set(draft.subjects)],
    before: draft.before === null ? null : JSON.stringify(draft.before),
    after: draft.after === null ? null : JSON.stringify(draft.after),
    review: stamp.review === null ? null : JSON.stringify(stamp.review),
  });
}

/** A change from its Neo4j properties. */
export function changeFromProps(value: unknown): Change {
  const props = asMap(value);
  const before = optionalText(props, 'before');
  const after = optionalText(props, 'after');
  const review = optionalText(props, 'review');
  return {
    seq: whole(props, 'seq'),
    at: text(props, 'at'),
    actor: text(props, 'actor'),
    action: text(props, 'action') as ChangeAction,
    targetType: text(props, 'targetType') as ChangeTarget,
    targetId: text(props, 'targetId'),
    before: before === null ? null : (JSON.parse(before) as unknown),
    after: after === null ? null : (JSON.parse(after) as unknown),
    review: review === null ? null : (JSON.parse(review) as ChangeReview),
  };
}

/** An activity entry from its Neo4j properties. */
export function activityFromProps(value: unknown): ActivityEvent {
  const props = asMap(value);
  return {
    seq: whole(props, 'seq'),
    at: text(props, 'at'),
    actor: text(props, 'actor'),
    type: text(props, 'type') as ActivityEvent['type'],
    subjectId: text(props, 'subjectId'),
    targetId: optionalText(props, 'targetId'),
    summary: text(props, 'summary'),
  };
}

/** A text field of a row (a record kept as JSON). */
export function textOf(row: Row | undefined, key: string): string {
  if (row === undefined) throw new Error(`expected a row with "${key}" from Neo4j`);
  return text(row, key);
}

/** `[key, count]` pairs (as `stats` returns them) as a record. */
export function countsFromPairs(value: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pair of Array.isArray(value) ? (value as unknown[]) : []) {
    const [key, count] = pair as [unknown, unknown];
    if (typeof key === 'string' && typeof count === 'number') counts[key] = count;
  }
  return counts;
}

/** A whole number field of a row. */
export function countOf(row: Row | undefined, key: string): number {
  return row === undefined ? 0 : whole(row, key);
}

function evidenceFromProps(value: unknown): Evidence {
  const props = asMap(value);
  return {
    id: text(props, 'id'),
    sourceId: text(props, 'sourceId'),
    quote: optionalText(props, 'quote'),
    note: optionalText(props, 'note'),
    locator: optionalText(props, 'locator'),
    stance: text(props, 'stance') as Stance,
    level: text(props, 'level') as EvidenceLevel,
    unverified: props['unverified'] === true,
    design: optionalText(props, 'design'),
    participants: props['participants'] == null ? null : whole(props, 'participants'),
    population: optionalText(props, 'population'),
    funding: optionalText(props, 'funding'),
    concerns: Array.isArray(props['concerns']) ? (props['concerns'] as EvidenceConcern[]) : [],
    ratingUp: Array.isArray(props['ratingUp']) ? (props['ratingUp'] as RatingUpFactor[]) : [],
    ratingNote: optionalText(props, 'ratingNote'),
    studyId: optionalText(props, 'studyId'),
    pooledDesign: optionalText(props, 'pooledDesign') as PooledDesign | null,
    recommendation: recommendationFromProps(props),
    reportedCertainty: optionalText(props, 'reportedCertainty') as Certainty | null,
    domainsAssessed: props['domainsAssessed'] === true,
  };
}

/** The recommendation stored flat (Neo4j properties cannot be maps), or null when there is none. */
function recommendationFromProps(props: Readonly<Record<string, unknown>>): Recommendation | null {
  const strength = optionalText(props, 'recommendationStrength');
  const direction = optionalText(props, 'recommendationDirection');
  const evidenceBasis = optionalText(props, 'recommendationBasis');
  if (direction === null || evidenceBasis === null) return null;
  return { strength, direction, evidenceBasis } as Recommendation;
}

function withoutId<T extends { id: string }>(value: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = value;
  return rest;
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== null && value !== undefined),
  );
}

function asMap(value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null)
    throw new Error(`expected a map from Neo4j, got ${String(value)}`);
  return value as Record<string, unknown>;
}

function text(map: Readonly<Record<string, unknown>>, key: string): string {
  const value = map[key];
  if (typeof value !== 'string') throw new Error(`expected text in "${key}" from Neo4j`);
  return value;
}

function optionalText(map: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = map[key];
  return typeof value === 'string' ? value : null;
}

function texts(map: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = map[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function number(map: Readonly<Record<string, unknown>>, key: string): number {
  const value = map[key];
  if (typeof value !== 'number') throw new Error(`expected a number in "${key}" from Neo4j`);
  return value;
}

function whole(map: Readonly<Record<string, unknown>>, key: string): number {
  const value = number(map, key);
  if (!Number.isInteger(value)) throw new Error(`expected a whole number in "${key}" from Neo4j`);
  return value;
}
