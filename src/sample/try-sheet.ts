/**
 * The "Try the functions" sheet: a small 2016-17 district summary built with SUMIFS over the input
 * tables, then one worked example of every KENT.* function (several twice), each beside a sentence
 * on what it shows, with an empty block below/right of every formula big enough for what it spills.
 */
import type { CellValue } from '../excel/gateway';
import { quoteSheetName } from '../excel/a1';
import { FEATURED_PLANNING_AREA, KENT_DISTRICTS } from './geography';
import {
  ACCURACY_FORMAT, COUNT_FORMAT, PERCENT_FORMAT, RATIO_FORMAT, SHEET_NAMES, type InputLayout, type RowBlock,
} from './input-sheets';
import { PRIMARY_YEAR_GROUPS, SECONDARY_YEAR_GROUPS, type SampleKent } from './kent';
import { SheetBuilder } from './sheet-builder';

/** Every KENT function the sheet must show (issue 3). */
export const KENT_FUNCTIONS = [
  'SURPLUS', 'SURPLUSPLACES', 'SURPLUSSTATUS', 'SURPLUSBY', 'FE', 'PLACES', 'PLACESNEEDED', 'FENEEDED',
  'COMMISSION', 'FORECAST', 'FORECASTRANGE', 'RATIOS', 'HOUSINGYIELD', 'ACCURACY', 'ACCURACYBY', 'BACKTEST',
] as const;

export interface TryExample {
  /** e.g. "KENT.SURPLUS". */
  name: string;
  /** One sentence on what the result shows. */
  text: string;
  /** The formula as typed in Excel, starting with "=". */
  formula: string;
  /** Expected size of the result (1 x 1 for a single value). */
  rows: number;
  columns: number;
  /** Labels written above a spilled result (optional). */
  headers?: string[];
  /** Number format per result column (null = General); one entry is used for every column. */
  formats?: (string | null)[];
  /** Number format per column of the last result row, where it differs (e.g. the MAPE row of ACCURACYBY). */
  lastRowFormats?: (string | null)[];
  /** Cell the formula sits in, filled in by the layout. */
  cell?: string;
}

/** Extra empty rows and columns kept clear below/right of every expected spill, in case a result grows. */
export const SPILL_MARGIN = { rows: 2, columns: 1 };

const FIRST_EXAMPLE_COLUMN = 2; // C

function ref(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

export interface TryLayout {
  sheet: SheetBuilder;
  examples: TryExample[];
  /** Cached results for the SUMIFS summary cells (address -> value), so the file shows numbers before recalculation. */
  cached: Record<string, CellValue>;
}

export function trySheet(kent: SampleKent, layout: InputLayout): TryLayout {
  const b = new SheetBuilder(SHEET_NAMES.tryFunctions);
  const cached: Record<string, CellValue> = {};
  const P = SHEET_NAMES.primary;
  const S = SHEET_NAMES.secondary;
  const A = SHEET_NAMES.accuracy;
  const lastYear = kent.historyYears[kent.historyYears.length - 1];
  const pLast = layout.primaryLastRow;
  const sLast = layout.secondaryLastRow;

  b.set(0, 0, 'Try the functions: a worked example of every KENT function on this workbook');
  b.look.titles.push('A1');
  b.boldRange(0, 0);
  b.set(1, 0, 'Each result below is a live formula. Load the Kent Place Planner add-in to calculate them (without it Excel shows #NAME?). '
    + 'Spilled results fill the empty cells below and to the right of their formula: keep those cells clear, or Excel shows #SPILL!.');
  b.look.wrap.push('A2');

  // ---- 2016-17 district summary (SUMIFS over the tables)
  const top = 3; // row 4
  b.set(top, 0, `${lastYear} by district, summed from the Primary rolls and Secondary rolls tables with SUMIFS (the examples below use it)`);
  b.boldRange(top, 0);
  const headers = ['District', 'Area', 'Year R PAN', 'Year R roll', 'Year 7 PAN', 'Year 7 roll'];
  b.row(top + 1, 0, headers);
  b.boldRange(top + 1, 0, 1, headers.length);
  const first = top + 2;
  const sum = (sheet: string, col: string, keyCol: string, yearCol: string, last: number, row: number) =>
    `=SUMIFS(${ref(sheet, `$${col}$2:$${col}$${last}`)},${ref(sheet, `$${keyCol}$2:$${keyCol}$${last}`)},$A${row},${ref(sheet, `$${yearCol}$2:$${yearCol}$${last}`)},"${lastYear}")`;
  const H = kent.historyYears.length - 1;
  KENT_DISTRICTS.forEach((d, i) => {
    const r = first + i;
    const xr = r + 1;
    const areas = kent.planningAreas.filter((p) => p.district === d.name);
    const district = kent.districts.find((x) => x.name === d.name)!;
    b.row(r, 0, [
      d.name, d.area,
      sum(P, 'L', 'A', 'C', pLast, xr), sum(P, 'D', 'A', 'C', pLast, xr),
      sum(S, 'I', 'A', 'B', sLast, xr), sum(S, 'C', 'A', 'B', sLast, xr),
    ], [undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT]);
    cached[`C${xr}`] = areas.reduce((s, p) => s + p.pan, 0);
    cached[`D${xr}`] = areas.reduce((s, p) => s + p.rolls[H][0], 0);
    cached[`E${xr}`] = district.pan;
    cached[`F${xr}`] = district.rolls[H][0];
  });
  const totalRow = first + KENT_DISTRICTS.length;
  const fr = first + 1;
  const lr = totalRow; // Excel row of the last district
  b.row(totalRow, 0, ['Kent', '', `=SUM(C${fr}:C${lr})`, `=SUM(D${fr}:D${lr})`, `=SUM(E${fr}:E${lr})`, `=SUM(F${fr}:F${lr})`], [undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT]);
  b.boldRange(totalRow, 0, 1, 6);
  for (const c of ['C', 'D', 'E', 'F']) {
    let total = 0;
    for (let r = fr; r <= lr; r++) total += cached[`${c}${r}`] as number;
    cached[`${c}${totalRow + 1}`] = total;
  }
  const districts = `A${fr}:A${lr}`;
  const panR = `C${fr}:C${lr}`;
  const rollR = `D${fr}:D${lr}`;
  const pan7 = `E${fr}:E${lr}`;
  const roll7 = `F${fr}:F${lr}`;

  // ---- the featured planning area and district
  const pa: RowBlock = layout.primary.find((x) => x.name === FEATURED_PLANNING_AREA)!;
  const sec: RowBlock = layout.secondary.find((x) => x.name === pa.district)!;
  const history = ref(P, `D${pa.firstRow}:J${pa.lastHistoryRow}`);
  const birthsHistory = ref(P, `K${pa.firstRow}:K${pa.lastHistoryRow}`);
  const birthsAll = ref(P, `K${pa.firstRow}:K${pa.lastRow}`);
  const panNow = ref(P, `L${pa.lastHistoryRow}`);
  const rollNow = ref(P, `D${pa.lastHistoryRow}`);
  const panNext = ref(P, `L${pa.lastHistoryRow + 1}`);
  const dwellings = ref(P, `M${pa.lastHistoryRow + 1}:M${pa.lastRow}`);
  const secHistory = ref(S, `C${sec.firstRow}:G${sec.lastHistoryRow}`);
  const feeder = ref(S, `H${sec.firstRow}:H${sec.lastRow}`);
  const phase = (name: string) => layout.accuracyPhases.find((p) => p.phase === name)!;
  const yr = phase('Year R');
  const y7 = phase('Year 7');
  const acc = (col: string, p: { firstRow: number; lastRow: number }) => ref(A, `${col}${p.firstRow}:${col}${p.lastRow}`);
  const forecastYears = `${kent.forecastYears[0]} to ${kent.forecastYears[kent.forecastYears.length - 1]}`;
  const nDistricts = KENT_DISTRICTS.length;
  const yg = [...PRIMARY_YEAR_GROUPS];
  const byHeaders = ['Group', 'Capacity', 'Roll', 'Surplus places', 'Surplus', 'Status'];
  const byFormats = [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT, null];
  const accHeaders = ['Group', 'Forecast', 'Actual', 'Difference', 'Accuracy', 'Within ±1%'];
  const accFormats = [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, ACCURACY_FORMAT, null];
  const accLastRow = [null, ACCURACY_FORMAT, COUNT_FORMAT, null, null, null]; // 'MAPE, outside tolerance', MAPE, count

  const examples: TryExample[] = [
    { name: 'KENT.SURPLUS', text: `Kent's Year R surplus in ${lastYear}: spare Reception places as a share of all Reception places (Kent published 5.6%).`,
      formula: `=KENT.SURPLUS(${panR},${rollR})`, rows: 1, columns: 1, formats: [PERCENT_FORMAT] },
    { name: 'KENT.SURPLUS', text: `The Year 7 surplus by the DfE's "unfilled" measure, where a district over capacity no longer offsets spare places elsewhere, so it is never below the net figure (Kent published 7.5% net).`,
      formula: `=KENT.SURPLUS(${pan7},${roll7},"unfilled")`, rows: 1, columns: 1, formats: [PERCENT_FORMAT] },
    { name: 'KENT.SURPLUSPLACES', text: `The number of spare Reception places across Kent in ${lastYear} (capacity minus roll; negative would be a shortfall).`,
      formula: `=KENT.SURPLUSPLACES(${panR},${rollR})`, rows: 1, columns: 1, formats: [COUNT_FORMAT] },
    { name: 'KENT.SURPLUSSTATUS', text: 'Where the county Year R surplus above sits against the 5-7% planning band: Deficit, Below target, Within target or Above target.',
      formula: '', rows: 1, columns: 1 },
    { name: 'KENT.SURPLUSBY', text: `Year R surplus district by district with a status each, then the Kent total and a count of districts at or above the 5% target (Kent's KPI; published range 1.5% Dartford to 10.6% Sevenoaks).`,
      formula: `=KENT.SURPLUSBY(${districts},${panR},${rollR})`, rows: nDistricts + 2, columns: 6, headers: byHeaders, formats: byFormats },
    { name: 'KENT.FE', text: 'Those spare Reception places expressed as forms of entry (classes of 30).',
      formula: '', rows: 1, columns: 1, formats: ['0.0'] },
    { name: 'KENT.PLACES', text: "Forms of entry back to places: 22 FE of Reception places is 660 places (Kent's 2013 plan commissioned 660 permanent primary places, 22 FE).",
      formula: '=KENT.PLACES(22)', rows: 1, columns: 1, formats: [COUNT_FORMAT] },
    { name: 'KENT.PLACESNEEDED', text: `Reception places ${FEATURED_PLANNING_AREA} needs to restore a 5% surplus, from its ${lastYear} roll and PAN (it is over-full).`,
      formula: `=KENT.PLACESNEEDED(${rollNow},${panNow})`, rows: 1, columns: 1, formats: [COUNT_FORMAT] },
    { name: 'KENT.FENEEDED', text: 'The same need in forms of entry, rounded up to the next half form of entry.',
      formula: `=KENT.FENEEDED(${rollNow},${panNow},0.05,1,0.5)`, rows: 1, columns: 1, formats: ['0.0'] },
    { name: 'KENT.RATIOS', text: `The ratios the forecast below uses for ${FEATURED_PLANNING_AREA}: Reception per birth, then each year group's roll over the same cohort a year earlier (mean of the last 3 years).`,
      formula: `=KENT.RATIOS(${history},${birthsHistory})`, rows: 1, columns: yg.length,
      headers: ['Intake (R per birth)', ...yg.slice(1).map((g, i) => `${yg[i]} to ${g}`)], formats: [RATIO_FORMAT] },
    { name: 'KENT.FORECAST', text: `${FEATURED_PLANNING_AREA}'s rolls R-Y6 for ${forecastYears}, one row a year: births drive Reception (known for 4 years, then held) and each cohort moves up by its ratio.`,
      formula: `=KENT.FORECAST(${history},${birthsAll},5)`, rows: 5, columns: yg.length, headers: yg, formats: [COUNT_FORMAT] },
    { name: 'KENT.HOUSINGYIELD', text: `Extra pupils by year and year group from the dwellings planned in ${FEATURED_PLANNING_AREA} (28 pupils per 100 homes across R-Y6).`,
      formula: `=KENT.HOUSINGYIELD(${dwellings})`, rows: 5, columns: yg.length, headers: yg, formats: ['0.0'] },
    { name: 'KENT.FORECAST', text: 'The same forecast with the pupils from new homes added on top (HOUSINGYIELD passed as the additions).',
      formula: `=KENT.FORECAST(${history},${birthsAll},5,3,"mean",KENT.HOUSINGYIELD(${dwellings}))`, rows: 5, columns: yg.length, headers: yg, formats: [COUNT_FORMAT] },
    { name: 'KENT.FORECASTRANGE', text: 'The low forecast: every cohort moved by the smallest of its last 3 ratios.',
      formula: `=KENT.FORECASTRANGE(${history},${birthsAll},5,3,"mean","low")`, rows: 5, columns: yg.length, headers: yg, formats: [COUNT_FORMAT] },
    { name: 'KENT.FORECASTRANGE', text: 'The high forecast: the largest of the last 3 ratios. The central forecast lies between the two.',
      formula: `=KENT.FORECASTRANGE(${history},${birthsAll},5,3,"mean","high")`, rows: 5, columns: yg.length, headers: yg, formats: [COUNT_FORMAT] },
    { name: 'KENT.COMMISSION', text: `What to commission for ${FEATURED_PLANNING_AREA}'s Reception forecast against its PAN: permanent forms of entry where a shortfall lasts 3 years or more, temporary places for shorter bulges.`,
      formula: `=KENT.COMMISSION(INDEX(KENT.FORECAST(${history},${birthsAll},5),0,1),${panNext})`, rows: 5, columns: 2,
      headers: ['Permanent FE', 'Temporary places'], formats: ['0.00', COUNT_FORMAT] },
    { name: 'KENT.FORECAST', text: `${pa.district}'s secondary rolls Y7-Y11 for ${forecastYears}: Year 6 of the year before drives Year 7.`,
      formula: `=KENT.FORECAST(${secHistory},${feeder},5)`, rows: 5, columns: SECONDARY_YEAR_GROUPS.length, headers: [...SECONDARY_YEAR_GROUPS], formats: [COUNT_FORMAT] },
    { name: 'KENT.BACKTEST', text: `How the 3-year-mean method would have done on ${FEATURED_PLANNING_AREA}'s own history, 1, 2 and 3 years ahead: signed accuracy and mean absolute error.`,
      formula: `=KENT.BACKTEST(${history},${birthsHistory},3)`, rows: 3, columns: 2, headers: ['Accuracy', 'MAPE'], formats: [ACCURACY_FORMAT] },
    { name: 'KENT.ACCURACY', text: "Last year's Year R forecast for January 2017 against the census, county-wide: (forecast - actual) / actual (published: within 0.1%, 17 pupils).",
      formula: `=KENT.ACCURACY(${acc('C', yr)},${acc('D', yr)})`, rows: 1, columns: 1, formats: [ACCURACY_FORMAT] },
    { name: 'KENT.ACCURACYBY', text: 'The same by district: 9 of the 12 were outside ±1% although the county total was within 0.1% (as in Kent in 2017), then the total and the MAPE with the count outside.',
      formula: `=KENT.ACCURACYBY(${acc('A', yr)},${acc('C', yr)},${acc('D', yr)})`, rows: nDistricts + 2, columns: 6, headers: accHeaders, formats: accFormats, lastRowFormats: accLastRow },
    { name: 'KENT.ACCURACYBY', text: 'Year 7 by district: Dover came in 62 pupils below its forecast, while the county was within 22 pupils.',
      formula: `=KENT.ACCURACYBY(${acc('A', y7)},${acc('C', y7)},${acc('D', y7)})`, rows: nDistricts + 2, columns: 6, headers: accHeaders, formats: accFormats, lastRowFormats: accLastRow },
  ];

  // ---- lay the examples out
  let r = totalRow + 3;
  b.row(r, 0, ['Function', 'What it shows', 'Result (spills right and down)']);
  b.boldRange(r, 0, 1, 3);
  r += 2;
  const cellOf: Record<string, string> = {};
  for (const ex of examples) {
    if (ex.headers) {
      b.row(r, FIRST_EXAMPLE_COLUMN, ex.headers);
      b.boldRange(r, FIRST_EXAMPLE_COLUMN, 1, ex.headers.length);
      r++;
    }
    const cell = SheetBuilder.cell(r, FIRST_EXAMPLE_COLUMN);
    ex.cell = cell;
    if (ex.name === 'KENT.SURPLUSSTATUS') ex.formula = `=KENT.SURPLUSSTATUS(${cellOf['KENT.SURPLUS']})`;
    if (ex.name === 'KENT.FE') ex.formula = `=KENT.FE(${cellOf['KENT.SURPLUSPLACES']})`;
    cellOf[ex.name] ??= cell;
    b.set(r, 0, ex.name);
    b.boldRange(r, 0);
    b.set(r, 1, ex.text);
    b.look.wrap.push(SheetBuilder.cell(r, 1));
    b.set(r, FIRST_EXAMPLE_COLUMN, ex.formula);
    const formats = ex.formats ?? [];
    for (let c = 0; c < ex.columns; c++) {
      const f = formats.length === 1 ? formats[0] : formats[c];
      if (f) b.formatBlock(r, FIRST_EXAMPLE_COLUMN + c, ex.rows, 1, f);
      const last = ex.lastRowFormats?.[c];
      if (last !== undefined) b.formatBlock(r + ex.rows - 1, FIRST_EXAMPLE_COLUMN + c, 1, 1, last);
    }
    b.look.spills.push({ cell, rows: ex.rows + SPILL_MARGIN.rows, columns: ex.columns + SPILL_MARGIN.columns });
    r += ex.rows + SPILL_MARGIN.rows + 1;
  }
  b.set(r, 0, 'End of examples.');
  b.look.columnWidths = [20, 60, 14, 12, 12, 12, 12, 12, 12, 12];
  b.look.freezeRows = 0;
  return { sheet: b, examples, cached };
}
