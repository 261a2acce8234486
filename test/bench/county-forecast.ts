/**
 * Bench 1: the county forecast. 600 planning areas x 7 year groups x 10 historic years, forecast 15
 * years ahead (central, low and high) with births as the intake driver, mean of the last 3 ratios.
 *
 * The same model is then written the way a planner builds it by hand, as ordinary spreadsheet formulas
 * (one sheet per planning area), and recalculated by HyperFormula:
 *   A1:I26   Year | R..Y6 | Births; rows 2-11 history, rows 12-26 forecast (births typed in)
 *   K2:K11   intake ratio  =B2/I2
 *   L3:Q11   progression   =C3/B2 (year group over the year group below it a year earlier)
 *   K28:Q28  =AVERAGE(K9:K11) (last 3 ratios), K29:Q29 =MIN(...), K30:Q30 =MAX(...)
 *   B12:H26  central forecast: =I12*$K$28 (entry), =B11*L$28 (later year groups)
 *   S12:Y26  low forecast (MIN ratios), AA12:AG26 high forecast (MAX ratios)
 * Every central, low and high forecast cell must agree with the engine to 1e-9 (relative).
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { cohortForecast } from '../../src/engine';
import { indexToColumn as col } from '../../src/excel/a1';
import type { CohortForecast } from '../../src/engine';
import { BenchArea, makeCounty, YEAR_GROUPS } from './county-data';
import { Metric, SectionResult } from './report';
import { median, MemorySampler, mib, timeMs } from './stats';

export const AREAS = 600;
export const HISTORY_YEARS = 10;
export const HORIZON = 15;
const K = 3;
const TOLERANCE = 1e-9;
/** Budget: the engine at least this many times faster than the formula workbook. */
export const MIN_SPEEDUP = 20;

/** A garbage collector when one can be had (for a clean memory baseline); a no-op otherwise. */
function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn: unknown = vm.runInNewContext('gc');
    if (typeof fn === 'function') return fn as () => void;
  } catch {
    // fall through: no collector, the baseline is just noisier
  }
  return () => undefined;
}

const G = YEAR_GROUPS.length;
const C_ROLL = 1; // B: R
const C_BIRTHS = 1 + G; // I
const C_INTAKE_RATIO = C_BIRTHS + 2; // K
const C_LOW = C_INTAKE_RATIO + G + 1; // S
const C_HIGH = C_LOW + G + 1; // AA
const R_FIRST_HISTORY = 1; // 0-based row index of sheet row 2
const ROW_MEAN = R_FIRST_HISTORY + HISTORY_YEARS + HORIZON + 1; // 0-based: sheet row 28
const ROW_MIN = ROW_MEAN + 1;
const ROW_MAX = ROW_MEAN + 2;

/** Sheet row number (1-based, as in A1) of 0-based history/forecast index t (history 0..9, forecast 10..24). */
function sheetRow(t: number): number {
  return R_FIRST_HISTORY + t + 1;
}

/** The planner's workbook sheet for one area, as HyperFormula raw contents. */
export function areaSheet(area: BenchArea): RawCellContent[][] {
  const rows = ROW_MAX + 1;
  const width = C_HIGH + G;
  const sheet: RawCellContent[][] = Array.from({ length: rows }, () => new Array<RawCellContent>(width).fill(null));
  sheet[0][0] = 'Year';
  YEAR_GROUPS.forEach((g, i) => {
    sheet[0][C_ROLL + i] = g;
    sheet[0][C_INTAKE_RATIO + i] = i === 0 ? 'Intake ratio' : `${g} ratio`;
    sheet[0][C_LOW + i] = `${g} low`;
    sheet[0][C_HIGH + i] = `${g} high`;
  });
  sheet[0][C_BIRTHS] = 'Births';
  const total = HISTORY_YEARS + HORIZON;
  for (let t = 0; t < total; t++) {
    const r = R_FIRST_HISTORY + t;
    sheet[r][0] = 2010 + t;
    sheet[r][C_BIRTHS] = area.births[t];
  }
  // History rolls and the ratio cells.
  for (let t = 0; t < HISTORY_YEARS; t++) {
    const r = R_FIRST_HISTORY + t;
    const n = sheetRow(t);
    for (let g = 0; g < G; g++) sheet[r][C_ROLL + g] = area.rolls[t][g];
    sheet[r][C_INTAKE_RATIO] = `=${col(C_ROLL)}${n}/${col(C_BIRTHS)}${n}`;
    if (t > 0) {
      for (let g = 1; g < G; g++) sheet[r][C_INTAKE_RATIO + g] = `=${col(C_ROLL + g)}${n}/${col(C_ROLL + g - 1)}${n - 1}`;
    }
  }
  // Mean, low and high of the last K ratios.
  const lastFrom = sheetRow(HISTORY_YEARS - K);
  const lastTo = sheetRow(HISTORY_YEARS - 1);
  sheet[ROW_MEAN][C_INTAKE_RATIO - 1] = 'Mean of last 3';
  sheet[ROW_MIN][C_INTAKE_RATIO - 1] = 'Lowest';
  sheet[ROW_MAX][C_INTAKE_RATIO - 1] = 'Highest';
  for (let g = 0; g < G; g++) {
    const c = col(C_INTAKE_RATIO + g);
    const window = `${c}${lastFrom}:${c}${lastTo}`;
    sheet[ROW_MEAN][C_INTAKE_RATIO + g] = `=AVERAGE(${window})`;
    sheet[ROW_MIN][C_INTAKE_RATIO + g] = `=MIN(${window})`;
    sheet[ROW_MAX][C_INTAKE_RATIO + g] = `=MAX(${window})`;
  }
  // Forecasts: central, low, high.
  const blocks: [number, number][] = [
    [C_ROLL, ROW_MEAN],
    [C_LOW, ROW_MIN],
    [C_HIGH, ROW_MAX],
  ];
  for (const [start, ratioRow] of blocks) {
    const rr = ratioRow + 1; // 1-based
    for (let y = 0; y < HORIZON; y++) {
      const t = HISTORY_YEARS + y;
      const r = R_FIRST_HISTORY + t;
      const n = sheetRow(t);
      sheet[r][start] = `=${col(C_BIRTHS)}${n}*$${col(C_INTAKE_RATIO)}$${rr}`;
      for (let g = 1; g < G; g++) {
        // The first forecast year rolls on from the last history row (the rolls in B..H).
        const prevCol = y === 0 ? C_ROLL + g - 1 : start + g - 1;
        sheet[r][start + g] = `=${col(prevCol)}${n - 1}*${col(C_INTAKE_RATIO + g)}$${rr}`;
      }
    }
  }
  return sheet;
}

function runEngine(county: readonly BenchArea[]): CohortForecast[] {
  return county.map((a) => cohortForecast(a.rolls, { driver: a.births, horizon: HORIZON, ratioYears: K, method: 'mean' }));
}

function buildWorkbook(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
}

function relDiff(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Compares every central/low/high forecast cell of the given areas; returns the worst relative difference and the count compared. */
function compare(hf: HyperFormula, county: readonly BenchArea[], results: readonly CohortForecast[], only?: number): { worst: number; cells: number; firstBad: string | null } {
  let worst = 0;
  let cells = 0;
  let firstBad: string | null = null;
  const indices = only === undefined ? county.map((_, i) => i) : [only];
  for (const i of indices) {
    const sheetId = hf.getSheetId(county[i].name);
    if (sheetId === undefined) throw new Error(`sheet ${county[i].name} missing from the formula workbook`);
    const values = hf.getSheetValues(sheetId);
    const f = results[i];
    for (const [start, matrix] of [
      [C_ROLL, f.forecast],
      [C_LOW, f.low],
      [C_HIGH, f.high],
    ] as const) {
      for (let y = 0; y < HORIZON; y++) {
        for (let g = 0; g < G; g++) {
          const cell = values[R_FIRST_HISTORY + HISTORY_YEARS + y][start + g];
          const expected = matrix[y][g];
          const d = typeof cell === 'number' ? relDiff(cell, expected) : Infinity;
          cells++;
          if (d > worst) worst = d;
          if (d > TOLERANCE && firstBad === null) {
            firstBad = `${county[i].name}!${col(start + g)}${sheetRow(HISTORY_YEARS + y)}: formulas ${JSON.stringify(cell)}, engine ${expected}`;
          }
        }
      }
    }
  }
  return { worst, cells, firstBad };
}

export interface CountyOptions {
  engineRuns: number;
  formulaBuilds: number;
  recalcRuns: number;
}

export function benchCountyForecast(opts: CountyOptions): SectionResult {
  const gc = getGc();
  const county = makeCounty(AREAS, HISTORY_YEARS, HORIZON);

  // Engine: warm up, then median of runs, sampling memory around each run.
  runEngine(county);
  gc();
  const baseline = process.memoryUsage();
  const sampler = new MemorySampler();
  sampler.start();
  const engineSamples: number[] = [];
  let results: CohortForecast[] = [];
  for (let i = 0; i < opts.engineRuns; i++) {
    engineSamples.push(
      timeMs(() => {
        results = runEngine(county);
      }),
    );
    sampler.sample();
  }
  const peak = sampler.stop();
  const engineMs = median(engineSamples);

  // The formula workbook.
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const a of county) sheets[a.name] = areaSheet(a);
  let formulaCells = 0;
  for (const s of Object.values(sheets)) for (const row of s) for (const c of row) if (typeof c === 'string' && c.startsWith('=')) formulaCells++;

  const buildSamples: number[] = [];
  let recalc: Recalc | null = null;
  let check = { worst: 0, cells: 0, firstBad: null as string | null };
  let hfPeakHeap = 0;
  for (let i = 0; i < opts.formulaBuilds; i++) {
    gc();
    let hf: HyperFormula | null = null;
    buildSamples.push(
      timeMs(() => {
        hf = buildWorkbook(sheets);
      }),
    );
    hfPeakHeap = Math.max(hfPeakHeap, process.memoryUsage().heapUsed);
    const built = hf as unknown as HyperFormula;
    if (i === 0) check = compare(built, county, results);
    if (i < opts.formulaBuilds - 1) built.destroy();
    else {
      // Keep the last workbook for the recalculation bench.
      recalc = sheetsRecalc(built, county, results, opts.recalcRuns);
      built.destroy();
    }
  }
  const formulasMs = median(buildSamples);
  if (recalc === null) throw new Error('formulaBuilds must be at least 1');

  // The like-for-like of a one-cell recalculation: the engine re-running the one changed area.
  const one = county[Math.floor(county.length / 2)];
  const batch = 200;
  const oneAreaSamples: number[] = [];
  for (let i = 0; i < opts.engineRuns; i++) {
    oneAreaSamples.push(
      timeMs(() => {
        for (let j = 0; j < batch; j++) cohortForecast(one.rolls, { driver: one.births, horizon: HORIZON, ratioYears: K, method: 'mean' });
      }) / batch,
    );
  }
  const oneAreaMs = median(oneAreaSamples);

  const speedup = formulasMs / engineMs;
  const correctnessNote =
    check.firstBad === null
      ? `${check.cells.toLocaleString('en-GB')} forecast cells (central, low, high) compared; worst relative difference ${check.worst.toExponential(2)}`
      : `first mismatch: ${check.firstBad}`;
  const recalcNote =
    recalc.firstBad === null
      ? `after each change the changed area's ${recalc.cells / opts.recalcRuns} forecast cells match the engine re-run on the changed input`
      : `mismatch after the change: ${recalc.firstBad}`;
  const metrics: Metric[] = [
    { key: 'engineMsPerRun', label: `engine: ${AREAS} areas, ${HORIZON}-year forecast + low/high`, value: engineMs, unit: 'ms' },
    { key: 'engineMsPerArea', label: 'engine: per planning area', value: engineMs / AREAS, unit: 'ms' },
    { key: 'peakRssMiB', label: 'engine runs: peak rss', value: mib(peak.rss), unit: 'MiB' },
    { key: 'peakHeapUsedMiB', label: 'engine runs: peak heapUsed', value: mib(peak.heapUsed), unit: 'MiB' },
    { key: 'heapAboveBaselineMiB', label: 'engine runs: peak heapUsed above baseline', value: mib(peak.heapUsed - baseline.heapUsed), unit: 'MiB' },
    { key: 'formulaCells', label: 'formula workbook: formula cells', value: formulaCells, unit: 'cells' },
    { key: 'formulasBuildCalcMs', label: 'formula workbook (HyperFormula): build + calc', value: formulasMs, unit: 'ms' },
    { key: 'formulasRecalcMs', label: 'formula workbook: recalc after one input change', value: recalc.ms, unit: 'ms' },
    { key: 'formulasPeakHeapMiB', label: 'formula workbook: heapUsed after build', value: mib(hfPeakHeap), unit: 'MiB' },
    {
      key: 'sameNumbers',
      label: `engine = formulas to ${TOLERANCE} (relative), every forecast cell`,
      value: check.firstBad === null ? 'yes' : 'NO',
      unit: '',
      note: correctnessNote,
      status: check.firstBad === null && check.cells > 0 ? 'PASS' : 'FAIL',
    },
    {
      key: 'sameNumbersAfterRecalc',
      label: 'engine = formulas after the input change',
      value: recalc.firstBad === null ? 'yes' : 'NO',
      unit: '',
      note: recalcNote,
      status: recalc.firstBad === null && recalc.cells > 0 ? 'PASS' : 'FAIL',
    },
    { key: 'speedup', label: 'formulas build+calc / engine run', value: speedup, unit: 'x', budget: { min: MIN_SPEEDUP } },
    { key: 'engineOneAreaMs', label: 'engine: re-run of the one changed area', value: oneAreaMs, unit: 'ms' },
    { key: 'recalcVsEngineOneArea', label: 'formulas one-cell recalc / engine one-area re-run', value: recalc.ms / oneAreaMs, unit: 'x' },
    { key: 'recalcVsEngineAll', label: 'formulas one-cell recalc / engine run of all areas', value: recalc.ms / engineMs, unit: 'x' },
  ];
  return {
    key: 'countyForecast',
    title: '1 County forecast',
    metrics,
    details: {
      areas: AREAS,
      yearGroups: G,
      historyYears: HISTORY_YEARS,
      horizon: HORIZON,
      method: 'mean',
      ratioYears: K,
      driver: 'births, all history and forecast years',
      engineRuns: opts.engineRuns,
      engineSamplesMs: engineSamples.map((v) => Math.round(v * 1000) / 1000),
      formulaBuilds: opts.formulaBuilds,
      formulaBuildSamplesMs: buildSamples.map((v) => Math.round(v * 10) / 10),
      recalcRuns: opts.recalcRuns,
      recalcSamplesMs: recalc.samples.map((v) => Math.round(v * 1000) / 1000),
      recalcChange: recalc.change,
      cellsCompared: check.cells,
      worstRelativeDifference: check.worst,
    },
  };
}

interface Recalc {
  ms: number;
  samples: number[];
  cells: number;
  firstBad: string | null;
  change: string;
}

/**
 * Recalculation after changing one input: the last history Reception roll of one area, alternating
 * between two values so every setCellContents is a real change. After each change the changed area is
 * checked against the engine re-run on the changed input.
 */
function sheetsRecalc(hf: HyperFormula, county: readonly BenchArea[], results: readonly CohortForecast[], runs: number): Recalc {
  const index = Math.floor(county.length / 2);
  const area = county[index];
  const sheetId = hf.getSheetId(area.name);
  if (sheetId === undefined) throw new Error(`sheet ${area.name} missing`);
  const row = R_FIRST_HISTORY + HISTORY_YEARS - 1;
  const original = area.rolls[HISTORY_YEARS - 1][0];
  const samples: number[] = [];
  let cells = 0;
  let firstBad: string | null = null;
  for (let i = 0; i < runs + 1; i++) {
    const value = i % 2 === 0 ? original + 7 : original;
    const ms = timeMs(() => {
      hf.setCellContents({ sheet: sheetId, row, col: C_ROLL }, value);
    });
    if (i > 0) samples.push(ms); // the first change is a warm-up
    const rolls = area.rolls.map((r) => [...r]);
    rolls[HISTORY_YEARS - 1][0] = value;
    const changed = cohortForecast(rolls, { driver: area.births, horizon: HORIZON, ratioYears: K, method: 'mean' });
    const all = results.slice();
    all[index] = changed;
    const c = compare(hf, county, all, index);
    if (i > 0) cells += c.cells;
    if (c.firstBad !== null && firstBad === null) firstBad = c.firstBad;
  }
  return {
    ms: median(samples),
    samples,
    cells,
    firstBad,
    change: `${area.name}!${col(C_ROLL)}${row + 1} (last history Reception roll) toggled ${original} <-> ${original + 7}`,
  };
}
