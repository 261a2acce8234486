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
  return values.map((v, i) => requireNonNegative(v, `${name} item ${i + 1}`));
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
