/** The Cytoscape.js export has the shape Cytoscape desktop reads and imports back to the identical snapshot. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/src/domain/errors.ts';
import { fromCyjs, toCyjs, toCyjsDocument } from '../../server/src/export/cyjs-format.ts';
import { detectImportFormat, parseSnapshot } from '../../server/src/export/import-snapshot.ts';
import { fromJson, toJson } from '../../server/src/export/json-format.ts';

const snapshot = fromJson(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/snapshots/small.json'), 'utf8'),
);

describe('cyjs export', () => {
  it('has elements.nodes and elements.edges with data.id, data.source and data.target', () => {
    const document = toCyjsDocument(snapshot);
    expect(document.elements.nodes).toHaveLength(snapshot.nodes.length);
    expect(document.elements.edges).toHaveLength(snapshot.claims.length);
    for (const { data } of document.elements.nodes) {
      expect(typeof data['id']).toBe('string');
      expect(typeof data['label']).toBe('string');
      expect(typeof data['kind']).toBe('string');
    }
    const ids = new Set(document.elements.nodes.map(({ data }) => data['id']));
    for (const { data } of document.elements.edges) {
      expect(ids.has(data['source'] ?? '')).toBe(true);
      expect(ids.has(data['target'] ?? '')).toBe(true);
      expect(data['interaction']).toBe(data['relation']);
    }
  });

  it('keeps every column scalar and lists joined', () => {
    const document = toCyjsDocument(snapshot);
    const values = [...document.elements.nodes, ...document.elements.edges].flatMap(({ data }) =>
      Object.values(data),
    );
    expect(values.every((value) => ['string', 'number', 'boolean'].includes(typeof value))).toBe(true);
    const theory = document.elements.nodes.find(({ data }) => data['id'] === 'theory:hypo');
    expect(theory?.data['aliases']).toBe("A|B alias|O'Brien");
  });

  it('derives certainty, strength and contested on edges', () => {
    const edge = toCyjsDocument(snapshot).elements.edges.find(
      ({ data }) => data['id'] === 'claim:hypo--proposes--flow',
    );
    // What a theory proposes is not graded: Cytoscape reads the string "ungraded" and a neutral strength.
    expect(edge?.data).toMatchObject({
      relation: 'PROPOSES',
      contested: true,
      supportCount: 1,
      disputeCount: 1,
      certainty: 'ungraded',
      strength: 1,
    });
  });

  it('imports back to the identical snapshot', () => {
    const text = toCyjs(snapshot);
    expect(fromCyjs(text)).toEqual(snapshot);
    expect(toJson(parseSnapshot(text, detectImportFormat('graph.cyjs', text)))).toBe(toJson(snapshot));
    expect(detectImportFormat('graph.json', text)).toBe('cyjs');
  });

  it('refuses a .cyjs file that FibroGraph did not write', () => {
    const foreign = JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [] } });
    expect(() => fromCyjs(foreign)).toThrow(ValidationError);
    expect(() => fromCyjs('{"data":{}}')).toThrow(ValidationError);
  });
});
