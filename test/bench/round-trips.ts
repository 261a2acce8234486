/**
 * Bench 3: round trips. A whole scenario run the way the task pane does it, at 1, 50 and 500
 * planning areas, against the counting Excel fake (test/support/fake-excel.ts):
 *   gateway.read(input table) -> detectLayout / parseRolls -> runScenario -> scenarioSheets -> gateway.writeSheets
 * through OfficeGateway. Reports context.sync() calls and request bytes of the read and of the write, in
 * 'values' mode (plain numbers) and 'live' mode (KENT.FORECAST formulas). The number of syncs must not
 * grow with the number of areas: asserted equal across the three sizes.
 */
import { indexToColumn as colLetter } from '../../src/excel/a1';
import type { CellValue, Matrix, WorkbookGateway } from '../../src/excel/gateway';
import { OfficeGateway } from '../../src/excel/office-gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { ADDIN_VERSION, runScenario, scenarioSheets, type SheetContext } from '../../src/taskpane/model/run';
import { detectLayout, parseRolls } from '../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS, type Scenario } from '../../src/taskpane/model/scenario';
import { countingExcel } from '../support/fake-excel';
import { makeCounty, YEAR_GROUPS } from './county-data';
import { Metric, SectionResult } from './report';
import { median } from './stats';
import { performance } from 'perf_hooks';

export const AREA_COUNTS = [1, 50, 500] as const;
const HISTORY_YEARS = 6;
const FORECAST_ROWS = 5;
const SHEET = 'Primary rolls';
const TABLE = 'PrimaryRolls';

/** The planner's input table (as the sample workbook lays it out) for `areas` planning areas. */
export function rollsTable(areas: number): Matrix {
  const header: CellValue[] = ['District', 'Planning area', 'Year', ...YEAR_GROUPS, 'Births', 'PAN', 'Dwellings'];
  const rows: Matrix = [header];
  for (const a of makeCounty(areas, HISTORY_YEARS, FORECAST_ROWS, 1017)) {
    const pan = Math.ceil((Math.max(...a.rolls.map((r) => r[0])) * 1.05) / 5) * 5;
    for (let t = 0; t < HISTORY_YEARS + FORECAST_ROWS; t++) {
      const year = `${2019 + t}-${String((20 + t) % 100).padStart(2, '0')}`;
      const history = t < HISTORY_YEARS;
      const rolls: CellValue[] = history ? a.rolls[t] : YEAR_GROUPS.map(() => null);
      const births = t < HISTORY_YEARS + FORECAST_ROWS - 1 ? a.births[t] : null; // births known 4 years ahead
      const dwellings = history ? null : (t * 7 + a.name.length) % 3 === 0 ? 40 : null;
      rows.push([a.district, a.name, year, ...rolls, births, pan, dwellings]);
    }
  }
  return rows;
}

function workbook(table: Matrix): WorkbookData {
  const range = `A1:${colLetter(table[0].length - 1)}${table.length}`;
  return { sheets: [{ name: SHEET, values: table, tables: [{ name: TABLE, range }] }], names: [], settings: {} };
}

interface Run {
  readSyncs: number;
  writeSyncs: number;
  /** Syncs the fake counted over the whole run (read + write). */
  fakeSyncs: number;
  bytesWritten: number;
  fakeRequestBytes: number;
  cellsWritten: number;
  sheets: number;
  ms: number;
  modelMs: number;
}

/** One scenario run, start to finish, against a fresh counting fake. */
async function scenarioRun(table: Matrix, mode: SheetContext['mode']): Promise<Run> {
  const excel = countingExcel(workbook(table));
  const gateway: WorkbookGateway = new OfficeGateway({ run: excel.run });
  const t0 = performance.now();
  const input = await gateway.read({ kind: 'table', name: TABLE });
  const readSyncs = excel.stats.syncs;
  const m0 = performance.now();
  const layout = detectLayout(input.values[0]);
  const parsed = parseRolls(input.values, layout);
  if (parsed.problems.length > 0) throw new Error(`the bench's rolls table has problems: ${parsed.problems.slice(0, 3).join('; ')}`);
  const scenario: Scenario = {
    id: 'bench',
    name: 'Base',
    input: { kind: 'table', name: TABLE },
    inputLabel: TABLE,
    layout,
    parameters: { ...DEFAULT_PARAMETERS },
    savedAt: '2026-01-01T00:00:00.000Z',
  };
  const result = runScenario(scenario, parsed.areas);
  if ((result.failed ?? []).length > 0) throw new Error(`areas failed: ${result.notes.slice(0, 3).join('; ')}`);
  const ctx: SheetContext = { mode, inputSheet: input.sheet, inputAddress: input.address, version: ADDIN_VERSION, date: '2026-01-01' };
  const writes = scenarioSheets(result, ctx);
  const modelMs = performance.now() - m0;
  const report = await gateway.writeSheets(writes);
  const ms = performance.now() - t0;
  return {
    readSyncs,
    writeSyncs: report.syncs,
    fakeSyncs: excel.stats.syncs,
    bytesWritten: report.bytesWritten,
    fakeRequestBytes: excel.stats.bytes,
    cellsWritten: report.cellsWritten,
    sheets: report.sheets.length,
    ms,
    modelMs,
  };
}

function medianRun(runs: readonly Run[]): Run {
  const pick = (f: (r: Run) => number): number => median(runs.map(f));
  return {
    readSyncs: pick((r) => r.readSyncs),
    writeSyncs: pick((r) => r.writeSyncs),
    fakeSyncs: pick((r) => r.fakeSyncs),
    bytesWritten: pick((r) => r.bytesWritten),
    fakeRequestBytes: pick((r) => r.fakeRequestBytes),
    cellsWritten: pick((r) => r.cellsWritten),
    sheets: pick((r) => r.sheets),
    ms: pick((r) => r.ms),
    modelMs: pick((r) => r.modelMs),
  };
}

export async function benchRoundTrips(runsPerSize: number): Promise<SectionResult> {
  const metrics: Metric[] = [];
  const details: Record<string, unknown> = { historyYears: HISTORY_YEARS, forecastRows: FORECAST_ROWS, runsPerSize };
  for (const mode of ['values', 'live'] as const) {
    const bySize: Record<number, Run> = {};
    for (const areas of AREA_COUNTS) {
      const table = rollsTable(areas);
      await scenarioRun(table, mode); // warm-up
      const runs: Run[] = [];
      for (let i = 0; i < runsPerSize; i++) runs.push(await scenarioRun(table, mode));
      const m = medianRun(runs);
      // Syncs are deterministic: every run must agree, not just the median.
      const distinct = new Set(runs.map((r) => `${r.readSyncs}/${r.writeSyncs}/${r.fakeSyncs}`));
      if (distinct.size !== 1) throw new Error(`sync counts differ between identical runs at ${areas} areas (${mode}): ${[...distinct].join(', ')}`);
      bySize[areas] = m;
      const tag = `${mode}${areas}`;
      metrics.push(
        { key: `${tag}Syncs`, label: `${mode}, ${areas} area${areas === 1 ? '' : 's'}: context.sync() calls (read + write)`, value: m.fakeSyncs, unit: 'syncs' },
        { key: `${tag}Bytes`, label: `${mode}, ${areas} area${areas === 1 ? '' : 's'}: bytes written`, value: m.bytesWritten, unit: 'bytes' },
        { key: `${tag}Ms`, label: `${mode}, ${areas} area${areas === 1 ? '' : 's'}: whole run against the fake`, value: m.ms, unit: 'ms' },
      );
      if (areas === AREA_COUNTS[AREA_COUNTS.length - 1]) {
        metrics.push({ key: `${tag}ModelMs`, label: `${mode}, ${areas} areas: parse + runScenario + scenarioSheets`, value: m.modelMs, unit: 'ms' });
      }
    }
    const syncs = AREA_COUNTS.map((a) => bySize[a].fakeSyncs);
    const same = syncs.every((s) => s === syncs[0]);
    metrics.push({
      key: `${mode}SyncsConstant`,
      label: `${mode}: syncs equal at ${AREA_COUNTS.join(', ')} areas`,
      value: syncs.join(' / '),
      unit: 'syncs',
      status: same && syncs[0] > 0 ? 'PASS' : 'FAIL',
      note: same ? undefined : `syncs grow with the number of areas: ${syncs.join(', ')}`,
    });
    details[mode] = Object.fromEntries(AREA_COUNTS.map((a) => [a, { ...bySize[a], ms: Math.round(bySize[a].ms * 10) / 10, modelMs: Math.round(bySize[a].modelMs * 10) / 10 }]));
  }
  return { key: 'roundTrips', title: '3 Round trips', metrics, details };
}
