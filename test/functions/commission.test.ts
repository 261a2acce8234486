import { commission } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;

describe('KENT.COMMISSION', () => {
  it('commissions permanent FE for a lasting need and temporary places for a spike', () => {
    // target 0: a four-year shortfall of 30 places -> 1 FE permanent in its first year (year 2)
    expect(commission(column(600, 630, 630, 630, 630, 590), [[600]], 0)).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    // a one-year spike of 60: temporary places only
    expect(commission(row(600, 660, 600), [[600]], 0)).toEqual([
      [0, 0],
      [0, 60],
      [0, 0],
    ]);
  });

  it('takes one capacity per year, persist_years and class_size', () => {
    const t = commission(column(600, 630, 630), column(600, 600, 630), 0, 1, 30);
    expect(t).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
    ]);
    // with persist_years 2 a one-year need of 28 places in year 2 is temporary
    expect(commission(column(600, 628, 600), [[600]], 0, 2, 28)).toEqual([
      [0, 0],
      [0, 28],
      [0, 0],
    ]);
  });

  it('uses the 5% default target when target is omitted (null) and adds headers on request', () => {
    const t = commission(column(570, 570, 570), [[570]], omitted, omitted, omitted, true);
    expect(t[0]).toEqual(['Permanent FE', 'Temporary places']);
    expect(t[1][0]).toBeCloseTo((570 / 0.95 - 570) / 30, 12);
    expect(t.slice(2)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it.each([null, 0, ''])('ignores trailing blank years and counts a blank beside a figure as 0 (blank as %p)', (blank) => {
    expect(commission(column(600, 660, 600, blank, blank), column(600, 600, 600, blank, blank), 0)).toHaveLength(3);
    expect(commission(column(600, 660, blank), [[600]], 0)).toHaveLength(2);
    // a blank capacity beside a forecast counts as 0 capacity: all 30 places needed
    expect(commission(column(30), column(blank), 0)).toEqual([[0, 30]]);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(commission(column(1, 2), column(1, 2, 3)), '#VALUE!', 'forecast_intake and capacity_intake must be the same size (2 vs 3)');
    expectExcelError(commission([[1, 2], [3, 4]], [[1]]), '#VALUE!', 'forecast_intake must be a single row or column');
    expectExcelError(commission(column('six hundred'), [[600]]), '#VALUE!', 'forecast_intake item 1 must be a number');
    expectExcelError(commission(column(600), [[-1]]), '#NUM!', 'capacity_intake must not be negative');
    expectExcelError(commission(column(600), [[600]], 0, 0), '#NUM!', 'persist_years must be at least 1');
    expectExcelError(commission(column(600), [[600]], 0, 3, 0), '#NUM!', 'class_size must be greater than 0');
    expectExcelError(commission(column(null, null), [[600]]), '#N/A', 'forecast_intake is empty');
  });

  it('#NUM! naming the limit for more than 200 years', () => {
    const years = Array.from({ length: 201 }, () => [600]);
    expectExcelError(commission(years, [[600]]), '#NUM!', 'forecast_intake has 201 rows: the limit is 200');
  });
});
