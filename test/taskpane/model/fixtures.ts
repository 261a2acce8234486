/** Shared fixtures for the task-pane model tests: a small primary rolls table and a scenario over it. */
import type { Matrix } from '../../../src/excel/gateway';
import { detectLayout, parseRolls, type AreaHistory } from '../../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS, type Scenario, type ScenarioParameters } from '../../../src/taskpane/model/scenario';

export const HEADER = ['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN', 'Dwellings'];

interface AreaSpec {
  district: string;
  area: string;
  base: number;
  pan: number;
  /** Births for the 3 forecast rows (null = not known yet). */
  futureBirths: (number | null)[];
  dwellings: (number | null)[];
}

export const AREAS: AreaSpec[] = [
  { district: 'Ashford', area: 'Ashford North', base: 100, pan: 110, futureBirths: [125, 128, null], dwellings: [40, 60, null] },
  { district: 'Ashford', area: 'Ashford South', base: 60, pan: 70, futureBirths: [70, 69, null], dwellings: [null, null, null] },
  { district: 'Dover', area: 'Dover Town', base: 80, pan: 90, futureBirths: [90, 95, 97], dwellings: [0, 10, 20] },
];

const HISTORY_YEARS = ['2020-21', '2021-22', '2022-23', '2023-24'];
const FORECAST_YEARS = ['2024-25', '2025-26', '2026-27'];

/** The rows of one area: 4 history years with rolls, then 3 forecast rows (rolls blank). */
export function areaRows(spec: AreaSpec): Matrix {
  const rows: Matrix = [];
  HISTORY_YEARS.forEach((year, i) => {
    const r = spec.base + 3 * i + (i % 2);
    rows.push([spec.district, spec.area, year, r, Math.round(r * 0.97 + i), Math.round(r * 0.95 + 2 * i), Math.round(r * 1.12 + i), spec.pan, null]);
  });
  FORECAST_YEARS.forEach((year, j) => {
    rows.push([spec.district, spec.area, year, null, null, null, spec.futureBirths[j], spec.pan, spec.dwellings[j]]);
  });
  return rows;
}

/** The whole table (header first), areas one after the other. */
export function primaryTable(): Matrix {
  return [HEADER, ...AREAS.flatMap(areaRows)];
}

export function parsedAreas(values: Matrix = primaryTable()): AreaHistory[] {
  const { areas, problems } = parseRolls(values, detectLayout(values[0]));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return areas;
}

export function makeScenario(name = 'Base', parameters: Partial<ScenarioParameters> = {}, values: Matrix = primaryTable()): Scenario {
  return {
    id: `id-${name}`,
    name,
    input: { kind: 'table', name: 'PrimaryRolls' },
    inputLabel: 'table "PrimaryRolls"',
    layout: detectLayout(values[0]),
    parameters: { ...DEFAULT_PARAMETERS, horizon: 4, ...parameters },
    savedAt: '2025-06-30T10:00:00.000Z',
  };
}
