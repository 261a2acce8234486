/**
 * Turning failures into Excel errors. Every KENT function runs its body through {@link excelValue} or
 * {@link excelTable}: a PlanningError becomes the matching CustomFunctions.Error with its message,
 * anything unexpected becomes #VALUE! with its message, and results are checked on the way out (finite
 * numbers, text or booleans only; tables rectangular, padded with ""). Nothing is thrown to Excel.
 *
 * Excel shows the message in the cell's error tooltip for #VALUE! and #N/A; for #NUM! and #DIV/0!
 * current Excel builds keep the message in the error object but do not display it.
 */
import { PlanningError, PlanningErrorCode } from '../engine/errors';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './limits';

/** A CustomFunctions.Error instance (typed here: the project has no custom-functions-runtime typings). */
export interface ExcelError extends Error {
  readonly code: string;
}

/** The part of Excel's CustomFunctions global the functions use. */
interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => ExcelError;
  ErrorCode: { invalidValue: string; notAvailable: string; divisionByZero: string; invalidNumber: string };
}

type ErrorCodeName = keyof CustomFunctionsGlobal['ErrorCode'];

const CODE_NAMES: Record<PlanningErrorCode, ErrorCodeName> = {
  VALUE: 'invalidValue',
  NUM: 'invalidNumber',
  DIV0: 'divisionByZero',
  NA: 'notAvailable',
};

/** One cell of a result: what Excel can show. */
export type CellResult = number | string | boolean | ExcelError;

function customFunctions(): CustomFunctionsGlobal {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (!cf || typeof cf.Error !== 'function') {
    // Only reachable outside Excel (e.g. a test without the stub): there is no cell to report to.
    throw new Error('KENT functions need Excel: the CustomFunctions global is missing');
  }
  return cf;
}

/** Makes a CustomFunctions.Error for a planning error code. */
export function excelError(code: PlanningErrorCode, message: string): ExcelError {
  const cf = customFunctions();
  return new cf.Error(cf.ErrorCode[CODE_NAMES[code]], message);
}

/** Maps anything thrown to an Excel error: PlanningError by its code, anything else to #VALUE!. */
export function toExcelError(e: unknown): ExcelError {
  if (e instanceof PlanningError && e.code in CODE_NAMES) return excelError(e.code, e.message || `${e.code} error`);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError('VALUE', `unexpected error: ${detail || 'unknown'}`);
}

/** Whether a value is an Excel error made by {@link excelError} (or Excel's own CustomFunctions.Error). */
export function isExcelError(value: unknown): value is ExcelError {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return Boolean(cf && typeof cf.Error === 'function' && value instanceof cf.Error);
}

function checkCell(value: unknown, where: string): CellResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PlanningError('NUM', `${where} is not a finite number`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  if (isExcelError(value)) return value;
  throw new PlanningError('VALUE', `${where} is not a value Excel can show`);
}

/**
 * Runs a scalar function body: its result (a finite number, text or a boolean) or an Excel error.
 *
 * @example
 * excelValue(() => placesToFe(660)); // 22
 * excelValue(() => placesToFe(-1));  // CustomFunctions.Error #NUM! "places must not be negative (got -1)"
 */
export function excelValue<T extends number | string | boolean>(body: () => T): T | ExcelError {
  try {
    const value = body();
    if (typeof value === 'number' && !Number.isFinite(value)) return excelError('NUM', 'the result is not a finite number');
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
      return excelError('VALUE', 'the result is not a value Excel can show');
    }
    return value;
  } catch (e) {
    return toExcelError(e);
  }
}

/**
 * Runs a function body that returns a table: the table made rectangular (short rows padded with "",
 * null/undefined cells shown as ""), or a 1 x 1 table holding the Excel error.
 *
 * @example
 * excelTable(() => [[1, 'a'], [2]]); // [[1, 'a'], [2, '']]
 */
export function excelTable(body: () => readonly (readonly unknown[])[]): CellResult[][] {
  try {
    const rows = body();
    if (!Array.isArray(rows) || rows.length === 0) return [[excelError('NA', 'there is nothing to show')]];
    let width = 0;
    for (const row of rows) width = Math.max(width, Array.isArray(row) ? row.length : 1);
    if (width === 0) return [[excelError('NA', 'there is nothing to show')]];
    if (rows.length > EXCEL_MAX_ROWS || width > EXCEL_MAX_COLUMNS) {
      return [[excelError('NUM', `the result (${rows.length} rows x ${width} columns) is larger than an Excel sheet`)]];
    }
    return rows.map((row, r) => {
      const cells = Array.isArray(row) ? row : [row];
      const out: CellResult[] = new Array(width);
      for (let c = 0; c < width; c++) out[c] = c < cells.length ? checkCell(cells[c], `result row ${r + 1}, column ${c + 1}`) : '';
      return out;
    });
  } catch (e) {
    return [[toExcelError(e)]];
  }
}
