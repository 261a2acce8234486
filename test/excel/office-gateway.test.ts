import { GatewayError, type SheetWrite, type WriteProgress } from '../../src/excel/gateway';
import { OfficeGateway, rowChunks, toGatewayError } from '../../src/excel/office-gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { FIVE_MB, countingExcel, realisticScenarioWrite, type FakeExcel } from '../support/fake-excel';

function inputWorkbook(): WorkbookData {
  return {
    sheets: [
      {
        name: 'Primary rolls',
        values: [
          ['District', 'Planning area', 'Year', 'R', 'Y1'],
          ['Dartford', 'Dartford East', '2019-20', 120, 118],
          ['Dartford', 'Dartford East', '2020-21', 125, '#N/A'],
          ['Thanet', 'Margate', '2019-20', 300, null],
        ],
        tables: [{ name: 'PrimaryRolls', range: 'A1:E4' }],
      },
      { name: 'Notes', values: [[null, null], [null, 'Capacity'], [null, 420]] },
      { name: 'Old output', values: [['stale', 1]], tables: [{ name: 'Forecast_Base_forecast', range: 'A1:B2' }] },
    ],
    names: [{ name: 'Capacity', sheet: 'Notes', range: 'B2:B3' }],
    settings: {},
    selection: { sheet: 'Notes', address: 'B2:B3' },
  };
}

function setup(data: WorkbookData = inputWorkbook(), options: ConstructorParameters<typeof OfficeGateway>[0] = {}): { excel: FakeExcel; gateway: OfficeGateway } {
  const excel = countingExcel(data);
  return { excel, gateway: new OfficeGateway({ run: excel.run, ...options }) };
}

/** Calls that change the workbook. */
function mutations(excel: FakeExcel) {
  return excel.stats.calls.filter((c) => c.kind === 'set' || (c.kind === 'method' && !['(resolve)', 'getCount'].includes(c.member)));
}

describe('OfficeGateway reading', () => {
  it('reads a table with headers in 3 syncs, changing nothing and loading only what it needs', async () => {
    const { excel, gateway } = setup();
    const before = excel.workbook.picture();
    const t = await gateway.read({ kind: 'table', name: 'primaryrolls' });
    expect(t).toEqual({
      sheet: 'Primary rolls',
      address: 'A1:E4',
      values: [
        ['District', 'Planning area', 'Year', 'R', 'Y1'],
        ['Dartford', 'Dartford East', '2019-20', 120, 118],
        ['Dartford', 'Dartford East', '2020-21', 125, '#N/A'],
        ['Thanet', 'Margate', '2019-20', 300, null],
      ],
    });
    expect(excel.stats.syncs).toBe(3);
    expect(mutations(excel)).toEqual([]);
    expect(excel.workbook.picture()).toEqual(before);
    for (const load of excel.stats.find('load')) expect(load.member).not.toBe('*');
  });

  it('reads a defined name and a range; blanks read as null', async () => {
    const { excel, gateway } = setup();
    expect(await gateway.read({ kind: 'name', name: 'capacity' })).toEqual({ sheet: 'Notes', address: 'B2:B3', values: [['Capacity'], [420]] });
    expect(await gateway.read({ kind: 'range', sheet: 'notes', address: '$A$2:$C$4' })).toEqual({
      sheet: 'Notes',
      address: 'A2:C4',
      values: [
        [null, 'Capacity', null],
        [null, 420, null],
        [null, null, null],
      ],
    });
    expect(mutations(excel)).toEqual([]);
  });

  it('reads whole columns as their used part', async () => {
    const { gateway } = setup();
    const r = await gateway.read({ kind: 'range', sheet: 'Primary rolls', address: 'D:E' });
    expect(r.address).toBe('D1:E4');
    expect(r.values[1]).toEqual([120, 118]);
  });

  it('reads a large range in chunks that each stay under the response limit', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`Area ${i}`, i, i * 2]);
    const { excel, gateway } = setup({ sheets: [{ name: 'Big', values: rows }] }, { maxReadCells: 300 });
    const r = await gateway.read({ kind: 'range', sheet: 'Big', address: 'A1:C1000' });
    expect(r.values).toEqual(rows);
    expect(excel.stats.find('load', 'values')).toHaveLength(10);
  });

  it('says plainly what is missing', async () => {
    const { gateway } = setup();
    await expect(gateway.read({ kind: 'table', name: 'Nope' })).rejects.toEqual(new GatewayError('notFound', "Table 'Nope' was not found in this workbook."));
    await expect(gateway.read({ kind: 'name', name: 'Nope' })).rejects.toMatchObject({ kind: 'notFound' });
    await expect(gateway.read({ kind: 'range', sheet: 'Nope', address: 'A1' })).rejects.toEqual(new GatewayError('notFound', "Sheet 'Nope' was not found."));
    await expect(gateway.read({ kind: 'range', sheet: 'Notes', address: 'A1:' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('describes the workbook in 2 syncs', async () => {
    const { excel, gateway } = setup();
    expect(await gateway.describe()).toEqual({
      sheets: ['Primary rolls', 'Notes', 'Old output'],
      tables: [
        { name: 'PrimaryRolls', sheet: 'Primary rolls', address: 'A1:E4' },
        { name: 'Forecast_Base_forecast', sheet: 'Old output', address: 'A1:B2' },
      ],
      names: [{ name: 'Capacity', sheet: 'Notes', address: 'B2:B3' }],
    });
    expect(excel.stats.syncs).toBe(2);
  });

  it('returns the selection without the sheet prefix', async () => {
    const { excel, gateway } = setup();
    expect(await gateway.selection()).toEqual({ kind: 'range', sheet: 'Notes', address: 'B2:B3' });
    expect(excel.stats.syncs).toBe(1);
    excel.workbook.selection = { sheet: 'Notes', address: 'A1,B2' };
    await expect(gateway.selection()).rejects.toMatchObject({ kind: 'excel', message: expect.stringContaining('select one block of cells') });
  });

  it('tells absent, empty and non-empty sheets apart', async () => {
    const data = inputWorkbook();
    data.sheets.push({ name: 'Blank', values: [] }, { name: 'Chart only', values: [], charts: [{ type: 'bar', title: 'x', dataRange: 'A1:B2', seriesBy: 'rows', anchor: 'D1' }] });
    const { excel, gateway } = setup(data);
    expect(await gateway.sheetStates(['Notes', 'blank', 'Missing', 'Chart only'])).toEqual({ Notes: 'nonEmpty', blank: 'empty', Missing: 'absent', 'Chart only': 'nonEmpty' });
    expect(excel.stats.syncs).toBe(2);
  });
});

describe('OfficeGateway writing a scenario', () => {
  it('writes every table, block, chart and format where asked', async () => {
    const { excel, gateway } = setup();
    const write = realisticScenarioWrite(3);
    const report = await gateway.writeSheets([write]);
    const wb = excel.workbook;
    const sheet = wb.sheet('Forecast - Base')!;
    expect(sheet).toBeDefined();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Primary rolls', 'Notes', 'Old output', 'Forecast - Base']);
    expect(wb.activeSheet).toBe(sheet);
    // parameters block, first row bold; the assumption typed with "=" stays text
    expect(sheet.read('A1:B2')).toEqual([['Kent Place Planner: forecast', ''], ['Scenario', 'Base']]);
    expect(sheet.cell('A1')?.bold).toBe(true);
    expect(sheet.cell('B7')).toMatchObject({ value: '=plain words, not a formula', quotePrefix: true });
    // forecast table: header at A9, 15 rows, number formats on the body only
    const forecast = write.tables[0];
    expect(report.tables).toEqual(['Forecast___Base_forecast', 'Forecast___Base_totals']);
    const table = wb.table('Forecast___Base_forecast')!;
    expect(table.sheet).toBe(sheet);
    expect(table.range).toEqual({ start: { row: 8, column: 0 }, end: { row: 8 + 15, column: 9 } });
    expect(sheet.read('A9:J9')[0]).toEqual(forecast.headers);
    expect(sheet.read('A10:J24')).toEqual(forecast.rows);
    expect(sheet.cell('D10')?.numberFormat).toBe('#,##0');
    expect(sheet.cell('D9')?.numberFormat).toBeUndefined();
    expect(sheet.cell('A10')?.numberFormat).toBeUndefined();
    // year labels like 2025-26 were sent quoted and are text, not dates
    expect(sheet.cell('C10')).toMatchObject({ value: '2025-26', quotePrefix: true });
    // ratios block with formats
    expect(sheet.read('M10:N10')).toEqual([['Planning area 1', 1.01]]);
    expect(sheet.cell('N10')?.numberFormat).toBe('0.000');
    // chart and conditional formats
    const totalsRow = 9 + 15 + 3;
    expect(sheet.charts).toEqual([
      { name: expect.any(String), type: 'Line', source: `B${totalsRow}:D${totalsRow + 5}`, seriesBy: 'Columns', title: 'Forecast against capacity', xAxisTitle: 'Year', yAxisTitle: 'Pupils', position: { start: 'V2' } },
    ]);
    expect(sheet.conditionalFormats).toHaveLength(4);
    expect(sheet.conditionalFormats[0]).toEqual({ type: 'CellValue', range: `F${totalsRow + 1}:F${totalsRow + 60}`, fill: '#FFC7CE', fontColor: '#9C0006', rule: { formula1: '="Deficit"', operator: 'EqualTo' } });
    expect(sheet.conditionalFormats[2].rule).toEqual({ formula1: '="Within target"', operator: 'EqualTo' });
    // nothing on the sheet is a formula
    expect(sheet.formulas()).toEqual([]);
    // other sheets untouched
    expect(wb.sheet('Primary rolls')!.read('A1:E4')[1]).toEqual(['Dartford', 'Dartford East', '2019-20', 120, 118]);
    expect(report.cellsWritten).toBe(7 * 2 + 4 * 8 + 16 * 10 + 61 * 6);
  });

  it('writes each table and block with one values assignment and one number-format assignment', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([realisticScenarioWrite(50)]);
    const values = excel.stats.find('set', 'values');
    expect(values).toHaveLength(4); // 2 blocks + 2 tables
    expect(excel.stats.find('set', 'formulas')).toHaveLength(0);
    expect(excel.stats.find('set', 'numberFormat')).toHaveLength(3); // ratios block, two tables
    expect(excel.stats.find('method', 'add').map((c) => c.target)).toEqual([
      'Workbook.worksheets',
      expect.stringContaining('.tables'),
      expect.stringContaining('.tables'),
      expect.stringContaining('.charts'),
      ...Array(4).fill(expect.stringContaining('.conditionalFormats')),
    ]);
    for (const load of excel.stats.find('load')) expect(load.member).not.toBe('*');
  });

  it('costs the same number of syncs for 1, 50 and 500 planning areas', async () => {
    const results: { areas: number; syncs: number; fakeSyncs: number; bytes: number }[] = [];
    for (const areas of [1, 50, 500]) {
      const { excel, gateway } = setup();
      const report = await gateway.writeSheets([realisticScenarioWrite(areas)]);
      results.push({ areas, syncs: report.syncs, fakeSyncs: excel.stats.syncs, bytes: report.bytesWritten });
      expect(excel.workbook.table('Forecast___Base_forecast')!.range.end.row).toBe(8 + areas * 5);
    }
    expect(results.map((r) => r.syncs)).toEqual([2, 2, 2]);
    expect(results.map((r) => r.fakeSyncs)).toEqual([2, 2, 2]);
    expect(results[2].bytes).toBeGreaterThan(results[0].bytes);
  });

  it('costs the same number of syncs when replacing, for 1, 50 and 500 areas', async () => {
    const counts: number[] = [];
    for (const areas of [1, 50, 500]) {
      const { excel, gateway } = setup();
      await gateway.writeSheets([realisticScenarioWrite(areas)]);
      const report = await gateway.writeSheets([realisticScenarioWrite(areas)], { replace: true });
      counts.push(report.syncs);
      expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Primary rolls', 'Notes', 'Old output', 'Forecast - Base']);
    }
    expect(counts).toEqual([3, 3, 3]);
  });

  it('writes formulas through Range.formulas only for blocks marked as formulas', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([
      {
        sheet: 'Live',
        blocks: [{ startCell: 'A1', values: [['=KENT.SURPLUS(B1:B3,C1:C3)', "'=shown as text", '+1', 'plain']], formulas: true }],
        tables: [{ name: 'LiveT', startCell: 'A3', headers: ['F', 'G'], rows: [['=A1*2', '=evil()']], formulas: true }],
        charts: [],
        formats: [],
      },
    ]);
    const s = excel.workbook.sheet('Live')!;
    expect(s.formulas().sort()).toEqual([
      ['A1', '=KENT.SURPLUS(B1:B3,C1:C3)'],
      ['A4', '=A1*2'],
      ['B4', '=evil()'],
    ]);
    expect(s.cell('B1')).toMatchObject({ value: '=shown as text', quotePrefix: true });
    expect(s.cell('C1')).toMatchObject({ value: '+1', quotePrefix: true });
    expect(excel.stats.find('set', 'formulas')).toHaveLength(2);
  });
});

describe('OfficeGateway: care with the user workbook', () => {
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)', "'quoted", '#N/A', '007', 'TRUE', '2019-20', '1/2', 'Jan-20', '\t=1', 'Dartford'];

  it('writes hostile text as exactly that text: no formula, no number, no date', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([
      { sheet: "=Evil: 'sheet'/name", blocks: [{ startCell: 'A1', values: [hostile] }], tables: [{ name: '=cmd|calc', startCell: 'A3', headers: hostile, rows: [hostile] }], charts: [], formats: [] },
    ]);
    const s = excel.workbook.sheet("=Evil_ 'sheet'_name")!;
    expect(s).toBeDefined();
    expect(s.formulas()).toEqual([]);
    expect(s.read({ start: { row: 0, column: 0 }, end: { row: 0, column: hostile.length - 1 } })[0]).toEqual(hostile);
    expect(s.read({ start: { row: 2, column: 0 }, end: { row: 3, column: hostile.length - 1 } })).toEqual([hostile, hostile]);
    for (const [, c] of s.cells) expect(c.coerced).toBeUndefined();
    // and the memory twin agrees on what is stored
    expect(excel.workbook.tables.map((t) => t.name)).toContain('_cmd_calc');
  });

  it('refuses to write over a sheet holding data, naming it, having written nothing', async () => {
    const { excel, gateway } = setup();
    const before = excel.workbook.picture();
    await expect(gateway.writeSheets([realisticScenarioWrite(3, 'notes')])).rejects.toEqual(new GatewayError('conflict', "Sheet 'Notes' already holds data; choose Replace to overwrite it."));
    expect(excel.workbook.picture()).toEqual(before);
    expect(mutations(excel)).toEqual([]);
    expect(excel.stats.syncs).toBe(2);
  });

  it('replace keeps the position, reuses the table names and touches no other sheet', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([realisticScenarioWrite(2, 'Report')]);
    excel.workbook.moveSheet(excel.workbook.sheet('Report')!, 1);
    const others = excel.workbook.sheets.filter((s) => s.name !== 'Report').map((s) => [s.name, [...s.cells.entries()]]);
    const report = await gateway.writeSheets([{ ...realisticScenarioWrite(4, 'Report'), sheet: 'REPORT' }], { replace: true });
    expect(report.sheets).toEqual(['Report']); // the sheet keeps the user's spelling
    expect(report.tables).toEqual(['Report_forecast', 'Report_totals']);
    const wb = excel.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual(['Primary rolls', 'Report', 'Notes', 'Old output']);
    expect(wb.tables.map((t) => t.name).sort()).toEqual(['Forecast_Base_forecast', 'PrimaryRolls', 'Report_forecast', 'Report_totals']);
    expect(wb.table('Report_forecast')!.range.end.row).toBe(8 + 20);
    expect(wb.sheets.filter((s) => s.name !== 'Report').map((s) => [s.name, [...s.cells.entries()]])).toEqual(others);
  });

  it('writes into an existing empty sheet without asking', async () => {
    const data = inputWorkbook();
    data.sheets.splice(1, 0, { name: 'Empty', values: [] });
    const { excel, gateway } = setup(data);
    const report = await gateway.writeSheets([realisticScenarioWrite(1, 'Empty')]);
    expect(report.syncs).toBe(3);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Primary rolls', 'Empty', 'Notes', 'Old output']);
    expect(excel.workbook.sheet('Empty')!.cells.size).toBeGreaterThan(0);
  });

  it('makes table names unique against tables and defined names elsewhere', async () => {
    const { excel, gateway } = setup();
    const report = await gateway.writeSheets([
      { sheet: 'T', blocks: [], tables: [{ name: 'PrimaryRolls', startCell: 'A1', headers: ['a'], rows: [[1]] }, { name: 'Capacity', startCell: 'C1', headers: ['b'], rows: [[2]] }], charts: [], formats: [] },
    ]);
    expect(report.tables).toEqual(['PrimaryRolls_2', 'Capacity_2']);
    expect(excel.workbook.table('PrimaryRolls')!.sheet.name).toBe('Primary rolls');
  });

  it('rejects a bad request after reading only, leaving nothing behind', async () => {
    const { excel, gateway } = setup();
    const before = excel.workbook.picture();
    const bad: SheetWrite = { ...realisticScenarioWrite(1, 'X'), blocks: [{ startCell: 'B2', values: [['a'.repeat(40_000)]] }] };
    await expect(gateway.writeSheets([bad])).rejects.toMatchObject({ kind: 'tooLarge', message: expect.stringContaining('X!B2') });
    expect(excel.workbook.picture()).toEqual(before);
  });
});

describe('OfficeGateway: large writes, cancellation and failures', () => {
  function bigWrite(rows: number): SheetWrite {
    return {
      sheet: 'Big',
      blocks: [],
      tables: [{ name: 'Big', startCell: 'A1', headers: Array.from({ length: 10 }, (_, i) => `Column ${i + 1}`), rows: Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => `Planning area ${r} value ${c}`)) }],
      charts: [],
      formats: [],
    };
  }

  it('splits a write over 4 MB into row chunks, each under the limit, syncing between them', async () => {
    const { excel, gateway } = setup();
    const write = bigWrite(20_000); // ~5.5 MB of text
    const report = await gateway.writeSheets([write]);
    const assignments = excel.stats.find('set', 'values');
    expect(assignments.length).toBeGreaterThanOrEqual(2);
    for (const a of assignments) expect(a.bytes).toBeLessThan(4_000_000);
    expect(new Set(assignments.map((a) => a.sync)).size).toBe(assignments.length); // one chunk per sync
    for (const b of excel.stats.requestBytes) expect(b).toBeLessThan(FIVE_MB);
    // one read sync, one per chunk, and at most one more when the table and finishing steps do not fit beside the last chunk
    expect(report.syncs).toBeGreaterThanOrEqual(1 + assignments.length);
    expect(report.syncs).toBeLessThanOrEqual(2 + assignments.length);
    expect(report.bytesWritten).toBeGreaterThan(4_000_000);
    const s = excel.workbook.sheet('Big')!;
    expect(s.read('A2:J2')[0]).toEqual(write.tables[0].rows[0]);
    expect(s.read('A20001:J20001')[0]).toEqual(write.tables[0].rows[19_999]);
    expect(excel.workbook.table('Big')!.range).toEqual({ start: { row: 0, column: 0 }, end: { row: 20_000, column: 9 } });
  });

  it('chunks by the configured limit, and the chunks tile the table exactly', async () => {
    const { excel, gateway } = setup(undefined, { maxPayloadBytes: 200_000 });
    const write = realisticScenarioWrite(500);
    await gateway.writeSheets([write]);
    const forecastChunks = excel.stats.find('set', 'values').filter((c) => /getRange\("A\d+:J\d+"\)/.test(c.target));
    expect(forecastChunks.length).toBeGreaterThan(2);
    const spans = forecastChunks.map((c) => /A(\d+):J(\d+)/.exec(c.target)!.slice(1).map(Number));
    expect(spans[0][0]).toBe(9);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i][0]).toBe(spans[i - 1][1] + 1);
    expect(spans[spans.length - 1][1]).toBe(9 + 2500);
    expect(excel.workbook.sheet('Forecast - Base')!.read('A2509:C2509')[0]).toEqual(write.tables[0].rows[2499].slice(0, 3));
  });

  it('Excel refusing an oversized request is reported plainly and leaves nothing behind', async () => {
    const { excel, gateway } = setup(undefined, { maxPayloadBytes: 50_000_000 });
    const before = excel.workbook.picture();
    await expect(gateway.writeSheets([bigWrite(20_000)])).rejects.toMatchObject({ kind: 'tooLarge', message: expect.stringContaining("sheet 'Big'") });
    expect(excel.workbook.picture()).toEqual(before);
  });

  it('cancelling between chunks removes the sheets it created and keeps the replaced one', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([{ ...bigWrite(10), sheet: 'Big' }]);
    const before = excel.workbook.picture();
    excel.resetStats();
    const controller = new AbortController();
    excel.beforeSync = (n) => {
      if (n === 3) controller.abort(); // during the first chunk's sync
    };
    const progress: WriteProgress[] = [];
    await expect(gateway.writeSheets([bigWrite(20_000), realisticScenarioWrite(5, 'Second')], { replace: true, signal: controller.signal, onProgress: (p) => progress.push(p) })).rejects.toEqual(
      new GatewayError('cancelled', 'Writing was cancelled; the workbook was left as it was.'),
    );
    expect(excel.workbook.picture()).toEqual(before);
    expect(progress.length).toBeGreaterThan(0);
    // read, probe, first chunk, then one sync that sends what was queued and deletes the created sheets
    expect(excel.stats.syncs).toBe(4);
    expect(excel.stats.find('method', 'delete').map((c) => c.target)).toEqual(['Worksheet(new "KPP temp")']); // 'Second' was never started
  });

  it('cancelling at any point of a normal write leaves the workbook as it was', async () => {
    for (let stopAfter = 1; stopAfter <= 3; stopAfter += 1) {
      const { excel, gateway } = setup();
      await gateway.writeSheets([realisticScenarioWrite(3, 'Old output 2')]);
      const before = excel.workbook.picture();
      const controller = new AbortController();
      let calls = 0;
      const promise = gateway.writeSheets([realisticScenarioWrite(3, 'Old output 2'), realisticScenarioWrite(2, 'New')], {
        replace: true,
        signal: controller.signal,
        onProgress: () => {
          calls += 1;
          if (calls === stopAfter * 3) controller.abort();
        },
      });
      await expect(promise).rejects.toMatchObject({ kind: 'cancelled' });
      expect(excel.workbook.picture()).toEqual(before);
    }
  });

  it('a failure inside Excel is reported with the sheet named, and created sheets are removed', async () => {
    const { excel, gateway } = setup();
    const before = excel.workbook.picture();
    excel.failWhen = (call) => call.member === 'setPosition';
    const error = await gateway.writeSheets([realisticScenarioWrite(3)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: 'excel' });
    expect((error as GatewayError).message).toMatch(/^Excel could not write sheet 'Forecast - Base': An internal error has occurred \(at Chart\(new Line\)\.setPosition\)\.$/);
    excel.failWhen = undefined;
    expect(excel.workbook.picture()).toEqual(before);
  });

  it('a failure while replacing leaves the old sheet as it was', async () => {
    const { excel, gateway } = setup();
    await gateway.writeSheets([realisticScenarioWrite(3)]);
    const before = excel.workbook.picture();
    excel.failWhen = (call) => call.kind === 'set' && call.member === 'cellValue.rule';
    await expect(gateway.writeSheets([realisticScenarioWrite(6)], { replace: true })).rejects.toMatchObject({ kind: 'excel' });
    excel.failWhen = undefined;
    expect(excel.workbook.picture()).toEqual(before);
  });

  it('splits rows so each chunk stays under the limit and refuses a single oversized row', () => {
    const input = Array.from({ length: 100 }, (_, i) => [`row ${i}`, i]);
    const chunks = rowChunks({ input, numberFormats: null, label: 'block' }, 300);
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(100);
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const c of chunks) expect(c.bytes).toBeLessThanOrEqual(300);
    expect(rowChunks({ input, numberFormats: null, label: 'block' }, 1e9)).toHaveLength(1);
    expect(() => rowChunks({ input: [['x'.repeat(500)]], numberFormats: null, label: 'table T' }, 300, 'S')).toThrow(/Row 1 of the table T on 'S'/);
  });
});

describe('OfficeGateway settings', () => {
  it('round-trips scenario definitions through workbook settings, one sync each', async () => {
    const { excel, gateway } = setup();
    expect(await gateway.loadSetting('kpp.scenarios')).toBeNull();
    const json = JSON.stringify([{ id: 'a', name: 'Base', parameters: { horizon: 5 } }]);
    excel.resetStats();
    await gateway.saveSetting('kpp.scenarios', json);
    expect(excel.stats.syncs).toBe(1);
    expect(excel.workbook.settings.get('kpp.scenarios')).toBe(json);
    // a new session on the same workbook (save and reopen) sees it
    const reopened = new OfficeGateway({ run: excel.run });
    expect(await reopened.loadSetting('kpp.scenarios')).toBe(json);
    excel.workbook.settings.set('other', { not: 'a string' });
    expect(await reopened.loadSetting('other')).toBe('{"not":"a string"}');
    await expect(gateway.saveSetting('', 'x')).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('OfficeGateway plumbing', () => {
  it('an empty write costs nothing', async () => {
    const { excel, gateway } = setup();
    expect(await gateway.writeSheets([])).toEqual({ sheets: [], tables: [], cellsWritten: 0, bytesWritten: 0, syncs: 0 });
    expect(excel.stats.syncs).toBe(0);
  });

  it('uses the global Excel.run by default', async () => {
    const excel = countingExcel(inputWorkbook());
    const restore = excel.install();
    try {
      const gateway = new OfficeGateway();
      expect((await gateway.describe()).sheets).toContain('Notes');
    } finally {
      restore();
    }
  });

  it('wraps Office errors in plain words', () => {
    const e = toGatewayError({ code: 'InvalidArgument', message: 'The argument is invalid.', debugInfo: { errorLocation: 'Range.values' } }, "write sheet 'X'");
    expect(e).toEqual(new GatewayError('excel', "Excel could not write sheet 'X': The argument is invalid (at Range.values)."));
    expect(toGatewayError(new Error('boom'), 'read table T').message).toBe('Excel could not read table T: boom.');
    const g = new GatewayError('notFound', 'x');
    expect(toGatewayError(g, 'y')).toBe(g);
  });
});
