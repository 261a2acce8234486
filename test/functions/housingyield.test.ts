import { housingYield } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as number;

describe('KENT.HOUSINGYIELD', () => {
  it('spreads 28 pupils per 100 homes over the 7 primary year groups by default', () => {
    const t = housingYield(column(100, 50));
    expect(t).toHaveLength(2);
    t[0].forEach((v) => expect(v).toBeCloseTo(4, 12));
    t[1].forEach((v) => expect(v).toBeCloseTo(2, 12));
    expect(t[0]).toHaveLength(7);
  });

  it('uses yield_per_dwelling and year_groups; omitted (null) takes 0.28 and 7', () => {
    const t = housingYield(row(50), 0.15, 5);
    expect(t).toHaveLength(1);
    t[0].forEach((v) => expect(v).toBeCloseTo(1.5, 12));
    expect(t[0]).toHaveLength(5);
    expect(housingYield(row(100), omitted, omitted)).toEqual(housingYield(row(100)));
  });

  it.each([null, 0, ''])('gives one row per year, blank years 0 (blank as %p)', (blank) => {
    const t = housingYield(column(100, blank, 100));
    expect(t).toHaveLength(3);
    expect(t[1]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(housingYield(column(null, null)), '#N/A', 'dwellings is empty');
    expectExcelError(housingYield(column(-5)), '#NUM!', 'dwellings item 1 must not be negative');
    expectExcelError(housingYield(column('many')), '#VALUE!', 'dwellings item 1 must be a number (got "many")');
    expectExcelError(housingYield([[1, 2], [3, 4]]), '#VALUE!', 'dwellings must be a single row or column');
    expectExcelError(housingYield(column(100), omitted, 21), '#NUM!', 'year_groups must be between 1 and 20');
    expectExcelError(housingYield(column(100), -0.1), '#NUM!', 'yield_per_dwelling must not be negative');
    expectExcelError(housingYield(Array.from({ length: 201 }, () => [1])), '#NUM!', 'dwellings has 201 rows: the limit is 200');
  });
});
