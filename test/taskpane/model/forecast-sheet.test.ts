import type { Matrix } from '../../../src/excel/gateway';
import { surplus, surplusStatus } from '../../../src/engine';
import { parseRange } from '../../../src/excel/a1';
import { isValidSheetName } from '../../../src/excel/names';
import {
  ADDIN_VERSION,
  districtTotals,
  liveForecastFormula,
  runScenario,
  scenarioSheets,
  type ScenarioResult,
  type SheetContext,
} from '../../../src/taskpane/model/run';
import { AREAS, HEADER, areaRows, makeScenario, parsedAreas, primaryTable } from './fixtures';
import { MiniExcel } from './mini-excel';
import { cell, expectClose, findRow, parameter, sheetOf, table, workbookWithInput, writeAll } from './sheet-helpers';

const CTX: SheetContext = { mode: 'values', inputSheet: 'Primary rolls', inputAddress: 'A1:I22', version: ADDIN_VERSION, date: '2025-06-30' };

function run(name = 'Base', values = primaryTable()): ScenarioResult {
  return runScenario(makeScenario(name, { assumptions: 'Births as ONS 2022' }, values), parsedAreas(values));
}

describe('scenarioSheets (values)', () => {
  test('one valid sheet named after the scenario, written cleanly through the gateway', async () => {
    const writes = scenarioSheets(run(), CTX);
    expect(writes).toHaveLength(1);
    expect(writes[0].sheet).toBe('Forecast - Base');
    const long = scenarioSheets(run('A very long scenario name: births [high]/housing?'), CTX)[0].sheet;
    expect(long.length).toBeLessThanOrEqual(31);
    expect(isValidSheetName(long)).toBe(true);
    const { data } = await writeAll(writes);
    expect(data.sheets.map((s) => s.name)).toEqual(['Forecast - Base']);
    expect(sheetOf(data, 'Forecast - Base').tables?.map((t) => t.name)).toEqual(['Forecast_Base', 'DistrictTotals_Base', 'Ratios_Base', 'Surplus_Base']);
  });

  test('parameters block', async () => {
    const { data } = await writeAll(scenarioSheets(run(), CTX));
    const s = sheetOf(data, 'Forecast - Base');
    expect(cell(s, 0, 0)).toBe('Forecast: Base');
    expect(parameter(s, 'Scenario')).toBe('Base');
    expect(parameter(s, 'Input')).toBe('table "PrimaryRolls"');
    expect(parameter(s, 'Input address')).toBe("'Primary rolls'!A1:I22");
    expect(parameter(s, 'Method')).toMatch(/^Cohort progression/);
    expect(parameter(s, 'Averaging of ratios')).toBe('Mean of the ratios');
    expect(parameter(s, 'Ratio window (years)')).toBe(3);
    expect(parameter(s, 'Horizon (years)')).toBe(4);
    expect(parameter(s, /^Housing yield \(pupils per dwelling across R-Y2\)$/)).toBe(0.28);
    expect(parameter(s, 'Target surplus band')).toBe('5% to 7%');
    expect(parameter(s, 'Permanent places when a shortfall lasts (years)')).toBe(3);
    expect(parameter(s, 'Assumptions')).toBe('Births as ONS 2022');
    expect(parameter(s, 'Output')).toMatch(/^Values/);
    expect(parameter(s, 'Run date')).toBe('2025-06-30');
    expect(parameter(s, 'Add-in version')).toBe('0.1.0');
    expect(findRow(s, 'Rounded for display only; totals are sums of unrounded values.')).toBeGreaterThan(0);
  });

  test('notes block carries the engine notes', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const s = sheetOf(data, 'Forecast - Base');
    const notesRow = findRow(s, 'Notes');
    result.notes.forEach((n, i) => expect(cell(s, notesRow + 1 + i, 0)).toBe(n));
    expect(result.notes.length).toBeGreaterThan(0);
  });

  test('forecast table: headers and values equal the engine, totals are sums of unrounded values', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const t = table(sheetOf(data, 'Forecast - Base'), 'Forecast_');
    expect(t.headers).toEqual(['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Total', 'Low total', 'High total']);
    expect(t.rows).toHaveLength(3 * 4);
    let i = 0;
    for (const a of result.areas) {
      a.forecast.forecast.forEach((row, y) => {
        const r = t.rows[i++];
        expect(r.slice(0, 3)).toEqual([a.history.district, a.history.area, ['2024-25', '2025-26', '2026-27', '2027-28'][y]]);
        row.forEach((v, g) => expectClose(r[3 + g], v));
        expectClose(r[6], row[0] + row[1] + row[2]);
        expectClose(r[7], a.forecast.low[y].reduce((x, z) => x + z, 0));
        expectClose(r[8], a.forecast.high[y].reduce((x, z) => x + z, 0));
      });
    }
    // Pupils are formatted "#,##0" (display only).
    const s = sheetOf(data, 'Forecast - Base');
    expect(s.numberFormats?.[t.top + 1]?.[t.left + 3]).toBe('#,##0');
  });

  test('totals by district (and the county) equal districtTotals', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const t = table(sheetOf(data, 'Forecast - Base'), 'DistrictTotals_');
    const totals = districtTotals(result);
    expect(t.headers).toEqual(['District', 'Year', 'R', 'Y1', 'Y2', 'Total', 'Low total', 'High total']);
    const expected = [...totals.districts.map((d) => ({ ...d })), ...totals.county.map((c) => ({ ...c, district: 'Kent (county)' }))];
    expect(t.rows).toHaveLength(expected.length);
    expected.forEach((d, i) => {
      expect(t.rows[i].slice(0, 2)).toEqual([d.district, d.year]);
      [...d.values, d.total, d.lowTotal, d.highTotal].forEach((v, c) => expectClose(t.rows[i][2 + c], v));
    });
  });

  test('ratios used, with low and high', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const s = sheetOf(data, 'Forecast - Base');
    const t = table(s, 'Ratios_');
    expect(t.headers).toEqual(['District', 'Planning area', 'Ratio', 'Used', 'Low', 'High', 'Ratios averaged', 'Note']);
    const north = result.areas[0].forecast;
    expect(t.rows[0].slice(0, 3)).toEqual(['Ashford', 'Ashford North', 'Intake (R / Births)']);
    expectClose(t.rows[0][3], north.intake!.value);
    expectClose(t.rows[0][4], north.intake!.low);
    expectClose(t.rows[0][5], north.intake!.high);
    expect(t.rows[1][2]).toBe('Y1 from R');
    expectClose(t.rows[1][3], north.progression[0].value);
    expect(t.rows[2][2]).toBe('Y2 from Y1');
    expectClose(t.rows[2][5], north.progression[1].high);
    expect(t.rows).toHaveLength(3 * 3);
    expect(s.numberFormats?.[t.top + 1]?.[3]).toBe('0.000');
  });

  test('surplus against capacity: PAN for the entry year, PAN x year groups for all; statuses coloured', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const s = sheetOf(data, 'Forecast - Base');
    const t = table(s, 'Surplus_');
    expect(t.headers).toEqual(['District', 'Planning area', 'Year', 'Measure', 'Capacity', 'Forecast', 'Surplus places', 'Surplus', 'Status']);
    expect(t.rows).toHaveLength(3 * 4 * 2);
    let i = 0;
    result.areas.forEach((a, k) => {
      const pan = AREAS[k].pan;
      a.forecast.forecast.forEach((row) => {
        const entry = surplus([pan], [row[0]]);
        const all = surplus([pan, pan, pan], row);
        const e = t.rows[i++];
        const w = t.rows[i++];
        expect(e[3]).toBe('Entry year (R)');
        expect(w[3]).toBe('All year groups (R-Y2)');
        expect(e[4]).toBe(pan);
        expect(w[4]).toBe(pan * 3);
        expectClose(e[6], entry.places);
        expectClose(e[7], entry.fraction);
        expect(e[8]).toBe(surplusStatus(entry.fraction, 0.05, 0.07));
        expectClose(w[7], all.fraction);
        expect(w[8]).toBe(surplusStatus(all.fraction, 0.05, 0.07));
      });
    });
    const statusColumn = `I${t.top + 2}:I${t.top + 1 + t.rows.length}`;
    const f = s.formats?.find((x) => x.range === statusColumn);
    expect(f?.rules.map((r) => r.text)).toEqual(['Deficit', 'Below target', 'Within target', 'Above target']);
    expect(s.numberFormats?.[t.top + 1]?.[7]).toBe('0.0%');
  });

  test('line chart of the county forecast against capacity, over a helper block', async () => {
    const result = run();
    const { data } = await writeAll(scenarioSheets(result, CTX));
    const s = sheetOf(data, 'Forecast - Base');
    expect(s.charts).toHaveLength(1);
    const chart = s.charts![0];
    expect(chart.type).toBe('line');
    const r = parseRange(chart.dataRange);
    expect(cell(s, r.start.row, r.start.column)).toBe('Year');
    expect(cell(s, r.start.row, r.start.column + 4)).toBe('Capacity');
    expect(r.end.row - r.start.row).toBe(4);
    const totals = districtTotals(result);
    totals.county.forEach((c, i) => {
      expect(cell(s, r.start.row + 1 + i, r.start.column)).toBe(c.year);
      expectClose(cell(s, r.start.row + 1 + i, r.start.column + 1), c.total);
      expect(cell(s, r.start.row + 1 + i, r.start.column + 4)).toBe(AREAS.reduce((x, a) => x + a.pan * 3, 0));
    });
    // The helper block sits to the right of every table.
    expect(r.start.column).toBeGreaterThan(8);
  });

  test('areas left out are listed in the notes', async () => {
    const values = primaryTable();
    for (const row of values) if (row[1] === 'Dover Town' && row[4] !== null) row[4] = 0;
    const { data } = await writeAll(scenarioSheets(run('Base', values), CTX));
    const s = sheetOf(data, 'Forecast - Base');
    expect(cell(s, findRow(s, 'Notes') + 1, 0)).toMatch(/^Dover Town \(Dover\) was not forecast/);
    expect(parameter(s, 'Planning areas')).toBe('2 forecast, 1 left out (see notes)');
  });
});

describe('scenarioSheets (live)', () => {
  const LIVE: SheetContext = { ...CTX, mode: 'live', inputAddress: 'B3:J24' };

  async function liveWorkbook(values = primaryTable(), ctx = LIVE) {
    const result = run('Base', values);
    const base = workbookWithInput(values, 'Primary rolls', ctx.inputAddress.split(':')[0]);
    const live = await writeAll(scenarioSheets(result, ctx), base);
    const snapshot = await writeAll(scenarioSheets(result, { ...ctx, mode: 'values' }), base);
    return { result, live: live.data, values: snapshot.data };
  }

  test('forecast cells are KENT.FORECAST spill formulas referencing the input cells, in plain blocks', async () => {
    const { live } = await liveWorkbook();
    const s = sheetOf(live, 'Forecast - Base');
    expect(s.tables?.some((t) => t.name.startsWith('Forecast_'))).toBe(false);
    const header = findRow(s, 'District');
    expect(s.values[header].slice(0, 9)).toEqual(['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Total', 'Low total', 'High total']);
    // Input at B3: header row 3, Ashford North rolls rows 4-7 in E:G, births in H, dwellings in J (forecast rows 8-10).
    expect(s.values[header + 1][3]).toBe(
      "=KENT.FORECAST('Primary rolls'!$E$4:$G$7,'Primary rolls'!$H$4:$H$9,4,3,\"mean\",KENT.HOUSINGYIELD('Primary rolls'!$J$8:$J$10,0.28,3))",
    );
    // Ashford South: no dwellings, so no additions argument.
    expect(s.values[header + 5][3]).toBe("=KENT.FORECAST('Primary rolls'!$E$11:$G$14,'Primary rolls'!$H$11:$H$16,4,3,\"mean\")");
    // Spill room is left empty.
    expect(s.values[header + 1][4] ?? null).toBeNull();
    expect(s.values[header + 2][3] ?? null).toBeNull();
    expect(s.values[header + 1][6]).toBe(`=SUM(D${header + 2}:F${header + 2})`);
  });

  test('recalculated, the live sheet shows exactly the engine figures (forecast, totals, surplus, chart data)', async () => {
    const { result, live, values } = await liveWorkbook();
    const xl = new MiniExcel(live);
    xl.calculate('Forecast - Base');
    const s = sheetOf(live, 'Forecast - Base');
    const v = sheetOf(values, 'Forecast - Base');
    // Forecast block against the values-mode table, cell by cell.
    const header = findRow(s, 'District');
    const valuesTable = table(v, 'Forecast_');
    valuesTable.rows.forEach((row, i) => {
      row.forEach((x, c) => {
        const got = xl.value('Forecast - Base', `${'ABCDEFGHI'[c]}${header + 2 + i}`);
        if (typeof x === 'number') expectClose(got, x);
        else expect(got).toBe(x);
      });
    });
    // The tables below are live too: compare every cell after recalculation.
    for (const prefix of ['DistrictTotals_', 'Surplus_']) {
      const lt = table(s, prefix);
      const vt = table(v, prefix);
      expect(lt.rows.length).toBe(vt.rows.length);
      vt.rows.forEach((row, i) =>
        row.forEach((x, c) => {
          const address = `${String.fromCharCode(65 + lt.left + c)}${lt.top + 2 + i}`;
          const got = xl.value('Forecast - Base', address);
          if (typeof x === 'number') expectClose(got, x);
          else expect(got).toBe(x);
        }),
      );
    }
    expect(String(table(s, 'Surplus_').rows[0][7])).toMatch(/^=KENT\.SURPLUS\(/);
    expect(String(table(s, 'Surplus_').rows[0][4])).toBe("='Primary rolls'!$I$10"); // the latest PAN: the last forecast row
    const chart = parseRange(s.charts![0].dataRange);
    const county = districtTotals(result).county;
    county.forEach((c, i) => {
      expectClose(xl.value('Forecast - Base', `${String.fromCharCode(65 + chart.start.column + 1)}${chart.start.row + 2 + i}`), c.total);
      expectClose(xl.value('Forecast - Base', `${String.fromCharCode(65 + chart.start.column + 4)}${chart.start.row + 2 + i}`), AREAS.reduce((x, a) => x + a.pan * 3, 0));
    });
    expect(parameter(s, 'Output')).toMatch(/^Live KENT formulas/);
  });

  test('areas whose rows are not next to each other in the input fall back to values, with a note saying why', async () => {
    const rows = AREAS.map(areaRows);
    // Interleave Ashford North and Ashford South row by row; Dover Town stays contiguous.
    const mixed: Matrix = [HEADER];
    for (let i = 0; i < rows[0].length; i++) mixed.push(rows[0][i], rows[1][i]);
    mixed.push(...rows[2]);
    const { result, live } = await liveWorkbook(mixed);
    const s = sheetOf(live, 'Forecast - Base');
    const header = findRow(s, 'District');
    // Ashford North: values equal to the engine, no formula.
    result.areas[0].forecast.forecast[0].forEach((x, g) => expectClose(s.values[header + 1][3 + g], x));
    expect(s.values[header + 9][3]).toMatch(/^=KENT\.FORECAST\('Primary rolls'!\$E\$18:\$G\$21,/);
    const notes = findRow(s, 'Notes');
    const noteText = s.values.slice(notes + 1, notes + 12).map((r) => String(r?.[0] ?? '')).join('\n');
    expect(noteText).toMatch(/Ashford North \(Ashford\): written as values, not a live formula, because its rows with rolls are not next to each other in the input\./);
    expect(noteText).toMatch(/Ashford South \(Ashford\): written as values/);
    expect(noteText).not.toMatch(/Dover Town \(Dover\): written as values/);
    // Still right after recalculation.
    const xl = new MiniExcel(live);
    xl.calculate('Forecast - Base');
    result.areas[2].forecast.forecast[3].forEach((x, g) => expectClose(xl.value('Forecast - Base', `${'DEF'[g]}${header + 2 + 11}`), x));
  });

  test('exponential smoothing with a non-default alpha cannot be a live formula', () => {
    const values = primaryTable();
    const scenario = makeScenario('Exp', { method: 'exponential', alpha: 0.3 });
    const result = runScenario(scenario, parsedAreas(values));
    expect(liveForecastFormula(result.areas[0], scenario.layout, LIVE, result)).toEqual({
      reason: 'KENT.FORECAST has no alpha argument, and this scenario smooths with alpha 0.3',
    });
  });

  test('labels that look like formulas stay text in formula blocks', async () => {
    const values = primaryTable().map((row, i) => (i > 0 && row[1] === 'Dover Town' ? [row[0], '=HYPERLINK("x")', ...row.slice(2)] : row));
    const { live } = await liveWorkbook(values);
    const s = sheetOf(live, 'Forecast - Base');
    const t = table(s, 'Surplus_');
    expect(t.rows.some((r) => r[1] === '=HYPERLINK("x")')).toBe(true);
    const xl = new MiniExcel(live);
    expect(() => xl.calculate('Forecast - Base')).not.toThrow();
  });
});
