/**
 * Helpers for driving the demo host (dist/index.html at /) in a browser test: the task pane on the
 * right (`aside[aria-label="Task pane"]`), the sample workbook on the left (sheet tabs and a grid whose
 * cells carry data-row / data-col). Everything is read from the DOM the planner sees: nothing is
 * exposed by the page for the tests.
 */
import type { Locator, Page } from 'playwright-core';

/** Time allowed for one pane action on a busy 2-core machine. */
export const STEP_TIMEOUT_MS = 30_000;

export function pane(page: Page): Locator {
  return page.locator('aside[aria-label="Task pane"]');
}

export function workbook(page: Page): Locator {
  return page.locator('section[aria-label="Sample workbook"]');
}

/**
 * Waits until the Scenarios panel's "Run scenario" button is enabled (input picked, read and
 * recognised). Works on the demo host and on taskpane.html alone.
 */
export async function waitForPaneReady(page: Page): Promise<void> {
  const run = page.locator('#kpp-panel-scenarios').getByRole('button', { name: 'Run scenario', exact: true });
  await run.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(
    () => {
      const panel = document.getElementById('kpp-panel-scenarios');
      const button = panel ? Array.from(panel.querySelectorAll('button')).find((b) => (b.textContent ?? '').trim() === 'Run scenario') : undefined;
      return !!button && !button.disabled && button.getAttribute('aria-disabled') !== 'true';
    },
    undefined,
    { timeout: STEP_TIMEOUT_MS },
  );
}

/** Opens one of the pane's tabs (Scenarios, Compare, Commissioning, Accuracy) and returns its panel. */
export async function openPaneTab(page: Page, name: 'Scenarios' | 'Compare' | 'Commissioning' | 'Accuracy'): Promise<Locator> {
  await pane(page).getByRole('tab', { name, exact: true }).click();
  const panel = pane(page).locator(`#kpp-panel-${name.toLowerCase()}`);
  await panel.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return panel;
}

/** The pane's status messages (newest first), as text. */
export async function statusTexts(page: Page): Promise<string[]> {
  return pane(page).locator('[data-testid="status-area"] > *').allTextContents();
}

/**
 * Waits for a status message containing `text`; fails early (with the messages shown) when an error
 * message appears instead.
 */
export async function waitForStatus(page: Page, text: string, timeout = STEP_TIMEOUT_MS): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await statusTexts(page);
    const hit = shown.find((t) => t.includes(text));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`No status message containing ${JSON.stringify(text)} within ${timeout} ms; shown: ${JSON.stringify(shown)}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the workbook has a sheet tab called `name` and its grid is the one shown. */
export async function waitForSheet(page: Page, name: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await workbook(page).getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true }).waitFor({ timeout });
  await workbook(page).locator(`table[role="grid"][aria-label="Sheet ${name.replace(/"/g, '\\"')}"]`).waitFor({ timeout });
}

/** The names on the workbook's sheet tabs, in order. */
export async function sheetTabs(page: Page): Promise<string[]> {
  // innerText: a Fluent tab also holds a hidden copy of its label (reserving space for the bold style).
  return (await workbook(page).getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allInnerTexts()).map((t) => t.trim());
}

export interface GridView {
  /** The grid's sheet name (from its aria-label "Sheet <name>"). */
  sheet: string;
  /** Cell texts as shown, [row][column] from A1 ('' for empty cells). */
  cells: string[][];
}

/** Opens every row of the shown sheet (the grid shows 500 at a time, with a "Show more rows" button). */
export async function showAllRows(page: Page): Promise<void> {
  const more = workbook(page).getByRole('button', { name: 'Show more rows', exact: true });
  for (let i = 0; i < 50 && (await more.count()) > 0; i++) await more.click();
}

/** Reads the grid shown in the workbook view: every cell's text as displayed (all rows opened first). */
export async function readGrid(page: Page): Promise<GridView> {
  await showAllRows(page);
  return workbook(page)
    .locator('table[role="grid"]')
    .evaluate((table) => {
      const cells: string[][] = [];
      table.querySelectorAll('td[data-row]').forEach((td) => {
        const r = Number(td.getAttribute('data-row'));
        const c = Number(td.getAttribute('data-col'));
        const row = (cells[r] ??= []);
        row[c] = td.textContent ?? '';
      });
      for (let r = 0; r < cells.length; r++) {
        const row = (cells[r] ??= []);
        for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
      }
      return { sheet: (table.getAttribute('aria-label') ?? '').replace(/^Sheet /, ''), cells };
    });
}

/** Where a header row (`headers` side by side, from column 0) starts in the grid, or -1. */
export function findHeaderRow(grid: GridView, headers: readonly string[], from = 0): number {
  for (let r = from; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (headers.every((h, i) => (row[i] ?? '').trim() === h)) return r;
  }
  return -1;
}

/** The body rows of the table whose header row is at `headerRow`: rows until the first blank first cell. */
export function tableBody(grid: GridView, headerRow: number, columns: number): string[][] {
  const out: string[][] = [];
  for (let r = headerRow + 1; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if ((row[0] ?? '').trim() === '') break;
    out.push(Array.from({ length: columns }, (_, c) => row[c] ?? ''));
  }
  return out;
}

/**
 * A number as the grid shows it ("#,##0", "0.0%", "0.000", ...) back to a number; NaN when the text is
 * not a number. Percentages are returned as fractions.
 */
export function parseShown(text: string): number {
  const t = text.trim().replace(/,/g, '').replace(/^−/, '-');
  if (t === '') return Number.NaN;
  if (t.endsWith('%')) {
    const n = Number(t.slice(0, -1));
    return Number.isFinite(n) ? n / 100 : Number.NaN;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The number of decimals the shown text has ("1,234" -> 0, "5.6%" -> 1 (of a percent), "0.981" -> 3). */
export function shownDecimals(text: string): number {
  const m = /\.(\d+)%?$/.exec(text.trim());
  return m ? m[1].length : 0;
}

/**
 * Whether `shown` is `expected` at the precision the grid displays it: |shown - expected| is at most
 * half a unit in the last shown place (+1e-6 of that unit for float noise).
 */
export function matchesAtDisplayPrecision(shown: string, expected: number): boolean {
  const value = parseShown(shown);
  if (Number.isNaN(value)) return false;
  const percent = shown.trim().endsWith('%');
  const unit = 10 ** -shownDecimals(shown) * (percent ? 0.01 : 1);
  return Math.abs(value - expected) <= unit / 2 + unit * 1e-6;
}
