/**
 * Running a scenario: the engine's cohort forecast over every planning area, then the sums and
 * figures the sheet builders share (district totals, forecast year labels, surplus rows).
 *
 * One planning area's bad data never stops the run: its PlanningError becomes a note naming the area
 * and the other areas go ahead. A run can be cancelled between areas through an AbortSignal.
 */
import {
  cohortForecast,
  housingYield,
  PlanningError,
  surplus,
  surplusStatus,
  type CohortForecast,
  type SurplusStatus,
} from '../../engine';
import type { AreaHistory, YearGroup } from './rolls';
import { YEAR_GROUPS } from './rolls';
import type { Scenario } from './scenario';

/** The add-in version written into every parameters block (kept equal to package.json's by a test). */
export const ADDIN_VERSION = '0.1.0';

/** The county, as it appears in totals. */
export const COUNTY_LABEL = 'Kent';

export interface AreaResult {
  history: AreaHistory;
  forecast: CohortForecast;
}

/** A planning area the engine could not forecast, and why. */
export interface FailedArea {
  history: AreaHistory;
  message: string;
}

export interface ScenarioResult {
  scenario: Scenario;
  areas: AreaResult[];
  /** Plain-words notes: areas left out (and why), then the engine's notes per area. */
  notes: string[];
  /** Areas left out because the engine rejected their data (also listed in `notes`). */
  failed?: FailedArea[];
}

/** Thrown by {@link runScenario} when its signal aborts. */
export class RunCancelledError extends Error {
  constructor(message = 'The run was cancelled; nothing was written.') {
    super(message);
    this.name = 'RunCancelledError';
    Object.setPrototypeOf(this, RunCancelledError.prototype);
  }
}

/** True for the error a cancelled run throws (or a DOM AbortError). */
export function isCancellation(error: unknown): boolean {
  return error instanceof RunCancelledError || (error instanceof Error && error.name === 'AbortError');
}

/** "Ashford North (Ashford)" or just "Dover" when the area is the district. */
export function areaName(h: Pick<AreaHistory, 'area' | 'district'>): string {
  return h.district && h.district !== h.area ? `${h.area} (${h.district})` : h.area;
}

/**
 * The housing additions for an area: dwellings per forecast row (padded with 0 / cut to the horizon)
 * times the yield per dwelling, spread evenly over the area's year groups. Null when there are none.
 */
export function areaAdditions(h: AreaHistory, horizon: number, yieldPerDwelling: number): number[][] | null {
  const dwellings = Array.from({ length: horizon }, (_, j) => h.dwellings[j] ?? 0);
  if (yieldPerDwelling <= 0 || dwellings.every((d) => d === 0)) return null;
  return housingYield(dwellings, { yieldPerDwelling, yearGroups: h.yearGroups.length });
}

/**
 * Runs the cohort forecast for every planning area with the scenario's parameters.
 *
 * @example
 * const result = runScenario(scenario, parseRolls(values, scenario.layout).areas);
 * result.areas[0].forecast.forecast // horizon x year groups, unrounded
 * @throws RunCancelledError when options.signal aborts (checked before each area)
 */
export function runScenario(scenario: Scenario, areas: AreaHistory[], options: { signal?: AbortSignal } = {}): ScenarioResult {
  const p = scenario.parameters;
  const results: AreaResult[] = [];
  const failed: FailedArea[] = [];
  const engineNotes: string[] = [];
  for (const history of areas) {
    if (options.signal?.aborted) throw new RunCancelledError();
    try {
      const additions = areaAdditions(history, p.horizon, p.yieldPerDwelling);
      const forecast = cohortForecast(history.rolls, {
        driver: history.driver ?? undefined,
        horizon: p.horizon,
        ratioYears: p.ratioYears,
        method: p.method,
        alpha: p.alpha,
        additions: additions ?? undefined,
      });
      results.push({ history, forecast });
      for (const note of forecast.notes) engineNotes.push(`${areaName(history)}: ${note}`);
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
      failed.push({ history, message: error.message });
    }
  }
  if (options.signal?.aborted) throw new RunCancelledError();
  const notes = [
    ...failed.map((f) => `${areaName(f.history)} was not forecast: ${f.message}.`.replace(/\.\.$/, '.')),
    ...engineNotes,
  ];
  return { scenario, areas: results, notes, failed };
}

const SPAN_LABEL = /^(\d{4})(\s*[-/–]\s*)(\d{2}|\d{4})$/;

/** The label of the year `steps` after `label` ("2024-25" -> "2025-26", 2024 -> "2025"); null if unknown. */
export function nextYearLabel(label: string, steps = 1): string | null {
  const t = label.trim();
  const span = SPAN_LABEL.exec(t);
  if (span) {
    const start = Number(span[1]) + steps;
    const endDigits = span[3].length;
    const end = String(start + 1);
    return `${start}${span[2]}${endDigits === 2 ? end.slice(-2) : end}`;
  }
  if (/^\d{4}$/.test(t)) return String(Number(t) + steps);
  return null;
}

/**
 * Labels for an area's forecast years: the table's forecast rows first, then years counted on from the
 * last label ("2029-30"), or "Forecast year n" when the labels are not years.
 */
export function forecastYearLabels(h: Pick<AreaHistory, 'years' | 'forecastYears'>, horizon: number): string[] {
  const out: string[] = [];
  const given = h.forecastYears.slice(0, horizon);
  out.push(...given);
  const last = given.length > 0 ? given[given.length - 1] : h.years[h.years.length - 1];
  for (let j = given.length; j < horizon; j++) {
    const next = last === undefined ? null : nextYearLabel(last, j - given.length + 1);
    out.push(next ?? `Forecast year ${j + 1}`);
  }
  return out;
}

/** The year groups of a result in school order (union over its areas). */
export function resultYearGroups(result: ScenarioResult): YearGroup[] {
  const set = new Set<YearGroup>();
  for (const a of result.areas) for (const g of a.history.yearGroups) set.add(g);
  return YEAR_GROUPS.filter((g) => set.has(g));
}

/** "R-Y6", "Y7-Y11", "Y7". */
export function yearGroupSpan(groups: readonly YearGroup[]): string {
  if (groups.length === 0) return '';
  return groups.length === 1 ? groups[0] : `${groups[0]}-${groups[groups.length - 1]}`;
}

/** Year labels in order: sorted by their leading year when every label starts with one, else first appearance. */
export function orderYears(labels: Iterable<string>): string[] {
  const list = [...new Set(labels)];
  if (list.length > 0 && list.every((l) => /^\d{4}/.test(l))) {
    return list.map((l, i) => ({ l, i, y: Number(l.slice(0, 4)) })).sort((a, b) => a.y - b.y || a.i - b.i).map((x) => x.l);
  }
  return list;
}

/** One forecast year of one planning area, as the sheets list it. */
export interface AreaYear {
  district: string;
  area: string;
  /** Index of the area in result.areas. */
  areaIndex: number;
  /** 0-based forecast year. */
  t: number;
  year: string;
  /** Forecast per year group (aligned with the area's own yearGroups). */
  values: number[];
  total: number;
  lowTotal: number;
  highTotal: number;
}

/** Every planning area's forecast years, in area order then year order. */
export function areaYears(result: ScenarioResult): AreaYear[] {
  const out: AreaYear[] = [];
  const horizon = result.scenario.parameters.horizon;
  result.areas.forEach((a, areaIndex) => {
    const labels = forecastYearLabels(a.history, horizon);
    a.forecast.forecast.forEach((row, t) => {
      out.push({
        district: a.history.district,
        area: a.history.area,
        areaIndex,
        t,
        year: labels[t],
        values: row.slice(),
        total: sum(row),
        lowTotal: sum(a.forecast.low[t]),
        highTotal: sum(a.forecast.high[t]),
      });
    });
  });
  return out;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** One row of totals (a district or the county, one forecast year). */
export interface TotalsRow {
  district: string;
  year: string;
  /** Per year group of `DistrictTotals.yearGroups`. */
  values: number[];
  total: number;
  lowTotal: number;
  highTotal: number;
  /** Planning areas summed. */
  areas: number;
}

export interface DistrictTotals {
  yearGroups: YearGroup[];
  years: string[];
  /** District x year, districts in first-appearance order, years in order. */
  districts: TotalsRow[];
  /** One row per year: the sum of the districts (district = COUNTY_LABEL). */
  county: TotalsRow[];
}

/** The district label used in totals for areas without a district ('' -> "All planning areas"). */
export function districtLabel(district: string): string {
  return district === '' ? 'All planning areas' : district;
}

/**
 * Forecast totals by district (the sum of its planning areas, unrounded) and for the county (the sum
 * of the districts), by forecast year.
 *
 * @example
 * districtTotals(result).districts.find((r) => r.district === 'Dover' && r.year === '2026-27')?.total
 */
export function districtTotals(result: ScenarioResult): DistrictTotals {
  const yearGroups = resultYearGroups(result);
  const rows = areaYears(result);
  const years = orderYears(rows.map((r) => r.year));
  const districts: string[] = [];
  for (const r of rows) if (!districts.includes(r.district)) districts.push(r.district);
  const blank = (district: string, year: string): TotalsRow => ({
    district,
    year,
    values: yearGroups.map(() => 0),
    total: 0,
    lowTotal: 0,
    highTotal: 0,
    areas: 0,
  });
  const byKey = new Map<string, TotalsRow>();
  for (const d of districts) for (const y of years) byKey.set(JSON.stringify([d, y]), blank(districtLabel(d), y));
  for (const r of rows) {
    const target = byKey.get(JSON.stringify([r.district, r.year])) as TotalsRow;
    const groups = result.areas[r.areaIndex].history.yearGroups;
    groups.forEach((g, i) => {
      target.values[yearGroups.indexOf(g)] += r.values[i];
    });
    target.total += r.total;
    target.lowTotal += r.lowTotal;
    target.highTotal += r.highTotal;
    target.areas += 1;
  }
  const districtRows = districts.flatMap((d) => years.map((y) => byKey.get(JSON.stringify([d, y])) as TotalsRow)).filter((r) => r.areas > 0);
  const county = years.map((y) => {
    const c = blank(COUNTY_LABEL, y);
    for (const r of districtRows) {
      if (r.year !== y) continue;
      r.values.forEach((v, i) => (c.values[i] += v));
      c.total += r.total;
      c.lowTotal += r.lowTotal;
      c.highTotal += r.highTotal;
      c.areas += r.areas;
    }
    return c;
  });
  return { yearGroups, years, districts: districtRows, county };
}

/** Surplus of one area in one forecast year, for the entry year group and for all year groups. */
export interface SurplusRow {
  district: string;
  area: string;
  areaIndex: number;
  t: number;
  year: string;
  /** Entry year group (the area's first year-group column). */
  entryGroup: YearGroup;
  yearGroups: number;
  entryCapacity: number;
  entryForecast: number;
  entryPlaces: number;
  entryFraction: number;
  entryStatus: SurplusStatus;
  allCapacity: number;
  allForecast: number;
  allPlaces: number;
  allFraction: number;
  allStatus: SurplusStatus;
}

/**
 * Surplus against capacity per planning area and forecast year: capacity = PAN for the entry year and
 * PAN x year groups for all year groups (net surplus, the Kent convention). Areas without a PAN (or a
 * PAN of 0) are listed in `missing`.
 */
export function surplusRows(result: ScenarioResult): { rows: SurplusRow[]; missing: AreaResult[] } {
  const { target, targetMax } = result.scenario.parameters;
  const rows: SurplusRow[] = [];
  const missing: AreaResult[] = [];
  const years = areaYears(result);
  result.areas.forEach((a, areaIndex) => {
    const pan = a.history.pan;
    if (pan === null || pan <= 0) {
      missing.push(a);
      return;
    }
    const g = a.history.yearGroups.length;
    for (const y of years) {
      if (y.areaIndex !== areaIndex) continue;
      const entry = surplus([pan], [y.values[0]]);
      const all = surplus(y.values.map(() => pan), y.values);
      rows.push({
        district: y.district,
        area: y.area,
        areaIndex,
        t: y.t,
        year: y.year,
        entryGroup: a.history.yearGroups[0],
        yearGroups: g,
        entryCapacity: entry.capacity,
        entryForecast: entry.roll,
        entryPlaces: entry.places,
        entryFraction: entry.fraction,
        entryStatus: surplusStatus(entry.fraction, target, targetMax),
        allCapacity: all.capacity,
        allForecast: all.roll,
        allPlaces: all.places,
        allFraction: all.fraction,
        allStatus: surplusStatus(all.fraction, target, targetMax),
      });
    }
  });
  return { rows, missing };
}

/** Plain label for an averaging method. */
export function methodLabel(method: string, alpha: number): string {
  switch (method) {
    case 'mean':
      return 'Mean of the ratios';
    case 'pooled':
      return 'Pooled ratio';
    case 'weighted':
      return 'Weighted mean (recent years heavier)';
    case 'exponential':
      return `Exponential smoothing (alpha ${alpha})`;
    case 'median135':
      return 'Median of the 1-, 3- and 5-year pooled ratios';
    default:
      return method;
  }
}
