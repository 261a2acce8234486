import { commissionPlan, feNeeded, placesNeeded, type CommissionYear } from '../../src/engine/commissioning';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

/** [permanentFe, permanentPlaces, temporaryPlaces] per year: the part of a plan a planner acts on. */
const actions = (plan: CommissionYear[]): number[][] => plan.map((y) => [y.permanentFe, y.permanentPlaces, y.temporaryPlaces]);

describe('placesNeeded', () => {
  it('restores the target surplus, worked by hand', () => {
    // 950 pupils need 950 / 0.95 = 1000 places for 5% surplus; 900 exist -> 100 more
    expect(placesNeeded(950, 900)).toBeCloseTo(100, 10);
    // check: (900 + 100 - 950) / 1000 = 0.05
    // 1140 pupils at 5%: 1140 / 0.95 = 1200 places; 1080 exist -> 120 = 4 FE
    expect(placesNeeded(1140, 1080)).toBeCloseTo(120, 10);
    // target 0: just the deficit
    expect(placesNeeded(630, 600, 0)).toBe(30);
    // 7%: 930 / 0.93 = 1000; 990 exist -> 10
    expect(placesNeeded(930, 990, 0.07)).toBeCloseTo(10, 10);
  });

  it('is 0 when the surplus already meets the target', () => {
    expect(placesNeeded(900, 1000)).toBe(0); // 10% surplus
    expect(placesNeeded(950, 1000)).toBe(0); // exactly 5%
    expect(placesNeeded(0, 0)).toBe(0);
    expect(placesNeeded(600, 600, 0)).toBe(0);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => placesNeeded(-1, 10))).toBe('NUM: forecast must not be negative (got -1)');
    expect(errorOf(() => placesNeeded(1, NaN))).toBe('NUM: capacity must be a finite number (got NaN)');
    expect(errorOf(() => placesNeeded(1, 10, 1))).toMatch(/^NUM: target must be a fraction from 0 up to \(not including\) 1/);
    expect(errorOf(() => placesNeeded(1, 10, -0.05))).toMatch(/^NUM: target must be a fraction .*\(got -0.05\)$/);
    expect(errorOf(() => placesNeeded(wrongType('950'), 10))).toBe('VALUE: forecast must be a number (got "950")');
    expect(errorOf(() => placesNeeded(1e308, 0, 0.5))).toBe('NUM: places needed is too large to compute (the inputs are out of range)');
  });
});

describe('feNeeded', () => {
  it('converts the places needed to FE, optionally rounded up to a step', () => {
    expect(feNeeded(1140, 1080)).toBeCloseTo(4, 10); // 120 Year 7 places = 4 FE
    expect(feNeeded(950, 900)).toBeCloseTo(10 / 3, 10);
    expect(feNeeded(950, 900, { step: 0.5 })).toBe(3.5);
    expect(feNeeded(950, 900, { step: 1 })).toBe(4);
    expect(feNeeded(660, 0, { target: 0 })).toBe(22); // 660 places = 22 FE
    // whole primary schools: (2000 / 0.95 - 1890) / 210
    expect(feNeeded(2000, 1890, { yearGroups: 7 })).toBeCloseTo((2000 / 0.95 - 1890) / 210, 12);
    expect(feNeeded(2000, 1890, { yearGroups: 7, step: 0.5 })).toBe(1.5);
    expect(feNeeded(630, 600, { target: 0, classSize: 15 })).toBe(2);
    expect(feNeeded(900, 1000, { step: 0.5 })).toBe(0);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => feNeeded(1, 1, { step: 0 }))).toBe('NUM: step must be greater than 0 (got 0)');
    expect(errorOf(() => feNeeded(1, 1, { yearGroups: 0 }))).toBe('NUM: year_groups must be between 1 and 20 (got 0)');
    expect(errorOf(() => feNeeded(1, 1, { classSize: -30 }))).toBe('NUM: class_size must be greater than 0 (got -30)');
    expect(errorOf(() => feNeeded(1, 1, { target: 2 }))).toMatch(/^NUM: target must be a fraction/);
    expect(errorOf(() => feNeeded(1, -1))).toBe('NUM: capacity must not be negative (got -1)');
  });
});

describe('commissionPlan', () => {
  it('meets a four-year shortfall with permanent FE in its first year', () => {
    // needs (target 0): 0, 30, 30, 30, 30, 0. Runs of 3: min 0, 30, 30, 0 -> years 2-5 persist.
    const plan = commissionPlan([600, 630, 630, 630, 630, 590], 600, { target: 0 });
    expect(plan.map((y) => y.year)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.map((y) => y.placesNeeded)).toEqual([0, 30, 30, 30, 30, 0]);
    expect(actions(plan)).toEqual([
      [0, 0, 0],
      [1, 30, 0],
      [0, 30, 0],
      [0, 30, 0],
      [0, 30, 0],
      [0, 30, 0], // permanent places stay
    ]);
    expect(plan[0]).toMatchObject({ forecast: 600, capacity: 600 });
  });

  it('meets a one-year spike with temporary places only', () => {
    const plan = commissionPlan([600, 660, 600], 600, { target: 0 });
    expect(actions(plan)).toEqual([
      [0, 0, 0],
      [0, 0, 60],
      [0, 0, 0],
    ]);
  });

  it('a two-year spike is still temporary with persistYears 3, permanent with persistYears 2', () => {
    const forecast = [600, 630, 630, 600, 600];
    expect(actions(commissionPlan(forecast, 600, { target: 0 })).map((a) => a[2])).toEqual([0, 30, 30, 0, 0]);
    expect(actions(commissionPlan(forecast, 600, { target: 0, persistYears: 2 }))).toEqual([
      [0, 0, 0],
      [1, 30, 0],
      [0, 30, 0],
      [0, 30, 0],
      [0, 30, 0],
    ]);
  });

  it('splits a spike on top of a persistent need into a permanent base and a temporary top', () => {
    // needs: 45, 45, 105, 45 -> runs of 3: min 45, 45 -> 45 permanent (1.5 FE) from year 1, 60 temporary in year 3
    const plan = commissionPlan([645, 645, 705, 645], 600, { target: 0 });
    expect(actions(plan)).toEqual([
      [1.5, 45, 0],
      [0, 45, 0],
      [0, 45, 60],
      [0, 45, 0],
    ]);
  });

  it('rounds permanent FE up to the step; the rounded places reduce the temporary need', () => {
    // persistent 45 places = 1.5 FE: a step of 1 commissions 2 FE = 60 places, leaving 45 temporary in year 3
    expect(actions(commissionPlan([645, 645, 705, 645], 600, { target: 0, step: 1 }))).toEqual([
      [2, 60, 0],
      [0, 60, 0],
      [0, 60, 45],
      [0, 60, 0],
    ]);
    // 40 places = 1.333 FE -> 1.5 FE = 45 places with a step of 0.5
    expect(actions(commissionPlan([640, 640, 640], 600, { target: 0, step: 0.5 }))).toEqual([
      [1.5, 45, 0],
      [0, 45, 0],
      [0, 45, 0],
    ]);
    // unrounded without a step
    expect(commissionPlan([640, 640, 640], 600, { target: 0 })[0].permanentFe).toBeCloseTo(4 / 3, 14);
  });

  it('ratchets permanent places up as the persistent need grows, never down', () => {
    const rising = commissionPlan([630, 630, 630, 660, 660, 660], 600, { target: 0 });
    expect(actions(rising)).toEqual([
      [1, 30, 0],
      [0, 30, 0],
      [0, 30, 0],
      [1, 60, 0],
      [0, 60, 0],
      [0, 60, 0],
    ]);
    const falling = commissionPlan([660, 660, 660, 630, 630, 630], 600, { target: 0 });
    expect(actions(falling).map((a) => a[0])).toEqual([2, 0, 0, 0, 0, 0]);
    expect(actions(falling).map((a) => a[1])).toEqual([60, 60, 60, 60, 60, 60]);
  });

  it('takes capacity as one number or one per year', () => {
    const asNumber = commissionPlan([600, 630, 630, 630], 600, { target: 0 });
    const asList = commissionPlan([600, 630, 630, 630], [600, 600, 600, 600], { target: 0 });
    expect(asList).toEqual(asNumber);
    // capacity rising to 630 from year 3 shortens the shortfall to a two-year spike -> temporary
    const expanded = commissionPlan([600, 630, 630, 630], [600, 600, 630, 630], { target: 0 });
    expect(expanded.map((y) => y.capacity)).toEqual([600, 600, 630, 630]);
    expect(actions(expanded)).toEqual([
      [0, 0, 0],
      [0, 0, 30],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('uses the 5% target by default', () => {
    // 570 / 0.95 = 600 places needed against 540: 60 every year for 3 years -> 2 FE permanent
    const plan = commissionPlan([570, 570, 570], 540);
    for (const y of plan) expect(y.placesNeeded).toBeCloseTo(60, 9);
    expect(plan[0].permanentFe).toBeCloseTo(2, 9);
    expect(plan[2].temporaryPlaces).toBeCloseTo(0, 9);
  });

  it('makes everything temporary when the plan is shorter than persistYears', () => {
    expect(actions(commissionPlan([630, 630], 600, { target: 0 }))).toEqual([
      [0, 0, 30],
      [0, 0, 30],
    ]);
    expect(actions(commissionPlan([630], 600, { target: 0, persistYears: 1 }))).toEqual([[1, 30, 0]]);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => commissionPlan([], 600))).toBe('NA: forecast_intake is empty: give at least one number');
    expect(errorOf(() => commissionPlan([600, 600], [600]))).toBe('VALUE: forecast_intake and capacity_intake must be the same size (2 vs 1)');
    expect(errorOf(() => commissionPlan([600], []))).toBe('NA: capacity_intake is empty: give at least one number');
    expect(errorOf(() => commissionPlan([600], -1))).toBe('NUM: capacity_intake must not be negative (got -1)');
    expect(errorOf(() => commissionPlan([600, -5], 600))).toBe('NUM: forecast_intake item 2 must not be negative (got -5)');
    expect(errorOf(() => commissionPlan([600], [Infinity]))).toBe('NUM: capacity_intake item 1 must be a finite number (got Infinity)');
    expect(errorOf(() => commissionPlan([600], wrongType('600')))).toBe('VALUE: capacity_intake must be a number (got "600")');
    expect(errorOf(() => commissionPlan([600], 600, { persistYears: 0 }))).toBe('NUM: persist_years must be at least 1 (got 0)');
    expect(errorOf(() => commissionPlan([600], 600, { persistYears: 2.5 }))).toBe('NUM: persist_years must be a whole number (got 2.5)');
    expect(errorOf(() => commissionPlan([600], 600, { classSize: 0 }))).toBe('NUM: class_size must be greater than 0 (got 0)');
    expect(errorOf(() => commissionPlan([600], 600, { step: -1 }))).toBe('NUM: step must be greater than 0 (got -1)');
    expect(errorOf(() => commissionPlan([600], 600, { target: 1 }))).toMatch(/^NUM: target must be a fraction/);
  });
});
