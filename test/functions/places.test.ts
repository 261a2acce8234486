import { places } from '../../src/functions/functions';
import { expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as number;

describe('KENT.PLACES', () => {
  it('converts forms of entry to places', () => {
    expect(places(4)).toBe(120);
    expect(places(1, 7)).toBe(210);
    expect(places(1, 5)).toBe(150);
    expect(places(1.5, omitted, 28)).toBe(42);
    expect(places(22, omitted, omitted)).toBe(660);
  });

  it('counts a blank cell as 0 and reads a one-cell range', () => {
    expect(places(null as unknown as number)).toBe(0);
    expect(places([[2]] as unknown as number, [[7]] as unknown as number)).toBe(420);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(places(-0.5), '#NUM!', 'fe must not be negative (got -0.5)');
    expectExcelError(places(1, 21), '#NUM!', 'year_groups must be between 1 and 20 (got 21)');
    expectExcelError(places(1, 1, -30), '#NUM!', 'class_size must be greater than 0');
    expectExcelError(places(1e308, 20, 30), '#NUM!', /too large/);
    expectExcelError(places('two' as unknown as number), '#VALUE!', 'fe must be a number (got "two")');
    expectExcelError(places(1, 'seven' as unknown as number), '#VALUE!', 'year_groups must be a number (got "seven")');
  });
});
