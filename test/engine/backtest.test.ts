import fc from 'fast-check';
import { backtest } from '../../src/engine/backtest';
import { cohortForecast } from '../../src/engine/cohort-forecast';
import { AVERAGING_METHODS } from '../../src/engine/ratios';
import { planningErrorOf as codeOf } from '../support/planning-error';

describe('backtest by hand', () => {
  it('single column, horizon 1: held intakes against the next year', () => {
    // history 100, 110, 130, 120; origins o = 2, 3.
    // o = 2: held = mean(100, 110) = 105 against 130: (105 - 130) / 130 = -0.19231
    // o = 3: held = mean(100, 110, 130) = 113.333 against 120: -6.6667 / 120 = -0.05556
    // accuracy = (105 + 113.333 - 250) / 250 = -0.126667; mape = (25/130 + (20/3)/120) / 2
    const r = backtest([[100], [110], [130], [120]], { horizon: 1 });
    expect(r).toHaveLength(1);
    expect(r[0].horizon).toBe(1);
    expect(r[0].origins).toBe(2);
    expect(r[0].accuracy).toBeCloseTo((105 + 340 / 3 - 250) / 250, 12);
    expect(r[0].accuracy).toBeCloseTo(-0.126667, 6);
    expect(r[0].mape).toBeCloseTo((25 / 130 + 20 / 3 / 120) / 2, 12);
  });

  const H = [
    [100, 90],
    [110, 99],
    [120, 110],
    [130, 117],
  ];

  it('two columns, horizon 2: one origin', () => {
    // o = 2: ratio 99/100 = 0.99, held 105.
    //   year 1: [105, 110 x 0.99 = 108.9] total 213.9 against 120 + 110 = 230: -16.1/230 = -0.07
    //   year 2: [105, 105 x 0.99 = 103.95] total 208.95 against 130 + 117 = 247: -38.05/247
    const r = backtest(H, { horizon: 2 });
    expect(r.map((x) => x.horizon)).toEqual([1, 2]);
    expect(r.map((x) => x.origins)).toEqual([1, 1]);
    expect(r[0].accuracy).toBeCloseTo(-0.07, 12);
    expect(r[0].mape).toBeCloseTo(0.07, 12);
    expect(r[1].accuracy).toBeCloseTo(-38.05 / 247, 12);
    expect(r[1].mape).toBeCloseTo(38.05 / 247, 12);
  });

  it('two columns, horizon 1: two origins', () => {
    // o = 2: total 213.9 against 230 (as above)
    // o = 3: ratios 0.99 and 110/110 = 1 -> 0.995; held mean(100, 110, 120) = 110;
    //   year 1: [110, 120 x 0.995 = 119.4] total 229.4 against 247: -17.6/247
    // accuracy = (213.9 + 229.4 - 477) / 477 = -33.7/477; mape = (16.1/230 + 17.6/247) / 2
    const [r] = backtest(H, { horizon: 1 });
    expect(r.origins).toBe(2);
    expect(r.accuracy).toBeCloseTo(-33.7 / 477, 12);
    expect(r.mape).toBeCloseTo((16.1 / 230 + 17.6 / 247) / 2, 12);
  });

  it('default horizon is 3', () => {
    const r = backtest([[100], [110], [130], [120], [125], [128]]);
    expect(r.map((x) => x.horizon)).toEqual([1, 2, 3]);
    expect(r.every((x) => x.origins === 2)).toBe(true);
  });

  it('uses the driver aligned by row at every origin (same as forecasting from the cut history)', () => {
    const history = [
      [90, 80],
      [100, 88],
      [95, 97],
      [104, 93],
      [99, 101],
    ];
    const driver = [100, 110, 105, 112, 108, 999];
    const r = backtest(history, { horizon: 2, driver, method: 'pooled' });
    // origins 2 and 3; rebuild horizon 2 from cohortForecast directly.
    const f2 = cohortForecast(history.slice(0, 2), { driver, horizon: 2, method: 'pooled' }).forecast[1];
    const f3 = cohortForecast(history.slice(0, 3), { driver, horizon: 2, method: 'pooled' }).forecast[1];
    const total = (row: number[]): number => row.reduce((a, b) => a + b, 0);
    const a2 = total(history[3]);
    const a3 = total(history[4]);
    expect(r[1].origins).toBe(2);
    expect(r[1].accuracy).toBeCloseTo((total(f2) + total(f3) - a2 - a3) / (a2 + a3), 12);
    // With the driver, origin 2's first year is the driver (105) x the intake ratio (100/110): check it is used.
    expect(cohortForecast(history.slice(0, 2), { driver, horizon: 1 }).intakeSource).toEqual(['driver']);
  });
});

describe('backtest: exact ratios give zero error', () => {
  it('a history generated with constant intake and progression ratios is forecast exactly at every horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }), // year groups
        fc.integer({ min: 4, max: 9 }), // history years
        fc.integer({ min: 1, max: 2 }), // horizon
        fc.array(fc.double({ min: 0.8, max: 1.2, noNaN: true }), { minLength: 7, maxLength: 7 }), // ratios
        fc.array(fc.integer({ min: 500, max: 1500 }), { minLength: 12, maxLength: 12 }), // driver
        fc.array(fc.integer({ min: 400, max: 1200 }), { minLength: 7, maxLength: 7 }), // first row
        fc.constantFrom(...AVERAGING_METHODS),
        (groups, years, h, ratios, driver, first, method) => {
          const intake = 0.9;
          const history: number[][] = [];
          for (let t = 0; t < years; t++) {
            const row: number[] = [];
            for (let g = 0; g < groups; g++) {
              if (g === 0) row.push(driver[t] * intake);
              else row.push(t === 0 ? first[g] : history[t - 1][g - 1] * ratios[g]);
            }
            history.push(row);
          }
          const result = backtest(history, { horizon: h, driver, method });
          expect(result).toHaveLength(h);
          for (const r of result) {
            expect(r.origins).toBe(years - h - 1);
            expect(Math.abs(r.accuracy)).toBeLessThan(1e-9);
            expect(r.mape).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('backtest: bad input', () => {
  it.each([
    ['too short for the horizon', () => backtest([[1], [2], [3], [4]], { horizon: 3 }), /^NA: the back-test needs at least 5 years of history for a horizon of 3 .*got 4/],
    ['too short for the default horizon', () => backtest([[1], [2]]), /^NA: the back-test needs at least 5 years/],
    ['1 row', () => backtest([[1]]), /^NA: history needs at least 2 years/],
    ['empty', () => backtest([]), /^NA: history is empty/],
    ['ragged', () => backtest([[1, 2], [3]]), /^VALUE: /],
    ['negative', () => backtest([[1], [-2], [3]]), /^NUM: /],
    ['horizon 0', () => backtest([[1], [2], [3]], { horizon: 0 }), /^NUM: horizon must be between 1 and 50/],
    ['horizon 51', () => backtest([[1], [2], [3]], { horizon: 51 }), /^NUM: horizon must be between 1 and 50/],
    ['k = 0', () => backtest([[1], [2], [3]], { ratioYears: 0 }), /^NUM: ratio_years/],
    ['zero actual total', () => backtest([[1, 1], [2, 1], [0, 0]], { horizon: 1 }), /^DIV0: history row 3 has 0 pupils in total/],
  ])('%s', (_name, fn, expected) => {
    expect(codeOf(fn)).toMatch(expected);
  });

  it('names the origin when a ratio cannot be worked out from its years', () => {
    // Column 1 is 0 in the first two years: origin 2 has no progression ratio into column 2.
    expect(codeOf(() => backtest([[0, 5], [0, 5], [10, 5], [10, 5]], { horizon: 1 }))).toMatch(
      /^DIV0: back-test from the first 2 years: the progression ratio into history column 2 cannot be worked out/,
    );
  });
});
