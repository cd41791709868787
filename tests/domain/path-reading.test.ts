/** Unit tests for the plain-language readings of claims and paths. */
import { describe, expect, it } from 'vitest';
import {
  claimReading,
  evidenceReading,
  hopVerb,
  midSentence,
  pathReading,
} from '../../server/src/domain/path-reading.ts';

describe('evidenceReading', () => {
  const against = { stance: 'disputes', level: 'guideline', recommendation: null } as const;
  it('reads a therapy claim nothing supports as what the evidence says, never as "may relieve"', () => {
    expect(
      evidenceReading(
        'Strong opioids',
        {
          relation: 'RELIEVES',
          evidence: [
            {
              ...against,
              recommendation: { strength: null, direction: 'against', evidenceBasis: 'expert-opinion' },
            },
          ],
        },
        'Chronic pain',
      ),
    ).toBe('Guideline recommends against strong opioids for chronic pain (strength not rated)');
    expect(
      evidenceReading(
        'Growth hormone',
        {
          relation: 'RELIEVES',
          evidence: [
            {
              ...against,
              recommendation: { strength: 'strong', direction: 'against', evidenceBasis: 'trials' },
            },
          ],
        },
        'Chronic pain',
      ),
    ).toBe('Guideline recommends against growth hormone for chronic pain (strong)');
    expect(
      evidenceReading(
        'NSAIDs',
        {
          relation: 'RELIEVES',
          evidence: [{ stance: 'disputes', level: 'systematic-review', recommendation: null }],
        },
        'Chronic pain',
      ),
    ).toBe('NSAIDs: not shown to relieve chronic pain');
  });

  it('reads supported therapy claims and every other relation as the relation table says', () => {
    const supported = [{ stance: 'supports', level: 'rct', recommendation: null }, against] as const;
    expect(
      evidenceReading('Aerobic exercise', { relation: 'RELIEVES', evidence: supported }, 'Myalgia'),
    ).toBe('Aerobic exercise may relieve myalgia');
    expect(evidenceReading('Katz', { relation: 'CAUSES', evidence: [against] }, 'Myalgia')).toBe(
      'Katz is proposed to cause myalgia',
    );
  });
});

describe('pathReading', () => {
  it('chains hops with ", which", using each relation verb and lower-casing names mid-sentence', () => {
    expect(
      pathReading(
        ['Aerobic exercise', 'Muscle ischaemia', 'Myalgia'],
        [
          { relation: 'RELIEVES', forward: true },
          { relation: 'CAUSES', forward: true },
        ],
      ),
    ).toBe('Aerobic exercise may relieve muscle ischaemia, which is proposed to cause myalgia');
  });

  it('reads a hop against the claim direction with the backwards verb', () => {
    expect(pathReading(['Myalgia', 'Heat therapy'], [{ relation: 'RELIEVES', forward: false }])).toBe(
      'Myalgia may be relieved by heat therapy',
    );
    expect(hopVerb({ relation: 'PROPOSES', forward: false })).toBe('is proposed by');
    expect(hopVerb({ relation: 'EXPLAINS', forward: true })).toBe('is proposed to explain');
  });

  it('keeps acronyms and capitalises the opening name', () => {
    expect(
      pathReading(
        ['central sensitization', 'HPA axis dysfunction', 'EULAR-listed fatigue'],
        [
          { relation: 'PROPOSES', forward: true },
          { relation: 'CAUSES', forward: true },
        ],
      ),
    ).toBe(
      'Central sensitization proposes HPA axis dysfunction, which is proposed to cause EULAR-listed fatigue',
    );
    expect(midSentence('Myalgia')).toBe('myalgia');
    expect(midSentence('HPA axis')).toBe('HPA axis');
    expect(midSentence('5-HT signalling')).toBe('5-HT signalling');
    expect(midSentence('')).toBe('');
  });

  it('reads a single claim, and refuses a name count that does not fit the hops', () => {
    expect(claimReading('Aerobic exercise', 'RELIEVES', 'Myalgia')).toBe(
      'Aerobic exercise may relieve myalgia',
    );
    expect(() => pathReading(['A'], [{ relation: 'CAUSES', forward: true }])).toThrow(RangeError);
  });
});
