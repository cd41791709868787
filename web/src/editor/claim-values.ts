/** The new-claim form's values and the CreateClaimInput they become. Pure. */
import type { CreateClaimInput, NodeKind, Relation } from './generated.ts';
import {
  checkEvidence,
  EMPTY_EVIDENCE,
  evidenceFields,
  type Choice,
  type EvidenceValues,
} from './evidence-values.ts';
import type { FieldErrors } from './field-errors.ts';

/** A chosen concept node: its kind tells which relations can start or end there. */
export interface NodeChoice extends Choice {
  readonly kind: NodeKind;
}

/** What the claim form holds; one evidence item to start with (more go through addEvidence). */
export interface ClaimValues {
  readonly from: NodeChoice | null;
  readonly to: NodeChoice | null;
  readonly relation: Relation | '';
  readonly summary: string;
  readonly evidence: EvidenceValues;
}

/** createClaim names its first evidence item `evidence[0]` in errors. */
export const CLAIM_EVIDENCE_PREFIX = 'evidence[0]';

/** Every field path the claim form shows. */
export const CLAIM_FIELDS: readonly string[] = [
  'from',
  'to',
  'relation',
  'summary',
  ...evidenceFields(CLAIM_EVIDENCE_PREFIX),
];

/** A blank form with the given ends. */
export function claimValues(from: NodeChoice | null, to: NodeChoice | null): ClaimValues {
  return { from, to, relation: '', summary: '', evidence: EMPTY_EVIDENCE };
}

/** The input for a new claim, or what is missing. */
export function checkClaim(
  values: ClaimValues,
): { readonly input: CreateClaimInput } | { readonly errors: FieldErrors } {
  const { from, to, relation } = values;
  const evidence = checkEvidence(values.evidence, CLAIM_EVIDENCE_PREFIX);
  const errors: FieldErrors = {
    ...(from === null ? { from: 'Choose the node the claim starts from.' } : {}),
    ...(to === null ? { to: 'Choose the node the claim points to.' } : {}),
    ...(from !== null && from.id === to?.id ? { to: 'A claim cannot connect a node to itself.' } : {}),
    ...(relation === '' ? { relation: 'Choose what the claim says.' } : {}),
    ...('errors' in evidence ? evidence.errors : {}),
  };
  if (from === null || to === null || relation === '' || 'errors' in evidence) return { errors };
  if (Object.keys(errors).length > 0) return { errors };
  const summary = values.summary.trim();
  return {
    input: {
      from: from.id,
      to: to.id,
      relation,
      ...(summary === '' ? {} : { summary }),
      evidence: [evidence.input],
    },
  };
}
