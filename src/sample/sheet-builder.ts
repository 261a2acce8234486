/**
 * A small helper for laying out the sample sheets: cell values, number formats and bold ranges in
 * the `SheetData` shape, plus the extra presentation the xlsx builder applies (column widths, wrapped
 * columns, frozen rows, titles, and the blocks kept clear for spilled results).
 */
import type { CellValue } from '../excel/gateway';
import type { SheetData, TableData } from '../excel/workbook-data';
import { blockAddress, formatCell, indexToColumn } from '../excel/a1';

/** A dynamic-array formula cell and the block (formula cell at top-left) kept empty for its spill. */
export interface SpillReservation {
  cell: string;
  rows: number;
  columns: number;
}

/** Presentation the xlsx file gets beyond what `SheetData` holds. */
export interface SheetLook {
  sheet: string;
  /** Column widths in characters from column A (missing = Excel's default). */
  columnWidths: number[];
  /** Ranges whose text wraps. */
  wrap: string[];
  /** Cells shown as titles (larger, bold). */
  titles: string[];
  /** Header rows frozen at the top (0 = none). */
  freezeRows: number;
  /** Formulas written as dynamic arrays, with room for what they spill. */
  spills: SpillReservation[];
}

export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly bold: string[] = [];
  readonly tables: TableData[] = [];
  readonly look: SheetLook;

  constructor(readonly name: string) {
    this.look = { sheet: name, columnWidths: [], wrap: [], titles: [], freezeRows: 0, spills: [] };
  }

  /** Sets a cell by 0-based row and column; `format` is an Excel number format. */
  set(row: number, column: number, value: CellValue, format?: string | null): void {
    while (this.values.length <= row) {
      this.values.push([]);
      this.formats.push([]);
    }
    const r = this.values[row];
    const f = this.formats[row];
    while (r.length <= column) {
      r.push(null);
      f.push(null);
    }
    r[column] = value;
    if (format !== undefined) f[column] = format;
  }

  /** Sets a row of values starting at the given cell. */
  row(row: number, column: number, values: readonly CellValue[], format?: string | readonly (string | undefined)[]): void {
    values.forEach((v, i) => this.set(row, column + i, v, typeof format === 'string' ? format : format?.[i]));
  }

  /** Number format for a block of cells whether or not they hold values (spill areas). */
  formatBlock(row: number, column: number, rows: number, columns: number, format: string | null): void {
    for (let r = row; r < row + rows; r++) {
      for (let c = column; c < column + columns; c++) {
        const current = this.values[r]?.[c];
        this.set(r, c, current === undefined ? null : current, format);
      }
    }
  }

  boldRange(row: number, column: number, rows = 1, columns = 1): void {
    this.bold.push(blockAddress({ row, column }, rows, columns));
  }

  static cell(row: number, column: number): string {
    return formatCell({ row, column });
  }

  static column(column: number): string {
    return indexToColumn(column);
  }

  /** Dense, rectangular SheetData (rows padded with nulls to the widest row). */
  toSheetData(): SheetData {
    const width = Math.max(0, ...this.values.map((r) => r.length));
    const values = this.values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
    const numberFormats = this.formats.map((r) => [...r, ...Array<string | null>(width - r.length).fill(null)]);
    const hasFormats = numberFormats.some((r) => r.some((f) => f !== null));
    return {
      name: this.name,
      values,
      ...(this.tables.length ? { tables: this.tables.map((t) => ({ ...t })) } : {}),
      ...(hasFormats ? { numberFormats } : {}),
      ...(this.bold.length ? { bold: [...this.bold] } : {}),
    };
  }
}
