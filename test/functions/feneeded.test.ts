import { feNeeded } from '../../src/functions/functions';
import { expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as number;

describe('KENT.FENEEDED', () => {
  it('gives places needed in forms of entry, optionally rounded up to a step', () => {
    expect(feNeeded(950, 900)).toBeCloseTo(100 / 30, 12);
    expect(feNeeded(950, 900, omitted, omitted, 0.5)).toBe(3.5);
    expect(feNeeded(950, 900, omitted, omitted, 1)).toBe(4);
    expect(feNeeded(2000, 1890, omitted, 7)).toBeCloseTo((2000 / 0.95 - 1890) / 210, 12);
    expect(feNeeded(630, 600, 0)).toBeCloseTo(1, 12);
    expect(feNeeded(630, 600, 0, omitted, 0.5)).toBe(1);
  });

  it('is 0 when the target is met and counts blanks as 0', () => {
    expect(feNeeded(900, 1000)).toBe(0);
    expect(feNeeded(null as unknown as number, null as unknown as number)).toBe(0);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(feNeeded(950, 900, omitted, omitted, 0), '#NUM!', 'step must be greater than 0');
    expectExcelError(feNeeded(950, 900, omitted, 0), '#NUM!', 'year_groups must be between 1 and 20');
    expectExcelError(feNeeded(950, 900, 2), '#NUM!', 'target must be a fraction');
    expectExcelError(feNeeded(950, 'PAN' as unknown as number), '#VALUE!', 'capacity must be a number (got "PAN")');
  });
});
