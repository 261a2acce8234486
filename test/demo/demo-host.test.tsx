import './setup';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { BANNER, DemoHost } from '../../src/demo/DemoHost';
import { sampleWorkbook } from '../../src/sample';

jest.setTimeout(60000);

test('shows the banner, the sample workbook and the real task pane side by side', async () => {
  render(<DemoHost gateway={new MemoryGateway(sampleWorkbook())} />);
  expect(screen.getByText(BANNER)).toBeInTheDocument();
  const workbook = screen.getByRole('region', { name: 'Sample workbook' });
  expect(within(workbook).getByRole('grid', { name: 'Sheet Cover' })).toBeInTheDocument();
  const pane = screen.getByRole('complementary', { name: 'Task pane' });
  expect(within(pane).getByRole('heading', { name: 'Kent Place Planner' })).toBeInTheDocument();
  // The pane recognises the sample's PrimaryRolls table on its own.
  expect(await within(pane).findByText(/37 planning areas in 12 districts/, undefined, { timeout: 10000 })).toBeInTheDocument();
});

test('running a scenario in the pane adds its sheets as tabs in the workbook view, the new one selected', async () => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const user = userEvent.setup();
  render(<DemoHost gateway={gateway} />);
  const pane = screen.getByRole('complementary', { name: 'Task pane' });
  await within(pane).findByText(/37 planning areas/, undefined, { timeout: 10000 });
  const before = gateway.snapshot().sheets.length;
  await user.click(within(pane).getByRole('button', { name: 'Run scenario' }));
  await waitFor(() => expect(gateway.snapshot().sheets.length).toBeGreaterThan(before), { timeout: 30000 });
  const workbook = screen.getByRole('region', { name: 'Sample workbook' });
  const added = gateway.snapshot().sheets.slice(before).map((s) => s.name);
  await waitFor(() => {
    for (const name of added) expect(within(workbook).getByRole('tab', { name })).toBeInTheDocument();
  });
  const shown = within(workbook).getByRole('grid').getAttribute('aria-label')!.replace(/^Sheet /, '');
  expect(added).toContain(shown);
  expect(within(workbook).getByRole('tab', { name: shown })).toHaveAttribute('aria-selected', 'true');
});
