/**
 * A plain, serialisable picture of a workbook: what `MemoryGateway` holds, what the sample generator
 * produces and what the xlsx builder writes.
 *
 * Cell convention (the same as typing into Excel): a string starting with "=" is a formula; a string
 * starting with an apostrophe is literal text and the apostrophe is not part of it (Excel's quote
 * prefix), so `"'=SUM(A1)"` is the text `=SUM(A1)`, never a formula. Gateways write any text that
 * starts with "=" or "'" this way; any other string is plain text. Use `readValue` / `isFormula` /
 * `textToStored` from `./write-plan` rather than testing the first character by hand.
 */
import type { CellValue, ChartSpec, ConditionalFormatSpec } from './gateway';

export interface TableData {
  name: string;
  /** A1 address on the sheet, header row included, e.g. "A1:J97". */
  range: string;
}

export interface SheetData {
  name: string;
  /** Cell values from A1, rows first. Formulas are strings starting with "=" (see the cell convention above). */
  values: CellValue[][];
  tables?: TableData[];
  /** Number format per cell from A1, rows first, aligned with `values` (null or missing = General). */
  numberFormats?: (string | null)[][];
  /** Native charts on the sheet (as written by the gateway). */
  charts?: ChartSpec[];
  /** Conditional formats on the sheet: fill (and font colour) by exact cell text. */
  formats?: ConditionalFormatSpec[];
  /** A1 addresses of ranges shown in bold (e.g. a block's header row). */
  bold?: string[];
}

export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 address on the sheet. */
  range: string;
}

export interface WorkbookData {
  sheets: SheetData[];
  names?: DefinedName[];
  /** Workbook settings (scenario definitions live here). */
  settings?: Record<string, string>;
  /** The sheet shown; defaults to the first sheet. */
  activeSheet?: string;
  /** The current selection; defaults to A1 of the active sheet. */
  selection?: { sheet: string; address: string };
}
