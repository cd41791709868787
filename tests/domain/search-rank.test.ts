import { describe, expect, it } from 'vitest';
import type { ConceptNode } from '../../server/src/domain/model.ts';
import { rankSearchHits, searchTerms } from '../../server/src/domain/search-rank.ts';

const node = (id: string, name: string, extra: Partial<ConceptNode> = {}): ConceptNode => ({
  id,
  kind: 'symptom',
  name,
  summary: '',
  aliases: [],
  xrefs: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('search ranking', () => {
  const nodes = [
    node('symptom:fatigue', 'Fatigue', { xrefs: ['HP:0012378'] }),
    node('symptom:chronic-fatigue', 'Chronic fatigue', { summary: 'Fatigue lasting months.' }),
    node('symptom:fatigability', 'Fatigability'),
    node('symptom:brain-fog', 'Brain fog', { aliases: ['Fibro fog'] }),
    node('symptom:cafe-au-lait', 'Café au lait spots'),
  ];

  it('puts an exact name before a prefix and a prefix before a word inside', () => {
    expect(rankSearchHits(nodes, 'fatigue', 10).map((hit) => hit.node.id)).toEqual([
      'symptom:fatigue',
      'symptom:chronic-fatigue',
    ]);
    expect(rankSearchHits(nodes, 'fatig', 10).map((hit) => hit.node.id)).toEqual([
      'symptom:fatigue',
      'symptom:fatigability',
      'symptom:chronic-fatigue',
    ]);
  });

  it('matches CURIEs, ids, aliases and folded diacritics', () => {
    expect(rankSearchHits(nodes, 'hp:0012378', 1)[0]).toMatchObject({
      matchedField: 'xref',
      node: { id: 'symptom:fatigue' },
    });
    expect(rankSearchHits(nodes, 'symptom:brain-fog', 1)[0]).toMatchObject({ matchedField: 'id' });
    expect(rankSearchHits(nodes, 'fibro', 1)[0]).toMatchObject({
      matchedField: 'alias',
      matchedText: 'Fibro fog',
    });
    expect(rankSearchHits(nodes, 'cafe', 1)[0]?.node.id).toBe('symptom:cafe-au-lait');
  });

  it('treats operators and punctuation as plain text', () => {
    expect(searchTerms('brain* OR "fog" (AND)')).toEqual(['brain', 'or', 'fog', 'and']);
    expect(rankSearchHits(nodes, '" OR 1=1 --', 10)).toEqual([]);
  });
});
