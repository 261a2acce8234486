/**
 * Rolling-origin back-test of the cohort forecast (domain reference, section 7): re-run the forecast from
 * earlier points in a history and measure, horizon by horizon, how far it would have missed.
 */
import { accuracyOfSums, meanAbsolutePercentageError } from './accuracy';
import { cohortForecast, forecastTotals, ForecastOptions, MAX_HORIZON } from './cohort-forecast';
import { fail, PlanningError } from './errors';
import { requireInteger } from './validate';

/** Default back-test horizon in years. */
export const DEFAULT_BACKTEST_HORIZON = 3;

/** Options of {@link backtest}: the forecast settings under test, and the horizon. */
export type BacktestOptions = Omit<ForecastOptions, 'horizon' | 'additions' | 'intakeOverride'> & {
  /** How many years ahead to test, whole 1..50 (default 3). */
  horizon?: number;
};

/** How the method did at one horizon. */
export interface BacktestHorizon {
  /** Years ahead (1 = the year after the origin). */
  horizon: number;
  /** (sum F - sum A) / sum A over all origins, totals over year groups: the signed accuracy of the sums. */
  accuracy: number;
  /** Mean over origins of |accuracy of that origin's total|. */
  mape: number;
  /** How many origins were tested. */
  origins: number;
}

/**
 * Back-tests the cohort forecast on its own history.
 *
 * For each origin o = 2 .. rows - h (o = how many history rows the forecast may use), the forecast is run
 * from the first o rows with the same driver, ratio window, method and alpha, h years ahead, and forecast
 * year j is compared with the actual history row o + j - 1 (1-based row o + j). The driver is aligned by row,
 * so the same series serves every origin (it is cut after row o + h). Comparisons use the total over year
 * groups. All horizons use the same origins (so their figures are comparable); a history of n rows gives
 * n - h - 1 origins. No additions or intake overrides are used: the back-test measures the method alone.
 *
 * @param history rolls, years x year groups, oldest year first (at least h + 2 rows)
 * @param options driver, ratioYears (k, default 3), method (default 'mean'), alpha, horizon (default 3)
 * @returns one row per horizon 1..h: signed accuracy of the sums, MAPE over origins, number of origins
 * @example
 * backtest([[100], [110], [130], [120]], { horizon: 1 });
 * // origins 2 and 3: held intakes 105 and 113.33.. against 130 and 120
 * // -> [{ horizon: 1, accuracy: (218.33.. - 250) / 250 = -0.12666.., mape: (25/130 + 6.66../120) / 2, origins: 2 }]
 * @throws {PlanningError} NA when the history is too short for one origin (it needs h + 2 years);
 *   NUM for a horizon outside 1..50 and the forecast's own input errors; DIV0 when an actual total
 *   compared is 0 or a ratio cannot be worked out from an origin's years (the message names the origin)
 */
export function backtest(history: readonly (readonly number[])[], options?: BacktestOptions): BacktestHorizon[] {
  const h =
    options?.horizon === undefined || options.horizon === null
      ? DEFAULT_BACKTEST_HORIZON
      : requireInteger(options.horizon, 'horizon', 1, MAX_HORIZON);
  // Validate the whole history (shape, values, driver, options) once, with the forecast's own messages.
  const base: ForecastOptions = { driver: options?.driver, ratioYears: options?.ratioYears, method: options?.method, alpha: options?.alpha };
  cohortForecast(history, { ...base, horizon: 1 });
  const rows = history.length;
  const lastOrigin = rows - h;
  if (lastOrigin < 2) {
    fail(
      'NA',
      `the back-test needs at least ${h + 2} years of history for a horizon of ${h} (2 to work out ratios, then ${h} to compare with); got ${rows}`,
    );
  }
  const actualTotals = forecastTotals(history);
  actualTotals.forEach((t, r) => {
    if (r >= 2 && t === 0) fail('DIV0', `history row ${r + 1} has 0 pupils in total, so the back-test cannot measure accuracy against it`);
  });

  const forecastByHorizon: number[][] = Array.from({ length: h }, () => []);
  const actualByHorizon: number[][] = Array.from({ length: h }, () => []);
  for (let o = 2; o <= lastOrigin; o++) {
    const driver = options?.driver === undefined || options.driver === null ? undefined : options.driver.slice(0, o + h);
    let totals: number[];
    try {
      totals = forecastTotals(cohortForecast(history.slice(0, o), { ...base, driver, horizon: h }).forecast);
    } catch (e) {
      if (e instanceof PlanningError) fail(e.code, `back-test from the first ${o} years: ${e.message}`);
      throw e;
    }
    for (let j = 0; j < h; j++) {
      forecastByHorizon[j].push(totals[j]);
      actualByHorizon[j].push(actualTotals[o + j]);
    }
  }
  return forecastByHorizon.map((f, j) => ({
    horizon: j + 1,
    accuracy: accuracyOfSums(f, actualByHorizon[j]),
    mape: meanAbsolutePercentageError(f, actualByHorizon[j]),
    origins: f.length,
  }));
}
