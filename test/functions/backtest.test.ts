import { backtest as engineBacktest } from '../../src/engine';
import { backtest } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';
import { MAX_BACKTEST_YEARS } from '../../src/functions/limits';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;

describe('KENT.BACKTEST', () => {
  it('gives the signed accuracy and MAPE per horizon (hand-worked)', () => {
    // origins 2 and 3: held intakes 105 and 113.33.. against 130 and 120
    const t = backtest(column(100, 110, 130, 120), omitted, 1);
    expect(t).toHaveLength(1);
    expect(t[0][0]).toBeCloseTo((105 + 340 / 3 - 250) / 250, 12);
    expect(t[0][1]).toBeCloseTo((25 / 130 + (120 - 340 / 3) / 120) / 2, 12);
  });

  it('defaults to 3 horizons and matches the engine with a driver, settings and headers', () => {
    const history = [
      [100, 95],
      [110, 98],
      [120, 108],
      [118, 117],
      [125, 116],
      [130, 122],
    ];
    expect(backtest(history)).toHaveLength(3);
    const driver = [125, 130, 140, 135, 142, 150];
    const expected = engineBacktest(history, { driver, horizon: 2, ratioYears: 2, method: 'weighted' }).map((r) => [r.accuracy, r.mape]);
    expect(backtest(history, column(...driver), 2, 2, 'weighted')).toEqual(expected);
    expect(backtest(history, column(...driver), 2, 2, 'weighted', true)).toEqual([['Accuracy', 'MAPE'], ...expected]);
  });

  it('ignores blank rows after the history (blank as null or 0)', () => {
    expect(backtest([[100], [110], [130], [120], [null], [0]], omitted, 1)).toEqual(backtest(column(100, 110, 130, 120), omitted, 1));
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(backtest(column(100, 110, 130), omitted, 3), '#N/A', 'the back-test needs at least 5 years of history');
    expectExcelError(backtest(column(100, 110, 130, 120), omitted, 0), '#NUM!', 'horizon must be between 1 and 50');
    expectExcelError(backtest(column(100, 110, 'x')), '#VALUE!', 'history row 3, column 1 must be a number');
    expectExcelError(backtest(column(100, 110, 0, 120), omitted, 1), '#VALUE!', 'history row 3 is blank');
  });
});

describe('KENT.BACKTEST limits', () => {
  it('#NUM! naming its own history limit (it re-runs the forecast from every year)', () => {
    const long = Array.from({ length: MAX_BACKTEST_YEARS + 1 }, () => [100, 95]);
    expectExcelError(backtest(long, omitted), '#NUM!', `history has ${(MAX_BACKTEST_YEARS + 1).toLocaleString('en-GB')} rows: the limit is ${MAX_BACKTEST_YEARS}`);
  });
});
