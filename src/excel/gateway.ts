/**
 * The task pane's only door into a workbook. Two implementations stand behind it:
 * `OfficeGateway` (Excel.run, used inside Excel) and `MemoryGateway` (an in-memory workbook used by the
 * demo host and by tests). The pane never calls `Excel` directly.
 *
 * Promises: the gateway never changes a range it was asked to read, never writes into a non-empty sheet
 * unless the caller passed `replace: true` (after asking the user, naming the sheet), writes text that
 * starts with `=`, `+`, `-` or `@` as text unless the block is marked as formulas, and either writes a
 * whole operation or leaves the workbook as it was (on failure or cancellation).
 */

/** One cell's value as Excel reports it (an error cell reads as its text, e.g. "#DIV/0!"). */
export type CellValue = string | number | boolean | null;

/** A rectangular block of cell values, rows first. */
export type Matrix = CellValue[][];

/** Where the pane reads input from. */
export type InputSource =
  | { kind: 'table'; name: string }
  | { kind: 'name'; name: string }
  | { kind: 'range'; sheet: string; address: string };

/** A resolved range: sheet, A1 address on that sheet (no sheet prefix, e.g. "B2:H40") and its values. */
export interface RangeData {
  sheet: string;
  address: string;
  values: Matrix;
}

/** A table or defined name as listed for the input picker. */
export interface NamedRangeInfo {
  name: string;
  sheet: string;
  address: string;
}

/** What the input picker needs to know about the workbook. */
export interface WorkbookInfo {
  sheets: string[];
  tables: NamedRangeInfo[];
  names: NamedRangeInfo[];
}

/** A plain block of values (or formulas) written at a cell. */
export interface BlockSpec {
  /** Top-left cell, e.g. "A1". */
  startCell: string;
  values: Matrix;
  /** When true, strings starting with "=" are written as formulas; otherwise every string is text. */
  formulas?: boolean;
  /** One Excel number format for the whole block, or one per column (null = leave General). */
  numberFormat?: string | (string | null)[];
  /** Bold the first row (a header). */
  boldFirstRow?: boolean;
}

/** An Excel table: header row plus body, written with one values assignment. */
export interface TableSpec {
  /** Table name; the gateway makes it valid and unique in the workbook. */
  name: string;
  startCell: string;
  headers: string[];
  rows: Matrix;
  /** Body cells starting with "=" are formulas (live `KENT.*` outputs) rather than text. */
  formulas?: boolean;
  /** Number format per column (null = General). */
  numberFormats?: (string | null)[];
}

/** A native Excel chart over a range of the same sheet (first row = series names, first column = categories). */
export interface ChartSpec {
  type: 'line' | 'bar';
  title: string;
  /** A1 address on the same sheet of the chart's data, headers included. */
  dataRange: string;
  seriesBy: 'columns' | 'rows';
  /** Top-left cell the chart is placed at. */
  anchor: string;
  /** Optional axis titles. */
  xAxisTitle?: string;
  yAxisTitle?: string;
}

/** Cell fill by exact text (used to colour surplus statuses and within-tolerance flags). */
export interface ConditionalFormatSpec {
  /** A1 address on the same sheet. */
  range: string;
  rules: { text: string; fill: string; fontColor?: string }[];
}

/** Everything that one operation writes to one sheet. */
export interface SheetWrite {
  /** Wanted sheet name; the gateway makes it valid (31 chars, no []:*?/\) but does not rename on conflict. */
  sheet: string;
  blocks: BlockSpec[];
  tables: TableSpec[];
  charts: ChartSpec[];
  formats: ConditionalFormatSpec[];
  /** Make the sheet active after writing. */
  activate?: boolean;
}

/** The state of a sheet name before writing. */
export type SheetState = 'absent' | 'empty' | 'nonEmpty';

/** Progress of a long write, for the pane's progress bar. */
export interface WriteProgress {
  done: number;
  total: number;
  step: string;
}

export interface WriteOptions {
  /** Allow writing into sheets that exist and are not empty (they are cleared first). Ask the user first. */
  replace?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: WriteProgress) => void;
}

/** What a write did, for the status line and for the benchmarks. */
export interface WriteReport {
  sheets: string[];
  tables: string[];
  cellsWritten: number;
  /** Approximate payload sent to Excel, in bytes (JSON of the values and formulas). */
  bytesWritten: number;
  /** How many context.sync() round trips the operation cost (0 for the memory twin). */
  syncs: number;
}

/** Why a gateway call failed, in words for the pane. */
export type GatewayErrorKind = 'notFound' | 'conflict' | 'cancelled' | 'tooLarge' | 'invalid' | 'excel';

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  constructor(kind: GatewayErrorKind, message: string) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    Object.setPrototypeOf(this, GatewayError.prototype);
  }
}

export interface WorkbookGateway {
  /** Sheets, tables and defined names, for the input picker. */
  describe(): Promise<WorkbookInfo>;
  /** Reads a table (header row included), a defined name or a range. Throws GatewayError 'notFound'. */
  read(source: InputSource): Promise<RangeData>;
  /** The current selection as a range source. */
  selection(): Promise<{ kind: 'range'; sheet: string; address: string }>;
  /** Whether each named sheet is absent, empty or holds data. */
  sheetStates(names: string[]): Promise<Record<string, SheetState>>;
  /**
   * Writes one or more sheets in one operation. Throws GatewayError 'conflict' (naming the sheet) when a
   * target sheet is not empty and `replace` is not set, 'cancelled' when the signal aborts (nothing is left
   * half-written: sheets created by this call are removed).
   */
  writeSheets(writes: SheetWrite[], options?: WriteOptions): Promise<WriteReport>;
  /** Reads a string stored in the workbook (survives save and reopen), or null. */
  loadSetting(key: string): Promise<string | null>;
  /** Stores a string in the workbook. */
  saveSetting(key: string, value: string): Promise<void>;
}
