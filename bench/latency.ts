/** Timing helpers: wall-clock durations and latency percentiles over many sequential calls. */

/** Percentiles of one operation's latency, in milliseconds. */
export interface LatencyFigures {
  readonly calls: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/** Options for `measureLatency`. */
export interface LatencyOptions {
  /** Measured calls (fewer when the budget runs out first). */
  readonly iterations: number;
  /** Unmeasured calls first, so JIT, caches and connection pools are warm. */
  readonly warmup: number;
  /** Wall-clock budget per operation: measuring stops after this (with at least MIN_CALLS calls); warm-up gets a sixth of it. */
  readonly budgetMs: number;
}

/** Calls measured even when the budget is spent, so percentiles mean something. */
const MIN_CALLS = 20;

/** Runs `call(i)` sequentially, warm-up first, and returns percentiles of the measured calls. */
export async function measureLatency(
  options: LatencyOptions,
  call: (index: number) => Promise<unknown>,
): Promise<LatencyFigures> {
  const warmupEnds = performance.now() + options.budgetMs / 6;
  let index = 0;
  while (index < options.warmup && (index === 0 || performance.now() < warmupEnds)) {
    await call(index);
    index += 1;
  }
  const samples: number[] = [];
  const budgetEnds = performance.now() + options.budgetMs;
  while (
    samples.length < options.iterations &&
    (samples.length < MIN_CALLS || performance.now() < budgetEnds)
  ) {
    const started = performance.now();
    await call(index);
    samples.push(performance.now() - started);
    index += 1;
  }
  return latencyFigures(samples);
}

/** p50, p99, mean and max of a list of durations (nearest-rank percentiles). */
export function latencyFigures(samples: readonly number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    calls: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.length === 0 ? NaN : total / sorted.length,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Runs `work` and returns its result with the elapsed milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}
