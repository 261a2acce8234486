import { surplusBy } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;

describe('KENT.SURPLUSBY', () => {
  const groups = column('Dover', 'Thanet', 'Dover');
  const cap = column(100, 200, 100);
  const roll = column(95, 200, 90);

  it('spills one row per group, a Total row and the count at or above target', () => {
    expect(surplusBy(groups, cap, roll)).toEqual([
      ['Dover', 200, 185, 15, 0.075, 'Above target'],
      ['Thanet', 200, 200, 0, 0, 'Below target'],
      ['Total', 400, 385, 15, 0.0375, 'Below target'],
      ['At or above target', 1, 2, '', '', ''],
    ]);
  });

  it('adds a header row on request; omitted optionals (null) take the defaults', () => {
    const table = surplusBy(groups, cap, roll, omitted, omitted, true);
    expect(table[0]).toEqual(['Group', 'Capacity', 'Roll', 'Surplus places', 'Surplus', 'Status']);
    expect(table.slice(1)).toEqual(surplusBy(groups, cap, roll, omitted, omitted, omitted));
  });

  it('uses the target for the status and the count', () => {
    const table = surplusBy(groups, cap, roll, 0.08);
    expect(table[0][5]).toBe('Below target');
    expect(table[3]).toEqual(['At or above target', 0, 2, '', '', '']);
    expect(surplusBy(groups, cap, roll, 0)[3]).toEqual(['At or above target', 2, 2, '', '', '']);
  });

  it('applies the unfilled method per row before adding up', () => {
    const t = surplusBy(column('A', 'A'), column(100, 100), column(90, 110), omitted, 'unfilled');
    expect(t[0]).toEqual(['A', 200, 200, 10, 0.05, 'Within target']);
  });

  it.each([null, 0, ''])('skips rows blank in every range and labels a lone figure "(blank)" (blank as %p)', (blank) => {
    const t = surplusBy(column('Dover', blank, blank), column(100, blank, 50), column(90, blank, 50));
    expect(t.map((r) => r[0])).toEqual(['Dover', '(blank)', 'Total', 'At or above target']);
    expect(t[1]).toEqual(['(blank)', 50, 50, 0, 0, 'Below target']);
  });

  it('reads numbers and text with spaces as labels', () => {
    const t = surplusBy(column(886, ' Kent ', 'Kent'), column(10, 10, 10), column(9, 9, 9));
    expect(t.map((r) => r[0]).slice(0, 2)).toEqual(['886', 'Kent']);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(surplusBy(column('A'), column(1, 2), column(1, 2)), '#VALUE!', 'groups and capacity must be the same size (1 vs 2)');
    expectExcelError(surplusBy(groups, cap, roll, omitted, 'gross'), '#VALUE!', /method must be/);
    expectExcelError(surplusBy(groups, cap, roll, omitted, omitted, 'maybe' as unknown as boolean), '#VALUE!', 'headers must be TRUE or FALSE');
    expectExcelError(surplusBy(column('A'), column(-1), column(0)), '#NUM!', 'capacity item 1 must not be negative');
    expectExcelError(surplusBy(column('A', 'B'), column(0, 10), column(1, 5)), '#DIV/0!', 'capacity of group "A" is 0');
    expectExcelError(surplusBy(column(null), column(null), column(null)), '#N/A', 'empty');
    expectExcelError(surplusBy(groups, cap, roll, -0.01), '#NUM!', 'target must be a fraction from 0 up to (not including) 1');
    expectExcelError(surplusBy(groups, cap, roll, 1), '#NUM!', 'target must be a fraction');
  });

  it('#NUM! naming the limit for more than 100,000 groups', () => {
    const n = 100_001;
    const labels = Array.from({ length: n }, (_, i) => [`school ${i}`]);
    const ones = Array.from({ length: n }, () => [1]);
    expectExcelError(surplusBy(labels, ones, ones), '#NUM!', 'the limit is 100,000');
  });

  it('handles 100,000 rows in well under a second', () => {
    const n = 100_000;
    const labels = Array.from({ length: n }, (_, i) => [`district ${i % 12}`]);
    const caps = Array.from({ length: n }, (_, i) => [30 + (i % 7)]);
    const rolls = Array.from({ length: n }, (_, i) => [25 + (i % 9)]);
    const start = Date.now();
    const t = surplusBy(labels, caps, rolls);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(t).toHaveLength(14);
  });
});
