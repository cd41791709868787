/**
 * Stable, readable, URL-safe ids: `kind:slug` for nodes (`symptom:brain-fog`), `claim:slug` for
 * claims and `evidence:slug` for evidence items.
 */
import { ValidationError } from './errors.ts';
import { NODE_KINDS, type NodeKind } from './kinds.ts';
import type { Relation } from './relations.ts';

const SLUG = '[a-z0-9]+(?:-{1,2}[a-z0-9]+)*';
const NODE_ID = new RegExp(`^(${NODE_KINDS.join('|')}):(${SLUG})$`);
const CLAIM_ID = new RegExp(`^claim:${SLUG}$`);
const EVIDENCE_ID = new RegExp(`^evidence:${SLUG}$`);
const MAX_SLUG_LENGTH = 120;

/** Lower-case, ASCII, hyphen-separated slug of a name: "Brain fog (cognitive)" → "brain-fog-cognitive". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug;
}

/** The id a node gets when none is given: `kind:slug-of-name`. */
export function nodeIdFor(kind: NodeKind, name: string): string {
  const slug = slugify(name);
  if (slug === '') throw new ValidationError('name', 'must contain at least one letter or digit');
  return `${kind}:${slug}`;
}

/** The id a claim gets when none is given: `claim:<from-slug>--<relation>--<to-slug>`. */
export function claimIdFor(from: string, relation: Relation, to: string): string {
  return `claim:${slugOf(from)}--${relation.toLowerCase().replace(/_/g, '-')}--${slugOf(to)}`;
}

/** The kind and slug of a well-formed node id, or null. */
export function parseNodeId(id: string): { kind: NodeKind; slug: string } | null {
  const match = NODE_ID.exec(id);
  if (!match) return null;
  return { kind: match[1] as NodeKind, slug: match[2] ?? '' };
}

/** True when `id` is a well-formed node id. */
export function isNodeId(id: unknown): id is string {
  return typeof id === 'string' && NODE_ID.test(id);
}

/** True when `id` is a well-formed claim id. */
export function isClaimId(id: unknown): id is string {
  return typeof id === 'string' && CLAIM_ID.test(id);
}

/** True when `id` is a well-formed evidence id. */
export function isEvidenceId(id: unknown): id is string {
  return typeof id === 'string' && EVIDENCE_ID.test(id);
}

/** Throws unless `id` is a node id whose prefix is `kind` (or any kind when omitted). */
export function assertNodeId(field: string, id: unknown, kind?: NodeKind): asserts id is string {
  const parsed = typeof id === 'string' ? parseNodeId(id) : null;
  if (!parsed) {
    throw new ValidationError(
      field,
      `${JSON.stringify(id)} is not a node id of the form kind:slug (e.g. symptom:brain-fog)`,
    );
  }
  if (kind !== undefined && parsed.kind !== kind) {
    throw new ValidationError(field, `"${String(id)}" must start with "${kind}:" for a ${kind}`);
  }
}

function slugOf(id: string): string {
  const colon = id.indexOf(':');
  return colon === -1 ? slugify(id) : id.slice(colon + 1);
}
