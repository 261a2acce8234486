import { displayResult, formulaArgument, replaceSection, renderReference, runExample, FunctionMetadata, END, START } from '../../src/tools/function-reference';
import { installCustomFunctionsStub } from '../support/custom-functions-stub';

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('function-reference', () => {
  it('writes arguments in Excel formula syntax', () => {
    expect(formulaArgument([[1], [2]])).toBe('{1;2}');
    expect(formulaArgument([[1, 2], [3, 4]])).toBe('{1,2;3,4}');
    expect(formulaArgument('say "hi"')).toBe('"say ""hi"""');
    expect(formulaArgument(true)).toBe('TRUE');
    expect(formulaArgument(null)).toBe('');
  });

  it('shows results rounded for reading, tables one row per line', () => {
    expect(displayResult(1 / 3)).toBe('0.3333');
    expect(displayResult(22)).toBe('22');
    expect(displayResult([[1, 'a'], [false, 0.12345]])).toBe('1, a<br>FALSE, 0.1235');
  });

  it('computes results by calling the function, wrapping one-cell values for range arguments as Excel does', () => {
    const meta: FunctionMetadata = { id: 'ACCURACY', name: 'ACCURACY', parameters: [{ name: 'forecast', dimensionality: 'matrix' }, { name: 'actual', dimensionality: 'matrix' }] };
    expect(runExample(meta, [110, 100])).toBeCloseTo(0.1, 15);
  });

  it('refuses to document an example that fails', () => {
    const meta: FunctionMetadata = { id: 'FE', name: 'FE', parameters: [{ name: 'places' }] };
    expect(() => renderReference([{ ...meta, id: 'NOPE' }])).toThrow(/no example for NOPE/);
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n${START}\nold\n${END}\n## After\n`;
    expect(replaceSection(readme, '\nnew\n')).toBe(`# Title\n${START}\nnew\n${END}\n## After\n`);
    expect(() => replaceSection('no markers', 'x')).toThrow(/must contain/);
  });
});
