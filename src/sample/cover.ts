/**
 * The Cover sheet: what the workbook is, which numbers are published (with sources) and which are
 * illustrative generated detail, how to use it, and how its formulas are stored.
 */
import { ANCHORS, type Anchor } from './anchors';
import { KENT_AREAS, KENT_DISTRICTS } from './geography';
import { SHEET_NAMES, TABLE_NAMES } from './input-sheets';
import type { SampleKent } from './kent';
import { SheetBuilder } from './sheet-builder';

export const GENERATOR_PATH = 'src/sample/ (sampleKent, sampleWorkbook)';
export const BUILDER_PATH = 'src/tools/build-sample-workbook.ts';

function pct(x: number, dp = 1): string {
  return `${(x * 100).toFixed(dp)}%`;
}

function anchorValue(a: Anchor): string {
  if (a.kind === 'fraction') return pct(a.value);
  if (a.kind === 'range') return `${a.value.toLocaleString('en-GB')} to ${(a.high ?? a.value).toLocaleString('en-GB')}`;
  return a.value.toLocaleString('en-GB');
}

/** Secondary and all-primary surpluses of the sample, for the "close to published" lines. */
export function sampleSurpluses(kent: SampleKent): { allPrimary: number; secondary: number } {
  const h = kent.historyYears.length - 1;
  let cap = 0;
  let roll = 0;
  for (const pa of kent.planningAreas) {
    cap += pa.pan * pa.rolls[h].length;
    roll += pa.rolls[h].reduce((a, b) => a + b, 0);
  }
  let cap2 = 0;
  let roll2 = 0;
  for (const d of kent.districts) {
    cap2 += d.pan * d.rolls[h].length;
    roll2 += d.rolls[h].reduce((a, b) => a + b, 0);
  }
  return { allPrimary: 1 - roll / cap, secondary: 1 - roll2 / cap2 };
}

export function coverSheet(kent: SampleKent): SheetBuilder {
  const b = new SheetBuilder(SHEET_NAMES.cover);
  let r = 0;
  const heading = (text: string) => {
    r++;
    b.set(r, 1, text);
    b.boldRange(r, 1);
    r++;
  };
  const para = (text: string) => {
    b.set(r, 1, text);
    b.look.wrap.push(SheetBuilder.cell(r, 1));
    r++;
  };

  b.set(r, 1, 'Kent Place Planner: sample workbook');
  b.look.titles.push('B1');
  b.boldRange(0, 1);
  r++;
  para(`Seed ${kent.seed}. Census years ${kent.historyYears[0]} to ${kent.historyYears[kent.historyYears.length - 1]}; forecast years ${kent.forecastYears[0]} to ${kent.forecastYears[kent.forecastYears.length - 1]}.`);

  heading('What this workbook is');
  para(`A worked example for the Kent Place Planner Excel add-in: ${kent.historyYears.length} years of pupil rolls (Reception to Year 6 by primary planning area, Years 7 to 11 by district), births, admission numbers (PAN), a housing trajectory, and last year's forecast beside this year's census, for Kent's ${KENT_DISTRICTS.length} districts in their ${KENT_AREAS.length} areas (${KENT_AREAS.join(', ')}).`);
  para('Use it to try the task pane (forecast scenarios, surplus and commissioning, the accuracy review) and the KENT functions in cells.');

  heading('Published figures (these hold in this workbook)');
  b.row(r, 1, ['Figure', 'Value', 'Source']);
  b.boldRange(r, 1, 1, 3);
  r++;
  for (const a of Object.values(ANCHORS) as Anchor[]) {
    b.row(r, 1, [a.label, anchorValue(a), a.source]);
    b.look.wrap.push(SheetBuilder.cell(r, 1), SheetBuilder.cell(r, 3));
    r++;
  }
  const s = sampleSurpluses(kent);
  para(`Close to, but not set to, published figures: all-primary surplus ${pct(s.allPrimary)} in this workbook (Kent published 4.6% for 2016-17); Years 7-11 surplus ${pct(s.secondary)} (published 9.6%; higher here because one current Year 7 PAN stands for all five year groups).`);
  para('Published figures come from Kent County Council\'s Commissioning Plans for Education Provision (as summarised in the project\'s domain notes, place-planning.md section 8) and the project brief (issue 5). DfE scorecard figures for Kent are in ../shared/reference/ and are not used here.');

  heading('Illustrative detail (generated, not real Kent data)');
  para('The planning areas and their names are illustrative: they are not Kent County Council\'s planning groups.');
  para(`Everything below the county totals is generated: district and planning-area rolls, births, PANs, dwellings, and each district's forecast error. It is produced by a seeded generator (${GENERATOR_PATH}, seed ${kent.seed}) and written to this file by ${BUILDER_PATH}; the same seed always gives the same workbook.`);
  para('Method: fixed county totals for every year and year group (smooth illustrative paths through the published figures); each area gets a seeded share, trend, births-to-Reception ratio and migration; the detail is scaled to the county totals and rounded to whole pupils (largest remainder). PANs are set to give the published district surpluses. The housing trajectory (dwellings per year) is illustrative.');

  heading('Sheets');
  const sheets: [string, string][] = [
    [SHEET_NAMES.tryFunctions, 'a worked example of every KENT function, each with a sentence on what it shows.'],
    [SHEET_NAMES.primary, `table ${TABLE_NAMES.primary}: per planning area, ${kent.historyYears.length} census years with rolls R-Y6, then ${kent.forecastYears.length} forecast years with rolls blank; Births aligned by row (the births of the cohort entering Reception that year), PAN, Dwellings completed.`],
    [SHEET_NAMES.secondary, `table ${TABLE_NAMES.secondary}: per district, rolls Y7-Y11; Feeder Y6 = the district's Year 6 the year before (for forecast years, the cohort's current primary roll); Year 7 PAN; Dwellings.`],
    [SHEET_NAMES.accuracy, `table ${TABLE_NAMES.accuracy}: the forecast made in 2016 for the January 2017 census beside the actual, by district and phase (Year R, Primary R-6, Year 7, Secondary 7-11).`],
    [SHEET_NAMES.geography, `table ${TABLE_NAMES.geography}: planning area, district, area and county, for summing up the hierarchy.`],
  ];
  for (const [name, text] of sheets) {
    b.row(r, 1, [name, text]);
    b.look.wrap.push(SheetBuilder.cell(r, 2));
    r++;
  }

  heading('How to use it');
  para('1. Load the Kent Place Planner add-in in Excel (sideload manifest.xml; see the README), then open this workbook.');
  para(`2. In the task pane choose the input table ${TABLE_NAMES.primary} (or ${TABLE_NAMES.secondary}), check the column roles it recognised, and run a scenario: the forecast, surplus and chart sheets are added to the workbook.`);
  para(`3. Open the surplus and commissioning view for places and forms of entry needed, and the accuracy review on ${TABLE_NAMES.accuracy}.`);
  para(`4. On "${SHEET_NAMES.tryFunctions}", change an input in the tables and watch the KENT formulas recalculate.`);

  heading('About the formulas in this file');
  para('Formulas that use KENT functions are stored the way Excel itself saves Office add-in custom functions (as _xldudf_KENT_... in the file), and results that spill are stored as dynamic-array formulas. With the add-in loaded they calculate when the workbook opens.');
  para('If a cell shows #NAME?, the add-in is not loaded: load it, then press Ctrl+Alt+F9 to recalculate everything. If a cell still shows #NAME?, select it, press F2 and then Enter.');
  para('Excel without dynamic arrays (before Excel 2021 / Microsoft 365) shows spilled results as fixed-size array formulas.');
  para(`This file is for the released add-in (namespace KENT). The development build registers its functions as KENTDEV.*; make a matching copy with: npx tsx ${BUILDER_PATH} kent-sample-dev.xlsx --namespace KENTDEV`);

  b.look.columnWidths = [3, 70, 14, 70];
  return b;
}
