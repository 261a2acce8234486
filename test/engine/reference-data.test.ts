/**
 * The engine against published figures in ../shared/reference (read at test time, never copied).
 */
import { accuracy, accuracyBy, accuracyOfSums } from '../../src/engine/accuracy';
import { surplus, surplusFraction } from '../../src/engine/surplus';
import { loadReferenceCsv } from '../support/reference';

const LA_FILE = 'dfe_la_forecast_accuracy_2023_2025.csv';
const KENT_ACCURACY_FILE = 'dfe_scorecard_kent_forecast_accuracy.csv';
const SPARE_FILE = 'dfe_scorecard_kent_spare_places.csv';

/** Whole number from a CSV cell (the counts are whole pupils). */
function count(cell: string): number {
  if (!/^\d+$/.test(cell)) throw new Error(`not a whole number: "${cell}"`);
  return Number(cell);
}

/**
 * Does a computed fraction reproduce a published one at the precision it was published at?
 * DfE publishes (F - A) / A rounded to 9 decimal places (trailing zeros dropped, so 0.0625 and
 * 0.01909105 are 9-dp values too); a few tiny values were exported in Excel's scientific display
 * with 3 significant digits (-4.97E-05). Both forms are compared by rounding our unrounded value
 * the same way and comparing the numbers.
 */
function reproducesPublished(computed: number, published: string): boolean {
  if (/e/i.test(published)) {
    const digits = published.replace(/^-/, '').split(/e/i)[0].replace('.', '').length;
    return Number(computed.toPrecision(digits)) === Number(published);
  }
  return Number(computed.toFixed(9)) === Number(published);
}

/**
 * (F - A) / A computed exactly with integers, then converted once to a double: an independent
 * reference for checking our floating-point result to 9 significant digits.
 */
function exactAccuracy(forecast: number, actual: number): number {
  const scale = 10n ** 30n;
  const q = ((BigInt(forecast) - BigInt(actual)) * scale) / BigInt(actual);
  return Number(q) / 1e30;
}

/** Relative agreement to 9 significant digits; an exact zero must be reproduced exactly. */
function agreesTo9Significant(computed: number, reference: number): boolean {
  if (reference === 0) return computed === 0;
  return Math.abs(computed - reference) <= 5e-10 * Math.abs(reference);
}

describe('DfE LA forecast accuracy 2023-2025 (every LA and England, 1 and 3 years ahead)', () => {
  const rows = loadReferenceCsv(LA_FILE);

  it('has the 1808 rows the reference README lists, each with both counts and the published accuracy', () => {
    expect(rows).toHaveLength(1808);
    for (const r of rows) {
      expect(r.actual_nor).toMatch(/^\d+$/);
      expect(r.forecast_nor).toMatch(/^\d+$/);
      expect(r.accuracy_fraction_published).toMatch(/^-?\d/);
    }
  });

  it('accuracy(forecast, actual) reproduces accuracy_fraction_published for every row', () => {
    const mismatches = rows
      .map((r) => ({ r, acc: accuracy(count(r.forecast_nor), count(r.actual_nor)) }))
      .filter(({ r, acc }) => !reproducesPublished(acc, r.accuracy_fraction_published))
      .map(({ r, acc }) => `${r.scorecard_year} ${r.la_name} ${r.phase} ${r.horizon_years}y: ${acc} vs ${r.accuracy_fraction_published}`);
    expect(mismatches).toEqual([]);
  });

  it('is within half a unit of the published last digit (9 decimal places) for every row', () => {
    // The same check as a tolerance, so a reader sees the size of the agreement.
    let worst = 0;
    for (const r of rows) {
      const pub = r.accuracy_fraction_published;
      const acc = accuracy(count(r.forecast_nor), count(r.actual_nor));
      const halfUnit = /e/i.test(pub) ? 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(Number(pub)))) - 2) : 0.5e-9;
      worst = Math.max(worst, Math.abs(acc - Number(pub)) / halfUnit);
    }
    expect(worst).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('is correct to 9 significant digits against exact integer arithmetic for every row', () => {
    // The published figures carry only 9 decimal places (6-8 significant digits for fractions of a
    // few per cent), so 9 significant digits are checked against an exact computation of the
    // same published counts instead, including the rows where the accuracy is tiny (|acc| < 1e-4).
    const bad = rows.filter((r) => {
      const f = count(r.forecast_nor);
      const a = count(r.actual_nor);
      return !agreesTo9Significant(accuracy(f, a), exactAccuracy(f, a));
    });
    expect(bad).toEqual([]);
    const tiny = rows.filter((r) => Math.abs(Number(r.accuracy_fraction_published)) < 1e-4);
    expect(tiny.length).toBeGreaterThanOrEqual(3);
  });

  it('accuracyBy grouped by LA reproduces each LA\'s published row (one year, phase and horizon at a time)', () => {
    const slice = rows.filter((r) => r.scorecard_year === '2024/25' && r.phase === 'Primary' && r.horizon_years === '1');
    expect(slice.length).toBeGreaterThan(100);
    const result = accuracyBy(
      slice.map((r) => r.la_name),
      slice.map((r) => count(r.forecast_nor)),
      slice.map((r) => count(r.actual_nor)),
    );
    expect(result.rows).toHaveLength(slice.length);
    result.rows.forEach((row, i) => {
      expect(row.group).toBe(slice[i].la_name);
      expect(reproducesPublished(row.accuracy, slice[i].accuracy_fraction_published)).toBe(true);
    });
  });

  it('accuracyBy grouped by region totals the regional sums (repeated, unordered labels at real scale)', () => {
    const slice = rows.filter(
      (r) => r.scorecard_year === '2023/24' && r.phase === 'Secondary' && r.horizon_years === '3' && r.geographic_level === 'Local authority',
    );
    const f = slice.map((r) => count(r.forecast_nor));
    const a = slice.map((r) => count(r.actual_nor));
    const result = accuracyBy(slice.map((r) => r.region), f, a);
    expect(result.rows.length).toBe(new Set(slice.map((r) => r.region)).size);
    const southEast = slice.filter((r) => r.region === 'South East');
    const seRow = result.rows.find((row) => row.group === 'South East');
    expect(seRow?.forecast).toBe(southEast.reduce((s, r) => s + count(r.forecast_nor), 0));
    expect(seRow?.actual).toBe(southEast.reduce((s, r) => s + count(r.actual_nor), 0));
    expect(result.total.accuracy).toBe(accuracyOfSums(f, a));
  });
});

describe('DfE scorecards: Kent and England forecast accuracy 2019-2025', () => {
  const rows = loadReferenceCsv(KENT_ACCURACY_FILE);
  const withCounts = rows.filter((r) => r.actual_nor !== '' && r.forecast_nor !== '');

  it('reproduces the published accuracy wherever both counts are given', () => {
    // Rows without both counts (e.g. Kent 2019-2023) publish only the percentage: nothing to recompute.
    expect(withCounts).toHaveLength(18);
    const mismatches = withCounts
      .map((r) => ({ r, acc: accuracy(count(r.forecast_nor), count(r.actual_nor)) }))
      .filter(
        ({ r, acc }) =>
          !reproducesPublished(acc, r.accuracy_fraction_published) || (r.recomputed_fraction !== '' && !reproducesPublished(acc, r.recomputed_fraction)),
      )
      .map(({ r, acc }) => `${r.scorecard_release} ${r.area} ${r.phase} ${r.horizon_years}y: ${acc} vs ${r.accuracy_fraction_published}`);
    expect(mismatches).toEqual([]);
  });

  it('gives the domain figure: Kent primary, January 2025, 127,516 forecast vs 127,188 actual = +0.26%', () => {
    const kent = withCounts.find(
      (r) => r.area === 'Kent' && r.phase === 'Primary' && r.horizon_years === '1' && r.census_compared === 'January 2025',
    );
    expect(kent).toBeDefined();
    expect(count(kent!.forecast_nor)).toBe(127516);
    expect(count(kent!.actual_nor)).toBe(127188);
    const acc = accuracy(127516, 127188);
    expect((acc * 100).toFixed(2)).toBe('0.26');
    expect(reproducesPublished(acc, kent!.accuracy_fraction_published)).toBe(true);
  });
});

describe('DfE scorecards: Kent and England spare places', () => {
  const rows = loadReferenceCsv(SPARE_FILE);

  it('reproduces the spare fraction 3 years ahead wherever capacity and spare places are both given', () => {
    // spare_fraction_published = estimated spare places / future capacity. As a net surplus: the
    // forecast roll is capacity - spare, and surplus(capacity, roll) gives the same fraction.
    // Rows without both figures (2019 prints "9.8%" as text; 2021-2023, 2025 give only the
    // fraction) cannot be recomputed.
    const both = rows.filter((r) => r.future_capacity_3yr_ahead !== '' && r.estimated_spare_places_3yr_ahead !== '');
    expect(both).toHaveLength(4);
    for (const r of both) {
      const capacity = Number(r.future_capacity_3yr_ahead);
      const spare = Number(r.estimated_spare_places_3yr_ahead);
      const s = surplus([capacity], [capacity - spare]);
      expect(Number(s.fraction.toFixed(9))).toBe(Number(r.spare_fraction_published));
      expect(Number((spare / capacity).toFixed(9))).toBe(Number(r.recomputed_spare_over_capacity));
      expect(s.places).toBeCloseTo(spare, 6);
    }
  });

  it('reproduces the simple netted percentage, which is not the DfE unfilled measure', () => {
    // DfE "unfilled places" are counted school by school (only schools below capacity), so they
    // cannot be reproduced from the LA totals in this file: that needs per-school capacity and roll
    // (surplus(..., 'unfilled') on school rows). What can be checked from totals is the netted
    // (capacity - NOR) / capacity figure the file documents as simple_capacity_minus_nor_pct.
    const current = rows.filter((r) => r.current_capacity !== '' && r.current_nor !== '');
    expect(current).toHaveLength(8);
    for (const r of current) {
      const net = surplusFraction([Number(r.current_capacity)], [Number(r.current_nor)]);
      expect((net * 100).toFixed(4)).toBe(Number(r.simple_capacity_minus_nor_pct).toFixed(4));
      expect(Math.abs(net * 100 - Number(r.unfilled_pct_published))).toBeGreaterThan(0.1);
    }
    // For primary (capacity and NOR cover the same year groups), the published per-school unfilled
    // percentage is at least the netted one, as the unfilled >= net invariant requires. Secondary
    // capacity includes sixth-form places while NOR is Years 7-11, so no such comparison holds there.
    for (const r of current.filter((x) => x.phase === 'Primary')) {
      const net = surplusFraction([Number(r.current_capacity)], [Number(r.current_nor)]);
      expect(Number(r.unfilled_pct_published)).toBeGreaterThanOrEqual(net * 100);
    }
  });
});
