/**
 * The KENT custom functions: @customfunction declarations only. The build generates functions.json
 * from the JSDoc below and appends CustomFunctions.associate calls. Bodies live in tables.ts (cells to
 * engine to spilled tables) and errors.ts (Excel errors); see cells.ts for the rules on blank cells,
 * text and sizes, and limits.ts for the size limits.
 *
 * Types in the signatures are written inline (number, string, boolean, unknown[][]) because the
 * metadata generator rejects type aliases; `unknown[][]` becomes a matrix of "any" in functions.json.
 * Excel passes null for an omitted optional argument, so defaults are applied in tables.ts, never
 * through TypeScript default parameters.
 */
import { excelTable, excelValue, ExcelError } from './errors';
import {
  accuracyByTable,
  accuracyOf,
  backtestTable,
  commissionTable,
  feNeededOf,
  feOf,
  forecastRangeTable,
  forecastTable,
  housingYieldTable,
  placesNeededOf,
  placesOf,
  ratiosRow,
  statusOf,
  surplusByTable,
  surplusOf,
} from './tables';

/**
 * Surplus capacity as a fraction of the places (0.056 = 5.6%): (capacity - roll) / capacity. Blank pairs are skipped; a blank beside a figure counts as 0.
 * @customfunction SURPLUS
 * @param capacity Places: a row, a column or a single cell (e.g. PAN per school or year group).
 * @param roll Pupils on roll, the same size as capacity.
 * @param method Optional. "net" (default: total capacity minus total roll) or "unfilled" (DfE: each row's unfilled places, over-full rows count 0).
 * @returns Surplus fraction; negative means a deficit under "net".
 */
export function surplus(capacity: unknown[][], roll: unknown[][], method?: string): number | ExcelError {
  return excelValue(() => surplusOf(capacity, roll, method).fraction);
}

/**
 * Surplus places: total capacity minus total roll ("net"), or the sum of each row's unfilled places ("unfilled"). Blank pairs are skipped; a blank beside a figure counts as 0.
 * @customfunction SURPLUSPLACES
 * @param capacity Places: a row, a column or a single cell.
 * @param roll Pupils on roll, the same size as capacity.
 * @param method Optional. "net" (default; negative = deficit) or "unfilled" (DfE measure, never negative).
 * @returns Surplus places.
 */
export function surplusPlaces(capacity: unknown[][], roll: unknown[][], method?: string): number | ExcelError {
  return excelValue(() => surplusOf(capacity, roll, method).places);
}

/**
 * Where a surplus sits against the planning band: "Deficit" (below 0), "Below target" (under min), "Within target" (min to max) or "Above target".
 * @customfunction SURPLUSSTATUS
 * @param surplus Surplus fraction, e.g. from KENT.SURPLUS (0.056 = 5.6%). A blank cell counts as 0.
 * @param min Optional. Bottom of the band, default 0.05 (5%).
 * @param max Optional. Top of the band, default 0.07 (7%), or min if min is higher.
 * @returns The status text.
 */
export function surplusStatus(surplus: number, min?: number, max?: number): string | ExcelError {
  return excelValue(() => statusOf(surplus, min, max));
}

/**
 * Surplus by group (district, planning area): spills group, capacity, roll, surplus places, surplus and status, a Total row, then the count of groups at or above target and the number of groups. Rows blank in every range are skipped.
 * @customfunction SURPLUSBY
 * @param groups Group label of each row (repeated labels are added together; a blank label is "(blank)").
 * @param capacity Places of each row, the same size as groups.
 * @param roll Pupils on roll of each row, the same size as groups.
 * @param target Optional. Target surplus, default 0.05; status is "Within target" from target up to 7% (or target if higher).
 * @param method Optional. "net" (default) or "unfilled" (DfE: each row's unfilled places).
 * @param headers Optional. TRUE to add a header row; default FALSE.
 * @returns A table with one row per group, a Total row and a count row.
 */
export function surplusBy(groups: unknown[][], capacity: unknown[][], roll: unknown[][], target?: number, method?: string, headers?: boolean): unknown[][] {
  return excelTable(() => surplusByTable(groups, capacity, roll, target, method, headers));
}

/**
 * Forms of entry from places: places / (class_size x year_groups). 1 FE = one class of 30 in each year group. A blank cell counts as 0.
 * @customfunction FE
 * @param places Places or pupils, zero or more.
 * @param year_groups Optional. Year groups the places cover: 1 (default, one year group), 7 (whole primary), 5 (11-16 secondary).
 * @param class_size Optional. Pupils per class, default 30.
 * @returns Forms of entry, unrounded (e.g. 660 places = 22).
 */
export function fe(places: number, year_groups?: number, class_size?: number): number | ExcelError {
  return excelValue(() => feOf(places, year_groups, class_size));
}

/**
 * Places from forms of entry: fe x class_size x year_groups. A blank cell counts as 0.
 * @customfunction PLACES
 * @param fe Forms of entry, zero or more (fractions allowed, e.g. 1.5).
 * @param year_groups Optional. Year groups: 1 (default), 7 (whole primary), 5 (11-16 secondary).
 * @param class_size Optional. Pupils per class, default 30.
 * @returns Places (e.g. 1 FE primary = 210 with year_groups 7).
 */
export function places(fe: number, year_groups?: number, class_size?: number): number | ExcelError {
  return excelValue(() => placesOf(fe, year_groups, class_size));
}

/**
 * Extra places needed to restore the target surplus: max(0, forecast / (1 - target) - capacity). A blank cell counts as 0.
 * @customfunction PLACESNEEDED
 * @param forecast Forecast roll, zero or more.
 * @param capacity Current capacity (places), zero or more.
 * @param target Optional. Target surplus fraction, default 0.05 (5%).
 * @returns Places needed; 0 when the surplus already meets the target.
 */
export function placesNeeded(forecast: number, capacity: number, target?: number): number | ExcelError {
  return excelValue(() => placesNeededOf(forecast, capacity, target));
}

/**
 * Forms of entry needed to restore the target surplus: KENT.PLACESNEEDED / (30 x year_groups), optionally rounded up to step. A blank cell counts as 0.
 * @customfunction FENEEDED
 * @param forecast Forecast roll, zero or more.
 * @param capacity Current capacity (places), zero or more.
 * @param target Optional. Target surplus fraction, default 0.05 (5%).
 * @param year_groups Optional. Year groups the figures cover: 1 (default), 7 for whole primary schools.
 * @param step Optional. Round up to a multiple of this many FE, e.g. 0.5; default no rounding.
 * @returns Forms of entry needed.
 */
export function feNeeded(forecast: number, capacity: number, target?: number, year_groups?: number, step?: number): number | ExcelError {
  return excelValue(() => feNeededOf(forecast, capacity, target, year_groups, step));
}

/**
 * Spills one row per forecast year: new permanent FE commissioned that year and temporary places for that cohort. A need lasting persist_years in a row is met permanently. Trailing blank years are ignored; a blank beside a figure is 0.
 * @customfunction COMMISSION
 * @param forecast_intake Forecast entry-year roll (Reception or Year 7), one per forecast year: a row or a column.
 * @param capacity_intake Entry-year capacity: one cell for every year, or one per year (the same size as forecast_intake).
 * @param target Optional. Target surplus fraction, default 0.05.
 * @param persist_years Optional. Consecutive years of need that call for permanent places, default 3.
 * @param class_size Optional. Pupils per form of entry, default 30.
 * @param headers Optional. TRUE to add a header row; default FALSE.
 * @returns Rows of permanent FE and temporary places.
 */
export function commission(
  forecast_intake: unknown[][],
  capacity_intake: unknown[][],
  target?: number,
  persist_years?: number,
  class_size?: number,
  headers?: boolean,
): unknown[][] {
  return excelTable(() => commissionTable(forecast_intake, capacity_intake, target, persist_years, class_size, headers));
}

/**
 * Cohort progression forecast: spills one row per forecast year and one column per year group of history. Blank rows at the top or bottom of history are ignored; a blank cell in a row of figures counts as 0.
 * @customfunction FORECAST
 * @param history Rolls: one row per year (oldest first, consecutive), one column per year group (e.g. R to Y6).
 * @param driver Optional. Births (for Reception) or feeder Year 6 (for Year 7), a row or column aligned with history's rows and running on into the forecast years. Blank or 0 = no driver that year: the intake is held at the mean of recent intakes.
 * @param years Optional. Years to forecast, 1 to 50; default 5.
 * @param ratio_years Optional. How many recent ratios to average, default 3.
 * @param method Optional. "mean" (default), "pooled", "weighted", "exponential" or "median135".
 * @param additions Optional. Extra pupils (e.g. from KENT.HOUSINGYIELD): one row per forecast year, one column per year group; blanks are 0.
 * @returns The forecast rolls, unrounded.
 */
export function forecast(history: unknown[][], driver?: unknown[][], years?: number, ratio_years?: number, method?: string, additions?: unknown[][]): unknown[][] {
  return excelTable(() => forecastTable(history, driver, years, ratio_years, method, additions));
}

/**
 * The low or high forecast: KENT.FORECAST worked out with the smallest (low) or largest (high) of the recent ratios. Same blank-cell rules as KENT.FORECAST.
 * @customfunction FORECASTRANGE
 * @param history Rolls: one row per year (oldest first), one column per year group.
 * @param driver Optional. Births or feeder Year 6 aligned with history's rows, running on into the forecast years; blank or 0 = none that year.
 * @param years Optional. Years to forecast, 1 to 50; default 5.
 * @param ratio_years Optional. How many recent ratios to consider, default 3.
 * @param method Optional. "mean" (default), "pooled", "weighted", "exponential" or "median135".
 * @param bound Optional. "low" (default) or "high".
 * @returns The low or high forecast rolls.
 */
export function forecastRange(history: unknown[][], driver?: unknown[][], years?: number, ratio_years?: number, method?: string, bound?: string): unknown[][] {
  return excelTable(() => forecastRangeTable(history, driver, years, ratio_years, method, bound));
}

/**
 * The ratios KENT.FORECAST uses, in one row: the intake ratio (only when a driver is given), then the progression ratio into each later year group. Same blank-cell rules as KENT.FORECAST.
 * @customfunction RATIOS
 * @param history Rolls: one row per year (oldest first), one column per year group.
 * @param driver Optional. Births or feeder Year 6 aligned with history's rows; blank or 0 = none that year.
 * @param ratio_years Optional. How many recent ratios to average, default 3.
 * @param method Optional. "mean" (default), "pooled", "weighted", "exponential" or "median135".
 * @returns One row of ratios.
 */
export function ratios(history: unknown[][], driver?: unknown[][], ratio_years?: number, method?: string): unknown[][] {
  return excelTable(() => ratiosRow(history, driver, ratio_years, method));
}

/**
 * Pupils from new housing: spills one row per year of dwellings and one column per year group, dwellings x yield_per_dwelling / year_groups. Use it as KENT.FORECAST's additions. Blank cells are 0.
 * @customfunction HOUSINGYIELD
 * @param dwellings New dwellings completed in each forecast year: a row or a column.
 * @param yield_per_dwelling Optional. Pupils per dwelling across the phase, default 0.28 (Kent primary: 28 per 100 homes).
 * @param year_groups Optional. Year groups to spread them over, default 7 (R to Y6).
 * @returns Extra pupils per year and year group.
 */
export function housingYield(dwellings: unknown[][], yield_per_dwelling?: number, year_groups?: number): unknown[][] {
  return excelTable(() => housingYieldTable(dwellings, yield_per_dwelling, year_groups));
}

/**
 * Forecast accuracy of the totals, (forecast - actual) / actual: positive = over-forecast (DfE convention). Blank pairs are skipped; a blank beside a figure counts as 0.
 * @customfunction ACCURACY
 * @param forecast Forecast pupils: a single cell, a row or a column.
 * @param actual Actual pupils (census), the same size as forecast.
 * @returns Signed accuracy (0.0026 = +0.26%).
 */
export function accuracy(forecast: unknown[][], actual: unknown[][]): number | ExcelError {
  return excelValue(() => accuracyOf(forecast, actual));
}

/**
 * Accuracy by group: spills group, forecast, actual, difference, accuracy and within tolerance (TRUE/FALSE), a Total row, then the MAPE over groups and the count outside tolerance. Rows blank in every range are skipped.
 * @customfunction ACCURACYBY
 * @param groups Group label of each row (repeated labels are added together; a blank label is "(blank)").
 * @param forecast Forecast pupils of each row, the same size as groups.
 * @param actual Actual pupils of each row, the same size as groups.
 * @param tolerance Optional. Allowed size of the miss, default 0.01 (Kent's plus or minus 1%).
 * @param headers Optional. TRUE to add a header row; default FALSE.
 * @returns A table with one row per group, a Total row and a summary row.
 */
export function accuracyBy(groups: unknown[][], forecast: unknown[][], actual: unknown[][], tolerance?: number, headers?: boolean): unknown[][] {
  return excelTable(() => accuracyByTable(groups, forecast, actual, tolerance, headers));
}

/**
 * Back-test: how the forecast method would have done on its own history. Spills one row per horizon (1 to horizon years ahead): the signed accuracy of the totals and the MAPE over the starting years. Same blank-cell rules as KENT.FORECAST.
 * @customfunction BACKTEST
 * @param history Rolls: one row per year (oldest first), one column per year group; needs horizon + 2 years.
 * @param driver Optional. Births or feeder Year 6 aligned with history's rows; blank or 0 = none that year.
 * @param horizon Optional. Years ahead to test, default 3.
 * @param ratio_years Optional. How many recent ratios to average, default 3.
 * @param method Optional. "mean" (default), "pooled", "weighted", "exponential" or "median135".
 * @param headers Optional. TRUE to add a header row; default FALSE.
 * @returns Rows of accuracy and MAPE by horizon.
 */
export function backtest(history: unknown[][], driver?: unknown[][], horizon?: number, ratio_years?: number, method?: string, headers?: boolean): unknown[][] {
  return excelTable(() => backtestTable(history, driver, horizon, ratio_years, method, headers));
}
