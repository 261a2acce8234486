import {
  absoluteError,
  accuracy,
  accuracyBy,
  accuracyOfSums,
  isWithinTolerance,
  meanAbsolutePercentageError,
} from '../../src/engine/accuracy';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

describe('accuracy', () => {
  it('is signed (F - A) / A', () => {
    expect(accuracy(110, 100)).toBe(0.1);
    expect(accuracy(95, 100)).toBe(-0.05);
    expect(accuracy(100, 100)).toBe(0);
    expect(accuracy(0, 50)).toBe(-1);
  });

  it('reproduces the Kent primary scorecard figure: 127,516 vs 127,188 = +0.26%', () => {
    const acc = accuracy(127516, 127188);
    expect(acc).toBe(328 / 127188);
    expect((acc * 100).toFixed(2)).toBe('0.26');
  });

  it('judges sums, not rows', () => {
    expect(accuracyOfSums([100, 200], [110, 180])).toBe(10 / 290);
    expect(accuracyOfSums([0, 50], [25, 25])).toBe(0);
    expect(accuracyOfSums([0, 10], [0, 8])).toBe(0.25); // a zero actual row is fine if the total is not
  });

  it('gives the absolute error and the MAPE', () => {
    expect(absoluteError(16982, 17000)).toBe(18);
    expect(absoluteError(17000, 16982)).toBe(18);
    expect(absoluteError(0, 0)).toBe(0);
    expect(meanAbsolutePercentageError([110, 95], [100, 100])).toBeCloseTo(0.075, 15);
    expect(meanAbsolutePercentageError([100], [100])).toBe(0);
    // over- and under-forecasts do not cancel in the MAPE, but do in the accuracy of sums
    expect(meanAbsolutePercentageError([110, 90], [100, 100])).toBeCloseTo(0.1, 15);
    expect(accuracyOfSums([110, 90], [100, 100])).toBe(0);
  });

  it('checks the tolerance with the edges inside', () => {
    expect(isWithinTolerance(0.01)).toBe(true);
    expect(isWithinTolerance(-0.01)).toBe(true);
    expect(isWithinTolerance((101 - 100) / 100)).toBe(true);
    expect(isWithinTolerance(0.0101)).toBe(false);
    expect(isWithinTolerance(-0.0101)).toBe(false);
    expect(isWithinTolerance(0.02, 0.02)).toBe(true);
    expect(isWithinTolerance(0.001, 0)).toBe(false);
    expect(isWithinTolerance(0, 0)).toBe(true);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => accuracy(10, 0))).toBe('DIV0: actual is 0: accuracy cannot be computed');
    expect(errorOf(() => accuracy(-1, 10))).toBe('NUM: forecast must not be negative (got -1)');
    expect(errorOf(() => accuracy(1, -10))).toBe('NUM: actual must not be negative (got -10)');
    expect(errorOf(() => accuracy(NaN, 10))).toBe('NUM: forecast must be a finite number (got NaN)');
    expect(errorOf(() => accuracy(1, Infinity))).toBe('NUM: actual must be a finite number (got Infinity)');
    expect(errorOf(() => accuracy(wrongType('12'), 10))).toBe('VALUE: forecast must be a number (got "12")');
    expect(errorOf(() => accuracy(1e308, 1e-300))).toBe('NUM: accuracy is too large to compute (the inputs are out of range)');
    expect(errorOf(() => accuracyOfSums([], []))).toBe('NA: forecast is empty: give at least one number');
    expect(errorOf(() => accuracyOfSums([1, 2], [1]))).toBe('VALUE: forecast and actual must be the same size (2 vs 1)');
    expect(errorOf(() => accuracyOfSums([1, 2], [0, 0]))).toBe('DIV0: total actual is 0: accuracy cannot be computed');
    expect(errorOf(() => accuracyOfSums([1], [wrongType(null)]))).toBe('VALUE: actual item 1 must be a number (got null)');
    expect(errorOf(() => absoluteError(-3, 1))).toBe('NUM: forecast must not be negative (got -3)');
    expect(errorOf(() => absoluteError(3, wrongType(false)))).toBe('VALUE: actual must be a number (got false)');
    expect(errorOf(() => meanAbsolutePercentageError([1, 2, 3], [1, 0, 3]))).toBe(
      'DIV0: actual item 2 is 0: accuracy cannot be computed',
    );
    expect(errorOf(() => meanAbsolutePercentageError([1], []))).toBe('NA: actual is empty: give at least one number');
    expect(errorOf(() => isWithinTolerance(NaN))).toBe('NUM: accuracy must be a finite number (got NaN)');
    expect(errorOf(() => isWithinTolerance(0, -0.01))).toBe('NUM: tolerance must not be negative (got -0.01)');
    expect(errorOf(() => isWithinTolerance(wrongType('1%')))).toBe('VALUE: accuracy must be a number (got "1%")');
  });
});

describe('accuracyBy', () => {
  it('sums repeated and unordered groups, in first-appearance order', () => {
    const r = accuracyBy(['Dover', 'Thanet', 'Dover', 'Ashford', 'Thanet'], [100, 120, 110, 300, 80], [100, 100, 100, 300, 100]);
    expect(r.rows).toEqual([
      { group: 'Dover', forecast: 210, actual: 200, difference: 10, accuracy: 0.05, withinTolerance: false },
      { group: 'Thanet', forecast: 200, actual: 200, difference: 0, accuracy: 0, withinTolerance: true },
      { group: 'Ashford', forecast: 300, actual: 300, difference: 0, accuracy: 0, withinTolerance: true },
    ]);
    expect(r.total).toEqual({ group: 'Total', forecast: 710, actual: 700, difference: 10, accuracy: 10 / 700, withinTolerance: false });
    expect(r.mape).toBeCloseTo(0.05 / 3, 15);
    expect(r.outsideTolerance).toBe(1);
  });

  it('uses the tolerance it is given, edges inside', () => {
    const r = accuracyBy(['a', 'b', 'c'], [102, 97, 100], [100, 100, 100], 0.02);
    expect(r.rows.map((x) => x.withinTolerance)).toEqual([true, false, true]);
    expect(r.outsideTolerance).toBe(1);
    expect(r.mape).toBeCloseTo((0.02 + 0.03 + 0) / 3, 15);
    expect(accuracyBy(['a'], [101], [100]).rows[0].withinTolerance).toBe(true);
  });

  it('reproduces the January 2017 district picture: 9 of 12 Year R forecasts outside +/-1%', () => {
    const districts = ['Ashford', 'Canterbury', 'Dartford', 'Dover', 'Gravesham', 'Maidstone', 'Sevenoaks', 'Shepway', 'Swale', 'Thanet', 'Tonbridge & Malling', 'Tunbridge Wells'];
    const actual = districts.map(() => 1500);
    // nine districts miss by 1.2%-2% either way, three within 1%; the misses largely cancel, leaving
    // the county 17 pupils over (+0.09%), as in Kent's January 2017 review
    const forecast = [1530, 1470, 1530, 1470, 1530, 1470, 1530, 1470, 1518, 1499, 1500, 1500];
    const r = accuracyBy(districts, forecast, actual);
    expect(r.outsideTolerance).toBe(9);
    expect(r.total.difference).toBe(17);
    expect(r.total.accuracy).toBe(17 / 18000);
    expect(r.total.withinTolerance).toBe(true);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => accuracyBy([], [], []))).toBe('NA: groups is empty: give at least one label');
    expect(errorOf(() => accuracyBy(['a'], [1, 2], [1, 2]))).toBe('VALUE: groups and forecast must be the same size (1 vs 2)');
    expect(errorOf(() => accuracyBy(['a', 'b'], [1, 2], [1]))).toBe('VALUE: forecast and actual must be the same size (2 vs 1)');
    expect(errorOf(() => accuracyBy(['a', 'b', 'a'], [1, 2, 3], [1, 0, 1]))).toBe('DIV0: actual of group "b" is 0: accuracy cannot be computed');
    expect(errorOf(() => accuracyBy(['a'], [1], [1], -1))).toBe('NUM: tolerance must not be negative (got -1)');
    expect(errorOf(() => accuracyBy(['a'], [wrongType('x')], [1]))).toBe('VALUE: forecast item 1 must be a number (got "x")');
    expect(errorOf(() => accuracyBy([wrongType(null)], [1], [1]))).toBe('VALUE: groups item 1 must be text (got null)');
    expect(errorOf(() => accuracyBy(['a'], [-5], [1]))).toBe('NUM: forecast item 1 must not be negative (got -5)');
  });
});
