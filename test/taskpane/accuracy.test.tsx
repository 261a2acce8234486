import './setup-polyfills';
import { compareSheet, openTab, renderPane, waitFor, waitForStatus, within } from './helpers';
import { ADDIN_VERSION, accuracySheet } from '../../src/taskpane/model/run';
import { today } from '../../src/taskpane/run-saved';
import { ACCURACY_ROWS, fixtureWorkbook } from './fixtures';

jest.setTimeout(30000);

async function accuracyPanel() {
  const pane = renderPane();
  const panel = await openTab(pane.user, 'Accuracy');
  await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Forecast and actual rolls' })).toHaveValue('table:AccuracyReview'));
  await within(panel).findByTestId('accuracy-outside');
  return { ...pane, panel };
}

test('preselects the accuracy table, filters by phase and previews the count outside tolerance and the MAPE', async () => {
  const { user, panel } = await accuracyPanel();
  const phase = within(panel).getByRole('combobox', { name: 'Phase' });
  expect(phase).toHaveValue('Primary');
  // Primary: +1.0% (on the edge, within), -2.0%, +0.3% -> 1 outside; MAPE (1 + 2 + 0.3) / 3 = 1.1%.
  expect(within(panel).getByTestId('accuracy-outside')).toHaveTextContent('1 of 3 outside ±1%');
  expect(within(panel).getByTestId('accuracy-mape')).toHaveTextContent('1.1% mean absolute percentage error');

  // Secondary: -3.8%, +1.4%, 0% -> 2 outside.
  await user.selectOptions(phase, 'Secondary');
  await waitFor(() => expect(within(panel).getByTestId('accuracy-outside')).toHaveTextContent('2 of 3 outside ±1%'));

  // A wider tolerance: none outside.
  const tolerance = within(panel).getByRole('textbox', { name: 'Tolerance in percent' });
  await user.clear(tolerance);
  await user.type(tolerance, '5');
  await waitFor(() => expect(within(panel).getByTestId('accuracy-outside')).toHaveTextContent('0 of 3 outside ±5%'));

  // All phases together: each district's primary and secondary are summed (all within 1%).
  await user.clear(tolerance);
  await user.type(tolerance, '1');
  await user.selectOptions(phase, '*');
  await waitFor(() => expect(within(panel).getByTestId('accuracy-outside')).toHaveTextContent('0 of 3 outside ±1%'));
});

test('writes the accuracy review for a phase, equal to the model output, and reports the count outside', async () => {
  const { user, panel, gateway } = await accuracyPanel();
  await user.selectOptions(within(panel).getByRole('combobox', { name: 'Phase' }), 'Secondary');
  await user.click(within(panel).getByRole('button', { name: 'Write accuracy review' }));
  const message = await waitForStatus('Accuracy review "Secondary" written');
  expect(message).toMatch(/2 of 3 outside ±1%/);

  const secondary = ACCURACY_ROWS.filter((r) => r[1] === 'Secondary');
  const expected = accuracySheet(
    { groups: secondary.map((r) => r[0]), forecast: secondary.map((r) => r[2]), actual: secondary.map((r) => r[3]), tolerance: 0.01, label: 'Secondary' },
    { mode: 'values', inputSheet: 'Accuracy', inputAddress: `A1:D${ACCURACY_ROWS.length + 1}`, version: ADDIN_VERSION, date: today() },
  );
  const before = fixtureWorkbook();
  const after = gateway.snapshot();
  expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), expected.sheet]);
  const { mismatches, compared } = compareSheet(after, expected);
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(20);
});

test('a tolerance that is not a number is explained and blocks the write', async () => {
  const { user, panel } = await accuracyPanel();
  const tolerance = within(panel).getByRole('textbox', { name: 'Tolerance in percent' });
  await user.clear(tolerance);
  await user.type(tolerance, 'one');
  expect(await within(panel).findByText('Enter the tolerance as a percentage, e.g. 1 for ±1%.')).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Write accuracy review' })).toBeDisabled();
});

test('a table without forecast and actual columns: the pane names it and says what is missing', async () => {
  const { user, panel } = await accuracyPanel();
  await user.selectOptions(within(panel).getByRole('combobox', { name: 'Forecast and actual rolls' }), 'table:Notes');
  expect(await within(panel).findByText('The table "Notes" (Notes!A1:B2) cannot be used for the accuracy review')).toBeInTheDocument();
  expect(within(panel).getByText(/no District \(or Group \/ Planning area\), Forecast, Actual column was found/)).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Write accuracy review' })).toBeDisabled();
});
