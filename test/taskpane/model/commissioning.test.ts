import { commissionPlan, feNeeded, placesNeeded, surplusBy } from '../../../src/engine';
import {
  ADDIN_VERSION,
  commissioningFigures,
  commissioningSheet,
  reconcile,
  runScenario,
  type ReconcileInput,
  type SheetContext,
} from '../../../src/taskpane/model/run';
import { AREAS, makeScenario, parsedAreas, primaryTable } from './fixtures';
import { cell, expectClose, findRow, sheetOf, table, writeAll } from './sheet-helpers';

const CTX: SheetContext = { mode: 'values', inputSheet: 'Primary rolls', inputAddress: 'A1:I22', version: ADDIN_VERSION, date: '2025-06-30' };

function result(parameters = {}) {
  return runScenario(makeScenario('Base', { target: 0.05, targetMax: 0.07, persistYears: 2, ...parameters }), parsedAreas(primaryTable()));
}

describe('commissioningFigures', () => {
  test('places and FE needed per area and year equal the engine (entry and whole school)', () => {
    const r = result();
    const f = commissioningFigures(r);
    expect(f.areaRows).toHaveLength(3 * 4);
    f.areaRows.forEach((row, i) => {
      const a = r.areas[Math.floor(i / 4)];
      const t = i % 4;
      const pan = AREAS[Math.floor(i / 4)].pan;
      const fc = a.forecast.forecast[t];
      const all = fc.reduce((x, y) => x + y, 0);
      expect(row.entryCapacity).toBe(pan);
      expect(row.allCapacity).toBe(pan * 3);
      expectClose(row.entryPlaces, placesNeeded(fc[0], pan, 0.05));
      expectClose(row.entryFe, feNeeded(fc[0], pan, { target: 0.05 }));
      expectClose(row.allPlaces, placesNeeded(all, pan * 3, 0.05));
      expectClose(row.allFe, feNeeded(all, pan * 3, { target: 0.05, yearGroups: 3 }));
      // FE per year group = places / 30; whole school divides by the year groups.
      expectClose(row.allFe * 30 * 3, row.allPlaces);
    });
    // The fixture is built to need places somewhere, so the comparison above is not all zeros.
    expect(f.areaRows.some((x) => x.entryPlaces > 0)).toBe(true);
  });

  test('commissioning plan per area equals commissionPlan', () => {
    const r = result();
    const f = commissioningFigures(r);
    expect(f.plans.map((p) => p.area)).toEqual(['Ashford North', 'Ashford South', 'Dover Town']);
    f.plans.forEach((p, k) => {
      const expected = commissionPlan(r.areas[k].forecast.forecast.map((row) => row[0]), AREAS[k].pan, { target: 0.05, persistYears: 2 });
      expect(p.plan).toEqual(expected);
      expect(p.years).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
    });
  });

  test('district and county surplus equal the engine surplusBy; needs are sums of the areas', () => {
    const r = result();
    const f = commissioningFigures(r);
    const year = '2025-26';
    const inYear = f.areaRows.filter((x) => x.year === year);
    const expected = surplusBy(inYear.map((x) => x.district), inYear.map((x) => x.entryCapacity), inYear.map((x) => x.entryForecast), { min: 0.05, max: 0.07 });
    const ashford = f.districtRows.find((d) => d.district === 'Ashford' && d.year === year)!;
    const engineAshford = expected.rows.find((x) => x.group === 'Ashford')!;
    expectClose(ashford.entryFraction, engineAshford.fraction);
    expect(ashford.entryStatus).toBe(engineAshford.status);
    expectClose(ashford.entryPlaces, inYear.filter((x) => x.district === 'Ashford').reduce((s, x) => s + x.entryPlaces, 0));
    const county = f.countyRows.find((c) => c.year === year)!;
    expectClose(county.entryFraction, expected.total.fraction);
    expect(county.districtsAtTarget).toBe(expected.atOrAboveTarget);
    expect(county.districts).toBe(2);
    expect(f.districtRows.map((d) => d.district)).toEqual(['Ashford', 'Ashford', 'Ashford', 'Ashford', 'Dover', 'Dover', 'Dover', 'Dover']);
  });

  test('areas without a PAN are left out and named', () => {
    const values = primaryTable();
    for (const row of values) if (row[1] === 'Dover Town') row[7] = null;
    const r = runScenario(makeScenario(), parsedAreas(values));
    const f = commissioningFigures(r);
    expect(f.missing).toEqual(['Dover Town (Dover)']);
    expect(f.areaRows.every((x) => x.area !== 'Dover Town')).toBe(true);
  });
});

describe('reconcile', () => {
  function input(): ReconcileInput {
    const r = result();
    const f = commissioningFigures(r);
    return {
      areas: f.areaRows,
      districts: f.districtRows,
      county: f.countyRows,
      plans: f.plans.map((p) => ({ district: p.district, area: p.area, permanentFe: p.plan.map((y) => y.permanentFe), permanentPlaces: p.plan.map((y) => y.permanentPlaces) })),
    };
  }

  test('the real figures reconcile: every check OK', () => {
    const checks = reconcile(input());
    // 2 per area-year + 8 per district-year + 8 per county-year + 1 per plan
    expect(checks).toHaveLength(3 * 4 * 2 + 2 * 4 * 8 + 4 * 8 + 3);
    expect(checks.filter((c) => c.result !== 'OK')).toEqual([]);
    expect(checks[0].check).toBe('Ashford North (Ashford), 2024-25: entry-year places needed = FE x 30');
    expect(checks.find((c) => c.check.startsWith('Ashford, 2024-25: all-year-groups places needed = sum of 2 planning areas'))).toBeDefined();
    expect(checks.find((c) => c.check.startsWith('Kent, 2024-25: entry-year forecast = sum of 2 districts'))).toBeDefined();
  });

  test('an inconsistent district total is flagged MISMATCH, with expected, actual and difference', () => {
    const data = input();
    const d = data.districts.find((x) => x.district === 'Dover' && x.year === '2026-27')!;
    d.allForecast += 12;
    const bad = reconcile(data).filter((c) => c.result === 'MISMATCH');
    // The district no longer equals its area, and the county (the real sum) no longer equals the districts.
    expect(bad.map((c) => c.check)).toEqual([
      'Dover, 2026-27: all-year-groups forecast = sum of 1 planning area',
      'Kent, 2026-27: all-year-groups forecast = sum of 2 districts',
    ]);
    expectClose(bad[0].difference, 12);
    expectClose(bad[0].actual - bad[0].expected, 12);
    expectClose(bad[1].difference, -12);
  });

  test('a county total that is not the sum of the districts, and FE that does not match places, are flagged', () => {
    const data = input();
    data.county[0].entryPlaces += 0.5;
    data.areas[1].allFe += 0.01;
    const bad = reconcile(data).filter((c) => c.result === 'MISMATCH').map((c) => c.check);
    expect(bad).toEqual([
      'Ashford North (Ashford), 2025-26: all-year-groups places needed = FE x 30 x 3',
      'Ashford, 2025-26: all-year-groups FE needed = sum of 2 planning areas',
      'Kent, 2024-25: entry-year places needed = sum of 2 districts',
    ]);
  });

  test('a missing district row and permanent places that do not add up are flagged', () => {
    const data = input();
    data.districts = data.districts.filter((d) => !(d.district === 'Dover' && d.year === '2024-25'));
    data.plans![0].permanentPlaces = data.plans![0].permanentPlaces.map((p) => p + 30);
    const bad = reconcile(data).filter((c) => c.result === 'MISMATCH').map((c) => c.check);
    expect(bad.some((c) => c.startsWith('Dover, 2024-25: entry-year capacity = sum of 1 planning area (district row missing)'))).toBe(true);
    expect(bad).toContain('Ashford North (Ashford): permanent places by the last forecast year = permanent FE commissioned x 30');
  });
});

describe('commissioningSheet', () => {
  test('writes surplus, needs, plan and reconciliation tables; all checks OK', async () => {
    const r = result();
    const sheet = commissioningSheet(r, CTX);
    expect(sheet.sheet).toBe('Commissioning - Base');
    const { data } = await writeAll([sheet]);
    const s = sheetOf(data, 'Commissioning - Base');
    expect(s.tables?.map((t) => t.name)).toEqual([
      'SurplusArea_Base',
      'SurplusDistrict_Base',
      'NeedArea_Base',
      'NeedDistrict_Base',
      'Commission_Base',
      'Reconciliation_Base',
    ]);
    const f = commissioningFigures(r);
    const need = table(s, 'NeedArea_');
    expect(need.headers).toEqual(['District', 'Planning area', 'Year', 'Year groups', 'Entry places needed', 'Entry FE needed', 'All places needed', 'All FE needed']);
    need.rows.forEach((row, i) => {
      expectClose(row[4], f.areaRows[i].entryPlaces);
      expectClose(row[7], f.areaRows[i].allFe);
    });
    const plan = table(s, 'Commission_');
    expect(plan.headers.slice(3)).toEqual(['Entry forecast', 'Entry capacity', 'Places needed', 'New permanent FE', 'Permanent places (cumulative)', 'Temporary places']);
    plan.rows.forEach((row, i) => {
      const p = f.plans[Math.floor(i / 4)].plan[i % 4];
      expectClose(row[6], p.permanentFe);
      expectClose(row[8], p.temporaryPlaces);
    });
    const recon = table(s, 'Reconciliation_');
    expect(recon.headers).toEqual(['Check', 'Expected', 'Actual', 'Difference', 'Result']);
    expect(recon.rows.every((row) => row[4] === 'OK')).toBe(true);
    expect(cell(s, findRow(s, 'Finance reconciliation'), 1)).toBe(`All ${recon.rows.length} checks OK`);
    const districtSurplus = table(s, 'SurplusDistrict_');
    expect(districtSurplus.rows.filter((row) => row[0] === 'Kent (county)')).toHaveLength(4);
    expect(s.formats?.map((x) => x.rules[0].text)).toEqual(['Deficit', 'Deficit', 'Deficit', 'Deficit', 'OK']);
    expect(cell(s, findRow(s, /^Districts with at least 5% entry-year surplus, 2024-25$/), 1)).toMatch(/^\d of 2$/);
  });
});
