import './setup';
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import type { SheetWrite } from '../../src/excel/gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { WorkbookView } from '../../src/demo/WorkbookView';
import { sampleWorkbook } from '../../src/sample';

jest.setTimeout(30000);

function renderView(data: WorkbookData = sampleWorkbook()) {
  const gateway = new MemoryGateway(data);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookView workbook={gateway} />
    </FluentProvider>,
  );
  return { gateway, user };
}

const grid = (name: string) => screen.getByRole('grid', { name: `Sheet ${name}` });
const cell = (sheet: string, address: string) => grid(sheet).querySelector(`td[data-address="${address}"]`) as HTMLElement;

function forecastWrite(activate: boolean, name = 'Forecast Base'): SheetWrite {
  return {
    sheet: name,
    blocks: [{ startCell: 'A1', values: [['Year', 'Forecast', 'PAN', 'Status'], ['2017-18', 412.4, 400, 'Deficit'], ['2018-19', 380.2, 400, 'Within target']], numberFormat: [null, '#,##0', '#,##0', null], boldFirstRow: true }],
    tables: [],
    charts: [{ type: 'line', title: 'Forecast vs capacity', dataRange: 'A1:C3', seriesBy: 'columns', anchor: 'F2' }],
    formats: [{ range: 'D2:D3', rules: [{ text: 'Deficit', fill: '#FFC7CE', fontColor: '#9C0006' }, { text: 'Within target', fill: '#C6EFCE' }] }],
    activate,
  };
}

test('shows a tab per sheet of the sample workbook and the Cover first', () => {
  renderView();
  const names = ['Cover', 'Try the functions', 'Primary rolls', 'Secondary rolls', 'Accuracy', 'Geography'];
  expect(screen.getAllByRole('tab')).toEqual(names.map((name) => screen.getByRole('tab', { name })));
  expect(screen.getByRole('tab', { name: 'Cover' })).toHaveAttribute('aria-selected', 'true');
  expect(within(grid('Cover')).getByText('Kent Place Planner: sample workbook')).toBeInTheDocument();
});

test('draws a sheet with column letters, row numbers, formatted right-aligned numbers and shaded table headers', async () => {
  const { user } = renderView();
  await user.click(screen.getByRole('tab', { name: 'Primary rolls' }));
  const g = grid('Primary rolls');
  const headers = within(g).getAllByRole('columnheader').map((h) => h.textContent);
  expect(headers.slice(1, 14)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M']);
  expect(within(g).getAllByRole('rowheader')).toHaveLength(408);
  expect(cell('Primary rolls', 'B2')).toHaveTextContent('Dartford North');
  expect(cell('Primary rolls', 'A1')).toHaveTextContent('District');
  expect(getComputedStyle(cell('Primary rolls', 'D2')).textAlign).toBe('right');
  expect(cell('Primary rolls', 'A1').className).not.toBe(cell('Primary rolls', 'A2').className); // header row styled apart
  expect(screen.getByText(/This sheet holds table/)).toHaveTextContent('This sheet holds table PrimaryRolls (A1:M408).');
});

test('shows the KENT examples worked out with the real functions, and the formula in the formula bar', async () => {
  const { user, gateway } = renderView();
  await user.click(screen.getByRole('tab', { name: 'Try the functions' }));
  const g = grid('Try the functions');
  expect(cell('Try the functions', 'C35')).toHaveTextContent('Within target'); // KENT.SURPLUSSTATUS
  expect(within(g).getAllByText('5.6%').length).toBeGreaterThan(0);
  fireEvent.mouseDown(cell('Try the functions', 'C23'));
  fireEvent.mouseUp(cell('Try the functions', 'C23'));
  expect(await gateway.selection()).toEqual({ kind: 'range', sheet: 'Try the functions', address: 'C23' });
  expect(screen.getByLabelText('Formula bar')).toHaveTextContent('C23=KENT.SURPLUS(C6:C17,D6:D17)');
});

test('selecting a block by dragging sets the workbook selection the pane reads', async () => {
  const { gateway, user } = renderView();
  await user.click(screen.getByRole('tab', { name: 'Primary rolls' }));
  fireEvent.mouseDown(cell('Primary rolls', 'A1'));
  fireEvent.mouseEnter(cell('Primary rolls', 'M12'));
  fireEvent.mouseUp(cell('Primary rolls', 'M12'));
  expect(await gateway.selection()).toEqual({ kind: 'range', sheet: 'Primary rolls', address: 'A1:M12' });
  fireEvent.mouseDown(cell('Primary rolls', 'C3'), { shiftKey: true });
  fireEvent.mouseUp(cell('Primary rolls', 'C3'));
  expect((await gateway.selection()).address).toBe('A1:C3');
});

test('redraws when the pane writes a sheet: the new tab appears selected, coloured by its formats, with its chart', async () => {
  const { gateway } = renderView();
  await act(async () => {
    await gateway.writeSheets([forecastWrite(true)]);
  });
  const tab = screen.getByRole('tab', { name: 'Forecast Base' });
  expect(tab).toHaveAttribute('aria-selected', 'true');
  expect(cell('Forecast Base', 'B2')).toHaveTextContent('412');
  expect(cell('Forecast Base', 'D2')).toHaveStyle({ backgroundColor: '#FFC7CE', color: '#9C0006' });
  expect(cell('Forecast Base', 'D3')).toHaveStyle({ backgroundColor: '#C6EFCE' });
  expect(screen.getByText(/Line chart “Forecast vs capacity” from A1:C3/)).toBeInTheDocument();
  expect(screen.getByRole('img', { name: 'line chart: Forecast vs capacity' }).querySelectorAll('polyline')).toHaveLength(2);
});

test('selects a new sheet even when the write does not activate it, and keeps redrawing on later writes', async () => {
  const { gateway } = renderView();
  await act(async () => {
    await gateway.writeSheets([forecastWrite(false, 'Accuracy review')]);
  });
  expect(screen.getByRole('tab', { name: 'Accuracy review' })).toHaveAttribute('aria-selected', 'true');
  await act(async () => {
    await gateway.writeSheets([{ ...forecastWrite(false, 'Accuracy review'), blocks: [{ startCell: 'A1', values: [['Replaced']] }], charts: [], formats: [] }], { replace: true });
  });
  expect(cell('Accuracy review', 'A1')).toHaveTextContent('Replaced');
  expect(screen.getAllByRole('tab')).toHaveLength(7);
});

test('shows 500 rows of a long sheet at a time, says so, and shows more on request', async () => {
  const values = Array.from({ length: 1150 }, (_, i) => [`Row ${i + 1}`, i]);
  const { user } = renderView({ sheets: [{ name: 'Long', values }] });
  expect(within(grid('Long')).getAllByRole('rowheader')).toHaveLength(500);
  expect(screen.getByText(/Showing the first 500 of 1,150 rows/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Show more rows' }));
  expect(within(grid('Long')).getAllByRole('rowheader')).toHaveLength(1000);
  await user.click(screen.getByRole('button', { name: 'Show more rows' }));
  expect(within(grid('Long')).getAllByRole('rowheader')).toHaveLength(1150);
  expect(screen.queryByText(/Showing the first/)).not.toBeInTheDocument();
});

test('a table link selects the table and opens enough rows to show it, however far down it is', async () => {
  const values: (string | number | null)[][] = Array.from({ length: 700 }, (_, i) => [`Row ${i + 1}`, i]);
  values[599] = ['Area', 'Roll'];
  const { gateway, user } = renderView({ sheets: [{ name: 'Out', values, tables: [{ name: 'Late', range: 'A600:B700' }] }] });
  expect(within(grid('Out')).getAllByRole('rowheader')).toHaveLength(500);
  await user.click(screen.getByRole('button', { name: 'Late' }));
  expect(await gateway.selection()).toEqual({ kind: 'range', sheet: 'Out', address: 'A600:B700' });
  expect(within(grid('Out')).getAllByRole('rowheader')).toHaveLength(700);
  expect(cell('Out', 'A600')).toHaveTextContent('Area');
});
