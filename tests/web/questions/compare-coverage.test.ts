import { describe, expect, it } from 'vitest';
import {
  compareChoiceProblem,
  countCoverage,
  isExplainedByAny,
  symptomCount,
  uniqueMechanismsOf,
  visibleCoverage,
  type Comparison,
} from '../../../web/src/panels/compare-coverage.ts';

function node(id: string, kind: 'THEORY' | 'MECHANISM' | 'SYMPTOM' = 'SYMPTOM') {
  return { id, name: id.toUpperCase(), kind };
}

const comparison: Comparison = {
  theories: [node('t1', 'THEORY'), node('t2', 'THEORY')],
  sharedMechanisms: [node('m-shared', 'MECHANISM')],
  uniqueMechanisms: [
    { theory: { id: 't1' }, mechanisms: [node('m1', 'MECHANISM')] },
    { theory: { id: 't2' }, mechanisms: [] },
  ],
  coverage: [
    { symptom: node('both'), covered: [true, true] },
    { symptom: node('first'), covered: [true, false] },
    { symptom: node('second'), covered: [false, true] },
    { symptom: node('neither'), covered: [false, false] },
  ],
};

describe('coverage rows', () => {
  it('hides symptoms no theory explains unless asked for all', () => {
    expect(visibleCoverage(comparison.coverage, false).map((row) => row.symptom.id)).toEqual([
      'both',
      'first',
      'second',
    ]);
    expect(visibleCoverage(comparison.coverage, true)).toHaveLength(4);
  });

  it('knows when any theory explains a row', () => {
    expect(comparison.coverage.map(isExplainedByAny)).toEqual([true, true, true, false]);
  });
});

describe('countCoverage', () => {
  it('counts per theory, by all and by none', () => {
    expect(countCoverage(comparison.coverage, 2)).toEqual({
      perTheory: [2, 2],
      byAll: 1,
      byNone: 1,
      total: 4,
    });
  });

  it('treats a missing cell as "does not explain"', () => {
    expect(countCoverage([{ symptom: node('short'), covered: [true] }], 2)).toEqual({
      perTheory: [1, 0],
      byAll: 0,
      byNone: 0,
      total: 1,
    });
  });
});

describe('uniqueMechanismsOf', () => {
  it('finds the mechanisms only one theory proposes', () => {
    expect(uniqueMechanismsOf(comparison, 't1').map((m) => m.id)).toEqual(['m1']);
    expect(uniqueMechanismsOf(comparison, 't2')).toEqual([]);
    expect(uniqueMechanismsOf(comparison, 'unknown')).toEqual([]);
  });
});

describe('compareChoiceProblem', () => {
  it('needs two to `most` different theories', () => {
    expect(compareChoiceProblem(['', 't2'], 10)).toBe('Choose at least two theories to compare.');
    expect(compareChoiceProblem(['t1', 't1'], 10)).toBe('Choose at least two theories to compare.');
    expect(compareChoiceProblem(['t1', 't2'], 10)).toBeNull();
    expect(compareChoiceProblem(['t1', 't2', 't3'], 10)).toBeNull();
    expect(compareChoiceProblem(['t1', 't2', 't3'], 2)).toBe('Choose at most 2 theories to compare.');
  });
});

describe('symptomCount', () => {
  it('pluralises', () => {
    expect(symptomCount(1)).toBe('1 symptom');
    expect(symptomCount(0)).toBe('0 symptoms');
  });
});
