/**
 * Forms of entry (FE): converting between places and classes of 30 in each year group.
 * 1 FE = one class in each year group, so a whole school of 1 FE has `30 x year groups` places
 * (210 primary, 150 for an 11-16 secondary). FE stays fractional (1.1FE, 9.5FE); rounding is
 * explicit through {@link roundFeUp}.
 */
import { requireFiniteResult, requireInteger, requireNonNegative, requirePositive } from './validate';

/**
 * Convention: pupils per class (per form of entry in one year group).
 * @example feToPlaces(2); // 60 = 2 x CLASS_SIZE
 */
export const CLASS_SIZE = 30;
/**
 * Primary year groups: Reception and Years 1-6.
 * @example feToPlaces(1, PRIMARY_YEAR_GROUPS); // 210 places in a 1 FE primary school
 */
export const PRIMARY_YEAR_GROUPS = 7;
/**
 * Secondary year groups 11-16: Years 7-11.
 * @example feToPlaces(1, SECONDARY_YEAR_GROUPS); // 150 places in a 1 FE 11-16 school
 */
export const SECONDARY_YEAR_GROUPS = 5;

/** Largest sensible number of year groups (nursery to Year 13 is 15); guards against runaway input. */
const MAX_YEAR_GROUPS = 20;

/** Places held by 1 FE across the year groups, after checking both arguments. */
function placesPerFe(yearGroups: number, classSize: number): number {
  const g = requireInteger(yearGroups, 'year_groups', 1, MAX_YEAR_GROUPS);
  const c = requirePositive(classSize, 'class_size');
  return requireFiniteResult(c * g, 'places per form of entry');
}

/**
 * Converts places to forms of entry: `places / (classSize x yearGroups)`, unrounded.
 *
 * @param places places (or pupils), zero or more
 * @param yearGroups year groups the places cover: 1 (default) for an entry year, 7 for a whole
 *   primary school, 5 for an 11-16 secondary; a whole number from 1 to 20
 * @param classSize pupils per class, default 30
 * @returns forms of entry, fractional
 * @example
 * placesToFe(660);      // 22  (660 extra Reception places = 22 FE)
 * placesToFe(210, 7);   // 1   (a 1 FE primary school)
 * placesToFe(150, 5);   // 1   (a 1 FE 11-16 school)
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if places is negative or not
 *   finite, year_groups is not a whole number from 1 to 20, or class_size is not above 0
 */
export function placesToFe(places: number, yearGroups = 1, classSize = CLASS_SIZE): number {
  const p = requireNonNegative(places, 'places');
  return requireFiniteResult(p / placesPerFe(yearGroups, classSize), 'forms of entry');
}

/**
 * Converts forms of entry to places: `fe x classSize x yearGroups`, unrounded.
 *
 * @param fe forms of entry, zero or more (fractions allowed, e.g. 1.5)
 * @param yearGroups year groups the places cover, default 1 (a whole number from 1 to 20)
 * @param classSize pupils per class, default 30
 * @returns places
 * @example
 * feToPlaces(4);        // 120 (4 FE of Year 7)
 * feToPlaces(1, 7);     // 210
 * feToPlaces(1.5, 1, 28); // 42
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if fe is negative or not
 *   finite, year_groups is not a whole number from 1 to 20, class_size is not above 0, or the
 *   result overflows
 */
export function feToPlaces(fe: number, yearGroups = 1, classSize = CLASS_SIZE): number {
  const f = requireNonNegative(fe, 'fe');
  return requireFiniteResult(f * placesPerFe(yearGroups, classSize), 'places');
}

/**
 * Rounds forms of entry up to the next multiple of `step` (e.g. the next 0.5 FE when
 * commissioning an expansion). A value within a relative 1e-9 of a multiple counts as that
 * multiple, so floating-point noise (2.0000000000001) does not add a whole step.
 *
 * @param fe forms of entry, zero or more
 * @param step the rounding step, above 0 (0.5 = half forms of entry)
 * @returns the smallest multiple of step that is at least fe
 * @example
 * roundFeUp(1.1, 0.5);             // 1.5
 * roundFeUp(2, 0.5);               // 2
 * roundFeUp(2.0000000000001, 0.5); // 2
 * roundFeUp(1.05, 0.1);            // 1.1
 * @throws {PlanningError} VALUE if an argument is not a number; NUM if fe is negative or not
 *   finite, step is not above 0, or the result overflows
 */
export function roundFeUp(fe: number, step: number): number {
  const f = requireNonNegative(fe, 'fe');
  const s = requirePositive(step, 'step');
  const q = requireFiniteResult(f / s, 'fe / step');
  const nearest = Math.round(q);
  const n = Math.abs(q - nearest) <= 1e-9 * Math.max(1, Math.abs(q)) ? nearest : Math.ceil(q);
  // For steps that are the reciprocal of a whole number (0.5, 0.25, 0.1) divide by it, which gives
  // the clean decimal (11 / 10 = 1.1, where 11 * 0.1 = 1.1000000000000001).
  const inverse = 1 / s;
  const whole = Math.round(inverse);
  const result = whole >= 1 && Math.abs(inverse - whole) <= 1e-9 * inverse ? n / whole : n * s;
  return requireFiniteResult(result, 'rounded forms of entry');
}
