/** The Cytoscape.js JSON export: elements in `{ nodes, edges }`, scene columns, the stylesheet. */
import { describe, expect, it } from 'vitest';
import type { MapClaimFragment } from '../../../web/src/api/generated.ts';
import { cytoscapeDocument, cytoscapeJsonText } from '../../../web/src/export/cyjs.ts';
import { graphStylesheet } from '../../../web/src/graph/elements.ts';
import { buildScene } from '../../../web/src/graph/scene.ts';
import { DEFAULT_FILTERS } from '../../../web/src/state/view-state.ts';

const CLAIM: MapClaimFragment = {
  id: 'claim:t--proposes--m',
  relation: 'PROPOSES',
  certainty: 'VERY_LOW',
  strength: 0.25,
  contested: true,
  bestLevel: 'HYPOTHESIS',
  supportCount: 1,
  disputeCount: 1,
  from: { id: 'theory:t' },
  to: { id: 'mechanism:m' },
  evidence: [
    { level: 'HYPOTHESIS', stance: 'SUPPORTS' },
    { level: 'ANECDOTE', stance: 'DISPUTES' },
  ],
};

const SCENE = buildScene({
  parts: [
    {
      nodes: [
        { id: 'theory:t', kind: 'THEORY', name: 'Theory T' },
        { id: 'mechanism:m', kind: 'MECHANISM', name: 'Mechanism M' },
      ],
      claims: [CLAIM],
    },
  ],
  filters: DEFAULT_FILTERS,
});

describe('cytoscapeDocument', () => {
  it('builds the elements from the scene when there is no canvas', () => {
    const document = cytoscapeDocument({ scene: SCENE, name: 'fibrograph-overview', selected: null });
    expect(document.format_version).toBe('1.0');
    expect(document.data.name).toBe('fibrograph-overview');
    expect(document.elements.nodes.map((node) => node.data.id)).toEqual(['theory:t', 'mechanism:m']);
    expect(document.elements.edges).toHaveLength(1);
    expect(document.style).toEqual(graphStylesheet());
  });

  it('adds the scene columns Cytoscape desktop shows and filters on', () => {
    const document = cytoscapeDocument({ scene: SCENE, name: 'n', selected: null });
    expect(document.elements.nodes[0]?.data).toMatchObject({
      id: 'theory:t',
      label: 'Theory T',
      name: 'Theory T',
      shared_name: 'Theory T',
      kind: 'THEORY',
    });
    expect(document.elements.edges[0]?.data).toMatchObject({
      source: 'theory:t',
      target: 'mechanism:m',
      relation: 'PROPOSES',
      interaction: 'PROPOSES',
      certainty: 'VERY_LOW',
      strength: 0.25,
      contested: true,
      bestLevel: 'HYPOTHESIS',
      supportCount: 1,
      disputeCount: 1,
    });
    expect(document.elements.edges[0]?.classes).toContain('contested');
  });

  it('keeps what the canvas drew, positions and style included', () => {
    const drawn = {
      elements: {
        nodes: [
          {
            group: 'nodes' as const,
            data: { id: 'theory:t', label: 'Theory T' },
            position: { x: 10, y: 20 },
          },
        ],
        edges: [],
      },
      style: [{ selector: 'node', style: { width: 26 } }],
    };
    const document = cytoscapeDocument({ scene: SCENE, name: 'n', selected: null, drawn });
    expect(document.elements.nodes).toEqual([
      {
        group: 'nodes',
        data: {
          id: 'theory:t',
          label: 'Theory T',
          name: 'Theory T',
          shared_name: 'Theory T',
          kind: 'THEORY',
        },
        position: { x: 10, y: 20 },
      },
    ]);
    expect(document.elements.edges).toEqual([]);
    expect(document.style).toBe(drawn.style);
  });

  it('serialises to JSON that reads back the same', () => {
    const document = cytoscapeDocument({ scene: SCENE, name: 'n', selected: 'theory:t' });
    expect(JSON.parse(cytoscapeJsonText(document))).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
