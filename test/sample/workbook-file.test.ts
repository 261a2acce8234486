import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  addDynamicArrays, buildSampleXlsx, displayFormula, dynamicArrayCells, fileFormula, METADATA_XML, readZip, sheetParts, writeZip,
} from '../../src/tools/build-sample-workbook';
import {
  ACCURACY_HEADERS, GEOGRAPHY_HEADERS, KENT_FUNCTIONS, PRIMARY_HEADERS, SECONDARY_HEADERS, SHEET_NAMES, TABLE_NAMES, sampleWorkbookLayout,
} from '../../src/sample';
import { WorkbookEvaluator } from '../../src/sample/formula-eval';
import { blockAddress } from '../../src/excel/a1';

const repoRoot = path.resolve(__dirname, '..', '..');
const committed = path.join(repoRoot, 'assets', 'kent-sample.xlsx');

let dir: string;
let file: string;
let bytes: Buffer;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kpp-sample-'));
  file = path.join(dir, 'kent-sample.xlsx');
  bytes = await buildSampleXlsx(2017);
  writeFileSync(file, bytes);
  await wb.xlsx.readFile(file);
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as { formula?: string } | null;
  return v && typeof v === 'object' && typeof v.formula === 'string' ? v.formula : null;
}

describe('sample xlsx: sheets and tables read back with exceljs', () => {
  it('has the sheets in order, Cover first', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Try the functions', 'Primary rolls', 'Secondary rolls', 'Accuracy', 'Geography']);
  });

  it.each([
    [SHEET_NAMES.primary, TABLE_NAMES.primary, PRIMARY_HEADERS, 'A1:M408'],
    [SHEET_NAMES.secondary, TABLE_NAMES.secondary, SECONDARY_HEADERS, 'A1:J133'],
    [SHEET_NAMES.accuracy, TABLE_NAMES.accuracy, ACCURACY_HEADERS, 'A1:D49'],
    [SHEET_NAMES.geography, TABLE_NAMES.geography, GEOGRAPHY_HEADERS, 'A1:D38'],
  ])('%s holds the Excel table %s with its headers, bold, frozen header row', (sheetName, tableName, headers, ref) => {
    const ws = sheet(sheetName);
    const table = ws.getTable(tableName) as unknown as { table: { ref: string; tableRef?: string; columns: { name: string }[] } };
    expect(table).toBeTruthy();
    expect(table.table.tableRef ?? table.table.ref).toBe(ref);
    expect(table.table.columns.map((c) => c.name)).toEqual(headers);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps the numbers as numbers with a thousands format, and blanks blank', () => {
    const ws = sheet(SHEET_NAMES.primary);
    const layout = sampleWorkbookLayout(2017);
    const pa = layout.kent.planningAreas[0];
    expect(ws.getCell('D2').value).toBe(pa.rolls[0][0]);
    expect(ws.getCell('D2').numFmt).toBe('#,##0');
    expect(ws.getCell('L2').value).toBe(pa.pan);
    expect(ws.getCell('D8').value).toBeNull(); // first forecast row: rolls blank
    expect(ws.getCell('M8').value).toBe(pa.dwellings[0]);
    expect(ws.getCell('C8').value).toBe('2017-18');
  });
});

describe('sample xlsx: the Try the functions sheet', () => {
  const layout = sampleWorkbookLayout(2017);

  it('holds a formula for every KENT function, stored as Excel stores add-in functions (_xldudf_KENT_...)', () => {
    const ws = sheet(SHEET_NAMES.tryFunctions);
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      const f = formulaOf(cell);
      if (f) formulas.push(f);
    }));
    for (const fn of KENT_FUNCTIONS) {
      expect(formulas.some((f) => f.includes(`_xldudf_KENT_${fn}(`))).toBe(true);
    }
    expect(formulas.some((f) => /(^|[^_])KENT\./.test(f))).toBe(false);
    for (const ex of layout.examples) {
      expect(displayFormula(formulaOf(ws.getCell(ex.cell!))!)).toBe(ex.formula);
    }
  });

  it('stores every KENT formula as a dynamic array (cm="1" + t="array") whose ref is the size of its result', () => {
    const cells = dynamicArrayCells(bytes, SHEET_NAMES.tryFunctions);
    const evaluator = new WorkbookEvaluator(layout.data);
    expect([...cells.keys()].sort()).toEqual(layout.examples.map((e) => e.cell!).sort());
    for (const ex of layout.examples) {
      const result = evaluator.evaluateCell(SHEET_NAMES.tryFunctions, ex.cell!);
      expect(cells.get(ex.cell!)).toBe(blockAddress(ex.cell!, result.length, result[0].length));
      expect([result.length, result[0].length]).toEqual([ex.rows, ex.columns]);
    }
    const entries = readZip(bytes);
    expect(entries.find((e) => e.name === 'xl/metadata.xml')!.data.toString('utf8')).toBe(METADATA_XML);
    expect(entries.find((e) => e.name === '[Content_Types].xml')!.data.toString('utf8')).toContain('PartName="/xl/metadata.xml"');
    expect(entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!.data.toString('utf8')).toContain('relationships/sheetMetadata" Target="metadata.xml"');
    expect(entries.find((e) => e.name === 'xl/workbook.xml')!.data.toString('utf8')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('caches the results of the real functions, so the file reads sensibly before Excel recalculates', () => {
    const ws = sheet(SHEET_NAMES.tryFunctions);
    const surplus = layout.examples.find((e) => e.name === 'KENT.SURPLUS')!;
    const cached = (ws.getCell(surplus.cell!).value as { result?: number }).result!;
    expect(Math.abs(cached - 0.056)).toBeLessThan(0.0005);
    const forecast = layout.examples.find((e) => e.name === 'KENT.FORECAST')!;
    const anchor = ws.getCell(forecast.cell!).fullAddress;
    expect(typeof ws.getRow(anchor.row + 1).getCell(anchor.col).value).toBe('number'); // a spilled value
    const status = layout.examples.find((e) => e.name === 'KENT.SURPLUSSTATUS')!;
    expect((ws.getCell(status.cell!).value as { result?: string }).result).toBe('Within target');
    // the SUMIFS summary: Kent total Year R roll
    const kentRow = ws.getColumn(1).values.findIndex((v) => v === 'Kent');
    expect((ws.getRow(kentRow).getCell(4).value as { formula: string; result: number }).result).toBe(17000);
  });
});

describe('sample xlsx: cover and reproducibility', () => {
  it('says on the Cover which figures are published and which are illustrative, and how the formulas are stored', () => {
    const ws = sheet(SHEET_NAMES.cover);
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') text.push(c.value); }));
    const all = text.join('\n');
    expect(all).toMatch(/Published figures/);
    expect(all).toMatch(/Illustrative detail \(generated, not real Kent data\)/);
    expect(all).toMatch(/seed 2017/i);
    expect(all).toMatch(/_xldudf_KENT_/);
    expect(all).toMatch(/dynamic-array/);
  });

  it('gives identical bytes for two builds of the same seed, and different bytes for another seed', async () => {
    expect((await buildSampleXlsx(2017)).equals(bytes)).toBe(true);
    expect((await buildSampleXlsx(5)).equals(bytes)).toBe(false);
  }, 60000);

  it('matches the committed assets/kent-sample.xlsx part by part (rebuild with npx tsx src/tools/build-sample-workbook.ts)', () => {
    const fresh = readZip(bytes);
    const saved = readZip(readFileSync(committed));
    expect(saved.map((e) => e.name)).toEqual(fresh.map((e) => e.name));
    for (const e of fresh) {
      expect({ part: e.name, text: saved.find((s) => s.name === e.name)!.data.toString('utf8') }).toEqual({ part: e.name, text: e.data.toString('utf8') });
    }
  });
});

describe('build tool helpers', () => {
  it('converts between typed and stored custom-function formulas', () => {
    expect(fileFormula('=KENT.FORECAST(A1:B2,KENT.HOUSINGYIELD(C1:C5))')).toBe('_xldudf_KENT_FORECAST(A1:B2,_xldudf_KENT_HOUSINGYIELD(C1:C5))');
    expect(fileFormula('=SUMIFS(A:A,B:B,"x")')).toBe('SUMIFS(A:A,B:B,"x")');
    expect(displayFormula('_xldudf_KENT_SURPLUS(C6:C17,D6:D17)')).toBe('=KENT.SURPLUS(C6:C17,D6:D17)');
  });

  it('round-trips a zip archive and refuses to mark a cell that holds no array formula', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('hello') }, { name: 'dir/b.xml', data: Buffer.from('<x/>'.repeat(100)) }];
    expect(readZip(writeZip(entries))).toEqual(entries);
    const pkg = readZip(bytes);
    expect(sheetParts(pkg).get(SHEET_NAMES.primary)).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(() => addDynamicArrays(pkg, new Map([[SHEET_NAMES.primary, ['D2']]]))).toThrow(/does not hold an array formula/);
  });
});

describe('a copy for the development add-in', () => {
  it('stores the functions under the namespace asked for (KENTDEV for the dev build)', async () => {
    const dev = await buildSampleXlsx(2017, 'KENTDEV');
    const entries = readZip(dev);
    const part = sheetParts(entries).get(SHEET_NAMES.tryFunctions)!;
    const xml = entries.find((e) => e.name === part)!.data.toString('utf8');
    expect(xml).toContain('_xldudf_KENTDEV_SURPLUS(');
    expect(xml).not.toContain('_xldudf_KENT_');
    expect(dynamicArrayCells(dev, SHEET_NAMES.tryFunctions).size).toBe(sampleWorkbookLayout(2017).examples.length);
    await expect(buildSampleXlsx(2017, 'kent dev')).rejects.toThrow(/namespace/);
  }, 60000);
});
