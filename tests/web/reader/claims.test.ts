/** How the details panel groups a node's claims and how tables spell strength. */
import { describe, expect, it } from 'vitest';
import type { Relation } from '../../../web/src/api/generated.ts';
import { groupClaimsByRelation, strengthText } from '../../../web/src/panels/claims.ts';

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

describe('strengthText', () => {
  it('gives two decimals out of 1, clamped', () => {
    expect(strengthText(0.8)).toBe('0.80 of 1');
    expect(strengthText(0)).toBe('0.00 of 1');
    expect(strengthText(1.2)).toBe('1.00 of 1');
  });
});
