import { displaySheet, formatNumber, columnLetters } from '../../src/demo/format';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { sampleWorkbook, SHEET_NAMES } from '../../src/sample';

describe('demo number formats', () => {
  it.each([
    [1234.5, '#,##0', '1,235'],
    [0.0559973, '0.0%', '5.6%'],
    [0.0010009, '0.00%', '0.10%'],
    [33.6, '0.0', '33.6'],
    [0.99512, '0.000', '0.995'],
    [1234567.891, '#,##0.0', '1,234,567.9'],
    [17000, null, '17000'],
    [0.1 + 0.2, 'General', '0.3'],
    [-12.5, '#,##0', '-13'],
    [42, '[Red]0;0', '42'],
  ])('formatNumber(%p, %p) = %p', (n, f, text) => {
    expect(formatNumber(n as number, f as string | null)).toBe(text);
  });

  it('names columns like Excel', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('demo sheet display', () => {
  const book: WorkbookData = {
    sheets: [{
      name: 'S',
      values: [
        [1000, "'=not a formula", true, '#N/A'],
        ['=KENT.HOUSINGYIELD(A1)', null, null, null],
        ['=KENT.HOUSINGYIELD(A1)', 'x', null, null],
        [900, '=A1&"%"', '=KENT.SURPLUS(A1,D1)', '=KENT.SURPLUS(A1,A4)'],
      ],
      numberFormats: [['#,##0', null, null, null], [null, '0.0', null, null], [null, null, null, null], [null, null, null, null]],
    }],
  };
  const cells = displaySheet(book, book.sheets[0], 100, 100);

  it('shows values, literal text, booleans and error text', () => {
    expect(cells[0].slice(0, 4).map((c) => [c.text, c.kind])).toEqual([['1,000', 'number'], ['=not a formula', 'text'], ['TRUE', 'boolean'], ['#N/A', 'error']]);
  });

  it('spills a KENT result into empty cells, in their number formats', () => {
    expect(cells[1][0]).toMatchObject({ text: '40', kind: 'number', formula: '=KENT.HOUSINGYIELD(A1)' });
    expect(cells[1][1]).toMatchObject({ text: '40.0', kind: 'number', spilled: true });
    expect(cells[1]).toHaveLength(7); // the grid widens to show the whole spill
    expect(cells[1][6]).toMatchObject({ text: '40', spilled: true });
  });

  it('shows #SPILL! when the cells a result needs are not empty, as Excel does', () => {
    expect(cells[2][0]).toMatchObject({ text: '#SPILL!', kind: 'error' });
    expect(cells[2][1]).toMatchObject({ text: 'x', kind: 'text' });
  });

  it('shows the function error, and the formula text where it cannot work a formula out', () => {
    expect(cells[3][2]).toMatchObject({ kind: 'error', text: '#VALUE!' });
    expect(cells[3][1]).toMatchObject({ kind: 'formula', text: '=A1&"%"' });
    expect(cells[3][1].title).toMatch(/Calculated in Excel/);
    expect(cells[3][3]).toMatchObject({ kind: 'number' }); // 1 - 900/1000
    expect(cells[3][3].value).toBeCloseTo(0.1, 12);
  });

  it('works out every example on the sample Try sheet without an error', () => {
    const data = sampleWorkbook();
    const sheet = data.sheets.find((s) => s.name === SHEET_NAMES.tryFunctions)!;
    const shown = displaySheet(data, sheet, 500, 60).flat();
    expect(shown.filter((c) => c.kind === 'error')).toEqual([]);
    expect(shown.filter((c) => c.kind === 'formula')).toEqual([]);
    expect(shown.some((c) => c.text === 'Within target')).toBe(true);
    expect(shown.some((c) => c.text === '5.6%')).toBe(true);
  });
});
