/**
 * Hardening (issue 6): the real task pane (App) on a MemoryGateway holding hostile workbook content:
 * a sheet named like a DDE formula, labels starting with = + - @, HTML in labels, error values
 * (#REF!, #DIV/0!, #N/A), 40,000-character strings, blank / merged / duplicate / error headers.
 *
 * Checked after every action:
 * - nothing is executed: at the Excel boundary (the cells the gateway would hand Excel, planned with
 *   the same write plan OfficeGateway uses) every piece of user text starting with = + - @ is sent
 *   with the quote prefix, values mode writes no formula at all, live formulas only refer to the input
 *   sheet through its properly quoted name; nothing user-written turns into HTML in the pane;
 * - nothing is overwritten: the input sheets are exactly as before every run; an existing non-empty
 *   target sheet is left alone until Replace is confirmed in a dialog that names it;
 * - every problem is shown in the pane in plain words naming the row, column or cell.
 */
import './setup-polyfills';
import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import type { CellValue, SheetWrite, WorkbookGateway, WriteOptions, WriteReport } from '../../src/excel/gateway';
import type { SheetData, WorkbookData } from '../../src/excel/workbook-data';
import { planWrites, readValue, isFormula, MAX_CELL_TEXT } from '../../src/excel/write-plan';
import { quoteSheetName } from '../../src/excel/a1';

jest.setTimeout(60_000);

// ---- hostile content ----
const DDE = "=cmd|' /C calc'!A0";
const HYPERLINK = '=HYPERLINK("http://evil.example/","click")';
const PLUS = '+1';
const MINUS = '-1';
const AT = '@SUM(1)';
const HTML = '<img src="x" onerror="window.__kppXss=1">';
const LONG = 'L'.repeat(40_000);
const HOSTILE_LABELS = [DDE, HYPERLINK, PLUS, MINUS, AT];
/** The input sheet's own name is a formula look-alike (valid in Excel: no []:*?/\). */
const INPUT_SHEET = DDE;
const SCENARIO = AT;
const TARGET = `Forecast - ${SCENARIO}`;

const HEADER: CellValue[] = ['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN'];
const YEARS = ['2019-20', '2020-21', '2021-22', '2022-23'];
const FUTURE = ['2023-24', '2024-25'];

function areaRows(district: string, area: string, base: number): CellValue[][] {
  const rows: CellValue[][] = YEARS.map((y, t) => [district, area, y, base + 3 * t, base - 2 + 3 * t, base - 4 + 2 * t, Math.round((base + 3 * t) * 1.04), base + 10]);
  for (const [j, y] of FUTURE.entries()) rows.push([district, area, y, null, null, null, Math.round((base + 12 + 3 * j) * 1.04), base + 10]);
  return rows;
}

/** The rolls table body, and where the bad cells are (worksheet row numbers: the header is row 1). */
function hostileRolls(): { values: CellValue[][]; refRow: number; div0Row: number; longRow: number } {
  const body: CellValue[][] = [
    ...areaRows(DDE, PLUS, 100),
    ...areaRows(DDE, MINUS, 80),
    ...areaRows(AT, HYPERLINK, 120),
    ...areaRows('Dover', AT, 60),
  ];
  const broken = areaRows('Dover', HTML, 70);
  broken[1][4] = '#REF!';
  broken[2][6] = '#DIV/0!';
  const refRow = body.length + 1 + 2; // header row + rows before + 2nd row of the area
  const div0Row = body.length + 1 + 3;
  body.push(...broken);
  const longArea = areaRows('Dover', LONG, 90);
  const longRow = body.length + 2;
  body.push(...longArea);
  return { values: [HEADER, ...body], refRow, div0Row, longRow };
}

function table(name: string, sheet: string, values: CellValue[][]): SheetData {
  const cols = Math.max(...values.map((r) => r.length));
  const letter = String.fromCharCode(64 + cols);
  return { name: sheet, values, tables: [{ name, range: `A1:${letter}${values.length}` }] };
}

const ROLLS = hostileRolls();

function hostileWorkbook(): WorkbookData {
  const accuracy: CellValue[][] = [
    ['District', 'Forecast', 'Actual'],
    [DDE, 1010, 1000],
    [PLUS, 980, 1000],
    [AT, 1003, 1000],
    [HTML, '#N/A', 1000],
    [LONG, 900, 1000],
    ['Thanet', 1000, '#DIV/0!'],
  ];
  const rolls8 = (header: CellValue[]) => [header, ...ROLLS.values.slice(1, 8)];
  return {
    sheets: [
      table('Rolls', INPUT_SHEET, ROLLS.values),
      table('BlankHeader', 'Blank header', rolls8([null, null, null, null, null, null, null, null])),
      table('MergedHeader', 'Merged header', [
        ['District', 'Planning area', 'Year', 'Rolls by year group', null, null, 'Births', 'PAN'],
        ...rolls8(['', '', '', 'R', 'Y1', 'Y2', '', '']),
      ]),
      table('DuplicateHeader', 'Duplicate header', rolls8(['District', 'Planning area', 'Year', 'R', 'Y1', 'Y1', 'Births', 'PAN'])),
      table('ErrorHeader', 'Error header', rolls8(['District', '#REF!', 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN'])),
      table('LongHeader', 'Long header', rolls8(['District', LONG, 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN'])),
      table('FormulaHeader', 'Formula header', rolls8([DDE, PLUS, MINUS, AT, 'R', 'Y1', 'Y2', 'Births'])),
      table('AccuracyReview', AT, accuracy),
      // Already holds the planner's work under the name the run wants to use.
      { name: TARGET, values: [['Keep me: the planner typed this'], [42]] },
    ],
    names: [],
    settings: {},
  };
}

const INPUT_SHEETS = [INPUT_SHEET, 'Blank header', 'Merged header', 'Duplicate header', 'Error header', 'Long header', 'Formula header', AT];

/** MemoryGateway that also records every write it is asked to make. */
class RecordingGateway extends MemoryGateway {
  readonly writes: SheetWrite[][] = [];
  override async writeSheets(writes: SheetWrite[], options?: WriteOptions): Promise<WriteReport> {
    this.writes.push(structuredClone(writes));
    return super.writeSheets(writes, options);
  }
}

function sheetOf(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) throw new Error(`no sheet ${name}; sheets: ${data.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

function inputsOf(data: WorkbookData): SheetData[] {
  return INPUT_SHEETS.map((n) => sheetOf(data, n));
}

/**
 * What would reach Excel for these writes (the plan OfficeGateway assigns to ranges): problems where
 * user text could run as a formula, and every formula sent.
 */
function excelBoundary(writes: SheetWrite[]): { problems: string[]; formulas: string[]; texts: string[] } {
  const problems: string[] = [];
  const formulas: string[] = [];
  const texts: string[] = [];
  for (const sheet of planWrites(writes, [])) {
    for (const block of sheet.blocks) {
      block.input.forEach((row) =>
        row.forEach((cell) => {
          if (typeof cell !== 'string') return;
          if (block.useFormulas && cell.startsWith('=')) {
            formulas.push(cell);
            return;
          }
          texts.push(cell);
          // Text Excel would reinterpret must carry the quote prefix.
          if (/^[=+\-@]/.test(cell)) problems.push(`${sheet.name} ${block.label}: "${cell.slice(0, 60)}" would be read by Excel as a formula`);
        }),
      );
    }
  }
  return { problems, formulas, texts };
}

function renderPane(gateway: WorkbookGateway) {
  const user = userEvent.setup();
  render(<App gateway={gateway} />);
  return user;
}

/** Every status message of the pane (the top area's and those beside the buttons), as text. */
function statusTexts(): string[] {
  return screen.queryAllByTestId('status-area').flatMap((area) => Array.from(area.children).map((c) => c.textContent ?? ''));
}

async function waitForStatus(text: string): Promise<string> {
  let hit = '';
  await waitFor(
    () => {
      const found = statusTexts().find((t) => t.includes(text));
      if (!found) throw new Error(`no status message with ${JSON.stringify(text)}; shown: ${JSON.stringify(statusTexts().map((t) => t.slice(0, 300)))}`);
      hit = found;
    },
    { timeout: 20_000 },
  );
  return hit;
}

function scenariosPanel(): HTMLElement {
  return document.getElementById('kpp-panel-scenarios') as HTMLElement;
}

async function chooseRolls(user: ReturnType<typeof userEvent.setup>, tableName: string): Promise<void> {
  const select = within(scenariosPanel()).getByRole('combobox', { name: 'Rolls table' });
  await waitFor(() => expect(within(select).getByRole('option', { name: new RegExp(`^${tableName} `) })).toBeInTheDocument(), { timeout: 10_000 });
  await waitFor(() => expect(select).not.toBeDisabled(), { timeout: 10_000 });
  await user.selectOptions(select, `table:${tableName}`);
}

function runButton(): HTMLElement {
  return within(scenariosPanel()).getByRole('button', { name: 'Run scenario' });
}

/** Clicks Run once the pane is no longer busy with the previous action (a disabled button ignores clicks). */
async function clickRun(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await waitFor(() => expect(runButton()).not.toBeDisabled(), { timeout: 20_000 });
  await user.click(runButton());
}

/** The text of the MessageBar whose title contains `title`, inside `container`. */
async function messageBar(container: HTMLElement, title: string): Promise<string> {
  let text = '';
  await waitFor(
    () => {
      const bars = Array.from(container.querySelectorAll('.fui-MessageBar')).map((b) => b.textContent ?? '');
      const hit = bars.find((b) => b.includes(title));
      if (!hit) throw new Error(`no message "${title}"; shown: ${JSON.stringify(bars.map((b) => b.slice(0, 200)))}`);
      text = hit;
    },
    { timeout: 10_000 },
  );
  return text;
}

function runButtonAny(): HTMLElement | null {
  return Array.from(scenariosPanel().querySelectorAll('button')).find((b) => b.textContent === 'Run scenario') ?? null;
}

/** For failure messages: how many writes the gateway under test was asked for. */
let gatewayWrites: (() => number) | null = null;

/** Answers the replace dialog and waits until it has closed (the rest of the pane is inert while it is open). */
async function answerDialog(user: ReturnType<typeof userEvent.setup>, button: 'Replace' | 'Cancel'): Promise<HTMLElement> {
  const found = await screen.findByRole(
    'alertdialog',
    {},
    {
      timeout: 20_000,
      // Worked out only on failure, so polling stays cheap.
      onTimeout: () =>
        new Error(
          `no replace dialog; status: ${JSON.stringify(statusTexts().map((t) => t.slice(0, 200)))}; writes: ${gatewayWrites?.() ?? -1}; ` +
            `dialogs hidden from the accessibility tree: ${screen.queryAllByRole('alertdialog', { hidden: true }).length}; ` +
            `Run disabled: ${(runButtonAny() as HTMLButtonElement | null)?.disabled}`,
        ),
    },
  );
  const text = found.textContent ?? '';
  await user.click(within(found).getByRole('button', { name: button }));
  await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 10_000 });
  await waitFor(() => expect(runButton()).toBeInTheDocument(), { timeout: 10_000 });
  const shown = document.createElement('div');
  shown.textContent = text;
  return shown;
}

function expectNoInjectedHtml(): void {
  expect(document.querySelector('img')).toBeNull();
  expect((window as unknown as Record<string, unknown>).__kppXss).toBeUndefined();
}

describe('the task pane on hostile workbook content', () => {
  test('runs on formula-like labels: nothing executed, inputs untouched, the occupied sheet only replaced when confirmed', async () => {
    const gateway = new RecordingGateway(hostileWorkbook());
    gatewayWrites = () => gateway.writes.length;
    const before = gateway.snapshot();
    const user = renderPane(gateway);
    await chooseRolls(user, 'Rolls');

    // The bad rows are reported, naming row, column and value; the good areas remain usable.
    const leftOut = await messageBar(scenariosPanel(), 'will be left out');
    expect(leftOut).toContain(`Row ${ROLLS.refRow}, column Y1: the cell shows the error #REF!`);
    expect(leftOut).toContain(`Row ${ROLLS.div0Row}, column Births: the cell shows the error #DIV/0!`);
    expect(leftOut).toMatch(new RegExp(`Row ${ROLLS.longRow}, column Planning area: the text is 40,000 characters long`));
    expect(leftOut).not.toContain(LONG.slice(0, 200));
    expectNoInjectedHtml();
    await waitFor(() => expect(runButton()).not.toBeDisabled(), { timeout: 10_000 });

    const name = within(scenariosPanel()).getByRole('textbox', { name: 'Scenario name' });
    await user.clear(name);
    await user.type(name, SCENARIO);
    const assumptions = within(scenariosPanel()).getByRole('textbox', { name: 'Assumptions' });
    await user.click(assumptions);
    await user.paste(`${DDE} ${PLUS}`);

    // 1. Run: the target sheet holds data, so the pane asks, naming it; Cancel leaves everything.
    await clickRun(user);
    const dialog = await answerDialog(user, 'Cancel');
    expect(dialog.textContent).toContain(`"${TARGET}"`);
    await waitForStatus('Nothing written');
    expect(gateway.writes).toHaveLength(0);
    expect(gateway.snapshot()).toEqual(before);

    // 2. Run again and confirm Replace: values mode.
    await clickRun(user);
    expect((await answerDialog(user, 'Replace')).textContent).toContain(`"${TARGET}"`);
    const done = await waitForStatus(`Scenario "${SCENARIO}" written`);
    expect(done).toContain('Left out:');
    const afterValues = gateway.snapshot();
    expect(inputsOf(afterValues)).toEqual(inputsOf(before));
    const target = sheetOf(afterValues, TARGET);
    expect(target.values.flat()).not.toContain('Keep me: the planner typed this');

    // Nothing that came from user text is a formula, at the Excel boundary and in the stored sheet.
    expect(gateway.writes).toHaveLength(1);
    const boundary = excelBoundary(gateway.writes[0]);
    expect(boundary.problems).toEqual([]);
    expect(boundary.formulas).toEqual([]);
    expect(target.values.flat().filter((v) => isFormula(v))).toEqual([]);
    const shown = target.values.flat().map((v) => readValue(v));
    for (const label of [...HOSTILE_LABELS, `${DDE} ${PLUS}`]) {
      expect(shown).toContain(label);
      // Stored as literal text: formula look-alikes carry the quote prefix in the stored cell.
      for (const v of target.values.flat()) if (readValue(v) === label && label.startsWith('=')) expect(v).toBe(`'${label}`);
    }
    expectNoInjectedHtml();

    // 3. Live KENT formulas: again only after confirming; formulas refer to the input sheet by its quoted name.
    await user.click(within(scenariosPanel()).getByRole('radio', { name: 'Live KENT formulas' }));
    await clickRun(user);
    await answerDialog(user, 'Replace');
    await waitFor(() => expect(gateway.writes).toHaveLength(2), { timeout: 20_000 });
    // Pressing Run again cleared the earlier outcome beside the button: this one is the live run's.
    await waitFor(() => expect(statusTexts().find((t) => t.includes(`Scenario "${SCENARIO}" written`))).toMatch(/as live KENT formulas/), { timeout: 20_000 });
    const live = excelBoundary(gateway.writes[1]);
    expect(live.problems).toEqual([]);
    expect(live.formulas.length).toBeGreaterThan(0);
    const quoted = `${quoteSheetName(INPUT_SHEET)}!`;
    expect(quoted).toBe(`'=cmd|'' /C calc''!A0'!`);
    const forecasts = live.formulas.filter((f) => f.includes('KENT.FORECAST'));
    expect(forecasts.length).toBeGreaterThan(0);
    for (const f of live.formulas) {
      // Take out every properly quoted reference to the input sheet: what is left must not mention it.
      const rest = f.split(quoted).join('');
      expect(rest).not.toContain('cmd|');
      expect(rest).not.toMatch(/HYPERLINK|@SUM/);
    }
    for (const f of forecasts) expect(f).toContain(quoted);
    const liveTarget = sheetOf(gateway.snapshot(), TARGET);
    for (const v of liveTarget.values.flat()) {
      if (isFormula(v)) expect(v).toMatch(/^=(KENT\.|SUM\(|[A-Z]+\$?\d|'=cmd\|'' \/C calc''!A0'!|\$)/);
    }
    expect(inputsOf(gateway.snapshot())).toEqual(inputsOf(before));
    expectNoInjectedHtml();
  });

  test.each([
    ['BlankHeader', /No year-group columns were recognised.*Columns 1-8 have blank headers/],
    ['MergedHeader', /No year-group columns were recognised.*Columns 5-6 have blank headers/],
    ['DuplicateHeader', /Y1 appears in two columns: column 5 \("Y1"\) and column 6 \("Y1"\)/],
    ['ErrorHeader', /The header of column 2 shows the error #REF!/],
    ['LongHeader', /The header of column 2 is 40,000 characters long/],
    ['FormulaHeader', /The header of column 1 \("=cmd\|' \/C calc'!A0"\) looks like a formula/],
  ])('table %s: the problem with its header row is shown in plain words and nothing can run', async (tableName, message) => {
    const gateway = new RecordingGateway(hostileWorkbook());
    const before = gateway.snapshot();
    const user = renderPane(gateway);
    await chooseRolls(user, tableName);
    const text = await messageBar(scenariosPanel(), 'cannot be used as rolls yet');
    expect(text).toContain(`table "${tableName}"`);
    expect(text).toMatch(message);
    expect(text.length).toBeLessThan(2000); // a 40,000-character header is not poured into the pane
    expect(runButton()).toBeDisabled();
    expect(within(scenariosPanel()).getByRole('button', { name: 'Save scenario' })).toBeDisabled();
    expectNoInjectedHtml();
    expect(gateway.writes).toHaveLength(0);
    expect(gateway.snapshot()).toEqual(before);
  });

  test('over-long assumptions or scenario names are refused with a plain message, writing nothing', async () => {
    const gateway = new RecordingGateway(hostileWorkbook());
    const before = gateway.snapshot();
    const user = renderPane(gateway);
    await chooseRolls(user, 'Rolls');
    await waitFor(() => expect(runButton()).not.toBeDisabled(), { timeout: 10_000 });

    const assumptions = within(scenariosPanel()).getByRole('textbox', { name: 'Assumptions' });
    await user.click(assumptions);
    await user.paste(LONG);
    const refused = await messageBar(scenariosPanel(), 'Check the parameters');
    expect(refused).toMatch(/assumptions are 40,000 characters long/);
    expect(runButton()).toBeDisabled();
    await user.clear(assumptions);
    await waitFor(() => expect(runButton()).not.toBeDisabled());

    // A 40,000-character scenario name: either refused up front or the write fails naming the cell; never written.
    const name = within(scenariosPanel()).getByRole('textbox', { name: 'Scenario name' });
    await user.clear(name);
    await user.click(name);
    await user.paste(LONG);
    if (!(runButton() as HTMLButtonElement).disabled) {
      await clickRun(user);
      const failed = await waitForStatus('Could not');
      expect(failed).toMatch(new RegExp(`${MAX_CELL_TEXT.toLocaleString('en-GB')}|characters`));
      expect(failed.length).toBeLessThan(3000);
    }
    expect(gateway.snapshot()).toEqual(before);
  });

  test('accuracy review of hostile district names: problems named by row, names written as text, input untouched', async () => {
    const gateway = new RecordingGateway(hostileWorkbook());
    const before = gateway.snapshot();
    const user = renderPane(gateway);
    await user.click(screen.getByRole('tab', { name: 'Accuracy' }));
    const panel = document.getElementById('kpp-panel-accuracy') as HTMLElement;
    const select = within(panel).getByRole('combobox', { name: 'Forecast and actual rolls' });
    await waitFor(() => expect(select).not.toBeDisabled(), { timeout: 10_000 });
    await user.selectOptions(select, 'table:AccuracyReview');
    const leftOut = await messageBar(panel, 'were left out');
    // Rows are counted from the header row (row 1): the #N/A forecast is row 5, the long name row 6, #DIV/0! row 7.
    expect(leftOut).toMatch(/Row 5\b[^.]*#N\/A/);
    expect(leftOut).toMatch(/Row 6\b[^.]*40,000 characters/);
    expect(leftOut).toMatch(/Row 7\b[^.]*#DIV\/0!/);
    expect(leftOut).not.toContain(LONG.slice(0, 200));
    expectNoInjectedHtml();

    await user.click(within(panel).getByRole('button', { name: 'Write accuracy review' }));
    await waitForStatus('Accuracy review');
    const after = gateway.snapshot();
    expect(inputsOf(after)).toEqual(inputsOf(before));
    expect(gateway.writes).toHaveLength(1);
    const boundary = excelBoundary(gateway.writes[0]);
    expect(boundary.problems).toEqual([]);
    expect(boundary.formulas).toEqual([]);
    const review = after.sheets.find((s) => s.name.startsWith('Accuracy - '));
    expect(review).toBeDefined();
    const shown = review!.values.flat().map((v) => readValue(v));
    for (const label of [DDE, PLUS, AT]) expect(shown).toContain(label);
    expect(review!.values.flat().filter((v) => isFormula(v))).toEqual([]);
    expectNoInjectedHtml();
  });
});

afterEach(() => {
  // Let pending React updates settle before the next test renders.
  return act(async () => undefined);
});
