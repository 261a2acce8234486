/**
 * The accuracy review: last year's forecast against this year's actual rolls by district (and phase),
 * with the signed accuracy, the within-tolerance flag, a total row, the count outside tolerance, the
 * MAPE and a bar chart of accuracy by district.
 */
import type { CellValue, Matrix, SheetWrite } from '../../excel/gateway';
import { accuracyBy } from '../../engine';
import { inputReference, type SheetContext } from './forecast-sheet';
import { isErrorValue, looksLikeFormula, MAX_LABEL_LENGTH, normaliseHeader } from './rolls';
import { cellAt, columnRange, FORMAT, percentText, placedAddress, ROUNDING_NOTE, SheetBuilder, slug, YES_NO_FILLS, type Placed } from './sheet-kit';

export interface AccuracyInput {
  groups: string[];
  forecast: number[];
  actual: number[];
  /** Allowed |accuracy| (0.01 = within plus or minus 1%). */
  tolerance: number;
  /** What is reviewed, e.g. "Primary R-6, January 2025 census"; used in the title and sheet name. */
  label: string;
}

/** What parseAccuracyInput reads: the rows, plus each row's phase when the table has a Phase column. */
export type ParsedAccuracy = Omit<AccuracyInput, 'tolerance' | 'label'> & {
  /** Phase of each row (aligned with groups), or null when the table has no Phase column. */
  phases: string[] | null;
};

type Role = 'group' | 'phase' | 'forecast' | 'actual';

function roleOf(header: string): Role | null {
  const n = normaliseHeader(header);
  if (n === '') return null;
  if (n === 'phase' || n.startsWith('phase') || n === 'schoolphase') return 'phase';
  if (n.includes('forecast') || n === 'projected' || n === 'projection') return 'forecast';
  if (n.includes('actual') || n === 'census' || n.includes('censusroll') || n === 'outturn') return 'actual';
  if (n.includes('district') || n === 'group' || n.includes('planningarea') || n.includes('planninggroup') || n === 'la' || n.includes('localauthority') || n === 'area') {
    return 'group';
  }
  return null;
}

function toNumber(cell: CellValue | undefined): { value: number | null; why?: string } {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { value: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { value: null, why: `'${String(cell)}' is not a finite number` };
    if (cell < 0) return { value: null, why: `${cell} is negative` };
    return { value: cell };
  }
  if (typeof cell === 'boolean') return { value: null, why: `'${String(cell)}' is not a number` };
  const t = cell.trim();
  if (isErrorValue(t)) return { value: null, why: `the cell shows the error ${t.toUpperCase()}` };
  if (/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) {
    const v = Number(t.replace(/,/g, ''));
    return v < 0 ? { value: null, why: `${t} is negative` } : { value: v };
  }
  const shown = t.length > 30 ? `${t.slice(0, 27)}...` : t;
  return { value: null, why: looksLikeFormula(t) ? `'${shown}' looks like a formula, not a number` : `'${shown}' is not a number` };
}

/**
 * Reads an accuracy table (values[0] = header): District / Group / Planning area, optional Phase,
 * Forecast, Actual. Rows with problems are left out and named; total rows are skipped.
 *
 * @example
 * parseAccuracyInput([['District', 'Forecast', 'Actual'], ['Dover', 1010, 1000]]).input
 * // { groups: ['Dover'], forecast: [1010], actual: [1000], phases: null }
 */
export function parseAccuracyInput(values: Matrix): { input: ParsedAccuracy | null; problems: string[] } {
  const problems: string[] = [];
  const header = values[0] ?? [];
  const cols: Partial<Record<Role, number>> = {};
  header.forEach((cell, i) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    if (isErrorValue(text) || text.length > MAX_LABEL_LENGTH) return;
    const role = roleOf(text);
    if (role && cols[role] === undefined) cols[role] = i;
  });
  const missing: string[] = [];
  if (cols.group === undefined) missing.push('District (or Group / Planning area)');
  if (cols.forecast === undefined) missing.push('Forecast');
  if (cols.actual === undefined) missing.push('Actual');
  if (missing.length > 0) {
    problems.push(`The first row of the range must hold the column headers; no ${missing.join(', ')} column was found.`);
    return { input: null, problems };
  }
  const g = cols.group as number;
  const f = cols.forecast as number;
  const a = cols.actual as number;
  const ph = cols.phase;
  const out: ParsedAccuracy = { groups: [], forecast: [], actual: [], phases: ph === undefined ? null : [] };
  const headerName = (i: number) => String(header[i] ?? '').trim() || `column ${i + 1}`;
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (!Array.isArray(row) || row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
    const rowName = `Row ${r + 1}`;
    const groupCell = row[g];
    if (isErrorValue(groupCell)) {
      problems.push(`${rowName}, column ${headerName(g)}: the cell shows the error ${String(groupCell).trim()}; the row was left out.`);
      continue;
    }
    const group = groupCell === null || groupCell === undefined ? '' : String(groupCell).trim();
    if (group === '') {
      problems.push(`${rowName}: the ${headerName(g)} cell is blank, so the row was left out.`);
      continue;
    }
    if (group.length > MAX_LABEL_LENGTH) {
      problems.push(`${rowName}, column ${headerName(g)}: the text is ${group.length.toLocaleString('en-GB')} characters long; the row was left out.`);
      continue;
    }
    const n = normaliseHeader(group);
    if (n === 'total' || n.endsWith('total') || n.startsWith('total')) continue; // the sheet adds its own total
    const fc = toNumber(row[f]);
    const ac = toNumber(row[a]);
    let bad = false;
    for (const [cell, col] of [
      [fc, f],
      [ac, a],
    ] as const) {
      if (cell.why) {
        problems.push(`${rowName}, column ${headerName(col)}: ${cell.why}; the row was left out.`);
        bad = true;
      } else if (cell.value === null) {
        problems.push(`${rowName}, column ${headerName(col)}: the cell is blank; the row was left out.`);
        bad = true;
      }
    }
    if (bad) continue;
    out.groups.push(group);
    out.forecast.push(fc.value as number);
    out.actual.push(ac.value as number);
    if (out.phases && ph !== undefined) {
      const p = row[ph];
      out.phases.push(p === null || p === undefined || isErrorValue(p) ? '' : String(p).trim());
    }
  }
  // A group whose actual pupils add up to 0 has no accuracy.
  const actualBy = new Map<string, number>();
  out.groups.forEach((grp, i) => actualBy.set(grp, (actualBy.get(grp) ?? 0) + out.actual[i]));
  const zero = [...actualBy].filter(([, v]) => v === 0).map(([k]) => k);
  if (zero.length > 0) {
    problems.push(`${zero.join(', ')}: the actual pupils add up to 0, so no accuracy can be worked out; left out.`);
    const keep = out.groups.map((grp) => !zero.includes(grp));
    out.groups = out.groups.filter((_, i) => keep[i]);
    out.forecast = out.forecast.filter((_, i) => keep[i]);
    out.actual = out.actual.filter((_, i) => keep[i]);
    if (out.phases) out.phases = out.phases.filter((_, i) => keep[i]);
  }
  if (out.groups.length === 0) {
    problems.push('No rows with a forecast and an actual figure were found.');
    return { input: null, problems };
  }
  return { input: out, problems };
}

/** The distinct phases of a parsed accuracy table, in first-appearance order (blanks left out). */
export function accuracyPhases(input: ParsedAccuracy): string[] {
  return [...new Set((input.phases ?? []).filter((p) => p !== ''))];
}

/** The rows of one phase (or all rows when phase is null). */
export function filterAccuracyByPhase(input: ParsedAccuracy, phase: string | null): ParsedAccuracy {
  if (phase === null || !input.phases) return input;
  const keep = input.phases.map((p) => p === phase);
  return {
    groups: input.groups.filter((_, i) => keep[i]),
    forecast: input.forecast.filter((_, i) => keep[i]),
    actual: input.actual.filter((_, i) => keep[i]),
    phases: input.phases.filter((_, i) => keep[i]),
  };
}

/**
 * The accuracy review sheet ("Accuracy - <label>").
 *
 * @example
 * accuracySheet({ groups: ['Dover'], forecast: [1010], actual: [1000], tolerance: 0.01, label: 'Year R 2025' }, ctx)
 * @throws PlanningError from the engine's accuracyBy for input it rejects (e.g. a group whose actual is 0)
 */
export function accuracySheet(input: AccuracyInput, ctx: SheetContext): SheetWrite {
  const result = accuracyBy(input.groups, input.forecast, input.actual, input.tolerance);
  const tolText = `±${percentText(input.tolerance)}`;
  const b = new SheetBuilder(`Accuracy - ${input.label}`);
  b.heading(`Forecast accuracy: ${input.label}`, 1);
  b.block(
    [
      ['Parameter', 'Value'],
      ['Reviewed', input.label],
      ['Input address', inputReference(ctx)],
      ['Accuracy', '(forecast - actual) / actual: positive = over-forecast, negative = under-forecast'],
      ['Tolerance', tolText],
      ['Output', ctx.mode === 'live' ? 'Values (the review is a snapshot; live formulas are written on forecast sheets only)' : 'Values (a snapshot at the run date)'],
      ['Run date', ctx.date],
      ['Add-in version', ctx.version],
      [ROUNDING_NOTE, null],
    ],
    { boldFirstRow: true },
  );
  b.block(
    [
      ['Summary', null],
      [`Districts outside ${tolText}`, result.outsideTolerance],
      ['Districts reviewed', result.rows.length],
    ],
    { boldFirstRow: true, gap: 0 },
  );
  b.block(
    [
      ['Mean absolute percentage error (MAPE)', result.mape],
      ['Accuracy of the total', result.total.accuracy],
    ],
    { numberFormat: [null, FORMAT.fraction] },
  );

  const within = `Within ${tolText}`;
  b.heading('Accuracy by district');
  const tableRows = result.rows.map((r) => [r.group, r.forecast, r.actual, r.difference, r.accuracy, r.withinTolerance ? 'Yes' : 'No']);
  const table = b.table(`Accuracy_${slug(input.label, 30)}`, ['District', 'Forecast', 'Actual', 'Difference', 'Accuracy', within], tableRows, [
    null,
    FORMAT.pupils,
    FORMAT.pupils,
    FORMAT.pupils,
    FORMAT.fraction,
    null,
  ]);
  // The total row, right under the table and aligned with its columns (outside it, so sorting the table leaves it in place).
  const t = result.total;
  const totalRow = b.block([['Total', t.forecast, t.actual, t.difference, t.accuracy, t.withinTolerance ? 'Yes' : 'No']], {
    at: { row: table.row + table.rows, column: 0 },
    numberFormat: [null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction, null],
    boldFirstRow: true,
  });
  b.skip(totalRow.row + 2 - b.nextRow);
  if (tableRows.length > 0) b.format(`${columnRange(table, 5, 1, tableRows.length)}`, YES_NO_FILLS);
  b.format(cellAt(totalRow, 0, 5), YES_NO_FILLS);

  // Chart data beside the table, and the bar chart.
  const helperColumn = b.usedWidth + 1;
  const helper = b.block([['District', 'Accuracy'], ...result.rows.map((r) => [r.group, r.accuracy])], {
    at: { row: 2, column: helperColumn },
    numberFormat: [null, FORMAT.fraction],
    boldFirstRow: true,
  });
  const data: Placed = { row: helper.row, column: helper.column, rows: helper.rows, columns: 2 };
  b.chart({
    type: 'bar',
    title: `Forecast accuracy by district (${input.label}; tolerance ${tolText})`,
    dataRange: placedAddress(data),
    seriesBy: 'columns',
    anchor: cellAt(helper, 0, 3),
    xAxisTitle: 'District',
    yAxisTitle: 'Accuracy',
  });
  return b.build(true);
}
