/**
 * The Cytoscape.js canvas. React owns the scene; this component reconciles Cytoscape's elements with
 * it by id (add, remove, update classes) instead of rebuilding, so a selection or filter change only
 * restyles, and only a structural change re-runs the layout (seeded: the same scene always gets the
 * same arrangement). Tap selects, double-tap expands. The canvas is a picture for sighted readers;
 * the list view is its accessible twin, and the canvas says so.
 *
 * Scenes of more than LARGE_GRAPH nodes get a canvas built for speed (see LARGE_CANVAS): the renderer
 * options it needs can only be set when an instance is created, so crossing the threshold creates a
 * new instance. That is cheap, because crossing it always changes the nodes and so re-runs the
 * layout anyway. `npm run bench:web` measures both kinds of scene.
 */
import cytoscape, {
  type Core,
  type CytoscapeOptions,
  type ElementDefinition,
  type StylesheetJson,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LayoutName } from '../state/view-state.ts';
import { graphStylesheet, sceneElements } from './elements.ts';
import { LARGE_GRAPH, layoutOptions, refinementOptions } from './layouts.ts';
import {
  applyReadableLabels,
  keepLabelsReadable,
  LANDMARK_ZOOM_FLOOR,
  rememberFittedZoom,
} from './readable-labels.ts';
import { isWeakOnly, type Scene } from './scene.ts';
import { seedOf, withSeededRandom } from './seeded-random.ts';

cytoscape.use(fcose);

export interface GraphViewProps {
  readonly scene: Scene;
  readonly selected: string | null;
  readonly layout: LayoutName;
  readonly onSelect: (id: string | null) => void;
  readonly onExpand: (id: string) => void;
  /** Receives the Cytoscape instance (for export) whenever one is created, and null when it goes. */
  readonly onReady?: (cy: Core | null) => void;
  /** Called after each layout finishes (the benchmark and the tests wait for it). */
  readonly onLayoutDone?: () => void;
}

type SizeClass = 'small' | 'large';

/** Options every canvas shares. */
const CANVAS: CytoscapeOptions = {
  minZoom: 0.05,
  maxZoom: 4,
  boxSelectionEnabled: false,
};

/**
 * Fitting a layout to the canvas zooms a two- or three-node neighbourhood to giant size; after a
 * layout the zoom is brought back to this, centred, so small scenes read at the map's scale.
 */
const MAX_FITTED_ZOOM = 1.4;
/**
 * On a narrow canvas a small graph is never fitted smaller than this: on a phone the whole map at once
 * would be a blot of unreadable names, so the reader starts at a legible zoom around the map's centre
 * (or the node the view is about) and pinches out for the rest.
 */
const MIN_FITTED_ZOOM = LANDMARK_ZOOM_FLOOR;
/** Canvases narrower than this (phones) start at MIN_FITTED_ZOOM; wider ones always show the whole fit. */
const NARROW_CANVAS = 700;
/** Room around a fitted graph, as the layouts leave it (layouts.ts). */
const FIT_PADDING = 30;

/**
 * Large scenes: claims and labels are hidden while the reader pans or zooms, and drawn at one device
 * pixel per CSS pixel (a 2x screen would paint four times the pixels). Measured with
 * `npm run bench:web` on 2,000 nodes and 6,000 claims, 2 cores, no GPU: redrawing every claim each
 * frame pans at 16–20 fps; a moving snapshot (`textureOnViewport`) pans at ~45 fps but freezes for
 * ~0.7 s at the start of every drag; hiding claims pans at 30–37 fps with no freeze. Cytoscape's
 * WebGL renderer (software GL here) took 4 s to draw and panned at 2 fps.
 */
const LARGE_CANVAS: CytoscapeOptions = {
  hideEdgesOnViewport: true,
  hideLabelsOnViewport: true,
  pixelRatio: 1,
};

/**
 * Large scenes, on top of the usual stylesheet: labels only once zoomed in far enough to read them;
 * straight claims (no bundling of parallel claims to compute) without arrowheads (6,000 of them
 * cost ~300 ms of a ~1.5 s first frame, and at the zoom that fits thousands of nodes one is 2–3 px;
 * a selected claim still shows its verb, the details panel its direction); solid lines for weak
 * evidence (a dash pattern is sub-pixel at that zoom).
 */
const LARGE_STYLE: StylesheetJson = [
  { selector: 'node', style: { 'min-zoomed-font-size': 9 } },
  { selector: 'edge', style: { 'curve-style': 'straight', 'target-arrow-shape': 'none' } },
  { selector: 'edge.weak', style: { 'line-style': 'solid' } },
];

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
  const handlers = useRef({ onSelect, onExpand, onReady, onLayoutDone });
  useLayoutEffect(() => {
    handlers.current = { onSelect, onExpand, onReady, onLayoutDone };
  });
  const sizeClass: SizeClass = scene.nodes.length > LARGE_GRAPH ? 'large' : 'small';
  // The layout running now (null when none). An animated layout fits the box it started in; a box
  // that changed meanwhile (an answer docked under the map) is fitted again when the layout stops.
  const runningLayout = useRef<cytoscape.Layouts | null>(null);
  const resizedDuringLayout = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const large = sizeClass === 'large';
    const cy = cytoscape({
      container: container.current,
      style: large ? [...graphStylesheet(), ...LARGE_STYLE] : graphStylesheet(),
      ...CANVAS,
      ...(large ? LARGE_CANVAS : {}),
    });
    cy.on('tap', (event) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      handlers.current.onSelect(target === cy ? null : (target as cytoscape.SingularElementArgument).id());
    });
    cy.on('dbltap', 'node', (event) =>
      handlers.current.onExpand((event.target as cytoscape.NodeSingular).id()),
    );
    // Large scenes hide labels until zoomed in (LARGE_STYLE); small ones keep their landmarks readable.
    const stopLabels = large ? null : keepLabelsReadable(cy);
    cyRef.current = cy;
    handlers.current.onReady?.(cy);
    return () => {
      stopLabels?.();
      handlers.current.onReady?.(null);
      // A layout of this instance may still be running; it goes with it.
      runningLayout.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, [sizeClass]);

  // The canvas follows its box (a phone's details sheet takes the lower half); the chosen node stays
  // in view.
  useEffect(() => {
    const element = container.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.resize();
      // A small graph is fitted to its new box (an answer docked under it took room); a large one
      // keeps the reader's zoom, and the chosen node stays in view.
      if (cy.elements().empty()) return;
      if (runningLayout.current !== null) {
        resizedDuringLayout.current = true;
        return;
      }
      if (sizeClass === 'small') {
        cy.fit(undefined, FIT_PADDING);
        settleZoom(cy, sizeClass);
      }
      const chosen = cy.nodes('.chosen');
      if (chosen.nonempty()) cy.center(chosen);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [sizeClass]);

  // Reconcile elements; lay out again only when nodes or claims came or went, or on a new instance
  // (which is why `sizeClass` is a dependency: the instance it creates starts empty).
  const lastLayout = useRef<{ cy: Core; name: LayoutName } | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.elements().empty();
    const structural = reconcile(cy, sceneElements(scene, selected));
    if (sizeClass === 'small') applyReadableLabels(cy);
    // Nothing to arrange yet (the canvas mounts before the first answer arrives).
    if (wasEmpty && !structural) return;
    if (structural || lastLayout.current?.cy !== cy || lastLayout.current.name !== layout) {
      lastLayout.current = { cy, name: layout };
      const run = cy.layout(
        layoutOptions(layout, {
          scene,
          animate: animate(),
          viewport: { width: cy.width(), height: cy.height(), minZoom: cy.minZoom(), maxZoom: cy.maxZoom() },
        }),
      );
      const seed = seedOf(scene.nodes.map((node) => node.id));
      // A newer scene replaces a layout still running: stopped, and its end handlers (below) stand
      // down, so an old pass never moves the new scene's nodes or reports the new layout done.
      const replaced = runningLayout.current;
      runningLayout.current = run;
      replaced?.stop();
      resizedDuringLayout.current = false;
      const finish = () => {
        runningLayout.current = null;
        if (resizedDuringLayout.current && sizeClass === 'small') {
          cy.resize();
          cy.fit(undefined, FIT_PADDING);
        }
        resizedDuringLayout.current = false;
        settleZoom(cy, sizeClass);
      };
      run.one('layoutstop', () => {
        if (runningLayout.current !== run) return;
        settleZoom(cy, sizeClass);
        const refine = layout === 'fcose' && sizeClass === 'small' && cy.zoom() < 0.95;
        if (!refine) {
          finish();
          handlers.current.onLayoutDone?.();
          return;
        }
        // Fitted below zoom 1, the landmark labels were enlarged to stay readable (readable-labels.ts),
        // so names the layout had kept apart at their base size can now overlap. One more fCoSE pass
        // from where the nodes are, with the enlarged labels counted, moves them apart.
        const again = cy.layout(refinementOptions());
        runningLayout.current = again;
        again.one('layoutstop', () => {
          if (runningLayout.current !== again) return;
          finish();
          handlers.current.onLayoutDone?.();
        });
        withSeededRandom(seed, () => again.run());
      });
      // The same scene gets the same arrangement, so a shared link looks as it did for the sender.
      withSeededRandom(seed, () => run.run());
    }
  }, [scene, selected, layout, sizeClass]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-nodes={scene.nodes.length}
      data-claims={scene.claims.length}
      data-weak-claims={scene.claims.filter(isWeakOnly).length}
      data-highlighted={scene.highlighted.size}
      data-pending={scene.pending?.size ?? 0}
      data-proposed={
        scene.nodes.filter((node) => node.proposed).length +
        scene.claims.filter((claim) => claim.proposed).length
      }
      data-selected={selected ?? ''}
      role="img"
      aria-label={`Graph of ${scene.nodes.length} nodes and ${scene.claims.length} claims. The list view shows the same graph as text.`}
    />
  );
}

/**
 * After a fit: no closer than MAX_FITTED_ZOOM (a three-node graph would fill the screen), and on a
 * narrow canvas no further than MIN_FITTED_ZOOM; then labels sized for the zoom, landmarks at their
 * base size whatever the fitted zoom (a wide canvas may be fitted below LANDMARK_ZOOM_FLOOR).
 */
function settleZoom(cy: Core, sizeClass: SizeClass): void {
  if (cy.zoom() > MAX_FITTED_ZOOM) {
    cy.zoom(MAX_FITTED_ZOOM);
    cy.center();
  } else if (sizeClass === 'small' && cy.width() < NARROW_CANVAS && cy.zoom() < MIN_FITTED_ZOOM) {
    cy.zoom(MIN_FITTED_ZOOM);
    const about = cy.nodes('.chosen, .anchor');
    cy.center(about.nonempty() ? about : undefined);
  }
  if (sizeClass === 'small') {
    rememberFittedZoom(cy);
    applyReadableLabels(cy);
  }
}

/** Whether layouts may move nodes smoothly (never when the reader asks for reduced motion). */
function animate(): boolean {
  return !prefersReducedMotion();
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
