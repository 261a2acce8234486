/**
 * Forecast accuracy, the DfE convention: `(forecast - actual) / actual`, signed (positive =
 * over-forecast). Groups are compared on their sums; a summary adds the mean absolute percentage
 * error and the count of groups outside Kent's plus or minus 1% tolerance.
 */
import { fail } from './errors';
import { sumBy } from './grouping';
import { requireFinite, requireFiniteResult, requireLabels, requireNonNegative, requirePairedCounts, requireSameLength } from './validate';

/** Allowance for floating-point noise when comparing an accuracy with its tolerance. */
const TOLERANCE_NOISE = 1e-12;

/** (F - A) / A for checked non-negative numbers; `what` names the actual in the DIV0 message. */
function signedAccuracy(forecast: number, actual: number, what: string): number {
  if (actual === 0) fail('DIV0', `${what} is 0: accuracy cannot be computed`);
  return requireFiniteResult((forecast - actual) / actual, 'accuracy');
}

/** Sum of checked counts, failing on overflow. */
function total(values: readonly number[], what: string): number {
  let sum = 0;
  for (const v of values) sum += v;
  return requireFiniteResult(sum, what);
}

/**
 * Signed accuracy of a forecast: `(forecast - actual) / actual`. Positive = over-forecast.
 *
 * @param forecast forecast pupils, zero or more
 * @param actual actual pupils (the census), above zero
 * @returns the accuracy as a fraction (0.0026 = +0.26%)
 * @example
 * accuracy(127516, 127188); // 0.002578859... (Kent primary, January 2025: +0.26%)
 * accuracy(95, 100);        // -0.05 (under-forecast by 5%)
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if negative or not finite;
 *   DIV0 "actual is 0: accuracy cannot be computed"
 */
export function accuracy(forecast: number, actual: number): number {
  const f = requireNonNegative(forecast, 'forecast');
  const a = requireNonNegative(actual, 'actual');
  return signedAccuracy(f, a, 'actual');
}

/**
 * Signed accuracy of sums: `(sum forecast - sum actual) / sum actual`, how a group of schools or
 * year groups is judged.
 *
 * @param forecast forecast pupils per row, zero or more
 * @param actual actual pupils per row, zero or more, paired with forecast
 * @returns the accuracy of the totals
 * @example
 * accuracyOfSums([100, 200], [110, 180]); // 10 / 290 = 0.0344827...
 * @throws {PlanningError} NA if a list is empty; VALUE if sizes differ or an entry is not a number;
 *   NUM if an entry is negative or not finite; DIV0 "total actual is 0: accuracy cannot be computed"
 */
export function accuracyOfSums(forecast: readonly number[], actual: readonly number[]): number {
  const [f, a] = requirePairedCounts(forecast, actual, 'forecast', 'actual');
  return signedAccuracy(total(f, 'total forecast'), total(a, 'total actual'), 'total actual');
}

/**
 * Absolute error of a forecast in pupils: `|forecast - actual|`.
 *
 * @param forecast forecast pupils, zero or more
 * @param actual actual pupils, zero or more
 * @returns the size of the miss in pupils
 * @example
 * absoluteError(16982, 17000); // 18
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if negative or not finite
 */
export function absoluteError(forecast: number, actual: number): number {
  const f = requireNonNegative(forecast, 'forecast');
  const a = requireNonNegative(actual, 'actual');
  return requireFiniteResult(Math.abs(f - a), 'absolute error');
}

/**
 * Mean absolute percentage error over paired rows: the mean of `|F - A| / A`, as a fraction.
 *
 * @param forecast forecast pupils per row, zero or more
 * @param actual actual pupils per row, above zero, paired with forecast
 * @returns the MAPE (0.02 = 2%)
 * @example
 * meanAbsolutePercentageError([110, 95], [100, 100]); // (0.1 + 0.05) / 2 = 0.075
 * @throws {PlanningError} NA if a list is empty; VALUE if sizes differ or an entry is not a number;
 *   NUM if an entry is negative or not finite; DIV0 if an actual is 0 (naming the item)
 */
export function meanAbsolutePercentageError(forecast: readonly number[], actual: readonly number[]): number {
  const [f, a] = requirePairedCounts(forecast, actual, 'forecast', 'actual');
  let sum = 0;
  for (let i = 0; i < f.length; i++) {
    sum += Math.abs(signedAccuracy(f[i], a[i], `actual item ${i + 1}`));
  }
  return requireFiniteResult(sum / f.length, 'mean absolute percentage error');
}

/**
 * Whether an accuracy is within tolerance: `|accuracy| <= tolerance`, with 1e-12 allowed for
 * floating-point noise so that exactly 1% counts as within 1%.
 *
 * @param accuracy a signed accuracy fraction
 * @param tolerance the allowed size of the miss, default 0.01 (Kent's plus or minus 1%)
 * @returns true when within tolerance
 * @example
 * isWithinTolerance(-0.01); // true
 * isWithinTolerance(0.0101); // false
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if not finite or tolerance is negative
 */
export function isWithinTolerance(accuracy: number, tolerance = 0.01): boolean {
  const acc = requireFinite(accuracy, 'accuracy');
  const tol = requireNonNegative(tolerance, 'tolerance');
  return Math.abs(acc) <= tol + TOLERANCE_NOISE;
}

/** One group's forecast against its actual. */
export interface AccuracyRow {
  group: string;
  forecast: number;
  actual: number;
  /** forecast - actual (positive = over-forecast). */
  difference: number;
  /** (forecast - actual) / actual. */
  accuracy: number;
  withinTolerance: boolean;
}

/** An accuracy table by group. */
export interface AccuracyByResult {
  /** One row per distinct group, in first-appearance order. */
  rows: AccuracyRow[];
  /** All rows together (accuracy of the sums); group `'Total'`. */
  total: AccuracyRow;
  /** Mean of |accuracy| over the groups. */
  mape: number;
  /** Number of groups outside tolerance. */
  outsideTolerance: number;
}

/**
 * Accuracy by group (district, phase): groups in any order, repeated labels summed, each group
 * judged on its sums; a total row (accuracy of all the sums), the MAPE over groups and the count of
 * groups outside tolerance.
 *
 * @param groups one label per row
 * @param forecast forecast pupils per row, zero or more
 * @param actual actual pupils per row, zero or more (each group's sum above zero)
 * @param tolerance allowed |accuracy|, default 0.01
 * @returns rows per group, the total, the MAPE and the count outside tolerance
 * @example
 * accuracyBy(['Dover', 'Thanet', 'Dover'], [100, 200, 110], [100, 190, 100]);
 * // rows: Dover { forecast 210, actual 200, difference 10, accuracy 0.05, withinTolerance false },
 * //       Thanet { forecast 200, actual 190, difference 10, accuracy 0.0526..., withinTolerance false }
 * // total { forecast 410, actual 390, accuracy 0.0512... }, mape 0.0513..., outsideTolerance 2
 * @throws {PlanningError} NA if a list is empty; VALUE if sizes differ, a group is not text or an
 *   entry is not a number; NUM if an entry or tolerance is negative or not finite; DIV0 if a
 *   group's actual is 0 (naming the group)
 */
export function accuracyBy(
  groups: readonly string[],
  forecast: readonly number[],
  actual: readonly number[],
  tolerance = 0.01,
): AccuracyByResult {
  const labels = requireLabels(groups, 'groups');
  const [f, a] = requirePairedCounts(forecast, actual, 'forecast', 'actual');
  requireSameLength(labels, f, 'groups', 'forecast');
  const tol = requireNonNegative(tolerance, 'tolerance');

  const row = (group: string, fc: number, ac: number, what: string): AccuracyRow => {
    const acc = signedAccuracy(fc, ac, what);
    return {
      group,
      forecast: fc,
      actual: ac,
      difference: requireFiniteResult(fc - ac, 'difference'),
      accuracy: acc,
      withinTolerance: Math.abs(acc) <= tol + TOLERANCE_NOISE,
    };
  };
  const forecastBy = sumBy(labels, f);
  const actualBy = sumBy(labels, a);
  const rows = [...forecastBy].map(([g, fc]) => row(g, fc, actualBy.get(g) as number, `actual of group ${JSON.stringify(g)}`));
  const totalRow = row('Total', total(f, 'total forecast'), total(a, 'total actual'), 'total actual');
  let absSum = 0;
  for (const r of rows) absSum += Math.abs(r.accuracy);
  return {
    rows,
    total: totalRow,
    mape: requireFiniteResult(absSum / rows.length, 'mean absolute percentage error'),
    outsideTolerance: rows.filter((r) => !r.withinTolerance).length,
  };
}
