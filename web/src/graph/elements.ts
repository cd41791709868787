/**
 * Scene → Cytoscape.js elements and stylesheet. Visual encoding: kind by shape and colour; claim
 * strength by edge width; weak-only evidence dashed; contested claims vermillion with a diamond
 * marker mid-edge; highlighted parts solid and everything else faded. Kept free of a Cytoscape
 * instance so the mapping is unit-tested.
 */
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { Scene } from './scene.ts';
import { MIN_LABEL_PX } from './readable-labels.ts';
import { isWeakOnly } from './scene.ts';
import {
  CLAIM_COLOUR,
  CONTESTED_COLOUR,
  HIGHLIGHT_COLOUR,
  KIND_LOOKS,
  NODE_KINDS,
  isUndirected,
  relationVerb,
} from './vocabulary.ts';

/** Edge width in px for a claim strength in [0, 1]. */
export function edgeWidth(strength: number): number {
  return Math.round((1.5 + 6 * Math.min(1, Math.max(0, strength))) * 10) / 10;
}

/**
 * The width of a claim that is not graded (what a theory proposes or explains): the thinnest. Its
 * strength (1) only keeps it neutral when paths are ranked; drawn at that width it would look like
 * the best evidence on the map.
 */
export const UNGRADED_EDGE_WIDTH = edgeWidth(0);

/** The elements for a scene; classes carry the encoding, data the labels. */
export function sceneElements(scene: Scene, selected: string | null): ElementDefinition[] {
  const lit = scene.highlighted.size > 0;
  const nodes: ElementDefinition[] = scene.nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind },
    classes: [
      `kind-${node.kind.toLowerCase()}`,
      scene.anchors.has(node.id) ? 'anchor' : '',
      lit ? (scene.highlighted.has(node.id) ? 'lit' : 'faded') : '',
      node.id === selected ? 'chosen' : '',
      node.proposed ? 'proposed' : '',
      scene.pending?.has(node.id) ? 'pending' : '',
    ]
      .filter(Boolean)
      .join(' '),
  }));
  const edges: ElementDefinition[] = scene.claims.map((claim) => ({
    group: 'edges',
    data: {
      id: claim.id,
      source: claim.from,
      target: claim.to,
      relation: claim.relation,
      label: relationVerb(claim.relation),
      width: claim.certainty === null ? UNGRADED_EDGE_WIDTH : edgeWidth(claim.strength),
    },
    classes: [
      claim.contested ? 'contested' : '',
      isWeakOnly(claim) ? 'weak' : '',
      isUndirected(claim.relation) ? 'undirected' : '',
      lit ? (scene.highlighted.has(claim.id) ? 'lit' : 'faded') : '',
      claim.id === selected ? 'chosen' : '',
      claim.proposed ? 'proposed' : '',
      scene.pending?.has(claim.id) ? 'pending' : '',
    ]
      .filter(Boolean)
      .join(' '),
  }));
  return [...nodes, ...edges];
}

/** Proposals waiting for review (Okabe–Ito reddish purple, darkened for contrast on white). */
export const PROPOSAL_COLOUR = '#8E3B73';

/** The stylesheet: one rule per kind, then the claim and state classes. */
export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1a1a1a',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 26,
        height: 26,
        'border-width': 1.5,
        'border-color': '#333333',
        // Ordinary labels appear once readable; landmarks keep theirs (readable-labels.ts).
        'min-zoomed-font-size': MIN_LABEL_PX,
      },
    },
    ...NODE_KINDS.map((kind) => ({
      selector: `node.kind-${kind.toLowerCase()}`,
      style: { 'background-color': KIND_LOOKS[kind].colour, shape: KIND_LOOKS[kind].shape },
    })),
    // Theories are the map's landmarks: their names stay readable when the map is zoomed out.
    { selector: 'node.kind-theory', style: { 'font-size': 13, 'font-weight': 'bold' } },
    { selector: 'node.anchor', style: { width: 38, height: 38, 'border-width': 3, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': CLAIM_COLOUR,
        'target-arrow-color': CLAIM_COLOUR,
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 0.9,
        opacity: 0.75,
      },
    },
    { selector: 'edge.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.undirected', style: { 'target-arrow-shape': 'none' } },
    {
      selector: 'edge.contested',
      style: {
        'line-color': CONTESTED_COLOUR,
        'target-arrow-color': CONTESTED_COLOUR,
        'mid-target-arrow-shape': 'diamond',
        'mid-target-arrow-color': CONTESTED_COLOUR,
        'mid-target-arrow-fill': 'hollow',
      },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
    // Editors' proposal overlay: ghosts of what proposals add, and outlines on what they would change.
    {
      selector: 'node.proposed',
      style: {
        'background-opacity': 0.35,
        'border-width': 3,
        'border-style': 'dashed',
        'border-color': PROPOSAL_COLOUR,
      },
    },
    {
      selector: 'edge.proposed',
      style: { 'line-style': 'dashed', 'line-color': PROPOSAL_COLOUR, 'target-arrow-color': PROPOSAL_COLOUR },
    },
    {
      selector: 'node.pending',
      style: { 'border-width': 4, 'border-style': 'double', 'border-color': PROPOSAL_COLOUR },
    },
    {
      selector: 'edge.pending',
      style: { 'line-color': PROPOSAL_COLOUR, 'target-arrow-color': PROPOSAL_COLOUR },
    },
    { selector: 'edge.lit', style: { opacity: 1, 'z-index': 10 } },
    { selector: 'node.lit', style: { 'border-width': 3, 'border-color': HIGHLIGHT_COLOUR } },
    {
      selector: '.chosen',
      style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
    {
      selector: 'edge.chosen, edge:selected',
      style: {
        label: 'data(label)',
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-background-opacity': 0.9,
        'text-background-color': '#ffffff',
      },
    },
  ] as StylesheetJson;
}
