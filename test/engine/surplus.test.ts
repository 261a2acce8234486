import { surplus, surplusBy, surplusFraction, surplusPlaces, surplusStatus } from '../../src/engine/surplus';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

describe('surplus', () => {
  it('nets capacity against roll (county convention)', () => {
    // 3 schools: 210 + 420 + 180 = 810 places; 200 + 430 + 150 = 780 pupils; 30 spare = 30/810
    const r = surplus([210, 420, 180], [200, 430, 150]);
    expect(r).toEqual({ capacity: 810, roll: 780, places: 30, fraction: 30 / 810 });
    expect(r.fraction).toBeCloseTo(0.037037, 6);
  });

  it('counts only unfilled places under the DfE measure', () => {
    // per school max(cap - roll, 0): 10 + 0 + 30 = 40; the over-full school does not offset
    const r = surplus([210, 420, 180], [200, 430, 150], 'unfilled');
    expect(r).toEqual({ capacity: 810, roll: 780, places: 40, fraction: 40 / 810 });
  });

  it('gives a negative net surplus for a deficit', () => {
    expect(surplus([100], [110])).toEqual({ capacity: 100, roll: 110, places: -10, fraction: -0.1 });
    expect(surplus([100], [110], 'unfilled')).toEqual({ capacity: 100, roll: 110, places: 0, fraction: 0 });
  });

  it('matches the domain example of 5.6% Year R surplus', () => {
    expect(surplusFraction([1000], [944])).toBe(0.056);
    expect(surplusPlaces([1000], [944])).toBe(56);
  });

  it('surplusPlaces and surplusFraction agree with surplus for both methods', () => {
    expect(surplusPlaces([210, 210], [200, 215])).toBe(5);
    expect(surplusPlaces([210, 210], [200, 215], 'unfilled')).toBe(10);
    expect(surplusFraction([210, 210], [200, 215])).toBe(5 / 420);
    expect(surplusFraction([210, 210], [200, 215], 'unfilled')).toBe(10 / 420);
  });

  it('allows zero capacity in a row as long as the total is not zero', () => {
    expect(surplus([0, 100], [5, 90])).toEqual({ capacity: 100, roll: 95, places: 5, fraction: 0.05 });
    expect(surplus([0, 100], [5, 90], 'unfilled').places).toBe(10);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => surplus([], []))).toBe('NA: capacity is empty: give at least one number');
    expect(errorOf(() => surplus([1], []))).toBe('NA: roll is empty: give at least one number');
    expect(errorOf(() => surplus(new Array(12).fill(30), new Array(11).fill(30)))).toBe(
      'VALUE: capacity and roll must be the same size (12 vs 11)',
    );
    expect(errorOf(() => surplus([0, 0], [0, 3]))).toBe('DIV0: total capacity is 0: surplus cannot be computed');
    expect(errorOf(() => surplus([0], [0], 'unfilled'))).toBe('DIV0: total capacity is 0: surplus cannot be computed');
    expect(errorOf(() => surplus([30, -1], [3, 3]))).toBe('NUM: capacity item 2 must not be negative (got -1)');
    expect(errorOf(() => surplus([30], [NaN]))).toBe('NUM: roll item 1 must be a finite number (got NaN)');
    expect(errorOf(() => surplus([Infinity], [1]))).toBe('NUM: capacity item 1 must be a finite number (got Infinity)');
    expect(errorOf(() => surplus([30, wrongType('n/a')], [3, 3]))).toBe('VALUE: capacity item 2 must be a number (got "n/a")');
    expect(errorOf(() => surplus([30], [3], wrongType('gross')))).toBe('VALUE: method must be "net" or "unfilled" (got "gross")');
    expect(errorOf(() => surplus(wrongType(30), [3]))).toBe('VALUE: capacity must be a list of numbers');
    expect(errorOf(() => surplus([1e308, 1e308], [0, 0]))).toBe('NUM: total capacity is too large to compute (the inputs are out of range)');
    expect(errorOf(() => surplusPlaces([0], [1]))).toBe('DIV0: total capacity is 0: surplus cannot be computed');
    expect(errorOf(() => surplusFraction([], [1]))).toBe('NA: capacity is empty: give at least one number');
  });
});

describe('surplusStatus', () => {
  it('places fractions in the 5-7% band, edges included', () => {
    expect(surplusStatus(0.05)).toBe('Within target');
    expect(surplusStatus(0.07)).toBe('Within target');
    expect(surplusStatus(0.056)).toBe('Within target');
    expect(surplusStatus(0.0)).toBe('Below target');
    expect(surplusStatus(0.049999)).toBe('Below target');
    expect(surplusStatus(-0.001)).toBe('Deficit');
    expect(surplusStatus(0.070001)).toBe('Above target');
    expect(surplusStatus(1)).toBe('Above target');
  });

  it('uses the band it is given', () => {
    expect(surplusStatus(0.03, 0.02, 0.04)).toBe('Within target');
    expect(surplusStatus(0.05, 0.02, 0.04)).toBe('Above target');
    expect(surplusStatus(0.05, 0.05, 0.05)).toBe('Within target');
    expect(surplusStatus(0, 0, 0)).toBe('Within target');
    expect(surplusStatus(-1e-9, 0, 0)).toBe('Deficit');
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => surplusStatus(0.05, 0.07, 0.05))).toBe('VALUE: min must not be greater than max (0.07 vs 0.05)');
    expect(errorOf(() => surplusStatus(NaN))).toBe('NUM: surplus must be a finite number (got NaN)');
    expect(errorOf(() => surplusStatus(wrongType('5%')))).toBe('VALUE: surplus must be a number (got "5%")');
    expect(errorOf(() => surplusStatus(0.05, -0.01))).toBe('NUM: min must not be negative (got -0.01)');
    expect(errorOf(() => surplusStatus(0.05, 0.05, Infinity))).toBe('NUM: max must be a finite number (got Infinity)');
  });
});

describe('surplusBy', () => {
  const groups = ['Dover', 'Thanet', 'Dover', 'Ashford'];
  const capacity = [100, 200, 100, 300];
  const roll = [95, 200, 90, 290];

  it('sums repeated groups in first-appearance order with statuses, total and KPI', () => {
    const r = surplusBy(groups, capacity, roll);
    expect(r.rows.map((x) => x.group)).toEqual(['Dover', 'Thanet', 'Ashford']);
    expect(r.rows[0]).toEqual({ group: 'Dover', capacity: 200, roll: 185, places: 15, fraction: 0.075, status: 'Above target' });
    expect(r.rows[1]).toEqual({ group: 'Thanet', capacity: 200, roll: 200, places: 0, fraction: 0, status: 'Below target' });
    expect(r.rows[2]).toEqual({ group: 'Ashford', capacity: 300, roll: 290, places: 10, fraction: 10 / 300, status: 'Below target' });
    expect(r.total).toEqual({ group: 'Total', capacity: 700, roll: 675, places: 25, fraction: 25 / 700, status: 'Below target' });
    expect(r.atOrAboveTarget).toBe(1);
    expect(r.groupCount).toBe(3);
  });

  it('takes each row\'s unfilled places before summing under "unfilled"', () => {
    // Dover rows: 100 vs 95 -> 5, 100 vs 110 -> 0; netted it would be -5
    const r = surplusBy(['Dover', 'Dover', 'Thanet'], [100, 100, 50], [95, 110, 40], { method: 'unfilled' });
    expect(r.rows[0]).toMatchObject({ group: 'Dover', capacity: 200, roll: 205, places: 5, fraction: 0.025, status: 'Below target' });
    expect(r.rows[1]).toMatchObject({ group: 'Thanet', places: 10, fraction: 0.2, status: 'Above target' });
    expect(r.total).toMatchObject({ places: 15, fraction: 15 / 250 });
    const net = surplusBy(['Dover', 'Dover', 'Thanet'], [100, 100, 50], [95, 110, 40]);
    expect(net.rows[0]).toMatchObject({ places: -5, fraction: -0.025, status: 'Deficit' });
  });

  it('counts groups at or above the min it is given', () => {
    const r = surplusBy(groups, capacity, roll, { min: 0.0, max: 0.1 });
    expect(r.rows.map((x) => x.status)).toEqual(['Within target', 'Within target', 'Within target']);
    expect(r.atOrAboveTarget).toBe(3);
    expect(surplusBy(groups, capacity, roll, { min: 0.03 }).atOrAboveTarget).toBe(2);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => surplusBy([], [], []))).toBe('NA: groups is empty: give at least one label');
    expect(errorOf(() => surplusBy(['a', 'b'], [1], [1]))).toBe('VALUE: groups and capacity must be the same size (2 vs 1)');
    expect(errorOf(() => surplusBy(['a'], [1, 2], [1]))).toBe('VALUE: capacity and roll must be the same size (2 vs 1)');
    expect(errorOf(() => surplusBy(['a', 'b'], [10, 0], [5, 0]))).toBe('DIV0: capacity of group "b" is 0: surplus cannot be computed');
    expect(errorOf(() => surplusBy(['a', wrongType(7)], [1, 1], [1, 1]))).toBe('VALUE: groups item 2 must be text (got 7)');
    expect(errorOf(() => surplusBy(['a'], [-1], [1]))).toBe('NUM: capacity item 1 must not be negative (got -1)');
    expect(errorOf(() => surplusBy(['a'], [1], [1], { min: 0.07, max: 0.05 }))).toBe('VALUE: min must not be greater than max (0.07 vs 0.05)');
    expect(errorOf(() => surplusBy(['a'], [1], [1], { method: wrongType('DfE') }))).toBe('VALUE: method must be "net" or "unfilled" (got "DfE")');
  });
});
