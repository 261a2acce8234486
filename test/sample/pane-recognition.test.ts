/**
 * The sample workbook's tables must be recognised by the task pane without the planner having to
 * confirm anything: every column confidently recognised, no layout problems, every area parsed.
 */
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { detectLayout, layoutProblems, parseRolls } from '../../src/taskpane/model/rolls';
import { accuracyPhases, parseAccuracyInput } from '../../src/taskpane/model/accuracy-sheet';
import { FORECAST_YEARS, HISTORY_YEARS, TABLE_NAMES, sampleKent, sampleWorkbook } from '../../src/sample';

const gateway = new MemoryGateway(sampleWorkbook());
const kent = sampleKent();

async function table(name: string) {
  return (await gateway.read({ kind: 'table', name })).values;
}

describe('task pane recognition of the sample tables', () => {
  it('reads PrimaryRolls with every column confidently recognised', async () => {
    const values = await table(TABLE_NAMES.primary);
    const layout = detectLayout(values[0]);
    expect(layout.columns.map((c) => [c.header, c.role, c.yearGroup ?? null, c.confident])).toEqual([
      ['District', 'district', null, true],
      ['Planning area', 'area', null, true],
      ['Year', 'year', null, true],
      ...['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'].map((g) => [g, 'yearGroup', g, true]),
      ['Births', 'driver', null, true],
      ['PAN', 'capacity', null, true],
      ['Dwellings', 'dwellings', null, true],
    ]);
    expect(layoutProblems(layout)).toEqual([]);
    const { areas, problems } = parseRolls(values, layout);
    expect(problems).toEqual([]);
    expect(areas).toHaveLength(kent.planningAreas.length);
    areas.forEach((a, i) => {
      const p = kent.planningAreas[i];
      expect(a.area).toBe(p.name);
      expect(a.district).toBe(p.district);
      expect(a.years).toEqual([...HISTORY_YEARS]);
      expect(a.forecastYears).toEqual([...FORECAST_YEARS]);
      expect(a.rolls).toEqual(p.rolls);
      expect(a.driver).toEqual(p.births);
      expect(a.pan).toBe(p.pan);
      expect(a.dwellings).toEqual(p.dwellings);
    });
  });

  it('reads SecondaryRolls with every column confidently recognised (Feeder Y6 as the driver)', async () => {
    const values = await table(TABLE_NAMES.secondary);
    const layout = detectLayout(values[0]);
    expect(layout.columns.map((c) => [c.header, c.role, c.yearGroup ?? null, c.confident])).toEqual([
      ['District', 'district', null, true],
      ['Year', 'year', null, true],
      ...['Y7', 'Y8', 'Y9', 'Y10', 'Y11'].map((g) => [g, 'yearGroup', g, true]),
      ['Feeder Y6', 'driver', null, true],
      ['PAN', 'capacity', null, true],
      ['Dwellings', 'dwellings', null, true],
    ]);
    expect(layoutProblems(layout)).toEqual([]);
    const { areas, problems } = parseRolls(values, layout);
    expect(problems).toEqual([]);
    expect(areas).toHaveLength(12);
    areas.forEach((a, i) => {
      const d = kent.districts[i];
      expect(a.district || a.area).toBe(d.name);
      expect(a.rolls).toEqual(d.rolls);
      expect(a.driver).toEqual(d.feederY6);
      expect(a.pan).toBe(d.pan);
    });
  });

  it('reads AccuracyReview with its four phases and no problems', async () => {
    const { input, problems } = parseAccuracyInput(await table(TABLE_NAMES.accuracy));
    expect(problems).toEqual([]);
    expect(input!.groups).toHaveLength(48);
    expect(accuracyPhases(input!)).toEqual(['Year R', 'Primary R-6', 'Year 7', 'Secondary 7-11']);
    expect(input!.forecast).toEqual(kent.accuracy.map((r) => r.forecast));
    expect(input!.actual).toEqual(kent.accuracy.map((r) => r.actual));
  });
});
