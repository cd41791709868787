/**
 * Cytoscape.js JSON (`.cyjs`), which Cytoscape desktop opens with File → Import → Network from File.
 * Every element carries scalar columns for styling and filtering, plus its full record as a JSON
 * string in `fibrograph`, so import can rebuild the snapshot exactly.
 */
import { ValidationError } from '../domain/errors.ts';
import {
  isSourceNode,
  questionFieldsOf,
  type GraphNode,
  type GraphSnapshot,
  type StoredClaim,
} from '../domain/model.ts';
import { checkSnapshot } from '../store/snapshot.ts';
import { claimFigures } from './claim-figures.ts';
import { parseJson } from './json-format.ts';

type Scalar = string | number | boolean;

/** One element's columns. */
export type CyjsData = Record<string, Scalar>;

/** The document shape Cytoscape desktop writes and reads. */
export interface CyjsDocument {
  readonly format_version: string;
  readonly generated_by: string;
  readonly target_cytoscapejs_version: string;
  readonly data: CyjsData;
  readonly elements: { readonly nodes: { data: CyjsData }[]; readonly edges: { data: CyjsData }[] };
}

/** Separator for list values in scalar columns. */
export const CYJS_LIST_SEPARATOR = '|';

/** The snapshot as a Cytoscape.js document. */
export function toCyjsDocument(snapshot: GraphSnapshot): CyjsDocument {
  return {
    format_version: '1.0',
    generated_by: 'fibrograph',
    target_cytoscapejs_version: '~2.1',
    data: {
      name: 'FibroGraph',
      shared_name: 'FibroGraph',
      fibrograph_format: snapshot.format,
      fibrograph_format_version: snapshot.formatVersion,
    },
    elements: {
      nodes: snapshot.nodes.map((node) => ({ data: nodeData(node) })),
      edges: snapshot.claims.map((claim) => ({ data: edgeData(claim) })),
    },
  };
}

/** The snapshot as pretty-printed `.cyjs` text. */
export function toCyjs(snapshot: GraphSnapshot): string {
  return `${JSON.stringify(toCyjsDocument(snapshot), null, 2)}\n`;
}

/** Rebuilds and validates a snapshot from `.cyjs` text written by `toCyjs`. */
export function fromCyjs(text: string): GraphSnapshot {
  const document = parseJson(text) as Partial<CyjsDocument> | null;
  const elements = document?.elements;
  if (!elements || !Array.isArray(elements.nodes) || !Array.isArray(elements.edges)) {
    throw new ValidationError('elements', 'a .cyjs file needs "elements" with "nodes" and "edges" lists');
  }
  return checkSnapshot({
    format: 'fibrograph-snapshot',
    formatVersion: 1,
    nodes: elements.nodes.map((element, index) => recordOf(element, `elements.nodes[${index}]`)),
    claims: elements.edges.map((element, index) => recordOf(element, `elements.edges[${index}]`)),
  });
}

function nodeData(node: GraphNode): CyjsData {
  const data: CyjsData = {
    id: node.id,
    name: node.name,
    label: node.name,
    shared_name: node.name,
    kind: node.kind,
    summary: node.summary,
    aliases: node.aliases.join(CYJS_LIST_SEPARATOR),
    xrefs: node.xrefs.join(CYJS_LIST_SEPARATOR),
  };
  if (!isSourceNode(node)) Object.assign(data, questionFieldsOf(node));
  if (isSourceNode(node)) {
    Object.assign(data, {
      sourceKind: node.sourceKind,
      title: node.title,
      authors: node.authors.join(CYJS_LIST_SEPARATOR),
      ...withoutNulls({
        year: node.year,
        venue: node.venue,
        url: node.url,
        doi: node.doi,
        pmid: node.pmid,
        published: node.published,
      }),
    });
  }
  data['fibrograph'] = JSON.stringify(node);
  return data;
}

function edgeData(claim: StoredClaim): CyjsData {
  const figures = claimFigures(claim);
  return {
    id: claim.id,
    source: claim.from,
    target: claim.to,
    relation: claim.relation,
    interaction: claim.relation,
    shared_interaction: claim.relation,
    name: `${claim.from} (${claim.relation}) ${claim.to}`,
    shared_name: `${claim.from} (${claim.relation}) ${claim.to}`,
    summary: claim.summary ?? '',
    // Cytoscape styles and filters read a string; claims that assert no effect are not graded.
    certainty: figures.certainty ?? 'ungraded',
    strength: figures.strength,
    contested: figures.contested,
    bestLevel: figures.bestLevel,
    supportCount: figures.supportCount,
    disputeCount: figures.disputeCount,
    evidenceCount: figures.evidenceCount,
    sources: figures.sourceIds.join(CYJS_LIST_SEPARATOR),
    fibrograph: JSON.stringify(claim),
  };
}

function recordOf(element: unknown, field: string): unknown {
  const record = (element as { data?: { fibrograph?: unknown } } | null)?.data?.fibrograph;
  if (typeof record !== 'string') {
    throw new ValidationError(
      `${field}.data.fibrograph`,
      'is missing: only .cyjs files written by `fibrograph export --format cyjs` can be imported',
    );
  }
  try {
    return JSON.parse(record) as unknown;
  } catch {
    throw new ValidationError(`${field}.data.fibrograph`, 'is not valid JSON');
  }
}

function withoutNulls(values: Record<string, Scalar | null>): Record<string, Scalar> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, Scalar] => entry[1] !== null),
  );
}
