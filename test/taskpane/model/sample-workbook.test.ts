/**
 * The model against the sample Kent workbook (helper E's generator) through MemoryGateway: the pane must
 * recognise the sample tables with no questions, forecast every planning area, and write every sheet.
 */
import { MemoryGateway } from '../../../src/excel/memory-gateway';
import { sampleWorkbook } from '../../../src/sample';
import {
  accuracySheet,
  ADDIN_VERSION,
  commissioningSheet,
  comparisonSheet,
  parseAccuracyInput,
  filterAccuracyByPhase,
  accuracyPhases,
  runScenario,
  scenarioSheets,
  type SheetContext,
} from '../../../src/taskpane/model/run';
import { detectLayout, layoutProblems, parseRolls } from '../../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS, ScenarioStore, newScenarioId, type Scenario } from '../../../src/taskpane/model/scenario';
import { MiniExcel } from './mini-excel';
import { expectClose, findRow, sheetOf, table } from './sheet-helpers';

async function load(gateway: MemoryGateway, name: string) {
  const data = await gateway.read({ kind: 'table', name });
  const layout = detectLayout(data.values[0]);
  return { data, layout };
}

function scenario(name: string, tableName: string, layout: Scenario['layout'], parameters = {}): Scenario {
  return {
    id: newScenarioId([], Date.parse('2025-06-30')) + name,
    name,
    input: { kind: 'table', name: tableName },
    inputLabel: `table "${tableName}"`,
    layout,
    parameters: { ...DEFAULT_PARAMETERS, ...parameters },
    savedAt: '2025-06-30T10:00:00.000Z',
  };
}

test.each([
  ['PrimaryRolls', 7, 'Births'],
  ['SecondaryRolls', 5, 'Feeder Y6'],
])('%s is recognised with confidence and parses without problems', async (name, groups, driver) => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const { data, layout } = await load(gateway, name);
  expect(layoutProblems(layout)).toEqual([]);
  expect(layout.columns.every((c) => c.confident)).toBe(true);
  expect(layout.columns.filter((c) => c.role === 'yearGroup')).toHaveLength(groups);
  expect(layout.columns.find((c) => c.role === 'driver')?.header).toBe(driver);
  const { areas, problems } = parseRolls(data.values, layout);
  expect(problems).toEqual([]);
  expect(areas.length).toBeGreaterThanOrEqual(12);
  for (const a of areas) {
    expect(a.years.length).toBeGreaterThanOrEqual(2);
    expect(a.driver?.length).toBe(a.sourceRows.length);
    expect(a.pan).not.toBeNull();
  }
});

test('primary scenario: live sheet recalculates to the engine, commissioning reconciles, all writes land', async () => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const { data, layout } = await load(gateway, 'PrimaryRolls');
  const { areas } = parseRolls(data.values, layout);
  const base = scenario('Base', 'PrimaryRolls', layout);
  const high = scenario('High housing', 'PrimaryRolls', layout, { yieldPerDwelling: 0.4, ratioYears: 5 });
  const store = new ScenarioStore(gateway);
  await store.save(base);
  await store.save(high);
  expect((await new ScenarioStore(new MemoryGateway(gateway.snapshot())).list()).map((s) => s.name)).toEqual(['Base', 'High housing']);

  const ctx: SheetContext = { mode: 'live', inputSheet: data.sheet, inputAddress: data.address, version: ADDIN_VERSION, date: '2025-06-30' };
  const a = runScenario(base, areas);
  const b = runScenario(high, areas);
  expect(a.failed).toEqual([]);
  await gateway.writeSheets([...scenarioSheets(a, ctx), commissioningSheet(a, ctx), comparisonSheet(a, b, ctx)]);
  const snap = gateway.snapshot();
  const s = sheetOf(snap, 'Forecast - Base');
  const notesRow = findRow(s, 'Notes');
  const notes = s.values.slice(notesRow + 1).map((r) => String(r?.[0] ?? '')).filter((n) => /written as values/.test(n));
  expect(notes).toEqual([]); // every sample area is contiguous: all live
  const xl = new MiniExcel(snap);
  xl.calculate('Forecast - Base');
  const header = findRow(s, 'District');
  let row = header + 1;
  for (const area of a.areas) {
    for (const fc of area.forecast.forecast) {
      fc.forEach((v, g) => expectClose(xl.value('Forecast - Base', `${String.fromCharCode(68 + g)}${row + 1}`), v));
      row += 1;
    }
  }
  const recon = table(sheetOf(snap, 'Commissioning - Base'), 'Reconciliation_');
  expect(recon.rows.length).toBeGreaterThan(100);
  expect(recon.rows.filter((r) => r[4] !== 'OK')).toEqual([]);
  expect(table(sheetOf(snap, 'Compare - Base vs High housing'), 'Compare_').rows).toHaveLength(a.areas.length * 5);
});

test('secondary scenario by district writes live formulas with the feeder Year 6', async () => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const { data, layout } = await load(gateway, 'SecondaryRolls');
  const { areas } = parseRolls(data.values, layout);
  const sec = scenario('Secondary', 'SecondaryRolls', layout, { horizon: 7, yieldPerDwelling: 0.2 });
  const result = runScenario(sec, areas);
  expect(result.failed).toEqual([]);
  const ctx: SheetContext = { mode: 'live', inputSheet: data.sheet, inputAddress: data.address, version: ADDIN_VERSION, date: '2025-06-30' };
  await gateway.writeSheets(scenarioSheets(result, ctx));
  const snap = gateway.snapshot();
  const xl = new MiniExcel(snap);
  xl.calculate('Forecast - Secondary');
  const s = sheetOf(snap, 'Forecast - Secondary');
  const header = findRow(s, 'District');
  expect(String(s.values[header + 1][3])).toMatch(/^=KENT\.FORECAST\('Secondary rolls'!\$C\$\d+:\$G\$\d+,'Secondary rolls'!\$H\$\d+:\$H\$\d+,7,3,"mean"/);
  result.areas[0].forecast.forecast.forEach((fc, t) => fc.forEach((v, g) => expectClose(xl.value('Forecast - Secondary', `${String.fromCharCode(68 + g)}${header + 2 + t}`), v)));
});

test('accuracy review of the sample, one phase at a time', async () => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const data = await gateway.read({ kind: 'table', name: 'AccuracyReview' });
  const { input, problems } = parseAccuracyInput(data.values);
  expect(problems).toEqual([]);
  const phases = accuracyPhases(input!);
  expect(phases.length).toBeGreaterThanOrEqual(1);
  const one = filterAccuracyByPhase(input!, phases[0]);
  const ctx: SheetContext = { mode: 'values', inputSheet: data.sheet, inputAddress: data.address, version: ADDIN_VERSION, date: '2025-06-30' };
  await gateway.writeSheets([accuracySheet({ ...one, tolerance: 0.01, label: phases[0] }, ctx)]);
  const t = table(sheetOf(gateway.snapshot(), `Accuracy - ${phases[0]}`), 'Accuracy_');
  expect(t.rows).toHaveLength(new Set(one.groups).size);
});
