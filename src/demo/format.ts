/**
 * Cell display for the demo grid: Excel-like number formats (the few the workbook uses: "#,##0",
 * "0.0", "0.0%", "0.00%", "0.000", "#,##0.0", "General"), and what a cell shows after formulas are
 * worked out (values, spilled results, errors, or the formula text when it cannot be worked out here).
 */
import { indexToColumn as columnLetters } from '../excel/a1';
import type { CellValue } from '../excel/gateway';
import type { SheetData, WorkbookData } from '../excel/workbook-data';
import { isFormula, readValue } from '../excel/write-plan';
import { isErrorValue, UnsupportedFormula, WorkbookEvaluator, type EvalCell } from '../sample/formula-eval';

const grouped = new Map<number, Intl.NumberFormat>();
const plain = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number, thousands: boolean): Intl.NumberFormat {
  const cache = thousands ? grouped : plain;
  let f = cache.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: thousands });
    cache.set(decimals, f);
  }
  return f;
}

/** Excel's "General" for numbers: up to 10 significant digits, no trailing zeros. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e11)) return n.toExponential(4).replace(/\.?0+e/, 'E').replace('E+', 'E+');
  return String(Number(n.toPrecision(10)));
}

/**
 * Formats a number with an Excel number format (the common subset; anything else falls back to General).
 * @example
 * formatNumber(1234.5, '#,##0') // "1,235"
 * formatNumber(0.0559, '0.0%') // "5.6%"
 */
export function formatNumber(n: number, format: string | null | undefined): string {
  if (!format || /^general$/i.test(format)) return general(n);
  const section = format.split(';')[0];
  const m = /^([#,0]*0)(?:\.(0+))?(%?)$/.exec(section.replace(/\\|"/g, ''));
  if (!m) return general(n);
  const decimals = m[2]?.length ?? 0;
  const thousands = m[1].includes(',');
  const percent = m[3] === '%';
  const text = numberFormat(decimals, thousands).format(percent ? n * 100 : n);
  return percent ? `${text}%` : text;
}

export type DisplayKind = 'empty' | 'number' | 'text' | 'boolean' | 'error' | 'formula';

export interface DisplayCell {
  text: string;
  kind: DisplayKind;
  /** The formula behind the cell (on its anchor cell, or the anchor's formula for spilled cells). */
  formula?: string;
  /** Part of another cell's spilled result. */
  spilled?: boolean;
  /** Tooltip: error messages, or why a formula is shown as text. */
  title?: string;
  /** The value behind the text (numbers unformatted), for charts; absent for errors and unworked formulas. */
  value?: string | number | boolean;
  /** The cell's number format, on numbers that have one other than General (charts label their axis with it). */
  numberFormat?: string;
}

const EMPTY: DisplayCell = { text: '', kind: 'empty' };

function show(value: EvalCell, format: string | null | undefined): DisplayCell {
  if (isErrorValue(value)) return { text: value.error, kind: 'error', title: value.message };
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'number') {
    return format && !/^general$/i.test(format)
      ? { text: formatNumber(value, format), kind: 'number', value, numberFormat: format }
      : { text: formatNumber(value, format), kind: 'number', value };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean', value };
  if (/^#(VALUE!|N\/A|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!)$/.test(value)) return { text: value, kind: 'error' };
  return { text: value, kind: 'text', value };
}

/**
 * What every cell of a sheet shows: formulas worked out with the real KENT functions where the
 * evaluator supports them (results spill into empty neighbouring cells, or #SPILL! as in Excel),
 * otherwise the formula text.
 */
export function displaySheet(data: WorkbookData, sheet: SheetData, maxRows: number, maxColumns: number, evaluator?: WorkbookEvaluator): DisplayCell[][] {
  const storedRows = Math.min(sheet.values.length, maxRows);
  const storedColumns = Math.min(Math.max(0, ...sheet.values.slice(0, storedRows).map((r) => r.length)), maxColumns);
  const stored = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
  const fmt = (r: number, c: number) => sheet.numberFormats?.[r]?.[c] ?? null;

  // Work out the formulas first: their results may spill past the stored cells.
  type Worked = { r: number; c: number; formula: string; cells: DisplayCell[][] };
  const worked: Worked[] = [];
  let ev = evaluator;
  for (let r = 0; r < storedRows; r++) {
    for (let c = 0; c < storedColumns; c++) {
      const v = stored(r, c);
      if (!isFormula(v)) continue;
      try {
        ev ??= new WorkbookEvaluator(data);
        const result = ev.evaluateCell(sheet.name, `${columnLetters(c)}${r + 1}`);
        const blocked = result.some((resRow, i) => resRow.some((_, j) => (i > 0 || j > 0) && stored(r + i, c + j) !== null && stored(r + i, c + j) !== ''));
        const cells: DisplayCell[][] = blocked
          ? [[{ text: '#SPILL!', kind: 'error', formula: v, title: 'The result would spill into cells that are not empty.' }]]
          : result.map((resRow, i) => resRow.map((x, j) => ({ ...show(x, fmt(r + i, c + j)), formula: v, ...(i || j ? { spilled: true } : {}) })));
        worked.push({ r, c, formula: v, cells });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        const pass = (e as { passThrough?: EvalCell }).passThrough;
        const cell: DisplayCell = pass && isErrorValue(pass)
          ? { text: pass.error, kind: 'error', formula: v, title: pass.message }
          : { text: v, kind: 'formula', formula: v, title: `Calculated in Excel (not in this preview: ${e instanceof UnsupportedFormula ? why : `error: ${why}`}).` };
        worked.push({ r, c, formula: v, cells: [[cell]] });
      }
    }
  }
  let rows = storedRows;
  let columns = storedColumns;
  for (const w of worked) {
    rows = Math.max(rows, Math.min(maxRows, w.r + w.cells.length));
    columns = Math.max(columns, Math.min(maxColumns, w.c + Math.max(...w.cells.map((x) => x.length))));
  }
  const out: DisplayCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: DisplayCell[] = [];
    for (let c = 0; c < columns; c++) row.push(isFormula(stored(r, c)) ? EMPTY : show(readValue(stored(r, c)), fmt(r, c)));
    out.push(row);
  }
  for (const w of worked) {
    w.cells.forEach((resRow, i) => resRow.forEach((cell, j) => {
      if (w.r + i < rows && w.c + j < columns) out[w.r + i][w.c + j] = cell;
    }));
  }
  return out;
}

/** Column letters of a 0-based column index (A1 helpers in src/excel/a1.ts). */
export { columnLetters };
