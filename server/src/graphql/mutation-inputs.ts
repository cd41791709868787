/**
 * GraphQL input objects → the domain's input types. GraphQL sends null for "cleared" and omits
 * untouched fields; the domain validators (server/src/domain/validate.ts) do all the checking.
 */
import { ValidationError } from '../domain/errors.ts';
import type {
  ClaimInput,
  ClaimPatch,
  EvidenceInput as DomainEvidenceInput,
  NodeInput,
  NodePatch,
  SourceInput,
  SourcePatch,
} from '../domain/inputs.ts';
import { isConceptKind } from '../domain/kinds.ts';
import type { ChangeOperation } from '../review/change-operation.ts';
import type {
  ChangeInput,
  ClaimPatchInput,
  CreateClaimInput,
  CreateNodeInput,
  CreateSourceInput,
  EvidenceInput,
  NodePatchInput,
  SourcePatchInput,
} from './generated/resolvers-types.ts';

/** A new concept node; `kind: SOURCE` is refused (sources have their own mutation). */
export function toNodeInput(input: CreateNodeInput): NodeInput {
  if (!isConceptKind(input.kind)) throw new ValidationError('kind', 'use createSource to add a source');
  return {
    kind: input.kind,
    name: input.name,
    ...present('id', input.id),
    ...present('summary', input.summary),
    ...present('aliases', input.aliases),
    ...present('xrefs', input.xrefs),
    ...present('status', input.status),
    ...present('decisiveObservation', input.decisiveObservation),
  };
}

/** A node patch: null for the name means "unchanged"; null clears the summary, aliases or xrefs. */
export function toNodePatch(patch: NodePatchInput): NodePatch {
  return {
    ...present('name', patch.name),
    ...(patch.summary === undefined ? {} : { summary: patch.summary ?? '' }),
    ...(patch.aliases === undefined ? {} : { aliases: patch.aliases ?? [] }),
    ...(patch.xrefs === undefined ? {} : { xrefs: patch.xrefs ?? [] }),
    ...present('status', patch.status),
    ...present('decisiveObservation', patch.decisiveObservation),
  };
}

/** A new source. */
export function toSourceInput(input: CreateSourceInput): SourceInput {
  const { id, sourceKind, title, name, summary, aliases, xrefs, authors, ...optional } = input;
  return {
    sourceKind,
    title,
    ...present('id', id),
    ...present('name', name),
    ...present('summary', summary),
    ...present('aliases', aliases),
    ...present('xrefs', xrefs),
    ...present('authors', authors),
    ...optional,
  };
}

/** A source patch: null leaves required fields unchanged and clears optional ones. */
export function toSourcePatch(patch: SourcePatchInput): SourcePatch {
  const { sourceKind, title, name, summary, aliases, xrefs, authors, ...optional } = patch;
  return {
    ...present('sourceKind', sourceKind),
    ...present('title', title),
    ...present('name', name),
    ...(summary === undefined ? {} : { summary: summary ?? '' }),
    ...(aliases === undefined ? {} : { aliases: aliases ?? [] }),
    ...(xrefs === undefined ? {} : { xrefs: xrefs ?? [] }),
    ...(authors === undefined ? {} : { authors: authors ?? [] }),
    ...optional,
  };
}

/** A new evidence item. */
export function toEvidenceInput(input: EvidenceInput): DomainEvidenceInput {
  const { id, unverified, concerns, ratingUp, recommendation, domainsAssessed, ...rest } = input;
  return {
    ...rest,
    // An omitted strength is one the guideline does not rate.
    ...(recommendation == null
      ? { recommendation }
      : { recommendation: { ...recommendation, strength: recommendation.strength ?? null } }),
    ...present('id', id),
    ...present('unverified', unverified),
    ...present('concerns', concerns),
    ...present('ratingUp', ratingUp),
    ...present('domainsAssessed', domainsAssessed),
  };
}

/** A new claim with its evidence. */
export function toClaimInput(input: CreateClaimInput): ClaimInput {
  return {
    relation: input.relation,
    from: input.from,
    to: input.to,
    summary: input.summary ?? null,
    evidence: input.evidence.map(toEvidenceInput),
    ...present('id', input.id),
  };
}

/** A claim patch: null for the relation means "unchanged"; null clears the summary. */
export function toClaimPatch(patch: ClaimPatchInput): ClaimPatch {
  return {
    ...present('relation', patch.relation),
    ...(patch.summary === undefined ? {} : { summary: patch.summary }),
  };
}

/** `{ [key]: value }` when the value was sent and is not null, else nothing. */
function present<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** A proposal's change: exactly one of the input's fields, converted as its mutation converts it. */
export function toChangeOperation(input: ChangeInput): ChangeOperation {
  const given = Object.values(input as Record<string, unknown>).filter((value) => value != null);
  if (given.length !== 1) {
    throw new ValidationError('change', `set exactly one kind of change (got ${given.length})`);
  }
  if (input.createNode) return { kind: 'createNode', input: toNodeInput(input.createNode) };
  if (input.createSource) return { kind: 'createSource', input: toSourceInput(input.createSource) };
  if (input.createClaim) return { kind: 'createClaim', input: toClaimInput(input.createClaim) };
  if (input.updateNode) {
    const { id, expectedVersion, patch } = input.updateNode;
    return { kind: 'updateNode', id, expectedVersion, patch: toNodePatch(patch) };
  }
  if (input.updateSource) {
    const { id, expectedVersion, patch } = input.updateSource;
    return { kind: 'updateSource', id, expectedVersion, patch: toSourcePatch(patch) };
  }
  if (input.updateClaim) {
    const { id, expectedVersion, patch } = input.updateClaim;
    return { kind: 'updateClaim', id, expectedVersion, patch: toClaimPatch(patch) };
  }
  if (input.deleteNode) return { kind: 'deleteNode', ...input.deleteNode };
  if (input.deleteClaim) return { kind: 'deleteClaim', ...input.deleteClaim };
  if (input.addEvidence) {
    const { claimId, expectedVersion, evidence } = input.addEvidence;
    return { kind: 'addEvidence', claimId, expectedVersion, evidence: toEvidenceInput(evidence) };
  }
  if (input.removeEvidence) return { kind: 'removeEvidence', ...input.removeEvidence };
  throw new ValidationError('change', 'set exactly one kind of change');
}
