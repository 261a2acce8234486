import { GatewayError, type SheetWrite, type WriteProgress } from '../../src/excel/gateway';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';

function workbook(): WorkbookData {
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
      {
        name: 'Notes',
        values: [[null, null], [null, 'Capacity'], [null, 420], [null, '=SUM(B3:B3)'], [null, "'=not a formula"]],
      },
      { name: 'Empty', values: [] },
    ],
    names: [{ name: 'Capacity', sheet: 'Notes', range: 'B2:B3' }],
    settings: { existing: 'yes' },
  };
}

function forecastWrite(sheet = 'Forecast - Base', rows = 3): SheetWrite {
  return {
    sheet,
    blocks: [{ startCell: 'A1', values: [['Forecast: Base'], ['Method', 'mean']], boldFirstRow: true }],
    tables: [
      {
        name: 'Forecast Base',
        startCell: 'A4',
        headers: ['Area', 'Year', 'R', 'Y1'],
        rows: Array.from({ length: rows }, (_, i) => [`Area ${i}`, 2025 + i, 100 + i, 0.5 + i]),
        numberFormats: [null, '0', '#,##0', '0.0%'],
      },
    ],
    charts: [{ type: 'line', title: 'Forecast against capacity', dataRange: 'B4:D7', seriesBy: 'columns', anchor: 'G2' }],
    formats: [{ range: 'D5:D7', rules: [{ text: 'Deficit', fill: '#FFC7CE', fontColor: '#9C0006' }] }],
  };
}

describe('MemoryGateway reading', () => {
  it('describes sheets, tables and names', async () => {
    const g = new MemoryGateway(workbook());
    expect(await g.describe()).toEqual({
      sheets: ['Primary rolls', 'Notes', 'Empty'],
      tables: [{ name: 'PrimaryRolls', sheet: 'Primary rolls', address: 'A1:E4' }],
      names: [{ name: 'Capacity', sheet: 'Notes', address: 'B2:B3' }],
    });
  });

  it('reads a table with its header row, case-insensitively, error cells as text', async () => {
    const g = new MemoryGateway(workbook());
    const t = await g.read({ kind: 'table', name: 'primaryrolls' });
    expect(t.sheet).toBe('Primary rolls');
    expect(t.address).toBe('A1:E4');
    expect(t.values[0]).toEqual(['District', 'Planning area', 'Year', 'R', 'Y1']);
    expect(t.values[2][4]).toBe('#N/A');
    expect(t.values[3][4]).toBeNull();
  });

  it('reads a defined name and a range, padding beyond the used area with nulls', async () => {
    const g = new MemoryGateway(workbook());
    expect(await g.read({ kind: 'name', name: 'CAPACITY' })).toEqual({ sheet: 'Notes', address: 'B2:B3', values: [['Capacity'], [420]] });
    const r = await g.read({ kind: 'range', sheet: 'notes', address: '$B$3:$D$6' });
    expect(r).toEqual({
      sheet: 'Notes',
      address: 'B3:D6',
      values: [
        [420, null, null],
        ['=SUM(B3:B3)', null, null],
        ['=not a formula', null, null],
        [null, null, null],
      ],
    });
  });

  it('reads whole columns as their used part', async () => {
    const g = new MemoryGateway(workbook());
    const r = await g.read({ kind: 'range', sheet: 'Primary rolls', address: 'D:E' });
    expect(r.address).toBe('D1:E4');
    expect(r.values).toHaveLength(4);
    const blank = await g.read({ kind: 'range', sheet: 'Empty', address: 'A:A' });
    expect(blank.values).toEqual([[null]]);
  });

  it('says what was not found', async () => {
    const g = new MemoryGateway(workbook());
    await expect(g.read({ kind: 'table', name: 'Nope' })).rejects.toMatchObject({ kind: 'notFound', message: "Table 'Nope' was not found in this workbook." });
    await expect(g.read({ kind: 'name', name: 'Nope' })).rejects.toMatchObject({ kind: 'notFound' });
    await expect(g.read({ kind: 'range', sheet: 'Nope', address: 'A1' })).rejects.toMatchObject({ kind: 'notFound', message: "Sheet 'Nope' was not found." });
    await expect(g.read({ kind: 'range', sheet: 'Notes', address: 'A1:' })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(g.read({ kind: 'range', sheet: 'Notes', address: 'Other!A1' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('never lets a caller change the workbook through what it read', async () => {
    const g = new MemoryGateway(workbook());
    const before = g.snapshot();
    const t = await g.read({ kind: 'table', name: 'PrimaryRolls' });
    t.values[1][3] = 999;
    t.values.push(['x']);
    const snap = g.snapshot();
    expect(snap).toEqual(before);
    snap.sheets[0].values[1][3] = 555;
    expect(g.snapshot()).toEqual(before);
  });

  it('does not share the data it was built from', () => {
    const data = workbook();
    const g = new MemoryGateway(data);
    data.sheets[0].values[1][3] = 0;
    expect(g.snapshot().sheets[0].values[1][3]).toBe(120);
  });

  it('reports the selection, defaulting to A1 of the first sheet', async () => {
    const g = new MemoryGateway(workbook());
    expect(await g.selection()).toEqual({ kind: 'range', sheet: 'Primary rolls', address: 'A1' });
    let calls = 0;
    g.subscribe(() => (calls += 1));
    g.select('notes', '$b$2:b3');
    expect(await g.selection()).toEqual({ kind: 'range', sheet: 'Notes', address: 'B2:B3' });
    expect(calls).toBe(1);
    expect(() => g.select('Nope', 'A1')).toThrow(GatewayError);
  });

  it('tells absent, empty and non-empty sheets apart', async () => {
    const data = workbook();
    data.sheets.push({ name: 'Blank strings', values: [['', null]] }, { name: 'Chart only', values: [], charts: [{ type: 'bar', title: 't', dataRange: 'A1:B2', seriesBy: 'rows', anchor: 'D1' }] });
    const g = new MemoryGateway(data);
    expect(await g.sheetStates(['Notes', 'empty', 'Missing', 'Blank strings', 'Chart only'])).toEqual({
      Notes: 'nonEmpty',
      empty: 'empty',
      Missing: 'absent',
      'Blank strings': 'empty',
      'Chart only': 'nonEmpty',
    });
  });
});

describe('MemoryGateway writing', () => {
  it('writes blocks, a table, a chart and formats to a new sheet', async () => {
    const g = new MemoryGateway(workbook());
    let redraws = 0;
    g.subscribe(() => (redraws += 1));
    const report = await g.writeSheets([forecastWrite()]);
    expect(report).toMatchObject({ sheets: ['Forecast - Base'], tables: ['Forecast_Base'], cellsWritten: 2 * 2 + 4 * 4, syncs: 0 });
    expect(report.bytesWritten).toBeGreaterThan(0);
    expect(redraws).toBe(1);
    const s = g.snapshot().sheets.find((x) => x.name === 'Forecast - Base')!;
    expect(s.values[0][0]).toBe('Forecast: Base');
    expect(s.values[1]).toEqual(['Method', 'mean']);
    expect(s.values[2]).toEqual([]);
    expect(s.values[3]).toEqual(['Area', 'Year', 'R', 'Y1']);
    expect(s.values[6]).toEqual(['Area 2', 2027, 102, 2.5]);
    expect(s.tables).toEqual([{ name: 'Forecast_Base', range: 'A4:D7' }]);
    expect(s.numberFormats?.[3]).toEqual([]); // header row keeps General
    expect(s.numberFormats?.[4]).toEqual([null, '0', '#,##0', '0.0%']);
    expect(s.charts).toEqual([{ type: 'line', title: 'Forecast against capacity', dataRange: 'B4:D7', seriesBy: 'columns', anchor: 'G2' }]);
    expect(s.formats).toEqual([{ range: 'D5:D7', rules: [{ text: 'Deficit', fill: '#FFC7CE', fontColor: '#9C0006' }] }]);
    expect(s.bold).toEqual(['A1:B1']);
    // the written table reads back through the gateway
    const t = await g.read({ kind: 'table', name: 'forecast_base' });
    expect(t.values).toHaveLength(4);
  });

  it('writes user text as text: formula-like strings are stored quoted and read back unchanged', async () => {
    const g = new MemoryGateway(workbook());
    const hostile = ['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', "'quoted", '2019-20', 'plain'];
    await g.writeSheets([{ sheet: 'Out', blocks: [{ startCell: 'A1', values: [hostile] }], tables: [{ name: '=Evil', startCell: 'A3', headers: ['=Area', 'x'], rows: [['=1+1', '@x']] }], charts: [], formats: [] }]);
    const s = g.snapshot().sheets.find((x) => x.name === 'Out')!;
    expect(s.values[0]).toEqual(["'=HYPERLINK(\"http://evil\")", '+1', '-2', '@SUM(A1)', "''quoted", '2019-20', 'plain']);
    // no stored cell is a formula
    for (const row of s.values) for (const v of row) expect(typeof v === 'string' && v.startsWith('=')).toBe(false);
    expect(s.tables?.[0].name).toBe('_Evil');
    const back = await g.read({ kind: 'range', sheet: 'Out', address: 'A1:G1' });
    expect(back.values[0]).toEqual(hostile);
    const table = await g.read({ kind: 'table', name: '_Evil' });
    expect(table.values).toEqual([['=Area', 'x'], ['=1+1', '@x']]);
  });

  it('writes formulas only in blocks marked as formulas', async () => {
    const g = new MemoryGateway(workbook());
    await g.writeSheets([
      {
        sheet: 'Live',
        blocks: [{ startCell: 'A1', values: [['=KENT.SURPLUS(B1:B3,C1:C3)', "'=shown as text", '+1']], formulas: true }],
        tables: [{ name: 'LiveT', startCell: 'A3', headers: ['F'], rows: [['=A1*2']], formulas: true }],
        charts: [],
        formats: [],
      },
    ]);
    const s = g.snapshot().sheets.find((x) => x.name === 'Live')!;
    expect(s.values[0]).toEqual(['=KENT.SURPLUS(B1:B3,C1:C3)', "'=shown as text", '+1']);
    expect(s.values[3]).toEqual(['=A1*2']);
  });

  it('refuses to overwrite a sheet holding data unless told to replace, naming the sheet', async () => {
    const g = new MemoryGateway(workbook());
    await g.writeSheets([forecastWrite()]);
    const before = g.snapshot();
    await expect(g.writeSheets([forecastWrite('forecast - base')])).rejects.toEqual(
      new GatewayError('conflict', "Sheet 'Forecast - Base' already holds data; choose Replace to overwrite it."),
    );
    await expect(g.writeSheets([forecastWrite('Notes'), forecastWrite('Primary rolls')])).rejects.toThrow(
      "Sheets 'Notes' and 'Primary rolls' already hold data; choose Replace to overwrite them.",
    );
    expect(g.snapshot()).toEqual(before);
  });

  it('writes into an existing empty sheet without asking, keeping its position', async () => {
    const g = new MemoryGateway(workbook());
    await g.writeSheets([forecastWrite('Empty')]);
    const snap = g.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Primary rolls', 'Notes', 'Empty']);
    expect(snap.sheets[2].tables?.[0].name).toBe('Forecast_Base');
  });

  it('replaces: old contents go entirely, the table name is reused, other sheets untouched', async () => {
    const g = new MemoryGateway(workbook());
    await g.writeSheets([forecastWrite('Forecast - Base', 10)]);
    const others = g.snapshot().sheets.filter((s) => s.name !== 'Forecast - Base');
    const report = await g.writeSheets([forecastWrite('FORECAST - BASE', 2)], { replace: true });
    expect(report.sheets).toEqual(['Forecast - Base']); // the user's spelling stays
    expect(report.tables).toEqual(['Forecast_Base']);
    const snap = g.snapshot();
    const s = snap.sheets.find((x) => x.name === 'Forecast - Base')!;
    expect(s.values.length).toBe(6); // 2 blocks rows + blank + header + 2 rows
    expect(s.tables).toEqual([{ name: 'Forecast_Base', range: 'A4:D6' }]);
    expect(snap.sheets.filter((x) => x.name !== 'Forecast - Base')).toEqual(others);
  });

  it('keeps table names unique across the workbook and against defined names', async () => {
    const g = new MemoryGateway(workbook());
    const r = await g.writeSheets([
      { sheet: 'A', blocks: [], tables: [{ name: 'PrimaryRolls', startCell: 'A1', headers: ['x'], rows: [[1]] }, { name: 'capacity', startCell: 'C1', headers: ['y'], rows: [[2]] }], charts: [], formats: [] },
      { sheet: 'B', blocks: [], tables: [{ name: 'PrimaryRolls', startCell: 'A1', headers: ['x'], rows: [] }], charts: [], formats: [] },
    ]);
    expect(r.tables).toEqual(['PrimaryRolls_2', 'capacity_2', 'PrimaryRolls_3']);
    // an empty table still gets one body row, as in Excel
    expect(g.snapshot().sheets.find((s) => s.name === 'B')!.tables).toEqual([{ name: 'PrimaryRolls_3', range: 'A1:A2' }]);
  });

  it('makes sheet names valid but does not rename on conflict', async () => {
    const g = new MemoryGateway(workbook());
    const r = await g.writeSheets([{ ...forecastWrite('Forecast: Base/2025 with a very long name indeed'), charts: [], formats: [] }]);
    expect(r.sheets).toEqual(['Forecast_ Base_2025 with a very']);
  });

  it('rejects bad requests before writing anything, naming the place', async () => {
    const g = new MemoryGateway(workbook());
    const before = g.snapshot();
    const bad: [SheetWrite[], RegExp][] = [
      [[forecastWrite('X'), forecastWrite('x')], /same sheet 'x'/],
      [[{ ...forecastWrite('X'), blocks: [{ startCell: 'Z0', values: [[1]] }] }], /Z0/],
      [[{ ...forecastWrite('X'), blocks: [{ startCell: 'A1', values: [[NaN]] }] }], /Cell X!A1: NaN/],
      [[{ ...forecastWrite('X'), blocks: [{ startCell: 'B2', values: [['a'.repeat(40000)]] }] }], /X!B2: the text is 40,000 characters/],
      [[{ ...forecastWrite('X'), charts: [{ type: 'line', title: 'c', dataRange: 'Other!A1:B2', seriesBy: 'columns', anchor: 'A1' }] }], /another sheet/],
      [[{ ...forecastWrite('X'), formats: [{ range: 'A1:A3', rules: [{ text: 'x', fill: 'red' }] }] }], /#RRGGBB/],
      [[{ ...forecastWrite('X'), tables: [forecastWrite().tables[0], { ...forecastWrite().tables[0], startCell: 'B5' }] }], /overlap/],
      [[{ ...forecastWrite('X'), tables: [{ ...forecastWrite().tables[0], rows: [[1, 2, 3, 4, 5]] }] }], /row 1 has 5 cells/],
      [[{ ...forecastWrite('X'), blocks: [{ startCell: 'A1048576', values: [[1], [2]] }] }], /outside the worksheet/],
    ];
    for (const [writes, why] of bad) {
      await expect(g.writeSheets(writes)).rejects.toThrow(why);
    }
    expect(g.snapshot()).toEqual(before);
  });

  it('a cancelled write leaves nothing behind, however far it got', async () => {
    for (let stopAt = 0; stopAt < 6; stopAt += 1) {
      const g = new MemoryGateway(workbook());
      await g.writeSheets([forecastWrite('Old')]);
      const before = g.snapshot();
      const controller = new AbortController();
      const seen: WriteProgress[] = [];
      const promise = g.writeSheets([forecastWrite('New'), forecastWrite('Old')], {
        replace: true,
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (seen.length > stopAt) controller.abort();
        },
      });
      await expect(promise).rejects.toMatchObject({ kind: 'cancelled' });
      expect(g.snapshot()).toEqual(before);
    }
  });

  it('a signal aborted before the call writes nothing', async () => {
    const g = new MemoryGateway(workbook());
    const before = g.snapshot();
    await expect(g.writeSheets([forecastWrite()], { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(g.snapshot()).toEqual(before);
  });

  it('reports progress up to done', async () => {
    const g = new MemoryGateway(workbook());
    const seen: WriteProgress[] = [];
    await g.writeSheets([forecastWrite()], { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toEqual({ done: seen[0].total, total: seen[0].total, step: 'Done' });
    for (let i = 1; i < seen.length; i += 1) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
  });

  it('activates a sheet when asked', async () => {
    const g = new MemoryGateway(workbook());
    await g.writeSheets([{ ...forecastWrite(), activate: true }]);
    expect(g.snapshot().activeSheet).toBe('Forecast - Base');
    expect(await g.selection()).toEqual({ kind: 'range', sheet: 'Forecast - Base', address: 'A1' });
  });
});

describe('MemoryGateway settings', () => {
  it('round-trips settings and keeps them in the snapshot', async () => {
    const g = new MemoryGateway(workbook());
    expect(await g.loadSetting('kpp.scenarios')).toBeNull();
    const json = JSON.stringify([{ id: '1', name: 'Base =1+1' }]);
    await g.saveSetting('kpp.scenarios', json);
    expect(await g.loadSetting('kpp.scenarios')).toBe(json);
    expect(g.snapshot().settings).toEqual({ existing: 'yes', 'kpp.scenarios': json });
    const reopened = new MemoryGateway(g.snapshot());
    expect(await reopened.loadSetting('kpp.scenarios')).toBe(json);
    await expect(g.saveSetting('', 'x')).rejects.toMatchObject({ kind: 'invalid' });
  });
});
