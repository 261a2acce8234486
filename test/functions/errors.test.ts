import { PlanningError } from '../../src/engine/errors';
import { excelError, excelTable, excelValue, toExcelError } from '../../src/functions/errors';
import { CustomFunctionError, expectExcelError, installCustomFunctionsStub, removeCustomFunctionsStub } from '../support/custom-functions-stub';

describe('Excel error mapping', () => {
  beforeAll(() => {
    installCustomFunctionsStub();
  });

  it.each([
    ['VALUE', '#VALUE!'],
    ['NUM', '#NUM!'],
    ['DIV0', '#DIV/0!'],
    ['NA', '#N/A'],
  ] as const)('maps PlanningError %s to %s with its message', (code, excel) => {
    const e = toExcelError(new PlanningError(code, `a ${code} problem`));
    expect(e).toBeInstanceOf(CustomFunctionError);
    expect(e.code).toBe(excel);
    expect(e.message).toBe(`a ${code} problem`);
    expect(excelError(code, 'm').code).toBe(excel);
  });

  it('maps anything else to #VALUE! with its message', () => {
    expectExcelError(toExcelError(new RangeError('Invalid array length')), '#VALUE!', 'unexpected error: Invalid array length');
    expectExcelError(toExcelError('boom'), '#VALUE!', 'unexpected error: boom');
    expectExcelError(toExcelError(undefined), '#VALUE!', 'unexpected error');
  });

  it('excelValue returns values, and errors instead of throwing or NaN/Infinity', () => {
    expect(excelValue(() => 3)).toBe(3);
    expect(excelValue(() => 'Within target')).toBe('Within target');
    expectExcelError(excelValue(() => NaN), '#NUM!', 'not a finite number');
    expectExcelError(excelValue(() => Infinity), '#NUM!', 'not a finite number');
    expectExcelError(excelValue(() => undefined as unknown as number), '#VALUE!', 'not a value Excel can show');
    expectExcelError(
      excelValue(() => {
        throw new TypeError('x is not a function');
      }),
      '#VALUE!',
      'unexpected error: x is not a function',
    );
  });

  it('excelTable pads short rows with "", shows null as "" and reports bad cells', () => {
    expect(excelTable(() => [[1, 'a'], [2], [null, true]])).toEqual([
      [1, 'a'],
      [2, ''],
      ['', true],
    ]);
    expectExcelError(excelTable(() => [[1, NaN]]), '#NUM!', 'result row 1, column 2 is not a finite number');
    expectExcelError(excelTable(() => [[{}]]), '#VALUE!', 'not a value Excel can show');
    expectExcelError(excelTable(() => []), '#N/A', 'nothing to show');
    expectExcelError(excelTable(() => [[]]), '#N/A', 'nothing to show');
    expectExcelError(
      excelTable(() => {
        throw new PlanningError('DIV0', 'total capacity is 0');
      }),
      '#DIV/0!',
      'total capacity is 0',
    );
  });

  it('refuses results larger than an Excel sheet', () => {
    const tall = { length: 1_048_577 } as unknown as unknown[][];
    expectExcelError(excelTable(() => Array.from(tall, () => [1])), '#NUM!', 'larger than an Excel sheet');
  });
});

describe('without Excel', () => {
  it('reports clearly that the CustomFunctions global is missing', () => {
    removeCustomFunctionsStub();
    expect(() => excelError('NA', 'x')).toThrow(/CustomFunctions global is missing/);
    installCustomFunctionsStub();
  });
});
