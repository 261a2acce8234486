/**
 * Benchmark helpers: medians, wall-clock timing and a memory sampler. Every figure the bench reports
 * is a median over repeated runs in one process.
 */
import { performance } from 'perf_hooks';

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Milliseconds taken by fn (synchronous). */
export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Milliseconds taken by an async fn. */
export async function timeMsAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Runs fn `warmup` times untimed, then `runs` times timed; returns every timing and the median (ms).
 */
export function repeat(runs: number, fn: () => void, warmup = 1): { samples: number[]; median: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(timeMs(fn));
  return { samples, median: median(samples) };
}

/** Async version of {@link repeat}. */
export async function repeatAsync(runs: number, fn: () => Promise<void>, warmup = 1): Promise<{ samples: number[]; median: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMsAsync(fn));
  return { samples, median: median(samples) };
}

/** Peak memory seen by a {@link MemorySampler}, in bytes. */
export interface MemoryPeak {
  rss: number;
  heapUsed: number;
}

/**
 * Samples process.memoryUsage() on a timer and on demand, keeping the peak rss and heapUsed. Timers
 * cannot fire inside a synchronous run, so callers also call sample() right after each run (before
 * anything is released) to catch the peak of the run's live data.
 */
export class MemorySampler {
  private peak: MemoryPeak = { rss: 0, heapUsed: 0 };
  private timer: NodeJS.Timeout | null = null;

  /** Starts sampling every intervalMs (default 5 ms). */
  start(intervalMs = 5): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Takes one sample now. */
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peak.rss) this.peak.rss = m.rss;
    if (m.heapUsed > this.peak.heapUsed) this.peak.heapUsed = m.heapUsed;
  }

  /** Stops the timer and returns the peak. */
  stop(): MemoryPeak {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return { ...this.peak };
  }
}

/** Bytes to mebibytes. */
export function mib(bytes: number): number {
  return bytes / (1024 * 1024);
}
