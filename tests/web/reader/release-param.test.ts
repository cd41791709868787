/** The release a page reads: parsed from `?release=N`, kept in permalinks, dropped to go back. */
import { describe, expect, it } from 'vitest';
import { releaseOf, withRelease } from '../../../web/src/api/release.ts';
import { changeLines } from '../../../web/src/panels/release-changes.ts';

describe('the release parameter', () => {
  it('reads a release number and ignores anything else', () => {
    expect(releaseOf('?release=3&node=symptom:brain-fog')).toBe(3);
    expect(releaseOf('?node=symptom:brain-fog')).toBeNull();
    for (const bad of ['?release=0', '?release=-1', '?release=2x', '?release='])
      expect(releaseOf(bad)).toBeNull();
  });

  it('puts the release in front of a view’s query string', () => {
    expect(withRelease('node=symptom:brain-fog', 2)).toBe('release=2&node=symptom:brain-fog');
    expect(withRelease('', 2)).toBe('release=2');
    expect(withRelease('node=x:y', null)).toBe('node=x:y');
  });
});

describe('what changed since a release, in words', () => {
  it('says one line per difference', () => {
    const claim = { id: 'c', reading: 'A explains B', relationChanged: false, summaryChanged: true };
    expect(
      changeLines({
        from: { number: 1, name: 'v1' },
        to: null,
        nodesAdded: [{ id: 'symptom:dry-eyes', kind: 'SYMPTOM', name: 'Dry eyes', fields: [] }],
        nodesRemoved: [],
        nodesChanged: [{ id: 'symptom:brain-fog', kind: 'SYMPTOM', name: 'Brain fog', fields: ['summary'] }],
        claimsAdded: [{ ...claim, evidenceAdded: 0, evidenceRemoved: 0, evidenceChanged: 0 }],
        claimsRemoved: [],
        claimsChanged: [{ ...claim, evidenceAdded: 2, evidenceRemoved: 1, evidenceChanged: 0 }],
      }),
    ).toEqual([
      'Added symptom “Dry eyes”',
      'Changed “Brain fog”: summary',
      'New claim: A explains B',
      'Claim “A explains B”: summary, 2 evidence items added, 1 removed',
    ]);
  });
});
