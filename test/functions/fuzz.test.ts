/**
 * Fuzzing (fast-check): every KENT function, called with arbitrary cell values (numbers, NaN,
 * Infinity, text, booleans, null, ragged and empty arrays), returns a valid Excel value (a finite
 * number, text, a boolean, or a non-empty rectangular table of those) or a CustomFunctions.Error with
 * a message; it never throws, hangs, or returns NaN, Infinity or undefined.
 */
import fc from 'fast-check';
import * as kent from '../../src/functions/functions';
import { CustomFunctionError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

type Fn = (...args: unknown[]) => unknown;
const FUNCTIONS: [string, Fn, number][] = [
  ['SURPLUS', kent.surplus as Fn, 3],
  ['SURPLUSPLACES', kent.surplusPlaces as Fn, 3],
  ['SURPLUSSTATUS', kent.surplusStatus as Fn, 3],
  ['SURPLUSBY', kent.surplusBy as Fn, 6],
  ['FE', kent.fe as Fn, 3],
  ['PLACES', kent.places as Fn, 3],
  ['PLACESNEEDED', kent.placesNeeded as Fn, 3],
  ['FENEEDED', kent.feNeeded as Fn, 5],
  ['COMMISSION', kent.commission as Fn, 6],
  ['FORECAST', kent.forecast as Fn, 6],
  ['FORECASTRANGE', kent.forecastRange as Fn, 6],
  ['RATIOS', kent.ratios as Fn, 4],
  ['HOUSINGYIELD', kent.housingYield as Fn, 3],
  ['ACCURACY', kent.accuracy as Fn, 2],
  ['ACCURACYBY', kent.accuracyBy as Fn, 5],
  ['BACKTEST', kent.backtest as Fn, 6],
];

const words = fc.constantFrom('', ' ', 'net', 'unfilled', 'low', 'high', 'mean', 'pooled', 'weighted', 'exponential', 'median135', 'TRUE', '5%', '0.05', 'Dover', '1e3', 'x');
/** Any single cell value Excel (or a careless caller) might pass. */
const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 400 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, 5e-324),
  fc.string({ maxLength: 6 }),
  words,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
/** Ranges: rectangular, ragged, empty, flat. */
const rect = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }))
  .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const ragged = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 });
const argument = fc.oneof(cell, rect, ragged, fc.array(cell, { maxLength: 5 }), fc.constant([]), fc.constant([[]]));

/** Plausible planning input, to reach deep into the engine rather than stop at the first check. */
type Kind = 'range' | 'labels' | 'number' | 'opt';
const KINDS: Record<string, Kind[]> = {
  SURPLUS: ['range', 'range', 'opt'],
  SURPLUSPLACES: ['range', 'range', 'opt'],
  SURPLUSSTATUS: ['number', 'opt', 'opt'],
  SURPLUSBY: ['labels', 'range', 'range', 'opt', 'opt', 'opt'],
  FE: ['number', 'opt', 'opt'],
  PLACES: ['number', 'opt', 'opt'],
  PLACESNEEDED: ['number', 'number', 'opt'],
  FENEEDED: ['number', 'number', 'opt', 'opt', 'opt'],
  COMMISSION: ['range', 'range', 'opt', 'opt', 'opt', 'opt'],
  FORECAST: ['range', 'opt', 'opt', 'opt', 'opt', 'opt'],
  FORECASTRANGE: ['range', 'opt', 'opt', 'opt', 'opt', 'opt'],
  RATIOS: ['range', 'opt', 'opt', 'opt'],
  HOUSINGYIELD: ['range', 'opt', 'opt'],
  ACCURACY: ['range', 'range'],
  ACCURACYBY: ['labels', 'range', 'range', 'opt', 'opt'],
  BACKTEST: ['range', 'opt', 'opt', 'opt', 'opt', 'opt'],
};
const figure = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 500 }) }, { weight: 1, arbitrary: fc.constantFrom(null, 0, '') }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) });
const optional = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 0.99, noNaN: true }) },
  { weight: 1, arbitrary: words },
  { weight: 1, arbitrary: fc.boolean() },
);
function plausibleArgs(kinds: Kind[]) {
  return fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 })).chain(([r, c]) => {
    const block = (value: fc.Arbitrary<unknown>) => fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
    return fc.tuple(
      ...kinds.map((k): fc.Arbitrary<unknown> => {
        if (k === 'range') return block(figure);
        if (k === 'labels') return block(fc.constantFrom('Dover', 'Thanet', 'Swale'));
        if (k === 'number') return figure;
        return optional;
      }),
    );
  });
}

function isCellValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string' || typeof v === 'boolean') return true;
  return v instanceof CustomFunctionError && v.message.trim().length > 0;
}

/** Why a result is not something Excel can show ('' when it is fine). */
function problem(result: unknown): string {
  if (!Array.isArray(result)) return isCellValue(result) ? '' : `not an Excel value: ${String(result)}`;
  if (result.length === 0) return 'an empty table';
  const width = Array.isArray(result[0]) ? result[0].length : -1;
  if (width < 1) return 'a table with an empty first row';
  for (const row of result) {
    if (!Array.isArray(row) || row.length !== width) return 'a ragged table';
    for (const v of row) if (!isCellValue(v)) return `a table holding ${String(v)}`;
  }
  return '';
}

describe('fuzz: every KENT function returns a valid Excel value or an Excel error with a message', () => {
  it.each(FUNCTIONS)('%s with arbitrary cell values', (_id, fn, arity) => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
        const start = Date.now();
        let result: unknown;
        expect(() => {
          result = fn(...args);
        }).not.toThrow();
        expect(Date.now() - start).toBeLessThan(2000);
        expect(problem(result)).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it.each(FUNCTIONS)('%s with plausible planning figures (and some of them give real results)', (_id, fn) => {
    let results = 0;
    fc.assert(
      fc.property(plausibleArgs(KINDS[_id]), (args) => {
        let result: unknown;
        expect(() => {
          result = fn(...args);
        }).not.toThrow();
        expect(problem(result)).toBe('');
        const first = Array.isArray(result) ? (result as unknown[][])[0][0] : result;
        if (!(first instanceof CustomFunctionError)) results++;
      }),
      { numRuns: 500, seed: 20260101 },
    );
    expect(results).toBeGreaterThan(10); // a fair share of the runs get past validation into the engine
  });
});
