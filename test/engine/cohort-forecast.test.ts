import { cohortForecast, forecastRatios, forecastTotals } from '../../src/engine/cohort-forecast';
import { planningErrorOf as codeOf } from '../support/planning-error';

/** Element-wise closeness of two matrices. */
function expectMatrix(actual: number[][], expected: number[][], digits = 10): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], digits));
  });
}

// A small 4-year x 3-group history (R, Y1, Y2), oldest first.
//            R    Y1   Y2
// year 1   100    90   80
// year 2   110    95   90    Y1: 95/100 = 0.95   Y2: 90/90  = 1.0
// year 3   120   110   95    Y1: 110/110 = 1.0   Y2: 95/95  = 1.0
// year 4   130   108  121    Y1: 108/120 = 0.9   Y2: 121/110 = 1.1
// k = 3, mean: Y1 = (0.95 + 1 + 0.9) / 3 = 0.95 (low 0.9, high 1.0)
//              Y2 = (1 + 1 + 1.1) / 3 = 31/30 = 1.0333.. (low 1.0, high 1.1)
// Held intake = mean(110, 120, 130) = 120 (low 110, high 130).
const H = [
  [100, 90, 80],
  [110, 95, 90],
  [120, 110, 95],
  [130, 108, 121],
];
const Y2 = 31 / 30;

describe('cohortForecast: 4 years x 3 year groups by hand', () => {
  it('without a driver holds the intake and rolls the cohorts forward', () => {
    const f = cohortForecast(H, { horizon: 2 });
    // year 1: [120, 130 x 0.95 = 123.5, 108 x 31/30 = 111.6]
    // year 2: [120, 120 x 0.95 = 114,   123.5 x 31/30 = 127.61666..]
    expectMatrix(f.forecast, [
      [120, 123.5, 111.6],
      [120, 114, 123.5 * Y2],
    ]);
    // low: [110, 130 x 0.9 = 117, 108 x 1 = 108], [110, 110 x 0.9 = 99, 117 x 1 = 117]
    expectMatrix(f.low, [
      [110, 117, 108],
      [110, 99, 117],
    ]);
    // high: [130, 130 x 1 = 130, 108 x 1.1 = 118.8], [130, 130, 130 x 1.1 = 143]
    expectMatrix(f.high, [
      [130, 130, 118.8],
      [130, 130, 143],
    ]);
    expect(f.intake).toBeNull();
    expect(f.progression).toHaveLength(2);
    expect(f.progression[0].value).toBeCloseTo(0.95, 14);
    expect(f.progression[0].low).toBeCloseTo(0.9, 14);
    expect(f.progression[0].high).toBe(1);
    expect(f.progression[1].value).toBeCloseTo(Y2, 14);
    expect(f.progression[1].used).toBe(3);
    expect(f.intakeSource).toEqual(['held', 'held']);
    expect(f.heldIntake).toBe(120);
    expect(f.notes).toEqual(['No driver given: intake held at 120 for every forecast year, the mean of the last 3 intakes.']);
  });

  it('default horizon is 5 years', () => {
    expect(cohortForecast(H).forecast).toHaveLength(5);
  });

  // Driver (births aligned to the entering cohort): 125, 137.5, 150, 130 for the history years
  // -> intake ratios 0.8, 0.8, 0.8, 1.0; window (k = 3) 0.8, 0.8, 1.0 -> mean 2.6/3 = 0.8666.. (low 0.8, high 1)
  // Forecast years: 150, 120, then no figure.
  const DRIVER = [125, 137.5, 150, 130, 150, 120];
  const INTAKE = 2.6 / 3;

  it('with a driver that stops partway: driver x intake ratio, then the held intake with a note', () => {
    const f = cohortForecast(H, { horizon: 3, driver: DRIVER });
    expect(f.intake?.value).toBeCloseTo(INTAKE, 14);
    expect(f.intake?.low).toBeCloseTo(0.8, 14);
    expect(f.intake?.high).toBe(1);
    expect(f.intake?.used).toBe(3);
    // year 1: [150 x 0.8666 = 130, 130 x 0.95 = 123.5, 108 x 31/30 = 111.6]
    // year 2: [120 x 0.8666 = 104, 130 x 0.95 = 123.5, 123.5 x 31/30]
    // year 3: [held 120, 104 x 0.95 = 98.8, 123.5 x 31/30]
    expectMatrix(f.forecast, [
      [130, 123.5, 111.6],
      [104, 123.5, 123.5 * Y2],
      [120, 98.8, 123.5 * Y2],
    ]);
    // low: [150 x 0.8 = 120, 117, 108], [120 x 0.8 = 96, 120 x 0.9 = 108, 117], [110, 96 x 0.9 = 86.4, 108]
    expectMatrix(f.low, [
      [120, 117, 108],
      [96, 108, 117],
      [110, 86.4, 108],
    ]);
    // high: [150, 130, 118.8], [120, 150, 143], [130, 120, 165]
    expectMatrix(f.high, [
      [150, 130, 118.8],
      [120, 150, 143],
      [130, 120, 165],
    ]);
    expect(f.intakeSource).toEqual(['driver', 'driver', 'held']);
    expect(f.heldIntake).toBe(120);
    expect(f.notes).toContain('No driver for forecast year 3: intake held at 120, the mean of the last 3 intakes.');
  });

  it('names a run of missing driver years and a null inside the driver', () => {
    const f = cohortForecast(H, { horizon: 5, driver: [125, 137.5, 150, 130, 150, null, 120] });
    expect(f.intakeSource).toEqual(['driver', 'held', 'driver', 'held', 'held']);
    expect(f.notes[0]).toBe('No driver for forecast years 2, 4-5: intake held at 120, the mean of the last 3 intakes.');
  });

  it('formats the held intake for the note with thousands separators, one decimal', () => {
    const f = cohortForecast(
      [
        [1234, 1],
        [1234, 1],
        [1235, 1],
      ],
      { horizon: 1 },
    );
    // mean(1234, 1234, 1235) = 1234.333..
    expect(f.heldIntake).toBeCloseTo(3703 / 3, 12);
    expect(f.notes[0]).toBe('No driver given: intake held at 1,234.3 for every forecast year, the mean of the last 3 intakes.');
  });

  it('a driver with a figure for every forecast year needs no held intake', () => {
    const f = cohortForecast(H, { horizon: 2, driver: DRIVER });
    expect(f.intakeSource).toEqual(['driver', 'driver']);
    expect(f.heldIntake).toBeNull();
    expect(f.notes).toEqual([]);
  });

  it('a driver of 0 in a forecast year is a real zero; in a history year it gives no ratio (skipped)', () => {
    const f = cohortForecast(H, { horizon: 1, driver: [125, 0, 150, 130, 0] });
    // intake ratios: 0.8, (110/0 skipped), 0.8, 1.0 -> mean 0.8666..
    expect(f.intake?.value).toBeCloseTo(INTAKE, 14);
    expect(f.forecast[0][0]).toBe(0);
    expect(f.intakeSource).toEqual(['driver']);
    expect(f.notes.some((n) => /skipped for the intake ratio/.test(n))).toBe(true);
  });

  it('an all-blank driver is the same as no driver', () => {
    const f = cohortForecast(H, { horizon: 2, driver: [null, null, null, null, null] });
    expect(f.intake).toBeNull();
    expect(f.intakeSource).toEqual(['held', 'held']);
    expect(cohortForecast(H, { horizon: 2, driver: [] }).forecast).toEqual(cohortForecast(H, { horizon: 2 }).forecast);
  });

  it('a driver with figures only for forecast years cannot give an intake ratio -> NA', () => {
    expect(codeOf(() => cohortForecast(H, { driver: [null, null, null, null, 150] }))).toMatch(/^NA: driver has no figures for the 4 history years/);
  });

  it('a driver shorter than the history is allowed: missing years are blanks', () => {
    // Only years 1-2 have a driver: ratios 0.8, 0.8 -> 0.8 (used 2, note); every forecast year held.
    const f = cohortForecast(H, { horizon: 1, driver: [125, 137.5] });
    expect(f.intake).toEqual({ value: 0.8, low: 0.8, high: 0.8, used: 2 });
    expect(f.intakeSource).toEqual(['held']);
    expect(f.notes).toContain('ratio_years is 3 but only 2 ratios can be worked out for the intake ratio: both are used.');
  });

  it('intake override replaces the entry figure entirely (additions not added), in low and high too', () => {
    const f = cohortForecast(H, {
      horizon: 3,
      driver: DRIVER,
      intakeOverride: [null, 115],
      additions: [[], [5, 0, 0]],
    });
    expect(f.intakeSource).toEqual(['driver', 'override', 'held']);
    // year 2: [115, 123.5, 123.5 x 31/30]; year 3: [120, 115 x 0.95 = 109.25, 123.5 x 31/30]
    expectMatrix(f.forecast, [
      [130, 123.5, 111.6],
      [115, 123.5, 123.5 * Y2],
      [120, 109.25, 123.5 * Y2],
    ]);
    expect(f.low[1][0]).toBe(115);
    expect(f.high[1][0]).toBe(115);
    expect(f.notes).toContain('Intake overridden for forecast year 2: the figure given is used as it is (no additions added).');
  });

  it('additions are added on top of the ratios and roll forward with the cohort', () => {
    const f = cohortForecast(H, {
      horizon: 2,
      additions: [
        [2, 1, 0],
        [0, 0, 3],
      ],
    });
    // year 1: [120 + 2 = 122, 123.5 + 1 = 124.5, 111.6]
    // year 2: [120, 122 x 0.95 = 115.9, 124.5 x 31/30 + 3 = 128.65 + 3 = 131.65]
    expectMatrix(f.forecast, [
      [122, 124.5, 111.6],
      [120, 115.9, 131.65],
    ]);
    // the same additions in the low and high forecasts: low year 1 = [112, 118, 108]
    expectMatrix([f.low[0]], [[112, 118, 108]]);
  });

  it('additions rows beyond the horizon are ignored; short rows and missing rows count as 0', () => {
    const base = cohortForecast(H, { horizon: 2 }).forecast;
    const f = cohortForecast(H, { horizon: 2, additions: [[0], [], [9, 9, 9]] }).forecast;
    expect(f).toEqual(base);
  });

  it('uses the other averaging methods for the ratios', () => {
    // pooled Y1 = (95 + 110 + 108) / (100 + 110 + 120) = 313/330; Y2 = (90 + 95 + 121)/(90 + 95 + 110) = 306/295
    const f = cohortForecast(H, { horizon: 1, method: 'pooled' });
    expectMatrix(f.forecast, [[120, (130 * 313) / 330, (108 * 306) / 295]]);
    // weighted Y1 = (0.95 + 2 + 2.7)/6 = 5.65/6
    expect(forecastRatios(H, { method: 'weighted' }).progression[0].value).toBeCloseTo(5.65 / 6, 14);
  });
});

describe('cohortForecast: history shapes', () => {
  it('single-column history: only the entry year, no progression ratios', () => {
    const f = cohortForecast([[100], [110], [120], [130]], { horizon: 2 });
    expect(f.forecast).toEqual([[120], [120]]);
    expect(f.progression).toEqual([]);
    const d = cohortForecast([[100], [110], [120], [130]], { horizon: 1, driver: [125, 137.5, 150, 130, 150] });
    expect(d.forecast[0][0]).toBeCloseTo(130, 12);
  });

  it('k larger than the history uses what exists and says so', () => {
    const f = cohortForecast(H, { horizon: 1, ratioYears: 5 });
    // all 3 progression ratios; held intake = mean of all 4 entry rolls = 115
    expect(f.progression[0].value).toBeCloseTo(0.95, 14);
    expect(f.progression[0].used).toBe(3);
    expect(f.heldIntake).toBe(115);
    expectMatrix(f.forecast, [[115, 123.5, 111.6]]);
    expect(f.notes).toEqual([
      'No driver given: intake held at 115 for every forecast year, the mean of the last 4 intakes.',
      "ratio_years is 5 but only 3 ratios can be worked out for each year group's progression ratio: all 3 are used.",
    ]);
  });

  it('median135 with a 4-year history notes that it wanted 5 years', () => {
    const f = cohortForecast(H, { horizon: 1, method: 'median135' });
    expect(f.notes.some((n) => n.startsWith('median135 looks back 5 years but only 3 ratios'))).toBe(true);
    // Y1 pooled 1 = 108/120 = 0.9, pooled 3 = 313/330 = 0.9485, pooled 3 (clamped 5) = 313/330 -> median 313/330
    expect(f.progression[0].value).toBeCloseTo(313 / 330, 14);
  });

  it('2-row history: one ratio per year group', () => {
    const f = cohortForecast(
      [
        [100, 90],
        [110, 95],
      ],
      { horizon: 1 },
    );
    // ratio 95/100 = 0.95; held = (100 + 110)/2 = 105; year 1 = [105, 110 x 0.95 = 104.5]
    expectMatrix(f.forecast, [[105, 104.5]]);
    expect(f.notes).toContain('No driver given: intake held at 105 for every forecast year, the mean of the last 2 intakes.');
  });

  it('zero denominators are skipped with a note', () => {
    //          R    Y1   Y2
    // year 1 100     0   80
    // year 2 110    95    0   Y1 95/100 = 0.95;  Y2 0/0 skipped
    // year 3 120    99   95   Y1 99/110 = 0.9;   Y2 95/95 = 1
    // year 4 130   108  110   Y1 108/120 = 0.9;  Y2 110/99 = 1.111..
    const f = cohortForecast(
      [
        [100, 0, 80],
        [110, 95, 0],
        [120, 99, 95],
        [130, 108, 110],
      ],
      { horizon: 1 },
    );
    expect(f.progression[0].value).toBeCloseTo(2.75 / 3, 14);
    expect(f.progression[1].value).toBeCloseTo((1 + 110 / 99) / 2, 14);
    expect(f.progression[1].used).toBe(2);
    expect(f.notes).toContain('1 year was skipped for the progression ratio into history column 3 because the figure it divides by is 0.');
    expect(f.notes).toContain('ratio_years is 3 but only 2 ratios can be worked out for the progression ratio into history column 3: both are used.');
  });

  it('an all-zero column (other than the last) -> DIV0 naming the column', () => {
    expect(
      codeOf(() =>
        cohortForecast([
          [100, 0, 80],
          [110, 0, 90],
          [120, 0, 95],
        ]),
      ),
    ).toBe('DIV0: the progression ratio into history column 3 cannot be worked out: history column 2 has 0 pupils in every year from row 1 to row 2');
  });

  it('a driver of 0 in every history year -> DIV0', () => {
    expect(codeOf(() => cohortForecast(H, { driver: [0, 0, 0, 0, 100] }))).toMatch(/^DIV0: the intake ratio cannot be worked out/);
  });
});

describe('cohortForecast: a Kent-shaped primary planning area', () => {
  // Six census years of R..Y6 for one planning area; births aligned to the cohort entering Reception
  // (born four years earlier), then births for the five forecast years. Reception is about 0.9 of births.
  const births = [1000, 1020, 990, 1030, 1010, 1025, 1040, 1015, 995, 1005, 980];
  const reception = [905, 918, 887, 930, 912, 921];
  const history = reception.map((r, t) => [r, 880 + t * 5, 870 + t * 4, 860 + t * 6, 850 + t * 3, 845 + t * 2, 840 + t]);

  it('intake ratio about 0.9 and Reception forecast = births x ratio', () => {
    const f = cohortForecast(history, { driver: births });
    const expectedRatio = (930 / 1030 + 912 / 1010 + 921 / 1025) / 3;
    expect(f.intake?.value).toBeCloseTo(expectedRatio, 14);
    expect(f.intake?.value).toBeGreaterThan(0.89);
    expect(f.intake?.value).toBeLessThan(0.91);
    expect(f.forecast.map((row) => row[0])).toEqual([1040, 1015, 995, 1005, 980].map((b) => b * f.intake!.value));
    expect(f.intakeSource).toEqual(['driver', 'driver', 'driver', 'driver', 'driver']);
    expect(f.forecast[0]).toHaveLength(7);
    // Year 1 of the first forecast year comes from this year's Reception (921) times the Y1 ratio.
    expect(f.forecast[0][1]).toBeCloseTo(921 * f.progression[0].value, 10);
    // Year 6 in forecast year 5 is this year's Year 1 cohort (905) rolled through five ratios.
    const y6 = f.progression.slice(1).reduce((v, r) => v * r.value, history[5][1]);
    expect(f.forecast[4][6]).toBeCloseTo(y6, 9);
    expect(f.notes).toEqual([]);
  });
});

describe('forecastRatios', () => {
  it('returns the ratios cohortForecast uses', () => {
    const r = forecastRatios(H, { driver: [125, 137.5, 150, 130] });
    const f = cohortForecast(H, { driver: [125, 137.5, 150, 130] });
    expect(r.intake).toEqual(f.intake);
    expect(r.progression).toEqual(f.progression);
    expect(forecastRatios(H).intake).toBeNull();
  });

  it('ignores horizon, additions and overrides', () => {
    expect(forecastRatios(H, { horizon: 99, additions: [[-1]] }).progression).toHaveLength(2);
  });
});

describe('forecastTotals', () => {
  it('sums each row', () => {
    expect(forecastTotals([[1, 2.5], [3, 4], []])).toEqual([3.5, 7, 0]);
  });
  it('rejects text and non-finite figures', () => {
    expect(codeOf(() => forecastTotals([[1, NaN]]))).toMatch(/^NUM: row 1, column 2/);
    expect(codeOf(() => forecastTotals([[1, 'a' as unknown as number]]))).toMatch(/^VALUE: /);
  });
});

describe('cohortForecast: bad input', () => {
  it.each([
    ['empty history', () => cohortForecast([]), /^NA: history is empty/],
    ['1 row', () => cohortForecast([[100, 90]]), /^NA: history needs at least 2 years of rolls to work out ratios \(got 1\)/],
    ['no columns', () => cohortForecast([[], []]), /^NA: history has no year-group columns/],
    ['ragged rows', () => cohortForecast([[1, 2], [3]]), /^VALUE: history rows must all have the same number of year groups: row 2 has 1, row 1 has 2/],
    ['not a table', () => cohortForecast('x' as never), /^VALUE: history must be a table/],
    ['row not a list', () => cohortForecast([[1], 2 as never]), /^VALUE: history row 2 is not a list/],
    ['NaN', () => cohortForecast([[1, 2], [NaN, 4]]), /^NUM: history row 2, column 1 must be a finite number/],
    ['negative', () => cohortForecast([[1, 2], [3, -4]]), /^NUM: history row 2, column 2 must not be negative/],
    ['text in history', () => cohortForecast([[1, 2], [3, 'x' as never]]), /^VALUE: history row 2, column 2 must be a number/],
    ['k = 0', () => cohortForecast(H, { ratioYears: 0 }), /^NUM: ratio_years must be at least 1/],
    ['k fractional', () => cohortForecast(H, { ratioYears: 2.5 }), /^NUM: ratio_years must be a whole number/],
    ['horizon 0', () => cohortForecast(H, { horizon: 0 }), /^NUM: years must be between 1 and 50 \(got 0\)/],
    ['horizon 51', () => cohortForecast(H, { horizon: 51 }), /^NUM: years must be between 1 and 50 \(got 51\)/],
    ['horizon 2.5', () => cohortForecast(H, { horizon: 2.5 }), /^NUM: years must be a whole number/],
    ['unknown method', () => cohortForecast(H, { method: 'x' as never }), /^VALUE: method must be one of/],
    ['driver not a list', () => cohortForecast(H, { driver: 5 as never }), /^VALUE: driver must be a list/],
    ['driver text', () => cohortForecast(H, { driver: [1, 'x' as never] }), /^VALUE: driver item 2 must be a number/],
    ['driver negative', () => cohortForecast(H, { driver: [1, -1] }), /^NUM: driver item 2 must not be negative/],
    ['driver NaN', () => cohortForecast(H, { driver: [NaN] }), /^NUM: driver item 1 must be a finite number/],
    ['additions not a table', () => cohortForecast(H, { additions: 3 as never }), /^VALUE: additions must be a table/],
    ['additions row not a list', () => cohortForecast(H, { additions: [[0], 3 as never] }), /^VALUE: additions row 2 is not a list/],
    ['additions too wide', () => cohortForecast(H, { additions: [[], [1, 2, 3, 4]] }), /^VALUE: additions row 2 has 4 year groups but history has 3/],
    ['additions negative', () => cohortForecast(H, { additions: [[0, -2]] }), /^NUM: additions row 1, column 2 must not be negative/],
    ['additions NaN', () => cohortForecast(H, { additions: [[0, 0, NaN]] }), /^NUM: additions row 1, column 3/],
    ['additions text', () => cohortForecast(H, { additions: [['x' as never]] }), /^VALUE: additions row 1, column 1 must be a number/],
    ['override negative', () => cohortForecast(H, { intakeOverride: [null, -5] }), /^NUM: intake_override item 2 must not be negative/],
    ['override not a list', () => cohortForecast(H, { intakeOverride: 5 as never }), /^VALUE: intake_override must be a list/],
    ['overflow', () => cohortForecast([[1, 1], [1e300, 1e300]], { horizon: 50 }), /^NUM: /],
  ])('%s', (_name, fn, expected) => {
    expect(codeOf(fn)).toMatch(expected);
  });

  it('never returns NaN or Infinity for zero rolls', () => {
    const f = cohortForecast([
      [5, 5],
      [0, 0],
      [0, 0],
    ]);
    expect(f.forecast[0]).toEqual([5 / 3, 0]); // held intake mean(5, 0, 0); Y1 ratio 0/5 = 0
    for (const m of [f.forecast, f.low, f.high]) for (const row of m) for (const v of row) expect(Number.isFinite(v)).toBe(true);
  });
});
