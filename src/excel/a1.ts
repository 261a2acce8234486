/**
 * A1 address helpers: column letters, cells ("B7", "$B$7"), ranges ("B2:H40", "Sheet!A1:B2",
 * "'My sheet'!A1", whole columns "A:C" and whole rows "2:5"), range sizes, offsets and the address of a
 * block given its top-left cell and size.
 *
 * Rows and columns are 0-based inside the helpers (row 0 = Excel row 1, column 0 = column A); addresses
 * are what Excel shows. Every parse failure throws a {@link GatewayError} of kind `'invalid'` whose
 * message quotes the address, so the task pane can show it as it is.
 */
import { GatewayError } from './gateway';

/** Rows on an Excel worksheet. */
export const MAX_ROWS = 1_048_576;
/** Columns on an Excel worksheet (A..XFD). */
export const MAX_COLUMNS = 16_384;

/** A cell position, 0-based. */
export interface CellRef {
  row: number;
  column: number;
}

/** A rectangular range, 0-based and inclusive, start top-left and end bottom-right. */
export interface RangeRef {
  /** The sheet named in the address ("Sheet!A1"), unquoted; absent when the address had none. */
  sheet?: string;
  start: CellRef;
  end: CellRef;
  /** Set when the address was a whole-column ("A:C") or whole-row ("2:5") reference. */
  whole?: 'columns' | 'rows';
}

function invalid(message: string): never {
  throw new GatewayError('invalid', message);
}

/**
 * Column letters to a 0-based index.
 *
 * @example columnToIndex('A') // 0
 * @example columnToIndex('XFD') // 16383
 * @throws GatewayError 'invalid' when the letters are not a column on a worksheet
 */
export function columnToIndex(letters: string): number {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) invalid(`'${letters}' is not a column (expected letters A to XFD).`);
  const n = columnNumber(text);
  if (n > MAX_COLUMNS) invalid(`Column '${letters}' is beyond XFD, the last column of a worksheet.`);
  return n - 1;
}

/**
 * The 1-based column number of 1 to 3 letters, without range checks (callers that must not throw
 * compare it with {@link MAX_COLUMNS} themselves).
 *
 * @example columnNumber('A') // 1
 * @example columnNumber('xfd') // 16384
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A 0-based column index to its letters.
 *
 * @example indexToColumn(0) // 'A'
 * @example indexToColumn(27) // 'AB'
 * @throws GatewayError 'invalid' when the index is not a whole number from 0 to 16383
 */
export function indexToColumn(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    invalid(`Column number ${index + 1} is outside a worksheet (1 to ${MAX_COLUMNS}).`);
  }
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function checkRow(rowNumber: number, text: string): number {
  if (rowNumber < 1 || rowNumber > MAX_ROWS) invalid(`Row ${rowNumber} in '${text}' is outside a worksheet (1 to ${MAX_ROWS}).`);
  return rowNumber - 1;
}

/**
 * Parses one cell address ("B7", "$B$7", "b7").
 *
 * @example parseCell('B7') // { row: 6, column: 1 }
 * @throws GatewayError 'invalid' when the text is not a cell on a worksheet
 */
export function parseCell(text: string): CellRef {
  const m = CELL_RE.exec(text.trim());
  if (!m) invalid(`'${text}' is not a cell address (expected something like B7).`);
  return { column: columnToIndex(m[1]), row: checkRow(Number(m[2]), text) };
}

/**
 * Formats a cell position as an address.
 *
 * @example formatCell({ row: 6, column: 1 }) // 'B7'
 * @example formatCell({ row: 0, column: 0 }, true) // '$A$1'
 * @throws GatewayError 'invalid' when the position is outside a worksheet
 */
export function formatCell(cell: CellRef, absolute = false): string {
  if (!Number.isInteger(cell.row) || cell.row < 0 || cell.row >= MAX_ROWS) {
    invalid(`Row ${cell.row + 1} is outside a worksheet (1 to ${MAX_ROWS}).`);
  }
  const d = absolute ? '$' : '';
  return `${d}${indexToColumn(cell.column)}${d}${cell.row + 1}`;
}

/** Whether a sheet name must be quoted in an address ('My sheet'!A1). */
function needsQuotes(name: string): boolean {
  return !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || CELL_RE.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

/**
 * A sheet name as it appears before "!" in an address: quoted (apostrophes doubled) when needed.
 *
 * @example quoteSheetName('Data') // 'Data'
 * @example quoteSheetName("Kent's rolls") // "'Kent''s rolls'"
 */
export function quoteSheetName(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** Splits "Sheet!A1" / "'My sheet'!A1" into the sheet (unquoted) and the address. */
export function splitSheet(text: string): { sheet?: string; address: string } {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i];
      i += 1;
    }
    if (t[i] !== "'" || t[i + 1] !== '!') invalid(`'${text}' is not a valid address (unclosed quoted sheet name).`);
    if (name === '') invalid(`'${text}' names an empty sheet.`);
    return { sheet: name, address: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf('!');
  if (bang < 0) return { address: t };
  const sheet = t.slice(0, bang);
  if (sheet === '') invalid(`'${text}' names an empty sheet.`);
  return { sheet, address: t.slice(bang + 1) };
}

/**
 * Parses a range address: "B2:H40", "$A$1", "H40:B2" (normalised), "Sheet!A1:B2", "'My sheet'!A1",
 * whole columns "A:C" and whole rows "2:5".
 *
 * @example parseRange('B2:H40') // { start: { row: 1, column: 1 }, end: { row: 39, column: 7 } }
 * @example parseRange("'My sheet'!A1").sheet // 'My sheet'
 * @throws GatewayError 'invalid' when the text is not a range address
 */
export function parseRange(text: string): RangeRef {
  const { sheet, address } = splitSheet(text);
  const parts = address.split(':');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) invalid(`'${text}' is not a range address (expected something like B2:H40).`);
  const withSheet = (r: RangeRef): RangeRef => (sheet === undefined ? r : { sheet, ...r });
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => p.trim());
    const colA = /^\$?([A-Za-z]{1,3})$/.exec(a);
    const colB = /^\$?([A-Za-z]{1,3})$/.exec(b);
    if (colA && colB) {
      const c1 = columnToIndex(colA[1]);
      const c2 = columnToIndex(colB[1]);
      return withSheet({ start: { row: 0, column: Math.min(c1, c2) }, end: { row: MAX_ROWS - 1, column: Math.max(c1, c2) }, whole: 'columns' });
    }
    const rowA = /^\$?(\d{1,7})$/.exec(a);
    const rowB = /^\$?(\d{1,7})$/.exec(b);
    if (rowA && rowB) {
      const r1 = checkRow(Number(rowA[1]), text);
      const r2 = checkRow(Number(rowB[1]), text);
      return withSheet({ start: { row: Math.min(r1, r2), column: 0 }, end: { row: Math.max(r1, r2), column: MAX_COLUMNS - 1 }, whole: 'rows' });
    }
    if (!CELL_RE.test(a) || !CELL_RE.test(b)) invalid(`'${text}' is not a range address (expected something like B2:H40).`);
    const p = parseCell(a);
    const q = parseCell(b);
    return withSheet({
      start: { row: Math.min(p.row, q.row), column: Math.min(p.column, q.column) },
      end: { row: Math.max(p.row, q.row), column: Math.max(p.column, q.column) },
    });
  }
  if (!CELL_RE.test(parts[0].trim())) invalid(`'${text}' is not a range address (expected something like B2:H40).`);
  const c = parseCell(parts[0]);
  return withSheet({ start: c, end: { ...c } });
}

/** Like {@link parseRange} but returns null instead of throwing. */
export function tryParseRange(text: string): RangeRef | null {
  try {
    return parseRange(text);
  } catch {
    return null;
  }
}

/**
 * Formats a range as an address. A single cell formats as "B7"; whole columns/rows as "A:C" / "2:5".
 *
 * @example formatRange(parseRange('H40:B2')) // 'B2:H40'
 * @example formatRange({ sheet: 'My sheet', ...parseRange('A1:B2') }, { withSheet: true }) // "'My sheet'!A1:B2"
 * @throws GatewayError 'invalid' when the range is outside a worksheet
 */
export function formatRange(range: RangeRef, options: { absolute?: boolean; withSheet?: boolean } = {}): string {
  const d = options.absolute ? '$' : '';
  let body: string;
  if (range.whole === 'columns') {
    body = `${d}${indexToColumn(range.start.column)}:${d}${indexToColumn(range.end.column)}`;
  } else if (range.whole === 'rows') {
    body = `${d}${range.start.row + 1}:${d}${range.end.row + 1}`;
  } else {
    const a = formatCell(range.start, options.absolute);
    body = range.start.row === range.end.row && range.start.column === range.end.column ? a : `${a}:${formatCell(range.end, options.absolute)}`;
  }
  if (options.withSheet && range.sheet !== undefined) return `${quoteSheetName(range.sheet)}!${body}`;
  return body;
}

/**
 * Rows and columns in a range.
 *
 * @example rangeSize(parseRange('B2:H40')) // { rows: 39, columns: 7 }
 */
export function rangeSize(range: RangeRef): { rows: number; columns: number } {
  return { rows: range.end.row - range.start.row + 1, columns: range.end.column - range.start.column + 1 };
}

/**
 * The same-size range moved by `rows` down and `columns` right (negative moves up/left).
 *
 * @example formatRange(offsetRange(parseRange('A1:B2'), 2, 1)) // 'B3:C4'
 * @throws GatewayError 'invalid' when the moved range leaves the worksheet
 */
export function offsetRange(range: RangeRef, rows: number, columns: number): RangeRef {
  const moved: RangeRef = {
    ...range,
    start: { row: range.start.row + rows, column: range.start.column + columns },
    end: { row: range.end.row + rows, column: range.end.column + columns },
  };
  checkInside(moved, `Moving ${formatRange(range)} by ${rows} rows and ${columns} columns`);
  return moved;
}

function checkInside(r: RangeRef, what: string): void {
  if (r.start.row < 0 || r.start.column < 0 || r.end.row >= MAX_ROWS || r.end.column >= MAX_COLUMNS) {
    invalid(`${what} goes outside the worksheet (at most ${MAX_ROWS.toLocaleString('en-GB')} rows and ${MAX_COLUMNS.toLocaleString('en-GB')} columns, XFD).`);
  }
}

/**
 * The range of a block `rows` x `columns` whose top-left cell is `start`.
 *
 * @example formatRange(blockRange('B2', 3, 4)) // 'B2:E4'
 * @throws GatewayError 'invalid' when the size is not at least 1x1 or the block leaves the worksheet
 */
export function blockRange(start: string | CellRef, rows: number, columns: number): RangeRef {
  const s = typeof start === 'string' ? parseCell(start) : start;
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1) {
    invalid(`A block at ${typeof start === 'string' ? start : formatCell(s)} must be at least one row and one column (got ${rows} x ${columns}).`);
  }
  const r: RangeRef = { start: { ...s }, end: { row: s.row + rows - 1, column: s.column + columns - 1 } };
  checkInside(r, `A block of ${rows} rows and ${columns} columns at ${formatCell(s)}`);
  return r;
}

/**
 * The address of a block `rows` x `columns` whose top-left cell is `start`.
 *
 * @example blockAddress('B2', 3, 4) // 'B2:E4'
 * @example blockAddress('C5', 1, 1) // 'C5'
 * @throws GatewayError 'invalid' as {@link blockRange}
 */
export function blockAddress(start: string | CellRef, rows: number, columns: number): string {
  return formatRange(blockRange(start, rows, columns));
}

/**
 * Whether two ranges share at least one cell (sheets are ignored).
 *
 * @example rangesOverlap(parseRange('A1:C3'), parseRange('C3:D4')) // true
 */
export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.column <= b.end.column && b.start.column <= a.end.column;
}

/**
 * Whether `outer` contains every cell of `inner` (sheets are ignored).
 *
 * @example rangeContains(parseRange('A1:D10'), parseRange('B2:C3')) // true
 */
export function rangeContains(outer: RangeRef, inner: RangeRef): boolean {
  return outer.start.row <= inner.start.row && outer.start.column <= inner.start.column && outer.end.row >= inner.end.row && outer.end.column >= inner.end.column;
}

/**
 * The cells two ranges share, or null.
 *
 * @example formatRange(intersectRanges(parseRange('A1:C3'), parseRange('B2:D4'))!) // 'B2:C3'
 */
export function intersectRanges(a: RangeRef, b: RangeRef): RangeRef | null {
  if (!rangesOverlap(a, b)) return null;
  return {
    start: { row: Math.max(a.start.row, b.start.row), column: Math.max(a.start.column, b.start.column) },
    end: { row: Math.min(a.end.row, b.end.row), column: Math.min(a.end.column, b.end.column) },
  };
}
