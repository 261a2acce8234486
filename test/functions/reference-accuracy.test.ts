/**
 * Real data: the DfE's published forecast accuracy for every English local authority (and England),
 * 2022/23 to 2024/25, primary and secondary, 1 and 3 years ahead (../shared/reference).
 * KENT.ACCURACY reproduces every published figure; KENT.ACCURACYBY grouped by LA reproduces each LA's
 * row, and grouped by region gives the accuracy of the regional sums.
 */
import { accuracy, accuracyBy } from '../../src/functions/functions';
import { installCustomFunctionsStub } from '../support/custom-functions-stub';
import { loadReferenceCsv } from '../support/reference';

const rows = loadReferenceCsv('dfe_la_forecast_accuracy_2023_2025.csv').map((r) => ({
  year: r.scorecard_year,
  level: r.geographic_level,
  region: r.region,
  code: r.la_code,
  name: r.la_name,
  phase: r.phase,
  horizon: r.horizon_years,
  actual: Number(r.actual_nor),
  forecast: Number(r.forecast_nor),
  published: Number(r.accuracy_fraction_published),
  halfUnit: halfUnit(r.accuracy_fraction_published),
}));

/**
 * Half a unit in the last place of a published figure: the DfE gives accuracy to 9 decimal places
 * (trailing zeros dropped), or in scientific notation with a few significant digits for tiny values
 * ("9.98E-05"). A figure is reproduced when the computed value rounds to it.
 */
function halfUnit(text: string): number {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`unexpected accuracy format: ${text}`);
  if (m[3] === undefined) return 0.5e-9 + 1e-15; // 9 decimal places, trailing zeros dropped
  return 0.5 * 10 ** (Number(m[3]) - (m[2] ?? '').length) + 1e-15;
}

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('reference data: DfE LA forecast accuracy 2023-2025', () => {
  it('has the rows the reference README describes', () => {
    expect(rows).toHaveLength(1808);
    for (const r of rows) {
      expect(Number.isFinite(r.actual) && Number.isFinite(r.forecast) && Number.isFinite(r.published)).toBe(true);
      expect(r.halfUnit).toBeLessThanOrEqual(0.5e-6);
    }
  });

  it('KENT.ACCURACY reproduces every published accuracy', () => {
    const misses = rows.filter((r) => {
      const value = accuracy([[r.forecast]], [[r.actual]]);
      return typeof value !== 'number' || Math.abs(value - r.published) > r.halfUnit;
    });
    expect(misses).toEqual([]);
  });

  const las = rows.filter((r) => r.level === 'Local authority');
  const slices = new Map<string, typeof las>();
  for (const r of las) {
    const key = `${r.year} ${r.phase} ${r.horizon}`;
    slices.set(key, [...(slices.get(key) ?? []), r]);
  }

  it('covers 3 years x 2 phases x 2 horizons of LAs', () => {
    expect(slices.size).toBe(12);
  });

  it.each([...slices.keys()])('KENT.ACCURACYBY by LA reproduces each LA row (%s)', (key) => {
    const slice = slices.get(key) as typeof las;
    const table = accuracyBy(
      slice.map((r) => [r.code]),
      slice.map((r) => [r.forecast]),
      slice.map((r) => [r.actual]),
    );
    // one row per LA, then Total, then the summary
    expect(table).toHaveLength(slice.length + 2);
    slice.forEach((r, i) => {
      const [group, f, a, diff, acc, within] = table[i] as [string, number, number, number, number, boolean];
      expect(group).toBe(r.code);
      expect(f).toBe(r.forecast);
      expect(a).toBe(r.actual);
      expect(diff).toBe(r.forecast - r.actual);
      expect(Math.abs(acc - r.published)).toBeLessThanOrEqual(r.halfUnit);
      expect(within).toBe(Math.abs(r.published) <= 0.01 + 1e-12);
    });
    const mape = slice.reduce((s, r) => s + Math.abs((r.forecast - r.actual) / r.actual), 0) / slice.length;
    const outside = slice.filter((r) => Math.abs((r.forecast - r.actual) / r.actual) > 0.01 + 1e-12).length;
    const summary = table[slice.length + 1];
    expect(summary[0]).toBe('MAPE, outside tolerance');
    expect(summary[1] as number).toBeCloseTo(mape, 12);
    expect(summary[2]).toBe(outside);
  });

  it.each([...slices.keys()])('KENT.ACCURACYBY by region gives the accuracy of the regional sums (%s)', (key) => {
    const slice = slices.get(key) as typeof las;
    const sums = new Map<string, { f: number; a: number }>();
    for (const r of slice) {
      const s = sums.get(r.region) ?? { f: 0, a: 0 };
      s.f += r.forecast;
      s.a += r.actual;
      sums.set(r.region, s);
    }
    const table = accuracyBy(
      slice.map((r) => [r.region]),
      slice.map((r) => [r.forecast]),
      slice.map((r) => [r.actual]),
      0.01,
    );
    expect(table).toHaveLength(sums.size + 2);
    expect(sums.size).toBeGreaterThanOrEqual(9);
    [...sums].forEach(([region, s], i) => {
      expect(table[i].slice(0, 4)).toEqual([region, s.f, s.a, s.f - s.a]);
      expect(table[i][4] as number).toBeCloseTo((s.f - s.a) / s.a, 14);
    });
    const totalF = slice.reduce((t, r) => t + r.forecast, 0);
    const totalA = slice.reduce((t, r) => t + r.actual, 0);
    expect(table[sums.size].slice(0, 3)).toEqual(['Total', totalF, totalA]);
    expect(table[sums.size][4] as number).toBeCloseTo((totalF - totalA) / totalA, 14);
    // the England sum of the LAs is also KENT.ACCURACY over the whole column
    expect(accuracy(slice.map((r) => [r.forecast]), slice.map((r) => [r.actual])) as number).toBeCloseTo((totalF - totalA) / totalA, 14);
  });

  it('handles all 1,808 rows at once in well under a second', () => {
    const start = Date.now();
    const table = accuracyBy(
      rows.map((r) => [`${r.year} ${r.phase} ${r.horizon} ${r.region}`]),
      rows.map((r) => [r.forecast]),
      rows.map((r) => [r.actual]),
    );
    expect(Date.now() - start).toBeLessThan(1000);
    expect(table.length).toBeGreaterThan(100);
  });
});
