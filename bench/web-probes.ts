/**
 * What the web benchmark records inside the page. `installProbes` runs before any of the app's
 * scripts (an init script) and keeps its findings on `window.__webBench`; the other functions run
 * later through `page.evaluate`. Every time is `performance.now()` in the page, i.e. milliseconds
 * since navigation start.
 *
 * The Cytoscape instance is not exposed by the app; Cytoscape itself keeps it on its container as
 * `_cyreg.cy` (cytoscape/src/core/index.mjs), which is where the benchmark reads it from. Its
 * renderer counts redraws and their time (`redrawCount`, `redrawTotalTime`, `lastDrawTime`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * esbuild (under tsx) wraps named functions in `__name(fn, "name")`, and page functions are
 * serialised as source, so the page needs a no-op `__name` of its own. Add it before any other init
 * script.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** A task that kept the main thread busy for more than 50 ms. */
export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/** A finished layout, with the canvas's counts at that moment and when the next frame was drawn. */
export interface LayoutRecord {
  readonly at: number;
  readonly nodes: number;
  readonly claims: number;
  /**
   * End of the first Cytoscape redraw after the layout, or the layout's own time when nothing was
   * left to draw (null if neither within 20 s).
   */
  drawnAt: number | null;
}

/** Everything `installProbes` collects. */
export interface ProbeRecord {
  readonly longTasks: LongTask[];
  readonly layouts: LayoutRecord[];
  /** When the canvas first said it held a non-empty scene (its `data-nodes`), and how many. */
  sceneCommittedAt: number | null;
  /** Key presses in the main search box: when the browser stamped them and when the page ran its handler. */
  readonly keydowns: { readonly timeStamp: number; readonly handledAt: number }[];
  /** First `input` event of the main search box (the typed character is in the field). */
  firstInputAt: number | null;
  /** When the search listbox first held an option. */
  firstOptionAt: number | null;
  readonly errors: string[];
}

/** What the page exposes to the probes (window.__webBench) and what the probes read from Cytoscape. */
interface ProbeWindow {
  __webBench: ProbeRecord;
  __webBenchFrames?: FrameRecording;
}
interface CyRenderer {
  readonly requestedFrame?: boolean;
  readonly redrawCount?: number;
  readonly redrawTotalTime?: number;
  readonly lastDrawTime?: number;
}
interface CyInstance {
  renderer(): CyRenderer;
  on(events: string, handler: () => void): void;
  off(events: string, handler: () => void): void;
  nodes(): { forEach(each: (node: { renderedBoundingBox(): CyBox }) => void): void };
}
interface CyBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}
interface FrameRecording {
  readonly frames: number[];
  recording: boolean;
  pans: number;
  readonly redrawsBefore: number;
  readonly redrawTimeBefore: number;
  readonly onPan: () => void;
}

/** Init script: long tasks, layouts (and the frame drawn after each), search input and results. */
export function installProbes(): void {
  const record: ProbeRecord = {
    longTasks: [],
    layouts: [],
    sceneCommittedAt: null,
    keydowns: [],
    firstInputAt: null,
    firstOptionAt: null,
    errors: [],
  };
  (window as unknown as ProbeWindow).__webBench = record;
  const canvasSelector = '[data-testid="graph-canvas"]';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('error', (event) => record.errors.push(event.message));
  document.addEventListener(
    'keydown',
    (event) => {
      if ((event.target as HTMLElement | null)?.id === 'main-search')
        record.keydowns.push({ timeStamp: event.timeStamp, handledAt: performance.now() });
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      if (record.firstInputAt === null && (event.target as HTMLElement | null)?.id === 'main-search')
        record.firstInputAt = performance.now();
    },
    true,
  );
  new MutationObserver((mutations) => {
    const canvas = document.querySelector(canvasSelector);
    if (record.sceneCommittedAt === null && Number(canvas?.getAttribute('data-nodes') ?? '0') > 0)
      record.sceneCommittedAt = performance.now();
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.attributeName === 'data-layout-done') {
        // The attribute counts layouts; two may finish in one task, so take the mark by number.
        const marks = performance.getEntriesByName('fibrograph:layout-done', 'mark');
        const number = Number(mutation.oldValue ?? '0') + 1;
        const layout: LayoutRecord = {
          at: marks[number - 1]?.startTime ?? performance.now(),
          nodes: Number(canvas?.getAttribute('data-nodes') ?? '0'),
          claims: Number(canvas?.getAttribute('data-claims') ?? '0'),
          drawnAt: null,
        };
        record.layouts.push(layout);
        const cy = (canvas as unknown as { _cyreg?: { cy?: CyInstance } } | null)?._cyreg?.cy;
        const renderer = cy?.renderer();
        const redrawsAtLayout = renderer?.redrawCount ?? 0;
        // Cytoscape draws in its own requestAnimationFrame callback; a timeout queued from a frame
        // callback runs after all of that frame's callbacks, so after the draw.
        const waitForDraw = (): void => {
          requestAnimationFrame(() =>
            setTimeout(() => {
              if ((renderer?.redrawCount ?? 0) > redrawsAtLayout)
                layout.drawnAt = renderer?.lastDrawTime ?? null;
              // Nothing left to draw: the final positions were drawn before the layout reported.
              else if (renderer?.requestedFrame !== true) layout.drawnAt = layout.at;
              else if (performance.now() - layout.at < 20_000) waitForDraw();
            }, 0),
          );
        };
        if (renderer) waitForDraw();
      }
    }
    if (record.firstOptionAt === null && document.querySelector('[role="listbox"] [role="option"]'))
      record.firstOptionAt = performance.now();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['data-nodes', 'data-layout-done'],
  });
}

/** The probes' findings so far. */
export function readProbes(page: Page): Promise<ProbeRecord> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__webBench);
}

/** Waits until a layout of a non-empty scene has finished and its frame has been drawn. */
export async function waitForDrawnLayout(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as ProbeWindow).__webBench.layouts.some((l) => l.nodes > 0 && l.drawnAt !== null),
    undefined,
    // Every frame: the first-screen run types into the search box as soon as this returns.
    { timeout: timeoutMs, polling: 'raf' },
  );
}

/** A point on the canvas (page coordinates) that is not on any node, as near the middle as possible. */
export function findEmptyCanvasPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="graph-canvas"]');
    const cy = (canvas as unknown as { _cyreg?: { cy?: CyInstance } } | null)?._cyreg?.cy;
    if (!canvas || !cy) return null;
    const boxes: CyBox[] = [];
    cy.nodes().forEach((node) => boxes.push(node.renderedBoundingBox()));
    const rect = canvas.getBoundingClientRect();
    const margin = 6;
    let best: { x: number; y: number; distance: number } | null = null;
    for (let y = rect.height * 0.2; y <= rect.height * 0.8; y += 8) {
      for (let x = rect.width * 0.2; x <= rect.width * 0.8; x += 8) {
        const onNode = boxes.some(
          (box) =>
            x >= box.x1 - margin && x <= box.x2 + margin && y >= box.y1 - margin && y <= box.y2 + margin,
        );
        const distance = Math.hypot(x - rect.width / 2, y - rect.height / 2);
        if (!onNode && (best === null || distance < best.distance)) best = { x, y, distance };
      }
    }
    return best === null ? null : { x: rect.left + best.x, y: rect.top + best.y };
  });
}

/** Starts recording animation frames, viewport pans and Cytoscape redraws. */
export function startFrameRecording(page: Page): Promise<void> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="graph-canvas"]');
    const cy = (canvas as unknown as { _cyreg?: { cy?: CyInstance } } | null)?._cyreg?.cy;
    const renderer = cy?.renderer();
    const recording: FrameRecording = {
      frames: [],
      recording: true,
      pans: 0,
      redrawsBefore: renderer?.redrawCount ?? 0,
      redrawTimeBefore: renderer?.redrawTotalTime ?? 0,
      onPan: () => {
        recording.pans += 1;
      },
    };
    (window as unknown as ProbeWindow).__webBenchFrames = recording;
    cy?.on('pan', recording.onPan);
    const tick = (time: number): void => {
      if (!recording.recording) return;
      recording.frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** What a frame recording saw. */
export interface FrameFigures {
  /** requestAnimationFrame timestamps, in order. */
  readonly frames: number[];
  /** Viewport `pan` events Cytoscape emitted. */
  readonly pans: number;
  /** Cytoscape redraws, and the milliseconds they took in all. */
  readonly redraws: number;
  readonly redrawMs: number;
}

/** Stops the recording started by `startFrameRecording` and returns it. */
export function stopFrameRecording(page: Page): Promise<FrameFigures> {
  return page.evaluate(() => {
    const recording = (window as unknown as ProbeWindow).__webBenchFrames;
    if (!recording) throw new Error('no frame recording is running');
    recording.recording = false;
    const canvas = document.querySelector('[data-testid="graph-canvas"]');
    const cy = (canvas as unknown as { _cyreg?: { cy?: CyInstance } } | null)?._cyreg?.cy;
    cy?.off('pan', recording.onPan);
    const renderer = cy?.renderer();
    return {
      frames: recording.frames,
      pans: recording.pans,
      redraws: (renderer?.redrawCount ?? 0) - recording.redrawsBefore,
      redrawMs: (renderer?.redrawTotalTime ?? 0) - recording.redrawTimeBefore,
    };
  });
}

/**
 * The end of the main thread's busy stretch that `from` falls in: long tasks are chained while the
 * gap before the next one is shorter than `quietMs` (Lighthouse's time-to-interactive idea, with a
 * shorter quiet window).
 */
export function mainThreadFreeAt(longTasks: readonly LongTask[], from: number, quietMs: number): number {
  let free = from;
  for (const task of [...longTasks].sort((a, b) => a.start - b.start)) {
    const end = task.start + task.duration;
    if (end <= free) continue;
    if (task.start > free + quietMs) break;
    free = end;
  }
  return free;
}

/** A fresh context (cold cache) with the probes installed, a page in it, and the page's errors. */
export interface ProbedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors and console errors, as they happen. */
  readonly pageErrors: string[];
}

/** Opens `url` in a new context with the probes installed before the app runs; close `context` after. */
export async function openProbedPage(
  browser: Browser,
  viewport: { readonly width: number; readonly height: number },
  url: string,
): Promise<ProbedPage> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page, pageErrors };
}
