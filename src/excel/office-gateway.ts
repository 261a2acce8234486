/**
 * The gateway inside Excel: the only code in the add-in that calls `Excel.run`.
 *
 * Round trips (`context.sync()`), which is what makes an add-in slow in Excel on the web, are fixed per
 * operation and do not grow with the number of planning areas, tables or charts:
 *
 * | operation      | syncs |
 * |----------------|-------|
 * | writeSheets    | 1 (sheet, table and name lists) + 1 (used range, chart count and tables of target sheets that already exist; skipped when none exists) + 1 (everything written) + 1 more for each further ~4 MB of cell data |
 * | read           | 1 (does it exist) + 1 (address and size) + 1 per 200,000 cells of values (+1 for whole rows/columns, read as their used part) |
 * | describe       | 2 (or 1 when there are no tables or names) |
 * | sheetStates    | 1 + 1 when any of the sheets exists |
 * | selection, loadSetting, saveSetting | 1 |
 *
 * How a write stays all-or-nothing: every target is written into a sheet this call creates (a new sheet,
 * or, for a sheet that exists, a temporary one). Only in the last batch are replaced sheets deleted and
 * the temporary ones renamed into their place (same position) and their tables given their final names.
 * On cancellation or failure before that, the sheets this call created are deleted (one more sync after
 * a cancellation, two after a failure) and the workbook is as it was. Consequence to know: formulas
 * elsewhere that pointed at a replaced sheet show #REF!, as they would if a user deleted and re-created
 * that sheet. A replaced sheet keeps the user's spelling of its name.
 *
 * Each block and table is written with one `values` (or `formulas`) assignment and at most one
 * `numberFormat` assignment; only data over ~4 MB is split into row chunks, each sent in its own sync.
 * Text is escaped as `names.ts` describes, so nothing the user typed is ever run as a formula.
 */
import {
  GatewayError,
  type InputSource,
  type Matrix,
  type RangeData,
  type SheetState,
  type SheetWrite,
  type WorkbookGateway,
  type WorkbookInfo,
  type WriteOptions,
  type WriteReport,
} from './gateway';
import { blockRange, formatCell, formatRange, parseRange, splitSheet } from './a1';
import { uniqueName, validSheetName } from './names';
import { conflictError, exactTextFormula, payloadBytes, plannedCells, planWrites, type ExcelInput, type PlannedBlock } from './write-plan';

/** Runs a batch against Excel (Excel.run, or a test double). */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeGatewayOptions {
  /** Defaults to the global `Excel.run`. */
  run?: ExcelRunner;
  /** Largest payload sent in one sync. Default 4,000,000 bytes (Excel on the web refuses requests over 5 MB). */
  maxPayloadBytes?: number;
  /** Most cells read in one sync. Default 200,000 (responses are limited to 5 MB too). */
  maxReadCells?: number;
}

/** Fixed cost counted for each queued command besides its data (request framing). */
const COMMAND_OVERHEAD = 200;

function cancelled(): GatewayError {
  return new GatewayError('cancelled', 'Writing was cancelled; the workbook was left as it was.');
}

/** Anything an Office call can throw, read defensively. */
interface OfficeErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string; code?: string; message?: string };
}

/**
 * Wraps anything thrown inside Excel.run as a GatewayError in plain words: what was being done (naming
 * the sheet or range) and Excel's own message.
 */
export function toGatewayError(error: unknown, doing: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as OfficeErrorLike;
  const code = e.code ?? e.debugInfo?.code;
  const message = (e.message ?? 'unknown error').replace(/\.$/, '');
  const at = e.debugInfo?.errorLocation ? ` (at ${e.debugInfo.errorLocation})` : '';
  const kind = code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' ? 'tooLarge' : 'excel';
  return new GatewayError(kind, `Excel could not ${doing}: ${message}${at}.`);
}

/** Row spans [start, end) of a block such that each span's data stays under `maxBytes`. */
export function rowChunks(block: Pick<PlannedBlock, 'input' | 'numberFormats' | 'label'>, maxBytes: number, sheet = ''): { start: number; end: number; bytes: number }[] {
  const chunks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 2;
  block.input.forEach((row, r) => {
    const rowBytes = payloadBytes(row) + 1 + (block.numberFormats ? payloadBytes(block.numberFormats[r]) + 1 : 0);
    if (rowBytes + 2 > maxBytes) {
      throw new GatewayError('tooLarge', `Row ${r + 1} of the ${block.label}${sheet ? ` on '${sheet}'` : ''} holds ${rowBytes.toLocaleString('en-GB')} bytes, more than Excel accepts in one request.`);
    }
    if (r > start && bytes + rowBytes > maxBytes) {
      chunks.push({ start, end: r, bytes });
      start = r;
      bytes = 2;
    }
    bytes += rowBytes;
  });
  chunks.push({ start, end: block.input.length, bytes });
  return chunks;
}

function fromExcel(values: unknown[][]): Matrix {
  return values.map((row) => row.map((v) => (v === '' || v === undefined ? null : (v as string | number | boolean | null))));
}

/** Address without its sheet prefix, and the sheet (as Excel reports "'My sheet'!A1:B2"). */
function localAddress(address: string): { sheet?: string; address: string } {
  return splitSheet(address);
}

export class OfficeGateway implements WorkbookGateway {
  private readonly runner: ExcelRunner;
  private readonly maxPayload: number;
  private readonly maxReadCells: number;

  constructor(options: OfficeGatewayOptions = {}) {
    this.runner = options.run ?? ((batch) => Excel.run(batch));
    this.maxPayload = options.maxPayloadBytes ?? 4_000_000;
    this.maxReadCells = options.maxReadCells ?? 200_000;
  }

  private async excel<T>(doing: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.runner(batch);
    } catch (e) {
      throw toGatewayError(e, doing);
    }
  }

  async describe(): Promise<WorkbookInfo> {
    return this.excel('list the sheets, tables and names of this workbook', async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name');
      const names = context.workbook.names.load('items/name,items/type,items/visible');
      await context.sync();
      const tableRanges = tables.items.map((t) => t.getRange().load('address'));
      const usable = names.items.filter((n) => n.type === 'Range' && n.visible !== false);
      const nameRanges = usable.map((n) => n.getRangeOrNullObject().load('address'));
      if (tableRanges.length + nameRanges.length > 0) await context.sync();
      const info = (name: string, address: string) => {
        const a = localAddress(address);
        return { name, sheet: a.sheet ?? '', address: a.address };
      };
      return {
        sheets: sheets.items.map((s) => s.name),
        tables: tables.items.map((t, i) => info(t.name, tableRanges[i].address)),
        names: usable.flatMap((n, i) => (nameRanges[i].isNullObject ? [] : [info(n.name, nameRanges[i].address)])),
      };
    });
  }

  async read(source: InputSource): Promise<RangeData> {
    const what = source.kind === 'range' ? `read ${source.address} on sheet '${source.sheet}'` : `read ${source.kind} '${source.name}'`;
    return this.excel(what, async (context) => {
      let range: Excel.Range;
      let sheetName: string | null = null;
      if (source.kind === 'table') {
        const t = context.workbook.tables.getItemOrNullObject(source.name).load('name');
        await context.sync();
        if (t.isNullObject) throw new GatewayError('notFound', `Table '${source.name}' was not found in this workbook.`);
        range = t.getRange();
      } else if (source.kind === 'name') {
        const n = context.workbook.names.getItemOrNullObject(source.name).load('name,type');
        await context.sync();
        if (n.isNullObject) throw new GatewayError('notFound', `Name '${source.name}' was not found in this workbook.`);
        if (n.type !== 'Range') throw new GatewayError('invalid', `Name '${source.name}' does not refer to a range of cells.`);
        range = n.getRange();
      } else {
        const parsed = parseRange(source.address);
        if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== source.sheet.toLowerCase()) {
          throw new GatewayError('invalid', `Range '${source.address}' names sheet '${parsed.sheet}', not '${source.sheet}'.`);
        }
        const ws = context.workbook.worksheets.getItemOrNullObject(source.sheet).load('name');
        await context.sync();
        if (ws.isNullObject) throw new GatewayError('notFound', `Sheet '${source.sheet}' was not found.`);
        sheetName = ws.name;
        range = ws.getRange(formatRange({ start: parsed.start, end: parsed.end, whole: parsed.whole }));
        if (parsed.whole) {
          // Whole rows/columns: read only their used part, not a million rows.
          range = range.getUsedRangeOrNullObject(true);
          range.load('address,rowCount,columnCount');
          await context.sync();
          if (range.isNullObject) return { sheet: ws.name, address: formatCell(parsed.start), values: [[null]] };
        }
      }
      range.load('address,rowCount,columnCount');
      const sheetProxy = sheetName === null ? range.worksheet.load('name') : null;
      await context.sync();
      const sheet = sheetName ?? sheetProxy!.name;
      const local = localAddress(range.address).address;
      const ref = parseRange(local);
      const rowsPerChunk = Math.max(1, Math.floor(this.maxReadCells / Math.max(1, range.columnCount)));
      if (range.rowCount <= rowsPerChunk) {
        range.load('values');
        await context.sync();
        return { sheet, address: formatRange(ref), values: fromExcel(range.values) };
      }
      const values: Matrix = [];
      const ws = range.worksheet;
      for (let r = 0; r < range.rowCount; r += rowsPerChunk) {
        const n = Math.min(rowsPerChunk, range.rowCount - r);
        const part = ws.getRange(formatRange(blockRange({ row: ref.start.row + r, column: ref.start.column }, n, range.columnCount))).load('values');
        await context.sync();
        values.push(...fromExcel(part.values));
      }
      return { sheet, address: formatRange(ref), values };
    });
  }

  async selection(): Promise<{ kind: 'range'; sheet: string; address: string }> {
    return this.excel('read the current selection (select one block of cells)', async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      const sheet = range.worksheet.load('name');
      await context.sync();
      return { kind: 'range', sheet: sheet.name, address: localAddress(range.address).address };
    });
  }

  async sheetStates(names: string[]): Promise<Record<string, SheetState>> {
    return this.excel(`check sheets ${names.map((n) => `'${n}'`).join(', ')}`, async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const probes = names.map((n) => {
        const ws = sheets.items.find((s) => s.name.toLowerCase() === n.toLowerCase());
        if (!ws) return null;
        const used = ws.getUsedRangeOrNullObject(true).load('address');
        return { used, charts: ws.charts.getCount() };
      });
      if (probes.some((p) => p !== null)) await context.sync();
      const out: Record<string, SheetState> = {};
      names.forEach((n, i) => {
        const p = probes[i];
        out[n] = p === null ? 'absent' : !p.used.isNullObject || p.charts.value > 0 ? 'nonEmpty' : 'empty';
      });
      return out;
    });
  }

  async writeSheets(writes: SheetWrite[], options: WriteOptions = {}): Promise<WriteReport> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw cancelled();
    if (writes.length === 0) return { sheets: [], tables: [], cellsWritten: 0, bytesWritten: 0, syncs: 0 };
    const wanted = writes.map((w) => validSheetName(String(w.sheet ?? '')));
    const doing = `write ${wanted.map((n) => `sheet '${n}'`).join(', ')}`;
    let syncs = 0;
    let bytes = 0;
    return this.excel(doing, async (context) => {
      const sync = async (): Promise<void> => {
        syncs += 1;
        await context.sync();
      };
      const created: string[] = [];
      const createdSheets: Excel.Worksheet[] = [];
      try {
        // Sync 1: what is in the workbook.
        onProgress?.({ done: 0, total: 1, step: 'Checking the target sheets' });
        const sheets = context.workbook.worksheets.load('items/name,items/position');
        const tables = context.workbook.tables.load('items/name');
        const definedNames = context.workbook.names.load('items/name');
        await sync();
        const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s] as const));

        // Sync 2 (only when a target exists): is it empty, and which tables go with it.
        const existing = [...new Set(wanted.map((n) => n.toLowerCase()))].flatMap((k) => {
          const ws = byName.get(k);
          if (!ws) return [];
          return [{ ws, used: ws.getUsedRangeOrNullObject(true).load('address'), charts: ws.charts.getCount(), tables: ws.tables.load('items/name') }];
        });
        if (existing.length > 0) await sync();
        const conflicts = existing.filter((e) => !e.used.isNullObject || e.charts.value > 0).map((e) => e.ws.name);
        if (conflicts.length > 0 && !options.replace) throw conflictError(conflicts);
        const leaving = new Set(existing.flatMap((e) => e.tables.items.map((t) => t.name.toLowerCase())));
        const plan = planWrites(writes, [
          ...tables.items.map((t) => t.name).filter((n) => !leaving.has(n.toLowerCase())),
          ...definedNames.items.map((n) => n.name),
        ]);
        if (signal?.aborted) throw cancelled();

        // Everything else: queued in batches under the payload limit.
        const total = plan.reduce((n, p) => n + p.blocks.length + p.charts.length + p.formats.length, 0) + 1;
        let done = 0;
        let pending = 0;
        /** Makes room for a command carrying `data` bytes plus `commands` commands' framing; syncs first if the batch would pass the limit. */
        const room = async (data: number, commands: number, step: string): Promise<void> => {
          if (signal?.aborted) throw cancelled();
          const need = data + commands * COMMAND_OVERHEAD;
          if (pending > 0 && pending + need > this.maxPayload) {
            onProgress?.({ done, total, step: 'Sending to Excel' });
            await sync();
            pending = 0;
            if (signal?.aborted) throw cancelled();
          }
          pending += need;
          bytes += data;
          onProgress?.({ done, total, step });
        };

        const takenSheetNames = sheets.items.map((s) => s.name);
        const takenTableNames = [...tables.items.map((t) => t.name), ...definedNames.items.map((n) => n.name), ...plan.flatMap((q) => q.tables.map((t) => t.name))];
        const finishing: (() => void)[] = [];
        for (const p of plan) {
          const old = byName.get(p.name.toLowerCase());
          const name = old ? uniqueName('KPP temp', takenSheetNames) : p.name;
          takenSheetNames.push(name);
          await room(payloadBytes(name), 1, `Creating sheet '${p.name}'`);
          const ws = context.workbook.worksheets.add(name);
          created.push(name);
          createdSheets.push(ws);

          for (const b of p.blocks) {
            for (const chunk of rowChunks(b, this.maxPayload - COMMAND_OVERHEAD * 3, p.name)) {
              await room(chunk.bytes, 3, `Writing ${b.label} on '${p.name}'`);
              const rows = b.input.slice(chunk.start, chunk.end);
              const address = formatRange(blockRange({ row: b.range.start.row + chunk.start, column: b.range.start.column }, rows.length, rows[0].length));
              const range = ws.getRange(address);
              if (b.useFormulas) range.formulas = rows as ExcelInput[][];
              else range.values = rows as ExcelInput[][];
              if (b.numberFormats) range.numberFormat = b.numberFormats.slice(chunk.start, chunk.end);
            }
            if (b.boldFirstRow) {
              await room(0, 2, `Writing ${b.label} on '${p.name}'`);
              ws.getRange(formatRange({ start: b.range.start, end: { row: b.range.start.row, column: b.range.end.column } })).format.font.bold = true;
            }
            done += 1;
          }

          for (const t of p.tables) {
            const clashes = leaving.has(t.name.toLowerCase());
            await room(payloadBytes(t.name), 3, `Creating table ${t.name} on '${p.name}'`);
            const table = ws.tables.add(ws.getRange(formatRange(t.range)), true);
            // A name still held by a table on the sheet being replaced is given after that sheet goes.
            if (clashes) {
              const interim = uniqueName(`${t.name}_new`, takenTableNames, 255, (n) => `_${n}`);
              takenTableNames.push(interim);
              table.name = interim;
              finishing.push(() => (table.name = t.name));
            } else {
              table.name = t.name;
            }
          }

          for (const c of p.charts) {
            await room(payloadBytes(c.spec), 6, `Adding chart '${c.spec.title}' on '${p.name}'`);
            const chart = ws.charts.add(c.spec.type === 'line' ? 'Line' : 'BarClustered', ws.getRange(formatRange(c.range)), c.spec.seriesBy === 'rows' ? 'Rows' : 'Columns');
            chart.title.text = c.spec.title;
            chart.setPosition(formatRange(c.anchor));
            if (c.spec.xAxisTitle) chart.axes.categoryAxis.title.text = c.spec.xAxisTitle;
            if (c.spec.yAxisTitle) chart.axes.valueAxis.title.text = c.spec.yAxisTitle;
            done += 1;
          }

          for (const f of p.formats) {
            await room(payloadBytes(f.spec), 1 + 4 * f.spec.rules.length, `Formatting ${f.spec.range} on '${p.name}'`);
            const range = ws.getRange(formatRange(f.range));
            for (const rule of f.spec.rules) {
              const cf = range.conditionalFormats.add('CellValue');
              cf.cellValue.format.fill.color = rule.fill;
              if (rule.fontColor) cf.cellValue.format.font.color = rule.fontColor;
              cf.cellValue.rule = { formula1: exactTextFormula(rule.text), operator: 'EqualTo' };
            }
            done += 1;
          }

          if (old) {
            const position = old.position;
            const finalName = old.name;
            finishing.unshift(() => old.delete());
            finishing.push(() => {
              ws.name = finalName;
              ws.position = position;
            });
          }
          if (p.activate) finishing.push(() => ws.activate());
        }

        // Last batch: swap replaced sheets for the new ones, final table names, activation.
        await room(0, finishing.length * 2, 'Finishing');
        for (const f of finishing) f();
        onProgress?.({ done, total, step: 'Sending to Excel' });
        await sync();
        onProgress?.({ done: total, total, step: 'Done' });
        return {
          sheets: plan.map((p) => byName.get(p.name.toLowerCase())?.name ?? p.name),
          tables: plan.flatMap((p) => p.tables.map((t) => t.name)),
          cellsWritten: plannedCells(plan),
          bytesWritten: bytes,
          syncs,
        };
      } catch (e) {
        if (created.length > 0) {
          if (e instanceof GatewayError && e.kind === 'cancelled') {
            // Nothing failed: every queued command is valid, so one sync sends what is pending and deletes it all.
            try {
              createdSheets.forEach((ws) => ws.delete());
              await context.sync();
            } catch {
              await removeSheets(context, created);
            }
          } else {
            await removeSheets(context, created);
          }
        }
        if (e instanceof GatewayError) throw e;
        throw toGatewayError(e, doing);
      }
    });
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.excel(`read the saved setting '${key}'`, async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key).load('value');
      await context.sync();
      if (item.isNullObject) return null;
      const v: unknown = item.value;
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }

  async saveSetting(key: string, value: string): Promise<void> {
    if (typeof key !== 'string' || key === '') throw new GatewayError('invalid', 'A setting needs a name.');
    if (typeof value !== 'string') throw new GatewayError('invalid', `Setting '${key}' must be text.`);
    await this.excel(`save the setting '${key}' in the workbook`, async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }
}

/**
 * Deletes the sheets a failed or cancelled write created. Tries twice: the first sync may also carry
 * commands that were queued before the failure and fail again.
 */
async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const doomed = sheets.items.filter((s) => wanted.has(s.name.toLowerCase()));
      doomed.forEach((s) => s.delete());
      if (doomed.length > 0) await context.sync();
      return;
    } catch {
      // try once more with an empty queue
    }
  }
}

