import fc from 'fast-check';
import {
  MAX_COLUMNS,
  MAX_ROWS,
  blockAddress,
  blockRange,
  columnToIndex,
  columnNumber,
  formatCell,
  formatRange,
  indexToColumn,
  intersectRanges,
  offsetRange,
  parseCell,
  parseRange,
  quoteSheetName,
  rangeContains,
  rangeSize,
  rangesOverlap,
  splitSheet,
  tryParseRange,
} from '../../src/excel/a1';
import { GatewayError } from '../../src/excel/gateway';

describe('column letters', () => {
  it.each([
    ['A', 0],
    ['Z', 25],
    ['AA', 26],
    ['AZ', 51],
    ['BA', 52],
    ['ZZ', 701],
    ['AAA', 702],
    ['XFD', 16383],
  ])('%s <-> %d', (letters, index) => {
    expect(columnToIndex(letters)).toBe(index);
    expect(indexToColumn(index)).toBe(letters);
  });

  it('accepts lower case', () => expect(columnToIndex('xfd')).toBe(16383));

  it('round-trips every column', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), (i) => columnToIndex(indexToColumn(i)) === i));
  });

  it.each(['', 'A1', 'XFE', 'ABCD', '1'])('rejects %p', (bad) => {
    expect(() => columnToIndex(bad)).toThrow(GatewayError);
  });

  it.each([-1, 16384, 1.5, NaN])('rejects index %p', (bad) => {
    expect(() => indexToColumn(bad)).toThrow(/outside a worksheet/);
  });
});

describe('cells', () => {
  it('parses plain, absolute, mixed and lower-case cells', () => {
    expect(parseCell('B7')).toEqual({ row: 6, column: 1 });
    expect(parseCell('$B$7')).toEqual({ row: 6, column: 1 });
    expect(parseCell('b$7')).toEqual({ row: 6, column: 1 });
    expect(parseCell(' XFD1048576 ')).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 });
  });

  it.each(['', 'B', '7', 'B0', 'B1048577', 'XFE1', 'B7:C8', 'B-7', 'Sheet!B7'])('rejects %p with the text quoted', (bad) => {
    try {
      parseCell(bad);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(GatewayError);
      expect((e as GatewayError).kind).toBe('invalid');
      expect((e as GatewayError).message).toContain(bad.trim() === '' ? "''" : bad.trim().slice(0, 1));
    }
  });

  it('formats, absolute or not', () => {
    expect(formatCell({ row: 6, column: 1 })).toBe('B7');
    expect(formatCell({ row: 0, column: 0 }, true)).toBe('$A$1');
    expect(() => formatCell({ row: MAX_ROWS, column: 0 })).toThrow(GatewayError);
  });

  it('round-trips any cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ROWS - 1 }), fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), (row, column) => {
        expect(parseCell(formatCell({ row, column }))).toEqual({ row, column });
        expect(parseCell(formatCell({ row, column }, true))).toEqual({ row, column });
      }),
    );
  });
});

describe('ranges', () => {
  it('parses a block and normalises reversed corners', () => {
    expect(parseRange('B2:H40')).toEqual({ start: { row: 1, column: 1 }, end: { row: 39, column: 7 } });
    expect(parseRange('H40:B2')).toEqual(parseRange('B2:H40'));
    expect(parseRange('H2:B40')).toEqual(parseRange('B2:H40'));
  });

  it('parses a single cell as a 1x1 range', () => {
    expect(parseRange('$A$1')).toEqual({ start: { row: 0, column: 0 }, end: { row: 0, column: 0 } });
    expect(formatRange(parseRange('$A$1'))).toBe('A1');
  });

  it('reads sheet prefixes, quoted or not, with doubled apostrophes', () => {
    expect(parseRange('Sheet1!A1:B2')).toEqual({ sheet: 'Sheet1', start: { row: 0, column: 0 }, end: { row: 1, column: 1 } });
    expect(parseRange("'My sheet'!A1").sheet).toBe('My sheet');
    expect(parseRange("'Kent''s rolls'!$C$3:$D$9")).toEqual({ sheet: "Kent's rolls", start: { row: 2, column: 2 }, end: { row: 8, column: 3 } });
    expect(parseRange("'A!B'!C3").sheet).toBe('A!B');
    expect(splitSheet('A1')).toEqual({ address: 'A1' });
  });

  it('reads whole columns and whole rows', () => {
    expect(parseRange('C:A')).toEqual({ start: { row: 0, column: 0 }, end: { row: MAX_ROWS - 1, column: 2 }, whole: 'columns' });
    expect(parseRange('$5:$2')).toEqual({ start: { row: 1, column: 0 }, end: { row: 4, column: MAX_COLUMNS - 1 }, whole: 'rows' });
    expect(formatRange(parseRange('A:C'))).toBe('A:C');
    expect(formatRange(parseRange('2:5'), { absolute: true })).toBe('$2:$5');
  });

  it.each(['', 'A1:', ':B2', 'A1:B2:C3', 'A1:5', "'Unclosed!A1", "''!A1", '!A1', 'A0', 'A1 B2', 'Sheet!'])('rejects %p', (bad) => {
    expect(() => parseRange(bad)).toThrow(GatewayError);
    expect(tryParseRange(bad)).toBeNull();
  });

  it('formats with the sheet quoted when needed', () => {
    const r = parseRange("'My sheet'!A1:B2");
    expect(formatRange(r, { withSheet: true })).toBe("'My sheet'!A1:B2");
    expect(formatRange(r)).toBe('A1:B2');
    expect(formatRange(parseRange('Data!A1:B2'), { withSheet: true, absolute: true })).toBe('Data!$A$1:$B$2');
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('2025')).toBe("'2025'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('Forecast - Base')).toBe("'Forecast - Base'");
    expect(quoteSheetName("Kent's")).toBe("'Kent''s'");
  });

  it('round-trips any range with any sheet name', () => {
    const cell = fc.record({ row: fc.integer({ min: 0, max: MAX_ROWS - 1 }), column: fc.integer({ min: 0, max: MAX_COLUMNS - 1 }) });
    const sheet = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s));
    fc.assert(
      fc.property(cell, cell, sheet, (a, b, name) => {
        const r = { sheet: name, start: { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column) }, end: { row: Math.max(a.row, b.row), column: Math.max(a.column, b.column) } };
        expect(parseRange(formatRange(r, { withSheet: true }))).toEqual(r);
      }),
    );
  });

  it('measures, offsets and builds blocks', () => {
    expect(rangeSize(parseRange('B2:H40'))).toEqual({ rows: 39, columns: 7 });
    expect(rangeSize(parseRange('C3'))).toEqual({ rows: 1, columns: 1 });
    expect(formatRange(offsetRange(parseRange('A1:B2'), 2, 1))).toBe('B3:C4');
    expect(formatRange(offsetRange(parseRange('C3:D4'), -2, -2))).toBe('A1:B2');
    expect(() => offsetRange(parseRange('A1'), -1, 0)).toThrow(/outside the worksheet/);
    expect(blockAddress('B2', 3, 4)).toBe('B2:E4');
    expect(blockAddress('C5', 1, 1)).toBe('C5');
    expect(blockAddress({ row: 0, column: 0 }, 2, 2)).toBe('A1:B2');
    expect(blockRange('A1', MAX_ROWS, MAX_COLUMNS).end).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 });
    expect(() => blockAddress('A2', MAX_ROWS, 1)).toThrow(/outside the worksheet/);
    expect(() => blockAddress('A1', 0, 3)).toThrow(/at least one row/);
    expect(() => blockAddress('A1', 2.5, 3)).toThrow(GatewayError);
  });

  it('tells overlap, containment and intersection', () => {
    const a = parseRange('A1:C3');
    expect(rangesOverlap(a, parseRange('C3:D4'))).toBe(true);
    expect(rangesOverlap(a, parseRange('D1:D9'))).toBe(false);
    expect(rangesOverlap(a, parseRange('A4'))).toBe(false);
    expect(rangeContains(parseRange('A1:D10'), parseRange('B2:C3'))).toBe(true);
    expect(rangeContains(parseRange('A1:D10'), parseRange('B2:E3'))).toBe(false);
    expect(formatRange(intersectRanges(a, parseRange('B2:D4'))!)).toBe('B2:C3');
    expect(intersectRanges(a, parseRange('E5'))).toBeNull();
  });
});

describe('columnNumber', () => {
  it('counts letters 1-based in any case, without the worksheet bound', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('z')).toBe(26);
    expect(columnNumber('AA')).toBe(27);
    expect(columnNumber('xfd')).toBe(16384);
    expect(columnNumber('XFE')).toBe(16385);
  });
});
