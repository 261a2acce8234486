import './setup-polyfills';
import { compareSheet, fixtureScenario, modelRun, openTab, renderPane, waitFor, waitForStatus, within, workbookWithScenarios } from './helpers';
import { commissioningSheet } from '../../src/taskpane/model/run';
import { commissionPlan } from '../../src/engine/commissioning';
import { surplusBy } from '../../src/engine/surplus';

jest.setTimeout(30000);

const baseline = fixtureScenario('s-base', 'Baseline');

/** The headline worked out here straight from the engine, for forecast year `t` (0-based). */
function engineHeadline(t: number) {
  const data = modelRunData;
  const { result } = modelRun(data, baseline);
  const areas = result.areas;
  const kpi = surplusBy(
    areas.map((a) => a.history.district),
    areas.map((a) => a.history.pan as number),
    areas.map((a) => a.forecast.forecast[t][0]),
    { min: 0.05, max: 0.07 },
  );
  let fe = 0;
  let temporary = 0;
  for (const a of areas) {
    for (const y of commissionPlan(a.forecast.forecast.map((r) => r[0]), a.history.pan as number, { target: 0.05, persistYears: 3 })) {
      fe += y.permanentFe;
      temporary += y.temporaryPlaces;
    }
  }
  return { kpi, fe, temporary };
}
let modelRunData: Awaited<ReturnType<typeof workbookWithScenarios>>;

beforeAll(async () => {
  modelRunData = await workbookWithScenarios([baseline]);
});

test('shows the headline numbers for the chosen scenario, as the engine works them out', async () => {
  const { user } = renderPane(modelRunData);
  const panel = await openTab(user, 'Commissioning');
  const figures = await within(panel).findByRole('region', { name: 'Headline figures' }, { timeout: 5000 });
  const expected = engineHeadline(0);

  // The fixture is built so Ashford is short of places and Dover is not: 1 of 2 districts at target.
  expect(expected.kpi.atOrAboveTarget).toBe(1);
  expect(within(figures).getByTestId('kpi-at-target')).toHaveTextContent('1 of 2 districts at or above 5% Reception surplus in 2023-24');
  expect(within(figures).getByTestId('kpi-surplus')).toHaveTextContent(`${(expected.kpi.total.fraction * 100).toFixed(1)}% Reception surplus across all districts in 2023-24`);
  expect(expected.fe).toBeGreaterThan(0);
  expect(within(figures).getByTestId('kpi-permanent-fe')).toHaveTextContent(`${Number(expected.fe.toFixed(1))} FE new permanent forms of entry`);
  expect(within(figures).getByTestId('kpi-temporary')).toHaveTextContent(`${Math.round(expected.temporary).toLocaleString('en-GB')} temporary Reception places`);

  // Another forecast year for the district count.
  await user.selectOptions(within(panel).getByRole('combobox', { name: 'Forecast year for the headline' }), '2');
  const second = engineHeadline(1);
  await waitFor(() =>
    expect(within(panel).getByTestId('kpi-at-target')).toHaveTextContent(`${second.kpi.atOrAboveTarget} of 2 districts at or above 5% Reception surplus in 2024-25`),
  );
});

test('writes the commissioning sheet, equal to the model output', async () => {
  const { user, gateway } = renderPane(modelRunData);
  const panel = await openTab(user, 'Commissioning');
  await within(panel).findByRole('region', { name: 'Headline figures' }, { timeout: 5000 });
  await user.click(within(panel).getByRole('button', { name: 'Write commissioning sheet' }));
  await waitForStatus('Commissioning for "Baseline" written');

  const run = modelRun(modelRunData, baseline);
  const expected = commissioningSheet(run.result, run.ctx('values'));
  const after = gateway.snapshot();
  expect(after.sheets.map((s) => s.name)).toEqual([...modelRunData.sheets.map((s) => s.name), expected.sheet]);
  const { mismatches, compared } = compareSheet(after, expected);
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(50);
});

test('a scenario whose input has gone: the failure names the table', async () => {
  const gone = fixtureScenario('s-gone', 'Old data', {}, { kind: 'table', name: 'OldRolls' });
  const data = await workbookWithScenarios([gone]);
  const { user } = renderPane(data);
  await openTab(user, 'Commissioning');
  const message = await waitForStatus('Could not read table "OldRolls"');
  expect(message).toMatch(/Table 'OldRolls' was not found in this workbook/);
});

test('without saved scenarios it says what to do', async () => {
  const { user } = renderPane();
  const panel = await openTab(user, 'Commissioning');
  expect(await within(panel).findByText('Save a scenario on the Scenarios tab first.')).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Write commissioning sheet' })).toBeDisabled();
});
