/**
 * The sheet a scenario run writes: parameters block, notes, the forecast by planning area and year
 * group (an Excel table, or live `KENT.FORECAST` spill blocks), totals by district with a county row,
 * the ratios used, surplus against capacity with its status coloured, and a line chart of the county
 * forecast against capacity.
 */
import type { SheetWrite } from '../../excel/gateway';
import { parseRange, quoteSheetName, formatRange } from '../../excel/a1';
import {
  areaAdditions,
  areaName,
  areaYears,
  COUNTY_LABEL,
  districtLabel,
  districtTotals,
  methodLabel,
  orderYears,
  resultYearGroups,
  surplusRows,
  yearGroupSpan,
  type AreaResult,
  type ScenarioResult,
  type SurplusRow,
} from './core';
import { yearGroupColumns, type RollsLayout } from './rolls';
import {
  cellAt,
  columnRange,
  FORMAT,
  percentText,
  placedAddress,
  ROUNDING_NOTE,
  SheetBuilder,
  slug,
  STATUS_FILLS,
  type LiveCell,
  type Placed,
} from './sheet-kit';

export interface SheetContext {
  mode: 'values' | 'live';
  /** Sheet of the input range. */
  inputSheet: string;
  /** A1 address of the input range on that sheet (header row included). */
  inputAddress: string;
  version: string;
  /** Run date, e.g. "2025-06-30". */
  date: string;
}

/** "'Primary rolls'!A1:M97". */
export function inputReference(ctx: Pick<SheetContext, 'inputSheet' | 'inputAddress'>): string {
  return `${quoteSheetName(ctx.inputSheet)}!${ctx.inputAddress}`;
}

/** The parameters block rows shared by the scenario and commissioning sheets. */
export function parameterRows(result: ScenarioResult, ctx: SheetContext, modeText: string): LiveCell[][] {
  const s = result.scenario;
  const p = s.parameters;
  const groups = resultYearGroups(result);
  const failed = result.failed?.length ?? 0;
  return [
    ['Parameter', 'Value'],
    ['Scenario', s.name],
    ['Input', s.inputLabel],
    ['Input address', inputReference(ctx)],
    ['Method', 'Cohort progression (intake ratio x births/feeder, then progression ratios year group to year group)'],
    ['Averaging of ratios', methodLabel(p.method, p.alpha)],
    ['Ratio window (years)', p.ratioYears],
    ['Horizon (years)', p.horizon],
    [`Housing yield (pupils per dwelling across ${yearGroupSpan(groups) || 'the year groups'})`, p.yieldPerDwelling],
    ['Target surplus band', `${percentText(p.target)} to ${percentText(p.targetMax)}`],
    ['Permanent places when a shortfall lasts (years)', p.persistYears],
    ['Assumptions', p.assumptions === '' ? '(none given)' : p.assumptions],
    ['Planning areas', failed > 0 ? `${result.areas.length} forecast, ${failed} left out (see notes)` : `${result.areas.length} forecast`],
    ['Output', modeText],
    ['Run date', ctx.date],
    ['Add-in version', ctx.version],
    [ROUNDING_NOTE, null],
  ];
}

/** Why an area's forecast cannot be a live formula, or the formula. */
export type LiveForecast = { formula: string } | { reason: string };

function contiguous(rows: readonly number[]): boolean {
  return rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
}

/**
 * The `=KENT.FORECAST(...)` formula of an area referencing its input cells, or the reason it cannot be
 * written live (rows not next to each other, year-group columns apart, a blank births cell in a
 * forecast year, exponential smoothing with a non-default alpha).
 */
export function liveForecastFormula(a: AreaResult, layout: RollsLayout, ctx: Pick<SheetContext, 'inputSheet' | 'inputAddress'>, result: ScenarioResult): LiveForecast {
  const h = a.history;
  const p = result.scenario.parameters;
  let origin: { row: number; column: number };
  try {
    origin = parseRange(ctx.inputAddress).start;
  } catch {
    return { reason: `the input address "${ctx.inputAddress}" could not be read` };
  }
  const sheet = quoteSheetName(ctx.inputSheet);
  const ref = (rowOffsets: readonly number[], c0: number, c1: number): string =>
    `${sheet}!${formatRange(
      {
        start: { row: origin.row + rowOffsets[0], column: origin.column + c0 },
        end: { row: origin.row + rowOffsets[rowOffsets.length - 1], column: origin.column + c1 },
      },
      { absolute: true },
    )}`;
  const yg = yearGroupColumns(layout);
  if (yg.length !== h.yearGroups.length || yg.some((c, i) => c.yearGroup !== h.yearGroups[i])) {
    return { reason: 'the year-group columns of the input no longer match the scenario' };
  }
  if (!yg.every((c, i) => c.index === yg[0].index + i)) return { reason: 'its year-group columns are not side by side in the input' };
  const historyRows = h.sourceRows.slice(0, h.years.length);
  if (!contiguous(historyRows)) return { reason: 'its rows with rolls are not next to each other in the input' };
  if (p.method === 'exponential' && p.alpha !== 0.5) {
    return { reason: `KENT.FORECAST has no alpha argument, and this scenario smooths with alpha ${p.alpha}` };
  }
  const args: string[] = [ref(historyRows, yg[0].index, yg[yg.length - 1].index)];

  // Driver: history rows then forecast rows, up to the last one with a figure.
  const driverCol = layout.columns.find((c) => c.role === 'driver');
  let driverArg = '';
  if (driverCol && h.driver && h.driver.some((d) => d !== null)) {
    let last = h.driver.length - 1;
    while (last >= 0 && h.driver[last] === null) last--;
    const lastUsed = Math.min(last, h.years.length + p.horizon - 1);
    const rows = h.sourceRows.slice(0, lastUsed + 1);
    if (!contiguous(rows)) return { reason: 'its rows are not next to each other in the input' };
    // KENT.FORECAST reads a 0 as "no figure" (Excel may pass blanks as 0); the engine reads a 0 in a
    // forecast year as a real zero intake. Only then would the live formula differ.
    for (let i = h.years.length; i <= lastUsed; i++) {
      if (h.driver[i] === 0) {
        return { reason: `its ${driverCol.header || 'births/feeder'} figure for ${h.forecastYears[i - h.years.length]} is 0, which KENT.FORECAST reads as no figure` };
      }
    }
    driverArg = ref(rows, driverCol.index, driverCol.index);
  }
  args.push(driverArg, String(p.horizon), String(p.ratioYears), `"${p.method}"`);

  const additions = areaAdditions(h, p.horizon, p.yieldPerDwelling);
  if (additions) {
    const dwCol = layout.columns.find((c) => c.role === 'dwellings');
    const n = Math.min(p.horizon, h.forecastYears.length);
    const rows = h.sourceRows.slice(h.years.length, h.years.length + n);
    if (!dwCol || n === 0) return { reason: 'its dwellings are not in the input' };
    if (!contiguous(rows)) return { reason: 'its forecast rows (dwellings) are not next to each other in the input' };
    args.push(`KENT.HOUSINGYIELD(${ref(rows, dwCol.index, dwCol.index)},${p.yieldPerDwelling},${h.yearGroups.length})`);
  }
  return { formula: `=KENT.FORECAST(${args.join(',')})` };
}

/** SUM over a list of cell references, nested so no SUM has more than 255 arguments. */
export function sumFormula(refs: readonly string[]): string {
  if (refs.length === 0) return '=0';
  const chunk = (list: readonly string[]): string => {
    if (list.length <= 250) return `SUM(${list.join(',')})`;
    const parts: string[] = [];
    for (let i = 0; i < list.length; i += 250) parts.push(chunk(list.slice(i, i + 250)));
    return chunk(parts);
  };
  return `=${chunk(refs)}`;
}

function tableSuffix(result: ScenarioResult): string {
  return slug(result.scenario.name, 30);
}

/**
 * The sheets a scenario run writes (one sheet, "Forecast - <scenario name>").
 *
 * @example
 * const writes = scenarioSheets(runScenario(scenario, areas), { mode: 'values', inputSheet: 'Primary rolls', inputAddress: 'A1:M97', version: ADDIN_VERSION, date: '2025-06-30' });
 * await gateway.writeSheets(writes);
 */
export function scenarioSheets(result: ScenarioResult, ctx: SheetContext): SheetWrite[] {
  const s = result.scenario;
  const p = s.parameters;
  const live = ctx.mode === 'live';
  const b = new SheetBuilder(`Forecast - ${s.name}`);
  const suffix = tableSuffix(result);
  const groups = resultYearGroups(result);
  const G = groups.length;
  const span = yearGroupSpan(groups);

  b.heading(`Forecast: ${s.name}`, 1);
  b.block(parameterRows(result, ctx, live ? 'Live KENT formulas (the forecast and totals recalculate when the input changes)' : 'Values (a snapshot at the run date)'), {
    boldFirstRow: true,
  });

  // Live formulas for each area (or the reason it falls back to values).
  const liveForecasts = result.areas.map((a) => (live ? liveForecastFormula(a, s.layout, ctx, result) : null));
  const surplus = surplusRows(result);
  const notes: string[] = [...result.notes];
  liveForecasts.forEach((lf, i) => {
    if (lf && 'reason' in lf) notes.push(`${areaName(result.areas[i].history)}: written as values, not a live formula, because ${lf.reason}.`);
  });
  if (live) {
    notes.push('Low and high totals and the ratios table are values at the run date (KENT.FORECASTRANGE has no housing argument); the forecast, totals and surplus recalculate.');
  }
  for (const m of surplus.missing) notes.push(`${areaName(m.history)}: no PAN given, so no surplus is shown.`);
  b.block([['Notes'], ...(notes.length > 0 ? notes.map((n) => [n]) : [['None.']])], { boldFirstRow: true });

  // ---- Forecast by planning area and year group ----
  b.heading(`Forecast by planning area and year group (${span})`);
  const headers = ['District', 'Planning area', 'Year', ...groups, 'Total', 'Low total', 'High total'];
  const formats = [null, null, null, ...groups.map(() => FORMAT.pupils), FORMAT.pupils, FORMAT.pupils, FORMAT.pupils];
  const rows = areaYears(result);
  // body: where the area-year rows sit (a table body in values mode, plain blocks in live mode).
  let body: Placed;
  const valueRow = (r: (typeof rows)[number]): LiveCell[] => {
    const own = result.areas[r.areaIndex].history.yearGroups;
    const cells: LiveCell[] = groups.map((g) => {
      const i = own.indexOf(g);
      return i < 0 ? null : r.values[i];
    });
    return [r.district, r.area, r.year, ...cells, r.total, r.lowTotal, r.highTotal];
  };
  if (!live) {
    const placed = b.table(`Forecast_${suffix}`, headers, rows.map(valueRow), formats);
    body = { row: placed.row + 1, column: 0, rows: rows.length, columns: headers.length };
  } else {
    // Plain blocks: dynamic arrays cannot spill inside an Excel table.
    const header = b.block([headers], { boldFirstRow: true, gap: 0 });
    body = { row: header.row + 1, column: 0, rows: rows.length, columns: headers.length };
    b.block(rows.map((r) => [r.district, r.area, r.year]), { at: { row: body.row, column: 0 } });
    let offset = 0;
    result.areas.forEach((a, i) => {
      const n = a.forecast.forecast.length;
      const at = { row: body.row + offset, column: 3 };
      const lf = liveForecasts[i];
      const areaRows = rows.slice(offset, offset + n);
      if (lf && 'formula' in lf && a.history.yearGroups.length === G) {
        const matrix: LiveCell[][] = areaRows.map((_, t) => groups.map((__, g) => (t === 0 && g === 0 ? { formula: lf.formula } : null)));
        b.block(matrix, { at, numberFormat: FORMAT.pupils });
      } else {
        b.block(areaRows.map((r) => valueRow(r).slice(3, 3 + G)), { at, numberFormat: FORMAT.pupils });
      }
      offset += n;
    });
    b.block(
      rows.map((r, i) => [{ formula: `=SUM(${cellAt(body, i, 3)}:${cellAt(body, i, 3 + G - 1)})` }, r.lowTotal, r.highTotal]),
      { at: { row: body.row, column: 3 + G }, numberFormat: FORMAT.pupils },
    );
    b.skip(body.row + Math.max(1, rows.length) + 1 - b.nextRow);
  }

  // ---- Totals by district, and the county ----
  b.heading('Totals by district (sum of planning areas) and county (sum of districts)');
  const totals = districtTotals(result);
  const totalsHeaders = ['District', 'Year', ...totals.yearGroups, 'Total', 'Low total', 'High total'];
  const totalsFormats = [null, null, ...totals.yearGroups.map(() => FORMAT.pupils), FORMAT.pupils, FORMAT.pupils, FORMAT.pupils];
  const totalsStart = b.nextRow + 1; // first body row of the totals table
  const districtBody: LiveCell[][] = totals.districts.map((t) => {
    if (!live) return [t.district, t.year, ...t.values, t.total, t.lowTotal, t.highTotal];
    const members = rows.map((r, k) => ({ r, k })).filter(({ r }) => districtLabel(r.district) === t.district && r.year === t.year);
    const cols = [...totals.yearGroups.map((_, g) => 3 + g), 3 + G, 4 + G, 5 + G];
    return [t.district, t.year, ...cols.map((c) => ({ formula: sumFormula(members.map(({ k }) => cellAt(body, k, c))) }))];
  });
  const countyBody: LiveCell[][] = totals.county.map((t) => {
    if (!live) return [`${COUNTY_LABEL} (county)`, t.year, ...t.values, t.total, t.lowTotal, t.highTotal];
    const members = totals.districts.map((d, k) => ({ d, k })).filter(({ d }) => d.year === t.year);
    const cols = totalsHeaders.slice(2).map((_, c) => 2 + c);
    return [
      `${COUNTY_LABEL} (county)`,
      t.year,
      ...cols.map((c) => ({ formula: sumFormula(members.map(({ k }) => cellAt({ row: totalsStart, column: 0, rows: 0, columns: 0 }, k, c))) })),
    ];
  });
  const totalsPlaced = b.table(`DistrictTotals_${suffix}`, totalsHeaders, [...districtBody, ...countyBody], totalsFormats);
  const countyRowOffset = (year: string) => 1 + totals.districts.length + totals.county.findIndex((c) => c.year === year);

  // ---- Ratios used ----
  b.heading(`Ratios used (${methodLabel(p.method, p.alpha).toLowerCase()} of the last ${p.ratioYears} years; low and high = smallest and largest in the window)`);
  const driverHeader = s.layout.columns.find((c) => c.role === 'driver')?.header || 'driver';
  const ratioRows: LiveCell[][] = [];
  for (const a of result.areas) {
    const h = a.history;
    const f = a.forecast;
    if (f.intake) ratioRows.push([h.district, h.area, `Intake (${h.yearGroups[0]} / ${driverHeader})`, f.intake.value, f.intake.low, f.intake.high, f.intake.used, '']);
    else {
      ratioRows.push([
        h.district,
        h.area,
        `Intake (${h.yearGroups[0]})`,
        null,
        null,
        null,
        null,
        f.heldIntake === null ? 'No driver' : `No driver: intake held at the mean of the last ${Math.min(p.ratioYears, h.years.length)} entry rolls`,
      ]);
    }
    f.progression.forEach((r, g) => {
      ratioRows.push([h.district, h.area, `${h.yearGroups[g + 1]} from ${h.yearGroups[g]}`, r.value, r.low, r.high, r.used, '']);
    });
  }
  b.table(`Ratios_${suffix}`, ['District', 'Planning area', 'Ratio', 'Used', 'Low', 'High', 'Ratios averaged', 'Note'], ratioRows, [
    null,
    null,
    null,
    FORMAT.ratio,
    FORMAT.ratio,
    FORMAT.ratio,
    '0',
    null,
  ]);

  // ---- Surplus against capacity ----
  b.heading(`Surplus against capacity (capacity = PAN for the entry year, PAN x ${G} for all year groups; target ${percentText(p.target)} to ${percentText(p.targetMax)})`);
  const surplusHeaders = ['District', 'Planning area', 'Year', 'Measure', 'Capacity', 'Forecast', 'Surplus places', 'Surplus', 'Status'];
  const surplusStart = b.nextRow + 1;
  const surplusBody: LiveCell[][] = [];
  const panRef = (sr: SurplusRow): string | null => {
    const h = result.areas[sr.areaIndex].history;
    const col = s.layout.columns.find((c) => c.role === 'capacity');
    if (!col || h.panRow === undefined) return null;
    try {
      const o = parseRange(ctx.inputAddress).start;
      return `${quoteSheetName(ctx.inputSheet)}!${formatRange({ start: { row: o.row + h.panRow, column: o.column + col.index }, end: { row: o.row + h.panRow, column: o.column + col.index } }, { absolute: true })}`;
    } catch {
      return null;
    }
  };
  const allCapacityCells: Map<string, string[]> = new Map();
  surplus.rows.forEach((sr) => {
    const k = rows.findIndex((r) => r.areaIndex === sr.areaIndex && r.t === sr.t);
    const entryLabel = `Entry year (${sr.entryGroup})`;
    const allLabel = `All year groups (${yearGroupSpan(result.areas[sr.areaIndex].history.yearGroups)})`;
    const rowIndex = surplusStart + surplusBody.length;
    if (!live) {
      surplusBody.push([sr.district, sr.area, sr.year, entryLabel, sr.entryCapacity, sr.entryForecast, sr.entryPlaces, sr.entryFraction, sr.entryStatus]);
      surplusBody.push([sr.district, sr.area, sr.year, allLabel, sr.allCapacity, sr.allForecast, sr.allPlaces, sr.allFraction, sr.allStatus]);
    } else {
      const pan = panRef(sr);
      const line = (r: number, label: string, capacity: LiveCell, forecastRef: string): LiveCell[] => {
        const at = (c: number) => cellAt({ row: r, column: 0, rows: 1, columns: 9 }, 0, c);
        return [
          sr.district,
          sr.area,
          sr.year,
          label,
          capacity,
          { formula: `=${forecastRef}` },
          { formula: `=KENT.SURPLUSPLACES(${at(4)},${at(5)})` },
          { formula: `=KENT.SURPLUS(${at(4)},${at(5)})` },
          { formula: `=KENT.SURPLUSSTATUS(${at(7)},${p.target},${p.targetMax})` },
        ];
      };
      surplusBody.push(line(rowIndex, entryLabel, pan ? { formula: `=${pan}` } : sr.entryCapacity, cellAt(body, k, 3)));
      surplusBody.push(line(rowIndex + 1, allLabel, pan ? { formula: `=${pan}*${sr.yearGroups}` } : sr.allCapacity, cellAt(body, k, 3 + G)));
    }
    const list = allCapacityCells.get(sr.year) ?? [];
    list.push(cellAt({ row: rowIndex + 1, column: 0, rows: 1, columns: 9 }, 0, 4));
    allCapacityCells.set(sr.year, list);
  });
  const surplusPlaced = b.table(`Surplus_${suffix}`, surplusHeaders, surplusBody, [null, null, null, null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.fraction, null]);
  if (surplusBody.length > 0) b.format(columnRange(surplusPlaced, 8, 1, surplusBody.length), STATUS_FILLS);

  // ---- Chart helper block and line chart, to the right ----
  const years = orderYears(totals.years);
  const capacityByYear = new Map<string, number>();
  for (const sr of surplus.rows) capacityByYear.set(sr.year, (capacityByYear.get(sr.year) ?? 0) + sr.allCapacity);
  const withCapacity = surplus.rows.length > 0;
  const helperColumn = b.usedWidth + 1;
  const helperHeader: LiveCell[] = ['Year', `Forecast (${span})`, 'Low', 'High', ...(withCapacity ? ['Capacity'] : [])];
  const helperRows: LiveCell[][] = years.map((y) => {
    const c = totals.county.find((x) => x.year === y);
    if (!c) return [y, 0, 0, 0, ...(withCapacity ? [capacityByYear.get(y) ?? 0] : [])];
    if (!live) return [y, c.total, c.lowTotal, c.highTotal, ...(withCapacity ? [capacityByYear.get(y) ?? 0] : [])];
    const r = countyRowOffset(y);
    return [
      y,
      { formula: `=${cellAt(totalsPlaced, r, 2 + G)}` },
      { formula: `=${cellAt(totalsPlaced, r, 3 + G)}` },
      { formula: `=${cellAt(totalsPlaced, r, 4 + G)}` },
      ...(withCapacity ? [{ formula: sumFormula(allCapacityCells.get(y) ?? []) }] : []),
    ];
  });
  const helper = b.block([['County forecast against capacity (chart data)'], helperHeader, ...helperRows], {
    at: { row: 2, column: helperColumn },
    numberFormat: [null, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils, FORMAT.pupils],
    boldFirstRow: true,
  });
  if (years.length > 0) {
    const data: Placed = { row: helper.row + 1, column: helper.column, rows: years.length + 1, columns: helperHeader.length };
    b.chart({
      type: 'line',
      title: `${COUNTY_LABEL}: forecast pupils (${span}) against capacity`,
      dataRange: placedAddress(data),
      seriesBy: 'columns',
      anchor: cellAt(helper, helper.rows + 1, 0),
      xAxisTitle: 'Year',
      yAxisTitle: 'Pupils',
    });
  }
  return [b.build(true)];
}
