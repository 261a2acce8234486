import * as fs from 'fs';
import * as path from 'path';
import { cohortForecast, housingYield } from '../../../src/engine';
import {
  ADDIN_VERSION,
  districtTotals,
  forecastYearLabels,
  isCancellation,
  nextYearLabel,
  runScenario,
  RunCancelledError,
} from '../../../src/taskpane/model/run';
import { AREAS, makeScenario, parsedAreas, primaryTable } from './fixtures';

test('ADDIN_VERSION is package.json version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  expect(ADDIN_VERSION).toBe(pkg.version);
});

describe('runScenario', () => {
  test('each area equals cohortForecast on the same inputs (driver by row, housing additions)', () => {
    const areas = parsedAreas();
    const scenario = makeScenario('Base', { horizon: 4, ratioYears: 2, method: 'pooled', yieldPerDwelling: 0.3 });
    const result = runScenario(scenario, areas);
    expect(result.areas).toHaveLength(3);
    expect(result.failed).toEqual([]);
    result.areas.forEach((a, i) => {
      const h = areas[i];
      expect(a.history).toBe(h);
      const dwellings = [0, 1, 2, 3].map((j) => h.dwellings[j] ?? 0);
      const additions = dwellings.some((d) => d > 0) ? housingYield(dwellings, { yieldPerDwelling: 0.3, yearGroups: 3 }) : undefined;
      const expected = cohortForecast(h.rolls, { driver: h.driver ?? undefined, horizon: 4, ratioYears: 2, method: 'pooled', additions });
      expect(a.forecast).toEqual(expected);
    });
    // Ashford North has 40 and 60 dwellings in forecast years 1-2: 0.3 x 40 / 3 = 4 pupils per year group in year 1.
    const noHousing = cohortForecast(areas[0].rolls, { driver: areas[0].driver ?? undefined, horizon: 4, ratioYears: 2, method: 'pooled' });
    expect(result.areas[0].forecast.forecast[0][0] - noHousing.forecast[0][0]).toBeCloseTo(4, 9);
    // Births are missing for the last forecast rows of Ashford: the engine's note names the area.
    expect(result.notes.some((n) => n.startsWith('Ashford North (Ashford): No driver for forecast years'))).toBe(true);
  });

  test('a PlanningError in one area is a note naming it; the others are forecast', () => {
    const values = primaryTable();
    // Dover Town: every Y1 roll 0, so no progression ratio into Y2 can be worked out (DIV0).
    for (const row of values) if (row[1] === 'Dover Town' && row[4] !== null) row[4] = 0;
    const result = runScenario(makeScenario(), parsedAreas(values));
    expect(result.areas.map((a) => a.history.area)).toEqual(['Ashford North', 'Ashford South']);
    expect(result.failed?.map((f) => f.history.area)).toEqual(['Dover Town']);
    expect(result.notes[0]).toMatch(/^Dover Town \(Dover\) was not forecast: .+/);
  });

  test('a non-planning error is not swallowed', () => {
    const areas = parsedAreas();
    const broken = { ...areas[0], yearGroups: null as unknown as typeof areas[0]['yearGroups'] }; // a programming error (TypeError), not bad data
    expect(() => runScenario(makeScenario(), [broken])).toThrow();
  });

  test('cancellation before and between areas', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => runScenario(makeScenario(), parsedAreas(), { signal: controller.signal })).toThrow(RunCancelledError);
    // Abort after the first area: the signal is read before each area.
    let reads = 0;
    const signal = {
      get aborted() {
        reads += 1;
        return reads > 1;
      },
    } as unknown as AbortSignal;
    let caught: unknown;
    try {
      runScenario(makeScenario(), parsedAreas(), { signal });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RunCancelledError);
    expect(isCancellation(caught)).toBe(true);
    expect(isCancellation(new Error('x'))).toBe(false);
    expect(reads).toBe(2);
  });
});

describe('year labels', () => {
  test.each([
    ['2024-25', 1, '2025-26'],
    ['2024-25', 3, '2027-28'],
    ['1999-00', 1, '2000-01'],
    ['2024/2025', 1, '2025/2026'],
    ['2024', 2, '2026'],
    ['Row 5', 1, null],
  ])('%s + %d -> %s', (label, n, next) => {
    expect(nextYearLabel(label, n)).toBe(next);
  });
  test('forecast rows first, then counted on', () => {
    expect(forecastYearLabels({ years: ['2022-23', '2023-24'], forecastYears: ['2024-25'] }, 3)).toEqual(['2024-25', '2025-26', '2026-27']);
    expect(forecastYearLabels({ years: ['2023-24'], forecastYears: ['2024-25', '2025-26', '2026-27'] }, 2)).toEqual(['2024-25', '2025-26']);
    expect(forecastYearLabels({ years: ['Row 2', 'Row 3'], forecastYears: [] }, 2)).toEqual(['Forecast year 1', 'Forecast year 2']);
  });
});

describe('districtTotals', () => {
  test('district = sum of its planning areas; county = sum of the districts', () => {
    const result = runScenario(makeScenario(), parsedAreas());
    const totals = districtTotals(result);
    expect(totals.yearGroups).toEqual(['R', 'Y1', 'Y2']);
    expect(totals.years).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
    expect(totals.districts.map((d) => `${d.district} ${d.year}`)).toEqual([
      'Ashford 2024-25', 'Ashford 2025-26', 'Ashford 2026-27', 'Ashford 2027-28',
      'Dover 2024-25', 'Dover 2025-26', 'Dover 2026-27', 'Dover 2027-28',
    ]);
    for (const d of totals.districts) {
      const t = totals.years.indexOf(d.year);
      const members = result.areas.filter((a) => a.history.district === d.district);
      expect(d.areas).toBe(members.length);
      d.values.forEach((v, g) => expect(v).toBeCloseTo(members.reduce((s, a) => s + a.forecast.forecast[t][g], 0), 9));
      const total = members.reduce((s, a) => s + a.forecast.forecast[t].reduce((x, y) => x + y, 0), 0);
      expect(d.total).toBeCloseTo(total, 9);
      expect(d.lowTotal).toBeCloseTo(members.reduce((s, a) => s + a.forecast.low[t].reduce((x, y) => x + y, 0), 0), 9);
      expect(d.highTotal).toBeCloseTo(members.reduce((s, a) => s + a.forecast.high[t].reduce((x, y) => x + y, 0), 0), 9);
    }
    for (const c of totals.county) {
      const ds = totals.districts.filter((d) => d.year === c.year);
      expect(c.district).toBe('Kent');
      expect(c.total).toBeCloseTo(ds.reduce((s, d) => s + d.total, 0), 9);
      expect(c.areas).toBe(AREAS.length);
    }
  });

  test('a table without districts totals under one label', () => {
    const values = primaryTable().map((row) => row.slice(1));
    const result = runScenario(makeScenario('NoDistrict', {}, values), parsedAreas(values));
    const totals = districtTotals(result);
    expect([...new Set(totals.districts.map((d) => d.district))]).toEqual(['All planning areas']);
  });
});
