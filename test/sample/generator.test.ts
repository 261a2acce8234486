import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseRange, rangeSize, blockRange, rangesOverlap } from '../../src/excel/a1';
import {
  ACCURACY_HEADERS, ACCURACY_PHASES, ANCHORS, FEATURED_PLANNING_AREA, FORECAST_YEARS, GEOGRAPHY_HEADERS, HISTORY_YEARS,
  KENT_AREAS, KENT_DISTRICTS, KENT_FUNCTIONS, PRIMARY_HEADERS, SECONDARY_HEADERS, SHEET_NAMES, TABLE_NAMES,
  countyModel, sampleKent, sampleWorkbook, sampleWorkbookLayout, type SampleKent,
} from '../../src/sample';
import type { SheetData, WorkbookData } from '../../src/excel/workbook-data';

const repoRoot = path.resolve(__dirname, '..', '..');
const hash = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const LAST = HISTORY_YEARS.length - 1;

function sheet(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function districtYearR(kent: SampleKent, district: string): { roll: number; pan: number } {
  const areas = kent.planningAreas.filter((p) => p.district === district);
  return { roll: sum(areas.map((p) => p.rolls[LAST][0])), pan: sum(areas.map((p) => p.pan)) };
}

/** Every published anchor, checked from the structured data. */
function expectAnchors(kent: SampleKent): void {
  const countyR = (i: number) => sum(kent.planningAreas.map((p) => p.rolls[i][0]));
  expect(countyR(HISTORY_YEARS.indexOf('2012-13'))).toBe(ANCHORS.reception2012.value);
  expect(countyR(LAST)).toBe(ANCHORS.reception2017.value);
  expect(Math.abs(countyR(LAST) - 17000) / 17000).toBeLessThanOrEqual(0.005);
  expect(sum(kent.districts.map((d) => d.rolls[HISTORY_YEARS.indexOf('2012-13')][0]))).toBe(ANCHORS.year7_2012.value);
  expect(sum(kent.districts.map((d) => sum(d.rolls[LAST])))).toBe(ANCHORS.secondary2017.value);

  // births: every Reception cohort in the workbook, county-wide, within 17,000-18,000
  const nBirths = kent.planningAreas[0].births.filter((b) => b !== null).length;
  expect(nBirths).toBe(HISTORY_YEARS.length + 4);
  for (let i = 0; i < nBirths; i++) {
    const county = sum(kent.planningAreas.map((p) => p.births[i] as number));
    expect(county).toBeGreaterThanOrEqual(ANCHORS.births.value);
    expect(county).toBeLessThanOrEqual(ANCHORS.births.high);
  }

  // Year R surplus 2016-17: county 5.6%, Dartford 1.5% lowest, Sevenoaks 10.6% highest (to 0.2 pct-pt)
  const all = KENT_DISTRICTS.map((d) => districtYearR(kent, d.name));
  const county = 1 - sum(all.map((x) => x.roll)) / sum(all.map((x) => x.pan));
  expect(Math.abs(county - ANCHORS.yearRSurplus.value)).toBeLessThanOrEqual(ANCHORS.yearRSurplus.tolerance);
  const surpluses = KENT_DISTRICTS.map((d, i) => ({ name: d.name, s: 1 - all[i].roll / all[i].pan }));
  const dartford = surpluses.find((x) => x.name === 'Dartford')!.s;
  const sevenoaks = surpluses.find((x) => x.name === 'Sevenoaks')!.s;
  expect(Math.abs(dartford - 0.015)).toBeLessThanOrEqual(0.002);
  expect(Math.abs(sevenoaks - 0.106)).toBeLessThanOrEqual(0.002);
  for (const x of surpluses) {
    expect(x.s).toBeGreaterThanOrEqual(dartford);
    expect(x.s).toBeLessThanOrEqual(sevenoaks);
  }

  // Year 7 surplus 7.5%
  const y7 = 1 - sum(kent.districts.map((d) => d.rolls[LAST][0])) / sum(kent.districts.map((d) => d.pan));
  expect(Math.abs(y7 - ANCHORS.year7Surplus.value)).toBeLessThanOrEqual(ANCHORS.year7Surplus.tolerance);

  // January 2017 accuracy facts
  const rows = (phase: string) => kent.accuracy.filter((r) => r.phase === phase);
  const diff = (phase: string) => sum(rows(phase).map((r) => r.forecast - r.actual));
  expect(diff('Year R')).toBe(ANCHORS.yearRForecastDifference.value);
  expect(Math.abs(diff('Year R')) / sum(rows('Year R').map((r) => r.actual))).toBeLessThanOrEqual(0.001);
  expect(rows('Year R').filter((r) => Math.abs(r.forecast - r.actual) / r.actual > 0.01)).toHaveLength(ANCHORS.yearRDistrictsOutside.value);
  expect(diff('Year 7')).toBe(ANCHORS.year7ForecastDifference.value);
  const dover = rows('Year 7').find((r) => r.district === 'Dover')!;
  expect(dover.forecast - dover.actual).toBe(ANCHORS.doverYear7Difference.value);
}

describe('sample generator: determinism', () => {
  it('gives an identical workbook for the same seed (deep equal and the same JSON hash)', () => {
    const a = sampleWorkbook(2017);
    const b = sampleWorkbook(2017);
    expect(b).toEqual(a);
    expect(hash(b)).toBe(hash(a));
    expect(sampleWorkbook()).toEqual(a); // the default seed is 2017
  });

  it('gives the same JSON hash in a fresh Node process (no hidden state, no Math.random)', () => {
    const script = "import { sampleWorkbook } from './src/sample'; import { createHash } from 'node:crypto';"
      + "process.stdout.write(createHash('sha256').update(JSON.stringify(sampleWorkbook(2017))).digest('hex'));";
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(out.trim()).toBe(hash(sampleWorkbook(2017)));
  }, 30000);

  it('changes the detail with the seed but keeps every county total', () => {
    const a = sampleKent(2017);
    const b = sampleKent(1);
    expect(b.planningAreas[0].rolls).not.toEqual(a.planningAreas[0].rolls);
    expect(b.planningAreas.map((p) => p.pan)).not.toEqual(a.planningAreas.map((p) => p.pan));
    expect(hash(sampleWorkbook(1))).not.toBe(hash(sampleWorkbook(2017)));
    const county = (k: SampleKent) => HISTORY_YEARS.map((_, i) => [0, 1, 2, 3, 4, 5, 6].map((g) => sum(k.planningAreas.map((p) => p.rolls[i][g]))));
    expect(county(b)).toEqual(county(a));
    const model = countyModel();
    expect(county(a)).toEqual(HISTORY_YEARS.map((y) => model.primaryByYear[y]));
  });
});

describe('sample generator: published anchors', () => {
  it.each([2017, 1, 7, 42, 12345, 2 ** 31 - 1])('hold for seed %d', (seed) => {
    expectAnchors(sampleKent(seed));
  });
});

describe('sample generator: geography and realism', () => {
  const kent = sampleKent();

  it('has the 12 Kent districts in their 4 areas with 2-4 planning areas each', () => {
    expect(kent.districts.map((d) => d.name)).toEqual([
      'Dartford', 'Gravesham', 'Sevenoaks', 'Ashford', 'Dover', 'Shepway',
      'Canterbury', 'Swale', 'Thanet', 'Maidstone', 'Tonbridge & Malling', 'Tunbridge Wells',
    ]);
    expect(KENT_AREAS).toEqual(['North', 'South', 'East', 'West']);
    for (const area of KENT_AREAS) expect(kent.districts.filter((d) => d.area === area)).toHaveLength(3);
    const byArea = Object.fromEntries(kent.districts.map((d) => [d.name, d.area]));
    expect(byArea).toMatchObject({ Dartford: 'North', Gravesham: 'North', Sevenoaks: 'North', Ashford: 'South', Dover: 'South', Shepway: 'South', Canterbury: 'East', Swale: 'East', Thanet: 'East', Maidstone: 'West', 'Tonbridge & Malling': 'West', 'Tunbridge Wells': 'West' });
    for (const d of kent.districts) {
      const areas = kent.planningAreas.filter((p) => p.district === d.name);
      expect(areas.length).toBeGreaterThanOrEqual(2);
      expect(areas.length).toBeLessThanOrEqual(4);
      expect(areas.map((p) => p.name)).toEqual(d.planningAreas);
      for (const p of areas) expect(p.area).toBe(d.area);
    }
    expect(new Set(kent.planningAreas.map((p) => p.name)).size).toBe(kent.planningAreas.length);
  });

  it('holds whole, positive pupil numbers with plausible cohort progression and intake ratios', () => {
    for (const p of kent.planningAreas) {
      expect(p.rolls).toHaveLength(HISTORY_YEARS.length);
      for (const row of p.rolls) {
        expect(row).toHaveLength(7);
        for (const v of row) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThan(50);
        }
      }
      for (let t = 1; t < p.rolls.length; t++) {
        for (let g = 1; g < 7; g++) {
          const ratio = p.rolls[t][g] / p.rolls[t - 1][g - 1];
          expect(ratio).toBeGreaterThan(0.88);
          expect(ratio).toBeLessThan(1.12);
        }
      }
      for (let t = 0; t < p.rolls.length; t++) {
        const intake = p.rolls[t][0] / (p.births[t] as number);
        expect(intake).toBeGreaterThan(0.75);
        expect(intake).toBeLessThan(1.15);
      }
      expect(p.births).toHaveLength(HISTORY_YEARS.length + FORECAST_YEARS.length);
      expect(p.births[p.births.length - 1]).toBeNull();
      expect(Number.isInteger(p.pan) && p.pan > 0).toBe(true);
      expect(p.dwellings).toHaveLength(FORECAST_YEARS.length);
      for (const d of p.dwellings) expect(d % 5 === 0 && d >= 0).toBe(true);
    }
    for (const d of kent.districts) {
      for (let t = 1; t < d.rolls.length; t++) {
        for (let g = 1; g < 5; g++) {
          const ratio = d.rolls[t][g] / d.rolls[t - 1][g - 1];
          expect(ratio).toBeGreaterThan(0.9);
          expect(ratio).toBeLessThan(1.1);
        }
        const feederRatio = d.rolls[t][0] / d.feederY6[t];
        expect(feederRatio).toBeGreaterThan(0.6);
        expect(feederRatio).toBeLessThan(1.3);
      }
      expect(d.feederY6).toHaveLength(HISTORY_YEARS.length + FORECAST_YEARS.length);
      expect(d.dwellings).toEqual(FORECAST_YEARS.map((_, j) => sum(kent.planningAreas.filter((p) => p.district === d.name).map((p) => p.dwellings[j]))));
    }
  });

  it('aligns the Year 7 feeder by row: Year 6 of the year before, then the current primary cohorts', () => {
    const d = kent.districts[0];
    const areas = kent.planningAreas.filter((p) => p.district === d.name);
    for (let t = 1; t < HISTORY_YEARS.length; t++) expect(d.feederY6[t]).toBe(sum(areas.map((p) => p.rolls[t - 1][6])));
    FORECAST_YEARS.forEach((_, j) => expect(d.feederY6[HISTORY_YEARS.length + j]).toBe(sum(areas.map((p) => p.rolls[LAST][6 - j]))));
  });

  it('makes the featured planning area over-full now with births rising, so COMMISSION has work to do', () => {
    const p = kent.planningAreas.find((x) => x.name === FEATURED_PLANNING_AREA)!;
    expect(p.rolls[LAST][0]).toBeGreaterThan(p.pan);
    const births = p.births.filter((b): b is number => b !== null);
    expect(births[births.length - 1]).toBeGreaterThan(births[LAST]);
  });

  it('gives an accuracy review of 12 districts x 4 phases where several miss the +/-1% tolerance', () => {
    expect(kent.accuracy).toHaveLength(48);
    expect(kent.accuracy.map((r) => r.phase)).toEqual(ACCURACY_PHASES.flatMap((ph) => Array(12).fill(ph)));
    const outside = (phase: string) => kent.accuracy.filter((r) => r.phase === phase && Math.abs(r.forecast / r.actual - 1) > 0.01).length;
    expect(outside('Year R')).toBe(9);
    expect(outside('Year 7')).toBeGreaterThanOrEqual(3);
    for (const r of kent.accuracy) expect(Math.abs(r.forecast / r.actual - 1)).toBeLessThan(0.07);
    // whole-phase actuals are the census sums
    const dartford = kent.accuracy.find((r) => r.district === 'Dartford' && r.phase === 'Primary R-6')!;
    expect(dartford.actual).toBe(sum(kent.planningAreas.filter((p) => p.district === 'Dartford').map((p) => sum(p.rolls[LAST]))));
  });
});

describe('sample workbook: sheets and tables', () => {
  const { data, looks, examples } = sampleWorkbookLayout();

  it('has the sheets in order, Cover first', () => {
    expect(data.sheets.map((s) => s.name)).toEqual(['Cover', 'Try the functions', 'Primary rolls', 'Secondary rolls', 'Accuracy', 'Geography']);
    expect(data.activeSheet).toBe('Cover');
  });

  it.each([
    [SHEET_NAMES.primary, TABLE_NAMES.primary, PRIMARY_HEADERS, 37 * 11],
    [SHEET_NAMES.secondary, TABLE_NAMES.secondary, SECONDARY_HEADERS, 12 * 11],
    [SHEET_NAMES.accuracy, TABLE_NAMES.accuracy, ACCURACY_HEADERS, 48],
    [SHEET_NAMES.geography, TABLE_NAMES.geography, GEOGRAPHY_HEADERS, 37],
  ])('%s holds table %s with the contract headers', (sheetName, tableName, headers, bodyRows) => {
    const s = sheet(data, sheetName);
    expect(s.tables).toEqual([{ name: tableName, range: expect.any(String) }]);
    const r = parseRange(s.tables![0].range);
    expect(r.start).toEqual({ row: 0, column: 0 });
    expect(rangeSize(r)).toEqual({ rows: bodyRows + 1, columns: headers.length });
    expect(s.values[0]).toEqual(headers);
    expect(s.values).toHaveLength(bodyRows + 1);
    for (const row of s.values) expect(row).toHaveLength(headers.length);
  });

  it('uses exactly the headers of the contract', () => {
    expect(PRIMARY_HEADERS).toEqual(['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Births', 'PAN', 'Dwellings']);
    expect(SECONDARY_HEADERS).toEqual(['District', 'Year', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Feeder Y6', 'PAN', 'Dwellings']);
    expect(ACCURACY_HEADERS).toEqual(['District', 'Phase', 'Forecast', 'Actual']);
  });

  it('lays out each planning area as 6 census rows with rolls, then 5 forecast rows with rolls blank', () => {
    const s = sheet(data, SHEET_NAMES.primary);
    const block = s.values.slice(1, 12);
    expect(block.map((r) => r[2])).toEqual([...HISTORY_YEARS, ...FORECAST_YEARS]);
    for (const r of block.slice(0, 6)) {
      expect(r.slice(3, 10).every((v) => typeof v === 'number')).toBe(true);
      expect(r[12]).toBeNull(); // no dwellings in census years
    }
    block.slice(6).forEach((r, j) => {
      expect(r.slice(3, 10).every((v) => v === null)).toBe(true);
      expect(typeof r[10] === 'number').toBe(j < 4); // births known for 4 forecast years
      expect(typeof r[11]).toBe('number');
      expect(typeof r[12]).toBe('number');
    });
    expect(new Set(block.map((r) => r[1]))).toEqual(new Set([FEATURED_PLANNING_AREA]));
    for (const r of s.values.slice(1)) expect(String(r[2])).toMatch(/^20\d\d-\d\d$/);
  });

  it('puts a formula for every KENT function on the Try sheet, each beside a sentence', () => {
    const s = sheet(data, SHEET_NAMES.tryFunctions);
    const formulas = s.values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='));
    for (const fn of KENT_FUNCTIONS) {
      expect(formulas.some((f) => new RegExp(`KENT\\.${fn}\\(`).test(f))).toBe(true);
    }
    for (const ex of examples) {
      const { row, column } = parseRange(ex.cell!).start;
      expect(s.values[row][column]).toBe(ex.formula);
      expect(s.values[row][0]).toBe(ex.name);
      expect(String(s.values[row][1]).length).toBeGreaterThan(30);
      expect(ex.formula).toMatch(new RegExp(`^=${ex.name.replace('.', '\\.')}\\(`));
    }
  });

  it('keeps every spill block empty apart from its formula, and no two blocks overlap', () => {
    const s = sheet(data, SHEET_NAMES.tryFunctions);
    const look = looks.find((l) => l.sheet === SHEET_NAMES.tryFunctions)!;
    expect(look.spills).toHaveLength(examples.length);
    const ranges = look.spills.map((sp) => blockRange(sp.cell, sp.rows, sp.columns));
    ranges.forEach((r, i) => {
      for (let row = r.start.row; row <= r.end.row; row++) {
        for (let col = r.start.column; col <= r.end.column; col++) {
          if (row === r.start.row && col === r.start.column) continue;
          expect(s.values[row]?.[col] ?? null).toBeNull();
        }
      }
      for (let j = i + 1; j < ranges.length; j++) expect(rangesOverlap(r, ranges[j])).toBe(false);
    });
    examples.forEach((ex, i) => {
      expect(look.spills[i].rows).toBeGreaterThanOrEqual(ex.rows);
      expect(look.spills[i].columns).toBeGreaterThanOrEqual(ex.columns);
    });
  });

  it('says on the Cover which numbers are published and which are illustrative, with the seed and generator', () => {
    const text = sheet(data, SHEET_NAMES.cover).values.flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toMatch(/Published figures/);
    expect(text).toMatch(/Illustrative detail/);
    expect(text).toMatch(/Seed 2017/);
    expect(text).toMatch(/src\/sample\//);
    expect(text).toMatch(/src\/tools\/build-sample-workbook\.ts/);
    expect(text).toMatch(/16,982/);
    expect(text).toMatch(/79,000/);
    expect(text).toMatch(/planning areas and their names are illustrative/);
  });
});
