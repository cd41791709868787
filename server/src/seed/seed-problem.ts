/** Problems the seed validator reports: what went wrong, where, and how badly. */
import path from 'node:path';

/** Stable codes for seed problems; tests and tools match on these, never on message text. */
export type SeedProblemCode =
  | 'yaml-syntax'
  | 'schema'
  | 'bad-input'
  | 'missing-file'
  | 'unknown-kind'
  | 'duplicate-id'
  | 'duplicate-claim'
  | 'dangling-reference'
  | 'relation-not-allowed'
  | 'missing-evidence'
  | 'quote-not-verbatim'
  | 'quote-without-held-text'
  | 'held-text-missing'
  | 'unused-node'
  | 'uncited-source'
  | 'unregistered-identifier'
  | 'unused-reference'
  | 'ignored-file';

/** Errors make the seed invalid; warnings only point at something a curator may want to fix. */
export type SeedProblemSeverity = 'error' | 'warning';

/** One problem, located in a seed file (line and column are 1-based). */
export interface SeedProblem {
  readonly severity: SeedProblemSeverity;
  readonly code: SeedProblemCode;
  /** Absolute path of the file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The offending field inside its record, e.g. `evidence[0].quote`; empty for whole-record or file problems. */
  readonly field: string;
  readonly message: string;
}

/** `seed/claims/posts.yaml:42:9  evidence[0].quote: not found verbatim in …`, with the path relative to `cwd`. */
export function formatSeedProblem(problem: SeedProblem, cwd: string = process.cwd()): string {
  const where = `${path.relative(cwd, problem.file) || problem.file}:${problem.line}:${problem.column}`;
  const what = problem.field === '' ? problem.message : `${problem.field}: ${problem.message}`;
  return problem.severity === 'warning' ? `${where}  warning: ${what}` : `${where}  ${what}`;
}

/** Problems in file, line, column order (errors before warnings at the same place). */
export function sortSeedProblems(problems: readonly SeedProblem[]): SeedProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.severity, b.severity) ||
      compareText(a.field, b.field),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
