/** How the details panel groups a node's claims and how tables spell strength. */
import { describe, expect, it } from 'vitest';
import type { Relation } from '../../../web/src/api/generated.ts';
import {
  certaintyText,
  groupClaimsByRelation,
  stanceText,
  studyText,
} from '../../../web/src/panels/claims.ts';

function claim(id: string, relation: Relation) {
  return { id, relation };
}

describe('groupClaimsByRelation', () => {
  it('groups in the relation table order and keeps each group in the given order', () => {
    const groups = groupClaimsByRelation([
      claim('c1', 'EXPLAINS'),
      claim('c2', 'PROPOSES'),
      claim('c3', 'EXPLAINS'),
      claim('c4', 'LOCATED_IN'),
    ]);
    expect(groups.map((group) => group.relation)).toEqual(['PROPOSES', 'EXPLAINS', 'LOCATED_IN']);
    expect(groups[1]?.claims.map((item) => item.id)).toEqual(['c1', 'c3']);
  });

  it('has no groups for no claims', () => {
    expect(groupClaimsByRelation([])).toEqual([]);
  });
});

describe('certainty and study in words', () => {
  it('spells a grade as readers say it', () => {
    expect(certaintyText('VERY_LOW')).toBe('very low');
    expect(certaintyText('HIGH')).toBe('high');
  });

  it('puts design, participants and population on one line, leaving out what is not recorded', () => {
    expect(studyText({ design: 'case-control', participants: 60, population: 'adults' })).toBe(
      'case-control; 60 people; adults',
    );
    expect(studyText({ participants: 1 })).toBe('1 person');
    expect(studyText({ design: null, participants: null, population: null })).toBeNull();
  });
});

describe('stanceText', () => {
  it('reads a guideline on a therapy as a recommendation for or against it', () => {
    expect(stanceText('DISPUTES', 'GUIDELINE', 'RELIEVES')).toBe('Guideline recommends against');
    expect(stanceText('SUPPORTS', 'GUIDELINE', 'TARGETS')).toBe('Guideline recommends');
  });

  it('keeps supports and disputes for other evidence and for guidelines on other claims', () => {
    expect(stanceText('DISPUTES', 'RCT', 'RELIEVES')).toBe('Disputes');
    expect(stanceText('DISPUTES', 'GUIDELINE', 'EXPLAINS')).toBe('Disputes');
    expect(stanceText('SUPPORTS', 'OBSERVATIONAL', 'CAUSES')).toBe('Supports');
  });
});
