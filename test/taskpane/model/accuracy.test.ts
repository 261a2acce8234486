import { accuracyBy } from '../../../src/engine';
import { parseRange } from '../../../src/excel/a1';
import {
  accuracyPhases,
  accuracySheet,
  ADDIN_VERSION,
  filterAccuracyByPhase,
  parseAccuracyInput,
  type SheetContext,
} from '../../../src/taskpane/model/run';
import { cell, expectClose, findRow, sheetOf, table, writeAll } from './sheet-helpers';

const CTX: SheetContext = { mode: 'values', inputSheet: 'Accuracy', inputAddress: 'A1:D25', version: ADDIN_VERSION, date: '2025-06-30' };

describe('parseAccuracyInput', () => {
  test.each([
    [['District', 'Forecast', 'Actual']],
    [['Group', 'Forecast roll', 'Actual roll']],
    [['Planning area', 'forecast', 'ACTUAL']],
  ])('headers %j', (header) => {
    const { input, problems } = parseAccuracyInput([header, ['Dover', 1010, 1000], ['Thanet', '1,980', 2000]]);
    expect(problems).toEqual([]);
    expect(input).toEqual({ groups: ['Dover', 'Thanet'], forecast: [1010, 1980], actual: [1000, 2000], phases: null });
  });

  test('a Phase column is exposed per row, with the distinct phases', () => {
    const { input } = parseAccuracyInput([
      ['District', 'Phase', 'Forecast', 'Actual'],
      ['Dover', 'Primary', 100, 99],
      ['Dover', 'Secondary', 50, 52],
      ['Thanet', 'Primary', 200, 210],
    ]);
    expect(input!.phases).toEqual(['Primary', 'Secondary', 'Primary']);
    expect(accuracyPhases(input!)).toEqual(['Primary', 'Secondary']);
    expect(filterAccuracyByPhase(input!, 'Primary')).toEqual({ groups: ['Dover', 'Thanet'], forecast: [100, 200], actual: [99, 210], phases: ['Primary', 'Primary'] });
  });

  test('problems name the row and column; bad rows left out; totals and blank rows skipped', () => {
    const { input, problems } = parseAccuracyInput([
      ['District', 'Forecast', 'Actual'],
      ['Dover', 'n/a', 1000],
      ['Thanet', 100, '#REF!'],
      [null, 5, 5],
      [null, null, null],
      ['Swale', 300, 290],
      ['Total', 400, 1290],
      ['Ashford', 10, 0],
    ]);
    expect(problems).toEqual([
      "Row 2, column Forecast: 'n/a' is not a number; the row was left out.",
      'Row 3, column Actual: the cell shows the error #REF!; the row was left out.',
      'Row 4: the District cell is blank, so the row was left out.',
      'Ashford: the actual pupils add up to 0, so no accuracy can be worked out; left out.',
    ]);
    expect(input).toEqual({ groups: ['Swale'], forecast: [300], actual: [290], phases: null });
  });

  test('missing columns', () => {
    expect(parseAccuracyInput([['District', 'Forecast']]).problems[0]).toMatch(/no Actual column was found/);
    expect(parseAccuracyInput([]).input).toBeNull();
  });
});

describe('accuracySheet', () => {
  const groups = ['Ashford', 'Dover', 'Thanet', 'Dover'];
  const forecast = [1000, 1010, 2000, 500];
  const actual = [995, 1000, 2050, 500];

  test('the table equals the engine accuracyBy; total row, count outside, MAPE, bar chart', async () => {
    const sheet = accuracySheet({ groups, forecast, actual, tolerance: 0.01, label: 'Year R 2025' }, CTX);
    expect(sheet.sheet).toBe('Accuracy - Year R 2025');
    const { data } = await writeAll([sheet]);
    const s = sheetOf(data, 'Accuracy - Year R 2025');
    const engine = accuracyBy(groups, forecast, actual, 0.01);
    const t = table(s, 'Accuracy_');
    expect(t.headers).toEqual(['District', 'Forecast', 'Actual', 'Difference', 'Accuracy', 'Within ±1%']);
    expect(t.rows.map((r) => r[0])).toEqual(['Ashford', 'Dover', 'Thanet']);
    t.rows.forEach((row, i) => {
      const e = engine.rows[i];
      expect(row[1]).toBe(e.forecast);
      expect(row[2]).toBe(e.actual);
      expectClose(row[3], e.difference);
      expectClose(row[4], e.accuracy);
      expect(row[5]).toBe(e.withinTolerance ? 'Yes' : 'No');
    });
    const totalRow = t.top + 1 + t.rows.length;
    expect(cell(s, totalRow, 0)).toBe('Total');
    expectClose(cell(s, totalRow, 4), engine.total.accuracy);
    expect(cell(s, findRow(s, 'Districts outside ±1%'), 1)).toBe(engine.outsideTolerance);
    expect(engine.outsideTolerance).toBe(1); // Thanet -2.4%; Ashford +0.5% and Dover +0.7% are within
    expectClose(cell(s, findRow(s, 'Mean absolute percentage error (MAPE)'), 1), engine.mape);
    expect(s.numberFormats?.[findRow(s, 'Mean absolute percentage error (MAPE)')]?.[1]).toBe('0.0%');
    const chart = s.charts![0];
    expect(chart.type).toBe('bar');
    const r = parseRange(chart.dataRange);
    expect(r.end.row - r.start.row).toBe(3);
    expect(cell(s, r.start.row, r.start.column + 1)).toBe('Accuracy');
    expectClose(cell(s, r.start.row + 2, r.start.column + 1), engine.rows[1].accuracy);
    expect(s.formats?.[0].rules.map((x) => x.text)).toEqual(['Yes', 'No']);
  });

  test('the tolerance is editable and shown in the header text', async () => {
    const { data } = await writeAll([accuracySheet({ groups, forecast, actual, tolerance: 0.025, label: 'R' }, CTX)]);
    const s = sheetOf(data, 'Accuracy - R');
    expect(table(s, 'Accuracy_').headers[5]).toBe('Within ±2.5%');
    expect(cell(s, findRow(s, 'Districts outside ±2.5%'), 1)).toBe(accuracyBy(groups, forecast, actual, 0.025).outsideTolerance);
  });
});
