/**
 * Browser test of the built add-in (issue 4): dist/ served on 127.0.0.1, the demo host at / (the task
 * pane beside the sample workbook, running outside Office on MemoryGateway) driven in headless Debian
 * Chromium the way a planner would:
 *
 *  1. run a scenario on the PrimaryRolls table with the default parameters; the new sheet's forecast
 *     table, district totals and ratios, as shown in the grid, match the engine run in node (at the
 *     precision the grid displays);
 *  2. save that scenario (A) and a second one (B: pooled ratios, 7-year horizon);
 *  3. compare them: the comparison sheet appears and its totals match the engine for A and B;
 *  4. run the accuracy review: the count of districts outside tolerance shown in the pane and on the
 *     new sheet equals the engine's accuracyBy on the sample's AccuracyReview table;
 *  5. commissioning for scenario A: the sheet is written and the pane's headline (districts at or
 *     above target out of 12, new permanent FE) equals the model's commissioningFigures in node;
 *  6. scenario A again as live KENT formulas: the demo grid works the formulas out, and the forecast
 *     cells read the same as on the values sheet of step 1.
 *
 * A screenshot per step goes to test-output/screenshots/. Any console error, uncaught page error or
 * request leaving localhost fails the step it happened in.
 *
 * The steps share one browser and one page and run in order (each builds on the last).
 */
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { closeWatched, launchChromium, openWatchedPage, REPO_ROOT, saveScreenshot, type WatchedPage } from '../support/browser';
import {
  findHeaderRow,
  matchesAtDisplayPrecision,
  openPaneTab,
  pane,
  readGrid,
  sheetTabs,
  tableBody,
  waitForPaneReady,
  waitForSheet,
  waitForStatus,
  workbook,
  type GridView,
} from './demo-page';
import { DEFAULTS, expectedAccuracy, expectedCommissioning, expectedPrimaryForecast, type ExpectedArea } from './expected';

jest.setTimeout(60_000);

const DIST = path.join(REPO_ROOT, 'dist');
const YEAR_GROUPS = ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'];
const SCENARIO_A = 'Baseline';
const SCENARIO_B = 'Pooled 7';
const B_PARAMETERS = { ...DEFAULTS, method: 'pooled' as const, horizon: 7 };

let server: StaticServer;
let browser: Browser;
let watched: WatchedPage;
let expectedA: ExpectedArea[];
let expectedB: ExpectedArea[];

beforeAll(async () => {
  [server, browser, expectedA, expectedB] = await Promise.all([
    startStaticServer(DIST),
    launchChromium(),
    expectedPrimaryForecast(DEFAULTS),
    expectedPrimaryForecast(B_PARAMETERS),
  ]);
  watched = await openWatchedPage(browser);
});

afterAll(async () => {
  if (watched) await closeWatched(watched);
  if (browser) await browser.close();
  if (server) await server.close();
});

/** Mismatches between shown cells and expected numbers, in words (empty when all match). */
function mismatches(checks: { where: string; shown: string; expected: number }[]): string[] {
  return checks.filter((c) => !matchesAtDisplayPrecision(c.shown, c.expected)).map((c) => `${c.where}: shown "${c.shown}", engine ${c.expected}`);
}

function forecastChecks(grid: GridView, expected: ExpectedArea[]): { checks: { where: string; shown: string; expected: number }[]; rowsFound: number } {
  const headers = ['District', 'Planning area', 'Year', ...YEAR_GROUPS, 'Total', 'Low total', 'High total'];
  const headerRow = findHeaderRow(grid, headers);
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const body = tableBody(grid, headerRow, headers.length);
  const byKey = new Map(body.map((row) => [`${row[0]}|${row[1]}|${row[2]}`, row]));
  const checks: { where: string; shown: string; expected: number }[] = [];
  let rowsFound = 0;
  for (const area of expected) {
    for (const r of area.rows) {
      const row = byKey.get(`${r.district}|${r.area}|${r.year}`);
      if (!row) {
        checks.push({ where: `${r.area} ${r.year} (row missing)`, shown: '', expected: r.total });
        continue;
      }
      rowsFound += 1;
      r.values.forEach((v, g) => checks.push({ where: `${r.area} ${r.year} ${YEAR_GROUPS[g]}`, shown: row[3 + g], expected: v }));
      checks.push({ where: `${r.area} ${r.year} Total`, shown: row[10], expected: r.total });
      checks.push({ where: `${r.area} ${r.year} Low total`, shown: row[11], expected: r.lowTotal });
      checks.push({ where: `${r.area} ${r.year} High total`, shown: row[12], expected: r.highTotal });
    }
  }
  expect(body).toHaveLength(expected.reduce((n, a) => n + a.rows.length, 0));
  return { checks, rowsFound };
}

test('the demo host starts with the pane ready on the sample workbook, quietly and offline', async () => {
  const { page } = watched;
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await waitForPaneReady(page);
  expect(await pane(page).getByRole('combobox', { name: 'Rolls table', exact: true }).inputValue()).toBe('table:PrimaryRolls');
  await expect(sheetTabs(page)).resolves.toEqual(expect.arrayContaining(['Primary rolls', 'Accuracy']));
  await saveScreenshot(page, '01-start');
  watched.assertClean('start');
});

test('run scenario A (PrimaryRolls, defaults): the new sheet shows the engine forecast', async () => {
  const { page } = watched;
  const panel = await openPaneTab(page, 'Scenarios');
  await panel.getByRole('textbox', { name: 'Scenario name' }).fill(SCENARIO_A);
  await panel.getByRole('button', { name: 'Run scenario', exact: true }).click();
  await waitForStatus(page, `Scenario "${SCENARIO_A}" written`);
  await waitForSheet(page, `Forecast - ${SCENARIO_A}`);
  const grid = await readGrid(page);
  expect(grid.sheet).toBe(`Forecast - ${SCENARIO_A}`);

  // Every planning area and forecast year: each year group, the total and the low/high totals.
  const { checks, rowsFound } = forecastChecks(grid, expectedA);
  expect(rowsFound).toBe(expectedA.length * DEFAULTS.horizon);
  expect(checks.length).toBeGreaterThan(1000);
  expect(mismatches(checks)).toEqual([]);

  // The county rows of the district totals: sum over every area.
  const totalsHeaders = ['District', 'Year', ...YEAR_GROUPS, 'Total', 'Low total', 'High total'];
  const totalsRow = findHeaderRow(grid, totalsHeaders);
  expect(totalsRow).toBeGreaterThan(0);
  const totals = tableBody(grid, totalsRow, totalsHeaders.length);
  const county = totals.filter((r) => /county/i.test(r[0]));
  expect(county).toHaveLength(DEFAULTS.horizon);
  const countyChecks = county.flatMap((row, t) => {
    const all = expectedA.map((a) => a.rows[t]);
    expect(row[1]).toBe(all[0].year);
    return [
      ...YEAR_GROUPS.map((g, i) => ({ where: `county ${row[1]} ${g}`, shown: row[2 + i], expected: all.reduce((s, r) => s + r.values[i], 0) })),
      { where: `county ${row[1]} Total`, shown: row[9], expected: all.reduce((s, r) => s + r.total, 0) },
    ];
  });
  expect(mismatches(countyChecks)).toEqual([]);

  // The ratios used for the first and last planning areas (shown to 3 decimals).
  const ratioHeaders = ['District', 'Planning area', 'Ratio', 'Used', 'Low', 'High'];
  const ratioRow = findHeaderRow(grid, ratioHeaders);
  expect(ratioRow).toBeGreaterThan(0);
  const ratios = tableBody(grid, ratioRow, 7);
  const ratioChecks = [expectedA[0], expectedA[expectedA.length - 1]].flatMap((a) => {
    const own = ratios.filter((r) => r[0] === a.history.district && r[1] === a.history.area);
    expect(own).toHaveLength(1 + a.forecast.progression.length);
    const intake = a.forecast.intake;
    expect(intake).not.toBeNull();
    return [
      { where: `${a.history.area} intake`, shown: own[0][3], expected: intake!.value },
      { where: `${a.history.area} intake low`, shown: own[0][4], expected: intake!.low },
      { where: `${a.history.area} intake high`, shown: own[0][5], expected: intake!.high },
      ...a.forecast.progression.map((p, g) => ({ where: `${a.history.area} ${own[g + 1][2]}`, shown: own[g + 1][3], expected: p.value })),
    ];
  });
  expect(mismatches(ratioChecks)).toEqual([]);

  await saveScreenshot(page, '02-scenario-run');
  // The pane's status area sits above the panels: scroll up to see (and photograph) the run's message.
  await pane(page).evaluate((el) => el.scrollTo(0, 0));
  await saveScreenshot(page, '02b-scenario-run-status');
  watched.assertClean('run scenario');
});

test('save scenario A, then scenario B with pooled ratios and a 7-year horizon', async () => {
  const { page } = watched;
  const panel = await openPaneTab(page, 'Scenarios');
  await panel.getByRole('button', { name: 'Save scenario', exact: true }).click();
  await waitForStatus(page, `Scenario "${SCENARIO_A}" saved in the workbook`);

  await panel.getByRole('textbox', { name: 'Scenario name' }).fill(SCENARIO_B);
  await panel.getByRole('combobox', { name: 'Averaging method' }).selectOption('pooled');
  const horizon = panel.getByRole('spinbutton', { name: 'Horizon in years' });
  await horizon.fill(String(B_PARAMETERS.horizon));
  await horizon.press('Tab');
  await expect(horizon.inputValue()).resolves.toBe(String(B_PARAMETERS.horizon));
  await panel.getByRole('button', { name: 'Save scenario', exact: true }).click();
  await waitForStatus(page, `Scenario "${SCENARIO_B}" saved in the workbook`);

  const savedList = panel.getByRole('list', { name: 'Saved scenarios' });
  await expect(savedList.getByRole('listitem').allTextContents()).resolves.toEqual([
    expect.stringContaining(SCENARIO_A),
    expect.stringContaining(SCENARIO_B),
  ]);
  await saveScreenshot(page, '03-scenarios-saved');
  watched.assertClean('save scenarios');
});

test('compare A and B: the comparison sheet appears with the engine totals of both', async () => {
  const { page } = watched;
  const panel = await openPaneTab(page, 'Compare');
  const pickA = panel.getByRole('combobox', { name: 'Scenario A' });
  const pickB = panel.getByRole('combobox', { name: 'Scenario B' });
  await expect(pickA.locator('option:checked').textContent()).resolves.toBe(SCENARIO_A);
  await expect(pickB.locator('option:checked').textContent()).resolves.toBe(SCENARIO_B);
  await panel.getByRole('button', { name: 'Write comparison', exact: true }).click();
  await waitForStatus(page, `Comparison of "${SCENARIO_A}" and "${SCENARIO_B}" written`);
  const sheet = `Compare - ${SCENARIO_A} vs ${SCENARIO_B}`;
  await waitForSheet(page, sheet);
  const grid = await readGrid(page);
  expect(grid.sheet).toBe(sheet);

  const headers = ['District', 'Planning area', 'Year', 'Scenario A', 'Scenario B', 'Difference (B - A)', '% difference'];
  const headerRow = findHeaderRow(grid, headers);
  expect(headerRow).toBeGreaterThan(0);
  const body = tableBody(grid, headerRow, headers.length);
  // A has 5 years per area, B has 7: 7 rows per area, the last 2 with no A figure.
  expect(body).toHaveLength(expectedB.reduce((n, a) => n + a.rows.length, 0));
  const byKey = new Map(body.map((row) => [`${row[0]}|${row[1]}|${row[2]}`, row]));
  const checks: { where: string; shown: string; expected: number }[] = [];
  expectedB.forEach((b, i) => {
    const a = expectedA[i];
    b.rows.forEach((rb, t) => {
      const row = byKey.get(`${rb.district}|${rb.area}|${rb.year}`);
      expect(row).toBeDefined();
      checks.push({ where: `${rb.area} ${rb.year} B`, shown: row![4], expected: rb.total });
      const ra = a.rows[t];
      if (ra) {
        expect(ra.year).toBe(rb.year);
        checks.push({ where: `${ra.area} ${ra.year} A`, shown: row![3], expected: ra.total });
        checks.push({ where: `${ra.area} ${ra.year} B - A`, shown: row![5], expected: rb.total - ra.total });
      } else {
        expect(row![3]).toBe('');
        expect(row![5]).toBe('');
      }
    });
  });
  expect(mismatches(checks)).toEqual([]);
  // Pooled and mean ratios really differ somewhere (the comparison is not of two equal runs).
  expect(body.some((row) => row[5] !== '' && row[5] !== '0' && row[5] !== '-0')).toBe(true);

  await saveScreenshot(page, '04-comparison');
  watched.assertClean('compare');
});

test('accuracy review: the count outside tolerance equals the engine accuracyBy on AccuracyReview', async () => {
  const { page } = watched;
  const expected = await expectedAccuracy(0.01);
  const panel = await openPaneTab(page, 'Accuracy');
  const outside = panel.getByTestId('accuracy-outside');
  await outside.waitFor({ timeout: 30_000 });
  expect(await panel.getByRole('combobox', { name: 'Forecast and actual rolls' }).inputValue()).toBe('table:AccuracyReview');
  if (expected.phase !== null) expect(await panel.getByRole('combobox', { name: 'Phase' }).inputValue()).toBe(expected.phase);
  const previewText = (await outside.textContent()) ?? '';
  expect(previewText).toContain(`${expected.result.outsideTolerance} of ${expected.result.rows.length}`);
  // The sample is meant to have districts on both sides of the tolerance.
  expect(expected.result.outsideTolerance).toBeGreaterThan(0);
  expect(expected.result.outsideTolerance).toBeLessThan(expected.result.rows.length);

  await panel.getByRole('button', { name: 'Write accuracy review', exact: true }).click();
  const message = await waitForStatus(page, 'Accuracy review');
  expect(message).toContain(`${expected.result.outsideTolerance} of ${expected.result.rows.length} outside`);
  const sheet = `Accuracy - ${expected.phase ?? 'All phases'}`;
  await waitForSheet(page, sheet);
  const grid = await readGrid(page);
  const countRow = grid.cells.find((row) => /^Districts outside/.test(row[0] ?? ''));
  expect(countRow).toBeDefined();
  expect(countRow![1]).toBe(String(expected.result.outsideTolerance));

  // The table: each district's accuracy at the shown precision (0.0%) and its Yes/No flag.
  const headerRow = findHeaderRow(grid, ['District', 'Forecast', 'Actual', 'Difference', 'Accuracy']);
  expect(headerRow).toBeGreaterThan(0);
  const body = tableBody(grid, headerRow, 6).filter((r) => r[0] !== 'Total');
  expect(body.map((r) => r[0])).toEqual(expected.result.rows.map((r) => r.group));
  const checks = expected.result.rows.flatMap((r, i) => [
    { where: `${r.group} forecast`, shown: body[i][1], expected: r.forecast },
    { where: `${r.group} actual`, shown: body[i][2], expected: r.actual },
    { where: `${r.group} accuracy`, shown: body[i][4], expected: r.accuracy },
  ]);
  expect(mismatches(checks)).toEqual([]);
  expect(body.map((r) => r[5])).toEqual(expected.result.rows.map((r) => (r.withinTolerance ? 'Yes' : 'No')));
  expect(body.filter((r) => r[5] === 'No')).toHaveLength(expected.result.outsideTolerance);

  await saveScreenshot(page, '05-accuracy');
  watched.assertClean('accuracy review');
});

test('commissioning for scenario A: the sheet is written and the headline equals the model\'s commissioningFigures', async () => {
  const { page } = watched;
  const expected = await expectedCommissioning();
  expect(expected.districts).toBe(12);
  const panel = await openPaneTab(page, 'Commissioning');
  await panel.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ label: SCENARIO_A });
  await expect(panel.getByRole('combobox', { name: 'Scenario', exact: true }).locator('option:checked').textContent()).resolves.toBe(SCENARIO_A);
  await panel.getByRole('button', { name: 'Write commissioning sheet', exact: true }).click();
  await waitForStatus(page, `Commissioning for "${SCENARIO_A}" written`);
  await waitForSheet(page, `Commissioning - ${SCENARIO_A}`);

  const headline = panel.getByRole('region', { name: 'Headline figures' });
  await expect(headline.getByRole('heading').textContent()).resolves.toContain(SCENARIO_A);
  const atTarget = (await headline.getByTestId('kpi-at-target').textContent()) ?? '';
  expect(atTarget).toMatch(new RegExp(`^${expected.atOrAboveTarget} of ${expected.districts} districts at or above`));
  expect(atTarget).toContain(expected.year);
  const fe = /^([\d,]+(?:\.\d)?) FE/.exec((await headline.getByTestId('kpi-permanent-fe').textContent()) ?? '');
  expect(fe).not.toBeNull();
  // Shown to one decimal.
  expect(Math.abs(Number(fe![1].replace(/,/g, '')) - expected.permanentFe)).toBeLessThanOrEqual(0.05 + 1e-9);

  await saveScreenshot(page, '06-commissioning');
  watched.assertClean('commissioning');
});

test('scenario A as live KENT formulas: the grid works them out to the values sheet\'s figures', async () => {
  const { page } = watched;
  const values = await (async () => {
    await workbook(page).getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: `Forecast - ${SCENARIO_A}`, exact: true }).click();
    await waitForSheet(page, `Forecast - ${SCENARIO_A}`);
    return readGrid(page);
  })();
  const panel = await openPaneTab(page, 'Scenarios');
  await panel.getByRole('button', { name: `Load scenario ${SCENARIO_A}`, exact: true }).click();
  await waitForStatus(page, `Scenario "${SCENARIO_A}" loaded`);
  await waitForPaneReady(page);
  const liveName = `${SCENARIO_A} live`;
  await panel.getByRole('textbox', { name: 'Scenario name' }).fill(liveName);
  await panel.getByRole('radio', { name: 'Live KENT formulas', exact: true }).check();
  await panel.getByRole('button', { name: 'Run scenario', exact: true }).click();
  await waitForStatus(page, `Scenario "${liveName}" written`);
  await waitForSheet(page, `Forecast - ${liveName}`);
  const live = await readGrid(page);
  // The forecast really is formulas here: cells whose formula is a KENT.FORECAST spill.
  expect(await workbook(page).locator('td[title^="=KENT.FORECAST("]').count()).toBeGreaterThan(0);

  const headers = ['District', 'Planning area', 'Year', ...YEAR_GROUPS, 'Total'];
  const bodyOf = (grid: GridView) => {
    const at = findHeaderRow(grid, headers);
    expect(at).toBeGreaterThan(0);
    return tableBody(grid, at, headers.length);
  };
  const valueRows = bodyOf(values);
  const liveRows = bodyOf(live);
  expect(liveRows.map((r) => r.slice(0, 3))).toEqual(valueRows.map((r) => r.slice(0, 3)));
  // A few areas (first, middle, last), every forecast year: each year group and the total.
  const n = DEFAULTS.horizon;
  const sampleRows = [0, Math.floor(valueRows.length / n / 2) * n, valueRows.length - n].flatMap((start) => Array.from({ length: n }, (_, t) => start + t));
  const differences = sampleRows.flatMap((r) =>
    headers.slice(3).flatMap((h, i) => (liveRows[r][3 + i] === valueRows[r][3 + i] ? [] : [`${valueRows[r][1]} ${valueRows[r][2]} ${h}: live "${liveRows[r][3 + i]}", values "${valueRows[r][3 + i]}"`])),
  );
  expect(differences).toEqual([]);
  // Worked out, not shown as formula text or errors.
  for (const r of sampleRows) for (const text of liveRows[r].slice(3)) expect(text).toMatch(/^-?[\d,]+$/);

  await saveScreenshot(page, '07-live-formulas');
  watched.assertClean('live formulas');
});
