/** Printing seed problems and import reports. */
import type { ImportReport } from '../store/graph-store.ts';
import { formatSeedProblem } from '../seed/seed-problem.ts';
import type { SeedValidation } from '../seed/validate-seed.ts';

/** Every problem of a validation, one per line. */
export function formatProblems(validation: SeedValidation, cwd: string): string {
  return validation.problems.map((problem) => `${formatSeedProblem(problem, cwd)}\n`).join('');
}

/** `6 sources, 16 nodes, 15 claims`. */
export function seedCounts(validation: SeedValidation): string {
  const { sources, nodes, claims } = validation.seed;
  return `${sources.length} sources, ${nodes.length} nodes, ${claims.length} claims`;
}

/** `3 created, 1 updated, 40 unchanged`. */
export function formatImportReport(report: ImportReport): string {
  return `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`;
}

/** `2 errors, 1 warning`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
