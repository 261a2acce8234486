/**
 * A plain, serialisable picture of a workbook: what `MemoryGateway` holds, what the sample generator
 * produces and what the xlsx builder writes.
 */
import type { CellValue } from './gateway';

export interface TableData {
  name: string;
  /** A1 address on the sheet, header row included, e.g. "A1:J97". */
  range: string;
}

export interface SheetData {
  name: string;
  /** Cell values from A1, rows first. Formulas are strings starting with "=". */
  values: CellValue[][];
  tables?: TableData[];
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
}
