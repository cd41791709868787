/** Checks each record of a parsed seed file against the schema and the domain rules, one record at a time. */
import path from 'node:path';
import { isFibroGraphError, ValidationError } from '../domain/errors.ts';
import type { ClaimInput, SourceInput } from '../domain/inputs.ts';
import { isConceptKind, type ConceptKind } from '../domain/kinds.ts';
import { checkClaimInput, checkNodeInput, checkSourceInput } from '../domain/validate.ts';
import { recordIndexes, schemaProblems } from './schema-problems.ts';
import { parseFieldName, problemAt, type SeedFile } from './seed-file.ts';
import { fileProblem } from './read-seed-dir.ts';
import type { SeedProblem } from './seed-problem.ts';
import { seedValidators } from './seed-schema.ts';

/** Where a record came from. */
export interface RecordOrigin {
  readonly seedFile: SeedFile;
  readonly index: number;
}

/** A source as the domain checked it, plus the text the project holds for it. */
export type SeedSource = ReturnType<typeof checkSourceInput> & { readonly heldText: string | null };
/** A concept node as the domain checked it. */
export type SeedNode = ReturnType<typeof checkNodeInput>;
/** A claim as the domain checked it. */
export type SeedClaim = ReturnType<typeof checkClaimInput>;

/** A record that passed its own checks (`value`), or only its id and kind when it did not (`value` null). */
export interface CheckedRecord<T> extends RecordOrigin {
  readonly id: string | null;
  readonly kind: string | null;
  readonly value: T | null;
}

/** The checked records of one file and the problems found in them. */
export interface CheckedFile {
  readonly sources: CheckedRecord<SeedSource>[];
  readonly nodes: CheckedRecord<SeedNode>[];
  readonly claims: CheckedRecord<SeedClaim>[];
  readonly problems: SeedProblem[];
}

/** Runs the schema over the file, then the domain checks over each record the schema passed. */
export function checkSeedFile(seedFile: SeedFile): CheckedFile {
  const result: CheckedFile = { sources: [], nodes: [], claims: [], problems: [] };
  if (seedFile.data === undefined) return result;
  const validate = seedValidators()[seedFile.role];
  const schemaOk = validate(seedFile.data);
  const errors = schemaOk ? [] : (validate.errors ?? []);
  result.problems.push(...schemaProblems(seedFile, errors));
  if (!Array.isArray(seedFile.data)) return result;
  const broken = recordIndexes(errors);
  const fileKind = seedFile.role === 'nodes' ? nodeFileKind(seedFile, result.problems) : null;
  seedFile.data.forEach((raw: unknown, index) => {
    const origin = { seedFile, index };
    const skip = broken.has(index) || (seedFile.role === 'nodes' && fileKind === null);
    const checked = skip ? null : runDomainCheck(origin, raw, fileKind, result.problems);
    const id = recordId(raw);
    if (seedFile.role === 'sources') {
      result.sources.push({ ...origin, id, kind: 'source', value: checked as SeedSource | null });
    } else if (seedFile.role === 'nodes') {
      result.nodes.push({
        ...origin,
        id,
        kind: id?.split(':')[0] ?? null,
        value: checked as SeedNode | null,
      });
    } else {
      const claim = checked as SeedClaim | null;
      result.claims.push({ ...origin, id: claim?.id ?? id, kind: 'claim', value: claim });
    }
  });
  return result;
}

function runDomainCheck(
  origin: RecordOrigin,
  raw: unknown,
  fileKind: ConceptKind | null,
  problems: SeedProblem[],
): SeedSource | SeedNode | SeedClaim | null {
  try {
    const record = raw as Record<string, unknown>;
    switch (origin.seedFile.role) {
      case 'sources':
        return toSource(record);
      case 'nodes':
        return checkNodeInput({ ...(record as object), kind: fileKind } as Parameters<
          typeof checkNodeInput
        >[0]);
      case 'claims':
        return checkClaimInput(toClaimInput(record));
    }
  } catch (error) {
    if (!isFibroGraphError(error)) throw error;
    const field = error instanceof ValidationError ? seedFieldName(error.field) : '';
    const message =
      error instanceof ValidationError ? error.message.slice(error.field.length + 2) : error.message;
    problems.push(
      problemAt(origin.seedFile, [origin.index, ...parseFieldName(field)], 'bad-input', message, { field }),
    );
    return null;
  }
}

function toSource(record: Record<string, unknown>): SeedSource {
  const { heldText, pmid, ...fields } = record;
  // YAML reads an unquoted PubMed id as a number; the domain wants digits as a string.
  const input = {
    ...fields,
    ...(typeof pmid === 'number' ? { pmid: String(pmid) } : pmid === undefined ? {} : { pmid }),
  } as unknown as SourceInput;
  return { ...checkSourceInput(input), heldText: typeof heldText === 'string' ? heldText : null };
}

function toClaimInput(record: Record<string, unknown>): ClaimInput {
  const evidence = Array.isArray(record['evidence']) ? (record['evidence'] as Record<string, unknown>[]) : [];
  return {
    ...record,
    evidence: evidence.map(({ source, ...rest }) => ({ ...rest, sourceId: source })),
  } as unknown as ClaimInput;
}

/** The domain calls the evidence source `sourceId`; seed files call it `source`. */
function seedFieldName(field: string): string {
  return field.replace(/\.sourceId$/, '.source');
}

function nodeFileKind(seedFile: SeedFile, problems: SeedProblem[]): ConceptKind | null {
  const kind = path.basename(seedFile.relativePath, '.yaml');
  if (isConceptKind(kind)) return kind;
  problems.push(
    fileProblem(
      seedFile.file,
      'unknown-kind',
      `"${kind}" is not a node kind: files in nodes/ are named after their kind (theory.yaml, mechanism.yaml, symptom.yaml, therapy.yaml, anatomy.yaml, finding.yaml, question.yaml)`,
    ),
  );
  return null;
}

function recordId(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
