/** The GRADE certainty rules, as a table over hand-built bodies of evidence: one case per rule and domain. */
import { describe, expect, it } from 'vitest';
import {
  assessCertainty,
  certaintyOf,
  CERTAINTY_STRENGTH,
  describeRecommendation,
  MAX_CERTAINTY_REASONS,
  OPTIMAL_INFORMATION_SIZE,
  ungradedNote,
  type Certainty,
  type CertaintyFactor,
  type GradedEvidence,
} from '../../server/src/domain/certainty.ts';
import { summarizeEvidence } from '../../server/src/domain/evidence-summary.ts';
import { RELATIONS, type Relation } from '../../server/src/domain/relations.ts';

type Item = Partial<GradedEvidence> & Pick<GradedEvidence, 'level'>;
// The curator judged the domains of every item unless a case says otherwise (the unappraised rule).
const body = (...items: Item[]): GradedEvidence[] =>
  items.map((item, index) => ({
    sourceId: `source:s${index}`,
    stance: 'supports',
    unverified: false,
    concerns: [],
    domainsAssessed: item.reportedCertainty == null,
    ...item,
  }));

const trials = { strength: 'weak', direction: 'for', evidenceBasis: 'trials' } as const;
const expertOpinion = { strength: 'weak', direction: 'for', evidenceBasis: 'expert-opinion' } as const;

interface Case {
  readonly name: string;
  /** Default CAUSES: graded, and not a therapy's effect (so no automatic imprecision). */
  readonly relation?: Relation;
  readonly evidence: GradedEvidence[];
  readonly certainty: Certainty;
  /** The reasons' factors with their changes, in order. */
  readonly steps: readonly [CertaintyFactor, number][];
}

const CASES: readonly Case[] = [
  // --- Where the grade starts ---------------------------------------------------------------------
  {
    name: 'one randomised trial starts high; one source alone is no reason to rate down',
    evidence: body({ level: 'rct' }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'one observational study starts low and stays low',
    evidence: body({ level: 'observational' }),
    certainty: 'low',
    steps: [['design', 0]],
  },
  {
    name: 'a systematic review of randomised trials starts high',
    evidence: body({ level: 'systematic-review', pooledDesign: 'rct' }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'a systematic review of observational studies starts low, like its studies',
    evidence: body({ level: 'systematic-review', pooledDesign: 'observational' }),
    certainty: 'low',
    steps: [['design', 0]],
  },
  {
    name: 'a systematic review whose pooled design is not recorded is taken as observational',
    evidence: body({ level: 'systematic-review' }),
    certainty: 'low',
    steps: [['design', 0]],
  },
  {
    name: 'a guideline item starts at the evidence its recommendation rests on: trials',
    evidence: body({ level: 'guideline', recommendation: trials }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'a guideline resting on expert opinion starts very low, however firm its recommendation',
    evidence: body({ level: 'guideline', recommendation: { ...expertOpinion, strength: 'strong' } }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
  {
    name: 'a guideline with no recorded basis is taken as expert opinion',
    evidence: body({ level: 'guideline' }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
  {
    name: 'a narrative review starts very low: its word for the evidence is expert opinion',
    evidence: body({ level: 'narrative-review' }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
  {
    name: 'a blog post: very low whatever else',
    evidence: body({ level: 'anecdote' }, { level: 'anecdote' }, { level: 'anecdote' }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
  {
    name: 'only disputing evidence: nothing supports it',
    evidence: body({ level: 'rct', stance: 'disputes' }),
    certainty: 'very-low',
    steps: [['no-support', 0]],
  },
  // --- GRADE's five domains -----------------------------------------------------------------------
  {
    name: 'risk of bias rates down once',
    evidence: body({ level: 'rct', concerns: ['risk-of-bias'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['risk-of-bias', -1],
    ],
  },
  {
    name: 'inconsistency: a dispute as strong as the support, from another study, is serious (−1)',
    evidence: body({ level: 'rct' }, { level: 'rct', stance: 'disputes' }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['inconsistency', -1],
    ],
  },
  {
    name: 'inconsistency: a dispute and a flagged heterogeneity together are very serious (−2)',
    evidence: body({ level: 'rct', concerns: ['inconsistency'] }, { level: 'rct', stance: 'disputes' }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['inconsistency', -2],
    ],
  },
  {
    name: 'inconsistency: a finding of the same study on another comparison is shown, not counted',
    evidence: body({ level: 'rct', studyId: 'NCT1' }, { level: 'rct', stance: 'disputes', studyId: 'NCT1' }),
    certainty: 'high',
    steps: [
      ['design', 0],
      ['inconsistency', 0],
    ],
  },
  {
    name: 'no grade falls below very low: the step shown is the step taken',
    evidence: body({ level: 'observational' }, { level: 'observational', stance: 'disputes' }),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['inconsistency', -1],
    ],
  },
  {
    name: 'inconsistency: a weaker dispute does not outweigh the best evidence; it is shown, not counted',
    evidence: body({ level: 'rct' }, { level: 'hypothesis', stance: 'disputes' }),
    certainty: 'high',
    steps: [
      ['design', 0],
      ['inconsistency', 0],
    ],
  },
  {
    name: 'inconsistency: a curator flags heterogeneity (a high I²) in the pooled studies',
    evidence: body({ level: 'systematic-review', pooledDesign: 'rct', concerns: ['inconsistency'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['inconsistency', -1],
    ],
  },
  {
    name: 'inconsistency counts once however it is shown: a dispute and a flag rate down at most twice',
    evidence: body({ level: 'rct', concerns: ['inconsistency'] }, { level: 'rct', stance: 'disputes' }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['inconsistency', -2],
    ],
  },
  {
    name: 'indirectness rates down once',
    evidence: body({ level: 'rct', concerns: ['indirect'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['indirect', -1],
    ],
  },
  {
    name: 'imprecision flagged by a curator',
    evidence: body({ level: 'rct', concerns: ['imprecise'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['imprecise', -1],
    ],
  },
  {
    name: "imprecision: a therapy's effect measured in fewer people than the optimal information size",
    relation: 'RELIEVES',
    evidence: body({ level: 'rct', participants: OPTIMAL_INFORMATION_SIZE - 1 }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['imprecise', -1],
    ],
  },
  {
    name: 'imprecision: enough people pooled across the lead studies is precise enough',
    relation: 'RELIEVES',
    evidence: body({ level: 'rct', participants: 250 }, { level: 'rct', participants: 250 }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'imprecision: two reports of one study count its participants once',
    relation: 'RELIEVES',
    evidence: body(
      { level: 'rct', participants: 250, studyId: 'NCT00000001' },
      { level: 'rct', participants: 250, studyId: 'NCT00000001' },
    ),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['imprecise', -1],
    ],
  },
  {
    name: 'imprecision: unknown participant counts rate nothing down on their own',
    relation: 'RELIEVES',
    evidence: body({ level: 'rct', participants: 30 }, { level: 'rct' }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'publication bias rates down once',
    evidence: body({ level: 'systematic-review', pooledDesign: 'rct', concerns: ['publication-bias'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['publication-bias', -1],
    ],
  },
  {
    name: 'three serious domains take trials to very low (as Cochrane rated amitriptyline)',
    relation: 'RELIEVES',
    evidence: body({
      level: 'systematic-review',
      pooledDesign: 'rct',
      participants: 649,
      concerns: ['risk-of-bias', 'imprecise', 'publication-bias'],
    }),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['risk-of-bias', -1],
      ['imprecise', -1],
      ['publication-bias', -1],
    ],
  },
  {
    name: 'a domain counts when at least half of the lead studies carry it',
    evidence: body({ level: 'rct', concerns: ['risk-of-bias'] }, { level: 'rct' }, { level: 'rct' }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  {
    name: 'unverified best support rates down once (beyond GRADE: a curation check)',
    evidence: body({ level: 'rct', unverified: true }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['unverified', -1],
    ],
  },
  // --- The body is judged by its appraisal --------------------------------------------------------
  {
    name: "a systematic review's domain judgements decide over a guideline restating the same trials",
    evidence: body(
      { level: 'guideline', recommendation: trials },
      { level: 'systematic-review', pooledDesign: 'rct', concerns: ['risk-of-bias'] },
    ),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['risk-of-bias', -1],
    ],
  },
  {
    name: 'weaker evidence beside the best neither raises nor lowers the grade',
    evidence: body({ level: 'rct' }, { level: 'anecdote', concerns: ['risk-of-bias'] }),
    certainty: 'high',
    steps: [['design', 0]],
  },
  // --- A review that rates the body itself ---------------------------------------------------------
  {
    name: "a review's own GRADE rating stands: it is not graded again from its pooled design",
    relation: 'RELIEVES',
    evidence: body({
      level: 'systematic-review',
      pooledDesign: 'rct',
      participants: 275,
      reportedCertainty: 'very-low',
    }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
  {
    name: "a review's own rating decides over a guideline item resting on the same trials",
    relation: 'RELIEVES',
    evidence: body(
      { level: 'guideline', recommendation: trials },
      { level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'moderate' },
      { level: 'regulatory' },
    ),
    certainty: 'moderate',
    steps: [['design', 0]],
  },
  {
    name: "a rated review answering a wider question (a drug class) is indirect for one drug's claim",
    relation: 'RELIEVES',
    evidence: body({
      level: 'systematic-review',
      pooledDesign: 'rct',
      reportedCertainty: 'moderate',
      concerns: ['indirect'],
    }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['indirect', -1],
    ],
  },
  {
    name: 'when two reviews rate the claim differently, the lower rating is taken',
    evidence: body(
      { level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'low' },
      { level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'high' },
    ),
    certainty: 'low',
    steps: [['design', 0]],
  },
  {
    name: 'a dispute at least as certain as the rated review rates it down once',
    evidence: body(
      { level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'moderate' },
      { level: 'rct', stance: 'disputes' },
    ),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['inconsistency', -1],
    ],
  },
  {
    name: 'a dispute less certain than the rated review is shown, not counted; unverified support rates down',
    evidence: body(
      { level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'moderate', unverified: true },
      { level: 'systematic-review', pooledDesign: 'rct', stance: 'disputes', reportedCertainty: 'very-low' },
    ),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['inconsistency', 0],
      ['unverified', -1],
    ],
  },
  // --- Nobody appraised it ------------------------------------------------------------------------
  {
    name: 'trials nobody appraised are held at low: high is a finding, not a default',
    evidence: body({ level: 'rct', domainsAssessed: false }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['unappraised', -2],
    ],
  },
  {
    name: "a guideline's trial-based level alone is held at low",
    relation: 'RELIEVES',
    evidence: body({ level: 'guideline', recommendation: trials, domainsAssessed: false }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['unappraised', -2],
    ],
  },
  {
    name: 'the cap comes after the domains: unappraised trials rated down once are held at low',
    evidence: body({ level: 'rct', domainsAssessed: false, concerns: ['risk-of-bias'] }),
    certainty: 'low',
    steps: [
      ['design', 0],
      ['risk-of-bias', -1],
      ['unappraised', -1],
    ],
  },
  {
    name: 'unappraised observational evidence stays low and is not rated up',
    evidence: body({ level: 'observational', domainsAssessed: false, ratingUp: ['large-effect'] }),
    certainty: 'low',
    steps: [['design', 0]],
  },
  {
    name: 'a review rating only a disputing body counts as no support',
    evidence: body({
      level: 'systematic-review',
      pooledDesign: 'rct',
      reportedCertainty: 'very-low',
      stance: 'disputes',
    }),
    certainty: 'very-low',
    steps: [['no-support', 0]],
  },
  // --- Rating up ----------------------------------------------------------------------------------
  {
    name: 'a large effect rates observational evidence up',
    evidence: body({ level: 'observational', ratingUp: ['large-effect'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['large-effect', 1],
    ],
  },
  {
    name: 'a large effect and a dose-response gradient rate observational evidence up twice',
    evidence: body({ level: 'observational', ratingUp: ['large-effect', 'dose-response'] }),
    certainty: 'high',
    steps: [
      ['design', 0],
      ['large-effect', 1],
      ['dose-response', 1],
    ],
  },
  {
    name: 'observational evidence rated down is not rated up',
    evidence: body({ level: 'observational', concerns: ['risk-of-bias'], ratingUp: ['large-effect'] }),
    certainty: 'very-low',
    steps: [
      ['design', 0],
      ['risk-of-bias', -1],
    ],
  },
  {
    name: 'trials are never rated up',
    evidence: body({ level: 'rct', concerns: ['imprecise'], ratingUp: ['large-effect'] }),
    certainty: 'moderate',
    steps: [
      ['design', 0],
      ['imprecise', -1],
    ],
  },
  {
    name: 'mechanistic evidence is not observational evidence and is not rated up',
    evidence: body({ level: 'mechanistic', ratingUp: ['dose-response'] }),
    certainty: 'very-low',
    steps: [['design', 0]],
  },
];

describe('assessCertainty', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const relation = testCase.relation ?? 'CAUSES';
      const assessed = assessCertainty(relation, testCase.evidence);
      expect(assessed.reasons.map((reason) => [reason.factor, reason.change])).toEqual(testCase.steps);
      expect(assessed.certainty).toBe(testCase.certainty);
      // The fast path the stores use agrees with the explained one.
      expect(certaintyOf(relation, testCase.evidence)).toBe(testCase.certainty);
      expect(assessed.reasons.length).toBeLessThanOrEqual(MAX_CERTAINTY_REASONS);
    });
  }

  it('explains each step in words a reader can follow', () => {
    const assessed = assessCertainty(
      'CAUSES',
      body({ level: 'observational' }, { level: 'observational', stance: 'disputes' }),
    );
    expect(assessed.reasons.map((reason) => reason.text)).toEqual([
      'starts low: the best support is an observational study',
      'one item disputes it, at least as strong as the best support',
    ]);
    expect(assessed.summary).toBe('very low: two observational studies, one disputing');
    expect(
      assessCertainty(
        'RELIEVES',
        body({ level: 'systematic-review', pooledDesign: 'rct', participants: 120 }),
      ).reasons[1]?.text,
    ).toBe(
      "the best evidence studied 120 people, fewer than the 400 GRADE's rule of thumb asks for a precise estimate",
    );
    expect(
      assessCertainty('RELIEVES', body({ level: 'guideline', recommendation: trials })).reasons[0]?.text,
    ).toBe('starts high: the best support is a guideline resting on trials');
    expect(
      assessCertainty(
        'RELIEVES',
        body({ level: 'systematic-review', pooledDesign: 'rct', reportedCertainty: 'low' }),
      ).reasons[0]?.text,
    ).toBe('starts low: the review itself rates the evidence low (GRADE)');
  });

  it('says a recommendation in words, apart from the certainty', () => {
    expect(describeRecommendation(trials)).toBe('weak recommendation for (based on trials)');
    expect(
      describeRecommendation({ strength: 'strong', direction: 'against', evidenceBasis: 'expert-opinion' }),
    ).toBe('strong recommendation against (based on expert opinion)');
  });

  it('orders strengths with the grades, so paths rank by certainty', () => {
    expect(CERTAINTY_STRENGTH.high).toBeGreaterThan(CERTAINTY_STRENGTH.moderate);
    expect(CERTAINTY_STRENGTH.moderate).toBeGreaterThan(CERTAINTY_STRENGTH.low);
    expect(CERTAINTY_STRENGTH.low).toBeGreaterThan(CERTAINTY_STRENGTH['very-low']);
  });
});

describe('claims that assert no effect', () => {
  const UNGRADED: readonly Relation[] = ['PROPOSES', 'EXPLAINS', 'BUILDS_ON', 'CONFLICTS_WITH', 'TESTS'];
  const strong = body({ level: 'systematic-review', pooledDesign: 'rct' });

  it('are not graded, whatever their evidence, and say why', () => {
    for (const relation of UNGRADED) {
      const assessed = assessCertainty(relation, strong);
      expect(assessed.certainty, relation).toBeNull();
      expect(assessed.reasons).toEqual([]);
      expect(assessed.note).toMatch(/^not graded: /);
      expect(assessed.summary).toBe(assessed.note);
      expect(certaintyOf(relation, strong)).toBeNull();
    }
    expect(ungradedNote('TESTS')).toBe('not graded: a research link (what a question would test)');
  });

  it('are neutral for ranking: strength 1, so they never weaken a chain', () => {
    const summary = summarizeEvidence('PROPOSES', body({ level: 'anecdote' }));
    expect(summary).toMatchObject({ certainty: null, strength: 1, bestLevel: 'anecdote', supportCount: 1 });
  });

  it('while every effect and association relation is graded', () => {
    const graded = RELATIONS.filter((relation) => !UNGRADED.includes(relation));
    expect(graded.sort()).toEqual([
      'ASSOCIATED_WITH',
      'CAUSES',
      'INVOLVES',
      'LOCATED_IN',
      'RELIEVES',
      'TARGETS',
    ]);
    for (const relation of graded) expect(certaintyOf(relation, strong), relation).toBe('high');
  });
});
