import { describe, expect, it } from 'vitest';
import type { ConceptNode, GraphNode } from '../../server/src/domain/model.ts';
import { normalizeForSearch, rankSearchHits } from '../../server/src/domain/search-rank.ts';
import { SearchIndex } from '../../server/src/store/embedded/search-index.ts';

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

const ids = (nodes: readonly GraphNode[]): string[] => nodes.map((item) => item.id).sort();

/** The rule the index implements: every token prefixes a name, alias or xref word of the node. */
function matches(item: GraphNode, tokens: readonly string[]): boolean {
  const words = [item.name, ...item.aliases, ...item.xrefs].flatMap((text) =>
    normalizeForSearch(text).split(/[\s:.]+/),
  );
  return tokens.every((token) => words.some((word) => word !== '' && word.startsWith(token)));
}

/** A deterministic pseudo-random graph with a small vocabulary, so prefixes and scores tie often. */
function syntheticNodes(count: number, seed = 7): ConceptNode[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const vocabulary = ['fat', 'fatigue', 'fatigability', 'fog', 'brain', 'pain', 'painful', 'café', 'sleep'];
  const phrase = (): string =>
    Array.from({ length: 1 + next(3) }, () => vocabulary[next(vocabulary.length)] ?? '').join(' ');
  return Array.from({ length: count }, (_, i) =>
    node(`symptom:n${String(i).padStart(4, '0')}`, phrase(), {
      kind: i % 3 === 0 ? 'mechanism' : 'symptom',
      aliases: next(2) === 0 ? [phrase()] : [],
      xrefs: next(3) === 0 ? [`HP:${String(next(100)).padStart(7, '0')}`] : [],
      summary: phrase(),
    }),
  );
}

describe('embedded search index', () => {
  it('finds the nodes whose name, alias or xref words every token prefixes', () => {
    const nodes = syntheticNodes(400);
    const index = new SearchIndex();
    index.addMany(nodes);
    for (const tokens of [
      ['fat'],
      ['f'],
      ['fog', 'br'],
      ['cafe'],
      ['hp', '00000'],
      ['sleep', 'pain', 'fa'],
      ['x'],
    ]) {
      const found = index.candidates(tokens, new Set(), 10_000);
      const expected = nodes.filter((item) => matches(item, tokens));
      expect(found.count).toBe(expected.length);
      expect(ids(found.nodes)).toEqual(ids(expected));
    }
  });

  it('filters by kind before counting', () => {
    const nodes = syntheticNodes(300);
    const index = new SearchIndex();
    index.addMany(nodes);
    const found = index.candidates(['fa'], new Set(['mechanism']), 10_000);
    const expected = nodes.filter((item) => item.kind === 'mechanism' && matches(item, ['fa']));
    expect(ids(found.nodes)).toEqual(ids(expected));
  });

  it('cuts a one-token query to candidates that rank exactly as all of them would', () => {
    // Summaries are left out: they only matter when the index finds fewer candidates than asked for.
    const nodes = syntheticNodes(600).map((item) => ({ ...item, summary: '' }));
    const index = new SearchIndex();
    index.addMany(nodes);
    for (const query of ['f', 'fa', 'fat', 'fatigue', 'fog', 'p', 'pain', 'caf', 'hp', '0000', 's']) {
      for (const first of [1, 5, 10, 37]) {
        const found = index.candidates([query], new Set(), first);
        expect(found.nodes.length).toBeLessThan(found.count);
        const expected = rankSearchHits(nodes, query, first);
        expect(rankSearchHits(found.nodes, query, first)).toEqual(expected);
      }
    }
  });

  it('sees added, renamed and removed nodes, before and after the side index is merged', () => {
    const nodes = syntheticNodes(200);
    const index = new SearchIndex();
    index.addMany(nodes.slice(0, 100));
    for (const item of nodes.slice(100)) index.put(item);
    const live = new Map<string, GraphNode>(nodes.map((item) => [item.id, item]));
    const check = (): void => {
      for (const tokens of [['fat'], ['zebra'], ['fog', 'b'], ['hp']]) {
        const expected = [...live.values()].filter((item) => matches(item, tokens));
        expect(ids(index.candidates(tokens, new Set(), 10_000).nodes)).toEqual(ids(expected));
      }
    };
    check();
    // Thousands of writes force several merges of the side index into the main one.
    for (let round = 0; round < 30; round++) {
      for (const [i, item] of nodes.entries()) {
        if ((i + round) % 7 === 0) {
          index.remove(item.id);
          live.delete(item.id);
        } else {
          const renamed =
            (i + round) % 3 === 0 ? { ...item, name: `zebra ${item.name}`, aliases: ['Fog beast'] } : item;
          index.put(renamed);
          live.set(item.id, renamed);
        }
      }
      if (round % 10 === 9) check();
    }
    check();
    // A batch that replaces some nodes and adds new ones.
    const batch = [node('symptom:n0001', 'Zebra fatigue'), node('symptom:new', 'Fog zebra')];
    index.addMany(batch);
    for (const item of batch) live.set(item.id, item);
    check();
  });

  it('keeps a node whose searchable text did not change but returns its latest record', () => {
    const index = new SearchIndex();
    index.addMany([node('symptom:a', 'Fatigue')]);
    const updated = node('symptom:a', 'Fatigue', { summary: 'Tiredness.', version: 2 });
    index.put(updated);
    expect(index.candidates(['fat'], new Set(), 10).nodes).toEqual([updated]);
  });
});
