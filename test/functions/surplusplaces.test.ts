import { surplusPlaces } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('KENT.SURPLUSPLACES', () => {
  it('gives net surplus places (negative = deficit)', () => {
    expect(surplusPlaces(column(210, 210), column(200, 215))).toBe(5);
    expect(surplusPlaces(column(100), column(130))).toBe(-30);
  });

  it('gives unfilled places per row under "unfilled"', () => {
    expect(surplusPlaces(column(210, 210), column(200, 215), 'unfilled')).toBe(10);
    expect(surplusPlaces(column(100), column(130), 'Unfilled')).toBe(0);
  });

  it('takes omitted (null) method as net, single cells and rows', () => {
    expect(surplusPlaces([[30]], [[28]], null as unknown as string)).toBe(2);
    expect(surplusPlaces(row(30, 30), row(28, 31))).toBe(1);
  });

  it.each([null, 0, ''])('skips blank pairs and counts a lone blank as 0 (blank as %p)', (blank) => {
    expect(surplusPlaces(column(210, blank, 90), column(200, blank, blank))).toBe(100);
  });

  it('maps each failure to its Excel error with a message', () => {
    expectExcelError(surplusPlaces(column(1, 2), column(1)), '#VALUE!', 'capacity and roll must be the same size (2 vs 1)');
    expectExcelError(surplusPlaces(column('n/a'), column(1)), '#VALUE!', 'capacity item 1 must be a number (got "n/a")');
    expectExcelError(surplusPlaces(column(1), column(-3)), '#NUM!', 'roll item 1 must not be negative');
    expectExcelError(surplusPlaces(column(0), column(3)), '#DIV/0!', 'total capacity is 0');
    expectExcelError(surplusPlaces(column(null), column(null)), '#N/A', 'empty');
  });
});
