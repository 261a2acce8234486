/**
 * Headline numbers of a scenario for the Commissioning panel: how many districts reach the target
 * entry-year surplus, and the permanent FE / temporary places the commissioning rule calls for.
 * Taken from the model's commissioningFigures, the same figures the commissioning sheet shows.
 */
import { commissioningFigures, type ScenarioResult } from './model/run';
import { yearGroupLabel } from './ColumnRoles';

export interface CommissioningHeadline {
  /** "Reception" / "Year 7". */
  entryLabel: string;
  /** Forecast year the surplus figures are for (1-based) and its label (e.g. "2025-26"). */
  year: number;
  yearLabel: string;
  /** Target surplus fraction (the scenario's). */
  target: number;
  /** Districts at or above the target entry-year surplus that year, out of `districts`. */
  atOrAboveTarget: number;
  districts: number;
  /** Entry-year surplus across the county that year. */
  totalFraction: number;
  /** New permanent FE commissioned across the horizon, summed over the planning areas. */
  permanentFe: number;
  /** Temporary entry-year places needed, summed over the planning areas and forecast years. */
  temporaryPlaces: number;
  /** Planning areas left out because no PAN was given for them. */
  withoutPan: string[];
}

/**
 * The headline for forecast year `year` (1-based, clamped to the years there are). Null when no
 * planning area has a PAN (nothing to measure surplus against).
 * @throws PlanningError from the engine for figures it rejects.
 */
export function commissioningHeadline(result: ScenarioResult, year = 1): CommissioningHeadline | null {
  const figures = commissioningFigures(result);
  if (figures.countyRows.length === 0) return null;
  const y = Math.min(Math.max(1, Math.round(year)), figures.countyRows.length);
  const county = figures.countyRows[y - 1];
  let permanentFe = 0;
  let temporaryPlaces = 0;
  for (const { plan } of figures.plans) {
    for (const p of plan) {
      permanentFe += p.permanentFe;
      temporaryPlaces += p.temporaryPlaces;
    }
  }
  const entry = result.areas.find((a) => a.history.pan !== null && a.history.pan > 0)?.history.yearGroups[0];
  return {
    entryLabel: entry ? yearGroupLabel(entry) : 'entry year',
    year: y,
    yearLabel: county.year,
    target: result.scenario.parameters.target,
    atOrAboveTarget: county.districtsAtTarget,
    districts: county.districts,
    totalFraction: county.entryFraction,
    permanentFe,
    temporaryPlaces,
    withoutPan: figures.missing,
  };
}
