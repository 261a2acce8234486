import fc from 'fast-check';
import { AVERAGING_METHODS, averageRatios, averageRatiosDetailed, resolveRatioOptions } from '../../src/engine/ratios';
import { planningErrorOf as codeOf } from '../support/planning-error';

// Ratios oldest first: 90/100 = 0.9, 99/110 = 0.9, 100/100 = 1.0, 105/100 = 1.05.
// With k = 3 the window is the last three: 0.9 (99/110), 1.0, 1.05.
const NUMS = [90, 99, 100, 105];
const DENS = [100, 110, 100, 100];

describe('averageRatios: the five methods by hand', () => {
  it('mean (default): (0.9 + 1.0 + 1.05) / 3 = 0.98333..', () => {
    const r = averageRatios(NUMS, DENS);
    expect(r.value).toBeCloseTo(2.95 / 3, 14);
    expect(r.low).toBeCloseTo(0.9, 14);
    expect(r.high).toBe(1.05);
    expect(r.used).toBe(3);
  });

  it('pooled: (99 + 100 + 105) / (110 + 100 + 100) = 304 / 310', () => {
    const r = averageRatios(NUMS, DENS, { method: 'pooled' });
    expect(r.value).toBeCloseTo(304 / 310, 14);
    expect(r.value).toBeCloseTo(0.980645161, 8);
    expect(r.used).toBe(3);
  });

  it('weighted: (1 x 0.9 + 2 x 1.0 + 3 x 1.05) / 6 = 6.05 / 6', () => {
    const r = averageRatios(NUMS, DENS, { method: 'weighted' });
    expect(r.value).toBeCloseTo(6.05 / 6, 14);
    expect(r.value).toBeCloseTo(1.008333333, 8);
  });

  it('exponential alpha 0.5: s = 0.9 -> 0.95 -> 1.0', () => {
    expect(averageRatios(NUMS, DENS, { method: 'exponential' }).value).toBeCloseTo(1.0, 14);
  });

  it('exponential alpha 0.2: s = 0.9 -> 0.2 x 1 + 0.8 x 0.9 = 0.92 -> 0.2 x 1.05 + 0.8 x 0.92 = 0.946', () => {
    expect(averageRatios(NUMS, DENS, { method: 'exponential', alpha: 0.2 }).value).toBeCloseTo(0.946, 14);
  });

  it('exponential alpha 1 is the last ratio', () => {
    expect(averageRatios(NUMS, DENS, { method: 'exponential', alpha: 1 }).value).toBe(1.05);
  });

  it('median135: median of the 1-, 3- and 5-year pooled ratios, looking back 5 whatever k is', () => {
    // 6 pairs; the last 5: 90/100, 99/110, 100/100, 105/100, 96/100.
    // pooled 1 = 96/100 = 0.96; pooled 3 = (100+105+96)/300 = 1.00333; pooled 5 = 490/510 = 0.960784
    // median = 490/510. Window (low/high/used) = the 5 pairs: ratios 0.9, 0.9, 1, 1.05, 0.96.
    const nums = [80, 90, 99, 100, 105, 96];
    const dens = [100, 100, 110, 100, 100, 100];
    for (const k of [1, 3, 8]) {
      const r = averageRatios(nums, dens, { method: 'median135', ratioYears: k });
      expect(r.value).toBeCloseTo(490 / 510, 14);
      expect(r.low).toBeCloseTo(0.9, 14);
      expect(r.high).toBe(1.05);
      expect(r.used).toBe(5);
    }
  });

  it('median135 with only 2 pairs clamps the 3- and 5-year windows: median(1.1, 1, 1) = 1', () => {
    const d = averageRatiosDetailed([90, 110], [100, 100], { method: 'median135' });
    expect(d.summary).toEqual({ value: 1, low: 0.9, high: 1.1, used: 2 });
    expect(d.wanted).toBe(5);
    expect(d.available).toBe(2);
  });

  it('k = 1 uses the last ratio for every method except median135', () => {
    for (const method of ['mean', 'pooled', 'weighted', 'exponential'] as const) {
      expect(averageRatios(NUMS, DENS, { method, ratioYears: 1 })).toEqual({ value: 1.05, low: 1.05, high: 1.05, used: 1 });
    }
  });

  it('k = 2: mean (1 + 1.05) / 2 = 1.025; weighted (1 + 2 x 1.05) / 3 = 1.0333..', () => {
    expect(averageRatios(NUMS, DENS, { ratioYears: 2 }).value).toBeCloseTo(1.025, 14);
    expect(averageRatios(NUMS, DENS, { ratioYears: 2, method: 'weighted' }).value).toBeCloseTo(3.1 / 3, 14);
  });
});

describe('averageRatios: windows, skipped pairs and shortfalls', () => {
  it('skips pairs with a zero denominator before taking the window', () => {
    // usable ratios: 0.5, 0.9, 1.0 (7/0 skipped). k = 3: mean 0.8; k = 2: mean 0.95.
    const nums = [50, 90, 7, 100];
    const dens = [100, 100, 0, 100];
    expect(averageRatios(nums, dens).value).toBeCloseTo(0.8, 14);
    expect(averageRatios(nums, dens, { ratioYears: 2 }).value).toBeCloseTo(0.95, 14);
    const d = averageRatiosDetailed(nums, dens);
    expect(d.skipped).toBe(1);
    expect(d.available).toBe(3);
    expect(d.summary.used).toBe(3);
  });

  it('k larger than the series uses what exists (not an error) and reports the shortfall', () => {
    const d = averageRatiosDetailed([90, 110], [100, 100], { ratioYears: 5 });
    expect(d.summary).toEqual({ value: 1, low: 0.9, high: 1.1, used: 2 });
    expect(d.wanted).toBe(5);
    expect(d.available).toBe(2);
  });

  it('a zero numerator is a real ratio of 0', () => {
    expect(averageRatios([0, 100], [100, 100], { ratioYears: 2 })).toEqual({ value: 0.5, low: 0, high: 1, used: 2 });
  });

  it('every denominator 0 -> DIV0', () => {
    expect(codeOf(() => averageRatios([1, 2], [0, 0]))).toMatch(/^DIV0: .*every denominator is 0/);
  });
});

describe('averageRatios: bad input', () => {
  it.each([
    ['empty', () => averageRatios([], []), /^NA: /],
    ['mismatched sizes', () => averageRatios([1, 2], [1]), /^VALUE: numerators and denominators must be the same size \(2 vs 1\)/],
    ['negative numerator', () => averageRatios([1, -2], [1, 1]), /^NUM: numerators item 2 must not be negative/],
    ['NaN denominator', () => averageRatios([1, 2], [1, NaN]), /^NUM: denominators item 2 must be a finite number/],
    ['Infinity', () => averageRatios([Infinity], [1]), /^NUM: /],
    ['text', () => averageRatios(['x' as unknown as number], [1]), /^VALUE: numerators item 1 must be a number/],
    ['k = 0', () => averageRatios([1], [1], { ratioYears: 0 }), /^NUM: ratio_years must be at least 1/],
    ['k = 1.5', () => averageRatios([1], [1], { ratioYears: 1.5 }), /^NUM: ratio_years must be a whole number/],
    ['alpha 0', () => averageRatios([1], [1], { method: 'exponential', alpha: 0 }), /^NUM: alpha/],
    ['alpha 1.2', () => averageRatios([1], [1], { alpha: 1.2 }), /^NUM: alpha/],
    ['unknown method', () => averageRatios([1], [1], { method: 'median' as never }), /^VALUE: method must be one of/],
    ['tiny denominator overflows', () => averageRatios([1e300], [1e-300]), /^NUM: /],
  ])('%s', (_name, fn, expected) => {
    expect(codeOf(fn)).toMatch(expected);
  });

  it('defaults: k 3, mean, alpha 0.5', () => {
    expect(resolveRatioOptions()).toEqual({ ratioYears: 3, method: 'mean', alpha: 0.5 });
  });
});

describe('averageRatios: properties', () => {
  const pairs = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 12 })
    .map((list) => ({ nums: list.map((p) => p[0]), dens: list.map((p) => p[1]) }));

  it('low <= value <= high, used = min(window, series), for every method', () => {
    fc.assert(
      fc.property(
        pairs,
        fc.constantFrom(...AVERAGING_METHODS),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        ({ nums, dens }, method, k, alpha) => {
          const r = averageRatios(nums, dens, { method, ratioYears: k, alpha });
          expect(r.low).toBeLessThanOrEqual(r.value);
          expect(r.value).toBeLessThanOrEqual(r.high);
          expect(r.used).toBe(Math.min(method === 'median135' ? 5 : k, nums.length));
          const window = nums.slice(nums.length - r.used).map((n, i) => n / dens[dens.length - r.used + i]);
          expect(r.low).toBe(Math.min(...window));
          expect(r.high).toBe(Math.max(...window));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equal ratios average to that ratio for every method', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), fc.constantFrom(...AVERAGING_METHODS), (dens, method) => {
        const r = averageRatios(
          dens.map((d) => d * 3),
          dens,
          { method },
        );
        expect(r.value).toBeCloseTo(3, 12);
      }),
      { numRuns: 200 },
    );
  });
});
