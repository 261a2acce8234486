/**
 * Writes the sample Kent workbook (assets/kent-sample.xlsx) from the seeded generator in src/sample.
 *
 *   npx tsx src/tools/build-sample-workbook.ts [out.xlsx] [--seed N] [--namespace KENTDEV]
 *
 * --namespace stores the functions under another add-in namespace: the development build registers
 * them as KENTDEV.* (see webpack.config.js), and Excel matches stored names to registered ones, so a
 * copy for the dev add-in needs `--namespace KENTDEV`. The committed assets/kent-sample.xlsx uses KENT.
 *
 * What the file holds and why it is written this way:
 * - Input sheets carry real Excel tables (PrimaryRolls, SecondaryRolls, AccuracyReview, Geography) with
 *   number formats, bold shaded headers, column widths and a frozen header row.
 * - KENT formulas are stored the way Excel itself saves Office add-in (JavaScript) custom functions:
 *   `_xldudf_KENT_SURPLUS(...)` in the file, shown as `=KENT.SURPLUS(...)` once the add-in has
 *   registered its functions. A bare `KENT.SURPLUS(` in a file is read as an unknown name and can stay
 *   #NAME? even after the add-in loads (OfficeDev/Excel-Custom-Functions#108, office-js#6395/#6611);
 *   `_xldudf_` names are re-resolved when the add-in loads (office-js#3558).
 * - Every KENT formula is a dynamic-array formula: `<f t="array" ref="...">` plus `cm="1"` pointing at
 *   the XLDAPR cell metadata in xl/metadata.xml (fDynamic="1"). Without that metadata Excel 365 reads the
 *   formula as a legacy one and shows it as `=@KENT.FORECAST(...)`, one value instead of a spill.
 *   exceljs writes `t="array"` but not the metadata, so this script adds xl/metadata.xml, its content
 *   type and relationship, and the `cm="1"` attributes after exceljs has written the package.
 * - Cached results (the values Excel shows before it recalculates) come from running the real KENT
 *   functions (src/functions) on the workbook, so the file reads sensibly in viewers without the add-in;
 *   fullCalcOnLoad makes Excel recalculate on open. The build fails if any example returns an error or
 *   spills beyond the empty block kept for it.
 * - The package is re-zipped with fixed timestamps and fixed document dates, so the same seed gives the
 *   same bytes (with the same Node/zlib).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue } from '../excel/gateway';
import { blockAddress, parseRange, formatCell } from '../excel/a1';
import { DEFAULT_SEED, sampleWorkbookLayout } from '../sample';
import { isErrorValue, WorkbookEvaluator, type EvalMatrix } from '../sample/formula-eval';

export const DEFAULT_OUT = 'assets/kent-sample.xlsx';
/** Document dates and zip timestamps: the January 2017 census day. */
export const FIXED_DATE = new Date(Date.UTC(2017, 0, 19, 9, 0, 0));
export const TABLE_STYLE = 'TableStyleMedium2';

export const DEFAULT_NAMESPACE = 'KENT';

/**
 * The formula text stored in the file for a formula typed in Excel: no leading "=", and each KENT.X(
 * call as _xldudf_<NAMESPACE>_X( (the namespace the add-in registers, KENT unless given).
 */
export function fileFormula(formula: string, namespace: string = DEFAULT_NAMESPACE): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return body.replace(/\bKENT\.([A-Z0-9]+)\(/g, `_xldudf_${namespace}_$1(`);
}

/** The formula as Excel shows it, from the file's text (the inverse of fileFormula). */
export function displayFormula(stored: string): string {
  return '=' + stored.replace(/\b_xldudf_KENT_([A-Z0-9]+)\(/g, 'KENT.$1(');
}

// ------------------------------------------------------------------------------------------------ zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Reads every entry of a zip archive (stored or deflated entries, as exceljs and Excel write them). */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`zip entry ${name}: unsupported compression method ${method}`);
    entries.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Writes a zip archive with fixed timestamps (deflate level 9), so equal entries give equal bytes. */
export function writeZip(entries: readonly ZipEntry[], date: Date = FIXED_DATE): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(day, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    locals.push(head, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// ------------------------------------------------------------------------------------------------ dynamic arrays

export const METADATA_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
  + '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>'
  + '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>'
  + '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>'
  + '</metadata>';
const METADATA_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
const METADATA_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';

/** The worksheet part (e.g. "xl/worksheets/sheet2.xml") of each sheet name, from workbook.xml and its rels. */
export function sheetParts(entries: readonly ZipEntry[]): Map<string, string> {
  const get = (name: string) => {
    const e = entries.find((x) => x.name === name);
    if (!e) throw new Error(`the package has no ${name}`);
    return e.data.toString('utf8');
  };
  const rels = new Map<string, string>();
  for (const m of get('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of get('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && rels.has(id)) out.set(unescapeXml(name), rels.get(id)!);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Marks array formulas as dynamic arrays: adds xl/metadata.xml (with its content type and workbook
 * relationship) and cm="1" on each listed cell, which must already hold an `<f t="array">` formula.
 */
export function addDynamicArrays(entries: ZipEntry[], cells: ReadonlyMap<string, readonly string[]>): ZipEntry[] {
  const parts = sheetParts(entries);
  const out = entries.map((e) => ({ name: e.name, data: e.data }));
  const edit = (name: string, f: (xml: string) => string) => {
    const e = out.find((x) => x.name === name);
    if (!e) throw new Error(`the package has no ${name}`);
    e.data = Buffer.from(f(e.data.toString('utf8')), 'utf8');
  };
  for (const [sheet, addresses] of cells) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`no worksheet part for sheet '${sheet}'`);
    edit(part, (xml) => {
      let text = xml;
      for (const address of addresses) {
        const re = new RegExp(`<c r="${address}"(?![^>]*\\bcm=)([^>]*)>(<f t="array")`);
        if (!re.test(text)) throw new Error(`${sheet}!${address} does not hold an array formula`);
        text = text.replace(re, `<c r="${address}" cm="1"$1>$2`);
      }
      return text;
    });
  }
  if (!out.some((e) => e.name === 'xl/metadata.xml')) {
    edit('[Content_Types].xml', (xml) => xml.replace('</Types>', `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`));
    edit('xl/_rels/workbook.xml.rels', (xml) => {
      let n = 1;
      while (xml.includes(`Id="rId${n}"`)) n++;
      return xml.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${METADATA_REL_TYPE}" Target="metadata.xml"/></Relationships>`);
    });
    out.push({ name: 'xl/metadata.xml', data: Buffer.from(METADATA_XML, 'utf8') });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ the workbook

function resultCell(v: EvalMatrix[number][number], where: string): number | string | boolean | null {
  if (isErrorValue(v)) throw new Error(`${where} returns ${v.error} (${v.message}): the sample workbook must show results, not errors`);
  return v === '' ? null : v;
}

/** exceljs's cell value for a formula (its typings omit array formulas: shareType and ref). */
type FormulaCellValue = { formula: string; result?: number | string | boolean; shareType?: 'array'; ref?: string };

/**
 * Builds the sample workbook and returns the .xlsx bytes.
 * @example
 * writeFileSync('kent.xlsx', await buildSampleXlsx(2017));
 * @throws Error when an example formula returns an Excel error or outgrows the block kept for its spill.
 */
export async function buildSampleXlsx(seed: number = DEFAULT_SEED, namespace: string = DEFAULT_NAMESPACE): Promise<Buffer> {
  if (!/^[A-Z][A-Z0-9]*$/.test(namespace)) throw new Error(`--namespace must be capital letters and digits, like KENT (got "${namespace}")`);
  const layout = sampleWorkbookLayout(seed);
  const evaluator = new WorkbookEvaluator(layout.data);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kent Place Planner sample generator';
  wb.lastModifiedBy = 'Kent Place Planner sample generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = 'Kent Place Planner: sample workbook';
  wb.subject = `Illustrative Kent school place planning data (seed ${seed})`;
  wb.calcProperties.fullCalcOnLoad = true;
  wb.views = [{ x: 0, y: 0, width: 24000, height: 14000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const dynamic = new Map<string, string[]>();
  for (const sheet of layout.data.sheets) {
    const look = layout.looks.find((l) => l.sheet === sheet.name)!;
    const ws = wb.addWorksheet(sheet.name, {
      views: look.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: look.freezeRows, topLeftCell: formatCell({ row: look.freezeRows, column: 0 }), activeCell: 'A1' }] : [{ state: 'normal', activeCell: 'A1' }],
    });
    look.columnWidths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });

    const inTable = (row: number, column: number) => (sheet.tables ?? []).some((t) => {
      const r = parseRange(t.range);
      return row >= r.start.row && row <= r.end.row && column >= r.start.column && column <= r.end.column;
    });
    for (const t of sheet.tables ?? []) {
      const r = parseRange(t.range);
      const headers = sheet.values[r.start.row].slice(r.start.column, r.end.column + 1).map(String);
      const rows = sheet.values.slice(r.start.row + 1, r.end.row + 1).map((row) => row.slice(r.start.column, r.end.column + 1));
      ws.addTable({
        name: t.name,
        ref: formatCell(r.start),
        headerRow: true,
        totalsRow: false,
        style: { theme: TABLE_STYLE, showRowStripes: true },
        columns: headers.map((name) => ({ name, filterButton: true })),
        rows,
      });
    }

    const cached = layout.cached[sheet.name] ?? {};
    sheet.values.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || inTable(r, c)) return;
      const address = formatCell({ row: r, column: c });
      const cell = ws.getCell(address);
      if (typeof v === 'string' && v.startsWith('=')) {
        const result = evaluator.evaluateCell(sheet.name, address);
        const where = `${sheet.name}!${address} (${v})`;
        if (/\bKENT\./.test(v)) {
          const rows = result.length;
          const columns = Math.max(...result.map((x) => x.length));
          const spill = look.spills.find((s) => s.cell === address);
          if (!spill) throw new Error(`${where}: no block is kept clear for its result`);
          if (rows > spill.rows || columns > spill.columns) throw new Error(`${where} spills ${rows} x ${columns}, more than the ${spill.rows} x ${spill.columns} kept clear`);
          const value: FormulaCellValue = { formula: fileFormula(v, namespace), shareType: 'array', ref: blockAddress(address, rows, columns) };
          const top = resultCell(result[0][0], where);
          if (top !== null) value.result = top;
          cell.value = value as ExcelJS.CellFormulaValue;
          result.forEach((resRow, i) => resRow.forEach((x, j) => {
            if (i === 0 && j === 0) return;
            const val = resultCell(x, where);
            if (val !== null) ws.getCell(formatCell({ row: r + i, column: c + j })).value = val;
          }));
          dynamic.set(sheet.name, [...(dynamic.get(sheet.name) ?? []), address]);
        } else {
          const top = resultCell(result[0][0], where);
          const expected = cached[address];
          if (expected !== undefined && expected !== top) throw new Error(`${where} gives ${String(top)}, the layout expected ${String(expected)}`);
          cell.value = top === null ? { formula: fileFormula(v) } : { formula: fileFormula(v), result: top };
        }
      } else if (typeof v === 'string' && v.startsWith("'")) {
        cell.value = v.slice(1);
      } else {
        cell.value = v as Exclude<CellValue, null>;
      }
    }));

    sheet.numberFormats?.forEach((row, r) => row.forEach((f, c) => {
      if (f) ws.getCell(formatCell({ row: r, column: c })).numFmt = f;
    }));
    for (const address of sheet.bold ?? []) {
      const range = parseRange(address);
      for (let r = range.start.row; r <= range.end.row; r++) {
        for (let c = range.start.column; c <= range.end.column; c++) {
          const cell = ws.getCell(formatCell({ row: r, column: c }));
          cell.font = { ...(cell.font ?? {}), bold: true };
        }
      }
    }
    for (const address of look.titles) ws.getCell(address).font = { bold: true, size: 14 };
    for (const address of look.wrap) ws.getCell(address).alignment = { wrapText: true, vertical: 'top' };
  }

  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return writeZip(addDynamicArrays(readZip(raw), dynamic));
}

/** The blocks of each dynamic-array formula on a sheet of a built file, for checks: cell -> ref. */
export function dynamicArrayCells(xlsx: Buffer, sheet: string): Map<string, string> {
  const entries = readZip(xlsx);
  const part = sheetParts(entries).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  const xml = entries.find((e) => e.name === part)!.data.toString('utf8');
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*\bcm="1"[^>]*><f t="array" ref="([^"]+)"/g)) out.set(m[1], m[2]);
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  let out = DEFAULT_OUT;
  let seed = DEFAULT_SEED;
  let namespace = DEFAULT_NAMESPACE;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--namespace') namespace = String(argv[++i] ?? '');
    else out = argv[i];
  }
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const bytes = await buildSampleXlsx(seed, namespace);
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, bytes);
  process.stdout.write(`Wrote ${out} (${bytes.length.toLocaleString('en-GB')} bytes, seed ${seed}, functions stored as ${namespace}.*).\n`);
}

if (process.argv[1] && /build-sample-workbook\.[cm]?[tj]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
