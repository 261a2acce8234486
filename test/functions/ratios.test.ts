import { ratios } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;
const history = [
  [100, 95, 90],
  [110, 98, 94],
  [120, 108, 97],
];

describe('KENT.RATIOS', () => {
  it('gives the progression ratio into each later year group, in one row', () => {
    const r = ratios(history);
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(2);
    expect(r[0][0]).toBeCloseTo((98 / 100 + 108 / 110) / 2, 12);
    expect(r[0][1]).toBeCloseTo((94 / 95 + 97 / 98) / 2, 12);
  });

  it('puts the intake ratio first when a driver is given', () => {
    const r = ratios(history, column(125, 120, 130));
    expect(r[0]).toHaveLength(3);
    expect(r[0][0]).toBeCloseTo((100 / 125 + 110 / 120 + 120 / 130) / 3, 12);
  });

  it('applies ratio_years and method; omitted (null) gives 3 and the mean', () => {
    expect(ratios(history, omitted, 1)[0][0]).toBeCloseTo(108 / 110, 12);
    expect(ratios(history, omitted, omitted, 'pooled')[0][0]).toBeCloseTo((98 + 108) / (100 + 110), 12);
    expect(ratios(history, omitted, omitted, omitted)).toEqual(ratios(history));
  });

  it.each([null, 0, ''])('treats a driver that is blank in every year as no driver (blank as %p)', (blank) => {
    expect(ratios(history, column(blank, blank, blank))).toEqual(ratios(history));
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(ratios([[100], [110]]), '#N/A', 'no ratios to show');
    expectExcelError(ratios(history, column(null, null, null, 140)), '#N/A', 'driver has no figures for the 3 history years');
    expectExcelError(ratios(history, omitted, -1), '#NUM!', 'ratio_years must be at least 1');
    expectExcelError(ratios(history, omitted, omitted, 'average'), '#VALUE!', 'method must be');
    expectExcelError(ratios([[1, 2], [3]]), '#VALUE!', 'rectangular');
  });
});
