/** Reads what the Cytoscape canvas drew into the plain data the SVG export takes. */
import type { Core } from 'cytoscape';
import type { NodeKind } from '../api/generated.ts';
import { isNodeKind } from '../graph/vocabulary.ts';
import type { SvgEdge, SvgGraph, SvgNode } from './svg.ts';

/** Node positions and sizes, and claim end points, in model coordinates. */
export function drawnGraph(cy: Core, title: string): SvgGraph {
  const nodes: SvgNode[] = [];
  cy.nodes().forEach((node) => {
    const kind: unknown = node.data('kind');
    const label: unknown = node.data('label');
    if (typeof kind !== 'string' || !isNodeKind(kind)) return;
    const { x, y } = node.position();
    nodes.push({
      id: node.id(),
      label: typeof label === 'string' ? label : node.id(),
      kind,
      x,
      y,
      w: node.width(),
      h: node.height(),
      classes: node.classes(),
    });
  });
  const edges: SvgEdge[] = cy.edges().map((edge) => {
    const width: unknown = edge.data('width');
    return {
      source: edge.sourceEndpoint(),
      target: edge.targetEndpoint(),
      width: typeof width === 'number' ? width : 2,
      classes: edge.classes(),
    };
  });
  return { nodes, edges, title };
}

/** The kinds on the canvas, for the legend. */
export function drawnKinds(cy: Core): NodeKind[] {
  const kinds = new Set<NodeKind>();
  cy.nodes().forEach((node) => {
    const kind: unknown = node.data('kind');
    if (typeof kind === 'string' && isNodeKind(kind)) kinds.add(kind);
  });
  return [...kinds];
}
