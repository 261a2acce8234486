/**
 * The largest inputs the KENT functions accept. Each limit is checked before any work is done (from
 * the range's row and column counts), and going over it returns #NUM! with a message naming the
 * limit, so a mistaken whole-column reference can never freeze Excel.
 *
 * Excel's own grid is 1,048,576 rows x 16,384 columns; every table these functions spill stays far
 * below it (at most MAX_GROUPS + 3 rows by 6 columns).
 */

/** Cells in one list argument (capacity, roll, groups, forecast, actual). */
export const MAX_LIST_CELLS = 1_000_000;
/** Distinct groups in SURPLUSBY / ACCURACYBY (each becomes a spilled row). */
export const MAX_GROUPS = 100_000;
/**
 * Rows (years) in a history range, blank rows included. Far beyond any real history (Kent keeps about
 * ten years), but large enough for a whole-sheet block of 1,000 rows; FORECAST and BACKTEST on a
 * 1,000 x 20 history still return in milliseconds (see npm run bench).
 */
export const MAX_HISTORY_YEARS = 1_000;
/**
 * Rows in BACKTEST's history: the back-test re-runs the forecast from every origin, so its work grows
 * with the square of the history's length (200 x 20 with a 50-year horizon: about 50 ms).
 */
export const MAX_BACKTEST_YEARS = 200;
/** Columns (year groups) in a history or additions range (the engine accepts 1 to 20 year groups). */
export const MAX_YEAR_GROUPS = 20;
/** Cells in a driver range: the history years plus the longest forecast (50 years). */
export const MAX_DRIVER_CELLS = MAX_HISTORY_YEARS + 50;
/** Rows in an additions range or a per-year series (dwellings, forecast intake, capacity per year). */
export const MAX_SERIES_YEARS = 200;
/** Excel's grid, for the final check of every spilled result. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
