import { cohortForecast } from '../../src/engine';
import { forecast } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub, row } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;
const history = [
  [100, 95],
  [110, 98],
  [120, 108],
];
const progression = (98 / 100 + 108 / 110) / 2;
const intakeRatio = (100 / 125 + 110 / 120 + 120 / 130) / 3;

function expectMatrixClose(actual: unknown[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((r, i) => {
    expect(r).toHaveLength(expected[i].length);
    r.forEach((v, j) => expect(v as number).toBeCloseTo(expected[i][j], 9));
  });
}

describe('KENT.FORECAST', () => {
  it('rolls the cohorts forward, holding the intake without a driver (hand-worked)', () => {
    expectMatrixClose(forecast(history, omitted, 2), [
      [110, 120 * progression],
      [110, 110 * progression],
    ]);
  });

  it('defaults to 5 years, 3 ratio years and the mean when the optionals are omitted (null)', () => {
    const t = forecast(history, omitted, omitted, omitted, omitted, omitted);
    expect(t).toEqual(cohortForecast(history, {}).forecast);
    expect(t).toHaveLength(5);
  });

  it('uses the driver aligned by row, running on into the forecast years', () => {
    const t = forecast(history, column(125, 120, 130, 140), 2);
    expectMatrixClose(t, [
      [140 * intakeRatio, 120 * progression],
      [110, 140 * intakeRatio * progression],
    ]);
    expect(forecast(history, row(125, 120, 130, 140), 2)).toEqual(t);
  });

  it('passes ratio_years and method to the engine', () => {
    const t = forecast(history, omitted, 3, 1, 'pooled');
    expect(t).toEqual(cohortForecast(history, { horizon: 3, ratioYears: 1, method: 'pooled' }).forecast);
    expect(forecast(history, omitted, 3, 2, 'Weighted')).toEqual(cohortForecast(history, { horizon: 3, ratioYears: 2, method: 'weighted' }).forecast);
  });

  it('adds additions on top (blanks are 0, rows past the forecast ignored)', () => {
    const t = forecast(history, omitted, 2, omitted, omitted, [
      [5, null],
      [0, 2],
      [9, 9],
    ]);
    expectMatrixClose(t, [
      [115, 120 * progression],
      [110, 115 * progression + 2],
    ]);
  });

  it.each([null, 0, ''])('skips blank rows above and below the history, keeping the driver aligned (blank as %p)', (blank) => {
    const padded = [[blank, blank], ...history, [blank, blank], [blank, blank]];
    const t = forecast(padded, column(999, 125, 120, 130, 140, blank), 2);
    expectMatrixClose(t, [
      [140 * intakeRatio, 120 * progression],
      [110, 140 * intakeRatio * progression],
    ]);
  });

  it.each([null, 0, ''])('treats a blank driver year as no driver (blank as %p) and a blank cell in a row as 0', (blank) => {
    const t = forecast(history, column(125, 120, 130, blank, 150), 2);
    expectMatrixClose(t, [
      [110, 120 * progression],
      [150 * intakeRatio, 110 * progression],
    ]);
    const withGap = forecast([[100, blank], [110, 98], [120, 108]], omitted, 1);
    expect(withGap).toEqual(cohortForecast([[100, 0], [110, 98], [120, 108]], { horizon: 1 }).forecast);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(forecast([[100, 95]], omitted, 2), '#N/A', 'history needs at least 2 years');
    expectExcelError(forecast([[null, null]]), '#N/A', 'history is empty');
    expectExcelError(forecast([[100, 95], [null, null], [120, 108]]), '#VALUE!', 'history row 2 is blank');
    expectExcelError(forecast([[100, 'x'], [110, 98]]), '#VALUE!', 'history row 1, column 2 must be a number (got "x")');
    expectExcelError(forecast([[100, 95], [110, -98]]), '#NUM!', 'history row 2, column 2 must not be negative');
    expectExcelError(forecast(history, omitted, 0), '#NUM!', 'years must be between 1 and 50 (got 0)');
    expectExcelError(forecast(history, omitted, 51), '#NUM!', 'years must be between 1 and 50');
    expectExcelError(forecast(history, omitted, 2, 0), '#NUM!', 'ratio_years must be at least 1');
    expectExcelError(forecast(history, omitted, 2, omitted, 'median'), '#VALUE!', /method must be/);
    expectExcelError(forecast(history, [[1, 2], [3, 4]]), '#VALUE!', 'driver must be a single row or column');
    expectExcelError(forecast(history, column(125, 'n/a')), '#VALUE!', 'driver item 2 must be a number');
    expectExcelError(forecast(history, omitted, 1, omitted, omitted, [[1, 2, 3]]), '#VALUE!', 'additions row 1 has 3 year groups but history has 2');
    expectExcelError(forecast([[0, 3], [0, 4], [5, 2]]), '#DIV/0!', /progression ratio into history column 2 cannot be worked out/);
  });

  it('#NUM! naming the limits of history, driver and additions', () => {
    const long = Array.from({ length: 1001 }, () => [100, 95]);
    expectExcelError(forecast(long), '#NUM!', 'history has 1,001 rows: the limit is 1,000');
    const wide = [new Array(21).fill(100), new Array(21).fill(100)];
    expectExcelError(forecast(wide), '#NUM!', 'history has 21 columns: the limit is 20');
    expectExcelError(forecast(history, [new Array(1051).fill(1)]), '#NUM!', 'the limit is 1,050');
    expectExcelError(forecast(history, omitted, 1, omitted, omitted, Array.from({ length: 201 }, () => [1, 1])), '#NUM!', 'additions has 201 rows: the limit is 200');
  });
});
