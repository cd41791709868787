/**
 * `npm run bench:web`: the explorer in headless Chromium against the real server on 127.0.0.1.
 * (a) the seeded first screen, navigation to interactive, over cold navigations; (b) the initial
 * JavaScript of web/dist, gzipped; (c) a ≈2,000-node, ≈6,000-claim scene: navigation to laid out and
 * drawn, then frame timing while dragging it around. Prints figures with PASS/MISS against the targets
 * and writes a JSON copy to bench/results/web-<timestamp>.json. Figures, not tests. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { browserUnavailable, CHROMIUM_ARGS, launchChromium } from '../tests/support/browser.ts';
import { disposeStore, prepareStore, startServer, type GraphSource } from './api-server.ts';
import { syntheticGraph } from './synthetic-graph.ts';
import { measureBundle } from './web-bundle.ts';
import { measureFirstScreen, type FirstScreenRun } from './web-first-screen.ts';
import {
  LARGE_GRAPH_DEFAULTS,
  largeView,
  measureLargeGraph,
  type LargeGraphRun,
  type LargeView,
} from './web-large-graph.ts';
import { bundleSection, firstScreenSection, largeGraphSection, webVerdicts } from './web-report.ts';

const PARTS = ['first-screen', 'bundle', 'large-graph'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `Usage: npm run bench:web -- [options]     (build first: npm run build:web)
  --parts first-screen,bundle,large-graph   what to measure (default: all three)
  --runs N               cold navigations to the seeded first screen (default 10)
  --large-runs N         cold navigations to the large scene (default 3)
  --pan-s N              seconds of dragging per large-scene run (default 3)
  --large-nodes N        nodes of the synthetic graph (default ${LARGE_GRAPH_DEFAULTS.nodes})
  --claims-per-node X    claims per node of the synthetic graph (default ${LARGE_GRAPH_DEFAULTS.claimsPerNode})
  --depth N              neighbourhood depth of the large scene, 1..3 (default ${LARGE_GRAPH_DEFAULTS.depth})
  --viewport WxH         browser viewport (default 1400x900, as the browser tests)
  --dist DIR             the built explorer to measure and serve (default web/dist)`;

interface WebOptions {
  readonly parts: readonly Part[];
  readonly runs: number;
  readonly largeRuns: number;
  readonly panMs: number;
  readonly largeNodes: number;
  readonly claimsPerNode: number;
  readonly depth: number;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly distDir: string;
}

function parseOptions(argv: readonly string[]): WebOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      parts: { type: 'string', default: PARTS.join(',') },
      runs: { type: 'string', default: '10' },
      'large-runs': { type: 'string', default: '3' },
      'pan-s': { type: 'string', default: '3' },
      'large-nodes': { type: 'string', default: String(LARGE_GRAPH_DEFAULTS.nodes) },
      'claims-per-node': { type: 'string', default: String(LARGE_GRAPH_DEFAULTS.claimsPerNode) },
      depth: { type: 'string', default: String(LARGE_GRAPH_DEFAULTS.depth) },
      viewport: { type: 'string', default: '1400x900' },
      dist: { type: 'string', default: fileInRepo('web/dist') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const parts = values.parts.split(',').map((name) => {
    const found = PARTS.find((part) => part === name.trim());
    if (found === undefined) throw new Error(`--parts: unknown part "${name}" (${PARTS.join(', ')})`);
    return found;
  });
  const viewport = /^(\d+)x(\d+)$/.exec(values.viewport);
  if (viewport === null) throw new Error(`--viewport: "${values.viewport}" is not WIDTHxHEIGHT`);
  const claimsPerNode = Number(values['claims-per-node']);
  if (!(claimsPerNode > 0))
    throw new Error(`--claims-per-node: "${values['claims-per-node']}" is not positive`);
  const depth = positiveInt('--depth', values.depth);
  if (depth > 3) throw new Error('--depth: the explorer shows at most depth 3');
  return {
    parts,
    runs: positiveInt('--runs', values.runs),
    largeRuns: positiveInt('--large-runs', values['large-runs']),
    panMs: positiveInt('--pan-s', values['pan-s']) * 1000,
    largeNodes: positiveInt('--large-nodes', values['large-nodes']),
    claimsPerNode,
    depth,
    viewport: { width: Number(viewport[1]), height: Number(viewport[2]) },
    distDir: path.resolve(values.dist),
  };
}

function positiveInt(flag: string, text: string): number {
  const value = Number(text.trim().replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${flag}: "${text}" is not a positive whole number`);
  return value;
}

function fileInRepo(relative: string): string {
  return new URL(`../${relative}`, import.meta.url).pathname;
}

const log = (line: string): void => {
  process.stderr.write(`[bench:web] ${line}\n`);
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!fs.existsSync(path.join(options.distDir, 'index.html')))
    throw new Error(`${options.distDir} is not built: run \`npm run build:web\` first`);
  // The server children inherit this: they serve exactly the build being measured.
  process.env['FIBROGRAPH_WEB_DIR'] = options.distDir;
  const startedAt = new Date();
  const loadBefore = os.loadavg();

  const bundle = options.parts.includes('bundle') ? measureBundle(options.distDir) : null;
  let firstScreen: FirstScreenRun[] | null = null;
  let large: { view: LargeView; runs: LargeGraphRun[] } | null = null;
  let chromiumVersion: string | null = null;
  if (options.parts.includes('first-screen') || options.parts.includes('large-graph')) {
    const unavailable = browserUnavailable();
    if (unavailable !== null) throw new Error(unavailable);
    const browser = await launchChromium();
    chromiumVersion = browser.version();
    try {
      if (options.parts.includes('first-screen')) firstScreen = await runFirstScreen(browser, options);
      if (options.parts.includes('large-graph')) large = await runLargeGraph(browser, options);
    } finally {
      await browser.close();
    }
  }

  const verdicts = webVerdicts(firstScreen, bundle, large?.runs ?? null);
  const sections = [
    ...(firstScreen ? [firstScreenSection(firstScreen, verdicts.firstScreen)] : []),
    ...(bundle ? [bundleSection(bundle, verdicts.initialJs)] : []),
    ...(large ? [largeGraphSection(large.view, large.runs, verdicts)] : []),
  ];
  const loadAfter = os.loadavg();
  const conditions = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion,
    chromiumArgs: CHROMIUM_ARGS,
    viewport: options.viewport,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    server: 'server/src/main.ts in a child process on 127.0.0.1 (embedded store), serving the measured build',
  };
  process.stdout.write(
    `\n${sections.map((lines) => lines.join('\n')).join('\n\n')}\n\n` +
      `   ${conditions.cores} cores, Chromium ${chromiumVersion ?? '—'}, viewport ${options.viewport.width}×${options.viewport.height}; ` +
      `load average ${loadBefore[0]?.toFixed(1)} before, ${loadAfter[0]?.toFixed(1)} after\n`,
  );
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    conditions,
    options,
    verdicts,
    firstScreen,
    bundle,
    large,
  };
  fs.mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const file = new URL(`results/web-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`JSON: ${file.pathname}\n`);
  const problems = [...(firstScreen ?? []), ...(large?.runs ?? [])].flatMap((run) => run.errors);
  if (problems.length > 0)
    process.stdout.write(`!! the page reported ${problems.length} errors, e.g. ${problems[0] ?? ''}\n`);
}

/** Seeded store, server, cold navigations to `/`. */
async function runFirstScreen(browser: Browser, options: WebOptions): Promise<FirstScreenRun[]> {
  return withServer({ kind: 'seed' }, async (url) =>
    measureFirstScreen(browser, { url: `${url}/`, runs: options.runs, viewport: options.viewport, log }),
  );
}

/** Synthetic store, server, cold navigations to the large permalink. */
async function runLargeGraph(
  browser: Browser,
  options: WebOptions,
): Promise<{ view: LargeView; runs: LargeGraphRun[] }> {
  const snapshot = syntheticGraph({ nodes: options.largeNodes, claimsPerNode: options.claimsPerNode });
  const view = largeView(snapshot, options.depth);
  log(
    `large scene: ${view.path} should hold ${view.expectedNodes} nodes and ${view.expectedClaims} claims (graph: ${snapshot.nodes.length} nodes, ${snapshot.claims.length} claims)`,
  );
  const runs = await withServer({ kind: 'snapshot', snapshot }, (url) =>
    measureLargeGraph(browser, {
      url: `${url}${view.path}`,
      runs: options.largeRuns,
      panMs: options.panMs,
      viewport: options.viewport,
      log,
    }),
  );
  return { view, runs };
}

/** Prepares an embedded store holding `source`, serves it for `work`, then cleans up. */
async function withServer<T>(source: GraphSource, work: (url: string) => Promise<T>): Promise<T> {
  const prepared = await prepareStore('embedded', source, null, log);
  try {
    const server = await startServer(prepared.store);
    try {
      log(`server on ${server.url} (store ready in ${(prepared.prepareMs / 1000).toFixed(1)} s)`);
      return await work(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    await disposeStore(prepared.store);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
