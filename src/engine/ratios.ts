/**
 * Averaging of ratio series for the cohort progression method (domain reference, section 6).
 *
 * A ratio series is a list of numerator / denominator pairs, oldest first: entry rolls over the intake
 * driver (the intake ratio), or roll(g, t) over roll(g-1, t-1) (a progression ratio). A pair whose
 * denominator is 0 has no ratio and is skipped. The averaging looks at a window of the most recent
 * usable ratios and reduces it to one figure with one of five methods; the smallest and largest single
 * ratio of the same window give the low and high figures for the forecast range.
 */
import { median } from 'simple-statistics';
import { fail } from './errors';
import { requireFinite, requireInteger, requireNonNegative } from './validate';

/** The averaging methods a planner can choose (`method` argument). */
export type AveragingMethod = 'mean' | 'pooled' | 'weighted' | 'exponential' | 'median135';

/** Every averaging method, in the order the task pane offers them. */
export const AVERAGING_METHODS: readonly AveragingMethod[] = ['mean', 'pooled', 'weighted', 'exponential', 'median135'];

/** Default ratio window k (Kent convention: the last 3 years). */
export const DEFAULT_RATIO_YEARS = 3;
/** Default smoothing factor of the exponential method. */
export const DEFAULT_ALPHA = 0.5;
/** How far back the median135 method looks, whatever k is. */
export const MEDIAN135_LOOKBACK = 5;

/** Options shared by every function that averages ratios. */
export interface RatioOptions {
  /** k: how many of the most recent usable ratios to average (whole, at least 1; default 3). */
  ratioYears?: number;
  /** The averaging method (default `'mean'`). */
  method?: AveragingMethod;
  /** Smoothing factor of the `'exponential'` method, 0 < alpha <= 1 (default 0.5). */
  alpha?: number;
}

/** One averaged ratio with its range. */
export interface RatioSummary {
  /** The averaged ratio the central forecast uses. */
  value: number;
  /** The smallest single ratio in the window (used by the low forecast). */
  low: number;
  /** The largest single ratio in the window (used by the high forecast). */
  high: number;
  /** How many ratios are in the window. */
  used: number;
}

/** A {@link RatioSummary} together with what the window wanted and what the series offered. */
export interface RatioWindowDetail {
  /** The averaged ratio and its range. */
  summary: RatioSummary;
  /** How many ratios the method wanted: k, or 5 for `'median135'`. */
  wanted: number;
  /** How many usable ratios (non-zero denominators) the series has in all. */
  available: number;
  /** How many pairs were skipped because their denominator was 0. */
  skipped: number;
}

/** The validated settings of {@link RatioOptions}. */
export interface ResolvedRatioOptions {
  /** k */
  ratioYears: number;
  /** the averaging method */
  method: AveragingMethod;
  /** the exponential smoothing factor */
  alpha: number;
}

/**
 * Validates {@link RatioOptions} and fills in the defaults (k = 3, `'mean'`, alpha = 0.5).
 * `alpha` is checked whenever it is given, whatever the method.
 *
 * @param options the options as the caller gave them (may be undefined)
 * @returns the settings with defaults applied
 * @example
 * resolveRatioOptions({ method: 'pooled' }); // { ratioYears: 3, method: 'pooled', alpha: 0.5 }
 * @throws {PlanningError} NUM if ratio_years is not a whole number of at least 1 or alpha is outside (0, 1];
 *   VALUE if method is not one of the five names or an option is not a number
 */
export function resolveRatioOptions(options?: RatioOptions): ResolvedRatioOptions {
  const o = options ?? {};
  const ratioYears = o.ratioYears === undefined || o.ratioYears === null ? DEFAULT_RATIO_YEARS : requireInteger(o.ratioYears, 'ratio_years', 1);
  const methodGiven: unknown = o.method === undefined || o.method === null ? 'mean' : o.method;
  if (typeof methodGiven !== 'string' || !(AVERAGING_METHODS as readonly string[]).includes(methodGiven)) {
    fail('VALUE', `method must be one of ${AVERAGING_METHODS.map((m) => `"${m}"`).join(', ')} (got ${JSON.stringify(methodGiven)})`);
  }
  let alpha = DEFAULT_ALPHA;
  if (o.alpha !== undefined && o.alpha !== null) {
    alpha = requireFinite(o.alpha, 'alpha');
    if (!(alpha > 0 && alpha <= 1)) fail('NUM', `alpha must be greater than 0 and at most 1 (got ${alpha})`);
  }
  return { ratioYears, method: methodGiven as AveragingMethod, alpha };
}

/** Clamps x into [lo, hi]: a no-op in exact arithmetic that removes floating-point noise at the edges. */
function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Pooled ratio of the last n pairs (n <= length): sum of numerators over sum of denominators. */
function pooledTail(nums: readonly number[], dens: readonly number[], n: number): number {
  return sum(nums.slice(nums.length - n)) / sum(dens.slice(dens.length - n));
}

/**
 * Averages a ratio series like {@link averageRatios} and also reports how many ratios the method wanted,
 * how many the series offered and how many pairs were skipped, so that callers can write notes
 * ("ratio_years is 5 but only 3 ratios exist: all 3 are used").
 *
 * @param numerators numerator of each pair, oldest first (non-negative finite)
 * @param denominators denominator of each pair, oldest first (non-negative finite; 0 = pair skipped)
 * @param options k, method and alpha (see {@link RatioOptions})
 * @param label what the series is, for error messages (default `'the ratios'`)
 * @returns the summary with the window details
 * @example
 * averageRatiosDetailed([10, 20], [10, 0], { ratioYears: 3 });
 * // { summary: { value: 1, low: 1, high: 1, used: 1 }, wanted: 3, available: 1, skipped: 1 }
 * @throws {PlanningError} as {@link averageRatios}
 */
export function averageRatiosDetailed(
  numerators: readonly number[],
  denominators: readonly number[],
  options?: RatioOptions,
  label = 'the ratios',
): RatioWindowDetail {
  const { ratioYears: k, method, alpha } = resolveRatioOptions(options);
  if (!Array.isArray(numerators)) fail('VALUE', 'numerators must be a list of numbers');
  if (!Array.isArray(denominators)) fail('VALUE', 'denominators must be a list of numbers');
  if (numerators.length !== denominators.length) {
    fail('VALUE', `numerators and denominators must be the same size (${numerators.length} vs ${denominators.length})`);
  }
  if (numerators.length === 0) fail('NA', `no ratio pairs were given for ${label}: give at least one numerator and denominator`);
  const nums: number[] = [];
  const dens: number[] = [];
  for (let i = 0; i < numerators.length; i++) {
    const n = requireNonNegative(numerators[i], `numerators item ${i + 1}`);
    const d = requireNonNegative(denominators[i], `denominators item ${i + 1}`);
    if (d === 0) continue;
    nums.push(n);
    dens.push(d);
  }
  const available = nums.length;
  const skipped = numerators.length - available;
  if (available === 0) {
    fail('DIV0', `${label} cannot be worked out: every denominator is 0 (${numerators.length} pair${numerators.length === 1 ? '' : 's'})`);
  }

  const wanted = method === 'median135' ? MEDIAN135_LOOKBACK : k;
  const m = Math.min(wanted, available);
  const wNums = nums.slice(available - m);
  const wDens = dens.slice(available - m);
  const ratios = wNums.map((n, i) => n / wDens[i]);
  const low = Math.min(...ratios);
  const high = Math.max(...ratios);

  let value: number;
  switch (method) {
    case 'mean':
      value = sum(ratios) / m;
      break;
    case 'pooled':
      value = sum(wNums) / sum(wDens);
      break;
    case 'weighted': {
      let num = 0;
      for (let i = 0; i < m; i++) num += (i + 1) * ratios[i];
      value = num / ((m * (m + 1)) / 2);
      break;
    }
    case 'exponential': {
      let s = ratios[0];
      for (let i = 1; i < m; i++) s = alpha * ratios[i] + (1 - alpha) * s;
      value = s;
      break;
    }
    case 'median135':
      value = median([pooledTail(wNums, wDens, Math.min(1, m)), pooledTail(wNums, wDens, Math.min(3, m)), pooledTail(wNums, wDens, m)]);
      break;
  }
  if (!Number.isFinite(value) || !Number.isFinite(low) || !Number.isFinite(high)) {
    fail('NUM', `${label} are too large to work with (a denominator is tiny compared with its numerator)`);
  }
  return { summary: { value: clamp(value, low, high), low, high, used: m }, wanted, available, skipped };
}

/**
 * Averages a series of ratios (numerator / denominator pairs, oldest first) the way the cohort forecast does.
 *
 * Pairs whose denominator is 0 are skipped. The window is the last k usable ratios (k = `ratioYears`,
 * default 3); when fewer than k exist, all of them are used (not an error; `used` says how many, and
 * {@link averageRatiosDetailed} reports the shortfall for a note). Methods over the window r1..rm:
 * - `mean`: (r1 + ... + rm) / m (the Kent convention, default);
 * - `pooled`: sum of the numerators / sum of the denominators;
 * - `weighted`: linear weights 1..m, the most recent heaviest: sum(i * ri) / sum(i);
 * - `exponential`: s = r1, then s = alpha * ri + (1 - alpha) * s for i = 2..m (alpha in (0, 1], default 0.5);
 * - `median135`: the median of the pooled ratios of the last 1, 3 and 5 usable pairs (each clamped to what
 *   exists). This method always looks back 5 usable pairs whatever k is, and its window (for `low`,
 *   `high` and `used`) is those 5 pairs.
 *
 * `low` and `high` are the smallest and largest single ratio of the window, so low <= value <= high always.
 * Nothing is rounded.
 *
 * @param numerators numerator of each pair, oldest first (non-negative finite)
 * @param denominators denominator of each pair, oldest first (non-negative finite; 0 = pair skipped)
 * @param options `ratioYears` (k), `method`, `alpha`
 * @returns the averaged ratio, the smallest and largest ratio in the window and how many ratios it holds
 * @example
 * averageRatios([90, 99, 100], [100, 110, 100]); // { value: 0.9333.., low: 0.9, high: 1, used: 3 }
 * averageRatios([90, 99, 100], [100, 110, 100], { method: 'pooled' }); // { value: 289 / 310, ... }
 * @throws {PlanningError} VALUE if the lists differ in size, hold text, or the method is unknown;
 *   NA if they are empty; NUM for a negative or non-finite entry, ratio_years not a whole number >= 1,
 *   or alpha outside (0, 1]; DIV0 if every denominator is 0
 */
export function averageRatios(numerators: readonly number[], denominators: readonly number[], options?: RatioOptions): RatioSummary {
  return averageRatiosDetailed(numerators, denominators, options).summary;
}
