/** The KGX export: Biolink-style columns, one row per record, escaped cells, mapped categories and predicates. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONCEPT_KINDS, SOURCE_KINDS } from '../../server/src/domain/kinds.ts';
import { RELATIONS } from '../../server/src/domain/relations.ts';
import {
  BIOLINK_CATEGORY,
  BIOLINK_PREDICATE,
  BIOLINK_SOURCE_CATEGORY,
} from '../../server/src/export/biolink-mapping.ts';
import { fromJson } from '../../server/src/export/json-format.ts';
import { KGX_EDGE_COLUMNS, KGX_NODE_COLUMNS, toKgx } from '../../server/src/export/kgx-format.ts';

const snapshot = fromJson(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/snapshots/small.json'), 'utf8'),
);
const files = toKgx(snapshot);
const nodes = table(files['nodes.tsv']);
const edges = table(files['edges.tsv']);

describe('kgx export', () => {
  it('writes the Biolink header columns and one row per node and per claim', () => {
    expect(nodes.header.slice(0, 7)).toEqual([
      'id',
      'category',
      'name',
      'description',
      'xref',
      'synonym',
      'provided_by',
    ]);
    expect(edges.header.slice(0, 9)).toEqual([
      'id',
      'subject',
      'predicate',
      'object',
      'category',
      'primary_knowledge_source',
      'knowledge_level',
      'agent_type',
      'publications',
    ]);
    expect(nodes.header).toEqual([...KGX_NODE_COLUMNS]);
    expect(edges.header).toEqual([...KGX_EDGE_COLUMNS]);
    expect(nodes.rows).toHaveLength(snapshot.nodes.length);
    expect(edges.rows).toHaveLength(snapshot.claims.length);
    for (const row of nodes.rows) expect(row).toHaveLength(nodes.header.length);
    for (const row of edges.rows) expect(row).toHaveLength(edges.header.length);
  });

  it('escapes tabs and newlines and pipe-separates multivalued cells', () => {
    const theory = nodes.get('theory:hypo');
    expect(theory['description']).toBe('Line one.\\nLine two\\twith a tab.');
    expect(theory['synonym']).toBe("A\\|B alias|O'Brien");
    const paper = nodes.get('source:paper');
    expect(paper['authors']).toBe('Doe J|Roe R');
    expect(paper['xref']).toBe('PMID:123456|doi:10.1000/test.1');
  });

  it('maps kinds and relations to Biolink and keeps the FibroGraph relation', () => {
    expect(nodes.get('mechanism:flow')['category']).toBe('biolink:PathologicalProcess');
    expect(nodes.get('source:post')['category']).toBe('biolink:WebPage');
    const proposes = edges.get('claim:hypo--proposes--flow');
    expect(proposes).toMatchObject({
      predicate: 'biolink:related_to',
      fibrograph_relation: 'PROPOSES',
      agent_type: 'manual_agent',
    });
    expect(proposes['knowledge_level']).toBe('observation');
    expect(proposes['publications']).toBe('https://example.org/post?a=1&b=2|PMID:123456');
    expect(JSON.parse(proposes['fibrograph_evidence'] ?? '')).toEqual(
      snapshot.claims.find((claim) => claim.id === 'claim:hypo--proposes--flow')?.evidence,
    );
    expect(edges.get('claim:flow--involves--muscle')['predicate']).toBe('biolink:occurs_in');
    expect(edges.get('claim:flow--causes--ache')).toMatchObject({
      predicate: 'biolink:contributes_to',
      knowledge_level: 'prediction',
    });
  });

  it('maps every kind and relation to a biolink CURIE', () => {
    for (const kind of CONCEPT_KINDS) expect(BIOLINK_CATEGORY[kind]).toMatch(/^biolink:[A-Z]\w+$/);
    for (const kind of SOURCE_KINDS) expect(BIOLINK_SOURCE_CATEGORY[kind]).toMatch(/^biolink:[A-Z]\w+$/);
    for (const relation of RELATIONS) expect(BIOLINK_PREDICATE[relation]).toMatch(/^biolink:[a-z_]+$/);
  });
});

function table(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  const [headerLine = '', ...lines] = text.slice(0, -1).split('\n');
  const header = headerLine.split('\t');
  const rows = lines.map((line) => line.split('\t'));
  const get = (id: string): Record<string, string> => {
    const row = rows.find((cells) => cells[0] === id);
    if (!row) throw new Error(`no row ${id}`);
    return Object.fromEntries(header.map((column, index) => [column, row[index] ?? '']));
  };
  return { header, rows, get };
}
