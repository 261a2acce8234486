/**
 * The seeded generator of Kent-shaped place-planning data behind the sample workbook.
 *
 * How it works (so a reader can judge what is real):
 * 1. A COUNTY MODEL fixes every county total: Reception intakes by year (with the published 16,982 in
 *    2012-13 and about 17,000 in 2016-17), cumulative progression factors R->Y6 and Y7->Y11, Year 7
 *    intakes (published 15,244 in 2012-13; 2016-17 set so Years 7-11 total exactly 79,000), births
 *    (17,000-18,000 each year), and a housing trajectory. These constants are the same for every seed.
 * 2. Each planning area / district gets a SEEDED share, trend, birth-to-Reception ratio and
 *    migration, and its raw cohorts are rolled forward with small seeded noise.
 * 3. For every year and year group the raw detail is SCALED to the county total and rounded to whole
 *    pupils by the largest-remainder rule (ties to the earlier area), so county totals are exact.
 * 4. PANs are set so the 2016-17 Year R surplus is 1.5% in Dartford, 10.6% in Sevenoaks, between those
 *    elsewhere and 5.6% county-wide; Year 7 PANs give 7.5% county-wide.
 * 5. "Forecast made last year" for January 2017 is actual + seeded errors constrained to the published
 *    facts: county Year R +17 pupils, 9 of 12 districts outside +/-1%, Year 7 +22, Dover Year 7 +62.
 * Everything uses the deterministic helpers in ./prng (mulberry32), so a seed always gives the same data.
 */
import { allocate, gaussian, powInt, Random, shuffled, substream, uniform } from './prng';
import { ANCHORS } from './anchors';
import { FEATURED_PLANNING_AREA, KENT_DISTRICTS, KentArea } from './geography';

export const DEFAULT_SEED = 2017;

/** Academic years with actual rolls (January census), oldest first. */
export const HISTORY_YEARS = ['2011-12', '2012-13', '2013-14', '2014-15', '2015-16', '2016-17'] as const;
/** Forecast years (rolls blank in the tables). */
export const FORECAST_YEARS = ['2017-18', '2018-19', '2019-20', '2020-21', '2021-22'] as const;
export const PRIMARY_YEAR_GROUPS = ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'] as const;
export const SECONDARY_YEAR_GROUPS = ['Y7', 'Y8', 'Y9', 'Y10', 'Y11'] as const;
/** Births are known for this many forecast years (children already born); the last forecast year has none. */
export const BIRTH_YEARS_AHEAD = 4;

export type AccuracyPhase = 'Year R' | 'Primary R-6' | 'Year 7' | 'Secondary 7-11';
export const ACCURACY_PHASES: readonly AccuracyPhase[] = ['Year R', 'Primary R-6', 'Year 7', 'Secondary 7-11'];

export interface PlanningAreaSample {
  name: string;
  district: string;
  area: KentArea;
  /** HISTORY_YEARS x PRIMARY_YEAR_GROUPS, whole pupils. */
  rolls: number[][];
  /**
   * Births of the cohort entering Reception, aligned by row: HISTORY_YEARS then FORECAST_YEARS
   * (null in the forecast years beyond BIRTH_YEARS_AHEAD).
   */
  births: (number | null)[];
  /** Reception PAN (the same in every year of the table). */
  pan: number;
  /** New dwellings completed in each FORECAST_YEARS year. */
  dwellings: number[];
}

export interface DistrictSample {
  name: string;
  area: KentArea;
  planningAreas: string[];
  /** HISTORY_YEARS x SECONDARY_YEAR_GROUPS. */
  rolls: number[][];
  /**
   * The Year 7 intake driver aligned by row (HISTORY_YEARS then FORECAST_YEARS): the district's Year 6
   * of the year before. For forecast years it is the cohort's 2016-17 primary roll (Y6, Y5, Y4, Y3, Y2).
   */
  feederY6: number[];
  /** Year 7 PAN. */
  pan: number;
  /** New dwellings in each forecast year (sum of its planning areas). */
  dwellings: number[];
}

export interface AccuracySample {
  district: string;
  phase: AccuracyPhase;
  /** Forecast made in 2016 for the January 2017 census. */
  forecast: number;
  /** January 2017 census (2016-17 roll in this workbook). */
  actual: number;
}

export interface SampleKent {
  seed: number;
  historyYears: string[];
  forecastYears: string[];
  planningAreas: PlanningAreaSample[];
  districts: DistrictSample[];
  /** Phase-major: the 12 districts for Year R, then Primary R-6, Year 7, Secondary 7-11. */
  accuracy: AccuracySample[];
}

// ---------------------------------------------------------------- county model (same for every seed)
// Keys are the calendar year an academic year starts in (2016 = 2016-17).

/** County Reception intakes. 2006-07 (14,498) and 2012-13 (16,982) are published; 2016-17 = 17,000. */
const RECEPTION_INTAKE: Readonly<Record<number, number>> = {
  2004: 14700, 2005: 14620, 2006: 14498, 2007: 14880, 2008: 15310, 2009: 15790, 2010: 16240,
  2011: 16650, 2012: ANCHORS.reception2012.value, 2013: 17160, 2014: 17260, 2015: 17120, 2016: ANCHORS.reception2017.value,
};
/** Cumulative county progression from Reception to each primary year group (net in-migration). */
const PRIMARY_PROGRESSION = [1, 1.006, 1.012, 1.017, 1.021, 1.024, 1.027];
/** County Year 7 intakes. 2008-09 (16,605) and 2012-13 (15,244) are published; 2016-17 is set below. */
const YEAR7_INTAKE_BEFORE_2016: Readonly<Record<number, number>> = {
  2007: 16520, 2008: 16605, 2009: 16150, 2010: 15720, 2011: 15330, 2012: ANCHORS.year7_2012.value, 2013: 15110, 2014: 15520, 2015: 15980,
};
/** Cumulative county progression from Year 7 to each secondary year group. */
const SECONDARY_PROGRESSION = [1, 1.005, 1.01, 1.013, 1.016];
/** County births of the cohort entering Reception in each year (all within 17,000-18,000). */
const BIRTHS: Readonly<Record<number, number>> = {
  2011: 17330, 2012: 17660, 2013: 17850, 2014: 17960, 2015: 17820, 2016: 17700,
  2017: 17640, 2018: 17790, 2019: 17880, 2020: 17760,
};
/** Illustrative county housing trajectory: dwellings completed per forecast year. */
const DWELLINGS: Readonly<Record<number, number>> = { 2017: 7400, 2018: 8100, 2019: 8600, 2020: 8900, 2021: 8700 };

const FIRST_HISTORY = 2011;
const LAST_HISTORY = 2016;

/** Per-district character (illustrative): relative size, growth, births-to-Reception ratio, Year 7 flow, housing share. */
interface DistrictCharacter { size: number; trend: number; birthRatio: number; y7Flow: number; housing: number; migration: number }
const CHARACTER: Readonly<Record<string, DistrictCharacter>> = {
  Dartford: { size: 7.4, trend: 0.015, birthRatio: 0.97, y7Flow: 1.08, housing: 12, migration: 0.004 },
  Gravesham: { size: 7.0, trend: 0.002, birthRatio: 0.98, y7Flow: 1.01, housing: 6, migration: 0.001 },
  Sevenoaks: { size: 6.8, trend: -0.004, birthRatio: 0.87, y7Flow: 0.74, housing: 4, migration: 0.0 },
  Ashford: { size: 8.6, trend: 0.01, birthRatio: 0.97, y7Flow: 0.98, housing: 13, migration: 0.004 },
  Dover: { size: 6.3, trend: -0.006, birthRatio: 0.96, y7Flow: 0.97, housing: 6, migration: -0.001 },
  Shepway: { size: 5.9, trend: -0.005, birthRatio: 0.96, y7Flow: 0.96, housing: 6, migration: -0.001 },
  Canterbury: { size: 8.2, trend: 0.0, birthRatio: 0.95, y7Flow: 1.06, housing: 9, migration: 0.001 },
  Swale: { size: 9.4, trend: 0.005, birthRatio: 0.98, y7Flow: 0.95, housing: 10, migration: 0.002 },
  Thanet: { size: 9.0, trend: 0.003, birthRatio: 0.98, y7Flow: 0.97, housing: 7, migration: 0.003 },
  Maidstone: { size: 10.3, trend: 0.006, birthRatio: 0.96, y7Flow: 1.04, housing: 12, migration: 0.002 },
  'Tonbridge & Malling': { size: 8.7, trend: 0.004, birthRatio: 0.95, y7Flow: 1.08, housing: 8, migration: 0.002 },
  'Tunbridge Wells': { size: 7.4, trend: -0.003, birthRatio: 0.89, y7Flow: 1.12, housing: 6, migration: 0.0 },
};

/** Target 2016-17 Year R surplus by district: Dartford and Sevenoaks are published, the rest are drawn. */
const YEAR_R_SURPLUS_FIXED: Readonly<Record<string, number>> = {
  Dartford: ANCHORS.yearRSurplusDartford.value,
  Sevenoaks: ANCHORS.yearRSurplusSevenoaks.value,
};

function countyPrimary(year: number, g: number): number {
  return Math.round(RECEPTION_INTAKE[year - g] * PRIMARY_PROGRESSION[g]);
}

function year7Intake(year: number): number {
  if (year < LAST_HISTORY) return YEAR7_INTAKE_BEFORE_2016[year];
  // 2016-17: whatever makes Years 7-11 total the anchor exactly.
  let older = 0;
  for (let g = 1; g < SECONDARY_YEAR_GROUPS.length; g++) older += countySecondary(LAST_HISTORY, g);
  return ANCHORS.secondary2017.value - older;
}

function countySecondary(year: number, g: number): number {
  if (g === 0) return year7Intake(year);
  return Math.round(YEAR7_INTAKE_BEFORE_2016[year - g] * SECONDARY_PROGRESSION[g]);
}

/** County totals of the model, exposed for the cover sheet and tests. */
export function countyModel(): {
  reception: Record<string, number>; year7: Record<string, number>; births: Record<string, number>;
  primaryByYear: Record<string, number[]>; secondaryByYear: Record<string, number[]>; dwellings: Record<string, number>;
} {
  const reception: Record<string, number> = {};
  const year7: Record<string, number> = {};
  const primaryByYear: Record<string, number[]> = {};
  const secondaryByYear: Record<string, number[]> = {};
  HISTORY_YEARS.forEach((label, i) => {
    const y = FIRST_HISTORY + i;
    reception[label] = RECEPTION_INTAKE[y];
    year7[label] = year7Intake(y);
    primaryByYear[label] = PRIMARY_YEAR_GROUPS.map((_, g) => countyPrimary(y, g));
    secondaryByYear[label] = SECONDARY_YEAR_GROUPS.map((_, g) => countySecondary(y, g));
  });
  const births: Record<string, number> = {};
  [...HISTORY_YEARS, ...FORECAST_YEARS].forEach((label, i) => {
    if (BIRTHS[FIRST_HISTORY + i] !== undefined) births[label] = BIRTHS[FIRST_HISTORY + i];
  });
  const dwellings: Record<string, number> = {};
  FORECAST_YEARS.forEach((label, j) => { dwellings[label] = DWELLINGS[LAST_HISTORY + 1 + j]; });
  return { reception, year7, births, primaryByYear, secondaryByYear, dwellings };
}

// ---------------------------------------------------------------- detail

interface AreaPlan {
  name: string; district: string; area: KentArea; featured: boolean;
  share: number; trend: number; birthRatio: number; migration: number; housingWeight: number;
}

function bisect(f: (x: number) => number, lo: number, hi: number): number {
  // f increasing; returns x with f(x) ~ 0.
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Places for a target surplus: PAN_i = roll_i / (1 - s_i), with s_i = clamp(base_i + shift) and the
 * shift found so the whole-number PANs add up to `total` (then split by largest remainder).
 */
function pansForTotal(rolls: readonly number[], base: readonly number[], total: number, lo: number, hi: number): number[] {
  const raw = (shift: number) => rolls.map((r, i) => r / (1 - clamp(base[i] + shift, lo, hi)));
  const shift = bisect((s) => raw(s).reduce((a, b) => a + b, 0) - total, -0.3, 0.3);
  return allocate(raw(shift), total);
}

function planAreas(seed: number): AreaPlan[] {
  const rnd = substream(seed, 'areas');
  const plans: AreaPlan[] = [];
  for (const d of KENT_DISTRICTS) {
    const c = CHARACTER[d.name];
    const size = c.size * (1 + 0.04 * gaussian(rnd) / 1.5);
    const parts = d.planningAreas.map(() => uniform(rnd, 0.6, 1.4));
    const partSum = parts.reduce((a, b) => a + b, 0);
    d.planningAreas.forEach((name, i) => {
      const featured = name === FEATURED_PLANNING_AREA;
      plans.push({
        name, district: d.name, area: d.area, featured,
        share: (size * parts[i]) / partSum,
        trend: featured ? 0.03 : c.trend + 0.004 * gaussian(rnd) / 1.5,
        birthRatio: c.birthRatio * (1 + 0.015 * gaussian(rnd) / 1.5),
        migration: featured ? 0.006 : c.migration + 0.003 * gaussian(rnd) / 1.5,
        housingWeight: uniform(rnd, 0.5, 1.5) * (featured ? 2.5 : 1),
      });
    });
  }
  return plans;
}

function noise(rnd: Random, sd: number): number {
  return 1 + sd * clamp(gaussian(rnd), -3, 3);
}

/**
 * The structured sample data: planning areas, districts and last year's forecast vs actuals.
 * Deterministic: the same seed gives identical data; county totals are the same for every seed.
 * @example
 * const kent = sampleKent(); kent.planningAreas.length // 37
 */
export function sampleKent(seed: number = DEFAULT_SEED): SampleKent {
  const plans = planAreas(seed);
  const histYears = HISTORY_YEARS.map((_, i) => FIRST_HISTORY + i);
  const G = PRIMARY_YEAR_GROUPS.length;

  // --- primary rolls: raw cohorts, then scaled to the county cell by cell (2010-11 kept for the Year 7 feeder)
  const rollRnd = substream(seed, 'primary-rolls');
  const firstEntry = FIRST_HISTORY - 1 - (G - 1); // 2004
  const rawEntry: number[][] = plans.map((p) => {
    const out: number[] = [];
    for (let y = firstEntry; y <= LAST_HISTORY; y++) {
      out.push(RECEPTION_INTAKE[y] * p.share * powInt(1 + p.trend, y - LAST_HISTORY) * noise(rollRnd, 0.02));
    }
    return out;
  });
  // step multipliers per area, per cohort entry year, per step g (1..G-1)
  const steps: number[][][] = plans.map((p) =>
    rawEntry[0].map(() => PRIMARY_PROGRESSION.map((f, g) => (g === 0 ? 1 : (f / PRIMARY_PROGRESSION[g - 1]) * (1 + p.migration) * noise(rollRnd, 0.006)))),
  );
  const primary: number[][][] = plans.map(() => []); // [area][yearIndex from 2010][g]
  for (let y = FIRST_HISTORY - 1; y <= LAST_HISTORY; y++) {
    const row: number[][] = plans.map(() => []);
    for (let g = 0; g < G; g++) {
      const entry = y - g - firstEntry;
      const raw = plans.map((_, a) => {
        let v = rawEntry[a][entry];
        for (let k = 1; k <= g; k++) v *= steps[a][entry][k];
        return v;
      });
      const counts = allocate(raw, countyPrimary(y, g));
      counts.forEach((c, a) => row[a].push(c));
    }
    row.forEach((r, a) => primary[a].push(r));
  }

  // --- births (history + BIRTH_YEARS_AHEAD forecast years), scaled to the county each year
  const birthRnd = substream(seed, 'births');
  const birthYears: number[] = [];
  for (let y = FIRST_HISTORY; y <= LAST_HISTORY + BIRTH_YEARS_AHEAD; y++) birthYears.push(y);
  const birthsByYear = birthYears.map((y) => {
    const raw = plans.map((p) => {
      const extra = p.featured && y > LAST_HISTORY ? powInt(1.015, y - LAST_HISTORY) : 1;
      return (BIRTHS[y] * p.share * powInt(1 + p.trend, y - LAST_HISTORY) * extra / p.birthRatio) * noise(birthRnd, 0.012);
    });
    return allocate(raw, BIRTHS[y]);
  });

  // --- Year R PANs: district surplus targets, then planning areas within each district
  const panRnd = substream(seed, 'pans');
  const last = primary[0].length - 1; // 2016-17 index in `primary`
  const districtR = KENT_DISTRICTS.map((d) => plans.reduce((s, p, a) => s + (p.district === d.name ? primary[a][last][0] : 0), 0));
  const totalR = districtR.reduce((a, b) => a + b, 0);
  const countyPanR = Math.round(totalR / (1 - ANCHORS.yearRSurplus.value));
  const districtPanR: number[] = KENT_DISTRICTS.map(() => 0);
  const freeIdx: number[] = [];
  let fixedPan = 0;
  KENT_DISTRICTS.forEach((d, i) => {
    const fixed = YEAR_R_SURPLUS_FIXED[d.name];
    if (fixed !== undefined) {
      districtPanR[i] = Math.round(districtR[i] / (1 - fixed));
      fixedPan += districtPanR[i];
    } else freeIdx.push(i);
  });
  const freeBase = freeIdx.map(() => uniform(panRnd, 0.03, 0.085));
  const freePans = pansForTotal(freeIdx.map((i) => districtR[i]), freeBase, countyPanR - fixedPan, 0.025, 0.095);
  freeIdx.forEach((i, k) => { districtPanR[i] = freePans[k]; });

  const areaPan: number[] = plans.map(() => 0);
  KENT_DISTRICTS.forEach((d, i) => {
    const idx = plans.map((p, a) => (p.district === d.name ? a : -1)).filter((a) => a >= 0);
    const districtSurplus = 1 - districtR[i] / districtPanR[i];
    let remaining = districtPanR[i];
    const rest: number[] = [];
    for (const a of idx) {
      if (plans[a].featured) {
        areaPan[a] = Math.round(primary[a][last][0] / (1 - uniform(panRnd, -0.03, -0.008)));
        remaining -= areaPan[a];
      } else rest.push(a);
    }
    const base = rest.map(() => districtSurplus + 0.025 * clamp(gaussian(panRnd), -2.5, 2.5));
    const pans = pansForTotal(rest.map((a) => primary[a][last][0]), base, remaining, -0.06, 0.2);
    rest.forEach((a, k) => { areaPan[a] = pans[k]; });
  });

  // --- housing: county trajectory -> districts -> planning areas, in blocks of 5 dwellings
  const houseRnd = substream(seed, 'housing');
  const houseWeights = plans.map((p) => CHARACTER[p.district].housing * p.housingWeight * noise(houseRnd, 0.1) / KENT_DISTRICTS.find((d) => d.name === p.district)!.planningAreas.length);
  const dwellingsByYear = FORECAST_YEARS.map((_, j) => {
    const yearWeights = houseWeights.map((w) => w * noise(houseRnd, 0.15));
    return allocate(yearWeights, DWELLINGS[LAST_HISTORY + 1 + j] / 5).map((n) => n * 5);
  });

  const planningAreas: PlanningAreaSample[] = plans.map((p, a) => ({
    name: p.name,
    district: p.district,
    area: p.area,
    rolls: primary[a].slice(1).map((r) => r.slice()),
    births: [
      ...birthsByYear.map((b) => b[a]),
      ...Array.from({ length: FORECAST_YEARS.length - BIRTH_YEARS_AHEAD }, () => null),
    ],
    pan: areaPan[a],
    dwellings: dwellingsByYear.map((d) => d[a]),
  }));

  // --- secondary by district
  const secRnd = substream(seed, 'secondary');
  const S = SECONDARY_YEAR_GROUPS.length;
  const districtSum = (yearIdx: number, g: number, name: string) =>
    plans.reduce((s, p, a) => s + (p.district === name ? primary[a][yearIdx][g] : 0), 0);
  const y6 = (name: string, year: number) => districtSum(year - (FIRST_HISTORY - 1), G - 1, name);
  const flows = KENT_DISTRICTS.map((d) => CHARACTER[d.name].y7Flow * noise(secRnd, 0.015));
  const migr = KENT_DISTRICTS.map((d) => CHARACTER[d.name].migration / 2 + 0.002 * clamp(gaussian(secRnd), -2, 2));
  const firstY7 = FIRST_HISTORY - (S - 1); // 2007
  const y6Share2010 = KENT_DISTRICTS.map((d) => y6(d.name, FIRST_HISTORY - 1));
  const y7Entries: number[][] = []; // [yearFrom2007][district]
  for (let y = firstY7; y <= LAST_HISTORY; y++) {
    const raw = KENT_DISTRICTS.map((d, i) => {
      const feeder = y >= FIRST_HISTORY ? y6(d.name, y - 1) : y6Share2010[i];
      return feeder * flows[i] * noise(secRnd, 0.012);
    });
    y7Entries.push(allocate(raw, year7Intake(y)));
  }
  const secSteps = KENT_DISTRICTS.map((_, i) =>
    y7Entries.map(() => SECONDARY_PROGRESSION.map((f, g) => (g === 0 ? 1 : (f / SECONDARY_PROGRESSION[g - 1]) * (1 + migr[i]) * noise(secRnd, 0.004)))),
  );
  const secondary: number[][][] = KENT_DISTRICTS.map(() => []); // [district][historyYear][g]
  for (const y of histYears) {
    const row: number[][] = KENT_DISTRICTS.map(() => []);
    for (let g = 0; g < S; g++) {
      const entry = y - g - firstY7;
      const raw = KENT_DISTRICTS.map((_, i) => {
        let v = y7Entries[entry][i];
        for (let k = 1; k <= g; k++) v *= secSteps[i][entry][k];
        return v;
      });
      const counts = g === 0 ? y7Entries[entry] : allocate(raw, countySecondary(y, g));
      counts.forEach((c, i) => row[i].push(c));
    }
    row.forEach((r, i) => secondary[i].push(r));
  }
  const districtY7 = secondary.map((rows) => rows[rows.length - 1][0]);
  const countyPan7 = Math.round(districtY7.reduce((a, b) => a + b, 0) / (1 - ANCHORS.year7Surplus.value));
  const y7Base = KENT_DISTRICTS.map(() => uniform(panRnd, -0.01, 0.16));
  const districtPan7 = pansForTotal(districtY7, y7Base, countyPan7, -0.03, 0.2);

  const districts: DistrictSample[] = KENT_DISTRICTS.map((d, i) => {
    const lastYearIdx = last; // 2016-17 in `primary`
    const forecastFeeders = FORECAST_YEARS.map((_, j) => districtSum(lastYearIdx, G - 1 - j, d.name));
    return {
      name: d.name,
      area: d.area,
      planningAreas: [...d.planningAreas],
      rolls: secondary[i].map((r) => r.slice()),
      feederY6: [...histYears.map((y) => y6(d.name, y - 1)), ...forecastFeeders],
      pan: districtPan7[i],
      dwellings: FORECAST_YEARS.map((_, j) => plans.reduce((s, p, a) => s + (p.district === d.name ? dwellingsByYear[j][a] : 0), 0)),
    };
  });

  return {
    seed,
    historyYears: [...HISTORY_YEARS],
    forecastYears: [...FORECAST_YEARS],
    planningAreas,
    districts,
    accuracy: accuracyReview(seed, planningAreas, districts),
  };
}

// ---------------------------------------------------------------- accuracy review (January 2017)

/** Adds `residual` pupils one at a time, round-robin, to the indices `eligible(i, step)` accepts. */
function spread(diffs: number[], residual: number, order: readonly number[], eligible: (i: number, step: number) => boolean): void {
  let r = residual;
  let guard = 0;
  while (r !== 0) {
    const step = r > 0 ? 1 : -1;
    let moved = false;
    for (const i of order) {
      if (r === 0) break;
      if (eligible(i, step)) { diffs[i] += step; r -= step; moved = true; }
    }
    if (!moved || ++guard > 100000) throw new Error('sample generator: cannot place the accuracy residual');
  }
}

function accuracyReview(seed: number, areas: PlanningAreaSample[], districts: DistrictSample[]): AccuracySample[] {
  const rnd = substream(seed, 'accuracy');
  const last = HISTORY_YEARS.length - 1;
  const n = districts.length;
  const sumAreas = (name: string, from: number, to: number) =>
    areas.filter((a) => a.district === name).reduce((s, a) => s + a.rolls[last].slice(from, to).reduce((x, y) => x + y, 0), 0);
  const actualR = districts.map((d) => sumAreas(d.name, 0, 1));
  const actualPrimary = districts.map((d) => sumAreas(d.name, 0, 7));
  const actual7 = districts.map((d) => d.rolls[last][0]);
  const actualSecondary = districts.map((d) => d.rolls[last].reduce((a, b) => a + b, 0));
  const tol = 0.01;
  const outsideOk = (i: number, d: number) => Math.abs(d) / actualR[i] > tol + 0.001 && Math.abs(d) / actualR[i] < 0.06;

  // Year R: exactly 9 districts outside +/-1%, county total +17.
  const inside = new Set(shuffled(rnd, districts.map((_, i) => i)).slice(0, n - ANCHORS.yearRDistrictsOutside.value));
  const dR = districts.map(() => 0);
  const outsideIdx: number[] = [];
  districts.forEach((_, i) => {
    if (inside.has(i)) dR[i] = Math.round(actualR[i] * uniform(rnd, -0.007, 0.007));
    else outsideIdx.push(i);
  });
  const magnitudes = outsideIdx
    .map((i) => ({ i, m: Math.max(Math.ceil(actualR[i] * 0.0125), Math.round(actualR[i] * uniform(rnd, 0.013, 0.038))) }))
    .sort((a, b) => b.m - a.m || a.i - b.i);
  let running = dR.reduce((a, b) => a + b, 0);
  for (const { i, m } of magnitudes) {
    dR[i] = running > 0 ? -m : m;
    running += dR[i];
  }
  spread(dR, ANCHORS.yearRForecastDifference.value - dR.reduce((a, b) => a + b, 0), magnitudes.map((x) => x.i),
    (i, step) => Math.sign(dR[i]) === step && outsideOk(i, dR[i] + step));

  // Year 7: Dover +62, county +22; the other districts' errors are drawn and then nudged.
  const dover = districts.findIndex((d) => d.name === 'Dover');
  const d7 = districts.map((_, i) => (i === dover ? ANCHORS.doverYear7Difference.value : Math.round(actual7[i] * 0.012 * clamp(gaussian(rnd), -3, 3))));
  const others = districts.map((_, i) => i).filter((i) => i !== dover);
  const r7 = ANCHORS.year7ForecastDifference.value - d7.reduce((a, b) => a + b, 0);
  const share = allocate(others.map((i) => actual7[i]), Math.abs(r7));
  others.forEach((i, k) => { d7[i] += Math.sign(r7) * share[k]; });

  // Whole phases: the entry-year error plus a smaller error on the other year groups.
  const dPrimary = districts.map((_, i) => dR[i] + Math.round((actualPrimary[i] - actualR[i]) * (0.0015 + 0.004 * clamp(gaussian(rnd), -3, 3))));
  const dSecondary = districts.map((_, i) => d7[i] + Math.round((actualSecondary[i] - actual7[i]) * (0.001 + 0.003 * clamp(gaussian(rnd), -3, 3))));

  const rows: AccuracySample[] = [];
  const push = (phase: AccuracyPhase, actual: number[], diff: number[]) =>
    districts.forEach((d, i) => rows.push({ district: d.name, phase, forecast: actual[i] + diff[i], actual: actual[i] }));
  push('Year R', actualR, dR);
  push('Primary R-6', actualPrimary, dPrimary);
  push('Year 7', actual7, d7);
  push('Secondary 7-11', actualSecondary, dSecondary);
  return rows;
}
