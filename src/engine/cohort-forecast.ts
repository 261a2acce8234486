/**
 * The cohort progression forecast (domain reference, section 6).
 *
 * History: rows are years (oldest first), columns a consecutive run of year groups (R..Y6, Y7..Y11, or a
 * single column). Each later year group is rolled forward from the year group below it in the year
 * before, times its averaged progression ratio; the entry year group comes from the intake driver
 * (births, feeder Year 6) times the averaged intake ratio, or is held at the mean of the last k intakes
 * when there is no driver for that year. Housing additions are added on top. Nothing is rounded.
 *
 * Behaviour decisions (documented here once):
 * - `driver` is aligned by row: index i is history year i, index rows + j - 1 is forecast year j. It may
 *   be shorter than history + horizon (missing entries count as null = no driver that year) or longer
 *   (extra entries are ignored). A driver that is absent, empty or null in every entry means "no driver":
 *   `intake` is null and the intake is held in every forecast year (a note says so).
 * - A driver that has figures only for forecast years (none for history years) cannot give an intake
 *   ratio: NA. A driver of 0 in a history year gives no ratio (skipped); a driver of 0 in a forecast
 *   year is a real zero and gives an intake of 0.
 * - Held intake: the mean of the last k entry rolls (fewer if the history is shorter). Its low and high
 *   figures are the smallest and largest of those same entry rolls.
 * - `heldIntake` is null when no forecast year was held.
 * - `additions` rows beyond the horizon are ignored; a row with more columns than the history is a
 *   shape error (VALUE). Additions must be non-negative: negative additions (demolitions) are rejected
 *   with NUM rather than silently producing or clamping negative rolls; express outflows through the
 *   ratios or an intake override instead.
 * - `intakeOverride` is the final entry-year figure for that year (additions are not added) and is the
 *   same in the low and high forecasts. Entries beyond the horizon are ignored.
 * - The low / high forecasts use the low / high intake and progression ratios (and the low / high held
 *   intake) all the way through, with the same additions.
 */
import { fail, PlanningError } from './errors';
import {
  averageRatiosDetailed,
  MEDIAN135_LOOKBACK,
  RatioOptions,
  RatioSummary,
  RatioWindowDetail,
  resolveRatioOptions,
  ResolvedRatioOptions,
} from './ratios';
import { requireFinite, requireInteger, requireNonNegative } from './validate';

/** Default forecast horizon in years. */
export const DEFAULT_HORIZON = 5;
/** Longest forecast horizon accepted. */
export const MAX_HORIZON = 50;

/** Options of {@link cohortForecast}. */
export interface ForecastOptions extends RatioOptions {
  /**
   * The intake driver (births for Reception, feeder Year 6 for Year 7), aligned BY ROW with history:
   * index i = the driver of the cohort entering in history year i; index rows + j - 1 = forecast year j.
   * null or missing = no driver that year.
   */
  driver?: readonly (number | null)[];
  /** Forecast years, whole 1..50 (default 5). */
  horizon?: number;
  /** [forecastYear 0-based][yearGroup]: pupils added on top of the ratios (housing). Missing rows/columns = 0. */
  additions?: readonly (readonly number[])[];
  /** [forecastYear 0-based]: entry-year roll to use instead of the model (final figure; additions not added). */
  intakeOverride?: readonly (number | null)[];
}

/** The result of {@link cohortForecast}. */
export interface CohortForecast {
  /** horizon rows x G columns (G = history columns). */
  forecast: number[][];
  /** Same shape, from the smallest ratios in the window. */
  low: number[][];
  /** Same shape, from the largest ratios in the window. */
  high: number[][];
  /** Intake ratio (entry roll / driver); null when no driver was given. */
  intake: RatioSummary | null;
  /** Length G - 1: entry g - 1 is the ratio into history column g + 1, roll(g, t) / roll(g - 1, t - 1). */
  progression: RatioSummary[];
  /** Where each forecast year's entry figure came from. */
  intakeSource: ('driver' | 'held' | 'override')[];
  /** Mean of the last k entry rolls, when some forecast year used it; otherwise null. */
  heldIntake: number | null;
  /** Plain-English notes on what the model had to assume. */
  notes: string[];
}

/** The validated history and driver shared by the forecast, the ratios and the back-test. */
interface Prepared {
  rows: number[][];
  columns: number;
  /** driver per index, null when absent; null overall when there is no driver. */
  driver: (number | null)[] | null;
  settings: ResolvedRatioOptions;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Formats a figure for a note (display only; the model itself is never rounded). */
function fmt(value: number): string {
  return NUMBER_FORMAT.format(value);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "1-3, 5" from [1, 2, 3, 5]. */
function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(i === j ? `${years[i]}` : `${years[i]}-${years[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "forecast year 2" / "forecast years 4-5". */
function forecastYearsText(years: readonly number[]): string {
  return `forecast ${plural(years.length, 'year', 'years')} ${yearRanges(years)}`;
}

/** Validates history (shape and values), the driver and the ratio options. */
function prepare(history: readonly (readonly number[])[], options: ForecastOptions | undefined): Prepared {
  if (!Array.isArray(history)) fail('VALUE', 'history must be a table of rolls: one row per year, one column per year group');
  if (history.length === 0) fail('NA', 'history is empty: give at least 2 years of rolls');
  history.forEach((row, r) => {
    if (!Array.isArray(row)) fail('VALUE', `history row ${r + 1} is not a list of rolls`);
  });
  const columns = history[0].length;
  if (columns === 0) fail('NA', 'history has no year-group columns');
  history.forEach((row, r) => {
    if (row.length !== columns) {
      fail('VALUE', `history rows must all have the same number of year groups: row ${r + 1} has ${row.length}, row 1 has ${columns}`);
    }
  });
  const table: readonly (readonly unknown[])[] = history;
  const rows = table.map((row, r) => row.map((v, c) => requireNonNegative(v, `history row ${r + 1}, column ${c + 1}`)));
  if (rows.length < 2) fail('NA', `history needs at least 2 years of rolls to work out ratios (got ${rows.length})`);
  const settings = resolveRatioOptions(options);

  let driver: (number | null)[] | null = null;
  const given: unknown = options?.driver;
  if (given !== undefined && given !== null) {
    if (!Array.isArray(given)) fail('VALUE', 'driver must be a list of numbers (one per year, blanks allowed)');
    const list = (given as readonly unknown[]).map((v, i) => (v === null || v === undefined ? null : requireNonNegative(v, `driver item ${i + 1}`)));
    if (list.some((v) => v !== null)) driver = list;
  }
  return { rows, columns, driver, settings };
}

function driverAt(driver: readonly (number | null)[] | null, index: number): number | null {
  if (driver === null || index >= driver.length) return null;
  return driver[index];
}

/** Note for a ratio window that wanted more ratios than the history offers (null if none is needed). */
function shortfallNote(detail: RatioWindowDetail, what: string, settings: ResolvedRatioOptions): string | null {
  if (detail.available >= detail.wanted) return null;
  const wantedText =
    settings.method === 'median135' ? `median135 looks back ${MEDIAN135_LOOKBACK} years` : `ratio_years is ${settings.ratioYears}`;
  const usedText = detail.available === 1 ? 'it is used' : detail.available === 2 ? 'both are used' : `all ${detail.available} are used`;
  return `${wantedText} but only ${detail.available} ${plural(detail.available, 'ratio', 'ratios')} can be worked out for ${what}: ${usedText}.`;
}

/** Note for pairs skipped because their denominator was 0 (null if none). */
function skippedNote(detail: RatioWindowDetail, what: string): string | null {
  if (detail.skipped === 0) return null;
  return `${detail.skipped} ${plural(detail.skipped, 'year was', 'years were')} skipped for ${what} because the figure it divides by is 0.`;
}

/** Runs the averaging, turning "every denominator is 0" into a message that names the column. */
function average(nums: number[], dens: number[], settings: ResolvedRatioOptions, div0Message: string): RatioWindowDetail {
  try {
    return averageRatiosDetailed(nums, dens, settings);
  } catch (e) {
    if (e instanceof PlanningError && e.code === 'DIV0') fail('DIV0', div0Message);
    throw e;
  }
}

interface Ratios {
  intake: RatioSummary | null;
  progression: RatioSummary[];
  notes: string[];
}

/** Works out the intake and progression ratios from prepared input. */
function computeRatios(p: Prepared): Ratios {
  const notes: string[] = [];
  const push = (note: string | null): void => {
    if (note !== null) notes.push(note);
  };
  let intake: RatioSummary | null = null;
  if (p.driver !== null) {
    const nums: number[] = [];
    const dens: number[] = [];
    p.rows.forEach((row, t) => {
      const d = driverAt(p.driver, t);
      if (d !== null) {
        nums.push(row[0]);
        dens.push(d);
      }
    });
    if (nums.length === 0) {
      fail(
        'NA',
        `driver has no figures for the ${p.rows.length} history years, so no intake ratio can be worked out: give the driver for history years too, or leave it out`,
      );
    }
    const detail = average(nums, dens, p.settings, `the intake ratio cannot be worked out: driver is 0 in every history year that has a figure (${nums.length})`);
    intake = detail.summary;
    push(shortfallNote(detail, 'the intake ratio', p.settings));
    push(skippedNote(detail, 'the intake ratio'));
  }
  const progression: RatioSummary[] = [];
  const shortfalls: { column: number; detail: RatioWindowDetail }[] = [];
  for (let g = 1; g < p.columns; g++) {
    const nums: number[] = [];
    const dens: number[] = [];
    for (let t = 1; t < p.rows.length; t++) {
      nums.push(p.rows[t][g]);
      dens.push(p.rows[t - 1][g - 1]);
    }
    const detail = average(
      nums,
      dens,
      p.settings,
      `the progression ratio into history column ${g + 1} cannot be worked out: history column ${g} has 0 pupils in every year from row 1 to row ${p.rows.length - 1}`,
    );
    progression.push(detail.summary);
    if (detail.available < detail.wanted) shortfalls.push({ column: g + 1, detail });
    push(skippedNote(detail, `the progression ratio into history column ${g + 1}`));
  }
  // One note for the common case (every column short by the same amount), otherwise one per column.
  if (shortfalls.length > 0) {
    const allSame = shortfalls.length === p.columns - 1 && shortfalls.every((s) => s.detail.available === shortfalls[0].detail.available);
    if (allSame) {
      push(shortfallNote(shortfalls[0].detail, "each year group's progression ratio", p.settings));
    } else {
      for (const s of shortfalls) push(shortfallNote(s.detail, `the progression ratio into history column ${s.column}`, p.settings));
    }
  }
  return { intake, progression, notes };
}

/** Reads additions for forecast year y (0-based): one figure per column, missing = 0. */
function readAdditions(additions: unknown, horizon: number, columns: number): number[][] {
  const out: number[][] = Array.from({ length: horizon }, () => new Array<number>(columns).fill(0));
  if (additions === undefined || additions === null) return out;
  if (!Array.isArray(additions)) fail('VALUE', 'additions must be a table: one row per forecast year, one column per year group');
  const list = additions as readonly unknown[];
  for (let y = 0; y < Math.min(horizon, list.length); y++) {
    const row = list[y];
    if (row === undefined || row === null) continue;
    if (!Array.isArray(row)) fail('VALUE', `additions row ${y + 1} is not a list of pupil numbers`);
    if (row.length > columns) {
      fail('VALUE', `additions row ${y + 1} has ${row.length} year groups but history has ${columns}`);
    }
    (row as readonly unknown[]).forEach((v, g) => {
      if (v === undefined || v === null) return;
      out[y][g] = requireNonNegative(v, `additions row ${y + 1}, column ${g + 1}`);
    });
  }
  return out;
}

function readOverride(override: unknown, horizon: number): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(horizon).fill(null);
  if (override === undefined || override === null) return out;
  if (!Array.isArray(override)) fail('VALUE', 'intake_override must be a list: one entry-year roll per forecast year (blanks allowed)');
  const list = override as readonly unknown[];
  for (let y = 0; y < Math.min(horizon, list.length); y++) {
    const v = list[y];
    if (v !== undefined && v !== null) out[y] = requireNonNegative(v, `intake_override item ${y + 1}`);
  }
  return out;
}

function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Forecasts rolls by the cohort progression method.
 *
 * For forecast year j (1-based) and year-group column g, with P the previous year's rolls (the last
 * history row for j = 1):
 * - g > 0: `forecast(j, g) = P(g - 1) * progression(g) + additions[j-1][g]`;
 * - g = 0 (the entry year group): `intakeOverride[j-1]` if given; else `driver(rows + j - 1) * intake ratio +
 *   additions[j-1][0]` if the driver has a figure for that year; else the held intake (mean of the last k
 *   entry rolls) + additions, with a note naming the years ("No driver for forecast years 4-5: intake held
 *   at 1,234.3, the mean of the last 3 intakes.").
 * The low / high matrices repeat this with the smallest / largest ratios of each window (and the smallest /
 * largest of the last k entry rolls for a held intake). Ratios are averaged by {@link averageRatios}: pairs
 * with a zero denominator are skipped; with fewer ratios than k, all are used and a note says so.
 * See the module comment for the driver, additions and override rules.
 *
 * @param history rolls, years x year groups, oldest year first (non-negative finite, at least 2 rows)
 * @param options driver, horizon (default 5), ratioYears (k, default 3), method (default 'mean'), alpha,
 *   additions, intakeOverride
 * @returns the forecast, low and high matrices (horizon x G), the ratios used, each year's intake source,
 *   the held intake and notes
 * @example
 * const f = cohortForecast([[100, 95], [110, 98], [120, 108]], { horizon: 2 });
 * // progression ratio into column 2: mean(98/100, 108/110) = 0.9809..; no driver, so the intake is held
 * // at mean(100, 110, 120) = 110. f.forecast[0] = [110, 120 * 0.9809..] = [110, 117.709..]
 * @throws {PlanningError} NA for fewer than 2 history rows, no columns, or a driver with no history-year
 *   figure; VALUE for ragged rows, text, a non-list argument or additions wider than history; NUM for
 *   negative or non-finite figures, ratio_years < 1 or fractional, alpha outside (0, 1], years outside
 *   1..50; DIV0 when a ratio has no usable year (every denominator 0), naming the column
 */
export function cohortForecast(history: readonly (readonly number[])[], options?: ForecastOptions): CohortForecast {
  const p = prepare(history, options);
  const horizon =
    options?.horizon === undefined || options.horizon === null ? DEFAULT_HORIZON : requireInteger(options.horizon, 'years', 1, MAX_HORIZON);
  const additions = readAdditions(options?.additions, horizon, p.columns);
  const override = readOverride(options?.intakeOverride, horizon);
  const { intake, progression, notes } = computeRatios(p);
  const n = p.rows.length;
  const k = p.settings.ratioYears;

  // Held intake: the last k entry rolls.
  const lastEntries = p.rows.slice(Math.max(0, n - k)).map((row) => row[0]);
  const held = { value: mean(lastEntries), low: Math.min(...lastEntries), high: Math.max(...lastEntries) };
  held.value = Math.min(Math.max(held.value, held.low), held.high);

  const intakeSource: ('driver' | 'held' | 'override')[] = [];
  const heldYears: number[] = [];
  const overrideYears: number[] = [];
  const forecast: number[][] = [];
  const low: number[][] = [];
  const high: number[][] = [];
  let prev = p.rows[n - 1];
  let prevLow = prev;
  let prevHigh = prev;
  for (let y = 0; y < horizon; y++) {
    const add = additions[y];
    const d = driverAt(p.driver, n + y);
    let entry: number;
    let entryLow: number;
    let entryHigh: number;
    if (override[y] !== null) {
      entry = entryLow = entryHigh = override[y] as number;
      intakeSource.push('override');
      overrideYears.push(y + 1);
    } else if (d !== null && intake !== null) {
      entry = d * intake.value + add[0];
      entryLow = d * intake.low + add[0];
      entryHigh = d * intake.high + add[0];
      intakeSource.push('driver');
    } else {
      entry = held.value + add[0];
      entryLow = held.low + add[0];
      entryHigh = held.high + add[0];
      intakeSource.push('held');
      heldYears.push(y + 1);
    }
    const row = [entry];
    const rowLow = [entryLow];
    const rowHigh = [entryHigh];
    for (let g = 1; g < p.columns; g++) {
      const r = progression[g - 1];
      row.push(prev[g - 1] * r.value + add[g]);
      rowLow.push(prevLow[g - 1] * r.low + add[g]);
      rowHigh.push(prevHigh[g - 1] * r.high + add[g]);
    }
    forecast.push(row);
    low.push(rowLow);
    high.push(rowHigh);
    prev = row;
    prevLow = rowLow;
    prevHigh = rowHigh;
  }

  for (const m of [forecast, low, high]) {
    for (const row of m) {
      for (const v of row) {
        if (!Number.isFinite(v)) fail('NUM', 'the forecast grows too large to represent: check the history, driver and additions for mistyped figures');
      }
    }
  }

  const used = lastEntries.length;
  const meanText = `the mean of the last ${used === 1 ? 'intake' : `${used} intakes`}`;
  if (heldYears.length > 0) {
    if (p.driver === null) {
      const which = heldYears.length === horizon ? 'every forecast year' : forecastYearsText(heldYears);
      notes.unshift(`No driver given: intake held at ${fmt(held.value)} for ${which}, ${meanText}.`);
    } else {
      notes.unshift(`No driver for ${forecastYearsText(heldYears)}: intake held at ${fmt(held.value)}, ${meanText}.`);
    }
  }
  if (overrideYears.length > 0) {
    notes.push(`Intake overridden for ${forecastYearsText(overrideYears)}: the figure given is used as it is (no additions added).`);
  }
  return {
    forecast,
    low,
    high,
    intake,
    progression,
    intakeSource,
    heldIntake: heldYears.length > 0 ? held.value : null,
    notes,
  };
}

/**
 * The intake and progression ratios {@link cohortForecast} (and so `KENT.FORECAST`) uses for a history.
 * Only `driver`, `ratioYears`, `method` and `alpha` of the options matter; the rest are ignored.
 *
 * @param history rolls, years x year groups, oldest year first (non-negative finite, at least 2 rows)
 * @param options driver, ratioYears (k, default 3), method (default 'mean'), alpha
 * @returns the intake ratio (null without a driver) and one progression ratio per later year group
 * @example
 * forecastRatios([[100, 95], [110, 98], [120, 108]], { driver: [125, 120, 130] });
 * // intake: mean(100/125, 110/120, 120/130) = 0.87991..; progression: [mean(98/100, 108/110) = 0.9809..]
 * @throws {PlanningError} as {@link cohortForecast}
 */
export function forecastRatios(
  history: readonly (readonly number[])[],
  options?: ForecastOptions,
): { intake: RatioSummary | null; progression: RatioSummary[] } {
  const { intake, progression } = computeRatios(prepare(history, options));
  return { intake, progression };
}

/**
 * Row totals of a forecast (or history) matrix: the sum over year groups of each year. Use this rather
 * than summing by hand so every layer totals the same way (unrounded).
 *
 * @param matrix years x year groups
 * @returns one total per row
 * @example
 * forecastTotals([[1, 2.5], [3, 4]]); // [3.5, 7]
 * @throws {PlanningError} VALUE if a row is not a list or holds text; NUM for a non-finite figure
 */
export function forecastTotals(matrix: readonly (readonly number[])[]): number[] {
  if (!Array.isArray(matrix)) fail('VALUE', 'matrix must be a table of numbers');
  return matrix.map((row, r) => {
    if (!Array.isArray(row)) fail('VALUE', `row ${r + 1} is not a list of numbers`);
    let s = 0;
    row.forEach((v, c) => {
      s += requireFinite(v, `row ${r + 1}, column ${c + 1}`);
    });
    return s;
  });
}
