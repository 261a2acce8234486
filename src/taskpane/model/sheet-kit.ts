/**
 * A small helper for laying out a result sheet top to bottom: titles, blocks and tables placed one
 * under the other with a blank row between, each remembering where it landed so later parts (charts,
 * conditional formats, formulas) can point at it.
 */
import type { BlockSpec, CellValue, ChartSpec, ConditionalFormatSpec, Matrix, SheetWrite, TableSpec } from '../../excel/gateway';
import { blockAddress, formatCell, indexToColumn } from '../../excel/a1';
import { validSheetName, validTableName } from '../../excel/names';

/** Number formats (the pane rounds for display only). */
export const FORMAT = { pupils: '#,##0', fraction: '0.0%', ratio: '0.000', fe: '0.00' } as const;

/** Fills for the surplus statuses and the reconciliation results. */
export const STATUS_FILLS: ConditionalFormatSpec['rules'] = [
  { text: 'Deficit', fill: '#F8CBAD', fontColor: '#9C0006' },
  { text: 'Below target', fill: '#FFE699', fontColor: '#7F6000' },
  { text: 'Within target', fill: '#C6EFCE', fontColor: '#006100' },
  { text: 'Above target', fill: '#BDD7EE', fontColor: '#1F4E78' },
];
export const CHECK_FILLS: ConditionalFormatSpec['rules'] = [
  { text: 'OK', fill: '#C6EFCE', fontColor: '#006100' },
  { text: 'MISMATCH', fill: '#FFC7CE', fontColor: '#9C0006' },
];
export const YES_NO_FILLS: ConditionalFormatSpec['rules'] = [
  { text: 'Yes', fill: '#C6EFCE', fontColor: '#006100' },
  { text: 'No', fill: '#FFC7CE', fontColor: '#9C0006' },
];

/** The line every parameters block ends with. */
export const ROUNDING_NOTE = 'Rounded for display only; totals are sums of unrounded values.';

/** A cell that holds a formula in live mode (and its value, for values mode). */
export interface FormulaCell {
  formula: string;
}
export type LiveCell = CellValue | FormulaCell;

export function isFormula(c: LiveCell): c is FormulaCell {
  return typeof c === 'object' && c !== null && 'formula' in c;
}

/**
 * A cell as it goes into a block marked `formulas: true`: formulas as "=..." and text starting with
 * "=" or an apostrophe behind Excel's quote prefix so it stays text.
 */
export function formulaBlockCell(c: LiveCell): CellValue {
  if (isFormula(c)) return c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (typeof c === 'string' && /^['=]/.test(c)) return `'${c}`;
  return c;
}

/** Converts a matrix with formula cells; `formulas` says whether the block must be written as formulas. */
export function liveMatrix(rows: readonly (readonly LiveCell[])[]): { values: Matrix; formulas: boolean } {
  const formulas = rows.some((r) => r.some(isFormula));
  return { values: rows.map((r) => r.map((c) => (formulas ? formulaBlockCell(c) : (c as CellValue)))), formulas };
}

/** Where a placed block or table sits, 0-based. */
export interface Placed {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A1 address of a cell offset inside a placed part. */
export function cellAt(p: Placed, r: number, c: number, absolute = false): string {
  return formatCell({ row: p.row + r, column: p.column + c }, absolute);
}

/** A1 address of a column inside a placed part, rows r0..r1 (inclusive, offsets). */
export function columnRange(p: Placed, c: number, r0: number, r1: number, absolute = false): string {
  const a = cellAt(p, r0, c, absolute);
  const b = cellAt(p, r1, c, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** A string safe to use inside a table name ("Base case 2025!" -> "Base_case_2025"). */
export function slug(text: string, max = 40): string {
  const s = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, max);
  return s === '' ? 'Scenario' : s;
}

export class SheetBuilder {
  readonly sheet: string;
  private row = 0;
  private readonly blocks: BlockSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly formats: ConditionalFormatSpec[] = [];
  /** The widest part placed so far (columns), so side parts can go to the right of it. */
  private width = 0;

  constructor(sheetName: string) {
    this.sheet = validSheetName(sheetName);
  }

  /** The next free row (0-based). */
  get nextRow(): number {
    return this.row;
  }

  /** Columns used by the parts placed in column A. */
  get usedWidth(): number {
    return this.width;
  }

  /** Skips rows. */
  skip(rows = 1): void {
    this.row += rows;
  }

  /** A bold one-cell heading, followed by `gap` blank rows (default none). */
  heading(text: string, gap = 0): Placed {
    const p = this.block([[text]], { boldFirstRow: true, gap });
    return p;
  }

  /**
   * A plain block at column `column` (default A) on the next free row, or at an explicit position.
   * Advances the cursor past it plus `gap` blank rows (default 1) unless placed explicitly.
   */
  block(
    values: readonly (readonly LiveCell[])[],
    options: { column?: number; at?: { row: number; column: number }; gap?: number; numberFormat?: BlockSpec['numberFormat']; boldFirstRow?: boolean; forceFormulas?: boolean } = {},
  ): Placed {
    const live = liveMatrix(values);
    const formulas = live.formulas || options.forceFormulas === true;
    const rows = formulas && !live.formulas ? values.map((r) => r.map(formulaBlockCell)) : live.values;
    const at = options.at ?? { row: this.row, column: options.column ?? 0 };
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const placed: Placed = { row: at.row, column: at.column, rows: Math.max(1, rows.length), columns };
    const spec: BlockSpec = { startCell: formatCell(at), values: rows.map((r) => padRow(r, columns)) };
    if (formulas) spec.formulas = true;
    if (options.numberFormat !== undefined) spec.numberFormat = options.numberFormat;
    if (options.boldFirstRow) spec.boldFirstRow = true;
    this.blocks.push(spec);
    if (!options.at) {
      this.row = at.row + placed.rows + (options.gap ?? 1);
      this.width = Math.max(this.width, at.column + columns);
    }
    return placed;
  }

  /** An Excel table (header + body) on the next free row at column A; body cells may be formulas. */
  table(name: string, headers: string[], body: readonly (readonly LiveCell[])[], numberFormats?: (string | null)[], gap = 1): Placed {
    const live = liveMatrix(body);
    const at = { row: this.row, column: 0 };
    const spec: TableSpec = {
      name: validTableName(name),
      startCell: formatCell(at),
      headers,
      rows: live.values.map((r) => padRow(r, headers.length)),
    };
    if (live.formulas) spec.formulas = true;
    if (numberFormats) spec.numberFormats = numberFormats;
    this.tables.push(spec);
    const placed: Placed = { row: at.row, column: 0, rows: body.length + 1, columns: headers.length };
    this.row = at.row + Math.max(1, body.length) + 1 + gap;
    this.width = Math.max(this.width, headers.length);
    return placed;
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** Colours cells of a range by their exact text. */
  format(range: string, rules: ConditionalFormatSpec['rules']): void {
    this.formats.push({ range, rules });
  }

  build(activate = true): SheetWrite {
    return { sheet: this.sheet, blocks: this.blocks, tables: this.tables, charts: this.charts, formats: this.formats, activate };
  }
}

function padRow(row: readonly CellValue[], width: number): CellValue[] {
  const out = row.slice(0, Math.max(width, row.length));
  while (out.length < width) out.push(null);
  return out;
}

/** The address of a placed part (whole). */
export function placedAddress(p: Placed): string {
  return blockAddress({ row: p.row, column: p.column }, p.rows, p.columns);
}

/** Column letters of a placed part's column offset. */
export function columnLetters(p: Placed, c: number): string {
  return indexToColumn(p.column + c);
}

/** "5%" / "0.5%" for headers and text. */
export function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}
