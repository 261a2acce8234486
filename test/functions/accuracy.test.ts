import { accuracy } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('KENT.ACCURACY', () => {
  it('gives (F - A) / A: Kent primary, January 2025, +0.26%', () => {
    expect(accuracy([[127516]], [[127188]])).toBeCloseTo((127516 - 127188) / 127188, 15);
    expect(accuracy(127516 as unknown as unknown[][], 127188 as unknown as unknown[][])).toBeCloseTo(0.00257886, 8);
  });

  it('judges lists on their sums', () => {
    expect(accuracy(column(100, 200), column(110, 180))).toBeCloseTo(10 / 290, 15);
    expect(accuracy(row(100, 200), column(110, 180))).toBeCloseTo(10 / 290, 15);
    expect(accuracy(column(95), column(100))).toBeCloseTo(-0.05, 15);
  });

  it.each([null, 0, ''])('skips blank pairs and counts a lone blank as 0 (blank as %p)', (blank) => {
    expect(accuracy(column(100, blank, blank), column(110, blank, 10))).toBeCloseTo(-20 / 120, 15);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(accuracy(column(1, 2), column(1)), '#VALUE!', 'forecast and actual must be the same size (2 vs 1)');
    expectExcelError(accuracy(column('F'), column(1)), '#VALUE!', 'forecast item 1 must be a number (got "F")');
    expectExcelError(accuracy(column(1), column(-1)), '#NUM!', 'actual item 1 must not be negative');
    expectExcelError(accuracy(column(5), column(null)), '#DIV/0!', 'total actual is 0');
    expectExcelError(accuracy(column(null), column(null)), '#N/A', 'forecast and actual are empty');
  });
});
