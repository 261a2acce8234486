import {
  cellName,
  groupedCounts,
  isBlank,
  isBlankOrZero,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  pairedCounts,
  readDriver,
  readHistory,
  readList,
  readTable,
  requiredNumber,
} from '../../src/functions/cells';
import { planningErrorOf as codeOf } from '../support/planning-error';

describe('cells: reading Excel arguments', () => {
  it('knows blanks', () => {
    expect([null, undefined, '', '  '].every(isBlank)).toBe(true);
    expect([0, 'x', false].some(isBlank)).toBe(false);
    expect(isBlankOrZero(0)).toBe(true);
    expect(isBlankOrZero(-0)).toBe(true);
    expect(isBlankOrZero(0.1)).toBe(false);
  });

  it('reads scalars, flat lists and tables as rectangular tables', () => {
    expect(readTable(5, 'x', { rows: 9, columns: 9 })).toEqual({ cells: [[5]], rows: 1, columns: 1 });
    expect(readTable([1, 2], 'x', { rows: 9, columns: 9 })).toEqual({ cells: [[1, 2]], rows: 1, columns: 2 });
    expect(readTable([], 'x', { rows: 9, columns: 9 }).rows).toBe(0);
    expect(codeOf(() => readTable({}, 'x', { rows: 9, columns: 9 }))).toBe('VALUE: x must be a range of cells');
    expect(codeOf(() => readTable([[1], 2], 'x', { rows: 9, columns: 9 }))).toBe('VALUE: x must be a range: row 2 is not a list of cells');
    expect(codeOf(() => readTable([[1, 2, 3]], 'x', { rows: 9, columns: 2 }))).toBe('NUM: x has 3 columns: the limit is 2');
    expect(codeOf(() => readTable([[1], [2], [3]], 'x', { rows: 2, columns: 9 }))).toBe('NUM: x has 3 rows: the limit is 2');
    expect(codeOf(() => readTable([[1, 2], [3, 4]], 'x', { rows: 9, columns: 9, cells: 3 }))).toBe('NUM: x has 4 cells: the limit is 3');
  });

  it('names cells as items in a row or column and by row and column in a block', () => {
    expect(cellName(readList([[1], [2], [3]], 'roll'), 2)).toBe('roll item 3');
    expect(cellName(readList([[1, 2, 3]], 'roll'), 2)).toBe('roll item 3');
    expect(cellName(readList([[1, 2], [3, 4]], 'roll'), 3)).toBe('roll row 2, column 2');
  });

  it('pairs counts, skipping blank pairs', () => {
    expect(pairedCounts([[210], [null], [180], [0]], [[200], [''], [181], [0]], 'capacity', 'roll')).toEqual([
      [210, 180],
      [200, 181],
    ]);
  });

  it('groups counts, labelling blank groups', () => {
    expect(groupedCounts([['A'], [null], [0], [12]], [[1], [2], [null], [3]], [[1], [2], [0], [3]], 'f', 'a')).toEqual({
      labels: ['A', '(blank)', '12'],
      a: [1, 2, 3],
      b: [1, 2, 3],
    });
    expect(codeOf(() => groupedCounts([[{}]], [[1]], [[1]], 'f', 'a'))).toMatch(/^VALUE: groups item 1 must be a label/);
    expect(codeOf(() => groupedCounts([[NaN]], [[1]], [[1]], 'f', 'a'))).toMatch(/^NUM: groups item 1 must be a label/);
  });

  it('reads a history, trimming blank rows at either end and refusing a gap', () => {
    expect(readHistory([[null, null], [1, 2], [3, null], [0, 0]])).toEqual({ rows: [[1, 2], [3, 0]], firstRow: 1 });
    expect(codeOf(() => readHistory([[1, 2], [0, ''], [3, 4]]))).toMatch(/^VALUE: history row 2 is blank/);
  });

  it('reads a driver aligned with the history rows; blank or 0 = none; all blank = no driver', () => {
    expect(readDriver([[9], [10], [0], [null], [12]], 1)).toEqual([10, null, null, 12]);
    expect(readDriver([[null], [0]], 0)).toBeUndefined();
    expect(readDriver(null, 0)).toBeUndefined();
    expect(codeOf(() => readDriver([[1, 2], [3, 4]], 0))).toMatch(/^VALUE: driver must be a single row or column/);
  });

  it('reads single values: numbers, numeric text and percentages, blanks, one-cell ranges', () => {
    expect(requiredNumber(null, 'x')).toBe(0);
    expect(requiredNumber(' 12 ', 'x')).toBe(12);
    expect(requiredNumber('5%', 'x')).toBe(0.05);
    expect(requiredNumber('-1.5e2', 'x')).toBe(-150);
    expect(requiredNumber([[7]], 'x')).toBe(7);
    expect(optionalNumber(null, 'x')).toBeUndefined();
    expect(optionalNumber('', 'x')).toBeUndefined();
    expect(codeOf(() => requiredNumber('12 pupils', 'x'))).toBe('VALUE: x must be a number (got "12 pupils")');
    expect(codeOf(() => requiredNumber([[1, 2]], 'x'))).toBe('VALUE: x must be a single value, not a range');
  });

  it('reads choices case-insensitively and booleans leniently', () => {
    expect(optionalChoice(' Pooled ', 'method', ['mean', 'pooled'], 'mean')).toBe('pooled');
    expect(optionalChoice(null, 'method', ['mean', 'pooled'], 'mean')).toBe('mean');
    expect(codeOf(() => optionalChoice('avg', 'method', ['mean', 'pooled'], 'mean'))).toBe('VALUE: method must be "mean" or "pooled" (got "avg")');
    expect(optionalBoolean(null, 'headers', false)).toBe(false);
    expect(optionalBoolean(1, 'headers', false)).toBe(true);
    expect(optionalBoolean('true', 'headers', false)).toBe(true);
    expect(optionalBoolean(false, 'headers', true)).toBe(false);
    expect(codeOf(() => optionalBoolean(2, 'headers', false))).toBe('VALUE: headers must be TRUE or FALSE (got 2)');
  });
});
