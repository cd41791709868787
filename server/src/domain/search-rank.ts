/**
 * Search ranking shared by both stores. A store finds candidate nodes with its own text index
 * (SQLite FTS5, Neo4j full-text); this file scores them so both stores return the same order.
 */
import type { GraphNode } from './model.ts';

/** Where a query matched a node. */
export type SearchMatchField = 'id' | 'xref' | 'name' | 'alias' | 'summary';

/** One search hit. */
export interface SearchHit {
  readonly node: GraphNode;
  readonly score: number;
  readonly matchedField: SearchMatchField;
  readonly matchedText: string;
}

/** Folds case and diacritics and keeps letters and digits, so "Süßmann's" matches "sussmanns". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}:.]+/gu, ' ')
    .trim();
}

/** Query words (normalised), at most 8, each at least 1 character. */
export function searchTerms(text: string): string[] {
  return normalizeForSearch(text)
    .split(' ')
    .map((term) => term.replace(/^[:.]+|[:.]+$/g, ''))
    .filter((term) => term.length > 0)
    .slice(0, 8);
}

/**
 * Scores a node against a query, or returns null when not every query word is found.
 * Exact CURIE or name beats a name prefix, which beats an alias, which beats a summary mention.
 */
export function scoreSearchHit(node: GraphNode, query: string): SearchHit | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  return scoreAgainst(node, terms.join(' '), terms);
}

/** A node's searchable texts, normalised once per node object (nodes are immutable records). */
interface SearchableText {
  readonly id: string;
  readonly fields: readonly { field: SearchMatchField; text: string; normalized: string; weight: number }[];
}

const searchableCache = new WeakMap<GraphNode, SearchableText>();

function searchableTextOf(node: GraphNode): SearchableText {
  let cached = searchableCache.get(node);
  if (cached === undefined) {
    const field = (kind: SearchMatchField, text: string, weight: number) => ({
      field: kind,
      text,
      normalized: normalizeForSearch(text),
      weight,
    });
    cached = {
      id: normalizeForSearch(node.id),
      fields: [
        ...node.xrefs.map((text) => field('xref', text, 90)),
        field('name', node.name, 80),
        ...node.aliases.map((text) => field('alias', text, 70)),
        field('summary', node.summary, 20),
      ],
    };
    searchableCache.set(node, cached);
  }
  return cached;
}

function scoreAgainst(node: GraphNode, phrase: string, terms: readonly string[]): SearchHit | null {
  const searchable = searchableTextOf(node);
  // An id only counts when typed in full; its words alone would outrank the name.
  if (searchable.id === phrase) return { node, score: 200, matchedField: 'id', matchedText: node.id };
  let best: SearchHit | null = null;
  for (const candidate of searchable.fields) {
    const score = scoreText(candidate.normalized, phrase, terms, candidate.weight);
    if (score !== null && (best === null || score > best.score)) {
      best = { node, score, matchedField: candidate.field, matchedText: candidate.text };
    }
  }
  return best;
}

/** Ranks candidate nodes for a query: best score first, then shorter names, then id. */
export function rankSearchHits(candidates: Iterable<GraphNode>, query: string, first: number): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const phrase = terms.join(' ');
  const hits: SearchHit[] = [];
  for (const node of candidates) {
    const hit = scoreAgainst(node, phrase, terms);
    if (hit !== null) hits.push(hit);
  }
  hits.sort(
    (a, b) =>
      b.score - a.score || a.node.name.length - b.node.name.length || a.node.id.localeCompare(b.node.id),
  );
  return hits.slice(0, first);
}

function scoreText(text: string, phrase: string, terms: readonly string[], weight: number): number | null {
  if (text === '') return null;
  if (text === phrase) return weight + 20;
  if (text.startsWith(phrase)) return weight + 10;
  const words = text.split(/[\s:.]+/);
  // Every query word must be a word or the prefix of a word; the last one may be half typed.
  const allPrefixed = terms.every((term) => words.some((word) => word.startsWith(term)));
  if (!allPrefixed) return null;
  const allWhole = terms.every((term) => words.includes(term));
  return weight + (allWhole ? 5 : 0);
}
