/**
 * Commissioning need: places (and forms of entry) needed to restore a target surplus, and the split
 * of an entry-year shortfall into permanent FE (a need lasting several consecutive years) and
 * temporary places (a shorter spike, e.g. a bulge class).
 */
import { CLASS_SIZE, feToPlaces, placesToFe, roundFeUp } from './forms-of-entry';
import {
  requireCounts,
  requireFiniteResult,
  requireFraction,
  requireInteger,
  requireNonNegative,
  requirePairedCounts,
  requirePositive,
} from './validate';

/** Default target surplus (5%). */
const DEFAULT_TARGET = 0.05;
/** Convention: a shortfall lasting this many consecutive years calls for permanent places. */
const DEFAULT_PERSIST_YEARS = 3;

/** placesNeeded on already-checked numbers. */
function need(forecast: number, capacity: number, target: number): number {
  return requireFiniteResult(Math.max(0, forecast / (1 - target) - capacity), 'places needed');
}

/**
 * Places needed to restore a target surplus t for a forecast roll F against capacity C:
 * `max(0, F / (1 - t) - C)`. With that many extra places, (C + P - F) / (C + P) = t exactly.
 *
 * @param forecast forecast roll, zero or more
 * @param capacity current capacity (places), zero or more
 * @param target target surplus fraction, default 0.05 (from 0 up to, not including, 1)
 * @returns extra places needed, 0 when the surplus already meets the target
 * @example
 * placesNeeded(950, 900);       // 950 / 0.95 - 900 = 100
 * placesNeeded(900, 1000);      // 0 (10% surplus already)
 * placesNeeded(600, 600, 0);    // 0
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if forecast or capacity is
 *   negative or not finite, or target is outside [0, 1)
 */
export function placesNeeded(forecast: number, capacity: number, target = DEFAULT_TARGET): number {
  const f = requireNonNegative(forecast, 'forecast');
  const c = requireNonNegative(capacity, 'capacity');
  const t = requireFraction(target, 'target');
  return need(f, c, t);
}

/**
 * Forms of entry needed to restore a target surplus: {@link placesNeeded} divided by
 * `classSize x yearGroups`, rounded up to `step` when a step is given.
 *
 * @param forecast forecast roll, zero or more
 * @param capacity current capacity, zero or more
 * @param options `target` (default 0.05); `yearGroups` the figures cover (default 1; 7 for whole
 *   primary schools); `classSize` (default 30); `step` to round up to (e.g. 0.5), above 0
 * @returns forms of entry needed (fractional unless a step is given)
 * @example
 * feNeeded(950, 900);                  // 100 / 30 = 3.333...
 * feNeeded(950, 900, { step: 0.5 });   // 3.5
 * feNeeded(2000, 1890, { yearGroups: 7 }); // (2000 / 0.95 - 1890) / 210 = 1.0250...
 * @throws {PlanningError} as {@link placesNeeded}; NUM if year_groups is not a whole number from 1
 *   to 20, class_size or step is not above 0
 */
export function feNeeded(
  forecast: number,
  capacity: number,
  options: { target?: number; yearGroups?: number; classSize?: number; step?: number } = {},
): number {
  const places = placesNeeded(forecast, capacity, options?.target ?? DEFAULT_TARGET);
  const fe = placesToFe(places, options?.yearGroups ?? 1, options?.classSize ?? CLASS_SIZE);
  return options?.step === undefined || options?.step === null ? fe : roundFeUp(fe, options.step);
}

/** One forecast year of a commissioning plan. */
export interface CommissionYear {
  /** 1-based forecast year. */
  year: number;
  /** Forecast entry-year roll. */
  forecast: number;
  /** Entry-year capacity before anything new is commissioned. */
  capacity: number;
  /** Places needed to restore the target surplus this year. */
  placesNeeded: number;
  /** New permanent FE commissioned this year (0 in most years). */
  permanentFe: number;
  /** Cumulative permanent places (commissioned so far) in effect this year. */
  permanentPlaces: number;
  /** Temporary places for this year's cohort: the need not met by permanent places. */
  temporaryPlaces: number;
}

/**
 * A year-by-year commissioning plan for an entry year (Reception or Year 7). Each year's need is
 * {@link placesNeeded}. The persistent part of the need is, for each year, the largest minimum
 * need over any run of `persistYears` consecutive forecast years that includes it (0 if no such
 * run fits); it is met by permanent places, which only ever rise and are commissioned in the first
 * year they are needed (in whole `step`s of FE when a step is given). Whatever need remains in a
 * year is met by temporary places.
 *
 * @param forecastIntake forecast entry-year roll per forecast year, zero or more
 * @param capacityIntake entry-year capacity: one number for every year, or one per year
 * @param options `target` (default 0.05); `persistYears` (default 3, a whole number of at least
 *   1); `classSize` (default 30); `step` to round permanent FE up to (e.g. 0.5), above 0
 * @returns one row per forecast year
 * @example
 * // a four-year shortfall of 30 places (target 0): 1 FE permanent in its first year (year 2)
 * commissionPlan([600, 630, 630, 630, 630, 590], 600, { target: 0 })
 *   .map((y) => [y.permanentFe, y.temporaryPlaces]); // [[0,0],[1,0],[0,0],[0,0],[0,0],[0,0]]
 * // a one-year spike: temporary places only
 * commissionPlan([600, 660, 600], 600, { target: 0 })
 *   .map((y) => [y.permanentFe, y.temporaryPlaces]); // [[0,0],[0,60],[0,0]]
 * @throws {PlanningError} NA if forecast_intake (or a capacity list) is empty; VALUE if sizes
 *   differ or an entry is not a number; NUM if an entry is negative or not finite, target is
 *   outside [0, 1), persist_years is not a whole number of at least 1, or class_size/step is not above 0
 */
export function commissionPlan(
  forecastIntake: readonly number[],
  capacityIntake: readonly number[] | number,
  options: { target?: number; persistYears?: number; classSize?: number; step?: number } = {},
): CommissionYear[] {
  let forecast: number[];
  let capacity: number[];
  if (Array.isArray(capacityIntake)) {
    [forecast, capacity] = requirePairedCounts(forecastIntake, capacityIntake, 'forecast_intake', 'capacity_intake');
  } else {
    forecast = requireCounts(forecastIntake, 'forecast_intake');
    const c = requireNonNegative(capacityIntake, 'capacity_intake');
    capacity = forecast.map(() => c);
  }
  const target = requireFraction(options?.target ?? DEFAULT_TARGET, 'target');
  const persist = requireInteger(options?.persistYears ?? DEFAULT_PERSIST_YEARS, 'persist_years', 1);
  const classSize = requirePositive(options?.classSize ?? CLASS_SIZE, 'class_size');
  const step = options?.step === undefined || options?.step === null ? null : requirePositive(options.step, 'step');

  const n = forecast.length;
  const needs = forecast.map((f, i) => need(f, capacity[i], target));
  // Minimum need over each run of `persist` consecutive years (none when the run is longer than the plan).
  const runMin: number[] = [];
  for (let s = 0; s + persist <= n; s++) {
    let min = needs[s];
    for (let j = s + 1; j < s + persist; j++) min = Math.min(min, needs[j]);
    runMin.push(min);
  }

  const plan: CommissionYear[] = [];
  let permanent = 0;
  for (let t = 0; t < n; t++) {
    let base = 0;
    for (let s = Math.max(0, t - persist + 1); s <= Math.min(t, runMin.length - 1); s++) base = Math.max(base, runMin[s]);
    const basePlaces = step === null ? base : feToPlaces(roundFeUp(placesToFe(base, 1, classSize), step), 1, classSize);
    const previous = permanent;
    permanent = Math.max(permanent, basePlaces);
    plan.push({
      year: t + 1,
      forecast: forecast[t],
      capacity: capacity[t],
      placesNeeded: needs[t],
      permanentFe: (permanent - previous) / classSize,
      permanentPlaces: permanent,
      temporaryPlaces: Math.max(0, needs[t] - permanent),
    });
  }
  return plan;
}
