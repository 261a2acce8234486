/** Helpers for reading what the sheet builders wrote, through MemoryGateway. */
import type { CellValue, Matrix, SheetWrite } from '../../../src/excel/gateway';
import type { SheetData, WorkbookData } from '../../../src/excel/workbook-data';
import { MemoryGateway } from '../../../src/excel/memory-gateway';
import { parseRange } from '../../../src/excel/a1';
import { readValue } from '../../../src/excel/write-plan';

/** A workbook with the input matrix placed at `at` on sheet `sheet`. */
export function workbookWithInput(input: Matrix, sheet = 'Primary rolls', at = 'A1'): WorkbookData {
  const start = parseRange(at).start;
  const values: CellValue[][] = [];
  for (let r = 0; r < start.row; r++) values.push([]);
  for (const row of input) values.push([...new Array<CellValue>(start.column).fill(null), ...row]);
  return { sheets: [{ name: sheet, values }] };
}

export async function writeAll(writes: SheetWrite[], base: WorkbookData = { sheets: [] }): Promise<{ gateway: MemoryGateway; data: WorkbookData }> {
  const gateway = new MemoryGateway(base);
  await gateway.writeSheets(writes);
  return { gateway, data: gateway.snapshot() };
}

export function sheetOf(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${data.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** Cell value as read (quote prefix removed). */
export function cell(sheet: SheetData, row: number, column: number): CellValue {
  return readValue(sheet.values[row]?.[column]);
}

/** A table's header and body as read, found by name prefix. */
export function table(sheet: SheetData, prefix: string): { headers: CellValue[]; rows: CellValue[][]; range: string; top: number; left: number } {
  const t = (sheet.tables ?? []).find((x) => x.name.startsWith(prefix));
  if (!t) throw new Error(`no table ${prefix}* on ${sheet.name}: ${(sheet.tables ?? []).map((x) => x.name).join(', ')}`);
  const r = parseRange(t.range);
  const grid: CellValue[][] = [];
  for (let i = r.start.row; i <= r.end.row; i++) {
    const row: CellValue[] = [];
    for (let j = r.start.column; j <= r.end.column; j++) row.push(cell(sheet, i, j));
    grid.push(row);
  }
  return { headers: grid[0], rows: grid.slice(1), range: t.range, top: r.start.row, left: r.start.column };
}

/** Row index of the first cell in column `column` whose text matches. */
export function findRow(sheet: SheetData, match: RegExp | string, column = 0): number {
  const i = sheet.values.findIndex((row) => {
    const v = readValue(row?.[column]);
    return typeof v === 'string' && (typeof match === 'string' ? v === match : match.test(v));
  });
  if (i < 0) throw new Error(`no row matching ${String(match)} on ${sheet.name}`);
  return i;
}

/** The value beside a label in a two-column parameters block. */
export function parameter(sheet: SheetData, label: string | RegExp): CellValue {
  return cell(sheet, findRow(sheet, label), 1);
}

export function expectClose(actual: unknown, expected: number, digits = 9): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(10 ** -digits * Math.max(1, Math.abs(expected)));
}
