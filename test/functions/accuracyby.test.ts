import { accuracyBy } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;

describe('KENT.ACCURACYBY', () => {
  const groups = column('Dover', 'Thanet', 'Dover');
  const f = column(100, 200, 110);
  const a = column(100, 190, 100);

  it('spills a row per group, a Total row and the MAPE with the count outside tolerance', () => {
    const t = accuracyBy(groups, f, a);
    expect(t).toHaveLength(4);
    expect(t[0]).toEqual(['Dover', 210, 200, 10, 0.05, false]);
    expect(t[1].slice(0, 4)).toEqual(['Thanet', 200, 190, 10]);
    expect(t[1][4]).toBeCloseTo(10 / 190, 15);
    expect(t[2][0]).toBe('Total');
    expect(t[2][4]).toBeCloseTo(20 / 390, 15);
    expect(t[3][0]).toBe('MAPE, outside tolerance');
    expect(t[3][1]).toBeCloseTo((0.05 + 10 / 190) / 2, 15);
    expect(t[3].slice(2)).toEqual([2, '', '', '']);
  });

  it('uses the tolerance given (omitted/null = 0.01), inclusive of its edge', () => {
    const t = accuracyBy(groups, f, a, 0.05);
    expect(t[0][5]).toBe(true);
    expect(t[1][5]).toBe(false);
    expect(t[3][2]).toBe(1);
    expect(accuracyBy(column('A'), column(101), column(100), null as unknown as number)[0][5]).toBe(true);
  });

  it('adds a header row on request', () => {
    const t = accuracyBy(groups, f, a, omitted, true);
    expect(t[0]).toEqual(['Group', 'Forecast', 'Actual', 'Difference', 'Accuracy', 'Within tolerance']);
    expect(t.slice(1)).toEqual(accuracyBy(groups, f, a));
  });

  it.each([null, 0, ''])('skips rows blank everywhere (blank as %p)', (blank) => {
    const t = accuracyBy(column('Dover', blank), column(100, blank), column(100, blank));
    expect(t.map((r) => r[0])).toEqual(['Dover', 'Total', 'MAPE, outside tolerance']);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(accuracyBy(column('A', 'B'), column(1), column(1)), '#VALUE!', 'groups and forecast must be the same size (2 vs 1)');
    expectExcelError(accuracyBy(column('A'), column(1), column(1), -1), '#NUM!', 'tolerance must not be negative');
    expectExcelError(accuracyBy(column('A', 'B'), column(1, 1), column(0, 1)), '#DIV/0!', 'actual of group "A" is 0');
    expectExcelError(accuracyBy(column(null), column(null), column(null)), '#N/A', 'empty');
    expectExcelError(accuracyBy(column('A'), column('x'), column(1)), '#VALUE!', 'forecast item 1 must be a number');
  });
});
