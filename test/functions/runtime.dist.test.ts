/**
 * The built dist/functions.js loaded the way Excel loads it: a sandbox whose only global is
 * CustomFunctions. Every function is called by id with 2-D arrays (as Excel passes ranges) and its
 * result compared with the engine's.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as engine from '../../src/engine';
import { CustomFunctionError } from '../support/custom-functions-stub';
import { DIST, FunctionsSandbox, loadFunctionsBundle } from '../support/functions-sandbox';

let sandbox: FunctionsSandbox;

beforeAll(() => {
  sandbox = loadFunctionsBundle();
});

const metadataIds = (): string[] =>
  (JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id);

const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);
const history = [
  [100, 95, 90],
  [110, 98, 94],
  [120, 108, 97],
  [118, 117, 106],
  [125, 116, 115],
];
const driver = [125, 130, 140, 135, 142, 150, 148];

describe('dist/functions.js in a CustomFunctions-only sandbox', () => {
  it('loads without window, document, timers or console and registers every function in functions.json', () => {
    expect([...sandbox.functions.keys()].sort()).toEqual(metadataIds().sort());
    expect(sandbox.functions.size).toBe(16);
    expect(Object.keys(sandbox.context)).toEqual(['CustomFunctions']);
  });

  it('is self-contained: one script, no chunk loading', () => {
    const code = fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8');
    expect(code).not.toMatch(/webpackChunk|importScripts|document\.|window\./);
    expect(code).not.toMatch(/\beval\(|new Function\(/);
  });

  it('SURPLUS, SURPLUSPLACES, SURPLUSSTATUS, SURPLUSBY match the engine', () => {
    const groups = col('Dover', 'Thanet', 'Dover', 'Swale');
    const cap = col(210, 420, 180, 300);
    const roll = col(200, 430, 150, 290);
    const c = [210, 420, 180, 300];
    const r = [200, 430, 150, 290];
    expect(sandbox.call('SURPLUS', cap, roll, null)).toBe(engine.surplusFraction(c, r));
    expect(sandbox.call('SURPLUS', cap, roll, 'unfilled')).toBe(engine.surplusFraction(c, r, 'unfilled'));
    expect(sandbox.call('SURPLUSPLACES', cap, roll, null)).toBe(engine.surplusPlaces(c, r));
    expect(sandbox.call('SURPLUSSTATUS', 0.056, null, null)).toBe(engine.surplusStatus(0.056));
    const by = engine.surplusBy(['Dover', 'Thanet', 'Dover', 'Swale'], c, r);
    expect(sandbox.call('SURPLUSBY', groups, cap, roll, null, null, null)).toEqual([
      ...[...by.rows, by.total].map((x) => [x.group, x.capacity, x.roll, x.places, x.fraction, x.status]),
      ['At or above target', by.atOrAboveTarget, by.groupCount, '', '', ''],
    ]);
  });

  it('FE, PLACES, PLACESNEEDED, FENEEDED, COMMISSION match the engine', () => {
    expect(sandbox.call('FE', 660, null, null)).toBe(engine.placesToFe(660));
    expect(sandbox.call('PLACES', 1.5, 7, null)).toBe(engine.feToPlaces(1.5, 7));
    expect(sandbox.call('PLACESNEEDED', 950, 900, null)).toBe(engine.placesNeeded(950, 900));
    expect(sandbox.call('FENEEDED', 2000, 1890, null, 7, 0.5)).toBe(engine.feNeeded(2000, 1890, { yearGroups: 7, step: 0.5 }));
    const f = [600, 640, 650, 655, 630, 600];
    const plan = engine.commissionPlan(f, 600, {});
    expect(sandbox.call('COMMISSION', col(...f), [[600]], null, null, null, null)).toEqual(plan.map((y) => [y.permanentFe, y.temporaryPlaces]));
  });

  it('FORECAST, FORECASTRANGE, RATIOS, HOUSINGYIELD, BACKTEST match the engine', () => {
    const additions = engine.housingYield([100, 0, 250], { yearGroups: 3 });
    expect(sandbox.call('HOUSINGYIELD', col(100, 0, 250), null, 3)).toEqual(additions);
    const options = { driver, horizon: 2, ratioYears: 2, method: 'weighted' as const };
    const result = engine.cohortForecast(history, { ...options, additions });
    expect(sandbox.call('FORECAST', history, col(...driver), 2, 2, 'weighted', additions)).toEqual(result.forecast);
    const range = engine.cohortForecast(history, options);
    expect(sandbox.call('FORECASTRANGE', history, col(...driver), 2, 2, 'weighted', 'low')).toEqual(range.low);
    expect(sandbox.call('FORECASTRANGE', history, col(...driver), 2, 2, 'weighted', 'high')).toEqual(range.high);
    const ratios = engine.forecastRatios(history, { driver });
    expect(sandbox.call('RATIOS', history, col(...driver), null, null)).toEqual([[(ratios.intake as engine.RatioSummary).value, ...ratios.progression.map((p) => p.value)]]);
    const bt = engine.backtest(history, { horizon: 2 });
    expect(sandbox.call('BACKTEST', history, null, 2, null, null, null)).toEqual(bt.map((b) => [b.accuracy, b.mape]));
  });

  it('ACCURACY and ACCURACYBY match the engine', () => {
    expect(sandbox.call('ACCURACY', col(127516), col(127188))).toBe(engine.accuracyOfSums([127516], [127188]));
    const by = engine.accuracyBy(['A', 'B', 'A'], [100, 200, 110], [100, 190, 100]);
    expect(sandbox.call('ACCURACYBY', col('A', 'B', 'A'), col(100, 200, 110), col(100, 190, 100), null, null)).toEqual([
      ...[...by.rows, by.total].map((x) => [x.group, x.forecast, x.actual, x.difference, x.accuracy, x.withinTolerance]),
      ['MAPE, outside tolerance', by.mape, by.outsideTolerance, '', '', ''],
    ]);
  });

  it('returns CustomFunctions.Error objects made by the global, for scalars and tables', () => {
    const scalar = sandbox.call('FE', -1, null, null);
    expect(scalar).toBeInstanceOf(CustomFunctionError);
    expect(scalar).toMatchObject({ code: '#NUM!', message: 'places must not be negative (got -1)' });
    const table = sandbox.call('SURPLUSBY', col('A'), col(0), col(1), null, null, null) as unknown[][];
    expect(table).toHaveLength(1);
    expect(table[0][0]).toBeInstanceOf(CustomFunctionError);
    expect(table[0][0]).toMatchObject({ code: '#DIV/0!' });
    expect(sandbox.call('ACCURACY', col('x'), col(1))).toMatchObject({ code: '#VALUE!' });
    expect(sandbox.call('FORECAST', [[1, 2]], null, null, null, null, null)).toEqual([[expect.objectContaining({ code: '#N/A' })]]);
  });
});
