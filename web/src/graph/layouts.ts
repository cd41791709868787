/**
 * Layout options per layout name, tuned by graph size: fcose at "proof" quality for the small graphs
 * people read, "draft" with fewer iterations for thousands of nodes (the 3-second budget), and no
 * animation when the reader prefers reduced motion.
 */
import type { LayoutOptions } from 'cytoscape';
import type { LayoutName } from '../state/view-state.ts';

/** Above this many nodes layouts trade polish for speed. */
export const LARGE_GRAPH = 600;

/** Cytoscape layout options for a layout name. */
export function layoutOptions(name: LayoutName, nodeCount: number, reducedMotion: boolean): LayoutOptions {
  const large = nodeCount > LARGE_GRAPH;
  const animate = !reducedMotion && !large;
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: large ? 'draft' : 'proof',
        randomize: true,
        animate,
        animationDuration: 400,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: !large,
        idealEdgeLength: large ? 40 : 90,
        nodeRepulsion: large ? 4000 : 9000,
        numIter: large ? 600 : 2500,
        packComponents: true,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate,
        fit: true,
        padding: 30,
        minNodeSpacing: 20,
        concentric: (node: { degree: (loops: boolean) => number }) => node.degree(false),
        levelWidth: () => 2,
      };
    case 'breadthfirst':
      return { name: 'breadthfirst', animate, fit: true, padding: 30, directed: true, spacingFactor: 1.1 };
    case 'circle':
      return { name: 'circle', animate, fit: true, padding: 30 };
    case 'grid':
      return { name: 'grid', animate, fit: true, padding: 30, avoidOverlap: true };
  }
}

/** Human names for the layout picker. */
export const LAYOUT_LABELS: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric by connections',
  breadthfirst: 'Hierarchy (breadth-first)',
  circle: 'Circle',
  grid: 'Grid',
};
