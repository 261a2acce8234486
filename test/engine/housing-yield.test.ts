import { housingYield } from '../../src/engine/housing-yield';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

/** Every cell of a matrix close to the expected matrix. */
function expectMatrixClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, y) => {
    expect(row.length).toBe(expected[y].length);
    row.forEach((v, g) => expect(v).toBeCloseTo(expected[y][g], 12));
  });
}

const row = (value: number, groups = 7): number[] => new Array<number>(groups).fill(value);

describe('housingYield', () => {
  it('spreads Kent\'s 0.28 pupils per dwelling across the seven primary year groups', () => {
    // 100 dwellings x 0.28 = 28 pupils; / 7 year groups = 4 per group (0.04 per dwelling per group)
    expectMatrixClose(housingYield([100]), [row(4)]);
    expectMatrixClose(housingYield([100, 250, 0]), [row(4), row(10), row(0)]);
  });

  it('phases the yield over the years after completion', () => {
    // half arrives in the completion year, half the year after
    expectMatrixClose(housingYield([100, 0], { phasing: [0.5, 0.5] }), [row(2), row(2)]);
    // completions in successive years overlap: year 2 gets half of year 1's and half of its own
    expectMatrixClose(housingYield([100, 200, 0], { phasing: [0.5, 0.5] }), [row(2), row(6), row(4)]);
    // nothing in the completion year, all a year later
    expectMatrixClose(housingYield([70, 0, 0], { phasing: [0, 1] }), [row(0), row(2.8), row(0)]);
  });

  it('drops pupils who would arrive after the last forecast year', () => {
    // the second half of the last year's yield falls outside the horizon
    const out = housingYield([100], { phasing: [0.5, 0.5] });
    expectMatrixClose(out, [row(2)]);
  });

  it('takes a yield and year groups for other phases', () => {
    // secondary: 50 dwellings x 0.15 = 7.5 pupils over Years 7-11 = 1.5 each
    expectMatrixClose(housingYield([50], { yieldPerDwelling: 0.15, yearGroups: 5 }), [row(1.5, 5)]);
    expectMatrixClose(housingYield([10], { yieldPerDwelling: 0, yearGroups: 1 }), [[0]]);
  });

  it('returns plain rows, one per forecast year, usable as forecast additions', () => {
    const out = housingYield([100, 100, 100, 100, 100]);
    expect(out).toHaveLength(5);
    for (const r of out) expect(r).toHaveLength(7);
    out[0][0] = 99; // rows are independent arrays
    expect(out[0][1]).not.toBe(99);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => housingYield([]))).toBe('NA: dwellings is empty: give at least one number');
    expect(errorOf(() => housingYield([10, -1]))).toBe('NUM: dwellings item 2 must not be negative (got -1)');
    expect(errorOf(() => housingYield([NaN]))).toBe('NUM: dwellings item 1 must be a finite number (got NaN)');
    expect(errorOf(() => housingYield([wrongType('100 homes')]))).toBe('VALUE: dwellings item 1 must be a number (got "100 homes")');
    expect(errorOf(() => housingYield([10], { yieldPerDwelling: -0.28 }))).toBe('NUM: yield_per_dwelling must not be negative (got -0.28)');
    expect(errorOf(() => housingYield([10], { yearGroups: 0 }))).toBe('NUM: year_groups must be between 1 and 20 (got 0)');
    expect(errorOf(() => housingYield([10], { yearGroups: 2.5 }))).toBe('NUM: year_groups must be a whole number (got 2.5)');
    expect(errorOf(() => housingYield([10], { phasing: [] }))).toBe('NA: phasing is empty: give at least one number');
    expect(errorOf(() => housingYield([10], { phasing: [0.5, 0.4] }))).toBe('NUM: phasing must add up to 1 (got 0.9)');
    expect(errorOf(() => housingYield([10], { phasing: [1.5, -0.5] }))).toBe('NUM: phasing item 2 must not be negative (got -0.5)');
    expect(errorOf(() => housingYield([1e308, 1e308], { phasing: [0.5, 0.5], yieldPerDwelling: 10 }))).toBe(
      'NUM: pupils from housing is too large to compute (the inputs are out of range)',
    );
  });
});
