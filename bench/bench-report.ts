/** Plain-text tables for one graph size: setup figures and latencies, embedded vs Neo4j, with targets. */
import type { StoreFigures } from './store-figures.ts';
import { OPERATION_LABELS, OPERATIONS, type Operation } from './store-latencies.ts';

/** The graph a size was measured on. */
export interface GraphShape {
  readonly nodes: number;
  readonly claims: number;
  readonly evidence: number;
  readonly maxDegree: number;
  readonly medianDegree: number;
}

/** How the run went: the planned calls per operation and the machine's load around it. */
export interface RunConditions {
  readonly iterations: number;
  /** 1-minute load average before and after the size was measured, and the core count. */
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly cores: number;
}

/** Neo4j's figures, or why there are none. */
export type Neo4jOutcome = StoreFigures | { readonly skipped: string } | null;

const MB = 1024 * 1024;

/** Targets for the embedded store at 100k nodes (informational). */
export const EMBEDDED_TARGETS = {
  openMs: 10_000,
  rssBytes: 1024 * MB,
  neighborhood2: 2,
  paths: 10,
  search: 2,
  write: 5,
} as const;

/** Targets for the Neo4j store at 10k nodes (issue 16): p50 in ms. */
export const NEO4J_TARGETS: Partial<Record<Operation, number>> = {
  neighborhood2: 10,
  paths: 15,
};

const LATENCY_TARGETS: Partial<Record<Operation, number>> = {
  neighborhood2: EMBEDDED_TARGETS.neighborhood2,
  paths: EMBEDDED_TARGETS.paths,
  search: EMBEDDED_TARGETS.search,
  write: EMBEDDED_TARGETS.write,
};

/** The report for one size, as lines. */
export function sizeReport(
  shape: GraphShape,
  conditions: RunConditions,
  embedded: StoreFigures | null,
  neo4j: Neo4jOutcome,
): string[] {
  const neo = neo4j !== null && 'store' in neo4j ? neo4j : null;
  const lines = [
    '',
    `── ${fmtInt(shape.nodes)} nodes · ${fmtInt(shape.claims)} claims · ${fmtInt(shape.evidence)} evidence items` +
      ` (degree: median ${shape.medianDegree}, max ${fmtInt(shape.maxDegree)}) ──`,
  ];
  lines.push(
    `   load average ${conditions.loadBefore.toFixed(1)} before, ${conditions.loadAfter.toFixed(1)} after, on ${conditions.cores} cores`,
  );
  if (neo4j !== null && 'skipped' in neo4j) lines.push(`!! Neo4j skipped: ${neo4j.skipped}`);
  lines.push(
    ...table(
      ['setup', 'embedded', 'neo4j', 'neo4j ÷ emb.', 'embedded target'],
      [
        setupRow('import (restore)', embedded?.importMs, neo?.importMs, fmtSeconds),
        setupRow(
          'open (populated store)',
          embedded?.openMs,
          neo?.openMs,
          fmtSeconds,
          EMBEDDED_TARGETS.openMs,
        ),
        setupRow(
          'resident memory (RSS)',
          embedded?.rssBytes ?? undefined,
          neo?.rssBytes ?? undefined,
          fmtMb,
          EMBEDDED_TARGETS.rssBytes,
        ),
      ],
    ),
    '',
    ...table(
      [
        'latency (ms)',
        'emb. p50',
        'emb. p99',
        'neo4j p50',
        'neo4j p99',
        'speed-up',
        'emb. target p50',
        'neo4j target p50 (10k)',
        'floor p50',
        'neo4j ÷ floor',
      ],
      OPERATIONS.map((operation) => latencyRow(operation, embedded, neo)),
    ),
  );
  const cut = [embedded, neo].flatMap((figures) =>
    figures === null
      ? []
      : OPERATIONS.filter(
          (operation) => figures.latencies.latency[operation].calls < conditions.iterations,
        ).map((operation) => `${figures.store} ${operation} ${figures.latencies.latency[operation].calls}`),
  );
  if (cut.length > 0)
    lines.push(`   time budget ran out before ${conditions.iterations} calls: ${cut.join(', ')} calls`);
  if (embedded && neo && !sameShape(embedded, neo)) {
    lines.push(
      '!! The stores returned different result sizes for the same calls; see the JSON `shape` figures.',
    );
  }
  if (neo?.floor && neo.floor.timedOut > 0) {
    lines.push(
      `   floor: ${neo.floor.timedOut} hand-written calls hit the 20 s server timeout (timed as 20 s)`,
    );
  }
  for (const figures of [embedded, neo]) {
    if (!figures) continue;
    const { depth2Nodes, depth2MedianNodes, pathsFound, searchHits } = figures.latencies.shape;
    lines.push(
      `   ${figures.store}: depth-2 neighbourhoods have ${depth2MedianNodes} nodes (median), ${depth2Nodes.toFixed(0)} (mean); ` +
        `${pathsFound.toFixed(1)} paths per pair; ${searchHits.toFixed(1)} hits per search. RSS: ${figures.rssNote}.`,
    );
  }
  return lines;
}

/** True when both stores made the same calls and got results of the same sizes. */
function sameShape(a: StoreFigures, b: StoreFigures): boolean {
  const sameCalls = OPERATIONS.every(
    (operation) => a.latencies.latency[operation].calls === b.latencies.latency[operation].calls,
  );
  return !sameCalls || JSON.stringify(a.latencies.shape) === JSON.stringify(b.latencies.shape);
}

function setupRow(
  label: string,
  embedded: number | undefined,
  neo4j: number | undefined,
  format: (value: number) => string,
  target?: number,
): string[] {
  return [
    label,
    embedded === undefined ? '—' : format(embedded),
    neo4j === undefined ? '—' : format(neo4j),
    ratio(neo4j, embedded),
    target === undefined ? '' : verdict(embedded, target, format),
  ];
}

function latencyRow(
  operation: Operation,
  embedded: StoreFigures | null,
  neo4j: StoreFigures | null,
): string[] {
  const e = embedded?.latencies.latency[operation];
  const n = neo4j?.latencies.latency[operation];
  const target = LATENCY_TARGETS[operation];
  const neo4jTarget = NEO4J_TARGETS[operation];
  const floor =
    operation === 'neighborhood2' || operation === 'paths' ? neo4j?.floor?.[operation] : undefined;
  return [
    OPERATION_LABELS[operation],
    e ? fmtMs(e.p50) : '—',
    e ? fmtMs(e.p99) : '—',
    n ? fmtMs(n.p50) : '—',
    n ? fmtMs(n.p99) : '—',
    ratio(n?.p50, e?.p50),
    target === undefined ? '' : verdict(e?.p50, target, fmtMs),
    neo4jTarget === undefined ? '' : verdict(n?.p50, neo4jTarget, fmtMs),
    floor ? fmtMs(floor.p50) : '',
    floor ? ratio(n?.p50, floor.p50) : '',
  ];
}

/** "≤ 2.00  PASS" or "≤ 2.00  MISS", or just the target when there is no figure. */
function verdict(value: number | undefined, target: number, format: (value: number) => string): string {
  const bound = `≤ ${format(target)}`;
  if (value === undefined) return bound;
  return `${bound}  ${value <= target ? 'PASS' : 'MISS'}`;
}

function ratio(numerator: number | undefined, denominator: number | undefined): string {
  if (numerator === undefined || denominator === undefined || denominator <= 0) return '—';
  const value = numerator / denominator;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

/** Left-aligned first column, right-aligned figures. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (cells: readonly string[]): string =>
    '   ' +
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [render(header), '   ' + '─'.repeat(render(header).length - 3), ...rows.map(render)];
}

/** A latency with sensible precision. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

function fmtSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function fmtMb(bytes: number): string {
  return `${fmtInt(Math.round(bytes / MB))} MB`;
}

function fmtInt(value: number): string {
  return value.toLocaleString('en');
}
