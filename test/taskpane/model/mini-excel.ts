/**
 * A tiny formula evaluator for the tests of live sheets: enough of Excel to recalculate what the pane
 * writes (cell and range references across sheets, SUM, *, -, and the KENT functions it uses, called
 * through the real custom-function implementations in src/functions). Dynamic arrays spill from their
 * anchor cell. Not a general spreadsheet.
 */
import type { CellValue } from '../../../src/excel/gateway';
import type { WorkbookData } from '../../../src/excel/workbook-data';
import { parseCell, parseRange } from '../../../src/excel/a1';
import { readValue } from '../../../src/excel/write-plan';
import * as kent from '../../../src/functions/functions';

type Value = number | string | boolean | null | Value[][];

type Param = 'matrix' | 'scalar';
/** The KENT functions the pane writes, with how Excel passes each argument (a range or a single value). */
const FUNCTIONS: Record<string, { fn: (...args: unknown[]) => unknown; params: Param[] }> = {
  'KENT.FORECAST': { fn: kent.forecast as (...args: unknown[]) => unknown, params: ['matrix', 'matrix', 'scalar', 'scalar', 'scalar', 'matrix'] },
  'KENT.HOUSINGYIELD': { fn: kent.housingYield as (...args: unknown[]) => unknown, params: ['matrix', 'scalar', 'scalar'] },
  'KENT.SURPLUS': { fn: kent.surplus as (...args: unknown[]) => unknown, params: ['matrix', 'matrix', 'scalar'] },
  'KENT.SURPLUSPLACES': { fn: kent.surplusPlaces as (...args: unknown[]) => unknown, params: ['matrix', 'matrix', 'scalar'] },
  'KENT.SURPLUSSTATUS': { fn: kent.surplusStatus as (...args: unknown[]) => unknown, params: ['scalar', 'scalar', 'scalar'] },
};

/** Splits a sheet-qualified reference into sheet and address. */
function splitRef(text: string, defaultSheet: string): { sheet: string; address: string } {
  const r = parseRange(text);
  const bang = text.lastIndexOf('!');
  return { sheet: r.sheet ?? defaultSheet, address: bang >= 0 ? text.slice(bang + 1) : text };
}

export class MiniExcel {
  private readonly grid = new Map<string, CellValue[][]>();
  private readonly computed = new Map<string, Value>();
  private readonly spills = new Map<string, Value>();

  constructor(data: WorkbookData) {
    for (const s of data.sheets) this.grid.set(s.name, s.values);
  }

  private raw(sheet: string, row: number, column: number): CellValue {
    const values = this.grid.get(sheet);
    if (!values) throw new Error(`no sheet ${sheet}`);
    return values[row]?.[column] ?? null;
  }

  /** The value of a cell after calculation. */
  value(sheet: string, address: string): Value {
    const c = parseCell(address);
    return this.at(sheet, c.row, c.column);
  }

  private at(sheet: string, row: number, column: number): Value {
    const key = `${sheet}!${row},${column}`;
    if (this.computed.has(key)) return this.computed.get(key) as Value;
    const spilled = this.spills.get(key);
    if (spilled !== undefined) return spilled;
    const stored = this.raw(sheet, row, column);
    if (typeof stored === 'string' && stored.startsWith('=')) {
      const v = this.evaluate(stored.slice(1), sheet);
      if (Array.isArray(v)) {
        v.forEach((r, i) =>
          r.forEach((x, j) => {
            if (i === 0 && j === 0) return;
            if (this.raw(sheet, row + i, column + j) !== null) throw new Error(`#SPILL! at ${sheet} ${row},${column}`);
            this.spills.set(`${sheet}!${row + i},${column + j}`, x);
          }),
        );
        this.computed.set(key, v[0][0]);
        return v[0][0];
      }
      this.computed.set(key, v);
      return v;
    }
    return readValue(stored);
  }

  /** Calculates every formula cell of a sheet (so spills are in place), anchors first. */
  calculate(sheet: string): void {
    const values = this.grid.get(sheet) ?? [];
    const cells: [number, number, string][] = [];
    values.forEach((r, i) => r.forEach((v, j) => typeof v === 'string' && v.startsWith('=') && cells.push([i, j, v])));
    cells.sort((a, b) => Number(b[2].startsWith('=KENT.FORECAST')) - Number(a[2].startsWith('=KENT.FORECAST')));
    for (const [i, j] of cells) this.at(sheet, i, j);
  }

  private range(text: string, sheet: string): Value[][] {
    const { sheet: s } = splitRef(text, sheet);
    const r = parseRange(text);
    const out: Value[][] = [];
    for (let i = r.start.row; i <= r.end.row; i++) {
      const row: Value[] = [];
      for (let j = r.start.column; j <= r.end.column; j++) row.push(this.at(s, i, j));
      out.push(row);
    }
    return out;
  }

  evaluate(formula: string, sheet: string): Value {
    const tokens = tokenize(formula);
    let pos = 0;
    const peek = () => tokens[pos];
    const next = () => tokens[pos++];
    const expr = (): Value => {
      let left = unary();
      while (peek() === '*' || peek() === '-' || peek() === '+') {
        const op = next();
        const right = unary();
        const a = left as number;
        const b = right as number;
        left = op === '*' ? a * b : op === '-' ? a - b : a + b;
      }
      return left;
    };
    const unary = (): Value => {
      if (peek() === '-') {
        next();
        return -(unary() as number);
      }
      return primary();
    };
    const primary = (): Value => {
      const t = next();
      if (t === undefined) throw new Error(`unexpected end of ${formula}`);
      if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
      if (/^\d/.test(t)) return Number(t);
      if (peek() === '(') {
        next();
        const args: (Value | undefined)[] = [];
        if (peek() === ')') next();
        else {
          for (;;) {
            if (peek() === ',' || peek() === ')') args.push(undefined);
            else args.push(expr());
            const sep = next();
            if (sep === ')') break;
            if (sep !== ',') throw new Error(`expected , or ) in ${formula}`);
          }
        }
        const name = t.toUpperCase();
        if (name === 'SUM') {
          let s = 0;
          const add = (v: Value | undefined) => {
            if (Array.isArray(v)) v.forEach((r) => r.forEach(add));
            else if (typeof v === 'number') s += v;
          };
          args.forEach(add);
          return s;
        }
        const spec = FUNCTIONS[name];
        if (!spec) throw new Error(`unknown function ${name}`);
        const given = args.map((a, i) => {
          if (a === undefined) return null; // Excel passes null for an omitted optional argument
          if (spec.params[i] === 'matrix') return Array.isArray(a) ? a : [[a]];
          return Array.isArray(a) ? a[0][0] : a;
        });
        const result = spec.fn(...given);
        if (result instanceof Error || (typeof result === 'object' && result !== null && !Array.isArray(result))) {
          throw new Error(`${name} failed: ${String((result as { message?: string }).message ?? JSON.stringify(result))}`);
        }
        return result as Value;
      }
      // A reference: a single cell gives its value, a range a matrix.
      const r = parseRange(t);
      const { sheet: s } = splitRef(t, sheet);
      if (r.start.row === r.end.row && r.start.column === r.end.column) return this.at(s, r.start.row, r.start.column);
      return this.range(t, sheet);
    };
    const v = expr();
    if (pos !== tokens.length) throw new Error(`could not read all of ${formula}`);
    return v;
  }
}

function tokenize(formula: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if ('(),*+-'.includes(ch)) {
      out.push(ch);
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name then !ref
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      let k = j + 1;
      while (k < formula.length && /[A-Za-z0-9$:!.]/.test(formula[k])) k++;
      out.push(formula.slice(i, k));
      i = k;
      continue;
    }
    let j = i;
    while (j < formula.length && /[A-Za-z0-9$:!._]/.test(formula[j])) j++;
    if (j === i) throw new Error(`cannot read ${formula} at ${i}`);
    out.push(formula.slice(i, j));
    i = j;
  }
  return out;
}
