import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_LEVELS,
  isAtLeast,
  LEVEL_WEIGHTS,
  summarizeEvidence,
} from '../../server/src/domain/evidence-levels.ts';

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

  it('derives strength from the best support, reduced by half the best dispute', () => {
    expect(
      summarizeEvidence([
        { level: 'rct', stance: 'supports' },
        { level: 'anecdote', stance: 'supports' },
      ]),
    ).toEqual({
      strength: 0.8,
      contested: false,
      bestLevel: 'rct',
      supportCount: 2,
      disputeCount: 0,
    });
    expect(
      summarizeEvidence([
        { level: 'anecdote', stance: 'supports' },
        { level: 'hypothesis', stance: 'disputes' },
      ]),
    ).toMatchObject({
      strength: 0,
      contested: true,
      bestLevel: 'hypothesis',
    });
    expect(
      summarizeEvidence([
        { level: 'guideline', stance: 'supports' },
        { level: 'observational', stance: 'disputes' },
      ]).strength,
    ).toBe(0.7);
    expect(summarizeEvidence([{ level: 'rct', stance: 'disputes' }])).toMatchObject({
      strength: 0,
      contested: false,
      supportCount: 0,
    });
  });
});
