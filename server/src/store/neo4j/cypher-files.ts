/**
 * Loads the Cypher the Neo4j store runs from the repository's `cypher/` folder: the schema
 * statements and one named, parameterised query per file. Nothing else builds Cypher.
 */
import { readdir, readFile } from 'node:fs/promises';

const CYPHER_DIR = new URL('../../../../cypher/', import.meta.url);

/** Every query the store runs, named after its file in `cypher/queries/`. */
export const QUERY_NAMES = [
  'activity-page',
  'add-user-token',
  'append-activity',
  'append-changes',
  'append-evidence',
  'await-indexes',
  'bump-revision',
  'claim-ids-by-triple',
  'claim-ids-citing',
  'claims-among',
  'claims-of',
  'contested-claims',
  'count-entities',
  'create-claims',
  'create-evidence',
  'create-nodes',
  'create-release',
  'create-user',
  'delete-claim-evidence',
  'delete-claims',
  'delete-evidence',
  'delete-graph-batch',
  'delete-node',
  'derived-figures-version',
  'export-claims',
  'export-nodes',
  'find-user-token',
  'get-change',
  'get-claims',
  'get-nodes',
  'get-review-record',
  'history-page',
  'list-nodes',
  'list-releases',
  'list-review-records',
  'list-users',
  'lock-claim',
  'lock-history',
  'lock-node',
  'lock-releases',
  'lock-review-record',
  'neighbourhood-records',
  'node-usage',
  'prune-rate-windows',
  'put-review-record',
  'rate-window-wait',
  'reach-edges',
  'read-revision',
  'release-snapshot',
  'replace-nodes',
  'revoke-user-token',
  'revoke-user-tokens',
  'search-candidates',
  'set-claim',
  'set-derived-figures-version',
  'stats',
  'take-rate-slot',
  'theory-members',
  'touch-user-token',
] as const;

/** The name of a query file, without `.cypher`. */
export type QueryName = (typeof QUERY_NAMES)[number];

/** Query texts by name. */
export type QueryTexts = ReadonlyMap<QueryName, string>;

let queries: Promise<QueryTexts> | null = null;

/** Reads every named query once per process; rejects when a file is missing. */
export function loadQueries(): Promise<QueryTexts> {
  queries ??= readQueries().catch((error: unknown) => {
    queries = null;
    throw error;
  });
  return queries;
}

/** The schema statements (constraints and indexes) in file order, one per `;`. */
export async function loadSchemaStatements(): Promise<string[]> {
  const dir = new URL('schema/', CYPHER_DIR);
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cypher')).sort();
  const statements: string[] = [];
  for (const file of files) {
    const text = withoutComments(await readFile(new URL(file, dir), 'utf8'));
    statements.push(
      ...text
        .split(';')
        .map((statement) => statement.trim())
        .filter((statement) => statement !== ''),
    );
  }
  return statements;
}

async function readQueries(): Promise<QueryTexts> {
  const dir = new URL('queries/', CYPHER_DIR);
  const entries = await Promise.all(
    QUERY_NAMES.map(async (name) => [name, await readFile(new URL(`${name}.cypher`, dir), 'utf8')] as const),
  );
  return new Map(entries);
}

// Comment lines go before the split on `;`; a comment after code on the same line would not.
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}
