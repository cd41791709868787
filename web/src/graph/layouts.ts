/**
 * Layout options per layout name, tuned by graph size: fcose at "proof" quality for the small graphs
 * people read; above LARGE_GRAPH nodes the force-directed choice becomes `spreadPositions` (pivot
 * MDS, evened out) fed to Cytoscape's preset layout, because fCoSE needs tens of seconds there and
 * its draft piles nodes up (see spread-layout.ts). No animation when the reader prefers reduced
 * motion, or for large graphs.
 */
import type { LayoutOptions, NodePositionMap } from 'cytoscape';
import type { LayoutName } from '../state/view-state.ts';
import type { SceneClaim, SceneNode } from './scene.ts';
import { spreadPositions } from './spread-layout.ts';

/** Above this many nodes layouts trade polish for speed. */
export const LARGE_GRAPH = 600;

/** What a layout is asked to arrange, and how. */
export interface LayoutRunOptions {
  /** The nodes and claims on the canvas (large force-directed scenes are placed from them). */
  readonly scene: LayoutScene;
  /** Move nodes smoothly to their new places; large graphs never animate. */
  readonly animate: boolean;
  /** The canvas: large scenes are fitted from their positions (see `fitPositions`). */
  readonly viewport: Viewport;
}

/** What a layout needs of a scene: node ids and claim ends. */
export interface LayoutScene {
  readonly nodes: readonly Pick<SceneNode, 'id'>[];
  readonly claims: readonly Pick<SceneClaim, 'from' | 'to'>[];
}

/** The canvas size in CSS pixels and its zoom limits. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly minZoom: number;
  readonly maxZoom: number;
}

const PADDING = 30;

/**
 * fCoSE's spacing for the maps people read. Labels count as part of a node, so none overlap; shorter
 * edges and stronger gravity than fCoSE's defaults keep the 70-node map compact enough to fit a
 * laptop canvas at a readable zoom.
 */
const FCOSE_SPACING = {
  nodeDimensionsIncludeLabels: true,
  idealEdgeLength: 60,
  nodeRepulsion: 7000,
  gravity: 1.2,
  gravityRange: 2,
  packComponents: true,
} as const;
/** Half the largest node (anchors are 38 px): fitting by centres must leave room for it. */
const NODE_RADIUS = 19;

/** Cytoscape layout options for a layout name. */
export function layoutOptions(
  name: LayoutName,
  { scene, animate: wanted, viewport }: LayoutRunOptions,
): LayoutOptions {
  const large = scene.nodes.length > LARGE_GRAPH;
  const animate = wanted && !large;
  switch (name) {
    case 'fcose':
      if (large) {
        const positions = spreadScene(scene);
        return {
          name: 'preset',
          positions,
          animate: false,
          fit: false,
          ...fitPositions(positions, viewport),
        };
      }
      return {
        name: 'fcose',
        quality: 'proof',
        randomize: true,
        animate,
        animationDuration: 400,
        fit: true,
        padding: PADDING,
        ...FCOSE_SPACING,
        numIter: 2500,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate,
        fit: true,
        padding: PADDING,
        // Labels count as part of a node and rings keep apart, so names do not overlap.
        minNodeSpacing: 30,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        concentric: (node: { degree: (loops: boolean) => number }) => node.degree(false),
        levelWidth: () => 2,
      };
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        animate,
        fit: true,
        padding: PADDING,
        directed: true,
        spacingFactor: 1.3,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
      };
    case 'circle':
      return {
        name: 'circle',
        animate,
        fit: true,
        padding: PADDING,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
      };
    case 'grid':
      return { name: 'grid', animate, fit: true, padding: PADDING, avoidOverlap: true };
  }
}

/**
 * A second force-directed pass from the nodes' current places (no new start), counting labels at the
 * size they are drawn now: after the first fit has enlarged the landmark names, it moves apart those
 * that overlap while keeping the arrangement the reader saw.
 */
export function refinementOptions(): LayoutOptions {
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    // The nodes move a little from where the first pass (animated or not) left them: no animation, so
    // the map is ready as soon as they are placed (an animation here cost 300 ms on the first screen).
    animate: false,
    fit: true,
    padding: PADDING,
    ...FCOSE_SPACING,
    numIter: 500,
  } as LayoutOptions;
}

/** `spreadPositions` for a scene, keyed by node id. */
function spreadScene(scene: LayoutScene): NodePositionMap {
  const indexOf = new Map(scene.nodes.map((node, index) => [node.id, index]));
  const edges: number[] = [];
  for (const claim of scene.claims) {
    const from = indexOf.get(claim.from);
    const to = indexOf.get(claim.to);
    if (from !== undefined && to !== undefined) edges.push(from, to);
  }
  const positions = spreadPositions(scene.nodes.length, edges);
  const byId: NodePositionMap = {};
  scene.nodes.forEach((node, index) => {
    byId[node.id] = { x: positions[index * 2] ?? 0, y: positions[index * 2 + 1] ?? 0 };
  });
  return byId;
}

/**
 * The zoom and pan that fit node centres (plus a node radius) into the viewport. Cytoscape's own fit
 * measures every element, labels and claims included, which on thousands of elements costs as
 * much as drawing them; labels are hidden at this zoom anyway.
 */
export function fitPositions(
  positions: NodePositionMap,
  viewport: Viewport,
): { zoom: number; pan: { x: number; y: number } } {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of Object.values(positions)) {
    [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x), Math.max(y2, y)];
  }
  if (x1 > x2) return { zoom: 1, pan: { x: viewport.width / 2, y: viewport.height / 2 } };
  const width = x2 - x1 + 2 * NODE_RADIUS;
  const height = y2 - y1 + 2 * NODE_RADIUS;
  const fitted = Math.min((viewport.width - 2 * PADDING) / width, (viewport.height - 2 * PADDING) / height);
  const zoom = Math.min(viewport.maxZoom, Math.max(viewport.minZoom, fitted));
  return {
    zoom,
    pan: { x: viewport.width / 2 - (zoom * (x1 + x2)) / 2, y: viewport.height / 2 - (zoom * (y1 + y2)) / 2 },
  };
}

/** Human names for the layout picker. */
export const LAYOUT_LABELS: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric by connections',
  breadthfirst: 'Hierarchy (breadth-first)',
  circle: 'Circle',
  grid: 'Grid',
};
