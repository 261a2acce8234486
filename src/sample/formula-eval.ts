/**
 * A small evaluator for the formulas the sample workbook uses, so that the xlsx builder can store
 * cached results (and exact spill sizes) and the demo host can show values instead of formula text.
 *
 * It runs the REAL KENT functions (src/functions/functions.ts, the same code Excel calls) on ranges
 * read from a WorkbookData. Supported: KENT.* calls, SUM, SUMIFS (equality criteria), INDEX, nested
 * calls, A1 cells and ranges with an optional sheet ('Sheet name'!A1:B2, $ allowed), numbers,
 * "text", TRUE/FALSE, parentheses and the arithmetic operators + - * / (element by element on ranges of
 * the same size or against a single value). Anything else (comparisons, &, structured references,
 * spill references "A1#") is reported as unsupported rather than guessed; callers then show the formula text.
 */
import type { CellValue, Matrix } from '../excel/gateway';
import type { SheetData, WorkbookData } from '../excel/workbook-data';
import { indexToColumn, parseCell } from '../excel/a1';
import * as kent from '../functions/functions';

/** Why a formula could not be evaluated here (not an Excel error: the evaluator's own limit). */
export class UnsupportedFormula extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFormula';
    Object.setPrototypeOf(this, UnsupportedFormula.prototype);
  }
}

/** An Excel error a function returned, e.g. { error: '#VALUE!', message: 'capacity and roll ...' }. */
export interface ErrorValue {
  error: string;
  message: string;
}

export type EvalCell = CellValue | ErrorValue;
export type EvalMatrix = EvalCell[][];

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

// ------------------------------------------------------------- CustomFunctions stand-in

const ERROR_CODES = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' };

class StandInError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
    Object.setPrototypeOf(this, StandInError.prototype);
  }
}

/**
 * The KENT functions report errors through Excel's CustomFunctions global. Outside Excel there is
 * none, so a minimal stand-in is installed (only when no usable one exists).
 */
export function ensureCustomFunctionsGlobal(): void {
  const g = globalThis as { CustomFunctions?: { Error?: unknown; ErrorCode?: unknown } };
  if (g.CustomFunctions && typeof g.CustomFunctions.Error === 'function' && g.CustomFunctions.ErrorCode) return;
  g.CustomFunctions = { ...(g.CustomFunctions ?? {}), Error: StandInError, ErrorCode: ERROR_CODES };
}

// ------------------------------------------------------------- the functions

type Kind = 'range' | 'scalar';
const R: Kind = 'range';
const S: Kind = 'scalar';

/** Each KENT function, and whether each parameter takes a range or a single value (as functions.ts declares it). */
export const KENT_SIGNATURES: Readonly<Record<string, { fn: (...args: never[]) => unknown; params: readonly Kind[] }>> = {
  SURPLUS: { fn: kent.surplus, params: [R, R, S] },
  SURPLUSPLACES: { fn: kent.surplusPlaces, params: [R, R, S] },
  SURPLUSSTATUS: { fn: kent.surplusStatus, params: [S, S, S] },
  SURPLUSBY: { fn: kent.surplusBy, params: [R, R, R, S, S, S] },
  FE: { fn: kent.fe, params: [S, S, S] },
  PLACES: { fn: kent.places, params: [S, S, S] },
  PLACESNEEDED: { fn: kent.placesNeeded, params: [S, S, S] },
  FENEEDED: { fn: kent.feNeeded, params: [S, S, S, S, S] },
  COMMISSION: { fn: kent.commission, params: [R, R, S, S, S, S] },
  FORECAST: { fn: kent.forecast, params: [R, R, S, S, S, R] },
  FORECASTRANGE: { fn: kent.forecastRange, params: [R, R, S, S, S, S] },
  RATIOS: { fn: kent.ratios, params: [R, R, S, S] },
  HOUSINGYIELD: { fn: kent.housingYield, params: [R, S, S] },
  ACCURACY: { fn: kent.accuracy, params: [R, R] },
  ACCURACYBY: { fn: kent.accuracyBy, params: [R, R, R, S, S] },
  BACKTEST: { fn: kent.backtest, params: [R, R, S, S, S, S] },
};

function fromResult(v: unknown): EvalCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Error) {
    const code = (v as { code?: unknown }).code;
    return { error: typeof code === 'string' && code.startsWith('#') ? code : '#VALUE!', message: v.message };
  }
  return { error: '#VALUE!', message: 'the function returned something Excel cannot show' };
}

// ------------------------------------------------------------- parsing

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; sheet?: string; from: string; to?: string }
  | { t: 'call'; name: string; args: (Node | null)[] }
  | { t: 'op'; op: '+' | '-' | '*' | '/'; a: Node; b: Node }
  | { t: 'neg'; a: Node };

function parse(formula: string): Node {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  let i = 0;
  const ws = () => { while (src[i] === ' ') i++; };
  const fail = (what: string): never => { throw new UnsupportedFormula(`${what} at position ${i + 1} of ${formula}`); };

  function sheetName(): string | undefined {
    if (src[i] === "'") {
      let name = '';
      i++;
      while (i < src.length) {
        if (src[i] === "'" && src[i + 1] === "'") { name += "'"; i += 2; continue; }
        if (src[i] === "'") break;
        name += src[i++];
      }
      if (src[i] !== "'" || src[i + 1] !== '!') fail('expected a quoted sheet name');
      i += 2;
      return name;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(src.slice(i));
    if (m) { i += m[0].length; return m[1]; }
    return undefined;
  }

  function expr(): Node {
    let left = term();
    for (;;) {
      ws();
      const op = src[i];
      if (op !== '+' && op !== '-') return left;
      i++;
      left = { t: 'op', op, a: left, b: term() };
    }
  }

  function term(): Node {
    let left = factor();
    for (;;) {
      ws();
      const op = src[i];
      if (op !== '*' && op !== '/') return left;
      i++;
      left = { t: 'op', op, a: left, b: factor() };
    }
  }

  function factor(): Node {
    ws();
    if (src[i] === '-') { i++; return { t: 'neg', a: factor() }; }
    if (src[i] === '+') { i++; return factor(); }
    if (src[i] === '(') {
      i++;
      const inner = expr();
      ws();
      if (src[i] !== ')') fail('expected )');
      i++;
      return inner;
    }
    return primary();
  }

  function primary(): Node {
    ws();
    if (src[i] === '"') {
      let s = '';
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') { s += '"'; i += 2; continue; }
        if (src[i] === '"') break;
        s += src[i++];
      }
      if (src[i] !== '"') fail('unterminated text');
      i++;
      return { t: 'str', v: s };
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num && !/^[A-Za-z$]/.test(src.slice(i + num[0].length))) {
      i += num[0].length;
      return { t: 'num', v: Number(num[0]) };
    }
    const sheet = sheetName();
    const cell = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (cell && (sheet !== undefined || src[i + cell[0].length] !== '(')) {
      i += cell[0].length;
      let to: string | undefined;
      if (src[i] === ':') {
        i++;
        const end = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
        if (!end) fail('expected the end of a range');
        to = end![0];
        i += to.length;
      }
      if (src[i] === '#') fail('spill references are not supported');
      return { t: 'ref', sheet, from: cell[0], to };
    }
    if (sheet !== undefined) fail('expected a cell after the sheet name');
    if (!name) return fail('unexpected character');
    i += name[0].length;
    const upper = name[0].toUpperCase();
    ws();
    if (src[i] !== '(') {
      if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
      fail(`names such as ${name[0]} are not supported`);
    }
    i++;
    const args: (Node | null)[] = [];
    ws();
    if (src[i] === ')') { i++; return { t: 'call', name: upper, args }; }
    for (;;) {
      ws();
      args.push(src[i] === ',' || src[i] === ')' ? null : expr()); // an omitted argument is null
      ws();
      if (src[i] === ',') { i++; continue; }
      if (src[i] === ')') { i++; break; }
      fail('expected , or )');
    }
    return { t: 'call', name: upper, args };
  }

  const node = expr();
  ws();
  if (i !== src.length) fail(`'${src[i]}' is not supported`);
  return node;
}

// ------------------------------------------------------------- evaluating

function toNumber(v: EvalCell): number {
  if (typeof v === 'number') return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

function same(a: EvalCell, b: EvalCell): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/**
 * Evaluates formulas of a workbook, caching each formula cell's result.
 * @example
 * const ev = new WorkbookEvaluator(sampleWorkbook());
 * ev.evaluateCell('Try the functions', 'C23'); // [[0.0559...]]
 */
export class WorkbookEvaluator {
  private readonly cache = new Map<string, EvalMatrix>();
  private readonly busy = new Set<string>();
  /** Formula cells of each sheet, bottom-right first: where a spilled value may come from. */
  private readonly formulaCells = new Map<string, { row: number; column: number }[]>();

  constructor(private readonly data: WorkbookData) {
    ensureCustomFunctionsGlobal();
  }

  private sheet(name: string): SheetData {
    const s = this.data.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new UnsupportedFormula(`sheet '${name}' not found`);
    return s;
  }

  /** The result of the formula in a cell (its whole spill), or throws UnsupportedFormula. */
  evaluateCell(sheet: string, address: string): EvalMatrix {
    const s = this.sheet(sheet);
    const { row, column } = parseCell(address);
    const raw = s.values[row]?.[column] ?? null;
    if (typeof raw !== 'string' || !raw.startsWith('=')) return [[raw]];
    const key = `${s.name}!${row}:${column}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.busy.has(key)) throw new UnsupportedFormula(`circular reference at ${s.name}!${address}`);
    this.busy.add(key);
    try {
      let out: EvalMatrix;
      try {
        out = this.evaluate(raw, s.name);
      } catch (e) {
        // An argument that is an Excel error: the formula shows that error, as in Excel.
        const pass = (e as { passThrough?: ErrorValue }).passThrough;
        if (!pass) throw e;
        out = [[pass]];
      }
      this.cache.set(key, out);
      return out;
    } finally {
      this.busy.delete(key);
    }
  }

  /** Evaluates a formula as if it sat on `sheet`. */
  evaluate(formula: string, sheet: string): EvalMatrix {
    return this.node(parse(formula), sheet);
  }

  private value(sheet: string, row: number, column: number): EvalCell {
    const s = this.sheet(sheet);
    const raw = s.values[row]?.[column] ?? null;
    if (typeof raw === 'string' && raw.startsWith('=')) {
      return this.evaluateCell(s.name, `${indexToColumn(column)}${row + 1}`)[0][0];
    }
    if (typeof raw === 'string' && raw.startsWith("'")) return raw.slice(1);
    if (raw === null || raw === '') return this.spilledValue(s, row, column) ?? raw;
    return raw;
  }

  /** The value an empty cell shows because a formula above or to its left spills into it, if any. */
  private spilledValue(s: SheetData, row: number, column: number): EvalCell | undefined {
    let cells = this.formulaCells.get(s.name);
    if (!cells) {
      cells = [];
      s.values.forEach((r, i) => r.forEach((v, j) => {
        if (typeof v === 'string' && v.startsWith('=')) cells!.push({ row: i, column: j });
      }));
      cells.sort((a, b) => b.row - a.row || b.column - a.column);
      this.formulaCells.set(s.name, cells);
    }
    for (const f of cells) {
      if (f.row > row || f.column > column) continue;
      if (this.busy.has(`${s.name}!${f.row}:${f.column}`)) continue;
      let m: EvalMatrix;
      try {
        m = this.evaluateCell(s.name, `${indexToColumn(f.column)}${f.row + 1}`);
      } catch (e) {
        if (e instanceof UnsupportedFormula) continue;
        throw e;
      }
      const v = m[row - f.row]?.[column - f.column];
      if (v !== undefined) return v;
    }
    return undefined;
  }

  private node(n: Node, sheet: string): EvalMatrix {
    switch (n.t) {
      case 'num': return [[n.v]];
      case 'str': return [[n.v]];
      case 'bool': return [[n.v]];
      case 'ref': {
        const target = n.sheet ?? sheet;
        const a = parseCell(n.from.replace(/\$/g, ''));
        const b = n.to ? parseCell(n.to.replace(/\$/g, '')) : a;
        const out: EvalMatrix = [];
        for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
          const row: EvalCell[] = [];
          for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++) row.push(this.value(target, r, c));
          out.push(row);
        }
        return out;
      }
      case 'call': return this.call(n.name, n.args, sheet);
      case 'neg': return this.arithmetic('-', [[0]], this.node(n.a, sheet));
      case 'op': return this.arithmetic(n.op, this.node(n.a, sheet), this.node(n.b, sheet));
    }
  }

  /** + - * / element by element (a single value stands for every element), as Excel's array arithmetic. */
  private arithmetic(op: '+' | '-' | '*' | '/', a: EvalMatrix, b: EvalMatrix): EvalMatrix {
    const rows = Math.max(a.length, b.length);
    const cols = Math.max(a[0]?.length ?? 0, b[0]?.length ?? 0);
    const pick = (m: EvalMatrix, r: number, c: number): EvalCell | undefined =>
      m.length === 1 && m[0].length === 1 ? m[0][0] : m[r]?.[c];
    const out: EvalMatrix = [];
    for (let r = 0; r < rows; r++) {
      const row: EvalCell[] = [];
      for (let c = 0; c < cols; c++) {
        const x = pick(a, r, c);
        const y = pick(b, r, c);
        if (x === undefined || y === undefined) { row.push({ error: '#N/A', message: 'the ranges are not the same size' }); continue; }
        if (isErrorValue(x)) { row.push(x); continue; }
        if (isErrorValue(y)) { row.push(y); continue; }
        const p = toNumber(x);
        const q = toNumber(y);
        if (Number.isNaN(p) || Number.isNaN(q)) { row.push({ error: '#VALUE!', message: 'text where a number belongs' }); continue; }
        if (op === '/' && q === 0) { row.push({ error: '#DIV/0!', message: 'division by zero' }); continue; }
        row.push(op === '+' ? p + q : op === '-' ? p - q : op === '*' ? p * q : p / q);
      }
      out.push(row);
    }
    return out;
  }

  private call(name: string, args: (Node | null)[], sheet: string): EvalMatrix {
    const arg = (k: number): EvalMatrix | null => (args[k] ? this.node(args[k]!, sheet) : null);
    if (name.startsWith('KENT.')) {
      const sig = KENT_SIGNATURES[name.slice(5)];
      if (!sig) throw new UnsupportedFormula(`unknown function ${name}`);
      if (args.length > sig.params.length) return [[{ error: '#VALUE!', message: `${name} takes at most ${sig.params.length} arguments` }]];
      const values: unknown[] = sig.params.map((kind, k) => {
        const m = arg(k);
        if (m === null) return null;
        const err = m.flat().find(isErrorValue);
        if (err) throw Object.assign(new UnsupportedFormula('argument error'), { passThrough: err });
        if (kind === 'range') return m;
        if (m.length !== 1 || m[0].length !== 1) throw new UnsupportedFormula(`${name} argument ${k + 1} expects one value (Excel would repeat the function over the range)`);
        return m[0][0];
      });
      // The KENT functions are typed for Excel's arguments; here they get exactly those shapes.
      const result = (sig.fn as (...a: unknown[]) => unknown)(...values);
      if (Array.isArray(result)) return (result as unknown[][]).map((row) => row.map(fromResult));
      return [[fromResult(result)]];
    }
    switch (name) {
      case 'SUM': {
        let total = 0;
        for (let k = 0; k < args.length; k++) for (const v of (arg(k) ?? []).flat()) if (typeof v === 'number') total += v;
        return [[total]];
      }
      case 'SUMIFS': {
        const sumRange = arg(0);
        if (!sumRange || args.length < 3 || args.length % 2 === 0) throw new UnsupportedFormula('SUMIFS needs a sum range and pairs of criteria');
        const pairs: { range: EvalMatrix; crit: EvalCell }[] = [];
        for (let k = 1; k < args.length; k += 2) pairs.push({ range: arg(k)!, crit: arg(k + 1)![0][0] });
        let total = 0;
        sumRange.forEach((row, r) => row.forEach((v, c) => {
          if (pairs.every((p) => same(p.range[r]?.[c] ?? null, p.crit)) && typeof v === 'number') total += v;
        }));
        return [[total]];
      }
      case 'INDEX': {
        const m = arg(0);
        if (!m) throw new UnsupportedFormula('INDEX needs an array');
        const r = toNumber(arg(1)?.[0][0] ?? 0);
        const c = toNumber(arg(2)?.[0][0] ?? 0);
        const rows = r === 0 ? m : [m[r - 1]];
        if (rows.some((x) => x === undefined)) return [[{ error: '#REF!', message: 'INDEX row out of range' }]];
        const out = rows.map((row) => (c === 0 ? row : [row[c - 1]]));
        if (out.some((row) => row.some((x) => x === undefined))) return [[{ error: '#REF!', message: 'INDEX column out of range' }]];
        return out as EvalMatrix;
      }
      default:
        throw new UnsupportedFormula(`function ${name} is not supported here`);
    }
  }
}

/** Evaluates one formula against a workbook; an error from an argument passes through as Excel would. */
export function evaluateFormula(data: WorkbookData, sheet: string, formula: string): EvalMatrix {
  try {
    return new WorkbookEvaluator(data).evaluate(formula, sheet);
  } catch (e) {
    const pass = (e as { passThrough?: ErrorValue }).passThrough;
    if (pass) return [[pass]];
    throw e;
  }
}

export type { Matrix };
