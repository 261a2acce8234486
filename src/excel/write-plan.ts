/**
 * Turns the pane's {@link SheetWrite}s into exactly what gets sent to Excel, once, for both gateways:
 * valid sheet names, valid and unique table names, every cell converted to the input Excel is given
 * (escaped text, formulas only where a block asks for them), number formats as one matrix per block,
 * addresses checked. `OfficeGateway` assigns these inputs to ranges; `MemoryGateway` interprets them the
 * way Excel does. Nothing here touches a workbook.
 */
import {
  GatewayError,
  type CellValue,
  type ChartSpec,
  type ConditionalFormatSpec,
  type Matrix,
  type SheetWrite,
} from './gateway';
import { blockRange, formatCell, formatRange, parseCell, parseRange, quoteSheetName, rangesOverlap, type RangeRef } from './a1';
import { escapeText, needsEscape, uniqueHeaders, uniqueTableName, validSheetName } from './names';

/** Longest text Excel holds in one cell. */
export const MAX_CELL_TEXT = 32_767;
/** Longest formula Excel accepts. */
export const MAX_FORMULA = 8_192;

/** One cell as handed to Excel's Range.values / Range.formulas (null = leave the cell as it is). */
export type ExcelInput = string | number | boolean | null;

/** A rectangle of cells to assign in one go. */
export interface PlannedBlock {
  /** Plain description for messages, e.g. "table Forecast_Base" or "block at B2". */
  label: string;
  range: RangeRef;
  /** Row-major, exactly the size of `range`. */
  input: ExcelInput[][];
  /** Assign through Range.formulas (the block contains formulas) rather than Range.values. */
  useFormulas: boolean;
  /** One number format per cell (null = leave General), or null when the block sets none. */
  numberFormats: (string | null)[][] | null;
  /** Bold the first row. */
  boldFirstRow: boolean;
}

export interface PlannedTable {
  /** Name the caller asked for. */
  wanted: string;
  /** Valid, unique name the table gets. */
  name: string;
  /** Header row included. */
  range: RangeRef;
  /** The block holding headers and body. */
  block: PlannedBlock;
}

export interface PlannedChart {
  spec: ChartSpec;
  range: RangeRef;
  anchor: RangeRef;
}

export interface PlannedFormat {
  spec: ConditionalFormatSpec;
  range: RangeRef;
}

export interface PlannedSheet {
  /** Name the caller asked for. */
  wanted: string;
  /** Valid name written to. */
  name: string;
  /** Plain blocks first, then each table's block (tables win where they overlap a block). */
  blocks: PlannedBlock[];
  tables: PlannedTable[];
  charts: PlannedChart[];
  formats: PlannedFormat[];
  activate: boolean;
}

/** `'Sheet name'!B7`-style location for messages. */
export function where(sheet: string, range: RangeRef | string): string {
  return `${quoteSheetName(sheet)}!${typeof range === 'string' ? range : formatRange(range)}`;
}

/**
 * Converts one cell to what Excel is given.
 *
 * In a values block every string is text (escaped when Excel would reinterpret it). In a formulas
 * block a string starting with "=" is a formula and one starting with an apostrophe is literal text
 * (the apostrophe being Excel's quote prefix, as when typing); other strings are escaped text.
 *
 * @example toExcelInput('=1+1', false, 'x') // "'=1+1"
 * @example toExcelInput('=KENT.SURPLUS(A1:A3,B1:B3)', true, 'x') // '=KENT.SURPLUS(A1:A3,B1:B3)'
 * @throws GatewayError 'invalid' for NaN/Infinity or a non-cell value; 'tooLarge' for text over 32,767 characters or formulas over 8,192
 */
export function toExcelInput(value: unknown, formulas: boolean, at: string | (() => string)): ExcelInput {
  if (value === null || value === undefined) return null;
  const cell = (): string => (typeof at === 'string' ? at : at());
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new GatewayError('invalid', `Cell ${cell()}: ${String(value)} is not a number Excel can hold.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') throw new GatewayError('invalid', `Cell ${cell()}: a ${typeof value} cannot be written to a cell.`);
  if (formulas && value.startsWith('=')) {
    if (value.length > MAX_FORMULA) {
      throw new GatewayError('tooLarge', `Cell ${cell()}: the formula is ${value.length.toLocaleString('en-GB')} characters long; Excel accepts at most ${MAX_FORMULA.toLocaleString('en-GB')}.`);
    }
    return value;
  }
  const literal = formulas && value.startsWith("'") ? value.slice(1) : value;
  if (literal.length > MAX_CELL_TEXT) {
    throw new GatewayError('tooLarge', `Cell ${cell()}: the text is ${literal.length.toLocaleString('en-GB')} characters long; Excel holds at most ${MAX_CELL_TEXT.toLocaleString('en-GB')} in a cell.`);
  }
  return formulas && value.startsWith("'") ? `'${literal}` : escapeText(literal);
}

/**
 * What Excel stores for an input, in the WorkbookData convention: formulas stay as "=..." strings;
 * text that starts with "=" or an apostrophe is stored with a leading apostrophe (the quote prefix),
 * other text as it is. Used by MemoryGateway to behave as Excel does.
 *
 * @example storedValue("'=1+1") // "'=1+1"  (text "=1+1")
 * @example storedValue("'2019-20") // '2019-20'
 * @example storedValue('=A1') // '=A1' (formula)
 */
export function storedValue(input: ExcelInput): CellValue {
  if (typeof input !== 'string') return input;
  if (input.startsWith("'")) return textToStored(input.slice(1));
  return input;
}

/** Stores a piece of text in the WorkbookData convention (quote prefix when it starts with = or '). */
export function textToStored(text: string): string {
  return text.startsWith('=') || text.startsWith("'") ? `'${text}` : text;
}

/**
 * What reading a stored cell gives (as Excel's Range.values would, without calculating): quoted text
 * loses its quote prefix; formulas are returned as their "=..." text; everything else unchanged.
 *
 * @example readValue("'=1+1") // '=1+1'
 */
export function readValue(stored: CellValue | undefined): CellValue {
  if (stored === undefined) return null;
  if (typeof stored === 'string' && stored.startsWith("'")) return stored.slice(1);
  return stored;
}

/** Whether a stored cell is a formula (a string starting with "="). @example isFormula('=A1') // true */
export function isFormula(stored: CellValue | undefined): stored is string {
  return typeof stored === 'string' && stored.startsWith('=');
}

/** UTF-8 length of a string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Approximate bytes a JSON-serialisable payload costs on the wire (UTF-8 of its JSON). */
export function payloadBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

function rowsOf(values: Matrix, what: string): Matrix {
  if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
    throw new GatewayError('invalid', `${what}: values must be a list of rows.`);
  }
  return values;
}

function convertRows(rows: Matrix, range: RangeRef, width: number, formulas: boolean, sheet: string): ExcelInput[][] {
  return rows.map((row, r) => {
    const out: ExcelInput[] = new Array<ExcelInput>(width).fill(null);
    for (let c = 0; c < row.length; c += 1) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      out[c] = toExcelInput(v, formulas, () => where(sheet, formatCell({ row: range.start.row + r, column: range.start.column + c })));
    }
    return out;
  });
}

function formatMatrix(
  rows: number,
  columns: number,
  perColumn: readonly (string | null | undefined)[] | null,
  firstBodyRow: number,
): (string | null)[][] | null {
  if (!perColumn || perColumn.every((f) => f === null || f === undefined || f === '')) return null;
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r += 1) {
    const row: (string | null)[] = [];
    for (let c = 0; c < columns; c += 1) {
      const f = r < firstBodyRow ? null : perColumn[c];
      row.push(f === undefined || f === '' ? null : f);
    }
    out.push(row);
  }
  return out;
}

function onSheet(address: string, sheet: string, what: string): RangeRef {
  const r = parseRange(address);
  if (r.sheet !== undefined && r.sheet.toLowerCase() !== sheet.toLowerCase()) {
    throw new GatewayError('invalid', `${what} on sheet '${sheet}' refers to another sheet ('${r.sheet}'); it must use a range on the same sheet.`);
  }
  if (r.whole) throw new GatewayError('invalid', `${what} on sheet '${sheet}' uses a whole-${r.whole === 'rows' ? 'row' : 'column'} range (${address}); give cell addresses.`);
  return { start: r.start, end: r.end };
}

/**
 * Plans a write. `tableNamesTaken` are the table and defined names that will still exist in the
 * workbook (those on sheets about to be replaced excluded); planned names are unique against them and
 * against each other.
 *
 * @throws GatewayError 'invalid' (with the sheet and cell/range named) for bad addresses, overlapping
 *   tables, two writes to the same sheet, or a table row longer than its headers; 'tooLarge' as
 *   {@link toExcelInput} or when a block leaves the worksheet
 */
export function planWrites(writes: readonly SheetWrite[], tableNamesTaken: Iterable<string>): PlannedSheet[] {
  const taken = [...tableNamesTaken];
  const seenSheets = new Map<string, string>();
  return writes.map((w) => {
    const name = validSheetName(String(w.sheet ?? ''));
    const key = name.toLowerCase();
    const earlier = seenSheets.get(key);
    if (earlier !== undefined) {
      throw new GatewayError('invalid', `Two outputs were aimed at the same sheet '${name}' ('${earlier}' and '${w.sheet}'); give each its own sheet.`);
    }
    seenSheets.set(key, w.sheet);

    const blocks: PlannedBlock[] = [];
    for (const b of w.blocks ?? []) {
      const what = `The block at ${b.startCell}`;
      const rows = rowsOf(b.values, `${what} on sheet '${name}'`);
      const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
      if (rows.length === 0 || width === 0) continue;
      const range = sizedRange(b.startCell, rows.length, width, name, what);
      const perColumn = typeof b.numberFormat === 'string' ? new Array<string>(width).fill(b.numberFormat) : (b.numberFormat ?? null);
      blocks.push({
        label: `block at ${formatCell(range.start)}`,
        range,
        input: convertRows(rows, range, width, b.formulas === true, name),
        useFormulas: b.formulas === true,
        numberFormats: formatMatrix(rows.length, width, perColumn, 0),
        boldFirstRow: b.boldFirstRow === true,
      });
    }

    const tables: PlannedTable[] = [];
    for (const t of w.tables ?? []) {
      const tableName = uniqueTableName(String(t.name ?? ''), taken);
      taken.push(tableName);
      const what = `Table '${t.name}'`;
      if (!Array.isArray(t.headers) || t.headers.length === 0) throw new GatewayError('invalid', `${what} on sheet '${name}' has no columns.`);
      const width = t.headers.length;
      const body = rowsOf(t.rows, `${what} on sheet '${name}'`);
      body.forEach((r, i) => {
        if (r.length > width) {
          throw new GatewayError('invalid', `${what} on sheet '${name}': row ${i + 1} has ${r.length} cells but the table has ${width} columns.`);
        }
      });
      // Excel gives a table at least one body row.
      const rows: Matrix = body.length === 0 ? [new Array<CellValue>(width).fill(null)] : body;
      const range = sizedRange(t.startCell, rows.length + 1, width, name, what);
      const headers = uniqueHeaders(t.headers).map((h) => (needsEscape(h) ? `'${h}` : h));
      const bodyRange: RangeRef = { start: { row: range.start.row + 1, column: range.start.column }, end: range.end };
      const formulas = t.formulas === true;
      const input: ExcelInput[][] = [headers, ...convertRows(rows, bodyRange, width, formulas, name)];
      const block: PlannedBlock = {
        label: `table ${tableName}`,
        range,
        input,
        useFormulas: formulas,
        numberFormats: formatMatrix(rows.length + 1, width, t.numberFormats ?? null, 1),
        boldFirstRow: false,
      };
      for (const other of tables) {
        if (rangesOverlap(other.range, range)) {
          throw new GatewayError('invalid', `Tables '${other.wanted}' (${formatRange(other.range)}) and '${t.name}' (${formatRange(range)}) overlap on sheet '${name}'.`);
        }
      }
      tables.push({ wanted: t.name, name: tableName, range, block });
    }

    const charts: PlannedChart[] = (w.charts ?? []).map((c) => {
      if (c.type !== 'line' && c.type !== 'bar') throw new GatewayError('invalid', `Chart '${c.title}' on sheet '${name}': unknown chart type '${String(c.type)}'.`);
      const range = onSheet(c.dataRange, name, `Chart '${c.title}'`);
      const anchorCell = parseCell(c.anchor);
      return { spec: { ...c }, range, anchor: { start: anchorCell, end: anchorCell } };
    });

    const formats: PlannedFormat[] = (w.formats ?? []).map((f) => {
      const range = onSheet(f.range, name, 'Conditional formatting');
      for (const rule of f.rules) {
        if (!/^#[0-9a-fA-F]{6}$/.test(rule.fill) || (rule.fontColor !== undefined && !/^#[0-9a-fA-F]{6}$/.test(rule.fontColor))) {
          throw new GatewayError('invalid', `Conditional formatting on ${where(name, range)}: colours must look like #RRGGBB (got '${rule.fill}'${rule.fontColor ? ` / '${rule.fontColor}'` : ''}).`);
        }
      }
      return { spec: { range: formatRange(range), rules: f.rules.map((r) => ({ ...r })) }, range };
    });

    return { wanted: w.sheet, name, blocks: [...blocks, ...tables.map((t) => t.block)], tables, charts, formats, activate: w.activate === true };
  });
}

function sizedRange(startCell: string, rows: number, columns: number, sheet: string, what: string): RangeRef {
  try {
    return blockRange(startCell, rows, columns);
  } catch (e) {
    if (e instanceof GatewayError) {
      throw new GatewayError(/outside the worksheet/.test(e.message) ? 'tooLarge' : 'invalid', `${what} on sheet '${sheet}': ${e.message}`);
    }
    throw e;
  }
}

/** Cells a plan writes (headers included). */
export function plannedCells(plan: readonly PlannedSheet[]): number {
  let n = 0;
  for (const s of plan) for (const b of s.blocks) n += b.input.length * (b.input[0]?.length ?? 0);
  return n;
}

/**
 * Formula a conditional format uses to match a cell's exact text: `="Deficit"` (quotes doubled).
 *
 * @example exactTextFormula('Say "hi"') // '="Say ""hi"""'
 */
export function exactTextFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/**
 * The error the pane shows when target sheets hold data and Replace was not chosen.
 *
 * @example conflictError(['Forecast - Base']).message
 * // "Sheet 'Forecast - Base' already holds data; choose Replace to overwrite it."
 */
export function conflictError(sheets: readonly string[]): GatewayError {
  if (sheets.length === 1) return new GatewayError('conflict', `Sheet '${sheets[0]}' already holds data; choose Replace to overwrite it.`);
  const list = sheets.map((s) => `'${s}'`);
  const names = `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return new GatewayError('conflict', `Sheets ${names} already hold data; choose Replace to overwrite them.`);
}
