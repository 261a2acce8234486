import { cohortForecast } from '../../src/engine';
import { forecastRange } from '../../src/functions/functions';
import { column, expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as undefined;
const history = [
  [100, 95],
  [110, 98],
  [120, 108],
];

describe('KENT.FORECASTRANGE', () => {
  it('gives the low forecast by default and the high one on request (hand-worked)', () => {
    const low = forecastRange(history, omitted, 1);
    expect(low[0][0]).toBeCloseTo(100, 12);
    expect(low[0][1]).toBeCloseTo(120 * 0.98, 12);
    const high = forecastRange(history, omitted, 1, omitted, omitted, 'HIGH');
    expect(high[0][0]).toBeCloseTo(120, 12);
    expect(high[0][1]).toBeCloseTo(120 * (108 / 110), 12);
    expect(forecastRange(history, omitted, 1, omitted, omitted, 'low')).toEqual(low);
  });

  it('matches the engine with a driver and other settings', () => {
    const driver = column(125, 120, 130, 140, 150);
    const engine = cohortForecast(history, { driver: [125, 120, 130, 140, 150], horizon: 3, ratioYears: 2, method: 'exponential' });
    expect(forecastRange(history, driver, 3, 2, 'exponential', 'low')).toEqual(engine.low);
    expect(forecastRange(history, driver, 3, 2, 'exponential', 'high')).toEqual(engine.high);
  });

  it('follows the same blank-row rule as FORECAST', () => {
    expect(forecastRange([[0, 0], ...history, [null, null]], omitted, 2)).toEqual(forecastRange(history, omitted, 2));
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(forecastRange(history, omitted, 1, omitted, omitted, 'middle'), '#VALUE!', 'bound must be "low" or "high" (got "middle")');
    expectExcelError(forecastRange([[1, 2]]), '#N/A', 'at least 2 years');
    expectExcelError(forecastRange(history, omitted, 1.5), '#NUM!', 'years must be a whole number');
  });
});
