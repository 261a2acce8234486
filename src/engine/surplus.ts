/**
 * Surplus capacity: spare places against capacity, netted (the county convention) or as the DfE
 * unfilled-places measure, and the status of a surplus against the 5-7% planning band.
 */
import { fail } from './errors';
import { sumBy } from './grouping';
import { requireFinite, requireFiniteResult, requireLabels, requireNonNegative, requireOneOf, requirePairedCounts, requireSameLength } from './validate';

/** `net`: sum capacity - sum roll (over-full places offset empty ones); `unfilled`: DfE per-row max(capacity - roll, 0). */
export type SurplusMethod = 'net' | 'unfilled';
/** Where a surplus fraction sits against the target band. */
export type SurplusStatus = 'Deficit' | 'Below target' | 'Within target' | 'Above target';

/** Totals of a surplus calculation. */
export interface SurplusResult {
  /** Sum of capacity. */
  capacity: number;
  /** Sum of roll. */
  roll: number;
  /** Surplus places (net: may be negative = deficit; unfilled: never negative). */
  places: number;
  /** places / capacity (0.056 = 5.6%). */
  fraction: number;
}

const METHODS: readonly SurplusMethod[] = ['net', 'unfilled'];

/** Surplus places of one capacity/roll pair under a method. */
function pairPlaces(capacity: number, roll: number, method: SurplusMethod): number {
  return method === 'net' ? capacity - roll : Math.max(capacity - roll, 0);
}

/**
 * Surplus of paired capacity and roll lists (schools, year groups or districts).
 * Net: `places = sum capacity - sum roll`; unfilled (DfE): `places = sum of max(capacity - roll, 0)`.
 * Either way `fraction = places / sum capacity`. Nothing is rounded.
 *
 * @param capacity places per row, zero or more
 * @param roll pupils per row, zero or more, paired with capacity
 * @param method `"net"` (default) or `"unfilled"`
 * @returns total capacity, total roll, surplus places and surplus fraction
 * @example
 * surplus([100, 100], [90, 110]);             // { capacity: 200, roll: 200, places: 0, fraction: 0 }
 * surplus([100, 100], [90, 110], 'unfilled'); // { capacity: 200, roll: 200, places: 10, fraction: 0.05 }
 * @throws {PlanningError} NA if a list is empty; VALUE if the lists differ in size, an entry is not a
 *   number or method is unknown; NUM if an entry is negative or not finite; DIV0 if total capacity is 0
 */
export function surplus(capacity: readonly number[], roll: readonly number[], method: SurplusMethod = 'net'): SurplusResult {
  const [cap, rol] = requirePairedCounts(capacity, roll, 'capacity', 'roll');
  return totalsOf(cap, rol, requireOneOf(method, 'method', METHODS));
}

/** {@link surplus} on lists already checked (non-empty, same size, non-negative finite). */
function totalsOf(cap: readonly number[], rol: readonly number[], m: SurplusMethod): SurplusResult {
  let totalCapacity = 0;
  let totalRoll = 0;
  let places = 0;
  for (let i = 0; i < cap.length; i++) {
    totalCapacity += cap[i];
    totalRoll += rol[i];
    if (m === 'unfilled') places += pairPlaces(cap[i], rol[i], m);
  }
  requireFiniteResult(totalCapacity, 'total capacity');
  requireFiniteResult(totalRoll, 'total roll');
  if (m === 'net') places = totalCapacity - totalRoll;
  if (totalCapacity === 0) fail('DIV0', 'total capacity is 0: surplus cannot be computed');
  return {
    capacity: totalCapacity,
    roll: totalRoll,
    places: requireFiniteResult(places, 'surplus places'),
    fraction: requireFiniteResult(places / totalCapacity, 'surplus fraction'),
  };
}

/**
 * Surplus places of paired capacity and roll lists (see {@link surplus}).
 *
 * @param capacity places per row, zero or more
 * @param roll pupils per row, zero or more
 * @param method `"net"` (default; negative = deficit) or `"unfilled"`
 * @returns surplus places
 * @example
 * surplusPlaces([210, 210], [200, 215]);             // 5
 * surplusPlaces([210, 210], [200, 215], 'unfilled'); // 10
 * @throws {PlanningError} as {@link surplus}
 */
export function surplusPlaces(capacity: readonly number[], roll: readonly number[], method: SurplusMethod = 'net'): number {
  return surplus(capacity, roll, method).places;
}

/**
 * Surplus fraction of paired capacity and roll lists (see {@link surplus}).
 *
 * @param capacity places per row, zero or more
 * @param roll pupils per row, zero or more
 * @param method `"net"` (default) or `"unfilled"`
 * @returns surplus places / total capacity (0.05 = 5%)
 * @example
 * surplusFraction([1000], [944]); // 0.056
 * @throws {PlanningError} as {@link surplus}; DIV0 "total capacity is 0: surplus cannot be computed"
 */
export function surplusFraction(capacity: readonly number[], roll: readonly number[], method: SurplusMethod = 'net'): number {
  return surplus(capacity, roll, method).fraction;
}

/** Checks the band limits and returns them. */
function requireBand(min: number, max: number): [number, number] {
  const lo = requireNonNegative(min, 'min');
  const hi = requireNonNegative(max, 'max');
  if (lo > hi) fail('VALUE', `min must not be greater than max (${lo} vs ${hi})`);
  return [lo, hi];
}

/** Status of a fraction against an already-checked band. */
function statusOf(fraction: number, min: number, max: number): SurplusStatus {
  if (fraction < 0) return 'Deficit';
  if (fraction < min) return 'Below target';
  if (fraction <= max) return 'Within target';
  return 'Above target';
}

/**
 * Status of a surplus fraction against the planning band: below 0 `Deficit`; from 0 up to (not
 * including) min `Below target`; min to max inclusive `Within target`; above max `Above target`.
 *
 * @param fraction surplus fraction (0.056 = 5.6%; negative = deficit)
 * @param min bottom of the band, default 0.05
 * @param max top of the band, default 0.07
 * @returns the status label
 * @example
 * surplusStatus(0.056);  // 'Within target'
 * surplusStatus(0.05);   // 'Within target'
 * surplusStatus(0);      // 'Below target'
 * surplusStatus(-0.001); // 'Deficit'
 * surplusStatus(0.08);   // 'Above target'
 * @throws {PlanningError} VALUE if an argument is not a number or min > max; NUM if not finite or
 *   min/max is negative
 */
export function surplusStatus(fraction: number, min = 0.05, max = 0.07): SurplusStatus {
  const f = requireFinite(fraction, 'surplus');
  const [lo, hi] = requireBand(min, max);
  return statusOf(f, lo, hi);
}

/** One group's surplus with its status. */
export interface SurplusByRow extends SurplusResult {
  group: string;
  status: SurplusStatus;
}

/** A surplus table by group. */
export interface SurplusByResult {
  /** One row per distinct group, in first-appearance order. */
  rows: SurplusByRow[];
  /** All rows together; group `'Total'`. */
  total: SurplusByRow;
  /** Groups whose surplus fraction is at least min (the KPI: districts with at least 5% surplus). */
  atOrAboveTarget: number;
  /** Number of distinct groups. */
  groupCount: number;
}

/**
 * Surplus by group (district, planning area), with a status per group, a total row and the count
 * of groups at or above the target minimum. Repeated group labels are summed: capacity and roll
 * are added; under `"unfilled"` each row's max(capacity - roll, 0) is taken first and then added.
 *
 * @param groups one label per row
 * @param capacity places per row, zero or more
 * @param roll pupils per row, zero or more
 * @param options `min` (default 0.05), `max` (default 0.07), `method` (`"net"` default or `"unfilled"`)
 * @returns rows per group, the total, the count at or above min and the number of groups
 * @example
 * surplusBy(['Dover', 'Thanet', 'Dover'], [100, 200, 100], [95, 200, 90]);
 * // rows: Dover { capacity 200, roll 185, places 15, fraction 0.075, status 'Above target' },
 * //       Thanet { capacity 200, roll 200, places 0, fraction 0, status 'Below target' }
 * // total { capacity 400, roll 385, places 15, fraction 0.0375 }, atOrAboveTarget 1, groupCount 2
 * @throws {PlanningError} NA if a list is empty; VALUE if sizes differ, a group is not text, an
 *   entry is not a number, method is unknown or min > max; NUM if an entry is negative or not
 *   finite; DIV0 if a group's capacity is 0 (naming the group)
 */
export function surplusBy(
  groups: readonly string[],
  capacity: readonly number[],
  roll: readonly number[],
  options: { min?: number; max?: number; method?: SurplusMethod } = {},
): SurplusByResult {
  const labels = requireLabels(groups, 'groups');
  const [cap, rol] = requirePairedCounts(capacity, roll, 'capacity', 'roll');
  requireSameLength(labels, cap, 'groups', 'capacity');
  const method = requireOneOf(options?.method ?? 'net', 'method', METHODS);
  const [min, max] = requireBand(options?.min ?? 0.05, options?.max ?? 0.07);

  const capacityBy = sumBy(labels, cap);
  const rollBy = sumBy(labels, rol);
  // Net places are the difference of the group sums; unfilled places are summed row by row.
  const unfilledBy = method === 'unfilled' ? sumBy(labels, cap.map((c, i) => pairPlaces(c, rol[i], method))) : null;

  // Messages are built only when a check fails (this runs once per group on ranges of 100,000 rows).
  const row = (group: string, c: number, r: number, places: number): SurplusByRow => {
    if (c === 0) fail('DIV0', `capacity of group ${JSON.stringify(group)} is 0: surplus cannot be computed`);
    const fraction = places / c;
    if (!Number.isFinite(places)) requireFiniteResult(places, `surplus places of ${JSON.stringify(group)}`);
    if (!Number.isFinite(fraction)) requireFiniteResult(fraction, `surplus fraction of ${JSON.stringify(group)}`);
    return { group, capacity: c, roll: r, places, fraction, status: statusOf(fraction, min, max) };
  };
  const rows = [...capacityBy].map(([g, c]) => {
    const r = rollBy.get(g) as number;
    return row(g, c, r, unfilledBy ? (unfilledBy.get(g) as number) : c - r);
  });
  const all = totalsOf(cap, rol, method);
  const total = { ...all, group: 'Total', status: statusOf(all.fraction, min, max) };
  return {
    rows,
    total,
    atOrAboveTarget: rows.filter((r) => r.fraction >= min).length,
    groupCount: rows.length,
  };
}
