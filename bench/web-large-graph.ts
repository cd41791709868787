/**
 * Target (c): a scene of about 2,000 nodes and 6,000 claims rendered and laid out within 3 s, then
 * panned at a usable frame rate. The scene is a permalink, `/?node=<hub>&depth=3&limit=5000`, into a synthetic
 * graph sized so that the best-connected node's depth-3 neighbourhood has that shape (3,100 nodes at
 * 2.55 claims per node gives 1,977 nodes and 6,029 claims). Each run is a cold navigation; after the
 * first frame is drawn the mouse drags the background in a circle for a few seconds while the page
 * records animation frames and Cytoscape's redraws.
 */
import type { Browser, Page } from 'playwright-core';
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import { MAX_NODE_BUDGET } from '../web/src/state/view-state.ts';
import {
  findEmptyCanvasPoint,
  openProbedPage,
  readProbes,
  startFrameRecording,
  stopFrameRecording,
  waitForDrawnLayout,
  type FrameFigures,
} from './web-probes.ts';

/** The targets: navigation start to the laid-out scene drawn, and the frame rate while panning. */
export const LARGE_LAYOUT_TARGET_MS = 3000;
export const PAN_FPS_TARGET = 30;

/** The synthetic graph and view that give a ≈2,000-node, ≈6,000-claim scene. */
export const LARGE_GRAPH_DEFAULTS = { nodes: 3100, claimsPerNode: 2.55, depth: 3 } as const;

/** The permalink the runs open and the scene the server should return for it. */
export interface LargeView {
  readonly path: string;
  readonly centre: string;
  readonly depth: number;
  readonly expectedNodes: number;
  readonly expectedClaims: number;
}

/** The best-connected node (ties: smallest id) and the size of its neighbourhood at `depth`. */
export function largeView(snapshot: GraphSnapshot, depth: number): LargeView {
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string): void => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const claim of snapshot.claims) {
    link(claim.from, claim.to);
    link(claim.to, claim.from);
  }
  let centre = '';
  let degree = -1;
  for (const [id, list] of neighbours) {
    if (list.length > degree || (list.length === degree && id < centre)) [centre, degree] = [id, list.length];
  }
  // The same walk as the stores' neighbourhood: every node within `depth` hops, every claim among them.
  const reached = new Set([centre]);
  let frontier = [centre];
  for (let level = 0; level < depth; level += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (reached.has(other)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  const claims = snapshot.claims.filter((claim) => reached.has(claim.from) && reached.has(claim.to)).length;
  return {
    // The permalink asks for every node of the neighbourhood: the default node budget (150) would
    // otherwise measure a readable screen, not the 2,000-node view this target is about.
    path: `/?node=${centre}&depth=${depth}&limit=${MAX_NODE_BUDGET}`,
    centre,
    depth,
    expectedNodes: reached.size,
    expectedClaims: claims,
  };
}

/** One cold navigation to the large view and one pan. Times in ms since navigation start. */
export interface LargeGraphRun {
  readonly nodes: number;
  readonly claims: number;
  /** The neighbourhood asked for, and its answer fully received (resource timing of /graphql). */
  readonly dataRequested: number | null;
  readonly dataReceived: number | null;
  readonly sceneCommitted: number | null;
  readonly layoutDone: number;
  readonly drawn: number | null;
  readonly pan: PanFigures;
  readonly errors: readonly string[];
}

/** Frame timing while the mouse drags the background. */
export interface PanFigures {
  readonly durationMs: number;
  /** Mouse moves sent (at 60 Hz) and `pan` events Cytoscape emitted. */
  readonly moves: number;
  readonly pans: number;
  /** Intervals between consecutive animation frames, in ms. */
  readonly frameIntervals: readonly number[];
  readonly framesPerSecond: number;
  /** Cytoscape redraws during the pan and their mean duration. */
  readonly redraws: number;
  readonly meanRedrawMs: number;
}

/** Options for `measureLargeGraph`. */
export interface LargeGraphOptions {
  readonly url: string;
  readonly runs: number;
  readonly panMs: number;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly log: (line: string) => void;
}

/** One uncounted navigation (warms the server's caches and the browser), then `runs` cold ones. */
export async function measureLargeGraph(
  browser: Browser,
  options: LargeGraphOptions,
): Promise<LargeGraphRun[]> {
  await largeNavigation(browser, { ...options, panMs: 0 });
  const runs: LargeGraphRun[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const run = await largeNavigation(browser, options);
    options.log(
      `large graph ${index + 1}/${options.runs}: ${run.nodes} nodes, ${run.claims} claims, drawn ${Math.round(run.drawn ?? NaN)} ms, pan ${run.pan.framesPerSecond.toFixed(1)} fps`,
    );
    runs.push(run);
  }
  return runs;
}

async function largeNavigation(browser: Browser, options: LargeGraphOptions): Promise<LargeGraphRun> {
  const { context, page, pageErrors } = await openProbedPage(browser, options.viewport, options.url);
  try {
    await waitForDrawnLayout(page, 120_000);
    const record = await readProbes(page);
    const layout = record.layouts.find((entry) => entry.nodes > 0);
    if (layout === undefined) throw new Error('no layout of a non-empty scene was recorded');
    const data = await page.evaluate(() => {
      const requests = performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => entry.name.includes('/graphql'));
      return requests.length === 0
        ? null
        : {
            requested: Math.min(...requests.map((entry) => entry.startTime)),
            received: Math.max(...requests.map((entry) => entry.responseEnd)),
          };
    });
    // Let the frame after the layout settle before panning.
    await page.waitForTimeout(500);
    const pan = options.panMs > 0 ? await dragPan(page, options.panMs) : emptyPan();
    return {
      nodes: layout.nodes,
      claims: layout.claims,
      dataRequested: data?.requested ?? null,
      dataReceived: data?.received ?? null,
      sceneCommitted: record.sceneCommittedAt,
      layoutDone: layout.at,
      drawn: layout.drawnAt,
      pan,
      errors: [...record.errors, ...pageErrors],
    };
  } finally {
    await context.close();
  }
}

/** Radius of the circle the pointer drags along, how long one turn takes, and the pointer's event rate. */
const DRAG_RADIUS_PX = 120;
const DRAG_TURN_MS = 1500;
const POINTER_HZ = 60;

/**
 * Presses on empty background and drags in a circle for `panMs`, then releases. The moves go
 * straight to Chromium's input pipeline (CDP) at 60 Hz without waiting for the page, as a real mouse
 * sends them whether or not the page keeps up; Chromium coalesces what queues up. (Playwright's
 * `mouse.move` waits for each move to be handled, so a slow page would be sent fewer moves.)
 */
async function dragPan(page: Page, panMs: number): Promise<PanFigures> {
  const start = await findEmptyCanvasPoint(page);
  if (start === null) throw new Error('found no empty spot on the canvas to drag from');
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  await mouse('mouseMoved', start.x, start.y);
  await mouse('mousePressed', start.x, start.y);
  await startFrameRecording(page);
  const sent: Promise<unknown>[] = [];
  const began = performance.now();
  let last = start;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - began;
      if (elapsed >= panMs) {
        clearInterval(timer);
        resolve();
        return;
      }
      const angle = (2 * Math.PI * elapsed) / DRAG_TURN_MS;
      // Starts at the press point and circles around a centre one radius to its left.
      last = {
        x: start.x - DRAG_RADIUS_PX + DRAG_RADIUS_PX * Math.cos(angle),
        y: start.y + DRAG_RADIUS_PX * Math.sin(angle),
      };
      sent.push(mouse('mouseMoved', last.x, last.y));
    }, 1000 / POINTER_HZ);
  });
  await Promise.all(sent);
  const frames = await stopFrameRecording(page);
  await mouse('mouseReleased', last.x, last.y);
  await cdp.detach();
  return panFigures(frames, sent.length);
}

function panFigures(recorded: FrameFigures, moves: number): PanFigures {
  const { frames } = recorded;
  const frameIntervals = frames.slice(1).map((time, index) => time - (frames[index] ?? time));
  const durationMs = frames.length > 1 ? (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0) : 0;
  return {
    durationMs,
    moves,
    pans: recorded.pans,
    frameIntervals,
    framesPerSecond: durationMs > 0 ? (frameIntervals.length * 1000) / durationMs : 0,
    redraws: recorded.redraws,
    meanRedrawMs: recorded.redraws > 0 ? recorded.redrawMs / recorded.redraws : NaN,
  };
}

function emptyPan(): PanFigures {
  return {
    durationMs: 0,
    moves: 0,
    pans: 0,
    frameIntervals: [],
    framesPerSecond: 0,
    redraws: 0,
    meanRedrawMs: NaN,
  };
}
