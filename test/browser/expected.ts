/**
 * The expected side of the browser tests, computed in node: the same sample workbook the demo host
 * loads, read through MemoryGateway, parsed with the task-pane model (detectLayout / parseRolls /
 * parseAccuracyInput), and forecast with the ENGINE directly (cohortForecast, housingYield,
 * accuracyBy), not through the model's runScenario or sheet builders. The commissioning headline is
 * the one exception: it is compared with the model's commissioningFigures (what the commissioning
 * sheet shows), run in node on the same data.
 */
import { accuracyBy, type AccuracyByResult } from '../../src/engine/accuracy';
import { cohortForecast, type CohortForecast } from '../../src/engine/cohort-forecast';
import { housingYield } from '../../src/engine/housing-yield';
import type { AveragingMethod } from '../../src/engine/ratios';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { sampleWorkbook, TABLE_NAMES } from '../../src/sample';
import { detectLayout, parseRolls, type AreaHistory } from '../../src/taskpane/model/rolls';
import { accuracyPhases, filterAccuracyByPhase, parseAccuracyInput } from '../../src/taskpane/model/accuracy-sheet';
import { commissioningFigures, runScenario } from '../../src/taskpane/model/run';
import { DEFAULT_PARAMETERS, type Scenario } from '../../src/taskpane/model/scenario';

export interface ForecastParameters {
  horizon: number;
  ratioYears: number;
  method: AveragingMethod;
  yieldPerDwelling: number;
}

export const DEFAULTS: ForecastParameters = { horizon: 5, ratioYears: 3, method: 'mean', yieldPerDwelling: 0.28 };

export interface ExpectedAreaYear {
  district: string;
  area: string;
  year: string;
  values: number[];
  total: number;
  lowTotal: number;
  highTotal: number;
}

export interface ExpectedArea {
  history: AreaHistory;
  forecast: CohortForecast;
  rows: ExpectedAreaYear[];
}

/** "2021-22" -> "2022-23" (steps ahead); other labels are not extended. */
function laterYear(label: string, steps: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label.trim());
  if (!m) throw new Error(`expected.ts: cannot extend year label ${label}`);
  const start = Number(m[1]) + steps;
  return `${start}-${String(start + 1).slice(-2)}`;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

export async function samplePrimaryAreas(): Promise<AreaHistory[]> {
  const gateway = new MemoryGateway(sampleWorkbook());
  const read = await gateway.read({ kind: 'table', name: TABLE_NAMES.primary });
  const layout = detectLayout(read.values[0]);
  const parsed = parseRolls(read.values, layout);
  if (parsed.problems.length > 0) throw new Error(`sample PrimaryRolls does not parse: ${parsed.problems.join('; ')}`);
  return parsed.areas;
}

/** Every planning area of the sample's PrimaryRolls forecast with the engine. */
export async function expectedPrimaryForecast(p: ForecastParameters): Promise<ExpectedArea[]> {
  const areas = await samplePrimaryAreas();
  return areas.map((h) => {
    const dwellings = Array.from({ length: p.horizon }, (_, j) => h.dwellings[j] ?? 0);
    const forecast = cohortForecast(h.rolls, {
      driver: h.driver ?? undefined,
      horizon: p.horizon,
      ratioYears: p.ratioYears,
      method: p.method,
      additions: housingYield(dwellings, { yieldPerDwelling: p.yieldPerDwelling, yearGroups: h.yearGroups.length }),
    });
    const lastLabel = h.forecastYears.length > 0 ? h.forecastYears[h.forecastYears.length - 1] : h.years[h.years.length - 1];
    const labels = Array.from({ length: p.horizon }, (_, j) =>
      j < h.forecastYears.length ? h.forecastYears[j] : laterYear(lastLabel, j - h.forecastYears.length + 1),
    );
    const rows = forecast.forecast.map((values, t) => ({
      district: h.district,
      area: h.area,
      year: labels[t],
      values,
      total: sum(values),
      lowTotal: sum(forecast.low[t]),
      highTotal: sum(forecast.high[t]),
    }));
    return { history: h, forecast, rows };
  });
}

/** The engine's accuracy review of the sample's AccuracyReview table, for one phase (the pane's default is the first). */
export async function expectedAccuracy(tolerance = 0.01): Promise<{ phase: string | null; phases: string[]; result: AccuracyByResult }> {
  const gateway = new MemoryGateway(sampleWorkbook());
  const read = await gateway.read({ kind: 'table', name: TABLE_NAMES.accuracy });
  const parsed = parseAccuracyInput(read.values);
  if (!parsed.input) throw new Error(`sample AccuracyReview does not parse: ${parsed.problems.join('; ')}`);
  const phases = accuracyPhases(parsed.input);
  const phase = phases[0] ?? null;
  const input = filterAccuracyByPhase(parsed.input, phase);
  return { phase, phases, result: accuracyBy(input.groups, input.forecast, input.actual, tolerance) };
}

export interface ExpectedCommissioning {
  /** Label of forecast year 1 (the headline's default year). */
  year: string;
  /** Districts at or above the target entry-year surplus in forecast year 1, out of `districts`. */
  atOrAboveTarget: number;
  districts: number;
  /** New permanent FE over the horizon, summed over the planning areas' commissioning plans. */
  permanentFe: number;
}

/**
 * The model's commissioningFigures for the sample's PrimaryRolls with the default parameters (the
 * pane's scenario A), for the Commissioning panel's headline.
 */
export async function expectedCommissioning(): Promise<ExpectedCommissioning> {
  const gateway = new MemoryGateway(sampleWorkbook());
  const input = { kind: 'table' as const, name: TABLE_NAMES.primary };
  const read = await gateway.read(input);
  const layout = detectLayout(read.values[0]);
  const parsed = parseRolls(read.values, layout);
  if (parsed.problems.length > 0) throw new Error(`sample PrimaryRolls does not parse: ${parsed.problems.join('; ')}`);
  const scenario: Scenario = {
    id: 'expected',
    name: 'Baseline',
    input,
    inputLabel: TABLE_NAMES.primary,
    layout,
    parameters: { ...DEFAULT_PARAMETERS },
    savedAt: new Date(0).toISOString(),
  };
  const figures = commissioningFigures(runScenario(scenario, parsed.areas));
  const county = figures.countyRows[0];
  if (!county) throw new Error('expected.ts: no county row in the commissioning figures');
  return {
    year: county.year,
    atOrAboveTarget: county.districtsAtTarget,
    districts: county.districts,
    permanentFe: figures.plans.reduce((sum, p) => sum + p.plan.reduce((t, y) => t + y.permanentFe, 0), 0),
  };
}
