/** One parsed seed file: its YAML document, its plain data, and a way to turn a data path into a line and column. */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SeedProblem, SeedProblemCode, SeedProblemSeverity } from './seed-problem.ts';

/** What a seed file holds. */
export type SeedFileRole = 'sources' | 'nodes' | 'claims';

/** A path into the data: map keys and list indexes, e.g. `[3, 'evidence', 0, 'quote']`. */
export type DataPath = readonly (string | number)[];

/** A seed file after parsing. `data` is undefined when the YAML could not be parsed. */
export interface SeedFile {
  readonly file: string;
  /** Path relative to the seed folder, e.g. `claims/posts.yaml`. */
  readonly relativePath: string;
  readonly role: SeedFileRole;
  readonly data: unknown;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** Reads and parses one seed file, reporting YAML syntax errors (duplicate keys included). */
export async function readSeedFile(
  file: string,
  relativePath: string,
  role: SeedFileRole,
): Promise<{ seedFile: SeedFile; problems: SeedProblem[] }> {
  const text = await readFile(file, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = [...document.errors, ...document.warnings].map((issue): SeedProblem => {
    const { line, col } = lineCounter.linePos(issue.pos[0]);
    return {
      severity: 'error',
      code: 'yaml-syntax',
      file,
      line,
      column: col,
      field: '',
      message: issue.message.split('\n')[0] ?? issue.message,
    };
  });
  const data = document.errors.length === 0 ? (document.toJS() as unknown) : undefined;
  return { seedFile: { file, relativePath, role, data, document, lineCounter }, problems };
}

/** The line and column of the value at `dataPath` (or of its key), falling back to the nearest existing ancestor. */
export function locate(
  seedFile: SeedFile,
  dataPath: DataPath,
  at: 'value' | 'key' = 'value',
): { line: number; column: number } {
  let node: unknown = seedFile.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of dataPath.entries()) {
    const last = index === dataPath.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      offset = (last && at === 'key' ? keyStart : (valueStart ?? keyStart)) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = seedFile.lineCounter.linePos(offset);
  return { line, column: col };
}

/** A problem located at `dataPath` in `seedFile`. */
export function problemAt(
  seedFile: SeedFile,
  dataPath: DataPath,
  code: SeedProblemCode,
  message: string,
  options: { field?: string; at?: 'value' | 'key'; severity?: SeedProblemSeverity } = {},
): SeedProblem {
  const { line, column } = locate(seedFile, dataPath, options.at);
  return {
    severity: options.severity ?? 'error',
    code,
    file: seedFile.file,
    line,
    column,
    field: options.field ?? fieldName(dataPath.slice(1)),
    message,
  };
}

/** `['evidence', 0, 'quote']` → `evidence[0].quote`. */
export function fieldName(dataPath: DataPath): string {
  return dataPath.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    return name === '' ? segment : `${name}.${segment}`;
  }, '');
}

/** `evidence[0].quote` → `['evidence', 0, 'quote']`. */
export function parseFieldName(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
