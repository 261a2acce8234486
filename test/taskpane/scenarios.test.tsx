import './setup-polyfills';
import { compareSheet, renderPane, screen, waitFor, waitForStatus, within } from './helpers';
import { fixtureWorkbook, ROLLS_HEADER } from './fixtures';
import { detectLayout, parseRolls, type RollsLayout } from '../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS, SCENARIOS_SETTING, type Scenario, type ScenarioParameters } from '../../src/taskpane/model/scenario';
import { ADDIN_VERSION, runScenario, scenarioSheets } from '../../src/taskpane/model/run';
import { today } from '../../src/taskpane/run-saved';
import type { WorkbookData } from '../../src/excel/workbook-data';

jest.setTimeout(30000);

function panel(): HTMLElement {
  return screen.getByRole('tabpanel', { name: 'Scenarios' });
}

/** Renders the pane and waits until the default rolls table has been read. */
async function ready(data?: WorkbookData, options?: { stepDelayMs?: number }) {
  const pane = renderPane(data, options);
  await within(panel()).findByText(/4 planning areas in 2 districts/, undefined, { timeout: 5000 });
  return pane;
}

/** What the pane should have written for a scenario on the fixture's Rolls table, built straight from the model. */
function expectedSheets(
  data: WorkbookData,
  name: string,
  parameters: ScenarioParameters,
  layout: RollsLayout = detectLayout(ROLLS_HEADER),
  mode: 'values' | 'live' = 'values',
) {
  const rollsSheet = data.sheets.find((s) => s.name === 'Rolls')!;
  const scenario: Scenario = {
    id: 'expected',
    name,
    input: { kind: 'table', name: 'Rolls' },
    inputLabel: 'table "Rolls"',
    layout,
    parameters,
    savedAt: '',
  };
  const { areas } = parseRolls(rollsSheet.values, layout);
  const result = runScenario(scenario, areas);
  return scenarioSheets(result, {
    mode,
    inputSheet: 'Rolls',
    inputAddress: `A1:H${rollsSheet.values.length}`,
    version: ADDIN_VERSION,
    date: today(),
  });
}

test('preselects the first rolls table and shows the recognised columns', async () => {
  await ready();
  const p = panel();
  expect(within(p).getByRole('combobox', { name: 'Rolls table' })).toHaveValue('table:Rolls');
  const columns = within(p).getByRole('list', { name: 'Columns recognised' });
  const rows = within(columns).getAllByRole('listitem').map((li) => li.textContent);
  expect(rows).toEqual(
    expect.arrayContaining([
      'DistrictDistrict',
      'YearYear (e.g. 2019-20)',
      'RRoll: Reception',
      'Y1Roll: Year 1',
      'Y2Roll: Year 2',
      'BirthsBirths / feeder Year 6 (intake driver)',
      'PANPAN / capacity',
    ]),
  );
  expect(within(p).getByText(/4 planning areas in 2 districts, 4 years of rolls \(2019-20 to 2022-23\), Reception to Year 2, with an intake driver/)).toBeInTheDocument();
});

test('asks about the ambiguous "Group" column and follows the answer', async () => {
  const { user } = await ready();
  const p = panel();
  const question = within(p).getByRole('combobox', { name: 'What is the column "Group"?' });
  // The pane's guess is shown, but it asks.
  expect(question).toHaveValue('area');
  expect(within(p).getByText('A guess: please confirm or change.')).toBeInTheDocument();
  expect(within(p).getByText('Please confirm the highlighted column.')).toBeInTheDocument();

  // A wrong answer (a second District column) makes the table unusable, and the pane says why.
  await user.selectOptions(question, 'district');
  expect(await within(p).findByText(/cannot be used as rolls yet/)).toBeInTheDocument();
  expect(within(p).getByText(/Only one column can be the District column/)).toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeDisabled();

  // The right answer: usable again, and no longer waiting for confirmation.
  await user.selectOptions(question, 'area');
  await within(p).findByText(/4 planning areas in 2 districts/);
  expect(within(p).queryByText(/cannot be used as rolls yet/)).not.toBeInTheDocument();
  expect(within(p).queryByText('Please confirm the highlighted column.')).not.toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeEnabled();
});

test('saves a scenario: it appears in the list and in the workbook settings', async () => {
  const { user, gateway } = await ready();
  const p = panel();
  const name = within(p).getByRole('textbox', { name: 'Scenario name' });
  await user.clear(name);
  await user.type(name, 'Central');
  await user.selectOptions(within(p).getByRole('combobox', { name: 'Averaging method' }), 'pooled');
  await user.click(within(p).getByRole('button', { name: 'Save scenario' }));

  await waitForStatus('Scenario "Central" saved in the workbook');
  const saved = within(p).getByRole('list', { name: 'Saved scenarios' });
  expect(within(saved).getByText('Central')).toBeInTheDocument();
  expect(within(saved).getByRole('button', { name: 'Load scenario Central' })).toBeInTheDocument();

  const stored = JSON.parse(gateway.snapshot().settings![SCENARIOS_SETTING]) as Scenario[];
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    name: 'Central',
    input: { kind: 'table', name: 'Rolls' },
    parameters: { ...DEFAULT_PARAMETERS, method: 'pooled' },
  });
  expect(stored[0].layout.columns.map((c) => c.role)).toEqual(['district', 'area', 'year', 'yearGroup', 'yearGroup', 'yearGroup', 'driver', 'capacity']);

  // Saving again under the same name replaces it rather than adding a second one.
  await user.click(within(p).getByRole('button', { name: 'Save scenario' }));
  await waitForStatus('Scenario "Central" updated in the workbook');
  expect(JSON.parse(gateway.snapshot().settings![SCENARIOS_SETTING])).toHaveLength(1);

  // Delete removes it from the list and the workbook.
  await user.click(within(saved).getByRole('button', { name: 'Delete scenario Central' }));
  await waitForStatus('Scenario "Central" deleted');
  expect(within(saved).queryByText('Central')).not.toBeInTheDocument();
  expect(JSON.parse(gateway.snapshot().settings![SCENARIOS_SETTING])).toEqual([]);
});

test('loading a saved scenario restores its parameters and name', async () => {
  const { user } = await ready();
  const p = panel();
  const horizon = within(p).getByRole('spinbutton', { name: 'Horizon in years' });
  await user.clear(horizon);
  await user.type(horizon, '3');
  await user.tab();
  await user.click(within(p).getByRole('button', { name: 'Save scenario' }));
  await waitForStatus('Scenario "Baseline" saved');

  const name = within(p).getByRole('textbox', { name: 'Scenario name' });
  await user.clear(name);
  await user.type(name, 'Other');
  await user.clear(horizon);
  await user.type(horizon, '7');
  await user.tab();
  expect(horizon).toHaveValue('7');

  await user.click(within(p).getByRole('button', { name: 'Load scenario Baseline' }));
  await waitFor(() => expect(within(p).getByRole('textbox', { name: 'Scenario name' })).toHaveValue('Baseline'));
  expect(within(p).getByRole('spinbutton', { name: 'Horizon in years' })).toHaveValue('3');
});

test('runs a scenario: a new sheet holds exactly the model output', async () => {
  const { user, gateway } = await ready();
  const p = panel();
  const before = gateway.snapshot();
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  const message = await waitForStatus('Scenario "Baseline" written');
  expect(message).toMatch(/4 planning areas forecast 5 years ahead/);

  const after = gateway.snapshot();
  const expected = expectedSheets(before, 'Baseline', DEFAULT_PARAMETERS);
  expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), ...expected.map((w) => w.sheet)]);
  for (const write of expected) {
    const { mismatches, compared } = compareSheet(after, write);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }
  // The input table was not touched.
  expect(after.sheets.find((s) => s.name === 'Rolls')).toEqual(before.sheets.find((s) => s.name === 'Rolls'));
});

test('"Live KENT formulas" writes the model\'s formulas referring to the input cells', async () => {
  const { user, gateway } = await ready();
  const p = panel();
  const before = gateway.snapshot();
  await user.click(within(p).getByRole('radio', { name: 'Live KENT formulas' }));
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  expect(await waitForStatus('Scenario "Baseline" written')).toMatch(/as live KENT formulas/);
  const after = gateway.snapshot();
  const expected = expectedSheets(before, 'Baseline', DEFAULT_PARAMETERS, undefined, 'live');
  for (const write of expected) expect(compareSheet(after, write).mismatches).toEqual([]);
  const cells = after.sheets.find((s) => s.name === expected[0].sheet)!.values.flat();
  expect(cells.some((v) => typeof v === 'string' && v.startsWith('=KENT.FORECAST('))).toBe(true);
});

test('parameter problems are shown beside the fields and block the run', async () => {
  const { user } = await ready();
  const p = panel();
  const low = within(p).getByRole('textbox', { name: 'Target surplus, minimum percent' });
  await user.clear(low);
  await user.type(low, '9');
  expect(await within(p).findByText(/The target surplus \(9%\) cannot be above the top of the target band \(7%\)/)).toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeDisabled();

  await user.clear(low);
  await user.type(low, 'five');
  expect(await within(p).findByText('Enter a number for the target surplus.')).toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Save scenario' })).toBeDisabled();

  await user.clear(low);
  await user.type(low, '5');
  await waitFor(() => expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeEnabled());
});

test('a sheet that already holds data: the dialog names it; Cancel leaves it, Replace overwrites it', async () => {
  const { user, gateway } = await ready();
  const p = panel();
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  await waitForStatus('Scenario "Baseline" written');
  const first = gateway.snapshot();
  const sheetName = expectedSheets(first, 'Baseline', DEFAULT_PARAMETERS)[0].sheet;

  // Change the horizon so a second run would write something different.
  const horizon = within(p).getByRole('spinbutton', { name: 'Horizon in years' });
  await user.clear(horizon);
  await user.type(horizon, '3');
  await user.tab();

  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  let dialog = await screen.findByRole('alertdialog');
  expect(dialog).toHaveTextContent(`The sheet "${sheetName}" already holds data.`);
  // Keyboard: focus starts on Replace and stays inside the dialog.
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Replace' })).toHaveFocus());
  await user.tab();
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitForStatus(`Sheet "${sheetName}" was left as it was.`);
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(gateway.snapshot()).toEqual(first);

  // (the rest of the pane is back in the accessibility tree once the dialog has gone)
  await user.click(await within(p).findByRole('button', { name: 'Run scenario' }));
  dialog = await screen.findByRole('alertdialog');
  await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
  await waitForStatus(/Scenario "Baseline" written[\s\S]*3 years ahead/);
  const after = gateway.snapshot();
  const expected = expectedSheets(first, 'Baseline', { ...DEFAULT_PARAMETERS, horizon: 3 });
  expect(expected[0].sheet).toBe(sheetName);
  expect(after.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
  for (const write of expected) expect(compareSheet(after, write).mismatches).toEqual([]);
});

test('Cancel while writing leaves nothing behind', async () => {
  // A slow memory workbook (a pause between write steps) so the Cancel button can be pressed mid-write.
  const { user, gateway } = await ready(fixtureWorkbook(), { stepDelayMs: 150 });
  const p = panel();
  const before = gateway.snapshot();
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  expect(await within(p).findByRole('progressbar')).toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeDisabled();
  await user.click(within(p).getByRole('button', { name: 'Cancel writing' }));
  await waitForStatus('Nothing was written: the workbook is as it was before.');
  expect(gateway.snapshot()).toEqual(before);
  await waitFor(() => expect(within(p).queryByRole('progressbar')).not.toBeInTheDocument());
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeEnabled();
});

test('a table that is not a rolls table: the pane names it and says what is wrong', async () => {
  const { user } = await ready();
  const p = panel();
  await user.selectOptions(within(p).getByRole('combobox', { name: 'Rolls table' }), 'table:Notes');
  expect(await within(p).findByText('The table "Notes" (Notes!A1:B2) cannot be used as rolls yet')).toBeInTheDocument();
  expect(within(p).getByText(/No year-group columns were recognised/)).toBeInTheDocument();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toBeDisabled();
});

test('an input that cannot be read is reported with its name', async () => {
  const data = fixtureWorkbook();
  data.names = [{ name: 'OldRolls', sheet: 'Deleted sheet', range: 'A1:H20' }];
  const { user } = await ready(data);
  const p = panel();
  await user.selectOptions(within(p).getByRole('combobox', { name: 'Rolls table' }), 'name:OldRolls');
  const message = await waitForStatus('Could not read named range "OldRolls"');
  expect(message).toMatch(/Sheet 'Deleted sheet' was not found/);
});

test('rows with bad values are named and left out', async () => {
  const data = fixtureWorkbook();
  data.sheets[0].values[3][4] = 'n/a'; // Ashford North, 2021-22, Y1
  const { user, gateway } = renderPane(data);
  const p = panel();
  expect(await within(p).findByText(/3 planning areas in 2 districts/)).toBeInTheDocument();
  expect(within(p).getByText(/Row 4, column Y1: 'n\/a' is not a number/)).toBeInTheDocument();
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  const message = await waitForStatus('Scenario "Baseline" written');
  expect(message).toMatch(/3 planning areas forecast/);
  expect(message).toMatch(/Left out: .*Ashford North/);
  expect(gateway.snapshot().sheets).toHaveLength(4);
});
