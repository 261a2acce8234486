/**
 * The demo grid works out the task pane's "live KENT formulas" sheets with the real functions. They must
 * show the same figures as the same scenario written as values: every numeric cell of every table.
 */
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { parseRange } from '../../src/excel/a1';
import type { SheetData, WorkbookData } from '../../src/excel/workbook-data';
import { displaySheet, type DisplayCell } from '../../src/demo/format';
import { sampleWorkbook, TABLE_NAMES } from '../../src/sample';
import { detectLayout, parseRolls } from '../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS } from '../../src/taskpane/model/scenario';
import { ADDIN_VERSION, commissioningSheet, runScenario, scenarioSheets } from '../../src/taskpane/model/run';

jest.setTimeout(60000);

async function writeBoth(table: string): Promise<{ data: WorkbookData; live: SheetData[]; values: SheetData[] }> {
  const gateway = new MemoryGateway(sampleWorkbook());
  const { values, sheet, address } = await gateway.read({ kind: 'table', name: table });
  const layout = detectLayout(values[0]);
  const { areas } = parseRolls(values, layout);
  const run = (name: string) => runScenario({ id: name, name, input: { kind: 'table', name: table }, inputLabel: table, layout, parameters: DEFAULT_PARAMETERS, savedAt: '' }, areas);
  const ctx = (mode: 'live' | 'values') => ({ mode, inputSheet: sheet, inputAddress: address, version: ADDIN_VERSION, date: '2026-01-01' });
  const L = run('Live');
  const V = run('Vals');
  const liveWrites = [...scenarioSheets(L, ctx('live')), commissioningSheet(L, ctx('live'))];
  const valueWrites = [...scenarioSheets(V, ctx('values')), commissioningSheet(V, ctx('values'))];
  await gateway.writeSheets(liveWrites);
  await gateway.writeSheets(valueWrites);
  const data = gateway.snapshot();
  const find = (n: number) => data.sheets[data.sheets.length - n];
  const k = liveWrites.length;
  return { data, live: Array.from({ length: k }, (_, i) => find(2 * k - i)), values: Array.from({ length: k }, (_, i) => find(k - i)) };
}

function compareTables(data: WorkbookData, live: SheetData, values: SheetData): { compared: number; mismatches: string[] } {
  const a = displaySheet(data, live, 5000, 100);
  const b = displaySheet(data, values, 5000, 100);
  let compared = 0;
  const mismatches: string[] = [];
  for (const tb of values.tables ?? []) {
    const base = tb.name.replace(/_Vals$/, '');
    const ta = (live.tables ?? []).find((t) => t.name.replace(/_Live$/, '') === base);
    if (!ta) continue; // the live sheet may spill a block where the values sheet has a table
    const ra = parseRange(ta.range);
    const rb = parseRange(tb.range);
    expect([ra.end.row - ra.start.row, ra.end.column - ra.start.column]).toEqual([rb.end.row - rb.start.row, rb.end.column - rb.start.column]);
    for (let r = 0; r <= rb.end.row - rb.start.row; r++) {
      for (let c = 0; c <= rb.end.column - rb.start.column; c++) {
        const x: DisplayCell | undefined = a[ra.start.row + r]?.[ra.start.column + c];
        const y: DisplayCell | undefined = b[rb.start.row + r]?.[rb.start.column + c];
        if (!y || typeof y.value !== 'number') continue;
        compared++;
        const ok = x && typeof x.value === 'number' && Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, Math.abs(y.value));
        if (!ok) mismatches.push(`${ta.name} row ${r} col ${c}: ${x?.text} (${x?.formula ?? ''}) vs ${y.text}`);
      }
    }
  }
  return { compared, mismatches };
}

test.each([TABLE_NAMES.primary, TABLE_NAMES.secondary])('live sheets on %s show the same figures as the values sheets', async (table) => {
  const { data, live, values } = await writeBoth(table);
  let total = 0;
  live.forEach((sheet, i) => {
    const { compared, mismatches } = compareTables(data, sheet, values[i]);
    expect(mismatches.slice(0, 5)).toEqual([]);
    total += compared;
    const shown = displaySheet(data, sheet, 5000, 100).flat();
    expect(shown.filter((c) => c.kind === 'formula' || c.kind === 'error').map((c) => `${c.text} ${c.title ?? ''}`).slice(0, 5)).toEqual([]);
  });
  expect(total).toBeGreaterThan(1000);
});
