/**
 * An in-memory workbook behind the {@link WorkbookGateway} interface: the demo host's workbook and the
 * task pane tests' stand-in for Excel. It keeps Excel's rules where the pane can notice them:
 *
 * - names (sheets, tables, defined names) are compared case-insensitively;
 * - a table reads with its header row; reading past the used area gives nulls; error cells read as text;
 * - formulas are stored and read as their "=..." text (nothing is calculated here);
 * - a write is all or nothing: it is planned and checked first (conflicts, names, addresses), built on a
 *   copy, and committed in one step only if it was not cancelled; target sheets keep their position;
 * - text is stored exactly as Excel would store the escaped input (see `workbook-data.ts`);
 * - nothing outside the target sheets changes, and a range handed out by `read` is a copy.
 */
import {
  GatewayError,
  type InputSource,
  type Matrix,
  type NamedRangeInfo,
  type RangeData,
  type SheetState,
  type SheetWrite,
  type WorkbookGateway,
  type WorkbookInfo,
  type WriteOptions,
  type WriteReport,
} from './gateway';
import type { SheetData, TableData, WorkbookData } from './workbook-data';
import { formatRange, intersectRanges, parseRange, rangeSize, type RangeRef } from './a1';
import { validSheetName } from './names';
import { conflictError, payloadBytes, planWrites, plannedCells, readValue, storedValue, type PlannedBlock } from './write-plan';

export { conflictError };

export interface MemoryGatewayOptions {
  /** Pause this long (ms) between the steps of a write, so the demo can show progress. Default 0. */
  stepDelayMs?: number;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function hasValues(sheet: SheetData): boolean {
  return sheet.values.some((row) => row.some((v) => !isEmptyCell(v)));
}

/** The smallest range holding every non-empty cell, or null for a blank sheet. */
function usedRange(sheet: SheetData): RangeRef | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isEmptyCell(v)) return;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }),
  );
  return r2 < 0 ? null : { start: { row: r1, column: c1 }, end: { row: r2, column: c2 } };
}

function cancelled(): GatewayError {
  return new GatewayError('cancelled', 'Writing was cancelled; the workbook was left as it was.');
}

export class MemoryGateway implements WorkbookGateway {
  private data: WorkbookData;
  private readonly listeners = new Set<() => void>();
  private readonly stepDelayMs: number;

  constructor(data: WorkbookData, options: MemoryGatewayOptions = {}) {
    this.data = clone(data);
    this.data.sheets ??= [];
    this.data.names ??= [];
    this.data.settings ??= {};
    this.stepDelayMs = options.stepDelayMs ?? 0;
  }

  /** A deep copy of the workbook as it is now (for drawing the grid or asserting in tests). */
  snapshot(): WorkbookData {
    return clone(this.data);
  }

  /** Calls `listener` after every change (writes, settings, selection). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sets the current selection (the demo grid calls this when the user selects cells). */
  select(sheet: string, address: string): void {
    const s = this.findSheet(sheet);
    if (!s) throw new GatewayError('notFound', `Sheet '${sheet}' was not found.`);
    const r = parseRange(address);
    this.data.selection = { sheet: s.name, address: formatRange({ start: r.start, end: r.end, whole: r.whole }) };
    this.data.activeSheet = s.name;
    this.notify();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private findSheet(name: string): SheetData | undefined {
    const key = name.toLowerCase();
    return this.data.sheets.find((s) => s.name.toLowerCase() === key);
  }

  private allTables(): { table: TableData; sheet: SheetData }[] {
    return this.data.sheets.flatMap((sheet) => (sheet.tables ?? []).map((table) => ({ table, sheet })));
  }

  async describe(): Promise<WorkbookInfo> {
    return {
      sheets: this.data.sheets.map((s) => s.name),
      tables: this.allTables().map(({ table, sheet }) => ({ name: table.name, sheet: sheet.name, address: table.range })),
      names: (this.data.names ?? []).map((n) => ({ name: n.name, sheet: this.findSheet(n.sheet)?.name ?? n.sheet, address: n.range })),
    };
  }

  async read(source: InputSource): Promise<RangeData> {
    let target: NamedRangeInfo;
    if (source.kind === 'table') {
      const key = source.name.toLowerCase();
      const hit = this.allTables().find(({ table }) => table.name.toLowerCase() === key);
      if (!hit) throw new GatewayError('notFound', `Table '${source.name}' was not found in this workbook.`);
      target = { name: hit.table.name, sheet: hit.sheet.name, address: hit.table.range };
    } else if (source.kind === 'name') {
      const key = source.name.toLowerCase();
      const hit = (this.data.names ?? []).find((n) => n.name.toLowerCase() === key);
      if (!hit) throw new GatewayError('notFound', `Name '${source.name}' was not found in this workbook.`);
      target = { name: hit.name, sheet: hit.sheet, address: hit.range };
    } else {
      target = { name: '', sheet: source.sheet, address: source.address };
    }
    const sheet = this.findSheet(target.sheet);
    if (!sheet) throw new GatewayError('notFound', `Sheet '${target.sheet}' was not found${target.name ? ` (${source.kind} '${target.name}' refers to it)` : ''}.`);
    const parsed = parseRange(target.address);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw new GatewayError('invalid', `Range '${target.address}' names sheet '${parsed.sheet}', not '${sheet.name}'.`);
    }
    let range: RangeRef = { start: parsed.start, end: parsed.end };
    if (parsed.whole) {
      // Whole rows/columns: Excel would hand back a million rows; read the used part, as the pane needs.
      const used = usedRange(sheet);
      const cut = used ? intersectRanges(range, used) : null;
      if (!cut) return { sheet: sheet.name, address: formatRange({ start: parsed.start, end: parsed.start }), values: [[null]] };
      range = cut;
    }
    const { rows, columns } = rangeSize(range);
    const values: Matrix = [];
    for (let r = 0; r < rows; r += 1) {
      const src = sheet.values[range.start.row + r];
      const row = new Array(columns);
      for (let c = 0; c < columns; c += 1) {
        const v = readValue(src?.[range.start.column + c]);
        row[c] = v === '' ? null : v;
      }
      values.push(row);
    }
    return { sheet: sheet.name, address: formatRange(range), values };
  }

  async selection(): Promise<{ kind: 'range'; sheet: string; address: string }> {
    const sel = this.data.selection;
    if (sel && this.findSheet(sel.sheet)) return { kind: 'range', sheet: this.findSheet(sel.sheet)!.name, address: sel.address };
    const active = (this.data.activeSheet && this.findSheet(this.data.activeSheet)) || this.data.sheets[0];
    if (!active) throw new GatewayError('notFound', 'The workbook has no sheets to select from.');
    return { kind: 'range', sheet: active.name, address: 'A1' };
  }

  private stateOf(sheet: SheetData | undefined): SheetState {
    if (!sheet) return 'absent';
    return hasValues(sheet) || (sheet.tables?.length ?? 0) > 0 || (sheet.charts?.length ?? 0) > 0 ? 'nonEmpty' : 'empty';
  }

  async sheetStates(names: string[]): Promise<Record<string, SheetState>> {
    const out: Record<string, SheetState> = {};
    for (const n of names) out[n] = this.stateOf(this.findSheet(n));
    return out;
  }

  async writeSheets(writes: SheetWrite[], options: WriteOptions = {}): Promise<WriteReport> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw cancelled();
    if (writes.length === 0) return { sheets: [], tables: [], cellsWritten: 0, bytesWritten: 0, syncs: 0 };

    // Tables on the target sheets go with the old contents, so their names are free again.
    const targetKeys = new Set(writes.map((w) => validSheetName(String(w.sheet ?? '')).toLowerCase()));
    const plan = planWrites(writes, [
      ...this.allTables()
        .filter(({ sheet }) => !targetKeys.has(sheet.name.toLowerCase()))
        .map(({ table }) => table.name),
      ...(this.data.names ?? []).map((n) => n.name),
    ]);
    const targets = plan.map((p) => ({ p, existing: this.findSheet(p.name) }));
    const conflicts = targets.filter((t) => this.stateOf(t.existing) === 'nonEmpty').map((t) => t.existing!.name);
    if (conflicts.length > 0 && !options.replace) throw conflictError(conflicts);

    const total = plan.reduce((n, p) => n + p.blocks.length + p.charts.length + p.formats.length, 0) + 1;
    let done = 0;
    const step = async (label: string): Promise<void> => {
      if (signal?.aborted) throw cancelled();
      onProgress?.({ done, total, step: label });
      await new Promise((resolve) => setTimeout(resolve, this.stepDelayMs));
      if (signal?.aborted) throw cancelled();
    };

    const built: SheetData[] = [];
    let bytes = 0;
    for (const p of plan) {
      // A replaced sheet keeps the user's spelling of its name.
      const sheet: SheetData = { name: this.findSheet(p.name)?.name ?? p.name, values: [] };
      for (const b of p.blocks) {
        await step(`Writing ${b.label} on '${p.name}'`);
        applyBlock(sheet, b);
        bytes += payloadBytes(b.input) + (b.numberFormats ? payloadBytes(b.numberFormats) : 0);
        done += 1;
      }
      if (p.tables.length > 0) sheet.tables = p.tables.map((t) => ({ name: t.name, range: formatRange(t.range) }));
      for (const c of p.charts) {
        await step(`Adding chart '${c.spec.title}' on '${p.name}'`);
        (sheet.charts ??= []).push({ ...c.spec, dataRange: formatRange(c.range) });
        bytes += payloadBytes(c.spec);
        done += 1;
      }
      for (const f of p.formats) {
        await step(`Formatting ${f.spec.range} on '${p.name}'`);
        (sheet.formats ??= []).push(f.spec);
        bytes += payloadBytes(f.spec);
        done += 1;
      }
      built.push(sheet);
    }
    await step('Finishing');

    // Commit: one synchronous step, nothing can interrupt it.
    for (const sheet of built) {
      const existing = this.findSheet(sheet.name);
      if (existing) this.data.sheets[this.data.sheets.indexOf(existing)] = sheet;
      else this.data.sheets.push(sheet);
    }
    const activate = built.filter((_, i) => plan[i].activate).pop();
    if (activate) {
      this.data.activeSheet = activate.name;
      this.data.selection = { sheet: activate.name, address: 'A1' };
    }
    onProgress?.({ done: total, total, step: 'Done' });
    this.notify();
    return {
      sheets: built.map((s) => s.name),
      tables: plan.flatMap((p) => p.tables.map((t) => t.name)),
      cellsWritten: plannedCells(plan),
      bytesWritten: bytes,
      syncs: 0,
    };
  }

  async loadSetting(key: string): Promise<string | null> {
    const v = this.data.settings?.[key];
    return v === undefined ? null : v;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    if (typeof key !== 'string' || key === '') throw new GatewayError('invalid', 'A setting needs a name.');
    if (typeof value !== 'string') throw new GatewayError('invalid', `Setting '${key}' must be text.`);
    (this.data.settings ??= {})[key] = value;
    this.notify();
  }
}

function applyBlock(sheet: SheetData, b: PlannedBlock): void {
  const { start } = b.range;
  b.input.forEach((row, r) => {
    const target = (sheet.values[start.row + r] ??= []);
    row.forEach((input, c) => {
      if (input === null) return;
      target[start.column + c] = storedValue(input);
    });
  });
  fillHoles(sheet.values);
  if (b.numberFormats) {
    const formats = (sheet.numberFormats ??= []);
    b.numberFormats.forEach((row, r) => {
      const target = (formats[start.row + r] ??= []);
      row.forEach((f, c) => {
        if (f !== null) target[start.column + c] = f;
      });
    });
    fillHoles(formats);
  }
  if (b.boldFirstRow) {
    (sheet.bold ??= []).push(formatRange({ start, end: { row: start.row, column: b.range.end.column } }));
  }
}

/** Replaces array holes left by sparse writes with null, so snapshots are plain dense rows. */
function fillHoles<T>(grid: (T | null)[][]): void {
  for (let r = 0; r < grid.length; r += 1) {
    if (!grid[r]) grid[r] = [];
    const row = grid[r];
    for (let c = 0; c < row.length; c += 1) if (row[c] === undefined) row[c] = null;
  }
}
