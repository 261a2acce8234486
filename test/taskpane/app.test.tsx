import './setup-polyfills';
import { openTab, renderPane, screen, within } from './helpers';

jest.setTimeout(30000);

test('renders the header, four tabs and each panel', async () => {
  const { user } = renderPane();
  expect(screen.getByRole('heading', { name: 'Kent Place Planner' })).toBeInTheDocument();
  expect(screen.getAllByRole('tab')).toHaveLength(4);
  for (const name of ['Scenarios', 'Compare', 'Commissioning', 'Accuracy']) expect(screen.getByRole('tab', { name })).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Scenarios' })).toHaveAttribute('aria-selected', 'true');
  const scenarios = screen.getByRole('tabpanel', { name: 'Scenarios' });
  expect(within(scenarios).getByRole('heading', { name: 'Rolls' })).toBeInTheDocument();
  await within(scenarios).findByText(/4 planning areas/);

  const compare = await openTab(user, 'Compare');
  expect(within(compare).getByRole('heading', { name: 'Compare two scenarios' })).toBeVisible();
  expect(scenarios).not.toBeVisible();
  const commissioning = await openTab(user, 'Commissioning');
  expect(within(commissioning).getByRole('heading', { name: 'Surplus and commissioning' })).toBeVisible();
  const accuracy = await openTab(user, 'Accuracy');
  expect(within(accuracy).getByRole('heading', { name: 'Accuracy review' })).toBeVisible();
  expect(compare).not.toBeVisible();
});

test('choices survive switching tabs', async () => {
  const { user } = renderPane();
  const scenarios = screen.getByRole('tabpanel', { name: 'Scenarios' });
  await within(scenarios).findByText(/4 planning areas/);
  const name = within(scenarios).getByRole('textbox', { name: 'Scenario name' });
  await user.clear(name);
  await user.type(name, 'High births');
  await openTab(user, 'Accuracy');
  await openTab(user, 'Scenarios');
  expect(within(scenarios).getByRole('textbox', { name: 'Scenario name' })).toHaveValue('High births');
});

test('an empty workbook: the pane says there is nothing to pick rather than failing', async () => {
  renderPane({ sheets: [{ name: 'Sheet1', values: [] }] });
  const scenarios = screen.getByRole('tabpanel', { name: 'Scenarios' });
  expect(await within(scenarios).findAllByText('No tables or named ranges found')).not.toHaveLength(0);
  expect(within(scenarios).getByRole('button', { name: 'Run scenario' })).toBeDisabled();
  expect(within(scenarios).getByText('None yet. Saved scenarios are kept in this workbook.')).toBeInTheDocument();
});

test('the current selection can be the input', async () => {
  const { user, gateway } = renderPane();
  const scenarios = screen.getByRole('tabpanel', { name: 'Scenarios' });
  await within(scenarios).findByText(/4 planning areas/);
  // The planner selects the first two planning areas only (rows 1-13 of the Rolls sheet).
  gateway.select('Rolls', 'A1:H13');
  await user.click(within(scenarios).getByRole('button', { name: 'Use current selection' }));
  expect(await within(scenarios).findByText(/2 planning areas in 1 district/)).toBeInTheDocument();
  expect(within(scenarios).getByRole('combobox', { name: 'Rolls table' })).toHaveValue('range:Rolls!A1:H13');
});
