import './setup-polyfills';
import { compareSheet, fixtureScenario, modelRun, openTab, renderPane, waitFor, waitForStatus, within, workbookWithScenarios } from './helpers';
import { comparisonSheet } from '../../src/taskpane/model/run';

jest.setTimeout(30000);

const baseline = fixtureScenario('s-base', 'Baseline');
const pooled = fixtureScenario('s-pooled', 'Pooled', { method: 'pooled', ratioYears: 2 });

test('writes the comparison of two saved scenarios, equal to the model output', async () => {
  const data = await workbookWithScenarios([baseline, pooled]);
  const { user, gateway } = renderPane(data);
  const panel = await openTab(user, 'Compare');
  const a = within(panel).getByRole('combobox', { name: 'Scenario A' });
  const b = within(panel).getByRole('combobox', { name: 'Scenario B' });
  await waitFor(() => expect(b).toHaveValue('s-pooled'));
  expect(a).toHaveValue('s-base');

  await user.click(within(panel).getByRole('button', { name: 'Write comparison' }));
  await waitForStatus('Comparison of "Baseline" and "Pooled" written');

  const runA = modelRun(data, baseline);
  const runB = modelRun(data, pooled);
  const expected = comparisonSheet(runA.result, runB.result, runA.ctx('values'));
  const after = gateway.snapshot();
  expect(after.sheets.map((s) => s.name)).toEqual([...data.sheets.map((s) => s.name), expected.sheet]);
  const { mismatches, compared } = compareSheet(after, expected);
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(50);

  // The pane's preview: county totals per forecast year and the difference B - A.
  const table = within(panel).getByRole('table', { name: 'Total pupils by forecast year' });
  const firstRow = within(table).getAllByRole('row')[1];
  const total = (r: typeof runA.result) => r.areas.reduce((s, x) => s + x.forecast.forecast[0].reduce((t, v) => t + v, 0), 0);
  const cells = within(firstRow).getAllByRole('cell').map((c) => c.textContent);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  expect(cells[1]).toBe(fmt(total(runA.result)));
  expect(cells[2]).toBe(fmt(total(runB.result)));
});

test('asks for two different scenarios', async () => {
  const data = await workbookWithScenarios([baseline, pooled]);
  const { user } = renderPane(data);
  const panel = await openTab(user, 'Compare');
  const b = within(panel).getByRole('combobox', { name: 'Scenario B' });
  await waitFor(() => expect(b).toHaveValue('s-pooled'));
  await user.selectOptions(b, 's-base');
  expect(within(panel).getByText('Choose two different scenarios.')).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Write comparison' })).toBeDisabled();
});

test('with fewer than two saved scenarios it says what to do', async () => {
  const { user } = renderPane(await workbookWithScenarios([baseline]));
  const panel = await openTab(user, 'Compare');
  expect(await within(panel).findByText('Save at least two scenarios on the Scenarios tab to compare them.')).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Write comparison' })).toBeDisabled();
});

test('a scenario whose input table has gone is reported by name, and nothing is written', async () => {
  const gone = fixtureScenario('s-gone', 'Old data', {}, { kind: 'table', name: 'OldRolls' });
  const data = await workbookWithScenarios([baseline, gone]);
  const { user, gateway } = renderPane(data);
  const panel = await openTab(user, 'Compare');
  await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Scenario B' })).toHaveValue('s-gone'));
  await user.click(within(panel).getByRole('button', { name: 'Write comparison' }));
  const message = await waitForStatus('Could not read table "OldRolls"');
  expect(message).toMatch(/Table 'OldRolls' was not found/);
  expect(gateway.snapshot().sheets.map((s) => s.name)).toEqual(data.sheets.map((s) => s.name));
});
