import { surplus } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('KENT.SURPLUS', () => {
  const cap = column(210, 210, 180);
  const roll = column(200, 215, 171);

  it('gives the net surplus fraction of the totals', () => {
    expect(surplus(cap, roll)).toBeCloseTo((600 - 586) / 600, 15);
  });

  it('gives the DfE unfilled measure on request, case-insensitively', () => {
    expect(surplus(cap, roll, 'unfilled')).toBeCloseTo((10 + 0 + 9) / 600, 15);
    expect(surplus(cap, roll, ' UNFILLED ')).toBeCloseTo(19 / 600, 15);
  });

  it('treats an omitted method (null) as "net"', () => {
    expect(surplus(cap, roll, null as unknown as string)).toBeCloseTo(14 / 600, 15);
    expect(surplus(cap, roll, '')).toBeCloseTo(14 / 600, 15);
  });

  it('accepts single cells, values typed into the formula, rows and columns', () => {
    expect(surplus([[1000]], [[944]])).toBeCloseTo(0.056, 15);
    expect(surplus(1000 as unknown as unknown[][], 944 as unknown as unknown[][])).toBeCloseTo(0.056, 15);
    expect(surplus(row(210, 210, 180), column(200, 215, 171))).toBeCloseTo(14 / 600, 15);
    expect(surplus(row(210, 210, 180), row(200, 215, 171))).toBeCloseTo(14 / 600, 15);
  });

  it('pairs two blocks of the same shape cell by cell', () => {
    expect(surplus([[100, 100], [50, 50]], [[90, 110], [50, 40]], 'unfilled')).toBeCloseTo((10 + 0 + 0 + 10) / 300, 15);
  });

  it.each([
    ['null', null],
    ['0', 0],
    ['""', ''],
  ])('skips pairs that are blank on both sides (blank as %s)', (_label, blank) => {
    expect(surplus(column(210, blank, 180), column(200, blank, 171))).toBeCloseTo(19 / 390, 15);
    expect(surplus(column(blank, 210, 180, blank), column(blank, 200, 171, blank), 'unfilled')).toBeCloseTo(19 / 390, 15);
  });

  it('counts a blank beside a figure as 0', () => {
    expect(surplus(column(210, 100), column(200, null))).toBeCloseTo(110 / 310, 15);
    expect(surplus(column(210, null), column(200, 10))).toBeCloseTo(0, 15);
  });

  it('is negative for a deficit', () => {
    expect(surplus(column(100), column(110))).toBeCloseTo(-0.1, 15);
  });

  it('#VALUE! for lists of different sizes, naming both sizes', () => {
    expectExcelError(surplus(column(1, 2, 3), column(1, 2)), '#VALUE!', 'capacity and roll must be the same size (3 vs 2)');
  });

  it('#VALUE! for blocks of different shapes', () => {
    expectExcelError(surplus([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]]), '#VALUE!', /same shape \(2 x 3 vs 3 x 2\)/);
  });

  it('#VALUE! for text or TRUE/FALSE, naming the cell', () => {
    expectExcelError(surplus(column(210, 'PAN'), column(200, 10)), '#VALUE!', 'capacity item 2 must be a number (got "PAN")');
    expectExcelError(surplus(column(210), column(true)), '#VALUE!', /roll item 1 must be a number/);
    expectExcelError(surplus([[1, 2], [3, 'x']], [[1, 2], [3, 4]]), '#VALUE!', 'capacity row 2, column 2 must be a number');
  });

  it('#VALUE! for an unknown method', () => {
    expectExcelError(surplus(cap, roll, 'gross'), '#VALUE!', 'method must be "net" or "unfilled" (got "gross")');
    expectExcelError(surplus(cap, roll, 3 as unknown as string), '#VALUE!', /method must be/);
  });

  it('#NUM! for negative or non-finite figures', () => {
    expectExcelError(surplus(column(210), column(-1)), '#NUM!', 'roll item 1 must not be negative (got -1)');
    expectExcelError(surplus(column(NaN), column(1)), '#NUM!', /capacity item 1 must be a finite number/);
    expectExcelError(surplus(column(Infinity), column(1)), '#NUM!', /finite/);
  });

  it('#DIV/0! when the total capacity is 0', () => {
    expectExcelError(surplus(column(0, 0), column(5, 0)), '#DIV/0!', 'total capacity is 0');
  });

  it('#N/A when every pair is blank', () => {
    expectExcelError(surplus(column(null, 0, ''), column(null, 0, '')), '#N/A', 'capacity and roll are empty');
    expectExcelError(surplus([], []), '#N/A', /empty/);
    expectExcelError(surplus([[]], [[]]), '#N/A', /empty/);
  });

  it('#NUM! naming the limit for more than 1,000,000 cells, without reading them', () => {
    const big = [new Array(1_000_001).fill(1)];
    const start = Date.now();
    expectExcelError(surplus(big, big), '#NUM!', 'capacity has 1,000,001 columns: the limit is 1,000,000');
    expect(Date.now() - start).toBeLessThan(50);
  });

  it('#VALUE! for a ragged range', () => {
    expectExcelError(surplus([[1, 2], [3]], [[1, 2], [3, 4]]), '#VALUE!', /rectangular/);
  });
});
