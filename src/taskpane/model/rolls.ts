/**
 * Recognising and parsing a planner's rolls table (wide: one column per year group).
 *
 * The header row is matched case-, space- and punctuation-insensitively ("Year 7", "Yr7", "Y7", "year-7"
 * are the same). Where the pane had to guess (a bare "7", a lone "Group" column), the column's role is
 * marked `confident: false` so the UI can ask the planner to confirm it.
 *
 * Rows: grouped by (district, planning area) in first-appearance order. Rows with rolls are history;
 * later rows of the same area with every roll blank are forecast rows carrying future births/feeder,
 * PAN and dwellings. Nothing here throws on bad content: every problem comes back in plain words.
 */
import type { CellValue, Matrix } from '../../excel/gateway';

export type YearGroup = 'R' | 'Y1' | 'Y2' | 'Y3' | 'Y4' | 'Y5' | 'Y6' | 'Y7' | 'Y8' | 'Y9' | 'Y10' | 'Y11';
export type ColumnRoleKind = 'district' | 'area' | 'year' | 'yearGroup' | 'driver' | 'capacity' | 'dwellings' | 'ignore';

export interface ColumnRole {
  /** 0-based column offset inside the input range. */
  index: number;
  /** The header cell's text as it stands (trimmed). */
  header: string;
  role: ColumnRoleKind;
  yearGroup?: YearGroup;
  /** false where the pane guessed; the UI asks the planner to confirm or change the role. */
  confident: boolean;
}

export interface RollsLayout {
  columns: ColumnRole[];
}

/** Every year group in school order. */
export const YEAR_GROUPS: readonly YearGroup[] = ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11'];

/** Roles that may appear in at most one column. */
const SINGLE_ROLES: readonly ColumnRoleKind[] = ['district', 'area', 'year', 'driver', 'capacity', 'dwellings'];

/** How roles are named to a planner. */
export const ROLE_LABELS: Record<ColumnRoleKind, string> = {
  district: 'District',
  area: 'Planning area',
  year: 'Year',
  yearGroup: 'Year group',
  driver: 'Births / feeder Y6',
  capacity: 'PAN (capacity)',
  dwellings: 'Dwellings',
  ignore: 'Not used',
};

/** Longest header or label the pane accepts (Excel's own limit for a table header). */
export const MAX_LABEL_LENGTH = 255;

/** Excel error values as they read through the gateway. */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** True when a cell holds an Excel error value such as "#REF!". */
export function isErrorValue(value: CellValue | undefined): boolean {
  return typeof value === 'string' && ERROR_VALUE.test(value.trim());
}

/** True when text would be taken for a formula if typed into a cell (starts with =, +, - or @). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trim()) && !/^[+-]?\d/.test(text.trim());
}

/** Lower case, letters and digits only: "Year 7 (roll)" -> "year7roll". */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The year group a header names, and whether the match is certain; null when it names none. */
export function recogniseYearGroup(text: string): { yearGroup: YearGroup; confident: boolean } | null {
  let n = normaliseHeader(text);
  // Trailing words that do not change the meaning: "Y7 roll", "Year 3 pupils", "R NOR".
  n = n.replace(/(rolls?|pupils|nor|numberonroll)$/, '');
  if (['r', 'rec', 'recep', 'reception', 'yr', 'yearr', 'yrr', 'yearreception', 'yr0', 'y0', 'year0'].includes(n)) {
    return { yearGroup: 'R', confident: true };
  }
  const m = /^(y|yr|yg|yeargroup|year|ncy|ncyear)?(\d{1,2})$/.exec(n);
  if (!m) return null;
  const num = Number(m[2]);
  if (num < 1 || num > 11) return null;
  const yearGroup = `Y${num}` as YearGroup;
  return { yearGroup, confident: m[1] !== undefined };
}

/** The role a single header names, ignoring the other columns. */
function roleOfHeader(text: string): Omit<ColumnRole, 'index' | 'header'> {
  const n = normaliseHeader(text);
  if (n === '') return { role: 'ignore', confident: true };
  // The driver first: "Year 6 (previous year)" and "Feeder Y6" also contain a year group.
  if (n.includes('birth') || n.includes('feeder') || (/(y|yr|year)6/.test(n) && /(previous|prev|prior|last)year/.test(n))) {
    return { role: 'driver', confident: true };
  }
  const yg = recogniseYearGroup(text);
  if (yg) return { role: 'yearGroup', yearGroup: yg.yearGroup, confident: yg.confident };
  if (/^pan(\d{4})?$/.test(n) || n.includes('capacity') || n.includes('admissionnumber')) {
    return { role: 'capacity', confident: true };
  }
  if (n.includes('dwelling') || n.includes('housing') || n.includes('completion') || n === 'newhomes') {
    return { role: 'dwellings', confident: true };
  }
  if (n.includes('district')) return { role: 'district', confident: true };
  if (n.includes('planningarea') || n.includes('planninggroup') || n === 'area') return { role: 'area', confident: true };
  if (n === 'group' || n === 'pa' || n === 'areaname') return { role: 'area', confident: false };
  if (['year', 'academicyear', 'censusyear', 'schoolyear', 'census', 'ay'].includes(n)) return { role: 'year', confident: true };
  return { role: 'ignore', confident: true };
}

/** A header cell as text (trimmed); blanks and nulls are "". */
function headerText(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * Recognises the role of every column of a header row (one ColumnRole per cell, blanks included).
 *
 * @example
 * detectLayout(['District', 'Planning area', 'Year', 'R', 'Y1', 'Births', 'PAN']).columns.map((c) => c.role)
 * // ['district', 'area', 'year', 'yearGroup', 'yearGroup', 'driver', 'capacity']
 */
export function detectLayout(headerRow: readonly CellValue[]): RollsLayout {
  const columns: ColumnRole[] = headerRow.map((cell, index) => {
    const header = headerText(cell);
    if (isErrorValue(cell) || header.length > MAX_LABEL_LENGTH || looksLikeFormula(header)) {
      return { index, header, role: 'ignore', confident: true };
    }
    return { index, header, ...roleOfHeader(header) };
  });

  // "Area" beside a "Planning area" column is Kent's North/South/East/West: leave it out, but ask.
  const areas = columns.filter((c) => c.role === 'area');
  if (areas.length > 1) {
    const preferred = areas.find((c) => /planning/.test(normaliseHeader(c.header))) ?? areas.find((c) => c.confident) ?? areas[0];
    for (const c of areas) {
      if (c !== preferred) {
        c.role = 'ignore';
        c.confident = false;
      }
    }
  }
  // A year group far from every other year group is probably something else ("Yr" meaning Year).
  const ygCols = columns.filter((c) => c.role === 'yearGroup');
  if (ygCols.length > 1) {
    for (const c of ygCols) {
      const neighbour = (i: number) => columns[i]?.role === 'yearGroup';
      if (!neighbour(c.index - 1) && !neighbour(c.index + 1)) c.confident = false;
    }
  }
  return { columns };
}

/** "column 4 ("Y3")" — how a problem names a column. */
function columnName(c: Pick<ColumnRole, 'index' | 'header'>): string {
  const shown = c.header.length > 40 ? `${c.header.slice(0, 37)}...` : c.header;
  return shown ? `column ${c.index + 1} ("${shown}")` : `column ${c.index + 1} (no header)`;
}

/** Year-group columns in column order. */
export function yearGroupColumns(layout: RollsLayout): ColumnRole[] {
  return layout.columns.filter((c) => c.role === 'yearGroup' && c.yearGroup !== undefined).sort((a, b) => a.index - b.index);
}

/**
 * What stops a layout from being used, in plain words; [] when it is usable.
 *
 * @example
 * layoutProblems(detectLayout(['Area', 'R', 'Y1', 'Y3']))
 * // ['Year-group columns must follow on with no gap: Y1 is followed by Y3 (Y2 is missing).']
 */
export function layoutProblems(layout: RollsLayout): string[] {
  const problems: string[] = [];
  for (const c of layout.columns) {
    if (isErrorValue(c.header)) {
      problems.push(`The header of column ${c.index + 1} shows the error ${c.header}: repair the header in the workbook or leave that column out of the range.`);
    } else if (c.header.length > MAX_LABEL_LENGTH) {
      problems.push(`The header of column ${c.index + 1} is ${c.header.length.toLocaleString('en-GB')} characters long; is the first row of the range really the header row?`);
    } else if (looksLikeFormula(c.header) && c.role === 'ignore') {
      problems.push(`The header of ${columnName(c)} looks like a formula; is the first row of the range really the header row?`);
    }
    if (c.role === 'yearGroup' && (c.yearGroup === undefined || !YEAR_GROUPS.includes(c.yearGroup))) {
      problems.push(`${capitalise(columnName(c))} is marked as a year group but no year group is chosen for it.`);
    }
  }
  const years = yearGroupColumns(layout);
  if (years.length === 0) {
    const blanks = layout.columns.filter((c) => c.header === '').map((c) => c.index + 1);
    let msg = 'No year-group columns were recognised (R, Y1 ... Y11). Check that the first row of the range holds the column headers, or choose the role of each column.';
    if (blanks.length > 0) {
      msg += ` Columns ${listNumbers(blanks)} have blank headers (merged or empty cells).`;
    }
    problems.push(msg);
  }
  const seen = new Map<YearGroup, ColumnRole>();
  for (const c of years) {
    const yg = c.yearGroup as YearGroup;
    const first = seen.get(yg);
    if (first) problems.push(`${yg} appears in two columns: ${columnName(first)} and ${columnName(c)}.`);
    else seen.set(yg, c);
  }
  for (let i = 1; i < years.length; i++) {
    const prev = YEAR_GROUPS.indexOf(years[i - 1].yearGroup as YearGroup);
    const cur = YEAR_GROUPS.indexOf(years[i].yearGroup as YearGroup);
    if (cur === prev) continue; // reported as a duplicate
    if (cur < prev) {
      problems.push(`Year-group columns must run in school order: ${YEAR_GROUPS[cur]} (${columnName(years[i])}) comes after ${YEAR_GROUPS[prev]}.`);
    } else if (cur > prev + 1) {
      const missing = YEAR_GROUPS.slice(prev + 1, cur);
      problems.push(
        `Year-group columns must follow on with no gap: ${YEAR_GROUPS[prev]} is followed by ${YEAR_GROUPS[cur]} (${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing).`,
      );
    }
  }
  for (const role of SINGLE_ROLES) {
    const cols = layout.columns.filter((c) => c.role === role);
    if (cols.length > 1) {
      problems.push(`Only one column can be the ${ROLE_LABELS[role]} column, but ${cols.map(columnName).join(' and ')} both are. Choose one.`);
    }
  }
  return problems;
}

/** "Total", "Kent total", "Total (all areas)" and the like. */
function isTotalLabel(label: string): boolean {
  const n = normaliseHeader(label);
  return n === 'total' || n === 'grandtotal' || n.endsWith('total') || n.startsWith('total');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2-4, 7" from [2, 3, 4, 7]. */
function listNumbers(ns: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ns.length) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    parts.push(i === j ? `${ns[i]}` : `${ns[i]}-${ns[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export interface AreaHistory {
  area: string;
  /** '' when the table has no district column. */
  district: string;
  /** History year labels, oldest first (rows with rolls). */
  years: string[];
  /** Labels of later rows (rolls blank): they carry future births / dwellings / PAN. */
  forecastYears: string[];
  yearGroups: YearGroup[];
  /** years x yearGroups. */
  rolls: number[][];
  /** Aligned by row: history rows then forecast rows; null when there is no driver column. */
  driver: (number | null)[] | null;
  /** Entry-year capacity (the latest PAN given for the area), null when none is given. */
  pan: number | null;
  /** Completions per forecast row (0 where blank). */
  dwellings: number[];
  /** Row offsets (0 = header) inside the input range: the history rows then the forecast rows. */
  sourceRows: number[];
  /** Row offset (0 = header) of the row `pan` was taken from, for live formulas; absent when there is no PAN. */
  panRow?: number;
}

export interface ParseOptions {
  /**
   * Worksheet row number of the header row, so problems name the row a planner sees in Excel
   * (default 1: row numbers count from the top of the range, header = row 1).
   */
  headerRow?: number;
}

/** Text in optional number columns that means "no figure". */
const MISSING_MARKERS = new Set(['-', '–', '—', 'n/a', 'na', '..', ':', 'x', 'nk']);

type NumberCell = { ok: true; value: number | null } | { ok: false; why: string };

function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Shows a cell's content in a problem message, shortened and quoted. */
function shown(cell: CellValue): string {
  const s = String(cell);
  return `'${s.length > 30 ? `${s.slice(0, 27)}...` : s}'`;
}

/** Reads a number cell: numbers, numeric text ("1,234"), blank -> null; anything else is a problem. */
function readNumber(cell: CellValue | undefined, allowMissingMarkers: boolean): NumberCell {
  if (isBlank(cell)) return { ok: true, value: null };
  const c = cell as string | number | boolean;
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return { ok: false, why: `${shown(c)} is not a finite number` };
    if (c < 0) return { ok: false, why: `${c} is negative` };
    return { ok: true, value: c };
  }
  if (typeof c === 'boolean') return { ok: false, why: `${shown(c)} is not a number` };
  const text = c.trim();
  if (isErrorValue(text)) return { ok: false, why: `the cell shows the error ${text.toUpperCase()}` };
  if (allowMissingMarkers && MISSING_MARKERS.has(text.toLowerCase())) return { ok: true, value: null };
  if (/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) {
    const v = Number(text.replace(/,/g, ''));
    if (v < 0) return { ok: false, why: `${text} is negative` };
    return { ok: true, value: v };
  }
  if (looksLikeFormula(text)) return { ok: false, why: `${shown(text)} looks like a formula, not a number` };
  return { ok: false, why: `${shown(text)} is not a number` };
}

/** Reads a label cell (district, area, year); problems for errors and over-long text. */
function readLabel(cell: CellValue | undefined): { ok: true; value: string } | { ok: false; why: string } {
  if (isBlank(cell)) return { ok: true, value: '' };
  if (isErrorValue(cell)) return { ok: false, why: `the cell shows the error ${String(cell).trim().toUpperCase()}` };
  const text = String(cell).trim();
  if (text.length > MAX_LABEL_LENGTH) return { ok: false, why: `the text is ${text.length.toLocaleString('en-GB')} characters long (at most ${MAX_LABEL_LENGTH})` };
  return { ok: true, value: text };
}

interface RowRecord {
  offset: number;
  district: string;
  area: string;
  year: string;
  rolls: number[] | null; // null = every roll blank (a forecast row)
  driver: number | null;
  pan: number | null;
  dwellings: number | null;
  bad: boolean;
}

/**
 * Parses a rolls table with a layout (values[0] is the header row). Areas with bad cells are left out
 * and each problem names the row, the column and the value. Blank rows are ignored.
 *
 * @example
 * const values = [['Planning area', 'Year', 'R', 'Y1'], ['Ashford', '2022-23', 100, 98], ['Ashford', '2023-24', 104, 101]];
 * parseRolls(values, detectLayout(values[0])).areas[0].rolls // [[100, 98], [104, 101]]
 */
export function parseRolls(values: Matrix, layout: RollsLayout, options: ParseOptions = {}): { areas: AreaHistory[]; problems: string[] } {
  const problems = layoutProblems(layout);
  if (problems.length > 0) return { areas: [], problems };
  const headerRow = options.headerRow ?? 1;
  const rowName = (offset: number) => `Row ${headerRow + offset}`;
  const colName = (c: ColumnRole) => {
    const h = c.header || `column ${c.index + 1}`;
    return h.length > 40 ? `${h.slice(0, 37)}...` : h;
  };
  const one = (role: ColumnRoleKind) => layout.columns.find((c) => c.role === role);
  const districtCol = one('district');
  const areaCol = one('area');
  const yearCol = one('year');
  const driverCol = one('driver');
  const capacityCol = one('capacity');
  const dwellingsCol = one('dwellings');
  const ygCols = yearGroupColumns(layout);
  const yearGroups = ygCols.map((c) => c.yearGroup as YearGroup);

  const records: RowRecord[] = [];
  for (let offset = 1; offset < values.length; offset++) {
    const row = values[offset] ?? [];
    if (!Array.isArray(row) || row.every((cell) => isBlank(cell))) continue;
    const rec: RowRecord = { offset, district: '', area: '', year: '', rolls: null, driver: null, pan: null, dwellings: null, bad: false };
    const label = (col: ColumnRole | undefined): string => {
      if (!col) return '';
      const r = readLabel(row[col.index]);
      if (!r.ok) {
        problems.push(`${rowName(offset)}, column ${colName(col)}: ${r.why}.`);
        rec.bad = true;
        return '';
      }
      return r.value;
    };
    rec.district = label(districtCol);
    rec.area = label(areaCol);
    rec.year = label(yearCol);
    if (rec.bad) continue; // a row whose labels cannot be read cannot be placed in an area
    if (areaCol && rec.area === '') {
      problems.push(`${rowName(offset)}: the ${colName(areaCol)} cell is blank, so the row was left out.`);
      continue;
    }
    if (!areaCol && districtCol && rec.district === '') {
      problems.push(`${rowName(offset)}: the ${colName(districtCol)} cell is blank, so the row was left out.`);
      continue;
    }
    // With no planning-area column the district is the forecasting unit (secondary by district).
    if (!areaCol) rec.area = districtCol ? rec.district : 'All rows';
    if (isTotalLabel(rec.area) || isTotalLabel(rec.district)) {
      problems.push(`${rowName(offset)} ("${rec.area}") looks like a total row and was left out: the pane adds up the planning areas itself.`);
      continue;
    }

    const rolls: (number | null)[] = ygCols.map((c) => {
      const r = readNumber(row[c.index], false);
      if (!r.ok) {
        problems.push(`${rowName(offset)}, column ${colName(c)}: ${r.why}.`);
        rec.bad = true;
        return null;
      }
      return r.value;
    });
    const filled = rolls.filter((v) => v !== null).length;
    if (!rec.bad && filled > 0 && filled < rolls.length) {
      const blanks = ygCols.filter((_, i) => rolls[i] === null).map(colName);
      problems.push(`${rowName(offset)}: ${blanks.join(', ')} ${blanks.length === 1 ? 'is' : 'are'} blank while other year groups have rolls; fill every year group or none.`);
      rec.bad = true;
    }
    // A row with every roll blank is a forecast row; a bad row is dropped with its area anyway.
    rec.rolls = filled === 0 && !rec.bad ? null : rolls.map((v) => v ?? 0);
    const num = (col: ColumnRole | undefined): number | null => {
      if (!col) return null;
      const r = readNumber(row[col.index], true);
      if (!r.ok) {
        problems.push(`${rowName(offset)}, column ${colName(col)}: ${r.why}.`);
        rec.bad = true;
        return null;
      }
      return r.value;
    };
    rec.driver = num(driverCol);
    rec.pan = num(capacityCol);
    rec.dwellings = num(dwellingsCol);
    records.push(rec);
  }

  // Group by (district, area) in first-appearance order.
  const groups = new Map<string, RowRecord[]>();
  for (const rec of records) {
    const key = JSON.stringify([rec.district, rec.area]);
    const list = groups.get(key);
    if (list) list.push(rec);
    else groups.set(key, [rec]);
  }

  const areas: AreaHistory[] = [];
  for (const rows of groups.values()) {
    const { district, area } = rows[0];
    const name = district && district !== area ? `${area} (${district})` : area;
    if (rows.some((r) => r.bad)) {
      problems.push(`Planning area ${name} was left out because of the problems above.`);
      continue;
    }
    const firstForecast = rows.findIndex((r) => r.rolls === null);
    const history = firstForecast < 0 ? rows : rows.slice(0, firstForecast);
    const future = firstForecast < 0 ? [] : rows.slice(firstForecast);
    const late = future.find((r) => r.rolls !== null);
    if (late) {
      problems.push(
        `Planning area ${name}: ${rowName(late.offset)} has rolls but comes after a row with blank rolls (${rowName(future[0].offset)}); rows with rolls must come first, then the forecast rows. The area was left out.`,
      );
      continue;
    }
    if (history.length === 0) {
      problems.push(`Planning area ${name} has no rows with rolls, so it was left out.`);
      continue;
    }
    if (yearCol) {
      const seen = new Map<string, number>();
      let dup: string | null = null;
      for (const r of rows) {
        if (r.year === '') continue;
        const at = seen.get(r.year);
        if (at !== undefined) {
          dup = `Planning area ${name} has two rows for ${r.year} (${rowName(at)} and ${rowName(r.offset)}); the table must hold one row per area and year. The area was left out.`;
          break;
        }
        seen.set(r.year, r.offset);
      }
      if (dup) {
        problems.push(dup);
        continue;
      }
    }
    const label = (r: RowRecord) => r.year || rowName(r.offset);
    const panRows = rows.filter((r) => r.pan !== null);
    const lastPan = panRows.length > 0 ? panRows[panRows.length - 1] : null;
    areas.push({
      area,
      district,
      years: history.map(label),
      forecastYears: future.map(label),
      yearGroups: [...yearGroups],
      rolls: history.map((r) => r.rolls as number[]),
      driver: driverCol ? rows.map((r) => r.driver) : null,
      pan: lastPan ? lastPan.pan : null,
      dwellings: future.map((r) => r.dwellings ?? 0),
      sourceRows: rows.map((r) => r.offset),
      ...(lastPan ? { panRow: lastPan.offset } : {}),
    });
  }
  return { areas, problems };
}
