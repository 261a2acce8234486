/**
 * The input sheets of the sample workbook, laid out exactly as the task pane expects them
 * (see /work/plan/CONTRACT.md, "The sample workbook"): Primary rolls (table PrimaryRolls),
 * Secondary rolls (SecondaryRolls), Accuracy (AccuracyReview) and Geography (Geography).
 */
import { blockAddress } from '../excel/a1';
import { COUNTY } from './geography';
import { BIRTH_YEARS_AHEAD, PRIMARY_YEAR_GROUPS, SECONDARY_YEAR_GROUPS, type SampleKent } from './kent';
import { SheetBuilder } from './sheet-builder';

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.0%';
export const ACCURACY_FORMAT = '0.00%';
export const RATIO_FORMAT = '0.000';

export const SHEET_NAMES = {
  cover: 'Cover',
  tryFunctions: 'Try the functions',
  primary: 'Primary rolls',
  secondary: 'Secondary rolls',
  accuracy: 'Accuracy',
  geography: 'Geography',
} as const;

export const TABLE_NAMES = {
  primary: 'PrimaryRolls',
  secondary: 'SecondaryRolls',
  accuracy: 'AccuracyReview',
  geography: 'Geography',
} as const;

export const PRIMARY_HEADERS = ['District', 'Planning area', 'Year', ...PRIMARY_YEAR_GROUPS, 'Births', 'PAN', 'Dwellings'];
export const SECONDARY_HEADERS = ['District', 'Year', ...SECONDARY_YEAR_GROUPS, 'Feeder Y6', 'PAN', 'Dwellings'];
export const ACCURACY_HEADERS = ['District', 'Phase', 'Forecast', 'Actual'];
export const GEOGRAPHY_HEADERS = ['Planning area', 'District', 'Area', 'County'];

/** Where each planning area's / district's rows sit (1-based Excel rows), for formulas that point at them. */
export interface RowBlock {
  name: string;
  district: string;
  /** First history row. */
  firstRow: number;
  /** Last history row (the 2016-17 census). */
  lastHistoryRow: number;
  /** Last forecast row. */
  lastRow: number;
}

export interface InputLayout {
  primary: RowBlock[];
  secondary: RowBlock[];
  primaryLastRow: number;
  secondaryLastRow: number;
  accuracyLastRow: number;
  /** First and last rows of each phase in the Accuracy table. */
  accuracyPhases: { phase: string; firstRow: number; lastRow: number }[];
}

function finishTable(b: SheetBuilder, table: string, headers: readonly string[], rows: number): void {
  b.row(0, 0, headers);
  b.boldRange(0, 0, 1, headers.length);
  b.tables.push({ name: table, range: blockAddress('A1', rows + 1, headers.length) });
  b.look.freezeRows = 1;
}

export function primarySheet(kent: SampleKent): { sheet: SheetBuilder; blocks: RowBlock[] } {
  const b = new SheetBuilder(SHEET_NAMES.primary);
  const blocks: RowBlock[] = [];
  const H = kent.historyYears.length;
  let r = 1;
  for (const pa of kent.planningAreas) {
    const first = r;
    kent.historyYears.forEach((year, i) => {
      b.row(r, 0, [pa.district, pa.name, year, ...pa.rolls[i], pa.births[i], pa.pan, null], COUNT_FORMAT);
      r++;
    });
    kent.forecastYears.forEach((year, j) => {
      const rolls = PRIMARY_YEAR_GROUPS.map(() => null);
      b.row(r, 0, [pa.district, pa.name, year, ...rolls, j < BIRTH_YEARS_AHEAD ? pa.births[H + j] : null, pa.pan, pa.dwellings[j]], COUNT_FORMAT);
      r++;
    });
    blocks.push({ name: pa.name, district: pa.district, firstRow: first + 1, lastHistoryRow: first + H, lastRow: r });
  }
  finishTable(b, TABLE_NAMES.primary, PRIMARY_HEADERS, r - 1);
  b.look.columnWidths = [20, 26, 9, ...PRIMARY_YEAR_GROUPS.map(() => 7), 9, 7, 10];
  return { sheet: b, blocks };
}

export function secondarySheet(kent: SampleKent): { sheet: SheetBuilder; blocks: RowBlock[] } {
  const b = new SheetBuilder(SHEET_NAMES.secondary);
  const blocks: RowBlock[] = [];
  const H = kent.historyYears.length;
  let r = 1;
  for (const d of kent.districts) {
    const first = r;
    kent.historyYears.forEach((year, i) => {
      b.row(r, 0, [d.name, year, ...d.rolls[i], d.feederY6[i], d.pan, null], COUNT_FORMAT);
      r++;
    });
    kent.forecastYears.forEach((year, j) => {
      b.row(r, 0, [d.name, year, ...SECONDARY_YEAR_GROUPS.map(() => null), d.feederY6[H + j], d.pan, d.dwellings[j]], COUNT_FORMAT);
      r++;
    });
    blocks.push({ name: d.name, district: d.name, firstRow: first + 1, lastHistoryRow: first + H, lastRow: r });
  }
  finishTable(b, TABLE_NAMES.secondary, SECONDARY_HEADERS, r - 1);
  b.look.columnWidths = [20, 9, ...SECONDARY_YEAR_GROUPS.map(() => 7), 10, 7, 10];
  return { sheet: b, blocks };
}

export function accuracySheet(kent: SampleKent): { sheet: SheetBuilder; phases: InputLayout['accuracyPhases'] } {
  const b = new SheetBuilder(SHEET_NAMES.accuracy);
  const phases: InputLayout['accuracyPhases'] = [];
  kent.accuracy.forEach((row, i) => {
    b.row(i + 1, 0, [row.district, row.phase, row.forecast, row.actual], [undefined, undefined, COUNT_FORMAT, COUNT_FORMAT]);
    const last = phases[phases.length - 1];
    if (last && last.phase === row.phase) last.lastRow = i + 2;
    else phases.push({ phase: row.phase, firstRow: i + 2, lastRow: i + 2 });
  });
  finishTable(b, TABLE_NAMES.accuracy, ACCURACY_HEADERS, kent.accuracy.length);
  b.look.columnWidths = [20, 16, 10, 10];
  return { sheet: b, phases };
}

export function geographySheet(kent: SampleKent): SheetBuilder {
  const b = new SheetBuilder(SHEET_NAMES.geography);
  kent.planningAreas.forEach((pa, i) => b.row(i + 1, 0, [pa.name, pa.district, pa.area, COUNTY]));
  finishTable(b, TABLE_NAMES.geography, GEOGRAPHY_HEADERS, kent.planningAreas.length);
  b.look.columnWidths = [26, 20, 8, 8];
  return b;
}
