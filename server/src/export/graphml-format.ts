/** GraphML for yEd, Gephi, NetworkX and friends: declared attribute keys, XML-escaped values, evidence as JSON. */
import {
  isSourceNode,
  questionFieldsOf,
  type GraphNode,
  type GraphSnapshot,
  type StoredClaim,
} from '../domain/model.ts';
import { claimFigures } from './claim-figures.ts';
import { escapeXml } from './xml-text.ts';

type GraphmlType = 'string' | 'int' | 'double' | 'boolean';
type Value = string | number | boolean | null;

/** A declared attribute: where it applies, its GraphML name and type. */
interface KeySpec {
  readonly for: 'node' | 'edge';
  readonly name: string;
  readonly type: GraphmlType;
}

const NODE_KEYS: readonly KeySpec[] = [
  ['name', 'string'],
  ['kind', 'string'],
  ['summary', 'string'],
  ['aliases', 'string'],
  ['xrefs', 'string'],
  ['sourceKind', 'string'],
  ['title', 'string'],
  ['authors', 'string'],
  ['year', 'int'],
  ['venue', 'string'],
  ['url', 'string'],
  ['doi', 'string'],
  ['pmid', 'string'],
  ['published', 'string'],
  ['status', 'string'],
  ['decisiveObservation', 'string'],
  ['version', 'int'],
  ['createdAt', 'string'],
  ['updatedAt', 'string'],
].map(([name, type]) => ({ for: 'node', name: name as string, type: type as GraphmlType }));

const EDGE_KEYS: readonly KeySpec[] = [
  ['relation', 'string'],
  ['summary', 'string'],
  ['certainty', 'string'],
  ['strength', 'double'],
  ['contested', 'boolean'],
  ['bestLevel', 'string'],
  ['supportCount', 'int'],
  ['disputeCount', 'int'],
  ['evidence', 'string'],
  ['version', 'int'],
  ['createdAt', 'string'],
  ['updatedAt', 'string'],
].map(([name, type]) => ({ for: 'edge', name: name as string, type: type as GraphmlType }));

/** The snapshot as a GraphML document. Lists (aliases, xrefs, authors, evidence) are JSON strings. */
export function toGraphml(snapshot: GraphSnapshot): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...NODE_KEYS, ...EDGE_KEYS].map(
      (key) => `  <key id="${keyId(key)}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>`,
    ),
    '  <graph id="fibrograph" edgedefault="directed">',
    ...snapshot.nodes.map(nodeElement),
    ...snapshot.claims.map(edgeElement),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

function nodeElement(node: GraphNode): string {
  const values: Record<string, Value> = {
    name: node.name,
    kind: node.kind,
    summary: node.summary,
    aliases: JSON.stringify(node.aliases),
    xrefs: JSON.stringify(node.xrefs),
    version: node.version,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
  };
  if (!isSourceNode(node)) Object.assign(values, questionFieldsOf(node));
  if (isSourceNode(node)) {
    Object.assign(values, {
      sourceKind: node.sourceKind,
      title: node.title,
      authors: JSON.stringify(node.authors),
      year: node.year,
      venue: node.venue,
      url: node.url,
      doi: node.doi,
      pmid: node.pmid,
      published: node.published,
    });
  }
  return element('node', `id="${escapeXml(node.id)}"`, NODE_KEYS, values);
}

function edgeElement(claim: StoredClaim): string {
  const figures = claimFigures(claim);
  const values: Record<string, Value> = {
    relation: claim.relation,
    summary: claim.summary,
    certainty: figures.certainty,
    strength: figures.strength,
    contested: figures.contested,
    bestLevel: figures.bestLevel,
    supportCount: figures.supportCount,
    disputeCount: figures.disputeCount,
    evidence: JSON.stringify(claim.evidence),
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
  const attributes = `id="${escapeXml(claim.id)}" source="${escapeXml(claim.from)}" target="${escapeXml(claim.to)}"`;
  return element('edge', attributes, EDGE_KEYS, values);
}

function element(
  tag: 'node' | 'edge',
  attributes: string,
  keys: readonly KeySpec[],
  values: Record<string, Value>,
): string {
  const data = keys
    .filter((key) => values[key.name] !== undefined && values[key.name] !== null)
    .map((key) => `      <data key="${keyId(key)}">${escapeXml(String(values[key.name]))}</data>`);
  return [`    <${tag} ${attributes}>`, ...data, `    </${tag}>`].join('\n');
}

function keyId(key: KeySpec): string {
  return `${key.for === 'node' ? 'n' : 'e'}_${key.name}`;
}
