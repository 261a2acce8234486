import './setup-polyfills';
import { screen, waitFor, within } from '@testing-library/react';

jest.setTimeout(30000);

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  document.body.innerHTML = '';
});

test('outside Excel the pane opens on the sample workbook and preselects PrimaryRolls', async () => {
  document.body.innerHTML = '<div id="root"></div>';
  let host: unknown = 'unset';
  (globalThis as { Office?: unknown }).Office = {
    HostType: { Excel: 'Excel' },
    onReady(callback: (info: { host: null; platform: null }) => void) {
      host = null;
      callback({ host: null, platform: null });
      return Promise.resolve({ host: null, platform: null });
    },
  };
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
  expect(host).toBeNull();
  expect(await screen.findByRole('heading', { name: 'Kent Place Planner' }, { timeout: 10000 })).toBeInTheDocument();
  const scenarios = screen.getByRole('tabpanel', { name: 'Scenarios' });
  await waitFor(() => expect(within(scenarios).getByRole('combobox', { name: 'Rolls table' })).toHaveValue('table:PrimaryRolls'), { timeout: 10000 });
  expect(await within(scenarios).findByText(/planning areas in 12 districts/, undefined, { timeout: 10000 })).toBeInTheDocument();
});

test('without office.js at all it still starts on the sample workbook', async () => {
  document.body.innerHTML = '<div id="root"></div>';
  await jest.isolateModulesAsync(async () => {
    await import('../../src/taskpane/index');
  });
  expect(await screen.findByRole('heading', { name: 'Kent Place Planner' }, { timeout: 10000 })).toBeInTheDocument();
});
