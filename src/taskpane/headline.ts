/**
 * Headline numbers of a scenario for the Commissioning panel: how many districts reach the target
 * entry-year surplus, and the permanent FE / temporary places the commissioning rule calls for.
 * Computed with the engine from the same ScenarioResult the commissioning sheet is built from.
 */
import { surplusBy } from '../engine/surplus';
import { commissionPlan } from '../engine/commissioning';
import { CLASS_SIZE } from '../engine/forms-of-entry';
import type { ScenarioResult } from './model/run';
import { yearGroupLabel } from './ColumnRoles';

export interface CommissioningHeadline {
  /** "Year R" / "Year 7". */
  entryLabel: string;
  /** Forecast year the surplus KPI is measured in (1-based) and its label (e.g. "2025-26" or "year 1"). */
  year: number;
  yearLabel: string;
  /** Target surplus fraction (the scenario's). */
  target: number;
  /** What the KPI counts: districts, or planning areas when the input has no district column. */
  unit: 'district' | 'planning area';
  atOrAboveTarget: number;
  groupCount: number;
  /** Entry-year surplus across every area with a PAN, that year. */
  totalFraction: number;
  /** Sum over areas of the new permanent FE commissioned across the horizon. */
  permanentFe: number;
  /** Sum over areas and forecast years of the temporary entry-year places needed. */
  temporaryPlaces: number;
  /** Areas left out because no PAN was given for them. */
  withoutPan: string[];
}

/** "Ashford South (Ashford)" or "Ashford South". */
function areaName(district: string, area: string): string {
  return district && district !== area ? `${area} (${district})` : area;
}

/**
 * The headline for forecast year `year` (1-based). Returns null when no area has a PAN.
 * @throws PlanningError from the engine (e.g. a PAN of 0).
 */
export function commissioningHeadline(result: ScenarioResult, year = 1): CommissioningHeadline | null {
  const { target, targetMax, persistYears } = result.scenario.parameters;
  const withPan = result.areas.filter((a) => a.history.pan !== null && a.history.pan > 0);
  const withoutPan = result.areas
    .filter((a) => !(a.history.pan !== null && a.history.pan > 0))
    .map((a) => areaName(a.history.district, a.history.area));
  if (withPan.length === 0) return null;
  const byDistrict = withPan.every((a) => a.history.district !== '');
  const first = withPan[0];
  const horizon = first.forecast.forecast.length;
  const y = Math.min(Math.max(1, Math.round(year)), horizon);

  const groups = withPan.map((a) => (byDistrict ? a.history.district : areaName(a.history.district, a.history.area)));
  const capacity = withPan.map((a) => a.history.pan as number);
  const roll = withPan.map((a) => a.forecast.forecast[y - 1][0]);
  const surplus = surplusBy(groups, capacity, roll, { min: target, max: targetMax });

  let permanentFe = 0;
  let temporaryPlaces = 0;
  for (const a of withPan) {
    const intake = a.forecast.forecast.map((row) => row[0]);
    const plan = commissionPlan(intake, a.history.pan as number, { target, persistYears, classSize: CLASS_SIZE });
    for (const p of plan) {
      permanentFe += p.permanentFe;
      temporaryPlaces += p.temporaryPlaces;
    }
  }

  return {
    entryLabel: yearGroupLabel(first.history.yearGroups[0]),
    year: y,
    yearLabel: first.history.forecastYears[y - 1] ?? `forecast year ${y}`,
    target,
    unit: byDistrict ? 'district' : 'planning area',
    atOrAboveTarget: surplus.atOrAboveTarget,
    groupCount: surplus.groupCount,
    totalFraction: surplus.total.fraction,
    permanentFe,
    temporaryPlaces,
    withoutPan,
  };
}
