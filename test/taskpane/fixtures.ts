/**
 * A small workbook for the task-pane component tests:
 * - "Rolls" sheet, table "Rolls": 2 districts x 2 planning areas, 4 census years of rolls (R, Y1, Y2)
 *   then 2 forecast rows per area carrying future births and the PAN. The planning-area column is headed
 *   "Group", which the pane recognises only as a guess, so it has to ask.
 * - "Notes" sheet, table "Notes": text only (not a rolls table: the pane must say why).
 * - "Accuracy" sheet, table "AccuracyReview": District | Phase | Forecast | Actual, 3 districts x 2 phases.
 */
import type { CellValue } from '../../src/excel/gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';

export const ROLLS_HEADER: CellValue[] = ['District', 'Group', 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN'];

type Row = [district: string, area: string, year: string, r: number | null, y1: number | null, y2: number | null, births: number, pan: number];

const YEARS = ['2019-20', '2020-21', '2021-22', '2022-23'];
const FUTURE = ['2023-24', '2024-25'];

/** Rolls that grow gently, different per area so the areas do not coincide. */
function area(district: string, name: string, base: number, pan: number): Row[] {
  const rows: Row[] = YEARS.map((year, t) => [district, name, year, base + 3 * t, base - 2 + 3 * t, base - 4 + 2 * t, Math.round((base + 3 * t) * 1.04), pan]);
  for (const [j, year] of FUTURE.entries()) rows.push([district, name, year, null, null, null, Math.round((base + 12 + 3 * j) * 1.04), pan]);
  return rows;
}

export const ROLLS_ROWS: Row[] = [
  ...area('Ashford', 'Ashford North', 118, 120),
  ...area('Ashford', 'Ashford South', 86, 90),
  ...area('Dover', 'Dover Town', 148, 190),
  ...area('Dover', 'Deal', 57, 60),
];

export const ACCURACY_ROWS: [string, string, number, number][] = [
  // Primary: Ashford +1.0% (on the edge: within), Dover -2.0% (outside), Thanet +0.3% (within).
  ['Ashford', 'Primary', 1010, 1000],
  ['Dover', 'Primary', 980, 1000],
  ['Thanet', 'Primary', 1003, 1000],
  // Secondary: Ashford -3.8% (outside), Dover +1.4% (outside), Thanet 0% (within).
  ['Ashford', 'Secondary', 500, 520],
  ['Dover', 'Secondary', 700, 690],
  ['Thanet', 'Secondary', 610, 610],
];

export function fixtureWorkbook(): WorkbookData {
  const rolls: CellValue[][] = [ROLLS_HEADER, ...ROLLS_ROWS.map((r) => [...r])];
  const accuracy: CellValue[][] = [['District', 'Phase', 'Forecast', 'Actual'], ...ACCURACY_ROWS.map((r) => [...r])];
  return {
    sheets: [
      { name: 'Rolls', values: rolls, tables: [{ name: 'Rolls', range: `A1:H${rolls.length}` }] },
      {
        name: 'Notes',
        values: [
          ['Note', 'Author'],
          ['Births from ONS mid-year estimates', 'Planner'],
        ],
        tables: [{ name: 'Notes', range: 'A1:B2' }],
      },
      { name: 'Accuracy', values: accuracy, tables: [{ name: 'AccuracyReview', range: `A1:D${accuracy.length}` }] },
    ],
    names: [],
    settings: {},
  };
}
