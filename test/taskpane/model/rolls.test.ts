import type { CellValue, Matrix } from '../../../src/excel/gateway';
import {
  detectLayout,
  layoutProblems,
  parseRolls,
  recogniseYearGroup,
  type RollsLayout,
} from '../../../src/taskpane/model/rolls';

const roles = (headers: CellValue[]) => detectLayout(headers).columns.map((c) => c.role);

describe('recogniseYearGroup', () => {
  test.each([
    ['R', 'R'], ['Reception', 'R'], ['YR', 'R'], ['Year R', 'R'], ['yr', 'R'], ['YEAR R', 'R'], ['Yr R', 'R'],
    ['Y1', 'Y1'], ['Y11', 'Y11'], ['Yr 7', 'Y7'], ['Year 7', 'Y7'], ['Year7', 'Y7'], ['year-7', 'Y7'],
    [' Y 3 ', 'Y3'], ['Year 10', 'Y10'], ['Y.9', 'Y9'], ['Y7 roll', 'Y7'],
  ])('%s -> %s (confident)', (text, yg) => {
    expect(recogniseYearGroup(text)).toEqual({ yearGroup: yg, confident: true });
  });
  test('a bare number is a guess', () => {
    expect(recogniseYearGroup('7')).toEqual({ yearGroup: 'Y7', confident: false });
  });
  test.each(['Y12', 'Year 13', 'Y0x', 'Yes', '2019', 'Year', ''])('%s is not a year group', (text) => {
    expect(recogniseYearGroup(text)).toBeNull();
  });
});

describe('detectLayout', () => {
  test('the sample primary table', () => {
    const layout = detectLayout(['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Births', 'PAN', 'Dwellings']);
    expect(layout.columns.map((c) => c.role)).toEqual([
      'district', 'area', 'year', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'driver', 'capacity', 'dwellings',
    ]);
    expect(layout.columns.filter((c) => c.role === 'yearGroup').map((c) => c.yearGroup)).toEqual(['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6']);
    expect(layout.columns.every((c) => c.confident)).toBe(true);
    expect(layoutProblems(layout)).toEqual([]);
  });
  test('the sample secondary table', () => {
    const layout = detectLayout(['District', 'Year', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Feeder Y6', 'PAN', 'Dwellings']);
    expect(layout.columns.map((c) => c.role)).toEqual(['district', 'year', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'yearGroup', 'driver', 'capacity', 'dwellings']);
    expect(layoutProblems(layout)).toEqual([]);
  });
  test.each(['Births', 'Births (cohort)', 'births', 'Feeder Y6', 'Y6 feeder', 'Year 6 (previous year)', 'Y6 (prev year)'])('%s is the driver', (h) => {
    expect(roles(['Area', h, 'Y7'])[1]).toBe('driver');
  });
  test.each(['PAN', 'pan', 'Capacity', 'Published admission number', 'PAN 2025'])('%s is capacity', (h) => {
    expect(roles([h])[0]).toBe('capacity');
  });
  test.each(['Dwellings', 'Housing', 'Completions', 'Housing completions', 'New dwellings'])('%s is dwellings', (h) => {
    expect(roles([h])[0]).toBe('dwellings');
  });
  test.each(['Planning area', 'Area', 'Planning group', 'PLANNING_AREA', 'Primary planning group'])('%s is the area', (h) => {
    expect(roles([h])[0]).toBe('area');
  });
  test.each(['Year', 'Academic year', 'Census year', 'YEAR'])('%s is the year', (h) => {
    expect(roles([h])[0]).toBe('year');
  });
  test('District is the district', () => expect(roles(['District'])[0]).toBe('district'));
  test('unknown headers are ignored, one role per header cell (blanks included)', () => {
    const layout = detectLayout(['Notes', null, '', 'R']);
    expect(layout.columns.map((c) => [c.index, c.header, c.role])).toEqual([[0, 'Notes', 'ignore'], [1, '', 'ignore'], [2, '', 'ignore'], [3, 'R', 'yearGroup']]);
  });
  test('plain numbers are guesses the UI must confirm', () => {
    const layout = detectLayout(['Area', 'Year', '7', '8', 9, 10, '11']);
    const yg = layout.columns.filter((c) => c.role === 'yearGroup');
    expect(yg.map((c) => c.yearGroup)).toEqual(['Y7', 'Y8', 'Y9', 'Y10', 'Y11']);
    expect(yg.every((c) => !c.confident)).toBe(true);
  });
  test('a lone Group column is a guessed planning area', () => {
    const c = detectLayout(['Group', 'R'])['columns'][0];
    expect([c.role, c.confident]).toEqual(['area', false]);
  });
  test('"Area" beside "Planning area" is left out (and flagged as a guess)', () => {
    const layout = detectLayout(['Area', 'District', 'Planning area', 'Year', 'R', 'Y1']);
    expect(layout.columns[0]).toMatchObject({ role: 'ignore', confident: false });
    expect(layout.columns[2].role).toBe('area');
    expect(layoutProblems(layout)).toEqual([]);
  });
  test('a year group far from the others is a guess', () => {
    const layout = detectLayout(['Yr', 'Area', 'R', 'Y1', 'Y2']);
    expect(layout.columns[0]).toMatchObject({ role: 'yearGroup', yearGroup: 'R', confident: false });
    expect(layoutProblems(layout).join(' ')).toMatch(/R appears in two columns/);
  });
});

describe('layoutProblems', () => {
  test('a gap in the year groups', () => {
    expect(layoutProblems(detectLayout(['Area', 'R', 'Y1', 'Y3']))).toEqual([
      'Year-group columns must follow on with no gap: Y1 is followed by Y3 (Y2 is missing).',
    ]);
  });
  test('out of order', () => {
    expect(layoutProblems(detectLayout(['Area', 'Y2', 'Y1'])).join(' ')).toMatch(/school order: Y1/);
  });
  test('any consecutive run is fine', () => {
    expect(layoutProblems(detectLayout(['Area', 'Y3', 'Y4', 'Y5']))).toEqual([]);
    expect(layoutProblems(detectLayout(['Area', 'Y7']))).toEqual([]);
  });
  test('no year groups, with a hint about blank (merged) header cells', () => {
    const problems = layoutProblems(detectLayout(['Rolls', null, null, null, 'Births']));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/No year-group columns were recognised/);
    expect(problems[0]).toMatch(/Columns 2-4 have blank headers/);
  });
  test('two driver columns', () => {
    expect(layoutProblems(detectLayout(['Area', 'R', 'Births', 'Feeder Y6'])).join(' ')).toMatch(/Only one column can be the Births \/ feeder Y6 column/);
  });
  test('hostile headers give problems, not exceptions', () => {
    const long = 'x'.repeat(5000);
    const layout = detectLayout(['Area', '#REF!', '=HYPERLINK("http://evil")', long, 'R', 'Y1', true, 12.5]);
    const problems = layoutProblems(layout);
    expect(problems.some((p) => /column 2 shows the error #REF!/.test(p))).toBe(true);
    expect(problems.some((p) => /column 3 .*looks like a formula/.test(p))).toBe(true);
    expect(problems.some((p) => /column 4 is 5,000 characters long/.test(p))).toBe(true);
    expect(layout.columns[1].role).toBe('ignore');
    expect(layout.columns[2].role).toBe('ignore');
  });
  test('a column marked as year group by the UI without choosing which', () => {
    const layout: RollsLayout = { columns: [{ index: 0, header: 'Area', role: 'area', confident: true }, { index: 1, header: 'foo', role: 'yearGroup', confident: true }] };
    expect(layoutProblems(layout).join(' ')).toMatch(/no year group is chosen/);
  });
});

const HEADER = ['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Births', 'PAN', 'Dwellings'];
function table(): Matrix {
  return [
    HEADER,
    ['Ashford', 'Ashford North', '2021-22', 100, 95, 90, 110, 120, null],
    ['Ashford', 'Ashford North', '2022-23', 102, 99, 96, 112, 120, 5],
    ['Ashford', 'Ashford North', '2023-24', 104, 101, 100, 115, 120, null],
    ['Ashford', 'Ashford North', '2024-25', null, null, null, 118, null, 40],
    ['Ashford', 'Ashford North', '2025-26', null, null, null, null, 150, null],
    ['Dover', 'Dover Town', '2021-22', 50, 51, 52, 60, 60, null],
    ['Dover', 'Dover Town', '2022-23', 52, 50, 51, '1,234', 60, null],
    [null, null, null, null, null, null, null, null, null],
    ['', '', '', '', '', '', '', '', ''],
  ];
}

describe('parseRolls', () => {
  test('groups by district and area, splits history from forecast rows, aligns the driver by row', () => {
    const values = table();
    const { areas, problems } = parseRolls(values, detectLayout(values[0]));
    expect(problems).toEqual([]);
    expect(areas).toHaveLength(2);
    const [a, d] = areas;
    expect(a).toEqual({
      area: 'Ashford North',
      district: 'Ashford',
      years: ['2021-22', '2022-23', '2023-24'],
      forecastYears: ['2024-25', '2025-26'],
      yearGroups: ['R', 'Y1', 'Y2'],
      rolls: [[100, 95, 90], [102, 99, 96], [104, 101, 100]],
      driver: [110, 112, 115, 118, null],
      pan: 150,
      dwellings: [40, 0],
      sourceRows: [1, 2, 3, 4, 5],
      panRow: 5,
    });
    expect(d.driver).toEqual([60, 1234]);
    expect(d.forecastYears).toEqual([]);
    expect(d.pan).toBe(60);
    expect(d.sourceRows).toEqual([6, 7]);
  });

  test('interleaved areas keep first-appearance order and their own rows', () => {
    const values: Matrix = [
      ['Area', 'Year', 'Y7', 'Y8'],
      ['B', 2020, 10, 11],
      ['A', 2020, 20, 21],
      ['B', 2021, 12, 13],
      ['A', 2021, 22, 23],
    ];
    const { areas } = parseRolls(values, detectLayout(values[0]));
    expect(areas.map((x) => x.area)).toEqual(['B', 'A']);
    expect(areas[0]).toMatchObject({ district: '', years: ['2020', '2021'], rolls: [[10, 11], [12, 13]], sourceRows: [1, 3], driver: null, pan: null, dwellings: [] });
  });

  test('secondary by district: the district is the forecasting unit', () => {
    const values: Matrix = [
      ['District', 'Year', 'Y7', 'Y8', 'Feeder Y6'],
      ['Dover', '2022-23', 900, 890, 910],
      ['Dover', '2023-24', 905, 899, 920],
    ];
    const { areas } = parseRolls(values, detectLayout(values[0]));
    expect(areas[0]).toMatchObject({ area: 'Dover', district: 'Dover', driver: [910, 920] });
  });

  test('problems name the row, the column and the value; the area is left out, others kept', () => {
    const values = table();
    values[2][5] = 'n/a';
    const { areas, problems } = parseRolls(values, detectLayout(values[0]));
    expect(problems[0]).toBe("Row 3, column Y2: 'n/a' is not a number.");
    expect(problems).toContain('Planning area Ashford North (Ashford) was left out because of the problems above.');
    expect(areas.map((a) => a.area)).toEqual(['Dover Town']);
  });

  test('row numbers follow the worksheet when the header row is given', () => {
    const values = table();
    values[2][5] = -4;
    const { problems } = parseRolls(values, detectLayout(values[0]), { headerRow: 10 });
    expect(problems[0]).toBe('Row 12, column Y2: -4 is negative.');
  });

  test('hostile cell content gives problems, never an exception', () => {
    const values = table();
    values[1][3] = '=1+1';
    values[6][1] = '#REF!';
    values[7][1] = 'x'.repeat(10000);
    values[3][6] = '#N/A';
    let result: ReturnType<typeof parseRolls> | undefined;
    expect(() => {
      result = parseRolls(values, detectLayout(values[0]));
    }).not.toThrow();
    const text = result!.problems.join('\n');
    expect(text).toMatch(/Row 2, column R: '=1\+1' looks like a formula, not a number/);
    expect(text).toMatch(/Row 7, column Planning area: the cell shows the error #REF!/);
    expect(text).toMatch(/Row 8, column Planning area: the text is 10,000 characters long/);
    expect(text).toMatch(/Row 4, column Births: the cell shows the error #N\/A/);
    expect(result!.areas).toEqual([]);
  });

  test('booleans, NaN and Infinity in rolls are problems', () => {
    const values: Matrix = [['Area', 'R', 'Y1'], ['A', true, 1], ['A', Number.NaN, 2], ['A', Number.POSITIVE_INFINITY, 3]];
    const { problems, areas } = parseRolls(values, detectLayout(values[0]));
    expect(problems.slice(0, 3)).toEqual(["Row 2, column R: 'true' is not a number.", "Row 3, column R: 'NaN' is not a finite number.", "Row 4, column R: 'Infinity' is not a finite number."]);
    expect(areas).toEqual([]);
  });

  test('missing markers in optional columns are blanks; in rolls they are problems', () => {
    const values: Matrix = [['Area', 'R', 'Y1', 'Births'], ['A', 1, 1, '-'], ['A', 2, 2, 'n/a'], ['A', null, null, 5]];
    expect(parseRolls(values, detectLayout(values[0]))).toEqual({
      problems: [],
      areas: [expect.objectContaining({ driver: [null, null, 5], years: ['Row 2', 'Row 3'], forecastYears: ['Row 4'] })],
    });
  });

  test('rolls after a forecast row are a problem', () => {
    const values = table();
    values[4] = ['Ashford', 'Ashford North', '2024-25', 1, 2, 3, 118, null, 40];
    values[3] = ['Ashford', 'Ashford North', '2023-24', null, null, null, 115, 120, null];
    const { areas, problems } = parseRolls(values, detectLayout(values[0]));
    expect(problems.join(' ')).toMatch(/Row 5 has rolls but comes after a row with blank rolls \(Row 4\)/);
    expect(areas.map((a) => a.area)).toEqual(['Dover Town']);
  });

  test('partly blank rolls are a problem', () => {
    const values = table();
    values[2][4] = null;
    const { problems } = parseRolls(values, detectLayout(values[0]));
    expect(problems[0]).toBe('Row 3: Y1 is blank while other year groups have rolls; fill every year group or none.');
  });

  test('two rows for one year (a school-level table) is a problem', () => {
    const values = table();
    values[2][2] = '2021-22';
    expect(parseRolls(values, detectLayout(values[0])).problems[0]).toMatch(/two rows for 2021-22 \(Row 2 and Row 3\)/);
  });

  test('blank planning area and total rows are left out with a problem', () => {
    const values = table();
    values[6][1] = null;
    values.push(['Kent', 'Kent total', '2021-22', 1000, 1000, 1000, null, null, null]);
    const { areas, problems } = parseRolls(values, detectLayout(values[0]));
    expect(problems).toEqual([
      'Row 7: the Planning area cell is blank, so the row was left out.',
      'Row 11 ("Kent total") looks like a total row and was left out: the pane adds up the planning areas itself.',
    ]);
    expect(areas.map((a) => a.area)).toEqual(['Ashford North', 'Dover Town']);
    expect(areas[1].rolls).toEqual([[52, 50, 51]]);
  });

  test('an unusable layout returns its problems and no areas', () => {
    const values: Matrix = [['Area', 'R', 'Y2'], ['A', 1, 2]];
    const result = parseRolls(values, detectLayout(values[0]));
    expect(result.areas).toEqual([]);
    expect(result.problems[0]).toMatch(/no gap/);
  });

  test('ragged and short rows do not throw', () => {
    const values = [['Area', 'R', 'Y1'], ['A', 1], ['A'], ['A', 3, 4, 5, 6]] as Matrix;
    expect(() => parseRolls(values, detectLayout(values[0]))).not.toThrow();
  });
});
