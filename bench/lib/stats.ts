/** Latency percentiles (nearest rank) of a list of milliseconds. */
export type Percentiles = { p50: number; p95: number; p99: number; mean: number; count: number };

export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { p50: NaN, p95: NaN, p99: NaN, mean: NaN, count: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { p50: at(50), p95: at(95), p99: at(99), mean, count: sorted.length };
}

/** The middle value (the upper middle of an even count): the figure quoted from repeated runs. */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Runs `op` once per item of `inputs` in turn, after `warmup` untimed calls: the in-process figure
 * of bench.md (what our own code and indexes cost).
 */
export async function measureInProcess<T>(inputs: T[], op: (input: T) => Promise<unknown>, { warmup = 200, iterations = 2_000 } = {}) {
  for (let i = 0; i < warmup; i++) await op(inputs[i % inputs.length]);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await op(inputs[i % inputs.length]);
    samples.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...percentiles(samples), opsPerSecond: iterations / seconds };
}
