import { ADDIN_VERSION, compareResults, comparisonSheet, runScenario, type SheetContext } from '../../../src/taskpane/model/run';
import { makeScenario, parsedAreas, primaryTable } from './fixtures';
import { expectClose, findRow, sheetOf, table, writeAll, cell } from './sheet-helpers';

const CTX: SheetContext = { mode: 'values', inputSheet: 'Primary rolls', inputAddress: 'A1:I22', version: ADDIN_VERSION, date: '2025-06-30' };

test('differences B - A and % difference by planning area and year, with county totals', async () => {
  const areas = parsedAreas(primaryTable());
  const a = runScenario(makeScenario('Low', { ratioYears: 2 }), areas);
  const b = runScenario(makeScenario('High', { ratioYears: 3, yieldPerDwelling: 0.5 }), areas);
  const { rows, county } = compareResults(a, b);
  expect(rows).toHaveLength(12);
  rows.forEach((r, i) => {
    const k = Math.floor(i / 4);
    const t = i % 4;
    const ta = a.areas[k].forecast.forecast[t].reduce((x, y) => x + y, 0);
    const tb = b.areas[k].forecast.forecast[t].reduce((x, y) => x + y, 0);
    expectClose(r.a, ta);
    expectClose(r.b, tb);
    expectClose(r.difference, tb - ta);
    expectClose(r.percent, (tb - ta) / ta);
  });
  expect(rows.some((r) => Math.abs(r.difference as number) > 0.5)).toBe(true);
  county.forEach((c) => {
    const inYear = rows.filter((r) => r.year === c.year);
    expectClose(c.a, inYear.reduce((s, r) => s + (r.a as number), 0));
    expectClose(c.difference, inYear.reduce((s, r) => s + (r.difference as number), 0));
  });

  const sheet = comparisonSheet(a, b, CTX);
  expect(sheet.sheet).toBe('Compare - Low vs High');
  const { data } = await writeAll([sheet]);
  const s = sheetOf(data, 'Compare - Low vs High');
  const t = table(s, 'Compare_');
  expect(t.headers).toEqual(['District', 'Planning area', 'Year', 'Scenario A', 'Scenario B', 'Difference (B - A)', '% difference']);
  t.rows.forEach((row, i) => expectClose(row[5], rows[i].difference as number));
  const ct = table(s, 'CompareCounty_');
  expect(ct.rows.map((r) => r[0])).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
  const p = findRow(s, 'Parameter');
  expect(s.values[p].slice(0, 3)).toEqual(['Parameter', 'Scenario A', 'Scenario B']);
  expect(cell(s, findRow(s, 'Ratio window (years)'), 1)).toBe(2);
  expect(cell(s, findRow(s, 'Ratio window (years)'), 2)).toBe(3);
  expect(cell(s, findRow(s, 'Housing yield (pupils per dwelling)'), 2)).toBe(0.5);
});

test('areas in only one scenario keep their figure and leave the difference blank', () => {
  const areas = parsedAreas(primaryTable());
  const a = runScenario(makeScenario('A'), areas);
  const b = runScenario(makeScenario('B'), areas.slice(0, 2));
  const { rows, county } = compareResults(a, b);
  const dover = rows.filter((r) => r.area === 'Dover Town');
  expect(dover).toHaveLength(4);
  expect(dover.every((r) => r.a !== null && r.b === null && r.difference === null && r.percent === null)).toBe(true);
  // County totals: each scenario's own areas.
  expectClose(county[0].b, rows.filter((r) => r.year === county[0].year && r.b !== null).reduce((s, r) => s + (r.b as number), 0));
});
