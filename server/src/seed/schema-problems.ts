/** Turns JSON Schema errors into located seed problems with messages a curator can act on. */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { CONCEPT_KINDS } from '../domain/kinds.ts';
import { fieldName, problemAt, type DataPath, type SeedFile } from './seed-file.ts';
import type { SeedProblem, SeedProblemCode } from './seed-problem.ts';

/** One located problem per schema error, leaving out the noise `anyOf` branches produce. */
export function schemaProblems(seedFile: SeedFile, errors: readonly ErrorObject[]): SeedProblem[] {
  return errors
    .filter((error) => !error.schemaPath.includes('/anyOf/'))
    .map((error) => {
      const dataPath = pointerToPath(error.instancePath);
      const { code, message, path, at, field } = describe(error, dataPath);
      return problemAt(seedFile, path, code, message, { at, ...(field === undefined ? {} : { field }) });
    });
}

/** The record index each schema error belongs to (-1 when it is about the whole file). */
export function recordIndexes(errors: readonly ErrorObject[]): Set<number> {
  return new Set(errors.map((error) => Number(pointerToPath(error.instancePath)[0] ?? -1)));
}

interface Described {
  code: SeedProblemCode;
  message: string;
  path: DataPath;
  at: 'value' | 'key';
  /** Set when the problem is about a field that is not there (so `path` points at its parent). */
  field?: string;
}

function describe(error: ErrorObject, dataPath: DataPath): Described {
  const params = error.params as Record<string, unknown>;
  const plain = (message: string, code: SeedProblemCode = 'schema'): Described => ({
    code,
    message,
    path: dataPath,
    at: 'value',
  });
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      return {
        code: 'schema',
        message: `unknown field (expected one of ${known.join(', ')})`,
        path: [...dataPath, extra],
        at: 'key',
      };
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      const field = fieldName([...dataPath.slice(1), missing]);
      if (missing === 'evidence')
        return { ...plain('a claim needs at least one evidence item', 'missing-evidence'), field };
      return { ...plain('is required'), field };
    }
    case 'anyOf':
      return plain("needs a verbatim quote, a curator's note, or both");
    case 'minItems':
      return dataPath.at(-1) === 'evidence'
        ? plain('a claim needs at least one evidence item', 'missing-evidence')
        : plain(`must have at least ${String(params['limit'])} entries`);
    case 'enum':
      return plain(
        `${JSON.stringify(error.data)} is not one of ${(params['allowedValues'] as unknown[]).join(', ')}`,
      );
    case 'pattern':
      return describePattern(error, plain);
    case 'minLength':
      return plain('must not be empty');
    case 'type':
      return plain(`must be ${article(String(params['type']))}`);
    default:
      return plain(error.message ?? `breaks the schema rule "${error.keyword}"`);
  }
}

function describePattern(
  error: ErrorObject,
  plain: (message: string, code?: SeedProblemCode) => Described,
): Described {
  const value = JSON.stringify(error.data);
  const rule = error.schemaPath;
  if (rule.includes('/conceptNodeId/')) {
    const prefix = /^([^:]+):/.exec(String(error.data))?.[1];
    if (prefix !== undefined && !(CONCEPT_KINDS as readonly string[]).includes(prefix)) {
      return plain(
        `unknown node kind "${prefix}" in ${value} (kinds: ${CONCEPT_KINDS.join(', ')})`,
        'unknown-kind',
      );
    }
    return plain(`${value} is not a node id of the form kind:slug (lower-case letters, digits and hyphens)`);
  }
  if (rule.includes('/sourceId/')) return plain(`${value} is not a source id of the form source:slug`);
  if (rule.includes('/claimId/')) return plain(`${value} is not a claim id of the form claim:slug`);
  if (rule.includes('/line/')) return plain('must be a single line (no line breaks or tabs)');
  if (rule.includes('/curie/')) return plain(`${value} is not a CURIE such as HP:0033630`);
  const field = /\/(\w+)$/.exec(error.instancePath)?.[1];
  const expected = field === undefined ? undefined : FIELD_FORMATS[field];
  return plain(
    expected === undefined
      ? `${value} does not match ${String((error.params as { pattern?: unknown }).pattern)}`
      : `${value} ${expected}`,
  );
}

const FIELD_FORMATS: Readonly<Record<string, string>> = {
  doi: 'is not a DOI such as 10.1016/j.pain.2010.09.030 (no "doi:" prefix)',
  pmid: 'is not a PubMed id (digits only)',
  url: 'is not an http(s) URL',
  published: 'is not a date of the form YYYY-MM-DD',
  heldText: 'must name a .txt file in texts/, e.g. texts/my-post.txt',
};

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function article(type: string): string {
  const names = type.split(',');
  return names
    .map((name) => (name === 'array' ? 'a list' : name === 'object' ? 'a mapping' : `a ${name}`))
    .join(' or ');
}
