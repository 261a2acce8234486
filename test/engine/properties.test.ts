/**
 * Invariants of forms of entry, surplus, commissioning, accuracy, grouping and housing yield,
 * checked with fast-check over generated inputs.
 */
import fc from 'fast-check';
import { accuracy, accuracyBy, accuracyOfSums, absoluteError, isWithinTolerance, meanAbsolutePercentageError } from '../../src/engine/accuracy';
import { commissionPlan, feNeeded, placesNeeded } from '../../src/engine/commissioning';
import { PlanningError } from '../../src/engine/errors';
import { feToPlaces, placesToFe, roundFeUp } from '../../src/engine/forms-of-entry';
import { buildHierarchy, rollUp, sumBy } from '../../src/engine/grouping';
import { housingYield } from '../../src/engine/housing-yield';
import { surplus, surplusBy, surplusStatus } from '../../src/engine/surplus';

/** |a - b| within a relative tolerance, plus a tiny absolute one for values near 0. */
function close(a: number, b: number, rel = 1e-9, abs = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

const pupils = fc.integer({ min: 0, max: 5000 });
// Fractional pupils (forecasts are unrounded) from 0.001 up: subnormal counts such as 5e-324 are not
// realistic and only make ratios overflow (the engine then throws NUM, tested separately).
const fractionalPupils = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 5000, noNaN: true }));
const someCount = fc.oneof(pupils, fractionalPupils);
const target = fc.double({ min: 0, max: 0.5, noNaN: true });
const yearGroups = fc.integer({ min: 1, max: 20 });
const classSize = fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.5, max: 100, noNaN: true }));

/** Paired capacity and roll lists of the same length (1..30 rows). */
const pairs = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(fc.array(someCount, { minLength: n, maxLength: n }), fc.array(someCount, { minLength: n, maxLength: n })),
);
/** Pairs with a group label per row, drawn from a few labels so groups repeat in any order. */
const grouped = pairs.chain(([a, b]) =>
  fc.tuple(fc.array(fc.constantFrom('Dover', 'Thanet', 'Ashford', 'Swale', 'Dartford'), { minLength: a.length, maxLength: a.length }), fc.constant(a), fc.constant(b)),
);

describe('forms of entry properties', () => {
  it('round-trips FE -> places -> FE', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), yearGroups, classSize, (fe, g, c) => {
        return close(placesToFe(feToPlaces(fe, g, c), g, c), fe, 1e-12, 1e-300);
      }),
    );
  });

  it('roundFeUp gives the smallest multiple of step not below fe (up to float noise)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0.1, 0.25, 0.5, 1, 0.3, 2), (fe, step) => {
        const r = roundFeUp(fe, step);
        const multiples = r / step;
        return (
          Math.abs(multiples - Math.round(multiples)) < 1e-6 && // a multiple of step
          r >= fe - 1e-9 * Math.max(1, fe) && // not below fe
          r - step < fe // the smallest such multiple
        );
      }),
    );
  });
});

describe('surplus properties', () => {
  it('equal capacity and roll give 0 surplus under both methods', () => {
    fc.assert(
      fc.property(fc.array(someCount, { minLength: 1, maxLength: 30 }), (cap) => {
        fc.pre(cap.some((c) => c > 0));
        const net = surplus(cap, cap);
        const unfilled = surplus(cap, cap, 'unfilled');
        return net.places === 0 && net.fraction === 0 && unfilled.places === 0 && unfilled.fraction === 0;
      }),
    );
  });

  it('net fraction <= 1, unfilled fraction in [0, 1], unfilled >= net', () => {
    fc.assert(
      fc.property(pairs, ([cap, roll]) => {
        fc.pre(cap.reduce((s, c) => s + c, 0) > 0);
        const net = surplus(cap, roll);
        const unfilled = surplus(cap, roll, 'unfilled');
        return (
          net.fraction <= 1 &&
          unfilled.fraction >= 0 &&
          unfilled.fraction <= 1 + 1e-12 &&
          unfilled.places >= net.places - 1e-9 * net.capacity &&
          unfilled.fraction >= net.fraction - 1e-12
        );
      }),
    );
  });

  it('surplusBy: the total equals the surplus of all rows, groups add up to it, and each group is its own rows', () => {
    fc.assert(
      fc.property(grouped, fc.constantFrom('net' as const, 'unfilled' as const), ([groups, cap, roll], method) => {
        const byGroup = sumBy(groups, cap);
        fc.pre([...byGroup.values()].every((c) => c > 0));
        const r = surplusBy(groups, cap, roll, { method });
        const all = surplus(cap, roll, method);
        expect(r.total).toMatchObject({ group: 'Total', capacity: all.capacity, roll: all.roll });
        expect(close(r.total.places, all.places, 1e-12, 1e-9)).toBe(true);
        expect(close(r.total.fraction, all.fraction, 1e-12, 1e-12)).toBe(true);
        const placesSum = r.rows.reduce((s, row) => s + row.places, 0);
        expect(close(placesSum, all.places, 1e-9, 1e-7)).toBe(true);
        expect(r.groupCount).toBe(new Set(groups).size);
        for (const row of r.rows) {
          const idx = groups.map((g, i) => (g === row.group ? i : -1)).filter((i) => i >= 0);
          const own = surplus(idx.map((i) => cap[i]), idx.map((i) => roll[i]), method);
          expect(close(row.fraction, own.fraction, 1e-9, 1e-12)).toBe(true);
          expect(row.status).toBe(surplusStatus(row.fraction));
        }
        expect(r.atOrAboveTarget).toBe(r.rows.filter((row) => row.fraction >= 0.05).length);
      }),
    );
  });

  it('status is ordered: a larger surplus never has a lower status', () => {
    const rank = { Deficit: 0, 'Below target': 1, 'Within target': 2, 'Above target': 3 };
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return rank[surplusStatus(lo)] <= rank[surplusStatus(hi)];
      }),
    );
  });
});

describe('commissioning properties', () => {
  it('placesNeeded makes the target hold exactly, or the surplus already meets it', () => {
    fc.assert(
      fc.property(someCount, someCount, target, (forecast, capacity, t) => {
        const p = placesNeeded(forecast, capacity, t);
        if (p > 0) return close((capacity + p - forecast) / (capacity + p), t, 1e-9, 1e-12);
        fc.pre(capacity > 0);
        return (capacity - forecast) / capacity >= t - 1e-12;
      }),
    );
  });

  it('feNeeded is placesNeeded in FE, and the rounded FE covers the need', () => {
    fc.assert(
      fc.property(someCount, someCount, target, yearGroups, fc.constantFrom(0.5, 1, 0.1), (f, c, t, g, step) => {
        const fe = feNeeded(f, c, { target: t, yearGroups: g });
        const rounded = feNeeded(f, c, { target: t, yearGroups: g, step });
        return close(fe, placesNeeded(f, c, t) / (30 * g), 1e-12, 1e-12) && rounded >= fe - 1e-9 * Math.max(1, fe) && rounded < fe + step;
      }),
    );
  });

  it('commissionPlan: permanent places only rise, temporary places top them up to the need exactly', () => {
    fc.assert(
      fc.property(
        fc.array(pupils, { minLength: 1, maxLength: 12 }),
        pupils,
        target,
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.constantFrom(0.5, 1), { nil: undefined }),
        (forecast, capacity, t, persistYears, step) => {
          const plan = commissionPlan(forecast, capacity, { target: t, persistYears, step });
          let previous = 0;
          let commissionedFe = 0;
          for (const y of plan) {
            expect(y.permanentPlaces).toBeGreaterThanOrEqual(previous);
            expect(y.temporaryPlaces).toBeGreaterThanOrEqual(0);
            expect(y.placesNeeded).toBe(placesNeeded(y.forecast, y.capacity, t));
            expect(close(y.permanentPlaces + y.temporaryPlaces, Math.max(y.placesNeeded, y.permanentPlaces), 1e-12, 1e-9)).toBe(true);
            commissionedFe += y.permanentFe;
            previous = y.permanentPlaces;
          }
          expect(close(commissionedFe * 30, previous, 1e-9, 1e-9)).toBe(true);
          // a need lasting the whole plan, when the plan is long enough, is met without temporary places
          if (forecast.length >= persistYears && plan.every((y) => y.placesNeeded === plan[0].placesNeeded)) {
            expect(plan.every((y) => y.temporaryPlaces === 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('accuracy properties', () => {
  it('equal forecast and actual give 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), (a) => accuracy(a, a) === 0 && absoluteError(a, a) === 0),
    );
  });

  it('accuracy is (F - A) / A, so F = A x (1 + accuracy)', () => {
    fc.assert(
      fc.property(pupils, fc.integer({ min: 1, max: 5000 }), (f, a) => {
        const acc = accuracy(f, a);
        return close(a * (1 + acc), f, 1e-12, 1e-9) && Math.sign(acc) === Math.sign(f - a) && isWithinTolerance(acc, Math.abs(acc));
      }),
    );
  });

  it('accuracyBy: the total equals the accuracy of the sums; MAPE and the count outside agree with the rows', () => {
    fc.assert(
      fc.property(grouped, fc.double({ min: 0, max: 0.2, noNaN: true }), ([groups, forecast, actual], tolerance) => {
        fc.pre([...sumBy(groups, actual).values()].every((a) => a > 0));
        const r = accuracyBy(groups, forecast, actual, tolerance);
        expect(close(r.total.accuracy, accuracyOfSums(forecast, actual), 1e-12, 1e-15)).toBe(true);
        expect(close(r.rows.reduce((s, row) => s + row.forecast, 0), r.total.forecast, 1e-12, 1e-9)).toBe(true);
        expect(close(r.rows.reduce((s, row) => s + row.actual, 0), r.total.actual, 1e-12, 1e-9)).toBe(true);
        expect(close(r.mape, meanAbsolutePercentageError(r.rows.map((x) => x.forecast), r.rows.map((x) => x.actual)), 1e-12, 1e-15)).toBe(true);
        expect(r.outsideTolerance).toBe(r.rows.filter((x) => !isWithinTolerance(x.accuracy, tolerance)).length);
        for (const row of r.rows) expect(row.difference).toBeCloseTo(row.forecast - row.actual, 9);
      }),
    );
  });
});

describe('grouping properties', () => {
  /** A random tree: node i (1..n-1) has a parent among the nodes before it; node 0 is the root. */
  const tree = fc.integer({ min: 2, max: 40 }).chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );

  it('rollUp: the root total is the sum of the leaves, and every node is its own value plus its children', () => {
    fc.assert(
      fc.property(tree, ([parents, values]) => {
        const name = (i: number): string => `node ${i}`;
        const pairs = parents.map((p, i) => [name(i + 1), name(p)] as [string, string]);
        const h = buildHierarchy(pairs);
        const isParent = new Set(parents);
        const leaves = values.map((_, i) => i).filter((i) => !isParent.has(i));
        const leafValues = leaves.map((i) => [name(i), values[i]] as [string, number]);
        const totals = rollUp(h, leafValues);
        const leafSum = leaves.reduce((s, i) => s + values[i], 0);
        expect(close(totals.get(name(0)) as number, leafSum, 1e-9, 1e-9)).toBe(true);
        // with values on every node: total = own value + children's totals
        const all = rollUp(h, values.map((v, i) => [name(i), v] as [string, number]));
        values.forEach((v, i) => {
          const children = parents.map((p, c) => (p === i ? c + 1 : -1)).filter((c) => c >= 0);
          const expected = v + children.reduce((s, c) => s + (all.get(name(c)) as number), 0);
          expect(close(all.get(name(i)) as number, expected, 1e-9, 1e-9)).toBe(true);
        });
      }),
    );
  });

  it('buildHierarchy rejects any cycle closed on a chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), (n, pick) => {
        const chain = Array.from({ length: n - 1 }, (_, i) => [`n${i}`, `n${i + 1}`] as [string, string]);
        const closing: [string, string] = [`n${n - 1}`, `n${pick % (n - 1)}`];
        try {
          buildHierarchy([...chain, closing]);
          return false;
        } catch (e) {
          return e instanceof PlanningError && e.code === 'VALUE' && /cycle/.test(e.message);
        }
      }),
    );
  });
});

describe('housing yield properties', () => {
  it('the total equals sum(dwellings) x yield when the phasing fits in the horizon', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        yearGroups,
        (built, weights, perDwelling, g) => {
          const weightSum = weights.reduce((s, w) => s + w, 0);
          const phasing = weights.map((w) => w / weightSum);
          // no completions in the last (phasing length - 1) years, so every pupil arrives in time
          const dwellings = [...built, ...new Array<number>(phasing.length - 1).fill(0)];
          const out = housingYield(dwellings, { yieldPerDwelling: perDwelling, yearGroups: g, phasing });
          expect(out).toHaveLength(dwellings.length);
          const total = out.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
          const expected = built.reduce((s, d) => s + d, 0) * perDwelling;
          expect(close(total, expected, 1e-9, 1e-9)).toBe(true);
          for (const row of out) expect(new Set(row).size).toBeLessThanOrEqual(1); // spread evenly
        },
      ),
    );
  });
});

describe('never NaN or Infinity', () => {
  /** Any cell-like value: numbers of every kind, text, booleans, null. */
  const anyValue = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, 5e-324),
    fc.string({ maxLength: 5 }),
    fc.boolean(),
    fc.constant(null),
  );
  const anyList = fc.array(anyValue, { maxLength: 6 });

  /** Runs fn: it must return only finite numbers (deeply) or throw a PlanningError. */
  function finiteOrPlanningError(fn: () => unknown): boolean {
    let out: unknown;
    try {
      out = fn();
    } catch (e) {
      return e instanceof PlanningError && e.message.length > 0;
    }
    const check = (v: unknown): boolean => {
      if (typeof v === 'number') return Number.isFinite(v);
      if (Array.isArray(v)) return v.every(check);
      if (v instanceof Map) return [...v.values()].every(check);
      if (v && typeof v === 'object') return Object.values(v).every(check);
      return true;
    };
    return check(out);
  }

  it('holds for every function of these modules on arbitrary input', () => {
    const w = <T,>(v: unknown): T => v as T; // arbitrary cell values reach the engine untyped
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyList, anyList, anyList, (a, b, c, l1, l2, l3) => {
        const labels = l3.map((x) => String(x).slice(0, 1));
        const calls: (() => unknown)[] = [
          () => placesToFe(w(a), w(b), w(c)),
          () => feToPlaces(w(a), w(b), w(c)),
          () => roundFeUp(w(a), w(b)),
          () => surplus(w(l1), w(l2)),
          () => surplus(w(l1), w(l2), 'unfilled'),
          () => surplusStatus(w(a), w(b), w(c)),
          () => surplusBy(labels, w(l1), w(l2), { min: w(a) }),
          () => placesNeeded(w(a), w(b), w(c)),
          () => feNeeded(w(a), w(b), { step: w(c) }),
          () => commissionPlan(w(l1), w(a), { target: w(b), step: w(c) }),
          () => commissionPlan(w(l1), w(l2)),
          () => accuracy(w(a), w(b)),
          () => accuracyOfSums(w(l1), w(l2)),
          () => absoluteError(w(a), w(b)),
          () => meanAbsolutePercentageError(w(l1), w(l2)),
          () => isWithinTolerance(w(a), w(b)),
          () => accuracyBy(labels, w(l1), w(l2), w(a)),
          () => sumBy(labels, w(l1)),
          () => housingYield(w(l1), { yieldPerDwelling: w(a), yearGroups: w(b), phasing: w(l2) }),
          () => rollUp(buildHierarchy([['a', 'b']]), labels.map((x, i) => [x, l1[i]] as [string, number])),
        ];
        return calls.every(finiteOrPlanningError);
      }),
    );
  });
});
