import './setup';
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { accuracyBy } from '../../src/engine/accuracy';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { axisLabels, ChartPreview } from '../../src/demo/ChartPreview';
import { displaySheet } from '../../src/demo/format';
import { WorkbookView } from '../../src/demo/WorkbookView';
import { sampleWorkbook, TABLE_NAMES } from '../../src/sample';
import { accuracySheet, parseAccuracyInput } from '../../src/taskpane/model/accuracy-sheet';

jest.setTimeout(30000);

/** The value axis' labels of a drawn chart (the svg text elements right-aligned at the axis). */
function axisTexts(svg: Element): string[] {
  return Array.from(svg.querySelectorAll('text[text-anchor="end"]')).map((t) => t.textContent ?? '');
}

describe('axisLabels', () => {
  test('percent data: labels in percent, at the format\'s decimals', () => {
    expect(axisLabels([0, 0.02, 0.04], '0.0%')).toEqual(['0.0%', '2.0%', '4.0%']);
    expect(axisLabels([-0.05, 0, 0.05], '0%')).toEqual(['-5%', '0%', '5%']);
  });

  test('more decimals only when the ticks would otherwise read the same', () => {
    expect(axisLabels([0, 0.001, 0.002], '0%')).toEqual(['0.0%', '0.1%', '0.2%']);
    expect(axisLabels([400, 400.5, 401], '#,##0')).toEqual(['400.0', '400.5', '401.0']);
  });

  test('thousands and decimals formats; General keeps the plain labels', () => {
    expect(axisLabels([0, 1500, 3000], '#,##0')).toEqual(['0', '1,500', '3,000']);
    expect(axisLabels([0.9, 0.95, 1], '0.000')).toEqual(['0.900', '0.950', '1.000']);
    expect(axisLabels([0, 0.02, 0.04], null)).toEqual(['0', '0.02', '0.04']);
    expect(axisLabels([0, 500, 1000], null)).toEqual(['0', '500', '1,000']);
  });
});

test('a bar chart of percentages is labelled in percent, not as fractions', () => {
  const sheet = {
    name: 'S',
    values: [['District', 'Accuracy'], ['Dartford', 0.04], ['Dover', -0.02]],
    numberFormats: [[null, null], [null, '0.0%'], [null, '0.0%']],
  };
  const cells = displaySheet({ sheets: [sheet] }, sheet, 10, 10);
  render(<ChartPreview spec={{ type: 'bar', title: 'Accuracy', dataRange: 'A1:B3', seriesBy: 'columns', anchor: 'D2' }} cells={cells} />);
  expect(axisTexts(screen.getByRole('img', { name: 'bar chart: Accuracy' }))).toEqual(['-2.0%', '1.0%', '4.0%']);
});

test('the accuracy review written by the pane: its chart\'s value axis shows percentages like the cells', async () => {
  const gateway = new MemoryGateway(sampleWorkbook());
  const read = await gateway.read({ kind: 'table', name: TABLE_NAMES.accuracy });
  const parsed = parseAccuracyInput(read.values);
  expect(parsed.input).not.toBeNull();
  const input = { ...parsed.input!, tolerance: 0.01, label: 'All phases' };
  const write = accuracySheet(input, { mode: 'values', inputSheet: 'Accuracy', inputAddress: read.address, version: 'test', date: '2025-06-30' });
  expect(write.charts).toHaveLength(1);
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookView workbook={gateway} />
    </FluentProvider>,
  );
  await act(async () => {
    await gateway.writeSheets([{ ...write, activate: true }]);
  });
  const chart = screen.getByRole('img', { name: `bar chart: ${write.charts![0].title}` });
  const labels = axisTexts(chart);
  expect(labels).toHaveLength(3);
  for (const label of labels) expect(label).toMatch(/^-?\d+\.\d%$/);
  // The top of the axis is the largest accuracy, shown as the sheet shows it (0.0%).
  const result = accuracyBy(input.groups, input.forecast, input.actual, input.tolerance);
  const largest = Math.max(...result.rows.map((r) => r.accuracy));
  expect(labels[2]).toBe(`${(largest * 100).toFixed(1)}%`);
  expect(Math.abs(largest)).toBeLessThan(1); // as a fraction it would have read 0.0x
});
