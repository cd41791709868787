/** What-if weighting: which items a weighting keeps, how a weighed claim is graded, and bad input. */
import { describe, expect, it } from 'vitest';
import type { EvidenceLevel, Stance } from '../../server/src/domain/evidence-levels.ts';
import type { Claim, Evidence } from '../../server/src/domain/model.ts';
import {
  resolveWeighting,
  weighClaim,
  weighClaims,
  weighNeighbourhood,
  type EvidenceWeighting,
} from '../../server/src/domain/weighting.ts';
import { builtClaim, evidenceItem } from './claim-builders.ts';

const item = (
  id: string,
  level: EvidenceLevel,
  stance: Stance,
  sourceId: string,
  unverified = false,
): Evidence =>
  evidenceItem({ id: `evidence:${id}`, sourceId, level, stance, unverified, domainsAssessed: true });

const claim = (id: string, from: string, to: string, evidence: Evidence[]): Claim =>
  builtClaim({ id: `claim:${id}`, relation: 'CAUSES', from, to, evidence });

const MIXED = claim('mixed', 'mechanism:a', 'symptom:b', [
  item('trial', 'rct', 'supports', 'source:trial'),
  item('trial2', 'rct', 'supports', 'source:trial2', true),
  item('blog', 'anecdote', 'supports', 'source:blog'),
  // A review of trials that finds no effect: a dispute as strong as the best support.
  evidenceItem({
    id: 'evidence:review',
    sourceId: 'source:review',
    level: 'systematic-review',
    stance: 'disputes',
    pooledDesign: 'rct',
    domainsAssessed: true,
  }),
]);

const weigh = (weighting: EvidenceWeighting) => {
  const resolved = resolveWeighting(weighting);
  if (resolved === null) throw new Error('expected a weighting');
  return weighClaim(MIXED, resolved);
};

describe('what-if weighting', () => {
  it.each([
    {
      weighting: { leaveOutLevels: ['anecdote'] },
      kept: ['trial', 'trial2', 'review'],
      certainty: 'low',
    },
    // Two trials, no dispute left: high, rated down once because one of the two is unverified.
    {
      weighting: { leaveOutStances: ['disputes'] },
      kept: ['trial', 'trial2', 'blog'],
      certainty: 'moderate',
    },
    {
      weighting: { leaveOutSources: ['source:review'] },
      kept: ['trial', 'trial2', 'blog'],
      certainty: 'moderate',
    },
    // Without the unverified trial nothing rates it down (the blog is a second source of support).
    {
      weighting: { leaveOutStances: ['disputes'], leaveOutUnverified: true },
      kept: ['trial', 'blog'],
      certainty: 'high',
    },
  ] as { weighting: EvidenceWeighting; kept: string[]; certainty: string }[])(
    'leaves out $weighting and grades the claim from what is kept',
    ({ weighting, kept, certainty }) => {
      const weighed = weigh(weighting);
      expect(weighed?.evidence.map((e) => e.id)).toEqual(kept.map((id) => `evidence:${id}`));
      expect(weighed).toMatchObject({ certainty, setAside: MIXED.evidence.length - kept.length });
    },
  );

  it('starts from the stored grade, which the dispute pulls down', () => {
    expect(MIXED.certainty).toBe('low');
    expect(MIXED.contested).toBe(true);
  });

  it('drops a claim with nothing kept, and leaves everything in for an empty weighting', () => {
    expect(weigh({ leaveOutStances: ['supports', 'disputes'] })).toBeNull();
    expect(resolveWeighting({})).toBeNull();
    expect(resolveWeighting({ leaveOutLevels: [], leaveOutUnverified: false })).toBeNull();
    expect(weighClaims([MIXED], null)).toEqual([MIXED]);
  });

  it('names the field at fault in a weighting it cannot read', () => {
    expect(() => resolveWeighting({ leaveOutLevels: ['rumour' as EvidenceLevel] })).toThrow(
      expect.objectContaining({ field: 'weighting.leaveOutLevels' }),
    );
    expect(() => resolveWeighting({ leaveOutStances: ['neutral' as Stance] })).toThrow(
      expect.objectContaining({ field: 'weighting.leaveOutStances' }),
    );
    expect(() => resolveWeighting({ leaveOutSources: ['symptom:x'] })).toThrow(
      expect.objectContaining({ field: 'weighting.leaveOutSources[0]' }),
    );
    expect(() =>
      resolveWeighting({ leaveOutSources: Array.from({ length: 101 }, (_, i) => `source:s${i}`) }),
    ).toThrow(expect.objectContaining({ field: 'weighting.leaveOutSources' }));
  });

  it('walks a neighbourhood again, so a node reached only through a dropped claim goes with it', () => {
    const near = claim('near', 'mechanism:a', 'symptom:b', [item('n1', 'rct', 'supports', 'source:trial')]);
    const far = claim('far', 'symptom:b', 'finding:c', [item('f1', 'anecdote', 'supports', 'source:blog')]);
    const side = claim('side', 'mechanism:a', 'finding:d', [
      item('s1', 'anecdote', 'supports', 'source:blog'),
    ]);
    const kinds = {
      'mechanism:a': 'mechanism',
      'symptom:b': 'symptom',
      'finding:c': 'finding',
      'finding:d': 'finding',
    } as const;
    const nodes = Object.entries(kinds).map(([id, kind]) => ({ id, kind }));
    const weighting = resolveWeighting({ leaveOutLevels: ['anecdote'] });
    if (weighting === null) throw new Error('expected a weighting');
    const result = weighNeighbourhood(
      { nodes, claims: [near, far, side], truncated: false },
      'mechanism:a',
      { depth: 2 },
      weighting,
    );
    expect(result.nodes.map((n) => n.id)).toEqual(['mechanism:a', 'symptom:b']);
    expect(result.claims.map((c) => c.id)).toEqual(['claim:near']);
  });
});
