/**
 * A counting fake of the part of the Excel JavaScript object model the add-in uses, faithful where it
 * matters for correctness and cost:
 *
 * - proxies queue commands; nothing happens until `context.sync()`, which runs the queue in order;
 *   a failing command stops the batch (earlier commands stay applied, later ones are dropped), as Excel does;
 * - properties must be loaded before they are read (PropertyNotLoaded otherwise); `*OrNullObject`
 *   proxies report `isNullObject` after the sync; calling into a null object fails (ItemNotFound);
 * - requests over 5 MB (RequestPayloadSizeLimitExceeded) and responses over 5 MB are refused, as Excel on
 *   the web does, so a gateway that forgets to split large writes fails here too;
 * - values are interpreted as Excel interprets typed input: "=..." (and "+x", "-x", "@x" that are not
 *   numbers) become formulas, numeric-looking text becomes a number, "TRUE" a boolean, "#N/A" an error,
 *   and a leading apostrophe keeps the rest as text (quote prefix). Assigned matrices must match the range.
 * - tables cannot overlap, need valid unique names (tables and defined names share one namespace), get
 *   text headers; sheet names follow Excel's rules; the last visible sheet cannot be deleted.
 *
 * Every queued command is recorded (sync number, kind, target, member, bytes) and every sync counted.
 * Nothing is calculated: a formula cell reads back as its formula text.
 *
 * `countingExcel()` is the entry point (also used by the benchmarks to report syncs and bytes).
 */
import { formatRange, intersectRanges, parseRange, quoteSheetName, rangeSize, rangesOverlap, type RangeRef } from '../../src/excel/a1';
import { isValidTableName, sheetNameProblem, uniqueHeaders } from '../../src/excel/names';
import { payloadBytes } from '../../src/excel/write-plan';
import type { WorkbookData } from '../../src/excel/workbook-data';

/** Excel on the web's request and response limit. */
export const FIVE_MB = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(code: string, message: string, location = '') {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  quotePrefix?: boolean;
  /** Excel turned the input text into a number/boolean/error. */
  coerced?: boolean;
  numberFormat?: string;
  bold?: boolean;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  range: RangeRef;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  position?: { start: string; end?: string };
}

export interface FakeConditionalFormat {
  type: string;
  range: string;
  fill?: string;
  fontColor?: string;
  rule?: unknown;
}

const key = (r: number, c: number): string => `${r},${c}`;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  visible = true;
  constructor(
    public name: string,
    readonly id: number,
  ) {}

  cell(address: string): FakeCell | undefined {
    const r = parseRange(address);
    return this.cells.get(key(r.start.row, r.start.column));
  }

  /** What Range.values would give (formulas as their text, blanks as ""). */
  read(address: string | RangeRef): (string | number | boolean)[][] {
    const r = typeof address === 'string' ? parseRange(address) : address;
    const { rows, columns } = rangeSize(r);
    const out: (string | number | boolean)[][] = [];
    for (let i = 0; i < rows; i += 1) {
      const row: (string | number | boolean)[] = [];
      for (let j = 0; j < columns; j += 1) {
        const c = this.cells.get(key(r.start.row + i, r.start.column + j));
        row.push(c?.formula ?? c?.value ?? '');
      }
      out.push(row);
    }
    return out;
  }

  /** Smallest range holding every cell with a value (valuesOnly) or any content/format. */
  used(valuesOnly: boolean): RangeRef | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [k, c] of this.cells) {
      const has = c.value !== undefined || c.formula !== undefined || (!valuesOnly && (c.numberFormat !== undefined || c.bold));
      if (!has) continue;
      const [r, col] = k.split(',').map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, col);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, col);
    }
    return r2 < 0 ? null : { start: { row: r1, column: c1 }, end: { row: r2, column: c2 } };
  }

  /** Every formula cell, as [address, formula]. */
  formulas(): [string, string][] {
    const out: [string, string][] = [];
    for (const [k, c] of this.cells) {
      if (c.formula === undefined) continue;
      const [r, col] = k.split(',').map(Number);
      out.push([formatRange({ start: { row: r, column: col }, end: { row: r, column: col } }), c.formula]);
    }
    return out;
  }
}

export interface FakeName {
  name: string;
  sheet: string;
  address: string;
  type: 'Range' | 'String' | 'Double';
  visible: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  settings = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: FakeSheet | null = null;
  private nextSheetId = 1;
  private nextTable = 1;
  private nextChart = 1;

  /** Builds a workbook from the plain WorkbookData shape ("=..." formulas, "'" quoted text). */
  static from(data: WorkbookData): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of data.sheets) {
      const sheet = wb.addSheet(s.name);
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === '') return;
          const cell: FakeCell = {};
          if (typeof v === 'string' && v.startsWith('=')) cell.formula = v;
          else if (typeof v === 'string' && v.startsWith("'")) {
            cell.value = v.slice(1);
            cell.quotePrefix = true;
          } else cell.value = v;
          sheet.cells.set(key(r, c), cell);
        }),
      );
      for (const t of s.tables ?? []) wb.tables.push({ name: t.name, sheet, range: parseRange(t.range) });
      for (const ch of s.charts ?? []) sheet.charts.push({ name: `Chart ${wb.nextChart++}`, type: ch.type, source: ch.dataRange, seriesBy: ch.seriesBy, title: ch.title });
    }
    for (const n of data.names ?? []) wb.names.push({ name: n.name, sheet: n.sheet, address: n.range, type: 'Range', visible: true });
    for (const [k, v] of Object.entries(data.settings ?? {})) wb.settings.set(k, v);
    wb.activeSheet = wb.sheets[0] ?? null;
    if (data.selection) wb.selection = { ...data.selection };
    return wb;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i += 1;
      n = `Sheet${i}`;
    }
    const problem = sheetNameProblem(n);
    if (problem) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${problem}`, 'WorksheetCollection.add');
    if (this.sheet(n)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${n}`, 'WorksheetCollection.add');
    const s = new FakeSheet(n, this.nextSheetId++);
    this.sheets.push(s);
    return s;
  }

  renameSheet(s: FakeSheet, name: string): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeOfficeError('InvalidArgument', problem, 'Worksheet.name');
    const other = this.sheet(name);
    if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`, 'Worksheet.name');
    for (const n of this.names) if (n.sheet === s.name) n.sheet = name;
    s.name = name;
  }

  deleteSheet(s: FakeSheet): void {
    if (!this.sheets.includes(s)) throw new FakeOfficeError('ItemNotFound', 'The sheet was already deleted.', 'Worksheet.delete');
    if (this.sheets.filter((x) => x.visible && x !== s).length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    for (const n of this.names) if (n.sheet === s.name) n.sheet = '#REF!';
    if (this.activeSheet === s) this.activeSheet = this.sheets[0];
  }

  moveSheet(s: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw new FakeOfficeError('InvalidArgument', `Position ${position} is out of range.`, 'Worksheet.position');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  nameTaken(name: string, except?: FakeTable): boolean {
    const k = name.toLowerCase();
    return this.tables.some((t) => t !== except && t.name.toLowerCase() === k) || this.names.some((n) => n.name.toLowerCase() === k);
  }

  addTable(sheet: FakeSheet, range: RangeRef, hasHeaders: boolean): FakeTable {
    if (!hasHeaders) throw new FakeOfficeError('NotImplemented', 'This fake only adds tables whose first row holds the headers.', 'TableCollection.add');
    for (const t of this.tables) {
      if (t.sheet === sheet && rangesOverlap(t.range, range)) throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.', 'TableCollection.add');
    }
    const header = sheet.read({ start: range.start, end: { row: range.start.row, column: range.end.column } })[0];
    uniqueHeaders(header.map((h) => (h === '' ? null : h))).forEach((h, i) => {
      const k = key(range.start.row, range.start.column + i);
      const c = sheet.cells.get(k) ?? {};
      sheet.cells.set(k, { ...c, value: h, formula: undefined, coerced: undefined });
    });
    let name = `Table${this.nextTable++}`;
    while (this.nameTaken(name)) name = `Table${this.nextTable++}`;
    const t: FakeTable = { name, sheet, range: { start: { ...range.start }, end: { ...range.end } } };
    this.tables.push(t);
    return t;
  }

  renameTable(t: FakeTable, name: string): void {
    if (!isValidTableName(name)) throw new FakeOfficeError('InvalidArgument', `'${name}' is not a valid table name.`, 'Table.name');
    if (this.nameTaken(name, t)) throw new FakeOfficeError('InvalidArgument', `A table or name called '${name}' already exists.`, 'Table.name');
    t.name = name;
  }

  newChartName(): string {
    return `Chart ${this.nextChart++}`;
  }

  /** A comparable picture of the whole workbook (for "nothing changed" assertions). */
  picture(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
        charts: s.charts,
        conditionalFormats: s.conditionalFormats,
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: formatRange(t.range) })),
      names: this.names,
      settings: [...this.settings.entries()],
    };
  }
}

/** Applies one typed input to a cell, the way Excel interprets it. */
function applyInput(cell: FakeCell, v: unknown, where: string): void {
  if (v === null || v === undefined) return;
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.coerced;
  delete cell.value;
  if (v === '') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument', `Invalid number at ${where}.`, 'Range.values');
    cell.value = v;
    return;
  }
  if (typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', `Unsupported value at ${where}.`, 'Range.values');
  if (v.length > 32767) throw new FakeOfficeError('InvalidArgument', `Text longer than 32,767 characters at ${where}.`, 'Range.values');
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (v.startsWith('=')) {
    cell.formula = v;
    return;
  }
  const t = v.trim();
  const numeric = t.replace(/^[£$€]/, '').replace(/,/g, '');
  if (t !== '' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(numeric)) {
    cell.value = numeric.endsWith('%') ? Number(numeric.slice(0, -1)) / 100 : Number(numeric);
    cell.coerced = true;
    return;
  }
  if (/^[+\-@]/.test(v)) {
    cell.formula = `=${v}`;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    cell.coerced = true;
    return;
  }
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i.test(t)) {
    cell.value = t.toUpperCase();
    cell.coerced = true;
    return;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) || /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(t)) {
    cell.value = 45000; // some date serial: Excel would store a date, not the text
    cell.coerced = true;
    return;
  }
  cell.value = v;
}

export interface FakeCall {
  sync: number;
  kind: 'load' | 'set' | 'method';
  target: string;
  member: string;
  bytes: number;
  args?: unknown;
}

export class FakeStats {
  syncs = 0;
  calls: FakeCall[] = [];
  /** Request bytes per sync (index 0 = first sync). */
  requestBytes: number[] = [];
  get bytes(): number {
    return this.requestBytes.reduce((a, b) => a + b, 0);
  }
  /** Calls of one kind/member, e.g. ('set', 'values'). */
  find(kind: FakeCall['kind'], member?: string): FakeCall[] {
    return this.calls.filter((c) => c.kind === kind && (member === undefined || c.member === member));
  }
}

interface Command {
  call: Omit<FakeCall, 'sync'>;
  run: () => void;
}

class FakeClientResult<T> {
  _value: T | undefined;
  _ready = false;
  get value(): T {
    if (!this._ready) throw new FakeOfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this._value as T;
  }
}

export class FakeContext {
  queue: Command[] = [];
  readonly workbook: WorkbookProxy;
  responseBytes = 0;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(call: Omit<FakeCall, 'sync'>, run: () => void): void {
    this.queue.push({ call, run });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const batch = this.queue;
    this.queue = [];
    const { stats } = this.fake;
    stats.syncs += 1;
    const n = stats.syncs;
    const bytes = batch.reduce((a, c) => a + c.call.bytes + 50, 0);
    stats.requestBytes.push(bytes);
    this.fake.beforeSync?.(n);
    if (bytes > this.fake.maxRequestBytes) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    this.responseBytes = 0;
    for (const cmd of batch) {
      const call: FakeCall = { ...cmd.call, sync: n };
      stats.calls.push(call);
      if (this.fake.failWhen?.(call)) throw new FakeOfficeError('GeneralException', 'An internal error has occurred.', `${call.target}.${call.member}`);
      cmd.run();
    }
    if (this.responseBytes > this.fake.maxResponseBytes) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
  }
}

function parseProps(props?: string | string[]): string[] {
  if (props === undefined) return ['*'];
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

/** Base of every proxy: queued commands, loaded properties, null-object state. */
abstract class FakeProxy<T> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved: T | null | undefined;
  _isNull: boolean | undefined;
  constructor(
    readonly context: FakeContext,
    readonly desc: string,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.enqueue({ kind: 'method', target: desc, member: '(resolve)', bytes: 0 }, () => {
        this.resolved = this.resolver();
        this._isNull = this.resolved === null;
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this._isNull === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject is not available before context.sync().');
    return this._isNull;
  }

  /** The real object, resolved once (later renames do not lose it). Fails on a null object. */
  target(): T {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (this.resolved === null) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.desc}).`, this.desc);
    return this.resolved;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as V;
  }

  protected setProp(member: string, value: unknown, apply: (o: T) => void): void {
    this.context.enqueue({ kind: 'set', target: this.desc, member, bytes: payloadBytes(value) ?? 0, args: value }, () => apply(this.target()));
  }

  protected method(member: string, args: unknown[], run: (o: T) => void): void {
    this.context.enqueue({ kind: 'method', target: this.desc, member, bytes: payloadBytes(args.map((a) => (a instanceof FakeProxy ? a.desc : a))), args }, () => run(this.target()));
  }

  load(props?: string | string[]): this {
    const list = parseProps(props);
    this.context.enqueue({ kind: 'load', target: this.desc, member: list.join(','), bytes: 0 }, () => {
      if (this.nullable && this._isNull) return;
      this.fill(this.target(), list);
    });
    return this;
  }

  protected abstract fill(o: T, props: string[]): void;

  /** Records a loaded value (used by collections to prime their items). */
  _prime(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.names = new NamedItemCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
  }

  getSelectedRange(): RangeProxy {
    const wb = this.context.fake.workbook;
    return new RangeProxy(this.context, 'Workbook.getSelectedRange()', () => {
      const sel = wb.selection ?? { sheet: wb.activeSheet?.name ?? wb.sheets[0].name, address: 'A1' };
      if (sel.address.includes(',')) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      const sheet = wb.sheet(sel.sheet);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'Selected sheet missing.');
      return { sheet, ref: parseRange(sel.address) };
    });
  }
}

class WorksheetCollectionProxy extends FakeProxy<FakeWorkbook> {
  constructor(context: FakeContext) {
    super(context, 'Workbook.worksheets', () => context.fake.workbook);
  }

  get items(): WorksheetProxy[] {
    return this.prop<WorksheetProxy[]>('items');
  }

  protected fill(wb: FakeWorkbook, props: string[]): void {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    if (itemProps.length === 0 && !props.includes('*')) throw new FakeOfficeError('InvalidArgument', `Unknown property ${props.join(',')}`);
    this.loaded.set(
      'items',
      wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.context, `Worksheet(${JSON.stringify(s.name)})`, () => s);
        fillSheet(p, s, wb, itemProps.length ? itemProps : ['name', 'position', 'visibility']);
        return p;
      }),
    );
  }

  getItem(name: string): WorksheetProxy {
    const wb = this.context.fake.workbook;
    return new WorksheetProxy(this.context, `Worksheet(${JSON.stringify(name)})`, () => {
      const s = wb.sheet(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet ${name}).`, 'WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const wb = this.context.fake.workbook;
    return new WorksheetProxy(this.context, `Worksheet(${JSON.stringify(name)})?`, () => wb.sheet(name) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const wb = this.context.fake.workbook;
    return new WorksheetProxy(this.context, 'ActiveWorksheet', () => wb.activeSheet ?? wb.sheets[0]);
  }

  add(name?: string): WorksheetProxy {
    const ref: { sheet?: FakeSheet } = {};
    const p = new WorksheetProxy(this.context, `Worksheet(new ${JSON.stringify(name)})`, () => {
      if (!ref.sheet) throw new FakeOfficeError('GeneralException', 'Sheet not created yet.');
      return ref.sheet;
    });
    this.method('add', [name], (wb) => {
      ref.sheet = wb.addSheet(name);
    });
    return p;
  }
}

function fillSheet(p: WorksheetProxy, s: FakeSheet, wb: FakeWorkbook, props: string[]): void {
  for (const prop of props) {
    if (prop === 'name') p._prime('name', s.name);
    else if (prop === 'position') p._prime('position', wb.sheets.indexOf(s));
    else if (prop === 'visibility') p._prime('visibility', s.visible ? 'Visible' : 'Hidden');
    else if (prop === 'id') p._prime('id', String(s.id));
    else throw new FakeOfficeError('InvalidArgument', `Worksheet has no loadable property '${prop}' in this fake.`);
  }
}

class WorksheetProxy extends FakeProxy<FakeSheet> {
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProp('name', v, (s) => this.context.fake.workbook.renameSheet(s, v));
  }
  get position(): number {
    return this.prop('position');
  }
  set position(v: number) {
    this.setProp('position', v, (s) => this.context.fake.workbook.moveSheet(s, v));
  }
  get visibility(): string {
    return this.prop('visibility');
  }

  protected fill(s: FakeSheet, props: string[]): void {
    fillSheet(this, s, this.context.fake.workbook, props.includes('*') ? ['name', 'position', 'visibility'] : props);
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this);
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this);
  }

  delete(): void {
    this.method('delete', [], (s) => this.context.fake.workbook.deleteSheet(s));
  }

  activate(): void {
    this.method('activate', [], (s) => {
      this.context.fake.workbook.activeSheet = s;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, `${this.desc}.getRange(${JSON.stringify(address ?? '')})`, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, ref: { start: { row: 0, column: 0 }, end: { row: 1_048_575, column: 16_383 } } };
      let ref: RangeRef;
      try {
        ref = parseRange(address);
      } catch {
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (${address}).`, 'Worksheet.getRange');
      }
      if (ref.sheet !== undefined && ref.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument', 'Address on another sheet.', 'Worksheet.getRange');
      return { sheet, ref: { start: ref.start, end: ref.end, whole: ref.whole } };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, `${this.desc}.getUsedRange(${valuesOnly === true})`, () => {
      const sheet = this.target();
      return { sheet, ref: sheet.used(valuesOnly === true) ?? { start: { row: 0, column: 0 }, end: { row: 0, column: 0 } } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.desc}.getUsedRangeOrNullObject(${valuesOnly === true})`,
      () => {
        const sheet = this.target();
        const used = sheet.used(valuesOnly === true);
        return used ? { sheet, ref: used } : null;
      },
      true,
    );
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  ref: RangeRef;
}

class RangeProxy extends FakeProxy<RangeTarget> {
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.assign('values', v);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.assign('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setProp('numberFormat', v, (t) => {
      this.checkShape(t, v, 'numberFormat');
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          const k = key(t.ref.start.row + i, t.ref.start.column + j);
          const c = t.sheet.cells.get(k) ?? {};
          c.numberFormat = String(f);
          t.sheet.cells.set(k, c);
        }),
      );
    });
  }
  get address(): string {
    return this.prop('address');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }

  private checkShape(t: RangeTarget, v: unknown[][], member: string): void {
    const { rows, columns } = rangeSize(t.ref);
    if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== columns)) {
      throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", `Range.${member}`);
    }
  }

  private assign(member: 'values' | 'formulas', v: unknown[][]): void {
    this.setProp(member, v, (t) => {
      this.checkShape(t, v, member);
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const r = t.ref.start.row + i;
          const c = t.ref.start.column + j;
          const k = key(r, c);
          const cell = t.sheet.cells.get(k) ?? {};
          applyInput(cell, x, `${t.sheet.name}!${formatRange({ start: { row: r, column: c }, end: { row: r, column: c } })}`);
          if (Object.keys(cell).length === 0) t.sheet.cells.delete(k);
          else t.sheet.cells.set(k, cell);
        }),
      );
    });
  }

  protected fill(t: RangeTarget, props: string[]): void {
    const list = props.includes('*') ? ['address', 'values', 'rowCount', 'columnCount'] : props;
    for (const p of list) {
      const { rows, columns } = rangeSize(t.ref);
      if (p === 'address') this.loaded.set('address', `${quoteSheetName(t.sheet.name)}!${formatRange(t.ref)}`);
      else if (p === 'rowCount') this.loaded.set('rowCount', rows);
      else if (p === 'columnCount') this.loaded.set('columnCount', columns);
      else if (p === 'cellCount') this.loaded.set('cellCount', rows * columns);
      else if (p === 'values' || p === 'formulas' || p === 'numberFormat') {
        if (rows * columns > 5_000_000) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'Too many cells.');
        const vals = t.sheet.read(t.ref);
        const out =
          p === 'numberFormat'
            ? vals.map((row, i) => row.map((_, j) => t.sheet.cells.get(key(t.ref.start.row + i, t.ref.start.column + j))?.numberFormat ?? 'General'))
            : vals;
        this.context.responseBytes += payloadBytes(out);
        this.loaded.set(p, out);
      } else throw new FakeOfficeError('InvalidArgument', `Range has no loadable property '${p}' in this fake.`);
    }
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this.desc}.worksheet`, () => this.target().sheet);
  }

  get format(): { font: { bold: boolean } } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the setters below belong to this proxy, as in office.js
    const self = this;
    return {
      font: {
        set bold(v: boolean) {
          self.context.enqueue({ kind: 'set', target: `${self.desc}.format.font`, member: 'bold', bytes: 5, args: v }, () => {
            const t = self.target();
            const { rows, columns } = rangeSize(t.ref);
            for (let i = 0; i < rows; i += 1)
              for (let j = 0; j < columns; j += 1) {
                const k = key(t.ref.start.row + i, t.ref.start.column + j);
                const c = t.sheet.cells.get(k) ?? {};
                c.bold = v;
                t.sheet.cells.set(k, c);
              }
          });
        },
        get bold(): boolean {
          throw new FakeOfficeError('PropertyNotLoaded', 'format/font/bold is write-only in this fake.');
        },
      },
    };
  }

  get conditionalFormats(): { add: (type: string) => ConditionalFormatProxy } {
    return {
      add: (type: string) => {
        const ref: { cf?: FakeConditionalFormat } = {};
        this.context.enqueue({ kind: 'method', target: `${this.desc}.conditionalFormats`, member: 'add', bytes: payloadBytes([type]), args: [type] }, () => {
          const t = this.target();
          if (type !== 'CellValue' && type !== 'ContainsText') throw new FakeOfficeError('NotImplemented', `Conditional format ${type} not in this fake.`);
          ref.cf = { type, range: formatRange(t.ref) };
          t.sheet.conditionalFormats.push(ref.cf);
        });
        return new ConditionalFormatProxy(this.context, `${this.desc}.conditionalFormats[new]`, () => ref.cf ?? null);
      },
    };
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this.desc}.getUsedRangeOrNullObject(${valuesOnly === true})`,
      () => {
        const t = this.target();
        const used = t.sheet.used(valuesOnly === true);
        const cut = used ? intersectRanges(used, t.ref) : null;
        return cut ? { sheet: t.sheet, ref: cut } : null;
      },
      true,
    );
  }
}

class ConditionalFormatProxy extends FakeProxy<FakeConditionalFormat> {
  protected fill(): void {
    throw new FakeOfficeError('NotImplemented', 'Loading conditional formats is not in this fake.');
  }
  private part(kind: 'cellValue' | 'textComparison') {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the setters below belong to this proxy, as in office.js
    const self = this;
    const expect = kind === 'cellValue' ? 'CellValue' : 'ContainsText';
    const check = (cf: FakeConditionalFormat) => {
      if (cf.type !== expect) throw new FakeOfficeError('InvalidOperation', `This conditional format is ${cf.type}, not ${expect}.`, `ConditionalFormat.${kind}`);
      return cf;
    };
    return {
      format: {
        fill: {
          set color(v: string) {
            self.setProp(`${kind}.format.fill.color`, v, (cf) => (check(cf).fill = v));
          },
        },
        font: {
          set color(v: string) {
            self.setProp(`${kind}.format.font.color`, v, (cf) => (check(cf).fontColor = v));
          },
        },
      },
      set rule(v: unknown) {
        self.setProp(`${kind}.rule`, v, (cf) => (check(cf).rule = structuredClone(v)));
      },
    };
  }
  get cellValue() {
    return this.part('cellValue');
  }
  get textComparison() {
    return this.part('textComparison');
  }
}

class TableCollectionProxy extends FakeProxy<FakeTable[]> {
  constructor(
    context: FakeContext,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(context, sheet ? `${sheet.desc}.tables` : 'Workbook.tables', () => {
      const wb = context.fake.workbook;
      if (!sheet) return wb.tables;
      const s = sheet.target();
      return wb.tables.filter((t) => t.sheet === s);
    });
  }

  get items(): TableProxy[] {
    return this.prop('items');
  }

  protected fill(tables: FakeTable[], props: string[]): void {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.loaded.set(
      'items',
      tables.map((t) => {
        const p = new TableProxy(this.context, `Table(${JSON.stringify(t.name)})`, () => t);
        for (const ip of itemProps.length ? itemProps : ['name']) {
          if (ip === 'name') p._prime('name', t.name);
          else throw new FakeOfficeError('InvalidArgument', `Table has no loadable property '${ip}' in this fake.`);
        }
        return p;
      }),
    );
  }

  getItemOrNullObject(name: string): TableProxy {
    const wb = this.context.fake.workbook;
    return new TableProxy(this.context, `Table(${JSON.stringify(name)})?`, () => wb.table(name) ?? null, true);
  }

  getItem(name: string): TableProxy {
    const wb = this.context.fake.workbook;
    return new TableProxy(this.context, `Table(${JSON.stringify(name)})`, () => {
      const t = wb.table(name);
      if (!t) throw new FakeOfficeError('ItemNotFound', `Table ${name} not found.`, 'TableCollection.getItem');
      return t;
    });
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.method('getCount', [], (tables) => {
      r._value = tables.length;
      r._ready = true;
    });
    return r;
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const ref: { t?: FakeTable } = {};
    const desc = typeof address === 'string' ? address : address.desc;
    const p = new TableProxy(this.context, `Table(new at ${desc})`, () => ref.t ?? null);
    this.context.enqueue({ kind: 'method', target: this.desc, member: 'add', bytes: payloadBytes([desc, hasHeaders]), args: [desc, hasHeaders] }, () => {
      const wb = this.context.fake.workbook;
      let sheet: FakeSheet;
      let range: RangeRef;
      if (typeof address === 'string') {
        const r = parseRange(address);
        const s = r.sheet !== undefined ? wb.sheet(r.sheet) : this.sheet ? this.sheet.target() : wb.activeSheet;
        if (!s) throw new FakeOfficeError('ItemNotFound', `Sheet for ${address} not found.`, 'TableCollection.add');
        sheet = s;
        range = r;
      } else {
        const t = address.target();
        sheet = t.sheet;
        range = t.ref;
      }
      ref.t = wb.addTable(sheet, range, hasHeaders);
    });
    return p;
  }
}

class TableProxy extends FakeProxy<FakeTable> {
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.setProp('name', v, (t) => this.context.fake.workbook.renameTable(t, v));
  }
  protected fill(t: FakeTable, props: string[]): void {
    for (const p of props.includes('*') ? ['name'] : props) {
      if (p === 'name') this.loaded.set('name', t.name);
      else throw new FakeOfficeError('InvalidArgument', `Table has no loadable property '${p}' in this fake.`);
    }
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.desc}.getRange()`, () => {
      const t = this.target();
      return { sheet: t.sheet, ref: t.range };
    });
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this.desc}.worksheet`, () => this.target().sheet);
  }
  delete(): void {
    this.method('delete', [], (t) => {
      const wb = this.context.fake.workbook;
      wb.tables = wb.tables.filter((x) => x !== t);
    });
  }
}

class ChartCollectionProxy extends FakeProxy<FakeChart[]> {
  constructor(
    context: FakeContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context, `${sheet.desc}.charts`, () => sheet.target().charts);
  }
  protected fill(charts: FakeChart[], props: string[]): void {
    this.loaded.set(
      'items',
      charts.map((c) => {
        const p = new ChartProxy(this.context, `Chart(${JSON.stringify(c.name)})`, () => c);
        if (props.includes('items/name')) p._prime('name', c.name);
        return p;
      }),
    );
  }
  get items(): ChartProxy[] {
    return this.prop('items');
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.method('getCount', [], (charts) => {
      r._value = charts.length;
      r._ready = true;
    });
    return r;
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const ref: { c?: FakeChart } = {};
    const p = new ChartProxy(this.context, `Chart(new ${type})`, () => ref.c ?? null);
    this.context.enqueue({ kind: 'method', target: this.desc, member: 'add', bytes: payloadBytes([type, source.desc, seriesBy]), args: [type, source.desc, seriesBy] }, () => {
      const s = this.sheet.target();
      const src = source.target();
      if (src.sheet !== s) throw new FakeOfficeError('InvalidArgument', 'Chart data on another sheet.', 'ChartCollection.add');
      if (!['Line', 'BarClustered', 'ColumnClustered'].includes(type)) throw new FakeOfficeError('InvalidArgument', `Chart type ${type} not in this fake.`, 'ChartCollection.add');
      ref.c = { name: this.context.fake.workbook.newChartName(), type, source: formatRange(src.ref), seriesBy: seriesBy ?? 'Auto' };
      s.charts.push(ref.c);
    });
    return p;
  }
}

class ChartProxy extends FakeProxy<FakeChart> {
  protected fill(c: FakeChart, props: string[]): void {
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', c.name);
      else throw new FakeOfficeError('InvalidArgument', `Chart has no loadable property '${p}' in this fake.`);
    }
  }
  get name(): string {
    return this.prop('name');
  }
  get title(): { text: string } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the setters below belong to this proxy, as in office.js
    const self = this;
    return {
      set text(v: string) {
        self.setProp('title.text', v, (c) => (c.title = v));
      },
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'title/text not loadable in this fake.');
      },
    };
  }
  get axes() {
    const axis = (which: 'categoryAxis' | 'valueAxis') => {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the setters below belong to this proxy, as in office.js
      const self = this;
      return {
        title: {
          set text(v: string) {
            self.setProp(`axes.${which}.title.text`, v, (c) => {
              if (which === 'categoryAxis') c.xAxisTitle = v;
              else c.yAxisTitle = v;
            });
          },
        },
      };
    };
    return { categoryAxis: axis('categoryAxis'), valueAxis: axis('valueAxis') };
  }
  setPosition(start: string, end?: string): void {
    this.method('setPosition', end === undefined ? [start] : [start, end], (c) => {
      parseRange(start);
      c.position = end === undefined ? { start } : { start, end };
    });
  }
  delete(): void {
    this.method('delete', [], (c) => {
      for (const s of this.context.fake.workbook.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

class NamedItemCollectionProxy extends FakeProxy<FakeName[]> {
  constructor(context: FakeContext) {
    super(context, 'Workbook.names', () => context.fake.workbook.names);
  }
  get items(): NamedItemProxy[] {
    return this.prop('items');
  }
  protected fill(names: FakeName[], props: string[]): void {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.loaded.set(
      'items',
      names.map((n) => {
        const p = new NamedItemProxy(this.context, `Name(${JSON.stringify(n.name)})`, () => n);
        p.fillFrom(n, itemProps.length ? itemProps : ['name', 'type', 'visible']);
        return p;
      }),
    );
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const wb = this.context.fake.workbook;
    return new NamedItemProxy(this.context, `Name(${JSON.stringify(name)})?`, () => wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
}

class NamedItemProxy extends FakeProxy<FakeName> {
  get name(): string {
    return this.prop('name');
  }
  get type(): string {
    return this.prop('type');
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  fillFrom(n: FakeName, props: string[]): void {
    this.fill(n, props);
  }
  protected fill(n: FakeName, props: string[]): void {
    for (const p of props.includes('*') ? ['name', 'type', 'visible', 'value'] : props) {
      if (p === 'name') this.loaded.set('name', n.name);
      else if (p === 'type') this.loaded.set('type', n.type);
      else if (p === 'visible') this.loaded.set('visible', n.visible);
      else if (p === 'value') this.loaded.set('value', `${quoteSheetName(n.sheet)}!${n.address}`);
      else throw new FakeOfficeError('InvalidArgument', `NamedItem has no loadable property '${p}' in this fake.`);
    }
  }
  private resolveRange(n: FakeName): RangeTarget | null {
    const sheet = this.context.fake.workbook.sheet(n.sheet);
    if (!sheet || n.type !== 'Range') return null;
    return { sheet, ref: parseRange(n.address) };
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.desc}.getRange()`, () => {
      const r = this.resolveRange(this.target());
      if (!r) throw new FakeOfficeError('InvalidOperation', 'The name does not refer to a range.', 'NamedItem.getRange');
      return r;
    });
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, `${this.desc}.getRangeOrNullObject()`, () => this.resolveRange(this.target()), true);
  }
}

class SettingCollectionProxy extends FakeProxy<Map<string, unknown>> {
  constructor(context: FakeContext) {
    super(context, 'Workbook.settings', () => context.fake.workbook.settings);
  }
  protected fill(): void {
    throw new FakeOfficeError('NotImplemented', 'Loading all settings is not in this fake.');
  }
  add(key: string, value: unknown): SettingProxy {
    this.method('add', [key, value], (m) => {
      if (key === '') throw new FakeOfficeError('InvalidArgument', 'A setting needs a key.', 'SettingCollection.add');
      m.set(key, JSON.parse(JSON.stringify(value)));
    });
    return this.getItem(key);
  }
  getItem(key: string): SettingProxy {
    const m = this.context.fake.workbook.settings;
    return new SettingProxy(this.context, `Setting(${JSON.stringify(key)})`, () => {
      if (!m.has(key)) throw new FakeOfficeError('ItemNotFound', `Setting ${key} not found.`, 'SettingCollection.getItem');
      return { key, map: m };
    });
  }
  getItemOrNullObject(key: string): SettingProxy {
    const m = this.context.fake.workbook.settings;
    return new SettingProxy(this.context, `Setting(${JSON.stringify(key)})?`, () => (m.has(key) ? { key, map: m } : null), true);
  }
}

class SettingProxy extends FakeProxy<{ key: string; map: Map<string, unknown> }> {
  get value(): unknown {
    return this.prop('value');
  }
  get key(): string {
    return this.prop('key');
  }
  protected fill(s: { key: string; map: Map<string, unknown> }, props: string[]): void {
    for (const p of props.includes('*') ? ['key', 'value'] : props) {
      if (p === 'value') {
        const v = s.map.get(s.key);
        this.context.responseBytes += payloadBytes(v);
        this.loaded.set('value', structuredClone(v));
      } else if (p === 'key') this.loaded.set('key', s.key);
      else throw new FakeOfficeError('InvalidArgument', `Setting has no loadable property '${p}'.`);
    }
  }
  delete(): void {
    this.method('delete', [], (s) => s.map.delete(s.key));
  }
}

/** The fake host: a workbook, counters and hooks. */
export class FakeExcel {
  readonly stats = new FakeStats();
  /** Called at the start of every sync with its number (1-based), before anything runs. */
  beforeSync?: (sync: number) => void;
  /** Makes the matching command fail (GeneralException), stopping its batch there. */
  failWhen?: (call: FakeCall) => boolean;
  maxRequestBytes = FIVE_MB;
  maxResponseBytes = FIVE_MB;

  constructor(public workbook: FakeWorkbook) {}

  /** Stand-in for Excel.run: runs the batch, then sends anything still queued, as Excel.run does. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    // The fake implements the slice of Excel.RequestContext the add-in uses; the cast is the seam.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  /** Installs `globalThis.Excel = { run }`; returns a function restoring what was there. */
  install(): () => void {
    const g = globalThis as unknown as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = { run: this.run };
    return () => {
      g.Excel = before;
    };
  }

  /** Zeroes the counters (e.g. after setting up a workbook through the gateway). */
  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.calls = [];
    this.stats.requestBytes = [];
  }
}

/**
 * A fresh counting fake of Excel holding `data` (empty workbook with "Sheet1" by default).
 *
 * @example
 * const excel = countingExcel();
 * const gateway = new OfficeGateway({ run: excel.run });
 * const report = await gateway.writeSheets(writes);
 * console.log(excel.stats.syncs, excel.stats.bytes, report.syncs, report.bytesWritten);
 */
export function countingExcel(data: WorkbookData = { sheets: [{ name: 'Sheet1', values: [] }] }): FakeExcel {
  return new FakeExcel(FakeWorkbook.from(data));
}

const DISTRICTS = ['Dartford', 'Gravesham', 'Sevenoaks', 'Ashford', 'Dover', 'Shepway', 'Canterbury', 'Swale', 'Thanet', 'Maidstone', 'Tonbridge & Malling', 'Tunbridge Wells'];

/**
 * A realistic scenario output for `areas` planning areas, shaped like what the task pane writes: a
 * parameters block, a forecast table (areas x 5 years rows, 10 columns, number formats), the ratios
 * used (one row per area), a district totals table with a status column, a line chart over the totals
 * and status conditional formatting.
 */
export function realisticScenarioWrite(areas: number, sheet = 'Forecast - Base'): import('../../src/excel/gateway').SheetWrite {
  const years = ['2025-26', '2026-27', '2027-28', '2028-29', '2029-30'];
  const forecastRows = [];
  for (let a = 0; a < areas; a += 1) {
    for (let y = 0; y < years.length; y += 1) {
      const base = 90 + ((a * 37 + y * 11) % 60) + 0.123456789;
      forecastRows.push([DISTRICTS[a % DISTRICTS.length], `Planning area ${a + 1}`, years[y], base, base * 0.99, base * 0.98, base * 1.01, base * 0.97, base * 1.02, base * 0.995]);
    }
  }
  const ratios = Array.from({ length: areas }, (_, a) => [`Planning area ${a + 1}`, 1.01, 0.99, 1.0, 1.002, 0.998, 1.001, 0.9995]);
  const statuses = ['Deficit', 'Below target', 'Within target', 'Above target'];
  const totals = DISTRICTS.flatMap((d, i) => years.map((y, j) => [d, y, 4000 + i * 10 + j, 4200, 200 - i * 20, statuses[(i + j) % 4]]));
  const forecastStart = 9;
  const totalsHeaderRow = forecastStart + forecastRows.length + 3;
  return {
    sheet,
    blocks: [
      {
        startCell: 'A1',
        values: [['Kent Place Planner: forecast'], ['Scenario', 'Base'], ['Input', "'Primary rolls'!A1:M700"], ['Method', 'mean of 3 years'], ['Date', '2025-06-01'], ['Version', '0.1.0'], ['Assumptions', '=plain words, not a formula']],
        boldFirstRow: true,
      },
      { startCell: 'M9', values: [['Planning area', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'], ...ratios], numberFormat: [null, '0.000', '0.000', '0.000', '0.000', '0.000', '0.000', '0.000'], boldFirstRow: true },
    ],
    tables: [
      { name: `${sheet} forecast`, startCell: `A${forecastStart}`, headers: ['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'], rows: forecastRows, numberFormats: [null, null, null, '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0'] },
      { name: `${sheet} totals`, startCell: `A${totalsHeaderRow}`, headers: ['District', 'Year', 'Forecast', 'Capacity', 'Surplus', 'Status'], rows: totals, numberFormats: [null, null, '#,##0', '#,##0', '#,##0', null] },
    ],
    charts: [{ type: 'line', title: 'Forecast against capacity', dataRange: `B${totalsHeaderRow}:D${totalsHeaderRow + 5}`, seriesBy: 'columns', anchor: 'V2', xAxisTitle: 'Year', yAxisTitle: 'Pupils' }],
    formats: [
      {
        range: `F${totalsHeaderRow + 1}:F${totalsHeaderRow + totals.length}`,
        rules: [
          { text: 'Deficit', fill: '#FFC7CE', fontColor: '#9C0006' },
          { text: 'Below target', fill: '#FFEB9C' },
          { text: 'Within target', fill: '#C6EFCE', fontColor: '#006100' },
          { text: 'Above target', fill: '#BDD7EE' },
        ],
      },
    ],
    activate: true,
  };
}
