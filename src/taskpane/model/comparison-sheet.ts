/**
 * Two scenarios side by side: forecast totals (all year groups) by planning area and year, the
 * difference B - A and the % difference, county totals by year, and both parameter sets.
 */
import type { SheetWrite } from '../../excel/gateway';
import { areaYears, COUNTY_LABEL, methodLabel, orderYears, resultYearGroups, yearGroupSpan, type ScenarioResult } from './core';
import type { SheetContext } from './forecast-sheet';
import { FORMAT, percentText, ROUNDING_NOTE, SheetBuilder, slug, type LiveCell } from './sheet-kit';

/** One planning area and year of a comparison. null where the scenario has no figure. */
export interface ComparisonRow {
  district: string;
  area: string;
  year: string;
  a: number | null;
  b: number | null;
  /** b - a, null unless both exist. */
  difference: number | null;
  /** (b - a) / a, null unless both exist and a > 0. */
  percent: number | null;
}

function diff(a: number | null, b: number | null): { difference: number | null; percent: number | null } {
  if (a === null || b === null) return { difference: null, percent: null };
  return { difference: b - a, percent: a > 0 ? (b - a) / a : null };
}

/**
 * The rows of a comparison: every (district, planning area, year) of either scenario, A's order first,
 * then anything only B has; and county totals per year (sums of the areas each scenario has).
 */
export function compareResults(a: ScenarioResult, b: ScenarioResult): { rows: ComparisonRow[]; county: ComparisonRow[] } {
  const key = (d: string, ar: string, y: string) => JSON.stringify([d, ar, y]);
  const order: string[] = [];
  const map = new Map<string, ComparisonRow>();
  const add = (which: 'a' | 'b', result: ScenarioResult) => {
    for (const r of areaYears(result)) {
      const k = key(r.district, r.area, r.year);
      let row = map.get(k);
      if (!row) {
        row = { district: r.district, area: r.area, year: r.year, a: null, b: null, difference: null, percent: null };
        map.set(k, row);
        order.push(k);
      }
      row[which] = r.total;
    }
  };
  add('a', a);
  add('b', b);
  const rows = order.map((k) => {
    const r = map.get(k) as ComparisonRow;
    return { ...r, ...diff(r.a, r.b) };
  });
  const years = orderYears(rows.map((r) => r.year));
  const county = years.map((year) => {
    const inYear = rows.filter((r) => r.year === year);
    const total = (which: 'a' | 'b') => {
      const v = inYear.filter((r) => r[which] !== null);
      return v.length === 0 ? null : v.reduce((s, r) => s + (r[which] as number), 0);
    };
    const ta = total('a');
    const tb = total('b');
    return { district: COUNTY_LABEL, area: '', year, a: ta, b: tb, ...diff(ta, tb) };
  });
  return { rows, county };
}

/**
 * The comparison sheet ("Compare - A vs B").
 *
 * @example
 * await gateway.writeSheets([comparisonSheet(runA, runB, ctx)]);
 */
export function comparisonSheet(a: ScenarioResult, b: ScenarioResult, ctx: SheetContext): SheetWrite {
  const sb = new SheetBuilder(`Compare - ${a.scenario.name} vs ${b.scenario.name}`);
  const { rows, county } = compareResults(a, b);
  const spanA = yearGroupSpan(resultYearGroups(a));
  const spanB = yearGroupSpan(resultYearGroups(b));
  sb.heading(`Comparison: B "${b.scenario.name}" against A "${a.scenario.name}"`, 1);

  const pa = a.scenario.parameters;
  const pb = b.scenario.parameters;
  const param = (label: string, va: LiveCell, vb: LiveCell): LiveCell[] => [label, va, vb];
  sb.block(
    [
      ['Parameter', 'Scenario A', 'Scenario B'],
      param('Scenario', a.scenario.name, b.scenario.name),
      param('Input', a.scenario.inputLabel, b.scenario.inputLabel),
      param('Year groups', spanA, spanB),
      param('Averaging of ratios', methodLabel(pa.method, pa.alpha), methodLabel(pb.method, pb.alpha)),
      param('Ratio window (years)', pa.ratioYears, pb.ratioYears),
      param('Horizon (years)', pa.horizon, pb.horizon),
      param('Housing yield (pupils per dwelling)', pa.yieldPerDwelling, pb.yieldPerDwelling),
      param('Target surplus band', `${percentText(pa.target)} to ${percentText(pa.targetMax)}`, `${percentText(pb.target)} to ${percentText(pb.targetMax)}`),
      param('Permanent places when a shortfall lasts (years)', pa.persistYears, pb.persistYears),
      param('Assumptions', pa.assumptions || '(none given)', pb.assumptions || '(none given)'),
      param('Planning areas forecast', a.areas.length, b.areas.length),
      ['Output', 'Values (a snapshot at the run date)', null],
      ['Run date', ctx.date, null],
      ['Add-in version', ctx.version, null],
      [ROUNDING_NOTE, null, null],
    ],
    { boldFirstRow: true },
  );
  const notes: string[] = [];
  if (spanA !== spanB) notes.push(`The scenarios cover different year groups (A: ${spanA}, B: ${spanB}); totals are over each scenario's own year groups.`);
  const onlyA = rows.filter((r) => r.b === null).length;
  const onlyB = rows.filter((r) => r.a === null).length;
  if (onlyA > 0) notes.push(`${onlyA} planning area-year(s) appear only in scenario A; their difference is left blank.`);
  if (onlyB > 0) notes.push(`${onlyB} planning area-year(s) appear only in scenario B; their difference is left blank.`);
  if (ctx.mode === 'live') notes.push('The comparison is written as values: it compares two runs, not the live input.');
  sb.block([['Notes'], ...(notes.length ? notes.map((n) => [n]) : [['None.']])], { boldFirstRow: true });

  const formats = [null, null, null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction];
  sb.heading(`Forecast pupils by planning area and year (total over year groups); difference = B - A`);
  const suffix = slug(`${a.scenario.name}_${b.scenario.name}`, 40);
  sb.table(
    `Compare_${suffix}`,
    ['District', 'Planning area', 'Year', 'Scenario A', 'Scenario B', 'Difference (B - A)', '% difference'],
    rows.map((r) => [r.district, r.area, r.year, r.a, r.b, r.difference, r.percent]),
    formats,
  );
  sb.heading(`${COUNTY_LABEL} total by year`);
  sb.table(
    `CompareCounty_${suffix}`,
    ['Year', 'Scenario A', 'Scenario B', 'Difference (B - A)', '% difference'],
    county.map((r) => [r.year, r.a, r.b, r.difference, r.percent]),
    [null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction],
  );
  return sb.build(true);
}
