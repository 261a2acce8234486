/**
 * The KENT functions' bodies: read the cells (cells.ts), call the engine, lay out the spilled tables.
 * functions.ts holds only the @customfunction declarations that call these; errors.ts turns failures
 * into Excel errors. Every function here may throw a PlanningError: the caller maps it.
 */
import {
  accuracyBy,
  accuracyOfSums,
  AVERAGING_METHODS,
  AveragingMethod,
  backtest,
  cohortForecast,
  commissionPlan,
  feNeeded,
  feToPlaces,
  forecastRatios,
  housingYield,
  placesNeeded,
  placesToFe,
  surplus,
  surplusBy,
  SurplusMethod,
  surplusStatus,
} from '../engine';
import { fail } from '../engine/errors';
import { requireFraction } from '../engine/validate';
import {
  groupedCounts,
  isBlankOrZero,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  pairedCounts,
  readAdditions,
  readDriver,
  readHistory,
  readList,
  requiredNumber,
  requireSameShape,
  cellName,
  countCell,
  isBlank,
} from './cells';
import { MAX_BACKTEST_YEARS, MAX_SERIES_YEARS } from './limits';

/** A spilled table: rows of numbers, text and booleans. */
export type Rows = (number | string | boolean)[][];

const SURPLUS_METHODS: readonly SurplusMethod[] = ['net', 'unfilled'];
/** Top of the planning band (7%) when only the bottom is given. */
const DEFAULT_BAND_MAX = 0.07;
const DEFAULT_TARGET = 0.05;

function surplusMethod(value: unknown): SurplusMethod {
  return optionalChoice(value, 'method', SURPLUS_METHODS, 'net');
}

function averagingMethod(value: unknown): AveragingMethod {
  return optionalChoice(value, 'method', AVERAGING_METHODS, 'mean');
}

function withHeaders(headers: unknown, labels: string[], rows: Rows): Rows {
  return optionalBoolean(headers, 'headers', false) ? [labels, ...rows] : rows;
}

/** KENT.SURPLUS / KENT.SURPLUSPLACES: the surplus of paired capacity and roll lists. */
export function surplusOf(capacity: unknown, roll: unknown, method: unknown): { places: number; fraction: number } {
  const m = surplusMethod(method);
  const [cap, rol] = pairedCounts(capacity, roll, 'capacity', 'roll');
  return surplus(cap, rol, m);
}

/** The band [min, max] with max defaulting to max(7%, min) so that a higher min alone still works. */
function band(min: unknown, max: unknown, minName: 'min' | 'target'): { min: number; max: number } {
  const given = optionalNumber(min, minName);
  // SURPLUSBY's target is a target surplus like PLACESNEEDED's: a fraction from 0 up to 1.
  const lo = given === undefined ? DEFAULT_TARGET : minName === 'target' ? requireFraction(given, 'target') : given;
  const hi = optionalNumber(max, 'max') ?? (Number.isFinite(lo) ? Math.max(DEFAULT_BAND_MAX, lo) : DEFAULT_BAND_MAX);
  return { min: lo, max: hi };
}

/** KENT.SURPLUSSTATUS */
export function statusOf(fraction: unknown, min: unknown, max: unknown): string {
  const b = band(min, max, 'min');
  return surplusStatus(requiredNumber(fraction, 'surplus'), b.min, b.max);
}

/** KENT.SURPLUSBY */
export function surplusByTable(groups: unknown, capacity: unknown, roll: unknown, target: unknown, method: unknown, headers: unknown): Rows {
  const m = surplusMethod(method);
  const b = band(target, null, 'target');
  const data = groupedCounts(groups, capacity, roll, 'capacity', 'roll');
  const result = surplusBy(data.labels, data.a, data.b, { min: b.min, max: b.max, method: m });
  const rows: Rows = [...result.rows, result.total].map((r) => [r.group, r.capacity, r.roll, r.places, r.fraction, r.status]);
  rows.push(['At or above target', result.atOrAboveTarget, result.groupCount, '', '', '']);
  return withHeaders(headers, ['Group', 'Capacity', 'Roll', 'Surplus places', 'Surplus', 'Status'], rows);
}

/** KENT.FE */
export function feOf(places: unknown, yearGroups: unknown, classSize: unknown): number {
  return placesToFe(requiredNumber(places, 'places'), optionalNumber(yearGroups, 'year_groups'), optionalNumber(classSize, 'class_size'));
}

/** KENT.PLACES */
export function placesOf(fe: unknown, yearGroups: unknown, classSize: unknown): number {
  return feToPlaces(requiredNumber(fe, 'fe'), optionalNumber(yearGroups, 'year_groups'), optionalNumber(classSize, 'class_size'));
}

/** KENT.PLACESNEEDED */
export function placesNeededOf(forecast: unknown, capacity: unknown, target: unknown): number {
  return placesNeeded(requiredNumber(forecast, 'forecast'), requiredNumber(capacity, 'capacity'), optionalNumber(target, 'target'));
}

/** KENT.FENEEDED */
export function feNeededOf(forecast: unknown, capacity: unknown, target: unknown, yearGroups: unknown, step: unknown): number {
  return feNeeded(requiredNumber(forecast, 'forecast'), requiredNumber(capacity, 'capacity'), {
    target: optionalNumber(target, 'target'),
    yearGroups: optionalNumber(yearGroups, 'year_groups'),
    step: optionalNumber(step, 'step'),
  });
}

/**
 * Reads COMMISSION's forecast intake and capacity: capacity one cell (every year) or one per year;
 * trailing years blank in both are ignored, a blank beside a figure is 0.
 */
function commissionInput(forecastIntake: unknown, capacityIntake: unknown): { forecast: number[]; capacity: number[] | number } {
  const lf = readList(forecastIntake, 'forecast_intake', MAX_SERIES_YEARS);
  const lc = readList(capacityIntake, 'capacity_intake', MAX_SERIES_YEARS);
  if (lf.rows > 1 && lf.columns > 1) fail('VALUE', `forecast_intake must be a single row or column (got ${lf.rows} x ${lf.columns})`);
  const single = lc.values.length === 1;
  if (!single) requireSameShape(lf, lc);
  let end = lf.values.length;
  while (end > 0 && isBlankOrZero(lf.values[end - 1]) && (single || isBlankOrZero(lc.values[end - 1]))) end--;
  if (end === 0) fail('NA', 'forecast_intake is empty: give the forecast entry-year roll for at least one year');
  const num = (list: typeof lf, i: number): number => countCell(list.values[i], () => cellName(list, i));
  const forecast: number[] = [];
  for (let i = 0; i < end; i++) forecast.push(num(lf, i));
  if (single) return { forecast, capacity: countCell(lc.values[0], () => 'capacity_intake') };
  const capacity: number[] = [];
  for (let i = 0; i < end; i++) capacity.push(num(lc, i));
  return { forecast, capacity };
}

/** KENT.COMMISSION */
export function commissionTable(
  forecastIntake: unknown,
  capacityIntake: unknown,
  target: unknown,
  persistYears: unknown,
  classSize: unknown,
  headers: unknown,
): Rows {
  const options = {
    target: optionalNumber(target, 'target'),
    persistYears: optionalNumber(persistYears, 'persist_years'),
    classSize: optionalNumber(classSize, 'class_size'),
  };
  const input = commissionInput(forecastIntake, capacityIntake);
  const plan = commissionPlan(input.forecast, input.capacity, options);
  return withHeaders(headers, ['Permanent FE', 'Temporary places'], plan.map((y) => [y.permanentFe, y.temporaryPlaces]));
}

/** The settings FORECAST, FORECASTRANGE, RATIOS and BACKTEST share. */
function forecastInput(history: unknown, driver: unknown, ratioYears: unknown, method: unknown, maxYears?: number) {
  const settings = { ratioYears: optionalNumber(ratioYears, 'ratio_years'), method: averagingMethod(method) };
  const h = readHistory(history, 'history', maxYears);
  return { rows: h.rows, options: { ...settings, driver: readDriver(driver, h.firstRow) } };
}

/** KENT.FORECAST */
export function forecastTable(history: unknown, driver: unknown, years: unknown, ratioYears: unknown, method: unknown, additions: unknown): Rows {
  const horizon = optionalNumber(years, 'years');
  const input = forecastInput(history, driver, ratioYears, method);
  return cohortForecast(input.rows, { ...input.options, horizon, additions: readAdditions(additions) }).forecast;
}

/** KENT.FORECASTRANGE */
export function forecastRangeTable(history: unknown, driver: unknown, years: unknown, ratioYears: unknown, method: unknown, bound: unknown): Rows {
  const which = optionalChoice(bound, 'bound', ['low', 'high'] as const, 'low');
  const horizon = optionalNumber(years, 'years');
  const input = forecastInput(history, driver, ratioYears, method);
  const result = cohortForecast(input.rows, { ...input.options, horizon });
  return which === 'low' ? result.low : result.high;
}

/** KENT.RATIOS */
export function ratiosRow(history: unknown, driver: unknown, ratioYears: unknown, method: unknown): Rows {
  const input = forecastInput(history, driver, ratioYears, method);
  const ratios = forecastRatios(input.rows, input.options);
  const row = ratios.progression.map((r) => r.value);
  if (ratios.intake) row.unshift(ratios.intake.value);
  if (row.length === 0) fail('NA', 'there are no ratios to show: give a driver, or a history with more than one year group');
  return [row];
}

/** KENT.HOUSINGYIELD */
export function housingYieldTable(dwellings: unknown, yieldPerDwelling: unknown, yearGroups: unknown): Rows {
  const options = { yieldPerDwelling: optionalNumber(yieldPerDwelling, 'yield_per_dwelling'), yearGroups: optionalNumber(yearGroups, 'year_groups') };
  const list = readList(dwellings, 'dwellings', MAX_SERIES_YEARS);
  if (list.rows > 1 && list.columns > 1) fail('VALUE', `dwellings must be a single row or column (got ${list.rows} x ${list.columns})`);
  if (list.values.every(isBlank)) fail('NA', 'dwellings is empty: give the completions for at least one year');
  const homes = list.values.map((v, i) => countCell(v, () => cellName(list, i)));
  return housingYield(homes, options);
}

/** KENT.ACCURACY */
export function accuracyOf(forecast: unknown, actual: unknown): number {
  const [f, a] = pairedCounts(forecast, actual, 'forecast', 'actual');
  return accuracyOfSums(f, a);
}

/** KENT.ACCURACYBY */
export function accuracyByTable(groups: unknown, forecast: unknown, actual: unknown, tolerance: unknown, headers: unknown): Rows {
  const tol = optionalNumber(tolerance, 'tolerance');
  const data = groupedCounts(groups, forecast, actual, 'forecast', 'actual');
  const result = accuracyBy(data.labels, data.a, data.b, tol);
  const rows: Rows = [...result.rows, result.total].map((r) => [r.group, r.forecast, r.actual, r.difference, r.accuracy, r.withinTolerance]);
  rows.push(['MAPE, outside tolerance', result.mape, result.outsideTolerance, '', '', '']);
  return withHeaders(headers, ['Group', 'Forecast', 'Actual', 'Difference', 'Accuracy', 'Within tolerance'], rows);
}

/** KENT.BACKTEST */
export function backtestTable(history: unknown, driver: unknown, horizon: unknown, ratioYears: unknown, method: unknown, headers: unknown): Rows {
  const h = optionalNumber(horizon, 'horizon');
  const input = forecastInput(history, driver, ratioYears, method, MAX_BACKTEST_YEARS);
  const result = backtest(input.rows, { ...input.options, horizon: h });
  return withHeaders(headers, ['Accuracy', 'MAPE'], result.map((r) => [r.accuracy, r.mape]));
}
