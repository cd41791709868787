/** The JSON Schemas in seed/schema, compiled once, and the check that their vocabularies match the domain. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { EVIDENCE_LEVELS, STANCES } from '../domain/evidence-levels.ts';
import { CONCEPT_KINDS, NODE_KINDS, SOURCE_KINDS } from '../domain/kinds.ts';
import { RELATIONS } from '../domain/relations.ts';
import type { SeedFileRole } from './seed-file.ts';

/** Where the schemas live: the repository's seed/schema folder. */
export const SEED_SCHEMA_DIR = fileURLToPath(new URL('../../../seed/schema/', import.meta.url));

/** The enum each shared definition must hold, taken from the domain constants. */
export const SCHEMA_VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  nodeKind: NODE_KINDS,
  conceptKind: CONCEPT_KINDS,
  sourceKind: SOURCE_KINDS,
  relation: RELATIONS,
  evidenceLevel: EVIDENCE_LEVELS,
  stance: STANCES,
};

/** The id patterns the shared definitions must hold, built from the domain constants. */
export const SCHEMA_ID_PATTERNS: Readonly<Record<string, string>> = {
  conceptNodeId: `^(${CONCEPT_KINDS.join('|')}):[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$`,
  sourceId: '^source:[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$',
  claimId: '^claim:[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$',
};

/** A parsed schema file. */
export type SchemaDocument = Record<string, unknown> & { $defs?: Record<string, Record<string, unknown>> };

/** Reads one schema file from seed/schema. */
export function readSchema(name: string): SchemaDocument {
  return JSON.parse(readFileSync(`${SEED_SCHEMA_DIR}${name}`, 'utf8')) as SchemaDocument;
}

/** Lists every way common.schema.json has drifted from the domain constants (empty when in step). */
export function schemaDrift(common: SchemaDocument): string[] {
  const defs = common.$defs ?? {};
  const drift: string[] = [];
  for (const [name, expected] of Object.entries(SCHEMA_VOCABULARIES)) {
    const actual = defs[name]?.['enum'];
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      drift.push(
        `$defs.${name}.enum is ${JSON.stringify(actual)}, the domain has ${JSON.stringify(expected)}`,
      );
    }
  }
  for (const [name, expected] of Object.entries(SCHEMA_ID_PATTERNS)) {
    const actual = defs[name]?.['pattern'];
    if (actual !== expected)
      drift.push(`$defs.${name}.pattern is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  return drift;
}

let validators: Record<SeedFileRole, ValidateFunction> | undefined;

/** The compiled validator for each kind of seed file; throws if the schemas drifted from the domain. */
export function seedValidators(): Record<SeedFileRole, ValidateFunction> {
  if (validators) return validators;
  const common = readSchema('common.schema.json');
  const drift = schemaDrift(common);
  if (drift.length > 0)
    throw new Error(`seed/schema/common.schema.json is out of step with the domain: ${drift.join('; ')}`);
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, verbose: true });
  ajv.addSchema(common);
  validators = {
    sources: ajv.compile(readSchema('sources.schema.json')),
    nodes: ajv.compile(readSchema('nodes.schema.json')),
    claims: ajv.compile(readSchema('claims.schema.json')),
  };
  return validators;
}
