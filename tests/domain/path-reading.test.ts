/** Unit tests for the plain-language readings of claims and paths. */
import { describe, expect, it } from 'vitest';
import { claimReading, hopVerb, midSentence, pathReading } from '../../server/src/domain/path-reading.ts';

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
