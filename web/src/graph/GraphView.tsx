/**
 * The Cytoscape.js canvas. React owns the scene; this component reconciles Cytoscape's elements with
 * it by id (add, remove, update classes) instead of rebuilding, so expanding a node keeps everyone
 * else where the reader left them, and only a structural change re-runs the layout. Tap selects,
 * double-tap expands. The canvas is a picture for sighted readers; the list view is its accessible
 * twin, and the canvas says so.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LayoutName } from '../state/view-state.ts';
import { graphStylesheet, sceneElements } from './elements.ts';
import { LARGE_GRAPH, layoutOptions } from './layouts.ts';
import type { Scene } from './scene.ts';

cytoscape.use(fcose);

export interface GraphViewProps {
  readonly scene: Scene;
  readonly selected: string | null;
  readonly layout: LayoutName;
  readonly onSelect: (id: string | null) => void;
  readonly onExpand: (id: string) => void;
  /** Receives the Cytoscape instance once (for export), and null on unmount. */
  readonly onReady?: (cy: Core | null) => void;
  /** Called after each layout finishes (the benchmark and the tests wait for it). */
  readonly onLayoutDone?: () => void;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function GraphView({
  scene,
  selected,
  layout,
  onSelect,
  onExpand,
  onReady,
  onLayoutDone,
}: GraphViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand, onLayoutDone });
  useLayoutEffect(() => {
    handlers.current = { onSelect, onExpand, onLayoutDone };
  });

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      textureOnViewport: false,
      boxSelectionEnabled: false,
    });
    cy.on('tap', (event) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      handlers.current.onSelect(target === cy ? null : (target as cytoscape.SingularElementArgument).id());
    });
    cy.on('dbltap', 'node', (event) =>
      handlers.current.onExpand((event.target as cytoscape.NodeSingular).id()),
    );
    cyRef.current = cy;
    onReady?.(cy);
    return () => {
      onReady?.(null);
      cy.destroy();
      cyRef.current = null;
    };
    // The instance lives as long as the component; callbacks are read through `handlers`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Reconcile elements; lay out again only when nodes or claims came or went.
  const lastLayout = useRef<LayoutName | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = sceneElements(scene, selected);
    const structural = reconcile(cy, wanted);
    const large = scene.nodes.length > LARGE_GRAPH;
    // Big views draw labels only when zoomed in far enough to read them.
    cy.style()
      .selector('node')
      .style('min-zoomed-font-size', large ? 9 : 0)
      .update();
    if (structural || lastLayout.current !== layout) {
      lastLayout.current = layout;
      const run = cy.layout(layoutOptions(layout, scene.nodes.length, prefersReducedMotion()));
      run.one('layoutstop', () => handlers.current.onLayoutDone?.());
      run.run();
    }
  }, [scene, selected, layout]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-nodes={scene.nodes.length}
      data-claims={scene.claims.length}
      data-highlighted={scene.highlighted.size}
      data-selected={selected ?? ''}
      role="img"
      aria-label={`Graph of ${scene.nodes.length} nodes and ${scene.claims.length} claims. The list view shows the same graph as text.`}
    />
  );
}

/** Brings the instance in line with `wanted`; true when elements were added or removed. */
function reconcile(cy: Core, wanted: readonly ElementDefinition[]): boolean {
  const wantedIds = new Set(wanted.map((element) => element.data.id as string));
  let structural = false;
  cy.batch(() => {
    const stale = cy.elements().filter((element) => !wantedIds.has(element.id()));
    if (stale.nonempty()) {
      structural = true;
      cy.remove(stale);
    }
    const added: ElementDefinition[] = [];
    for (const element of wanted) {
      const existing = cy.getElementById(element.data.id as string);
      if (existing.empty()) added.push(element);
      else {
        existing.classes(element.classes ?? '');
        existing.data(element.data);
      }
    }
    if (added.length > 0) {
      structural = true;
      cy.add(added);
    }
  });
  return structural;
}
