import { surplusStatus } from '../../src/functions/functions';
import { expectExcelError, installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

const omitted = null as unknown as number;

describe('KENT.SURPLUSSTATUS', () => {
  it('places a surplus in the 5-7% band by default', () => {
    expect(surplusStatus(-0.001)).toBe('Deficit');
    expect(surplusStatus(0)).toBe('Below target');
    expect(surplusStatus(0.0499)).toBe('Below target');
    expect(surplusStatus(0.05)).toBe('Within target');
    expect(surplusStatus(0.056)).toBe('Within target');
    expect(surplusStatus(0.07)).toBe('Within target');
    expect(surplusStatus(0.0701)).toBe('Above target');
  });

  it('uses the band given, with omitted (null) arguments taking the defaults', () => {
    expect(surplusStatus(0.03, 0.02, 0.04)).toBe('Within target');
    expect(surplusStatus(0.05, 0.02, 0.04)).toBe('Above target');
    expect(surplusStatus(0.06, omitted, omitted)).toBe('Within target');
    expect(surplusStatus(0.06, omitted, 0.055)).toBe('Above target');
  });

  it('raises the top of the band to min when only a higher min is given', () => {
    expect(surplusStatus(0.08, 0.08)).toBe('Within target');
    expect(surplusStatus(0.081, 0.08)).toBe('Above target');
  });

  it('counts a blank surplus (null or "") as 0 and reads a one-cell range', () => {
    expect(surplusStatus(null as unknown as number)).toBe('Below target');
    expect(surplusStatus('' as unknown as number)).toBe('Below target');
    expect(surplusStatus([[0.06]] as unknown as number)).toBe('Within target');
    expect(surplusStatus('6%' as unknown as number)).toBe('Within target');
  });

  it('#VALUE! for text, a range or min above max; #NUM! for non-finite or negative band', () => {
    expectExcelError(surplusStatus('high' as unknown as number), '#VALUE!', 'surplus must be a number (got "high")');
    expectExcelError(surplusStatus([[0.1, 0.2]] as unknown as number), '#VALUE!', 'surplus must be a single value, not a range');
    expectExcelError(surplusStatus(0.05, 0.07, 0.05), '#VALUE!', 'min must not be greater than max (0.07 vs 0.05)');
    expectExcelError(surplusStatus(NaN), '#NUM!', /surplus must be a finite number/);
    expectExcelError(surplusStatus(0.05, -0.01), '#NUM!', /min must not be negative/);
  });
});
