/**
 * Test helper: reads the published reference CSVs in ../shared/reference (next to the repository,
 * never copied into it). Each file starts with a `# source:` line, then a header row.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (this file lives in test/support). */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Absolute path of a reference file.
 *
 * @param file file name inside ../shared/reference, e.g. `dfe_la_forecast_accuracy_2023_2025.csv`
 * @returns the absolute path
 * @example
 * referencePath('dfe_scorecard_kent_spare_places.csv'); // /work/shared/reference/dfe_scorecard_kent_spare_places.csv
 */
export function referencePath(file: string): string {
  return path.resolve(REPO_ROOT, '..', 'shared', 'reference', file);
}

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, newlines and
 * doubled quotes).
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('unterminated quoted field in CSV');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Loads a reference CSV as one record per data row, keyed by the header. The leading `# source:`
 * line is skipped; empty cells are ''. Throws if a row has a different number of fields from the
 * header, so a malformed file cannot pass silently.
 *
 * @param file file name inside ../shared/reference
 * @returns the data rows
 * @example
 * loadReferenceCsv('dfe_la_forecast_accuracy_2023_2025.csv')[0].la_name; // 'Dudley'
 */
export function loadReferenceCsv(file: string): Record<string, string>[] {
  let text = fs.readFileSync(referencePath(file), 'utf8');
  // The source line is prose (it may hold stray quotes), so drop it before parsing.
  if (text.startsWith('# source:')) text = text.slice(text.indexOf('\n') + 1);
  const [header, ...data] = parseCsv(text);
  if (!header) throw new Error(`${file} has no header row`);
  return data.map((fields, i) => {
    if (fields.length !== header.length) {
      throw new Error(`${file} data row ${i + 1} has ${fields.length} fields, header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, j) => {
      record[name] = fields[j];
    });
    return record;
  });
}
