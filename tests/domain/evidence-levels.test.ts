import { describe, expect, it } from 'vitest';
import type { GradedEvidence } from '../../server/src/domain/certainty.ts';
import { EVIDENCE_LEVELS, isAtLeast, LEVEL_WEIGHTS } from '../../server/src/domain/evidence-levels.ts';
import { summarizeEvidence } from '../../server/src/domain/evidence-summary.ts';

const item = (level: GradedEvidence['level'], stance: GradedEvidence['stance'], sourceId = 'source:a') => ({
  level,
  stance,
  sourceId,
  unverified: false,
  concerns: [],
  domainsAssessed: true,
});

describe('evidence levels', () => {
  it('orders levels strongest first with strictly falling weights', () => {
    expect(EVIDENCE_LEVELS[0]).toBe('guideline');
    expect(EVIDENCE_LEVELS.at(-1)).toBe('anecdote');
    const weights = EVIDENCE_LEVELS.map((level) => LEVEL_WEIGHTS[level]);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(new Set(weights).size).toBe(weights.length);
    expect(isAtLeast('rct', 'observational')).toBe(true);
    expect(isAtLeast('anecdote', 'hypothesis')).toBe(false);
  });

  it('derives certainty, a strength that follows it, counts, best level and the contested flag', () => {
    expect(
      summarizeEvidence('CAUSES', [
        item('rct', 'supports', 'source:a'),
        item('anecdote', 'supports', 'source:b'),
      ]),
    ).toEqual({
      certainty: 'high',
      strength: 1,
      contested: false,
      bestLevel: 'rct',
      supportCount: 2,
      disputeCount: 0,
    });
    expect(
      summarizeEvidence('CAUSES', [item('anecdote', 'supports'), item('hypothesis', 'disputes')]),
    ).toMatchObject({
      certainty: 'very-low',
      strength: 0.25,
      contested: true,
      bestLevel: 'hypothesis',
    });
    expect(summarizeEvidence('RELIEVES', [item('rct', 'disputes')])).toMatchObject({
      certainty: 'very-low',
      contested: false,
      supportCount: 0,
    });
  });
});
