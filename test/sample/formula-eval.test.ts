import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { KENT_FUNCTIONS, SHEET_NAMES, sampleWorkbookLayout } from '../../src/sample';
import { evaluateFormula, isErrorValue, KENT_SIGNATURES, UnsupportedFormula, WorkbookEvaluator } from '../../src/sample/formula-eval';

const book: WorkbookData = {
  sheets: [
    { name: 'Data', values: [['District', 'Year', 'Roll', 'PAN'], ['Dover', '2016-17', 90, 100], ['Dover', '2015-16', 80, 100], ['Thanet', '2016-17', 50, 60], ["it's", null, 1, 2]] },
    { name: "Bob's sheet", values: [[1, 2], [3, 4]] },
    { name: 'Calc', values: [['=SUM(Data!C2:C4)', '=KENT.SURPLUS(Data!D2:D4,Data!C2:C4)', '=KENT.SURPLUSSTATUS(B1)']] },
  ],
};

describe('formula evaluator', () => {
  it('evaluates SUM, SUMIFS (case-insensitive text), INDEX and quoted sheet names', () => {
    expect(evaluateFormula(book, 'Calc', '=SUM(Data!C2:C4)')).toEqual([[220]]);
    expect(evaluateFormula(book, 'Calc', '=SUMIFS(Data!$C$2:$C$5,Data!$A$2:$A$5,"dover",Data!$B$2:$B$5,"2016-17")')).toEqual([[90]]);
    expect(evaluateFormula(book, 'Calc', "=SUM('Bob''s sheet'!A1:B2)")).toEqual([[10]]);
    expect(evaluateFormula(book, 'Calc', "=INDEX('Bob''s sheet'!A1:B2,0,2)")).toEqual([[2], [4]]);
    expect(evaluateFormula(book, 'Calc', "=INDEX('Bob''s sheet'!A1:B2,2,1)")).toEqual([[3]]);
    expect(evaluateFormula(book, 'Data', '=SUMIFS(C2:C5,A2:A5,"it\'s")')).toEqual([[1]]);
  });

  it('runs the real KENT functions, including cells that hold other formulas', () => {
    const ev = new WorkbookEvaluator(book);
    expect(ev.evaluateCell('Calc', 'A1')).toEqual([[220]]);
    const [[s]] = ev.evaluateCell('Calc', 'B1');
    expect(s).toBeCloseTo(1 - 220 / 260, 12);
    expect(ev.evaluateCell('Calc', 'C1')).toEqual([['Above target']]);
    expect(evaluateFormula(book, 'Calc', '=KENT.PLACES(22)')).toEqual([[660]]);
    expect(evaluateFormula(book, 'Calc', '=KENT.FE(660,,)')).toEqual([[22]]);
    const by = evaluateFormula(book, 'Calc', '=KENT.SURPLUSBY(Data!A2:A4,Data!D2:D4,Data!C2:C4)');
    expect(by.map((r) => r[0])).toEqual(['Dover', 'Thanet', 'Total', 'At or above target']);
  });

  it('returns the Excel error a function gives, with its message', () => {
    const [[e]] = evaluateFormula(book, 'Calc', '=KENT.SURPLUS(Data!D2:D4,Data!C2:C3)');
    expect(isErrorValue(e) && e.error).toBe('#VALUE!');
    expect(isErrorValue(e) && e.message).toMatch(/same size/);
    const [[d]] = evaluateFormula(book, 'Calc', '=KENT.ACCURACY(1,0)');
    expect(isErrorValue(d) && d.error).toBe('#DIV/0!');
  });

  it('refuses what it does not support instead of guessing', () => {
    expect(() => evaluateFormula(book, 'Calc', '=A1&"x"')).toThrow(UnsupportedFormula);
    expect(() => evaluateFormula(book, 'Calc', '=A1>1')).toThrow(/'>' is not supported/);
    expect(() => evaluateFormula(book, 'Calc', '=SUM(Table1[Roll])')).toThrow(UnsupportedFormula);
    expect(() => evaluateFormula(book, 'Calc', '=INDEX(A1#,1,1)')).toThrow(/spill/);
    expect(() => evaluateFormula(book, 'Calc', '=VLOOKUP(1,A1:B2,2)')).toThrow(/not supported/);
    expect(() => evaluateFormula(book, 'Calc', '=KENT.NOPE(1)')).toThrow(/unknown function/);
    expect(() => evaluateFormula(book, 'Nope', '=SUM(Nope!A1)')).toThrow(/not found/);
  });

  it('knows every KENT function with the parameter shapes functions.ts declares', () => {
    const src = readFileSync(path.resolve(__dirname, '..', '..', 'src', 'functions', 'functions.ts'), 'utf8');
    const declared = [...src.matchAll(/@customfunction\s+([A-Z]+)[\s\S]*?export function \w+\(([^)]*)\)/g)].map((m) => ({
      name: m[1],
      params: m[2].split(',').map((p) => p.trim()).filter(Boolean).map((p) => (/unknown\[\]\[\]/.test(p) ? 'range' : 'scalar')),
    }));
    expect(declared.map((d) => d.name).sort()).toEqual([...KENT_FUNCTIONS].sort());
    for (const d of declared) expect({ name: d.name, params: KENT_SIGNATURES[d.name].params }).toEqual(d);
  });
});

describe('the Try the functions examples', () => {
  it.each([2017, 1, 99])('all evaluate to results (no errors) of the expected size, seed %d', (seed) => {
    const layout = sampleWorkbookLayout(seed);
    const ev = new WorkbookEvaluator(layout.data);
    for (const ex of layout.examples) {
      const result = ev.evaluateCell(SHEET_NAMES.tryFunctions, ex.cell!);
      expect({ formula: ex.formula, errors: result.flat().filter(isErrorValue) }).toEqual({ formula: ex.formula, errors: [] });
      expect({ formula: ex.formula, size: [result.length, result[0].length] }).toEqual({ formula: ex.formula, size: [ex.rows, ex.columns] });
    }
  });

  it('shows the anchored figures: 5.6% Year R surplus, Dartford and Sevenoaks, 9 districts outside, +17 pupils', () => {
    const layout = sampleWorkbookLayout();
    const ev = new WorkbookEvaluator(layout.data);
    const at = (name: string, k = 0) => ev.evaluateCell(SHEET_NAMES.tryFunctions, layout.examples.filter((e) => e.name === name)[k].cell!);
    expect(at('KENT.SURPLUS')[0][0] as number).toBeCloseTo(0.056, 3);
    const by = at('KENT.SURPLUSBY');
    expect(by.find((r) => r[0] === 'Dartford')![4] as number).toBeCloseTo(0.015, 2);
    expect(by.find((r) => r[0] === 'Sevenoaks')![4] as number).toBeCloseTo(0.106, 2);
    const acc = at('KENT.ACCURACYBY');
    expect(acc[acc.length - 1][2]).toBe(9);
    expect(acc.find((r) => r[0] === 'Total')![3]).toBe(17);
    const y7 = at('KENT.ACCURACYBY', 1);
    expect(y7.find((r) => r[0] === 'Dover')![3]).toBe(62);
    expect(at('KENT.PLACES')[0][0]).toBe(660);
    const commission = at('KENT.COMMISSION');
    expect(commission.some((r) => (r[0] as number) > 0)).toBe(true);
  });
});

describe('formula evaluator: arithmetic and spilled cells', () => {
  const sheetBook: WorkbookData = {
    sheets: [{
      name: 'S',
      values: [
        [10, 4, '=KENT.HOUSINGYIELD(A1:A2,0.7,2)', null],
        [20, 'text', null, null],
        ['=A1*7', '=-(A1+A2)/4', '=C1+D2', '=SUM(C1:D2)'],
        ['=A1/0', '=B2*2', '=(A1:A2)*2', null],
      ],
    }],
  };
  const ev = new WorkbookEvaluator(sheetBook);

  it('does + - * / with precedence, brackets and unary minus', () => {
    expect(ev.evaluateCell('S', 'A3')).toEqual([[70]]);
    expect(ev.evaluateCell('S', 'B3')).toEqual([[-7.5]]);
    expect(ev.evaluateCell('S', 'C4')).toEqual([[20], [40]]);
  });

  it('gives Excel errors for division by zero and text', () => {
    expect(ev.evaluateCell('S', 'A4')[0][0]).toMatchObject({ error: '#DIV/0!' });
    expect(ev.evaluateCell('S', 'B4')[0][0]).toMatchObject({ error: '#VALUE!' });
  });

  it('reads the values a formula spills into empty cells', () => {
    expect(ev.evaluateCell('S', 'C1')).toEqual([[3.5, 3.5], [7, 7]]);
    expect(ev.evaluateCell('S', 'C3')).toEqual([[3.5 + 7]]); // C1 + D2 (D2 holds a spilled 7)
    expect(ev.evaluateCell('S', 'D3')).toEqual([[21]]); // SUM over the whole spill
  });
});
