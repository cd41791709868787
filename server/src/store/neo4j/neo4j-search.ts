/**
 * Search: candidates from the `entity_search` full-text index (plus an exact id), ranked by the
 * shared `rankSearchHits`, so both stores order hits the same way.
 */
import { int } from 'neo4j-driver';
import type { GraphNode } from '../../domain/model.ts';
import { rankSearchHits, searchTerms, type SearchHit } from '../../domain/search-rank.ts';
import type { SearchQuery } from '../graph-store.ts';
import { QUERY_CAPS, resolveSearchQuery } from '../query-options.ts';
import type { CypherRunner } from './cypher-runner.ts';
import { nodeFromProps } from './records.ts';
import { fetchNodes } from './tx-records.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Nodes matching every word of `text` (each as a word prefix), best first. */
export async function search(runner: CypherRunner, text: string, query?: SearchQuery): Promise<SearchHit[]> {
  const { kinds, first } = resolveSearchQuery(text, query);
  const lucene = luceneQuery(text);
  if (lucene === null) return [];
  const exactId = text.trim();
  const candidates = await runner.read(async (tx) => {
    const rows = await tx.run('search-candidates', {
      query: lucene,
      kinds,
      limit: int(QUERY_CAPS.searchCandidates),
    });
    const found = new Map<string, GraphNode>();
    for (const row of rows) {
      const node = nodeFromProps(row['node']);
      found.set(node.id, node);
    }
    if (!found.has(exactId))
      for (const node of (await fetchNodes(tx, [exactId])).values()) found.set(node.id, node);
    return [...found.values()];
  });
  const kindSet = new Set<string>(kinds);
  return rankSearchHits(
    candidates.filter((node) => kindSet.size === 0 || kindSet.has(node.kind)),
    text,
    first,
  );
}

/**
 * The Lucene query for a search: every word of the normalised text as an escaped prefix, all
 * required (`brain* AND fog*`); null when the text has no words. The index holds the same
 * normalised words (see searchTextOf), so this finds every node the ranking can accept.
 */
export function luceneQuery(text: string): string | null {
  const words = searchTerms(text)
    .flatMap((term) => term.split(/[:.]+/))
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  return words.map((word) => `${word.replace(LUCENE_SPECIAL, (char) => `\\${char}`)}*`).join(' AND ');
}
