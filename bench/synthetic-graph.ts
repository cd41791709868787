/**
 * A deterministic synthetic FibroGraph of any size, for benchmarks: a realistic kind mix, claims only
 * where the relation table allows them, Zipf-skewed endpoints (so hubs exist), 1–3 evidence items per
 * claim citing generated sources, about 5 % contested claims. Passes `checkSnapshot`.
 */
import type { EvidenceLevel } from '../server/src/domain/evidence-levels.ts';
import { claimIdFor, nodeIdFor } from '../server/src/domain/ids.ts';
import type { ConceptKind, NodeKind } from '../server/src/domain/kinds.ts';
import {
  NO_APPRAISAL,
  type ConceptNode,
  type Evidence,
  type GraphNode,
  type GraphSnapshot,
  type StoredClaim,
} from '../server/src/domain/model.ts';
import { isRelationAllowed, RELATION_RULES, type Relation } from '../server/src/domain/relations.ts';
import { SeededRandom } from './seeded-random.ts';
import { aliasesFor, NameBook, summaryFor, xrefsFor } from './synthetic-names.ts';
import { syntheticSource, type RecordMeta } from './synthetic-sources.ts';

/** Options for `syntheticGraph`. */
export interface SyntheticGraphOptions {
  /** Total nodes, sources included. */
  readonly nodes: number;
  /** Claims per node (all nodes, sources included); default 5. */
  readonly claimsPerNode?: number;
  /** PRNG seed; default 20240229. */
  readonly seed?: number;
}

/** Share of each kind among all nodes. */
export const KIND_MIX: Readonly<Record<NodeKind, number>> = {
  theory: 0.04,
  mechanism: 0.3,
  symptom: 0.2,
  therapy: 0.2,
  anatomy: 0.06,
  finding: 0.05,
  // Zero, like ASSOCIATED_WITH below: the graphs stay as measured before questions existed.
  question: 0,
  source: 0.15,
};

/** Share of each relation among claims; BUILDS_ON and CONFLICTS_WITH are rare, as in the seed. */
const RELATION_MIX: Readonly<Record<Relation, number>> = {
  CAUSES: 30,
  TARGETS: 15,
  RELIEVES: 15,
  PROPOSES: 8,
  EXPLAINS: 7,
  INVOLVES: 10,
  LOCATED_IN: 10,
  BUILDS_ON: 2.5,
  CONFLICTS_WITH: 2.5,
  // Zero keeps the synthetic graphs (and so the figures in bench/README.md) as they were measured
  // before ASSOCIATED_WITH existed; the relation walks like any other.
  ASSOCIATED_WITH: 0,
  TESTS: 0,
};

const BASE_LEVELS: Readonly<Record<EvidenceLevel, number>> = {
  guideline: 2,
  'systematic-review': 6,
  rct: 10,
  observational: 25,
  // Zero, so the synthetic graphs stay as they were measured before this level existed.
  'narrative-review': 0,
  mechanistic: 22,
  hypothesis: 20,
  regulatory: 3,
  anecdote: 12,
};

/** Level weights per relation: therapy claims get trials, theory claims get hypotheses. */
const LEVELS_FOR: Partial<Record<Relation, Readonly<Record<EvidenceLevel, number>>>> = {
  RELIEVES: { ...BASE_LEVELS, guideline: 6, 'systematic-review': 14, rct: 30, regulatory: 8, mechanistic: 4 },
  TARGETS: { ...BASE_LEVELS, rct: 14, mechanistic: 35, hypothesis: 15 },
  PROPOSES: { ...BASE_LEVELS, hypothesis: 50, rct: 2, guideline: 0, regulatory: 0 },
  EXPLAINS: { ...BASE_LEVELS, hypothesis: 45, rct: 2, guideline: 0, regulatory: 0 },
  BUILDS_ON: { ...BASE_LEVELS, hypothesis: 60, rct: 0, guideline: 0, regulatory: 0 },
  CONFLICTS_WITH: { ...BASE_LEVELS, hypothesis: 60, rct: 0, guideline: 0, regulatory: 0 },
};

/** Mix of uniform and Zipf picks: how hub-heavy claim endpoints are. */
const HUB_SHARE = 0.3;
const HUB_EXPONENT = 0.8;
const CONTESTED_SHARE = 0.05;
const SEED = 20240229;
/** Every record's version and timestamps: a snapshot of a graph written once, long ago. */
const META: RecordMeta = {
  version: 1,
  createdAt: '2024-01-15T09:30:00.000Z',
  updatedAt: '2024-01-15T09:30:00.000Z',
};

/** Generates a snapshot of `nodes` nodes and about `claimsPerNode × nodes` claims. */
export function syntheticGraph(options: SyntheticGraphOptions): GraphSnapshot {
  const random = new SeededRandom(options.seed ?? SEED);
  const names = new NameBook();
  const counts = kindCounts(options.nodes);
  const byKind = new Map<NodeKind, GraphNode[]>();
  for (const [kind, count] of counts) {
    const nodes: GraphNode[] = [];
    for (let index = 0; index < count; index += 1) {
      nodes.push(kind === 'source' ? syntheticSource(random, names, META) : conceptNode(kind, random, names));
    }
    byKind.set(kind, nodes);
  }
  const claims = syntheticClaims(byKind, Math.round((options.claimsPerNode ?? 5) * options.nodes), random);
  const nodes = [...byKind.values()].flat();
  return {
    format: 'fibrograph-snapshot',
    formatVersion: 1,
    nodes: nodes.sort(byId),
    claims: claims.sort(byId),
  };
}

/** How many nodes of each kind: the mix, at least two of each concept kind, the rest in mechanisms. */
function kindCounts(total: number): Map<NodeKind, number> {
  const counts = new Map<NodeKind, number>();
  for (const [kind, share] of Object.entries(KIND_MIX) as [NodeKind, number][]) {
    // A kind with no share (questions) is left out; every other kind has at least two nodes.
    if (share > 0) counts.set(kind, Math.max(2, Math.round(total * share)));
  }
  const assigned = [...counts.values()].reduce((sum, count) => sum + count, 0);
  counts.set('mechanism', (counts.get('mechanism') ?? 0) + total - assigned);
  return counts;
}

function conceptNode(kind: ConceptKind, random: SeededRandom, names: NameBook): ConceptNode {
  const name = names.conceptName(kind, random);
  return {
    id: nodeIdFor(kind, name),
    kind,
    name,
    summary: summaryFor(kind, name, random),
    aliases: aliasesFor(name, random),
    xrefs: xrefsFor(kind, random),
    ...META,
  };
}

/** Picks claim endpoints: part uniform, part Zipf over the kind's nodes, so a few become hubs. */
class EndpointPicker {
  constructor(
    private readonly byKind: ReadonlyMap<NodeKind, readonly GraphNode[]>,
    private readonly random: SeededRandom,
  ) {}

  pick(kinds: readonly ConceptKind[]): GraphNode {
    const sizes = kinds.map((kind) => this.byKind.get(kind)?.length ?? 0);
    let roll = this.random.next() * sizes.reduce((sum, size) => sum + size, 0);
    let kind = kinds[0] ?? 'mechanism';
    for (const [index, size] of sizes.entries()) {
      roll -= size;
      if (roll < 0) {
        kind = kinds[index] ?? kind;
        break;
      }
    }
    const nodes = this.byKind.get(kind) ?? [];
    const index = this.random.chance(HUB_SHARE)
      ? this.random.zipfIndex(nodes.length, HUB_EXPONENT)
      : this.random.int(0, nodes.length - 1);
    const node = nodes[index];
    if (!node) throw new Error(`no ${kind} nodes to connect`);
    return node;
  }
}

function syntheticClaims(
  byKind: ReadonlyMap<NodeKind, readonly GraphNode[]>,
  target: number,
  random: SeededRandom,
): StoredClaim[] {
  const endpoints = new EndpointPicker(byKind, random);
  const sources = byKind.get('source') ?? [];
  const triples = new Set<string>();
  const claims: StoredClaim[] = [];
  for (let attempt = 0; claims.length < target && attempt < target * 5; attempt += 1) {
    const relation = random.weighted(RELATION_MIX);
    const rule = RELATION_RULES[relation];
    const from = endpoints.pick(rule.from);
    const to = endpoints.pick(rule.to);
    const triple = `${from.id} ${relation} ${to.id}`;
    if (from.id === to.id || triples.has(triple) || !isRelationAllowed(relation, from.kind, to.kind))
      continue;
    triples.add(triple);
    const id = claimIdFor(from.id, relation, to.id);
    claims.push({
      id,
      relation,
      from: from.id,
      to: to.id,
      summary: random.chance(0.3) ? `${from.name} ${rule.reads} ${to.name.toLowerCase()}.` : null,
      evidence: evidenceFor(relation, claims.length, sources, random),
      ...META,
    });
  }
  return claims;
}

/** One to three items from distinct sources; a contested claim gets one disputing item. */
function evidenceFor(
  relation: Relation,
  claimNumber: number,
  sources: readonly GraphNode[],
  random: SeededRandom,
): Evidence[] {
  const contested = random.chance(CONTESTED_SHARE);
  const wanted = contested ? random.int(2, 3) : Number(random.weighted({ '1': 50, '2': 35, '3': 15 }));
  const total = Math.min(wanted, sources.length);
  const levels = LEVELS_FOR[relation] ?? BASE_LEVELS;
  const cited = new Set<string>();
  const items: Evidence[] = [];
  for (let index = 0; index < total; index += 1) {
    const source = pickSource(sources, cited, random);
    cited.add(source.id);
    const stance = contested && index === total - 1 ? 'disputes' : 'supports';
    items.push({
      id: `evidence:${claimNumber.toString(36)}-${index + 1}`,
      sourceId: source.id,
      quote: random.chance(0.4)
        ? `We observed an association consistent with the claim (n = ${random.int(12, 2400)}).`
        : null,
      note: `${stance === 'supports' ? 'Supports' : 'Disputes'} the claim; ${source.name}.`,
      locator: random.chance(0.5) ? `p. ${random.int(1, 40)}` : null,
      stance,
      level: random.weighted(levels),
      unverified: random.chance(0.05),
      ...NO_APPRAISAL,
    });
  }
  return items;
}

function pickSource(
  sources: readonly GraphNode[],
  cited: ReadonlySet<string>,
  random: SeededRandom,
): GraphNode {
  for (;;) {
    const index = random.chance(0.5)
      ? random.zipfIndex(sources.length, 0.9)
      : random.int(0, sources.length - 1);
    const source = sources[index];
    if (source && !cited.has(source.id)) return source;
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
