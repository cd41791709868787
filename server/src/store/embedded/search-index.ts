/**
 * The embedded store's in-memory prefix index over node names, aliases and CURIEs (xrefs): every word
 * of those fields, normalised as the shared ranking normalises them, in one sorted array beside a
 * parallel array of packed (node slot, field) entries. A query word binary-searches its prefix range;
 * a node is a candidate when every query word prefixes one of its words, which is what FTS5 found
 * before. Candidates are cut to the best few by a score computed from the index alone, then ranked by
 * the shared `rankSearchHits`.
 *
 * Writes go to a small sorted side index and mark the node's main entries stale; the side index is
 * merged into the main one when it grows past a fraction of it, so a write never re-sorts everything.
 */
import type { GraphNode } from '../../domain/model.ts';
import { normalizeForSearch } from '../../domain/search-rank.ts';

/** Field codes in an entry's low bits; the score weights match `search-rank.ts`. */
const ALIAS = 1;
const NAME = 2;
const XREF = 3;
const FIELD_WEIGHT = [0, 70, 80, 90] as const;
/** The word is the whole normalised field. */
const WHOLE_FIELD = 4;
/** The word starts the normalised field. */
const FIRST_WORD = 8;
const META_BITS = 16;

/** Largest bonus `scoreText` gives (an exact field match). */
const MAX_BONUS = 20;
const MIN_MERGE = 4096;

/** Candidate nodes for a query: `count` of them matched every word; `nodes` are the best of them. */
export interface SearchCandidates {
  readonly count: number;
  readonly nodes: GraphNode[];
}

export class SearchIndex {
  private words: string[] = [];
  private entries: number[] = [];
  private sideWords: string[] = [];
  private sideEntries: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly nodeAt: (GraphNode | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** 1 when a slot's entries in the main index are current. */
  private inMain = new Uint8Array(1024);
  /** 1 when a slot has entries in the side index. */
  private inSide = new Uint8Array(1024);
  /** Per-query stamps (how many query words a slot has matched) and best index scores. */
  private marks = new Int32Array(1024);
  private bestScore = new Uint8Array(1024);
  private stamp = 0;
  private readonly histogram = new Int32Array(128 * 256);

  /** Indexes many nodes at once (new or replacing): one sort and one merge. */
  addMany(nodes: Iterable<GraphNode>): void {
    // Grouped by word first: far fewer distinct words than entries to sort, and one string per word.
    const groups = new Map<string, number[]>();
    for (const node of nodes) {
      const slot = this.prepareSlot(node);
      if (slot === null) continue;
      entriesOf(node, slot, (word, entry) => {
        const group = groups.get(word);
        if (group === undefined) groups.set(word, [entry]);
        else group.push(entry);
      });
    }
    if (groups.size === 0) return;
    const words: string[] = [];
    const entries: number[] = [];
    for (const word of [...groups.keys()].sort()) {
      for (const entry of groups.get(word) ?? []) {
        words.push(word);
        entries.push(entry);
      }
    }
    this.mergeIntoMain(mergeSorted(words, entries, this.sideWords, this.sideEntries));
  }

  /** Indexes a new node or re-indexes a replaced one. */
  put(node: GraphNode): void {
    const slot = this.prepareSlot(node);
    if (slot === null) return;
    const words: string[] = [];
    const entries: number[] = [];
    entriesOf(node, slot, (word, entry) => {
      words.push(word);
      entries.push(entry);
    });
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      const at = lowerBound(this.sideWords, word);
      this.sideWords.splice(at, 0, word);
      this.sideEntries.splice(at, 0, entries[i] ?? 0);
    }
    if (words.length > 0) this.inSide[slot] = 1;
    if (this.sideWords.length > Math.max(MIN_MERGE, this.words.length >> 5)) {
      this.mergeIntoMain({ words: this.sideWords, entries: this.sideEntries });
    }
  }

  /** Drops a node from the index. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.unindex(slot);
    this.nodeAt[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
  }

  /**
   * Nodes of the given kinds (all when empty) having, for every token, a name, alias or xref word it
   * prefixes. `count` is how many there are; `nodes` keeps only the best `keep` (and any tied with the
   * last of them) by field weight, match bonus and name length — an upper bound of the shared score,
   * exact for a one-token query, so the cut never drops a hit that ranking would keep.
   */
  candidates(tokens: readonly string[], kinds: ReadonlySet<string>, keep: number): SearchCandidates {
    if (tokens.length === 0) return { count: 0, nodes: [] };
    const ranges = tokens.map((token) => {
      const main = prefixRange(this.words, token);
      const side = prefixRange(this.sideWords, token);
      return { token, main, side, size: main[1] - main[0] + side[1] - side[0] };
    });
    ranges.sort((a, b) => a.size - b.size);
    if (this.stamp > 0x3fffff00) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    const base = this.stamp;
    this.stamp += tokens.length + 1;
    const exactBonus = tokens.length === 1;
    const found: number[] = [];
    const last = ranges.length - 1;
    for (const [k, { token, main, side }] of ranges.entries()) {
      const visit = (word: string, entry: number, fromMain: boolean): void => {
        const slot = Math.floor(entry / META_BITS);
        if (fromMain && this.inMain[slot] !== 1) return;
        const mark = this.marks[slot] ?? 0;
        if (k === 0) {
          const score = entryScore(word, entry, token, exactBonus);
          if (mark === base + 1) {
            if (score > (this.bestScore[slot] ?? 0)) this.bestScore[slot] = score;
            return;
          }
          this.bestScore[slot] = score;
        } else if (mark !== base + k) return;
        this.marks[slot] = base + k + 1;
        if (k === last) found.push(slot);
      };
      for (let i = main[0]; i < main[1]; i++) visit(this.words[i] ?? '', this.entries[i] ?? 0, true);
      for (let i = side[0]; i < side[1]; i++) visit(this.sideWords[i] ?? '', this.sideEntries[i] ?? 0, false);
    }
    const nodes: GraphNode[] = [];
    const keys: number[] = [];
    for (const slot of found) {
      const node = this.nodeAt[slot];
      if (node === undefined || (kinds.size > 0 && !kinds.has(node.kind))) continue;
      nodes.push(node);
      // Lower key = better: higher score, then shorter name.
      keys.push((127 - (this.bestScore[slot] ?? 0)) * 256 + Math.min(node.name.length, 255));
    }
    return { count: nodes.length, nodes: nodes.length <= keep ? nodes : this.best(nodes, keys, keep) };
  }

  /** The `keep` nodes with the lowest keys, plus every node tied with the last of them. */
  private best(nodes: readonly GraphNode[], keys: readonly number[], keep: number): GraphNode[] {
    const histogram = this.histogram;
    histogram.fill(0);
    for (const key of keys) histogram[key] = (histogram[key] ?? 0) + 1;
    let cutoff = 0;
    for (let total = 0; cutoff < histogram.length; cutoff++) {
      total += histogram[cutoff] ?? 0;
      if (total >= keep) break;
    }
    return nodes.filter((_, i) => (keys[i] ?? 0) <= cutoff);
  }

  /** Gives a node its slot; null when an indexed node's searchable text is unchanged. */
  private prepareSlot(node: GraphNode): number | null {
    let slot = this.slotOf.get(node.id);
    if (slot !== undefined) {
      const previous = this.nodeAt[slot];
      this.nodeAt[slot] = node;
      if (previous !== undefined && sameSearchText(previous, node)) return null;
      this.unindex(slot);
      return slot;
    }
    slot = this.freeSlots.pop() ?? this.nodeAt.length;
    this.slotOf.set(node.id, slot);
    this.nodeAt[slot] = node;
    this.ensureCapacity(slot + 1);
    return slot;
  }

  /** Marks a slot's main entries stale and drops its side entries. */
  private unindex(slot: number): void {
    this.inMain[slot] = 0;
    if (this.inSide[slot] !== 1) return;
    this.inSide[slot] = 0;
    let kept = 0;
    for (let i = 0; i < this.sideWords.length; i++) {
      const entry = this.sideEntries[i] ?? 0;
      if (Math.floor(entry / META_BITS) === slot) continue;
      this.sideWords[kept] = this.sideWords[i] ?? '';
      this.sideEntries[kept] = entry;
      kept++;
    }
    this.sideWords.length = kept;
    this.sideEntries.length = kept;
  }

  /** Replaces the main index by its current entries merged with `extra` (sorted), emptying the side. */
  private mergeIntoMain(extra: { words: readonly string[]; entries: readonly number[] }): void {
    const current = { words: [] as string[], entries: [] as number[] };
    for (let i = 0; i < this.words.length; i++) {
      const entry = this.entries[i] ?? 0;
      if (this.inMain[Math.floor(entry / META_BITS)] !== 1) continue;
      current.words.push(this.words[i] ?? '');
      current.entries.push(entry);
    }
    const merged = mergeSorted(current.words, current.entries, extra.words, extra.entries);
    // Equal words share one string.
    for (let i = 1; i < merged.words.length; i++) {
      if (merged.words[i] === merged.words[i - 1]) merged.words[i] = merged.words[i - 1] ?? '';
    }
    this.words = merged.words;
    this.entries = merged.entries;
    this.sideWords = [];
    this.sideEntries = [];
    this.inSide.fill(0);
    for (const entry of merged.entries) this.inMain[Math.floor(entry / META_BITS)] = 1;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.marks.length) return;
    const capacity = Math.max(size, this.marks.length * 2);
    const grow = <T extends Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.inMain = grow(this.inMain, (n) => new Uint8Array(n));
    this.inSide = grow(this.inSide, (n) => new Uint8Array(n));
    this.marks = grow(this.marks, (n) => new Int32Array(n));
    this.bestScore = grow(this.bestScore, (n) => new Uint8Array(n));
  }
}

/** Appends a node's words: its xrefs, name and aliases, split as `scoreText` splits them. */
function entriesOf(node: GraphNode, slot: number, emit: (word: string, entry: number) => void): void {
  const add = (text: string, field: number): void => {
    const normalized = normalizeForSearch(text);
    if (normalized === '') return;
    const parts = normalized.split(/[\s:.]+/);
    for (let i = 0; i < parts.length; i++) {
      const word = parts[i] ?? '';
      if (word === '') continue;
      const meta = field | (word === normalized ? WHOLE_FIELD : 0) | (i === 0 ? FIRST_WORD : 0);
      emit(word, slot * META_BITS + meta);
    }
  };
  for (const xref of node.xrefs) add(xref, XREF);
  add(node.name, NAME);
  for (const alias of node.aliases) add(alias, ALIAS);
}

/**
 * The best score a field can give through this word: `scoreText`'s exact figure when the query is
 * this one token, else its field weight plus the largest bonus.
 */
function entryScore(word: string, entry: number, token: string, exact: boolean): number {
  const weight = FIELD_WEIGHT[entry & 3] ?? 0;
  if (!exact) return weight + MAX_BONUS;
  if (word === token && (entry & WHOLE_FIELD) !== 0) return weight + 20;
  if ((entry & FIRST_WORD) !== 0) return weight + 10;
  return weight + (word === token ? 5 : 0);
}

function sameSearchText(a: GraphNode, b: GraphNode): boolean {
  return a.name === b.name && sameStrings(a.aliases, b.aliases) && sameStrings(a.xrefs, b.xrefs);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function mergeSorted(
  aWords: readonly string[],
  aEntries: readonly number[],
  bWords: readonly string[],
  bEntries: readonly number[],
): { words: string[]; entries: number[] } {
  const words: string[] = [];
  const entries: number[] = [];
  let i = 0;
  let j = 0;
  while (i < aWords.length || j < bWords.length) {
    if (j >= bWords.length || (i < aWords.length && (aWords[i] ?? '') <= (bWords[j] ?? ''))) {
      words.push(aWords[i] ?? '');
      entries.push(aEntries[i] ?? 0);
      i++;
    } else {
      words.push(bWords[j] ?? '');
      entries.push(bEntries[j] ?? 0);
      j++;
    }
  }
  return { words, entries };
}

/** First index whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index range of words starting with `prefix` (contiguous in sorted order). */
function prefixRange(words: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(words, prefix);
  let low = start;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '').startsWith(prefix)) low = middle + 1;
    else high = middle;
  }
  return [start, low];
}
