/**
 * Reading a theory comparison: which coverage rows to show, what they add up to, and whether two
 * chosen theories can be compared. Pure; unit-tested in tests/web/questions.
 */
import type { CompareTheoriesQuery } from '../api/generated.ts';

/** The comparison as the CompareTheories query returns it. */
export type Comparison = CompareTheoriesQuery['compareTheories'];

/** One row of the symptom coverage matrix. */
export type CoverageRow = Comparison['coverage'][number];

/** True when at least one compared theory explains the row's symptom. */
export function isExplainedByAny(row: CoverageRow): boolean {
  return row.covered.some(Boolean);
}

/** The rows to show: every symptom, or only those at least one theory explains. */
export function visibleCoverage(coverage: readonly CoverageRow[], showAll: boolean): CoverageRow[] {
  return showAll ? [...coverage] : coverage.filter(isExplainedByAny);
}

/** What the coverage matrix adds up to. */
export interface CoverageCounts {
  /** Symptoms each theory explains, in the compared order. */
  readonly perTheory: readonly number[];
  /** Symptoms every compared theory explains. */
  readonly byAll: number;
  /** Symptoms no compared theory explains. */
  readonly byNone: number;
  readonly total: number;
}

export function countCoverage(coverage: readonly CoverageRow[], theoryCount: number): CoverageCounts {
  const perTheory = Array.from({ length: theoryCount }, (_, column) =>
    coverage.reduce((sum, row) => sum + (row.covered[column] === true ? 1 : 0), 0),
  );
  const byAll = coverage.filter(
    (row) => theoryCount > 0 && Array.from({ length: theoryCount }, (_, c) => row.covered[c]).every(Boolean),
  ).length;
  const byNone = coverage.filter((row) => !isExplainedByAny(row)).length;
  return { perTheory, byAll, byNone, total: coverage.length };
}

/** The mechanisms only `theoryId` proposes among the compared theories (empty when none). */
export function uniqueMechanismsOf(
  comparison: Comparison,
  theoryId: string,
): Comparison['uniqueMechanisms'][number]['mechanisms'] {
  return comparison.uniqueMechanisms.find((entry) => entry.theory.id === theoryId)?.mechanisms ?? [];
}

/** Why a choice of theories cannot be compared, in words; null when it can. */
export function compareChoiceProblem(ids: readonly string[], most: number): string | null {
  const distinct = new Set(ids.filter((id) => id !== ''));
  if (distinct.size < 2) return 'Choose at least two theories to compare.';
  if (distinct.size > most) return `Choose at most ${most} theories to compare.`;
  return null;
}

/** "3 symptoms" / "1 symptom". */
export function symptomCount(count: number): string {
  return `${count} ${count === 1 ? 'symptom' : 'symptoms'}`;
}
