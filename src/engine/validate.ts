/**
 * Input guards shared by the engine modules. Each one throws a {@link PlanningError} whose message
 * names the argument (as the planner sees it in Excel's function help) and the offending value.
 */
import { fail } from './errors';

/** Formats a value for an error message without flooding it. */
function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}

/**
 * Requires a finite number.
 *
 * @example
 * requireFinite(3, 'places'); // 3
 * @throws {PlanningError} VALUE if not a number, NUM if NaN or infinite
 */
export function requireFinite(value: unknown, name: string): number {
  if (typeof value !== 'number') fail('VALUE', `${name} must be a number (got ${show(value)})`);
  if (!Number.isFinite(value)) fail('NUM', `${name} must be a finite number (got ${show(value)})`);
  return value;
}

/**
 * Requires a finite number that is zero or more.
 *
 * @example
 * requireNonNegative(0, 'roll'); // 0
 * @throws {PlanningError} VALUE if not a number, NUM if negative, NaN or infinite
 */
export function requireNonNegative(value: unknown, name: string): number {
  const n = requireFinite(value, name);
  if (n < 0) fail('NUM', `${name} must not be negative (got ${show(n)})`);
  return n;
}

/**
 * Requires a finite number strictly greater than zero.
 *
 * @example
 * requirePositive(30, 'class_size'); // 30
 * @throws {PlanningError} VALUE if not a number, NUM if zero, negative, NaN or infinite
 */
export function requirePositive(value: unknown, name: string): number {
  const n = requireFinite(value, name);
  if (n <= 0) fail('NUM', `${name} must be greater than 0 (got ${show(n)})`);
  return n;
}

/**
 * Requires a whole number within [min, max].
 *
 * @example
 * requireInteger(3, 'ratio_years', 1, 50); // 3
 * @throws {PlanningError} VALUE if not a number, NUM if fractional or out of range
 */
export function requireInteger(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = requireFinite(value, name);
  if (!Number.isInteger(n)) fail('NUM', `${name} must be a whole number (got ${show(n)})`);
  if (n < min || n > max) {
    fail('NUM', max === Number.MAX_SAFE_INTEGER ? `${name} must be at least ${min} (got ${n})` : `${name} must be between ${min} and ${max} (got ${n})`);
  }
  return n;
}

/**
 * Requires a fraction in [0, 1) such as a target surplus (0.05 = 5%).
 *
 * @example
 * requireFraction(0.05, 'target'); // 0.05
 * @throws {PlanningError} NUM if outside [0, 1)
 */
export function requireFraction(value: unknown, name: string): number {
  const n = requireFinite(value, name);
  if (n < 0 || n >= 1) fail('NUM', `${name} must be a fraction from 0 up to (not including) 1, e.g. 0.05 for 5% (got ${show(n)})`);
  return n;
}

/**
 * Requires a non-empty list of non-negative finite numbers (pupils, places, dwellings).
 *
 * @example
 * requireCounts([210, 180], 'capacity'); // [210, 180]
 * @throws {PlanningError} NA if empty, VALUE if an entry is not a number, NUM if negative or non-finite
 */
export function requireCounts(values: readonly unknown[], name: string): number[] {
  if (!Array.isArray(values)) fail('VALUE', `${name} must be a list of numbers`);
  if (values.length === 0) fail('NA', `${name} is empty: give at least one number`);
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Fast path for the common case; the message is only built for an entry that fails.
    out[i] = typeof v === 'number' && v >= 0 && v !== Infinity ? v : requireNonNegative(v, `${name} item ${i + 1}`);
  }
  return out;
}

/**
 * Requires two lists to have the same length.
 *
 * @example
 * requireSameLength([1, 2], [3, 4], 'capacity', 'roll');
 * @throws {PlanningError} VALUE naming both sizes
 */
export function requireSameLength(a: readonly unknown[], b: readonly unknown[], nameA: string, nameB: string): void {
  if (a.length !== b.length) fail('VALUE', `${nameA} and ${nameB} must be the same size (${a.length} vs ${b.length})`);
}

/**
 * Requires two paired lists of counts (capacity and roll, forecast and actual): both non-empty, the
 * same size, every entry a non-negative finite number. Checks happen in that order, so a size
 * mismatch is reported before a bad entry.
 *
 * @param a the first list, e.g. capacity
 * @param b the second list, e.g. roll
 * @param nameA the first list's argument name as the planner sees it
 * @param nameB the second list's argument name
 * @returns both lists as plain numbers
 * @example
 * requirePairedCounts([210, 180], [200, 181], 'capacity', 'roll'); // [[210, 180], [200, 181]]
 * @throws {PlanningError} VALUE if not lists or of different sizes, NA if either is empty,
 *   VALUE/NUM for an entry that is not a non-negative finite number
 */
export function requirePairedCounts(a: readonly unknown[], b: readonly unknown[], nameA: string, nameB: string): [number[], number[]] {
  if (!Array.isArray(a)) fail('VALUE', `${nameA} must be a list of numbers`);
  if (!Array.isArray(b)) fail('VALUE', `${nameB} must be a list of numbers`);
  if (a.length === 0) fail('NA', `${nameA} is empty: give at least one number`);
  if (b.length === 0) fail('NA', `${nameB} is empty: give at least one number`);
  requireSameLength(a, b, nameA, nameB);
  return [requireCounts(a, nameA), requireCounts(b, nameB)];
}

/**
 * Requires a non-empty list of text labels (group names such as districts).
 *
 * @param values the labels
 * @param name the argument name, e.g. `groups`
 * @returns the labels
 * @example
 * requireLabels(['Dover', 'Thanet'], 'groups'); // ['Dover', 'Thanet']
 * @throws {PlanningError} VALUE if not a list or an entry is not text, NA if empty
 */
export function requireLabels(values: readonly unknown[], name: string): string[] {
  if (!Array.isArray(values)) fail('VALUE', `${name} must be a list of labels`);
  if (values.length === 0) fail('NA', `${name} is empty: give at least one label`);
  return values.map((v, i) => {
    if (typeof v !== 'string') fail('VALUE', `${name} item ${i + 1} must be text (got ${show(v)})`);
    return v;
  });
}

/**
 * Requires one of a fixed set of text options (a method name such as `"net"`).
 *
 * @param value the value given
 * @param name the argument name, e.g. `method`
 * @param options the allowed values
 * @returns the value, typed as one of the options
 * @example
 * requireOneOf('net', 'method', ['net', 'unfilled'] as const); // 'net'
 * @throws {PlanningError} VALUE naming the allowed options
 */
export function requireOneOf<T extends string>(value: unknown, name: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail('VALUE', `${name} must be ${options.map((o) => `"${o}"`).join(' or ')} (got ${show(value)})`);
  }
  return value as T;
}

/**
 * Requires a computed result to be finite, so that huge inputs (near 1e308) surface as an error
 * instead of Infinity or NaN leaking out of the engine.
 *
 * @param value the computed number
 * @param what what it is, e.g. `total capacity`
 * @returns the value
 * @example
 * requireFiniteResult(12.5, 'surplus fraction'); // 12.5
 * @throws {PlanningError} NUM if the result is NaN or infinite
 */
export function requireFiniteResult(value: number, what: string): number {
  if (!Number.isFinite(value)) fail('NUM', `${what} is too large to compute (the inputs are out of range)`);
  return value;
}
