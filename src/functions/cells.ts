/**
 * Reading Excel arguments into plain engine input. The rules every KENT function follows (and its
 * help text repeats):
 *
 * - A range argument may be a single cell, a row or a column (or, for paired lists, two blocks of the
 *   same shape, read row by row). A value typed straight into the formula counts as a one-cell range.
 * - Blank cells arrive from Excel as null, "" or 0 depending on the build, so "blank" below means any
 *   of those. A pair or row whose cells are all blank is absent (skipped); a blank cell beside a
 *   figure counts as 0. This gives the same answer on every Excel build.
 * - Text (other than blank) or TRUE/FALSE where a number belongs is #VALUE!; NaN or infinite numbers
 *   and negative pupils or places are #NUM!; each message names the argument and the cell.
 * - Size limits (src/functions/limits.ts) are checked first, from the range's dimensions alone.
 * - Omitted optional arguments arrive as null and take their documented default.
 */
import { fail } from '../engine/errors';
import { requireNonNegative } from '../engine/validate';
import {
  MAX_DRIVER_CELLS,
  MAX_GROUPS,
  MAX_HISTORY_YEARS,
  MAX_LIST_CELLS,
  MAX_SERIES_YEARS,
  MAX_YEAR_GROUPS,
} from './limits';

/** Formats a cell value for a message without flooding it. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === null || value === undefined) return 'blank';
  if (Array.isArray(value)) return 'a range';
  return typeof value;
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-GB');
}

const BLANK_TEXT = /^\s*$/;

/** A blank cell: null, undefined, or text that is empty or only spaces. */
export function isBlank(value: unknown): boolean {
  // A regular-expression test allocates nothing (trim() would copy every label it is asked about).
  return value === null || value === undefined || (typeof value === 'string' && BLANK_TEXT.test(value));
}

/** Blank, or 0 (how some Excel builds pass blank cells). */
export function isBlankOrZero(value: unknown): boolean {
  return value === 0 || isBlank(value);
}

/** A range read as a rectangular table. */
export interface Table {
  cells: unknown[][];
  rows: number;
  columns: number;
}

/**
 * Reads a range argument as a rectangular table. A single value becomes a 1 x 1 table and a flat
 * list one row. The size limits are checked first, from the dimensions alone.
 *
 * @throws {PlanningError} NUM over a limit; VALUE for ragged rows or something that is not a range
 */
export function readTable(value: unknown, name: string, limits: { rows: number; columns: number; cells?: number }): Table {
  if (!Array.isArray(value)) {
    if (typeof value === 'object' && value !== null) fail('VALUE', `${name} must be a range of cells`);
    return { cells: [[value]], rows: 1, columns: 1 };
  }
  if (value.length === 0) return { cells: [], rows: 0, columns: 0 };
  const list: unknown[] = value;
  // Excel passes a list of rows; a flat list (not from Excel) is read as one row.
  const cells = Array.isArray(list[0]) ? (list as unknown[][]) : [list];
  const rows = cells.length;
  const columns = cells[0].length;
  checkSize(name, rows, columns, limits);
  for (let r = 0; r < rows; r++) {
    const row: unknown = cells[r];
    if (!Array.isArray(row)) fail('VALUE', `${name} must be a range: row ${r + 1} is not a list of cells`);
    if (row.length !== columns) fail('VALUE', `${name} must be a rectangular range: row ${r + 1} has ${row.length} cells, row 1 has ${columns}`);
  }
  if (columns === 0) return { cells: [], rows: 0, columns: 0 };
  return { cells, rows, columns };
}

function checkSize(name: string, rows: number, columns: number, limits: { rows: number; columns: number; cells?: number }): void {
  if (rows > limits.rows) fail('NUM', `${name} has ${fmtInt(rows)} rows: the limit is ${fmtInt(limits.rows)}`);
  if (columns > limits.columns) fail('NUM', `${name} has ${fmtInt(columns)} columns: the limit is ${fmtInt(limits.columns)}`);
  if (limits.cells !== undefined && rows * columns > limits.cells) {
    fail('NUM', `${name} has ${fmtInt(rows * columns)} cells: the limit is ${fmtInt(limits.cells)}`);
  }
}

/** A list argument: its cells in reading order (row by row) and the shape they came from. */
export interface List {
  values: unknown[];
  rows: number;
  columns: number;
  name: string;
}

/** Reads a list argument: a row, a column or a block (read row by row), at most `maxCells` cells. */
export function readList(value: unknown, name: string, maxCells = MAX_LIST_CELLS): List {
  const t = readTable(value, name, { rows: maxCells, columns: maxCells, cells: maxCells });
  // Indexed copy into a preallocated array: ranges of 100,000 cells arrive here on every recalc.
  const values = new Array<unknown>(t.rows * t.columns);
  let k = 0;
  for (let r = 0; r < t.rows; r++) {
    const row = t.cells[r];
    for (let c = 0; c < t.columns; c++) values[k++] = row[c];
  }
  return { values, rows: t.rows, columns: t.columns, name };
}

/** "capacity item 3" for a row or column, "capacity row 2, column 3" for a block. */
export function cellName(list: List, index: number): string {
  if (list.rows <= 1 || list.columns <= 1) return `${list.name} item ${index + 1}`;
  return `${list.name} row ${Math.floor(index / list.columns) + 1}, column ${(index % list.columns) + 1}`;
}

function isBlock(list: List): boolean {
  return list.rows > 1 && list.columns > 1;
}

/** Requires lists of the same size, and the same shape when either is a block. */
export function requireSameShape(a: List, b: List): void {
  if (a.values.length !== b.values.length) {
    fail('VALUE', `${a.name} and ${b.name} must be the same size (${fmtInt(a.values.length)} vs ${fmtInt(b.values.length)})`);
  }
  if ((isBlock(a) || isBlock(b)) && (a.rows !== b.rows || a.columns !== b.columns)) {
    fail('VALUE', `${a.name} and ${b.name} must be the same shape (${a.rows} x ${a.columns} vs ${b.rows} x ${b.columns})`);
  }
}

/**
 * A count cell (pupils, places, dwellings): blank -> 0, otherwise a non-negative finite number.
 * `where` names the cell, and is only called to build an error message.
 */
export function countCell(v: unknown, where: () => string): number {
  // Fast path, no message built: a finite number >= 0 (v - v is 0 only for finite numbers).
  if (typeof v === 'number' && v >= 0 && v - v === 0) return v;
  return isBlank(v) ? 0 : requireNonNegative(v, where());
}

function count(list: List, index: number): number {
  const v = list.values[index];
  // Same fast path as countCell, inlined so the common case allocates no message closure.
  if (typeof v === 'number' && v >= 0 && v - v === 0) return v;
  return countCell(v, () => cellName(list, index));
}

/**
 * Reads paired count lists (capacity and roll, forecast and actual). Pairs blank on both sides are
 * skipped; a blank beside a figure is 0.
 *
 * @example
 * pairedCounts([[210], [null], [180]], [[200], [null], [181]], 'capacity', 'roll'); // [[210, 180], [200, 181]]
 * @throws {PlanningError} NUM over the size limit or for negative/non-finite figures; VALUE for
 *   different sizes or text; NA when every pair is blank
 */
export function pairedCounts(a: unknown, b: unknown, nameA: string, nameB: string): [number[], number[]] {
  const la = readList(a, nameA);
  const lb = readList(b, nameB);
  requireSameShape(la, lb);
  const outA: number[] = [];
  const outB: number[] = [];
  for (let i = 0; i < la.values.length; i++) {
    if (isBlankOrZero(la.values[i]) && isBlankOrZero(lb.values[i])) continue;
    outA.push(count(la, i));
    outB.push(count(lb, i));
  }
  if (outA.length === 0) fail('NA', `${nameA} and ${nameB} are empty: give at least one pair of figures`);
  return [outA, outB];
}

/** Label of a group cell: text trimmed, numbers and TRUE/FALSE as text, blank (or 0, a blank on some builds) as "(blank)". */
function label(value: unknown, where: () => string): string {
  if (isBlankOrZero(value)) return '(blank)';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : fail('NUM', `${where()} must be a label (got ${show(value)})`);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return fail('VALUE', `${where()} must be a label (got ${show(value)})`);
}

/**
 * Reads a grouped table: one group label and two counts per row. Rows blank in all three are
 * skipped; a figure with a blank label goes to the group "(blank)".
 *
 * @throws {PlanningError} as {@link pairedCounts}; NUM for more than MAX_GROUPS distinct groups
 */
export function groupedCounts(
  groups: unknown,
  a: unknown,
  b: unknown,
  nameA: string,
  nameB: string,
): { labels: string[]; a: number[]; b: number[] } {
  const lg = readList(groups, 'groups');
  const la = readList(a, nameA);
  const lb = readList(b, nameB);
  requireSameShape(lg, la);
  requireSameShape(la, lb);
  const labels: string[] = [];
  const outA: number[] = [];
  const outB: number[] = [];
  const distinct = new Set<string>();
  for (let i = 0; i < la.values.length; i++) {
    if (isBlankOrZero(lg.values[i]) && isBlankOrZero(la.values[i]) && isBlankOrZero(lb.values[i])) continue;
    const g = label(lg.values[i], () => cellName(lg, i));
    distinct.add(g);
    if (distinct.size > MAX_GROUPS) fail('NUM', `groups has more than ${fmtInt(MAX_GROUPS)} different labels: the limit is ${fmtInt(MAX_GROUPS)}`);
    labels.push(g);
    outA.push(count(la, i));
    outB.push(count(lb, i));
  }
  if (labels.length === 0) fail('NA', `groups, ${nameA} and ${nameB} are empty: give at least one row`);
  return { labels, a: outA, b: outB };
}

/** A history read from a range: rows of rolls and the range row the first one came from. */
export interface History {
  rows: number[][];
  /** 0-based offset of the first kept row inside the range (leading blank rows skipped). */
  firstRow: number;
}

/**
 * Reads a history (years x year groups, oldest year first). Blank rows at the top and bottom are
 * skipped (so a range may run on into the forecast years); a blank row between years is #VALUE!;
 * a blank cell in a row with figures is 0.
 *
 * @throws {PlanningError} NUM over maxYears x MAX_YEAR_GROUPS or for negative/non-finite figures; VALUE for text, a
 *   ragged range or a gap; NA when blank
 */
export function readHistory(value: unknown, name = 'history', maxYears = MAX_HISTORY_YEARS): History {
  const t = readTable(value, name, { rows: maxYears, columns: MAX_YEAR_GROUPS });
  const blankRow = (r: number): boolean => t.cells[r].every(isBlankOrZero);
  let first = 0;
  while (first < t.rows && blankRow(first)) first++;
  let last = t.rows - 1;
  while (last >= first && blankRow(last)) last--;
  if (first > last) fail('NA', `${name} is empty: give at least 2 years of rolls`);
  const rows: number[][] = [];
  for (let r = first; r <= last; r++) {
    if (blankRow(r)) fail('VALUE', `${name} row ${r + 1} is blank: give one row per consecutive year (delete the row or fill it in)`);
    rows.push(t.cells[r].map((v, c) => countCell(v, () => `${name} row ${r + 1}, column ${c + 1}`)));
  }
  return { rows, firstRow: first };
}

/**
 * Reads an intake driver (births, feeder Year 6): a row or a column aligned with the history range's
 * rows and running on into the forecast years. Blank or 0 = no driver that year. Entries before the
 * history's first kept row are dropped. Returns undefined when there is no driver at all.
 *
 * @throws {PlanningError} NUM over MAX_DRIVER_CELLS or for negative/non-finite figures; VALUE for a
 *   block or text
 */
export function readDriver(value: unknown, firstRow: number, name = 'driver'): (number | null)[] | undefined {
  if (isBlank(value)) return undefined;
  const list = readList(value, name, MAX_DRIVER_CELLS);
  if (isBlock(list)) fail('VALUE', `${name} must be a single row or column (got ${list.rows} x ${list.columns})`);
  const out: (number | null)[] = [];
  let any = false;
  for (let i = firstRow; i < list.values.length; i++) {
    const v = list.values[i];
    if (isBlankOrZero(v)) {
      out.push(null);
    } else {
      out.push(countCell(v, () => cellName(list, i)));
      any = true;
    }
  }
  return any ? out : undefined;
}

/**
 * Reads additions (pupils per forecast year and year group): blank cells are 0, rows past the
 * forecast are ignored. Returns undefined when omitted or blank.
 *
 * @throws {PlanningError} NUM over 200 x 14 or for negative/non-finite figures; VALUE for text
 */
export function readAdditions(value: unknown, name = 'additions'): number[][] | undefined {
  if (isBlank(value)) return undefined;
  const t = readTable(value, name, { rows: MAX_SERIES_YEARS, columns: MAX_YEAR_GROUPS });
  if (t.rows === 0) return undefined;
  return t.cells.map((row, r) => row.map((v, c) => countCell(v, () => `${name} row ${r + 1}, column ${c + 1}`)));
}

/** Unwraps a one-cell range passed where a single value belongs. */
function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  if (value.length === 1 && !Array.isArray(value[0])) return value[0];
  return fail('VALUE', `${name} must be a single value, not a range`);
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** A number from a single-value argument: numbers as they are, numeric text ("0.05", "5%") converted. */
function asNumber(value: unknown, name: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) {
    const text = value.trim();
    return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  }
  return fail('VALUE', `${name} must be a number (got ${show(value)})`);
}

/**
 * A required single number. A blank cell counts as 0, as in Excel's own formulas.
 * The engine checks the range (non-negative, whole, ...).
 */
export function requiredNumber(value: unknown, name: string): number {
  const v = single(value, name);
  return isBlank(v) ? 0 : asNumber(v, name);
}

/** An optional single number: omitted or blank -> undefined (the engine's default applies). */
export function optionalNumber(value: unknown, name: string): number | undefined {
  const v = single(value, name);
  return isBlank(v) ? undefined : asNumber(v, name);
}

/** An optional choice of text options, case-insensitive: omitted or blank -> the default. */
export function optionalChoice<T extends string>(value: unknown, name: string, options: readonly T[], fallback: T): T {
  const v = single(value, name);
  if (isBlank(v)) return fallback;
  if (typeof v !== 'string') fail('VALUE', `${name} must be ${options.map((o) => `"${o}"`).join(' or ')} (got ${show(v)})`);
  const key = v.trim().toLowerCase();
  const match = options.find((o) => o.toLowerCase() === key);
  if (match === undefined) fail('VALUE', `${name} must be ${options.map((o) => `"${o}"`).join(' or ')} (got ${show(v)})`);
  return match;
}

/** An optional TRUE/FALSE: omitted or blank -> the default; 1/0 and "TRUE"/"FALSE" accepted. */
export function optionalBoolean(value: unknown, name: string, fallback: boolean): boolean {
  const v = single(value, name);
  if (isBlank(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return fail('VALUE', `${name} must be TRUE or FALSE (got ${show(v)})`);
}
