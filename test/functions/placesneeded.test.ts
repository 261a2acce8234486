import { placesNeeded } from '../../src/functions/functions';
import { expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('KENT.PLACESNEEDED', () => {
  it('gives max(0, forecast / (1 - target) - capacity) with a 5% default target', () => {
    expect(placesNeeded(950, 900)).toBeCloseTo(950 / 0.95 - 900, 10);
    expect(placesNeeded(900, 1000)).toBe(0);
    expect(placesNeeded(600, 600, 0)).toBe(0);
    expect(placesNeeded(630, 600, 0)).toBeCloseTo(30, 10);
    expect(placesNeeded(950, 900, null as unknown as number)).toBeCloseTo(100, 10);
  });

  it('counts blank cells as 0 and accepts "5%" text for the target', () => {
    expect(placesNeeded(95, null as unknown as number)).toBeCloseTo(100, 10);
    expect(placesNeeded(null as unknown as number, 10)).toBe(0);
    expect(placesNeeded(90, 0, '10%' as unknown as number)).toBeCloseTo(100, 10);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(placesNeeded(-1, 10), '#NUM!', 'forecast must not be negative');
    expectExcelError(placesNeeded(1, -10), '#NUM!', 'capacity must not be negative');
    expectExcelError(placesNeeded(1, 10, 1), '#NUM!', 'target must be a fraction from 0 up to (not including) 1');
    expectExcelError(placesNeeded(1, 10, NaN), '#NUM!', /target must be a finite number/);
    expectExcelError(placesNeeded('lots' as unknown as number, 10), '#VALUE!', 'forecast must be a number (got "lots")');
  });
});
