/** The web benchmark's printed report: one section per target, each ending in PASS/MISS lines. */
import type { BundleFigures } from './web-bundle.ts';
import { columns, distribution, fmtKb, fmtMs, verdictText, type Verdict } from './web-figures.ts';
import { FIRST_SCREEN_TARGET_MS, QUIET_WINDOW_MS, type FirstScreenRun } from './web-first-screen.ts';
import {
  LARGE_LAYOUT_TARGET_MS,
  PAN_FPS_TARGET,
  type LargeGraphRun,
  type LargeView,
} from './web-large-graph.ts';

/** The three verdicts, as the JSON records them. */
export interface WebVerdicts {
  readonly firstScreen: Verdict & { readonly medianMs: number; readonly worstMs: number };
  readonly initialJs: Verdict & { readonly gzipBytes: number };
  readonly largeLayout: Verdict & { readonly medianMs: number; readonly worstMs: number };
  readonly panFrameRate: Verdict & {
    readonly framesPerSecond: number;
    readonly medianFrameMs: number;
    readonly p95FrameMs: number;
    readonly worstFrameMs: number;
  };
}

/** Judges every measured part against its target. */
export function webVerdicts(
  firstScreen: readonly FirstScreenRun[] | null,
  bundle: BundleFigures | null,
  large: readonly LargeGraphRun[] | null,
): WebVerdicts {
  const interactive = distribution(firstScreen?.map((run) => run.interactive) ?? []);
  const drawn = distribution(large?.map((run) => run.drawn ?? Infinity) ?? []);
  const frames = distribution(large?.flatMap((run) => run.pan.frameIntervals) ?? []);
  // Frames over time, not the median interval: a few long freezes barely move a median.
  const panMs = large?.reduce((sum, run) => sum + run.pan.durationMs, 0) ?? 0;
  const framesPerSecond = panMs > 0 ? (frames.count * 1000) / panMs : NaN;
  return {
    firstScreen: {
      target: `median navigation → interactive ≤ ${fmtMs(FIRST_SCREEN_TARGET_MS)}`,
      met: firstScreen ? interactive.median <= FIRST_SCREEN_TARGET_MS : null,
      medianMs: interactive.median,
      worstMs: interactive.max,
    },
    initialJs: {
      target: `initial JavaScript ≤ ${fmtKb(bundle?.budgetBytes ?? NaN)} gzipped`,
      met: bundle ? bundle.initialGzipBytes <= bundle.budgetBytes : null,
      gzipBytes: bundle?.initialGzipBytes ?? NaN,
    },
    largeLayout: {
      target: `median navigation → laid out and drawn ≤ ${fmtMs(LARGE_LAYOUT_TARGET_MS)}`,
      met: large ? drawn.median <= LARGE_LAYOUT_TARGET_MS : null,
      medianMs: drawn.median,
      worstMs: drawn.max,
    },
    panFrameRate: {
      target: `frames per second while dragging ≥ ${PAN_FPS_TARGET}`,
      met: large ? framesPerSecond >= PAN_FPS_TARGET : null,
      framesPerSecond,
      medianFrameMs: frames.median,
      p95FrameMs: frames.p95,
      worstFrameMs: frames.max,
    },
  };
}

/** Section (a): milestones per cold navigation, as median / p95 / worst. */
export function firstScreenSection(
  runs: readonly FirstScreenRun[],
  verdict: WebVerdicts['firstScreen'],
): string[] {
  const first = runs[0];
  const milestones: [string, (run: FirstScreenRun) => number | null][] = [
    ['first contentful paint', (run) => run.firstContentfulPaint],
    ['scene in the canvas (data + React)', (run) => run.sceneCommitted],
    ['layout done (mark)', (run) => run.layoutDone],
    ['laid-out map drawn', (run) => run.drawn],
    [`main thread free (${QUIET_WINDOW_MS} ms quiet)`, (run) => run.mainThreadFree],
    ['INTERACTIVE (later of drawn, main thread free)', (run) => run.interactive],
    ['"fog" typed then: key handled', (run) => run.keyHandled],
    ['search hits shown (150 ms debounce)', (run) => run.hitsShown],
  ];
  const rows = milestones.map(([label, pick]) => {
    const values = runs.map(pick).filter((value): value is number => value !== null);
    const figures = distribution(values);
    return [label, fmtMs(figures.median), fmtMs(figures.p95), fmtMs(figures.max)];
  });
  const inputDelay = distribution(
    runs.flatMap((run) =>
      run.keySent !== null && run.keyHandled !== null ? [run.keyHandled - run.keySent] : [],
    ),
  );
  const longTasks = distribution(runs.map((run) => run.longTaskMs));
  return [
    `── (a) seeded first screen: ${runs.length} cold navigations to / (${first?.nodes ?? 0} nodes, ${first?.claims ?? 0} claims) ──`,
    ...columns([['ms since navigation start', 'median', 'p95', 'worst'], ...rows]),
    `   the typed key waited: median ${fmtMs(inputDelay.median)}, worst ${fmtMs(inputDelay.max)}; long tasks before interactive: median ${fmtMs(longTasks.median)} in all`,
    `   ${verdictText(verdict)}  ${verdict.target}: median ${fmtMs(verdict.medianMs)}, worst ${fmtMs(verdict.worstMs)}${verdict.worstMs > FIRST_SCREEN_TARGET_MS ? ' (worst is over the target)' : ''}`,
  ];
}

/** Section (b): the initial JavaScript file by file, and the lazy editor chunk. */
export function bundleSection(bundle: BundleFigures, verdict: WebVerdicts['initialJs']): string[] {
  const rows = [
    ...bundle.initial.map((file) => [file.file, file.role, fmtKb(file.bytes), fmtKb(file.gzipBytes)]),
    ['initial JavaScript in all', '', fmtKb(bundle.initialBytes), fmtKb(bundle.initialGzipBytes)],
    ...bundle.lazy.map((file) => [file.file, 'lazy (not initial)', fmtKb(file.bytes), fmtKb(file.gzipBytes)]),
    ...bundle.css.map((file) => [file.file, 'stylesheet (not JS)', fmtKb(file.bytes), fmtKb(file.gzipBytes)]),
  ];
  return [
    `── (b) initial JavaScript of ${bundle.distDir}/index.html (gzip level 9) ──`,
    ...columns([['file', 'why loaded', 'raw', 'gzip'], ...rows]),
    `   ${verdictText(verdict)}  ${verdict.target}: ${fmtKb(verdict.gzipBytes)} (${fmtKb(bundle.budgetBytes - verdict.gzipBytes)} to spare)`,
  ];
}

/** Section (c): load and layout milestones per run, then frame timing while panning. */
export function largeGraphSection(
  view: LargeView,
  runs: readonly LargeGraphRun[],
  verdicts: Pick<WebVerdicts, 'largeLayout' | 'panFrameRate'>,
): string[] {
  const first = runs[0];
  const milestones: [string, (run: LargeGraphRun) => number | null][] = [
    ['neighbourhood requested (app started)', (run) => run.dataRequested],
    ['neighbourhood received', (run) => run.dataReceived],
    ['scene in the canvas (data + React)', (run) => run.sceneCommitted],
    ['layout done (mark)', (run) => run.layoutDone],
    ['LAID OUT AND DRAWN', (run) => run.drawn],
  ];
  const rows = milestones.map(([label, pick]) => {
    const figures = distribution(runs.map(pick).filter((value): value is number => value !== null));
    return [label, fmtMs(figures.median), fmtMs(figures.max)];
  });
  const frames = distribution(runs.flatMap((run) => run.pan.frameIntervals));
  const panRows = runs.map((run, index) => {
    const own = distribution(run.pan.frameIntervals);
    return [
      `run ${index + 1}`,
      run.pan.framesPerSecond.toFixed(1),
      own.median.toFixed(1),
      own.p95.toFixed(1),
      own.max.toFixed(0),
      String(run.pan.moves),
      String(run.pan.pans),
      `${run.pan.redraws} × ${run.pan.meanRedrawMs.toFixed(1)} ms`,
      run.pan.durationMs > 0 ? ((run.pan.redraws * 1000) / run.pan.durationMs).toFixed(1) : '—',
    ];
  });
  const counts = `${first?.nodes ?? 0} nodes, ${first?.claims ?? 0} claims on the canvas (expected ${view.expectedNodes}, ${view.expectedClaims})`;
  return [
    `── (c) large scene ${view.path}: ${counts}, ${runs.length} cold navigations ──`,
    ...columns([['ms since navigation start', 'median', 'worst'], ...rows]),
    '',
    ...columns([
      [
        'panning (mouse drag)',
        'fps',
        'frame p50',
        'p95',
        'max',
        'moves',
        'pans',
        'redraws × mean',
        'redraws/s',
      ],
      ...panRows,
      [
        'all runs',
        verdicts.panFrameRate.framesPerSecond.toFixed(1),
        frames.median.toFixed(1),
        frames.p95.toFixed(1),
        frames.max.toFixed(0),
      ],
    ]),
    `   ${verdictText(verdicts.largeLayout)}  ${verdicts.largeLayout.target}: median ${fmtMs(verdicts.largeLayout.medianMs)}, worst ${fmtMs(verdicts.largeLayout.worstMs)}`,
    `   ${verdictText(verdicts.panFrameRate)}  ${verdicts.panFrameRate.target}: ${verdicts.panFrameRate.framesPerSecond.toFixed(1)} fps; frame median ${verdicts.panFrameRate.medianFrameMs.toFixed(1)} ms, p95 ${verdicts.panFrameRate.p95FrameMs.toFixed(1)} ms, worst ${verdicts.panFrameRate.worstFrameMs.toFixed(0)} ms`,
  ];
}
