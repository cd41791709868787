/** The GRADE-like certainty rules, as a table over hand-built bodies of evidence. */
import { describe, expect, it } from 'vitest';
import {
  assessCertainty,
  CERTAINTY_STRENGTH,
  type Certainty,
  type CertaintyFactor,
  type GradedEvidence,
} from '../../server/src/domain/certainty.ts';

type Item = Partial<GradedEvidence> & Pick<GradedEvidence, 'level'>;
const body = (...items: Item[]): GradedEvidence[] =>
  items.map((item, index) => ({
    sourceId: `source:s${index}`,
    stance: 'supports',
    unverified: false,
    concerns: [],
    ...item,
  }));

interface Case {
  readonly name: string;
  readonly evidence: GradedEvidence[];
  readonly certainty: Certainty;
  /** The reasons' factors with their changes, in order. */
  readonly steps: readonly [CertaintyFactor, number][];
  readonly summary: string;
}

const CASES: readonly Case[] = [
  {
    name: 'one trial from one source: high, rated down once for a single source',
    evidence: body({ level: 'rct' }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['single-source', -1],
    ],
    summary: 'moderate: a randomised trial',
  },
  {
    name: 'two trials from two sources',
    evidence: body({ level: 'rct' }, { level: 'rct' }),
    certainty: 'high',
    steps: [['design', 0]],
    summary: 'high: two randomised trials',
  },
  {
    name: 'two observational studies, one disputing',
    evidence: body({ level: 'observational' }, { level: 'observational', stance: 'disputes' }),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['inconsistency', -2],
    ],
    summary: 'very low: two observational studies, one disputing',
  },
  {
    name: 'two observational studies disputed only by a hypothesis paper',
    evidence: body(
      { level: 'observational' },
      { level: 'observational' },
      { level: 'hypothesis', stance: 'disputes' },
    ),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['inconsistency', -1],
    ],
    summary: 'very low: two observational studies; a hypothesis paper, disputing',
  },
  {
    name: 'three concordant observational sources: rated up',
    evidence: body({ level: 'observational' }, { level: 'observational' }, { level: 'observational' }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['concordant-sources', 1],
    ],
    summary: 'moderate: three observational studies',
  },
  {
    name: 'one blog post: very low whatever else',
    evidence: body({ level: 'anecdote' }),
    certainty: 'very-low',
    steps: [['design', 0]],
    summary: 'very low: a personal account',
  },
  {
    name: 'a guideline judged indirect for this claim (a class-level statement)',
    evidence: body({ level: 'guideline', concerns: ['indirect'] }, { level: 'rct' }),
    // Half of the best support carries the concern: that counts.
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['indirect', -1],
    ],
    summary: 'moderate: a guideline; a randomised trial',
  },
  {
    name: 'unverified best support and risk of bias',
    evidence: body(
      { level: 'rct', unverified: true, concerns: ['risk-of-bias'] },
      { level: 'rct', concerns: ['risk-of-bias'] },
    ),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['unverified', -1],
      ['risk-of-bias', -1],
    ],
    summary: 'low: two randomised trials',
  },
  {
    name: 'only disputing evidence',
    evidence: body({ level: 'rct', stance: 'disputes' }),
    certainty: 'very-low',
    steps: [['no-support', 0]],
    summary: 'very low: a randomised trial, disputing',
  },
  {
    name: 'several items of one source do not count as independent',
    evidence: body(
      { level: 'observational', sourceId: 'source:one' },
      { level: 'observational', sourceId: 'source:one' },
      { level: 'observational', sourceId: 'source:one' },
    ),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['single-source', -1],
    ],
    summary: 'very low: three observational studies',
  },
];

describe('assessCertainty', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const assessed = assessCertainty(testCase.evidence);
      expect(assessed.reasons.map((reason) => [reason.factor, reason.change])).toEqual(testCase.steps);
      expect(assessed.summary).toBe(testCase.summary);
      expect(assessed.certainty).toBe(testCase.certainty);
    });
  }

  it('explains each step in words a reader can follow', () => {
    const { reasons } = assessCertainty(
      body({ level: 'observational' }, { level: 'observational', stance: 'disputes' }),
    );
    expect(reasons.map((reason) => reason.text)).toEqual([
      'starts low: the best support is an observational study',
      'one item disputes it, at least as strong as the support',
    ]);
  });

  it('orders strengths with the grades, so paths rank by certainty', () => {
    expect(CERTAINTY_STRENGTH.high).toBeGreaterThan(CERTAINTY_STRENGTH.moderate);
    expect(CERTAINTY_STRENGTH.moderate).toBeGreaterThan(CERTAINTY_STRENGTH.low);
    expect(CERTAINTY_STRENGTH.low).toBeGreaterThan(CERTAINTY_STRENGTH['very-low']);
  });
});
