/**
 * Names Excel accepts, and text Excel will not reinterpret.
 *
 * Sheet names: at most 31 characters, none of `[ ] : * ? / \`, not blank, no apostrophe at either end,
 * not "History" (reserved by Excel). Table names: start with a letter, underscore or backslash, then
 * letters, digits, underscores and periods; no spaces; not a cell reference ("A1", "R1C1", "R", "C");
 * at most 255 characters; unique (case-insensitively) among the workbook's tables and defined names.
 *
 * How user text reaches a cell (the rule both gateways follow): a string in a values block is always
 * text. When Excel would read it as something else (a formula, a number, a date, a boolean, an error),
 * it is sent with a leading apostrophe, which Excel treats as its quote prefix: the cell holds the text
 * exactly as given and nothing in it is ever calculated. See {@link escapeText}.
 */
import type { CellValue } from './gateway';
import { MAX_COLUMNS, MAX_ROWS, columnNumber } from './a1';

/** Longest sheet name Excel allows. */
export const MAX_SHEET_NAME = 31;
/** Longest table name Excel allows. */
export const MAX_TABLE_NAME = 255;

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

/**
 * Why a sheet name is not allowed, in plain words, or null when it is fine.
 *
 * @example sheetNameProblem('Forecast: Base') // "Sheet name 'Forecast: Base' contains ':'; ..."
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'A sheet name cannot be blank.';
  if (name.length > MAX_SHEET_NAME) return `Sheet name '${name}' is ${name.length} characters long; Excel allows at most ${MAX_SHEET_NAME}.`;
  const bad = SHEET_FORBIDDEN.exec(name);
  if (bad) return `Sheet name '${name}' contains '${bad[0]}'; Excel does not allow any of [ ] : * ? / \\ in sheet names.`;
  if (name.startsWith("'") || name.endsWith("'")) return `Sheet name '${name}' starts or ends with an apostrophe, which Excel does not allow.`;
  if (name.toLowerCase() === 'history') return "'History' is reserved by Excel and cannot be used as a sheet name.";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return `Sheet name '${name}' contains a control character.`;
  return null;
}

/** Whether Excel accepts `name` as a sheet name. @example isValidSheetName('Forecast - Base') // true */
export function isValidSheetName(name: string): boolean {
  return sheetNameProblem(name) === null;
}

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/**
 * A sheet name Excel accepts, as close to `name` as possible: forbidden characters and control
 * characters become "_", end apostrophes and surrounding spaces are dropped, blank becomes "Sheet",
 * "History" becomes "History_", and the result is cut to 31 characters.
 *
 * @example validSheetName('Forecast: Base/2025') // 'Forecast_ Base_2025'
 * @example validSheetName("'quoted'") // 'quoted'
 */
export function validSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let s = name.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '_').trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '').trim();
  s = cut(s, MAX_SHEET_NAME).replace(/'+$/, '').trim();
  if (s === '') s = 'Sheet';
  if (s.toLowerCase() === 'history') s = `${s}_`;
  return s;
}

/**
 * `name`, or `name (2)`, `name (3)`, ... : the first that is not in `existing` (compared
 * case-insensitively, as Excel does), shortening the base so the result fits in `maxLen`.
 *
 * @example uniqueName('Forecast', ['forecast', 'Forecast (2)']) // 'Forecast (3)'
 * @example uniqueName('A'.repeat(31), ['A'.repeat(31)], 31) // 'AAAAAAAAAAAAAAAAAAAAAAAAAAA (2)'
 */
export function uniqueName(
  name: string,
  existing: Iterable<string>,
  maxLen = MAX_SHEET_NAME,
  suffix: (n: number) => string = (n) => ` (${n})`,
): string {
  const taken = new Set<string>();
  for (const e of existing) taken.add(e.toLowerCase());
  const first = cut(name, maxLen);
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n += 1) {
    const tail = suffix(n);
    const candidate = cut(name, Math.max(0, maxLen - tail.length)).replace(/\s+$/, '') + tail;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A valid sheet name not already used in the workbook. @example uniqueSheetName('Data', ['data']) // 'Data (2)' */
export function uniqueSheetName(name: string, existing: Iterable<string>): string {
  return uniqueName(validSheetName(name), existing, MAX_SHEET_NAME);
}

/** Whether `name` reads as a cell reference in A1 or R1C1 style (so cannot be a table or defined name). */
function looksLikeReference(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (m) {
    const row = Number(m[2]);
    if (columnNumber(m[1]) <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) return true;
  }
  if (/^[Rr](\d*)[Cc](\d*)$/.test(name)) return true;
  if (/^[Rr]\d*$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

/**
 * Why a table name is not allowed, in plain words, or null when it is fine.
 *
 * @example tableNameProblem('2025 forecast') // "Table name '2025 forecast' must start with a letter, ..."
 */
export function tableNameProblem(name: string): string | null {
  if (name === '') return 'A table name cannot be blank.';
  if (name.length > MAX_TABLE_NAME) return `Table name '${name.slice(0, 40)}...' is ${name.length} characters long; Excel allows at most ${MAX_TABLE_NAME}.`;
  if (!/^[\p{L}_\\]/u.test(name)) return `Table name '${name}' must start with a letter, an underscore or a backslash.`;
  if (/\s/.test(name)) return `Table name '${name}' contains a space; use underscores instead.`;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return `Table name '${name}' may only contain letters, digits, underscores and periods.`;
  if (looksLikeReference(name)) return `Table name '${name}' reads as a cell reference, which Excel does not allow.`;
  return null;
}

/** Whether Excel accepts `name` as a table name. @example isValidTableName('Forecast_Base') // true */
export function isValidTableName(name: string): boolean {
  return tableNameProblem(name) === null;
}

/**
 * A table name Excel accepts, as close to `name` as possible: spaces and other characters become "_",
 * a leading digit or period gets "_" in front, cell-reference look-alikes get "_" in front, and the
 * result is cut to 255 characters.
 *
 * @example validTableName('Forecast - Base 2025') // 'Forecast___Base_2025'
 * @example validTableName('A1') // '_A1'
 */
export function validTableName(name: string): string {
  let s = name.trim().replace(/[^\p{L}\p{N}_.\\]/gu, '_');
  if (s === '') s = 'Table';
  if (!/^[\p{L}_\\]/u.test(s) || looksLikeReference(s)) s = `_${s}`;
  return cut(s, MAX_TABLE_NAME);
}

/**
 * A valid table name not already used by a table or defined name in the workbook (`existing`,
 * compared case-insensitively): `name`, `name_2`, `name_3`, ...
 *
 * @example uniqueTableName('Forecast Base', ['Forecast_Base']) // 'Forecast_Base_2'
 */
export function uniqueTableName(name: string, existing: Iterable<string>): string {
  return uniqueName(validTableName(name), existing, MAX_TABLE_NAME, (n) => `_${n}`);
}

const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Whether Excel, given `text` as a cell's input, would store something other than that exact text:
 * a formula (`=`, `+`, `-`, `@`), an error (`#N/A`), a number, percentage, currency, date or time
 * (anything whose first non-space character is a digit, a period, a currency sign or "(" before a
 * digit, or a month name followed by a digit), a boolean (TRUE/FALSE), text losing a leading apostrophe
 * (Excel's quote prefix), or text whose leading control character or space Excel may drop.
 * Over-escaping is harmless (the cell still holds the same text), so the test is deliberately broad.
 *
 * @example needsEscape('=SUM(A1:A9)') // true
 * @example needsEscape('2019-20') // true (Excel could read it as a date)
 * @example needsEscape('Dartford') // false
 */
export function needsEscape(text: string): boolean {
  if (text === '') return false;
  const first = text[0];
  if ('=+-@\'#'.includes(first)) return true;
  // eslint-disable-next-line no-control-regex
  if (/^[\s\u0000-\u001f]/.test(text)) return true;
  const t = text.trim();
  if (t === '') return false;
  if ('=+-@#'.includes(t[0])) return true;
  if (/^[\d.£$€¥]/.test(t)) return true;
  if (/^\(\s*[\d.£$€¥]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (MONTH_START.test(t)) return true;
  return false;
}

/**
 * A cell value ready to give Excel as a value: strings Excel would reinterpret (see
 * {@link needsEscape}) get a leading apostrophe, Excel's quote prefix, so the cell holds the text
 * exactly and it is never run as a formula. Numbers, booleans, null and other strings are unchanged.
 *
 * @example escapeText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example escapeText('-5 pupils') // "'-5 pupils"
 * @example escapeText('Thanet') // 'Thanet'
 * @example escapeText(42) // 42
 */
export function escapeText(value: CellValue): CellValue {
  return typeof value === 'string' && needsEscape(value) ? `'${value}` : value;
}

/**
 * Makes table headers as Excel does: every header is text; a blank header becomes "Column<n>" (n = its
 * 1-based position); a header repeating an earlier one (case-insensitively) gets the first free number
 * appended ("Year", "Year2").
 *
 * @example uniqueHeaders(['Year', '', 'year']) // ['Year', 'Column2', 'year2']
 */
export function uniqueHeaders(headers: readonly CellValue[]): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  headers.forEach((h, i) => {
    let base = h === null || h === undefined ? '' : String(h);
    if (base.trim() === '') base = `Column${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}
