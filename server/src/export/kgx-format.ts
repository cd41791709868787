/** KGX TSV (nodes.tsv and edges.tsv) with Biolink categories and predicates, for Biolink-based tools. */
import { EVIDENCE_LEVELS } from '../domain/evidence-levels.ts';
import {
  isSourceNode,
  questionFieldsOf,
  type GraphNode,
  type GraphSnapshot,
  type SourceNode,
  type StoredClaim,
} from '../domain/model.ts';
import {
  BIOLINK_AGENT_TYPE,
  BIOLINK_CATEGORY,
  BIOLINK_SOURCE_CATEGORY,
  biolinkKnowledgeLevel,
  biolinkPredicate,
  FIBROGRAPH_INFORES,
} from './biolink-mapping.ts';
import { claimFigures } from './claim-figures.ts';
import { tsvCell, tsvList, tsvTable } from './tsv-text.ts';

/** Columns of nodes.tsv: Biolink slots first, FibroGraph's own after. */
export const KGX_NODE_COLUMNS = [
  'id',
  'category',
  'name',
  'description',
  'xref',
  'synonym',
  'provided_by',
  'iri',
  'authors',
  'creation_date',
  'fibrograph_kind',
  'fibrograph_source_kind',
  'fibrograph_venue',
] as const;

/** Columns of edges.tsv: Biolink slots first, FibroGraph's own after. */
export const KGX_EDGE_COLUMNS = [
  'id',
  'subject',
  'predicate',
  'object',
  'category',
  'primary_knowledge_source',
  'knowledge_level',
  'agent_type',
  'publications',
  'description',
  'fibrograph_relation',
  'fibrograph_certainty',
  'fibrograph_strength',
  'fibrograph_contested',
  'fibrograph_best_level',
  'fibrograph_evidence',
] as const;

/** The two KGX files. */
export interface KgxFiles {
  readonly 'nodes.tsv': string;
  readonly 'edges.tsv': string;
}

/** The snapshot as KGX TSV. */
export function toKgx(snapshot: GraphSnapshot): KgxFiles {
  const nodes = new Map(snapshot.nodes.map((node) => [node.id, node]));
  return {
    'nodes.tsv': tsvTable(KGX_NODE_COLUMNS, snapshot.nodes.map(nodeRow)),
    'edges.tsv': tsvTable(
      KGX_EDGE_COLUMNS,
      snapshot.claims.map((claim) => edgeRow(claim, nodes)),
    ),
  };
}

function nodeRow(node: GraphNode): Record<string, string> {
  const row: Record<string, string> = {
    id: tsvCell(node.id),
    name: tsvCell(node.name),
    description: tsvCell(node.summary),
    synonym: tsvList(node.aliases),
    provided_by: FIBROGRAPH_INFORES,
    fibrograph_kind: node.kind,
  };
  if (!isSourceNode(node)) {
    const { status, decisiveObservation } = questionFieldsOf(node);
    return {
      ...row,
      category: BIOLINK_CATEGORY[node.kind],
      xref: tsvList(node.xrefs),
      ...(status === undefined ? {} : { fibrograph_status: status }),
      ...(decisiveObservation === undefined
        ? {}
        : { fibrograph_decisive_observation: tsvCell(decisiveObservation) }),
    };
  }
  return {
    ...row,
    category: BIOLINK_SOURCE_CATEGORY[node.sourceKind],
    xref: tsvList([...node.xrefs, ...publicationIds(node)]),
    iri: tsvCell(node.url),
    authors: tsvList(node.authors),
    creation_date: tsvCell(node.published ?? (node.year === null ? null : String(node.year))),
    fibrograph_source_kind: node.sourceKind,
    fibrograph_venue: tsvCell(node.venue),
  };
}

function edgeRow(claim: StoredClaim, nodes: ReadonlyMap<string, GraphNode>): Record<string, string> {
  const figures = claimFigures(claim);
  const publications = figures.sourceIds.map((id) => {
    const source = nodes.get(id);
    return source && isSourceNode(source) ? (publicationIds(source)[0] ?? source.url ?? id) : id;
  });
  return {
    id: tsvCell(claim.id),
    subject: tsvCell(claim.from),
    predicate: biolinkPredicate(claim.relation, nodes.get(claim.from)?.kind),
    object: tsvCell(claim.to),
    category: 'biolink:Association',
    primary_knowledge_source: FIBROGRAPH_INFORES,
    knowledge_level: biolinkKnowledgeLevel(bestSupportingLevel(claim)),
    agent_type: BIOLINK_AGENT_TYPE,
    publications: tsvList(publications),
    description: tsvCell(claim.summary),
    fibrograph_relation: claim.relation,
    fibrograph_certainty: tsvCell(figures.certainty),
    fibrograph_strength: String(figures.strength),
    fibrograph_contested: String(figures.contested),
    fibrograph_best_level: figures.bestLevel,
    fibrograph_evidence: tsvCell(JSON.stringify(claim.evidence)),
  };
}

/** `PMID:…` and `doi:…` CURIEs of a source, PubMed first. */
function publicationIds(source: SourceNode): string[] {
  return [
    ...(source.pmid === null ? [] : [`PMID:${source.pmid}`]),
    ...(source.doi === null ? [] : [`doi:${source.doi}`]),
  ];
}

function bestSupportingLevel(claim: StoredClaim): (typeof EVIDENCE_LEVELS)[number] | null {
  const supporting = new Set(
    claim.evidence.filter((item) => item.stance === 'supports').map((item) => item.level),
  );
  return EVIDENCE_LEVELS.find((level) => supporting.has(level)) ?? null;
}
