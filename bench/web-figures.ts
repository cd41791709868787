/** Summaries the web benchmark prints: a distribution of samples, and how a figure reads against its target. */

/** Count, median, tail percentiles and extremes of a list of samples (nearest-rank percentiles). */
export interface Distribution {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Summarises `samples`; every figure is NaN when there are none. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length === 0 ? NaN : total / sorted.length,
  };
}

/** A target and whether the measured figure meets it (null: not measured). */
export interface Verdict {
  readonly target: string;
  readonly met: boolean | null;
}

/** "PASS", "MISS" or "—" for a verdict. */
export function verdictText(verdict: Verdict): string {
  return verdict.met === null ? '—' : verdict.met ? 'PASS' : 'MISS';
}

/** Milliseconds as "1,234 ms" (or "—"). */
export function fmtMs(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms).toLocaleString('en')} ms` : '—';
}

/** Bytes as "123.4 KB" (1 KB = 1,000 bytes, as bundle budgets are usually stated). */
export function fmtKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** Pads cells into aligned columns: the first column left-aligned, the rest right-aligned. */
export function columns(rows: readonly (readonly string[])[], indent = '   '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
  );
}
