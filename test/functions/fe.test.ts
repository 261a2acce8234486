import { fe } from '../../src/functions/functions';
import { expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as number;

describe('KENT.FE', () => {
  it('converts places to forms of entry (Kent 2013: 660 places = 22 FE; 120 Year 7 places = 4 FE)', () => {
    expect(fe(660)).toBe(22);
    expect(fe(120)).toBe(4);
    expect(fe(45)).toBe(1.5);
  });

  it('divides by year groups and class size when given; omitted (null) takes 1 and 30', () => {
    expect(fe(210, 7)).toBe(1);
    expect(fe(150, 5)).toBe(1);
    expect(fe(56, omitted, 28)).toBe(2);
    expect(fe(60, omitted, omitted)).toBe(2);
  });

  it('counts a blank cell (null or "") as 0 and reads one-cell ranges and numeric text', () => {
    expect(fe(null as unknown as number)).toBe(0);
    expect(fe('' as unknown as number)).toBe(0);
    expect(fe([[90]] as unknown as number)).toBe(3);
    expect(fe('90' as unknown as number)).toBe(3);
  });

  it('maps failures to Excel errors with messages', () => {
    expectExcelError(fe(-1), '#NUM!', 'places must not be negative (got -1)');
    expectExcelError(fe(30, 0), '#NUM!', /year_groups must be between 1 and 20/);
    expectExcelError(fe(30, 1.5), '#NUM!', 'year_groups must be a whole number');
    expectExcelError(fe(30, 1, 0), '#NUM!', 'class_size must be greater than 0');
    expectExcelError(fe(Infinity), '#NUM!', /places must be a finite number/);
    expectExcelError(fe('many' as unknown as number), '#VALUE!', 'places must be a number (got "many")');
    expectExcelError(fe(true as unknown as number), '#VALUE!', 'places must be a number (got TRUE)');
    expectExcelError(fe([[1], [2]] as unknown as number), '#VALUE!', 'places must be a single value, not a range');
  });
});
