/**
 * Surplus and commissioning from a scenario's forecast and the areas' capacities (PAN): surplus by
 * planning area and district (entry year and all year groups), places and FE needed to hold the
 * target, the permanent FE / temporary places split by year, and a finance reconciliation block in
 * which every total is checked against its parts (a mismatch is flagged, not hidden).
 */
import type { SheetWrite } from '../../excel/gateway';
import {
  CLASS_SIZE,
  commissionPlan,
  feNeeded,
  placesNeeded,
  surplusBy,
  type CommissionYear,
  type SurplusByRow,
  type SurplusStatus,
} from '../../engine';
import {
  areaName,
  COUNTY_LABEL,
  districtLabel,
  forecastYearLabels,
  orderYears,
  resultYearGroups,
  surplusRows,
  yearGroupSpan,
  type ScenarioResult,
  type SurplusRow,
} from './core';
import { parameterRows, type SheetContext } from './forecast-sheet';
import { CHECK_FILLS, columnRange, FORMAT, percentText, SheetBuilder, slug, STATUS_FILLS, type LiveCell } from './sheet-kit';

/** The figures reconciled at every level (area, district, county) for one forecast year. */
export interface ReconcileFigures {
  entryCapacity: number;
  entryForecast: number;
  entryPlaces: number;
  entryFe: number;
  allCapacity: number;
  allForecast: number;
  allPlaces: number;
  allFe: number;
}
export interface ReconcileArea extends ReconcileFigures {
  district: string;
  area: string;
  year: string;
  /** Year groups in the area's table (whole-school FE divides by it). */
  yearGroups: number;
}
export interface ReconcileDistrict extends ReconcileFigures {
  district: string;
  year: string;
}
export interface ReconcileCounty extends ReconcileFigures {
  year: string;
}
export interface ReconcilePlan {
  district: string;
  area: string;
  /** New permanent FE per forecast year. */
  permanentFe: number[];
  /** Cumulative permanent places per forecast year. */
  permanentPlaces: number[];
}
export interface ReconcileInput {
  areas: ReconcileArea[];
  districts: ReconcileDistrict[];
  county: ReconcileCounty[];
  plans?: ReconcilePlan[];
  classSize?: number;
}
export interface ReconciliationCheck {
  check: string;
  /** What the figure should be, worked out from its parts. */
  expected: number;
  /** The figure as written on the sheet. */
  actual: number;
  /** actual - expected. */
  difference: number;
  result: 'OK' | 'MISMATCH';
}

const FIGURES: { key: keyof ReconcileFigures; label: string }[] = [
  { key: 'entryCapacity', label: 'entry-year capacity' },
  { key: 'entryForecast', label: 'entry-year forecast' },
  { key: 'entryPlaces', label: 'entry-year places needed' },
  { key: 'entryFe', label: 'entry-year FE needed' },
  { key: 'allCapacity', label: 'all-year-groups capacity' },
  { key: 'allForecast', label: 'all-year-groups forecast' },
  { key: 'allPlaces', label: 'all-year-groups places needed' },
  { key: 'allFe', label: 'all-year-groups FE needed' },
];

/** Equal within floating-point noise (a millionth of a pupil per thousand). */
export function figuresAgree(expected: number, actual: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected), Math.abs(actual));
}

function check(text: string, expected: number, actual: number): ReconciliationCheck {
  return { check: text, expected, actual, difference: actual - expected, result: figuresAgree(expected, actual) ? 'OK' : 'MISMATCH' };
}

/**
 * Every check a finance officer would make on the commissioning figures: places = FE x class size x
 * year groups (per area and year, per district and year), district totals = sum of their planning
 * areas, county = sum of the districts, and permanent places = permanent FE x class size. Each check is
 * recomputed from the figures given, so an inconsistent total comes out as "MISMATCH".
 *
 * @example
 * reconcile({ areas, districts: [{ ...districtRow, allPlaces: districtRow.allPlaces + 1 }], county })
 *   .filter((c) => c.result === 'MISMATCH') // the district's all-year-groups places check (and the county's)
 */
export function reconcile(input: ReconcileInput): ReconciliationCheck[] {
  const classSize = input.classSize ?? CLASS_SIZE;
  const out: ReconciliationCheck[] = [];
  for (const a of input.areas) {
    const name = `${a.area}${a.district && a.district !== a.area ? ` (${a.district})` : ''}, ${a.year}`;
    out.push(check(`${name}: entry-year places needed = FE x ${classSize}`, a.entryPlaces, a.entryFe * classSize));
    out.push(check(`${name}: all-year-groups places needed = FE x ${classSize} x ${a.yearGroups}`, a.allPlaces, a.allFe * classSize * a.yearGroups));
  }
  // District = sum of its planning areas (every district-year that either side mentions).
  const key = (d: string, y: string) => JSON.stringify([d, y]);
  const keys: string[] = [];
  const parts = new Map<string, ReconcileArea[]>();
  for (const a of input.areas) {
    const k = key(districtLabel(a.district), a.year);
    if (!parts.has(k)) {
      parts.set(k, []);
      keys.push(k);
    }
    (parts.get(k) as ReconcileArea[]).push(a);
  }
  const districtRows = new Map<string, ReconcileDistrict>();
  for (const d of input.districts) {
    const k = key(d.district, d.year);
    districtRows.set(k, d);
    if (!parts.has(k)) {
      parts.set(k, []);
      keys.push(k);
    }
  }
  for (const k of keys) {
    const [district, year] = JSON.parse(k) as [string, string];
    const areas = parts.get(k) as ReconcileArea[];
    const row = districtRows.get(k);
    for (const f of FIGURES) {
      const expected = areas.reduce((s, a) => s + a[f.key], 0);
      out.push(check(`${district}, ${year}: ${f.label} = sum of ${areas.length} planning area${areas.length === 1 ? '' : 's'}${row ? '' : ' (district row missing)'}`, expected, row ? row[f.key] : 0));
    }
  }
  // County = sum of the districts.
  const years = orderYears([...input.districts.map((d) => d.year), ...input.county.map((c) => c.year)]);
  for (const year of years) {
    const ds = input.districts.filter((d) => d.year === year);
    const row = input.county.find((c) => c.year === year);
    for (const f of FIGURES) {
      const expected = ds.reduce((s, d) => s + d[f.key], 0);
      out.push(check(`${COUNTY_LABEL}, ${year}: ${f.label} = sum of ${ds.length} district${ds.length === 1 ? '' : 's'}${row ? '' : ' (county row missing)'}`, expected, row ? row[f.key] : 0));
    }
  }
  for (const p of input.plans ?? []) {
    const name = `${p.area}${p.district && p.district !== p.area ? ` (${p.district})` : ''}`;
    const fe = p.permanentFe.reduce((s, v) => s + v, 0);
    const last = p.permanentPlaces.length > 0 ? p.permanentPlaces[p.permanentPlaces.length - 1] : 0;
    out.push(check(`${name}: permanent places by the last forecast year = permanent FE commissioned x ${classSize}`, last, fe * classSize));
  }
  return out;
}

/** Everything the commissioning sheet shows, computed with the engine. */
export interface CommissioningFigures {
  areaRows: (ReconcileArea & { surplus: SurplusRow })[];
  districtRows: (ReconcileDistrict & { entryFraction: number; entryStatus: SurplusStatus; allFraction: number; allStatus: SurplusStatus; entrySurplusPlaces: number; allSurplusPlaces: number })[];
  countyRows: (ReconcileCounty & { entryFraction: number; entryStatus: SurplusStatus; allFraction: number; allStatus: SurplusStatus; entrySurplusPlaces: number; allSurplusPlaces: number; districtsAtTarget: number; districts: number })[];
  plans: { district: string; area: string; years: string[]; plan: CommissionYear[] }[];
  /** Areas without a PAN (no surplus or commissioning figures). */
  missing: string[];
}

/**
 * The commissioning figures of a scenario: per area and year (surplus, places and FE needed), per
 * district and for the county (surplus from summed capacity and forecast via the engine's surplusBy;
 * places and FE needed = sum of the areas' needs, since a shortfall in one area is not met by spare
 * places in another), and the entry-year commissioning plan per area.
 */
export function commissioningFigures(result: ScenarioResult): CommissioningFigures {
  const p = result.scenario.parameters;
  const { rows, missing } = surplusRows(result);
  const areaRows = rows.map((s) => {
    const entryPlaces = placesNeeded(s.entryForecast, s.entryCapacity, p.target);
    const allPlaces = placesNeeded(s.allForecast, s.allCapacity, p.target);
    return {
      district: s.district,
      area: s.area,
      year: s.year,
      yearGroups: s.yearGroups,
      entryCapacity: s.entryCapacity,
      entryForecast: s.entryForecast,
      entryPlaces,
      entryFe: feNeeded(s.entryForecast, s.entryCapacity, { target: p.target, yearGroups: 1 }),
      allCapacity: s.allCapacity,
      allForecast: s.allForecast,
      allPlaces,
      allFe: feNeeded(s.allForecast, s.allCapacity, { target: p.target, yearGroups: s.yearGroups }),
      surplus: s,
    };
  });
  const years = orderYears(areaRows.map((r) => r.year));
  const districtRows: CommissioningFigures['districtRows'] = [];
  const countyRows: CommissioningFigures['countyRows'] = [];
  for (const year of years) {
    const inYear = areaRows.filter((r) => r.year === year);
    const groups = inYear.map((r) => districtLabel(r.district));
    const opts = { min: p.target, max: p.targetMax };
    const entry = surplusBy(groups, inYear.map((r) => r.entryCapacity), inYear.map((r) => r.entryForecast), opts);
    const all = surplusBy(groups, inYear.map((r) => r.allCapacity), inYear.map((r) => r.allForecast), opts);
    const byGroup = (list: SurplusByRow[], g: string) => list.find((x) => x.group === g) as SurplusByRow;
    const sums = (members: typeof inYear) => ({
      entryPlaces: members.reduce((s, r) => s + r.entryPlaces, 0),
      entryFe: members.reduce((s, r) => s + r.entryFe, 0),
      allPlaces: members.reduce((s, r) => s + r.allPlaces, 0),
      allFe: members.reduce((s, r) => s + r.allFe, 0),
    });
    const yearDistricts: CommissioningFigures['districtRows'] = [];
    for (const e of entry.rows) {
      const a = byGroup(all.rows, e.group);
      const members = inYear.filter((r) => districtLabel(r.district) === e.group);
      yearDistricts.push({
        district: e.group,
        year,
        entryCapacity: e.capacity,
        entryForecast: e.roll,
        entrySurplusPlaces: e.places,
        entryFraction: e.fraction,
        entryStatus: e.status,
        allCapacity: a.capacity,
        allForecast: a.roll,
        allSurplusPlaces: a.places,
        allFraction: a.fraction,
        allStatus: a.status,
        ...sums(members),
      });
    }
    districtRows.push(...yearDistricts);
    // County needs = sum of the district rows (which are sums of their areas).
    countyRows.push({
      year,
      entryCapacity: entry.total.capacity,
      entryForecast: entry.total.roll,
      entrySurplusPlaces: entry.total.places,
      entryFraction: entry.total.fraction,
      entryStatus: entry.total.status,
      allCapacity: all.total.capacity,
      allForecast: all.total.roll,
      allSurplusPlaces: all.total.places,
      allFraction: all.total.fraction,
      allStatus: all.total.status,
      entryPlaces: yearDistricts.reduce((s, d) => s + d.entryPlaces, 0),
      entryFe: yearDistricts.reduce((s, d) => s + d.entryFe, 0),
      allPlaces: yearDistricts.reduce((s, d) => s + d.allPlaces, 0),
      allFe: yearDistricts.reduce((s, d) => s + d.allFe, 0),
      districtsAtTarget: entry.atOrAboveTarget,
      districts: entry.groupCount,
    });
  }
  // Keep districts together (district order, then year), as the totals table does.
  const districtOrder = [...new Set(districtRows.map((d) => d.district))];
  districtRows.sort((x, y) => districtOrder.indexOf(x.district) - districtOrder.indexOf(y.district) || years.indexOf(x.year) - years.indexOf(y.year));

  const plans = result.areas
    .filter((a) => a.history.pan !== null && a.history.pan > 0)
    .map((a) => ({
      district: a.history.district,
      area: a.history.area,
      years: forecastYearLabels(a.history, p.horizon).slice(0, a.forecast.forecast.length),
      plan: commissionPlan(
        a.forecast.forecast.map((row) => row[0]),
        a.history.pan as number,
        { target: p.target, persistYears: p.persistYears },
      ),
    }));
  return { areaRows, districtRows, countyRows, plans, missing: missing.map((m) => areaName(m.history)) };
}

/**
 * The commissioning sheet ("Commissioning - <scenario name>").
 *
 * @example
 * await gateway.writeSheets([commissioningSheet(result, ctx)]);
 */
export function commissioningSheet(result: ScenarioResult, ctx: SheetContext): SheetWrite {
  const s = result.scenario;
  const p = s.parameters;
  const b = new SheetBuilder(`Commissioning - ${s.name}`);
  const suffix = slug(s.name, 30);
  const groups = resultYearGroups(result);
  const span = yearGroupSpan(groups);
  const figures = commissioningFigures(result);
  const checks = reconcile({
    areas: figures.areaRows,
    districts: figures.districtRows,
    county: figures.countyRows,
    plans: figures.plans.map((x) => ({
      district: x.district,
      area: x.area,
      permanentFe: x.plan.map((y) => y.permanentFe),
      permanentPlaces: x.plan.map((y) => y.permanentPlaces),
    })),
  });
  const mismatches = checks.filter((c) => c.result === 'MISMATCH').length;

  b.heading(`Surplus and commissioning: ${s.name}`, 1);
  b.block(parameterRows(result, ctx, 'Values (a snapshot at the run date)'), { boldFirstRow: true });

  const summary: LiveCell[][] = [
    ['Summary', null],
    ['Finance reconciliation', mismatches === 0 ? `All ${checks.length} checks OK` : `${mismatches} of ${checks.length} checks MISMATCH (see the reconciliation table)`],
    ...figures.countyRows.map((c): LiveCell[] => [
      `Districts with at least ${percentText(p.target)} entry-year surplus, ${c.year}`,
      `${c.districtsAtTarget} of ${c.districts}`,
    ]),
  ];
  b.block(summary, { boldFirstRow: true });

  const notes = [
    `Capacity: PAN for the entry year; PAN x year groups for all year groups. Net surplus = (capacity - forecast) / capacity.`,
    `Places needed to hold the ${percentText(p.target)} target = max(0, forecast / (1 - ${p.target}) - capacity). FE = places / ${CLASS_SIZE} for one year group, places / (${CLASS_SIZE} x year groups) for the whole school; FE is kept fractional.`,
    'District and county places needed are the sums of the planning areas\' needs: spare places in one planning area do not meet a shortfall in another.',
    `Permanent places are commissioned when the entry-year need lasts ${p.persistYears} or more consecutive forecast years; shorter spikes are met by temporary places.`,
    ...figures.missing.map((m) => `${m}: no PAN given, so it is left out of the surplus and commissioning figures.`),
    ...(ctx.mode === 'live' ? ['The commissioning sheet is written as values.'] : []),
  ];
  b.block([['Notes'], ...notes.map((n) => [n])], { boldFirstRow: true });

  const surplusHeaders = [
    'Entry capacity',
    'Entry forecast',
    'Entry surplus places',
    'Entry surplus',
    'Entry status',
    'All capacity',
    'All forecast',
    'All surplus places',
    'All surplus',
    'All status',
  ];
  const surplusFormats = [FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction, null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction, null];
  const entry = groups[0] ?? 'entry year';

  b.heading(`Surplus by planning area (entry year ${entry}; all year groups ${span})`);
  const areaSurplus = b.table(
    `SurplusArea_${suffix}`,
    ['District', 'Planning area', 'Year', ...surplusHeaders],
    figures.areaRows.map((r) => {
      const x = r.surplus;
      return [x.district, x.area, x.year, x.entryCapacity, x.entryForecast, x.entryPlaces, x.entryFraction, x.entryStatus, x.allCapacity, x.allForecast, x.allPlaces, x.allFraction, x.allStatus];
    }),
    [null, null, null, ...surplusFormats],
  );
  if (figures.areaRows.length > 0) {
    b.format(columnRange(areaSurplus, 7, 1, figures.areaRows.length), STATUS_FILLS);
    b.format(columnRange(areaSurplus, 12, 1, figures.areaRows.length), STATUS_FILLS);
  }

  b.heading(`Surplus by district and for ${COUNTY_LABEL}`);
  const districtSurplusBody: LiveCell[][] = [
    ...figures.districtRows.map((d) => [d.district, d.year, d.entryCapacity, d.entryForecast, d.entrySurplusPlaces, d.entryFraction, d.entryStatus, d.allCapacity, d.allForecast, d.allSurplusPlaces, d.allFraction, d.allStatus]),
    ...figures.countyRows.map((c) => [`${COUNTY_LABEL} (county)`, c.year, c.entryCapacity, c.entryForecast, c.entrySurplusPlaces, c.entryFraction, c.entryStatus, c.allCapacity, c.allForecast, c.allSurplusPlaces, c.allFraction, c.allStatus]),
  ];
  const districtSurplus = b.table(`SurplusDistrict_${suffix}`, ['District', 'Year', ...surplusHeaders], districtSurplusBody, [null, null, ...surplusFormats]);
  if (districtSurplusBody.length > 0) {
    b.format(columnRange(districtSurplus, 6, 1, districtSurplusBody.length), STATUS_FILLS);
    b.format(columnRange(districtSurplus, 11, 1, districtSurplusBody.length), STATUS_FILLS);
  }

  const needHeaders = ['Entry places needed', 'Entry FE needed', 'All places needed', 'All FE needed'];
  const needFormats = [FORMAT.pupils, FORMAT.fe, FORMAT.pupils, FORMAT.fe];
  b.heading(`Places and FE needed to hold the ${percentText(p.target)} target, by planning area`);
  b.table(
    `NeedArea_${suffix}`,
    ['District', 'Planning area', 'Year', 'Year groups', ...needHeaders],
    figures.areaRows.map((r) => [r.district, r.area, r.year, r.yearGroups, r.entryPlaces, r.entryFe, r.allPlaces, r.allFe]),
    [null, null, null, '0', ...needFormats],
  );
  b.heading(`Places and FE needed by district (sum of planning areas) and for ${COUNTY_LABEL} (sum of districts)`);
  b.table(
    `NeedDistrict_${suffix}`,
    ['District', 'Year', ...needHeaders],
    [
      ...figures.districtRows.map((d) => [d.district, d.year, d.entryPlaces, d.entryFe, d.allPlaces, d.allFe]),
      ...figures.countyRows.map((c) => [`${COUNTY_LABEL} (county)`, c.year, c.entryPlaces, c.entryFe, c.allPlaces, c.allFe]),
    ],
    [null, null, ...needFormats],
  );

  b.heading(`Commissioning plan for the entry year (${entry}): permanent FE and temporary places by year`);
  const planBody: LiveCell[][] = [];
  for (const x of figures.plans) {
    x.plan.forEach((y, i) => {
      planBody.push([x.district, x.area, x.years[i], y.forecast, y.capacity, y.placesNeeded, y.permanentFe, y.permanentPlaces, y.temporaryPlaces]);
    });
  }
  b.table(
    `Commission_${suffix}`,
    ['District', 'Planning area', 'Year', 'Entry forecast', 'Entry capacity', 'Places needed', 'New permanent FE', 'Permanent places (cumulative)', 'Temporary places'],
    planBody,
    [null, null, null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fe, FORMAT.pupils, FORMAT.pupils],
  );

  b.heading('Finance reconciliation (expected = worked out from the parts; actual = the figure in the tables above)');
  const recon = b.table(
    `Reconciliation_${suffix}`,
    ['Check', 'Expected', 'Actual', 'Difference', 'Result'],
    checks.map((c) => [c.check, c.expected, c.actual, c.difference, c.result]),
    [null, '#,##0.00', '#,##0.00', '#,##0.00', null],
  );
  if (checks.length > 0) b.format(columnRange(recon, 4, 1, checks.length), CHECK_FILLS);
  return b.build(true);
}
