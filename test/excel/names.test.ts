import fc from 'fast-check';
import {
  MAX_SHEET_NAME,
  escapeText,
  isValidSheetName,
  isValidTableName,
  needsEscape,
  sheetNameProblem,
  tableNameProblem,
  uniqueHeaders,
  uniqueName,
  uniqueSheetName,
  uniqueTableName,
  validSheetName,
  validTableName,
} from '../../src/excel/names';

describe('sheet names', () => {
  it.each(['Forecast - Base', 'Primary rolls', "Kent's plan", 'A'.repeat(31), 'Données', '2025'])('accepts %p', (name) => {
    expect(isValidSheetName(name)).toBe(true);
  });

  it.each([
    ['', /blank/],
    ['   ', /blank/],
    ['A'.repeat(32), /32 characters.*at most 31/],
    ['Forecast: Base', /contains ':'/],
    ['a/b', /contains '\/'/],
    ['a\\b', /contains '\\'/],
    ['[x]', /contains '\['/],
    ['what?', /contains '\?'/],
    ['star*', /contains '\*'/],
    ["'quoted", /apostrophe/],
    ["quoted'", /apostrophe/],
    ['History', /reserved/],
    ['history', /reserved/],
    ['tab\there', /control/],
  ])('rejects %p', (name, why) => {
    expect(isValidSheetName(name)).toBe(false);
    expect(sheetNameProblem(name)).toMatch(why);
  });

  it('repairs names', () => {
    expect(validSheetName('Forecast: Base/2025')).toBe('Forecast_ Base_2025');
    expect(validSheetName("'quoted'")).toBe('quoted');
    expect(validSheetName('   ')).toBe('Sheet');
    expect(validSheetName('History')).toBe('History_');
    expect(validSheetName('A'.repeat(40))).toBe('A'.repeat(31));
    expect(validSheetName(`${'A'.repeat(30)}'x`)).toBe('A'.repeat(30));
    expect(validSheetName('Forecast - Base')).toBe('Forecast - Base');
  });

  it('never splits a surrogate pair when cutting', () => {
    const name = `${'A'.repeat(30)}😀`;
    const fixed = validSheetName(name);
    expect(fixed).toBe('A'.repeat(30));
  });

  it('repairs any string into a valid name', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => isValidSheetName(validSheetName(s))));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => isValidSheetName(validSheetName(s))));
  });

  it('makes names unique case-insensitively within the limit', () => {
    expect(uniqueName('Forecast', ['forecast', 'Forecast (2)'])).toBe('Forecast (3)');
    expect(uniqueName('Forecast', ['Other'])).toBe('Forecast');
    const long = 'B'.repeat(31);
    const u = uniqueName(long, [long]);
    expect(u).toBe(`${'B'.repeat(27)} (2)`);
    expect(u.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(uniqueSheetName('Data: x', ['data_ x'])).toBe('Data_ x (2)');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 20 }), (name, existing) => {
        const all = [...existing];
        for (let i = 0; i < 5; i += 1) {
          const u2 = uniqueSheetName(name, all);
          expect(isValidSheetName(u2)).toBe(true);
          expect(all.map((e) => e.toLowerCase())).not.toContain(u2.toLowerCase());
          all.push(u2);
        }
      }),
    );
  });
});

describe('table names', () => {
  it.each(['Forecast_Base', '_x', '\\t', 'PrimaryRolls', 'a.b', 'Table1', 'Données'])('accepts %p', (n) => expect(isValidTableName(n)).toBe(true));

  it.each([
    ['', /blank/],
    ['2025 forecast', /start with a letter/],
    ['Forecast Base', /space/],
    ['a-b', /only contain/],
    ['A1', /cell reference/],
    ['xfd1048576', /cell reference/],
    ['R1C1', /cell reference/],
    ['R', /cell reference/],
    ['Tbl1', /cell reference/], // TBL is a column (13,584)
    ['c', /cell reference/],
    ['rc', /cell reference/],
    ['T'.repeat(256), /255/],
  ])('rejects %p', (n, why) => {
    expect(isValidTableName(n)).toBe(false);
    expect(tableNameProblem(n)).toMatch(why);
  });

  it('accepts look-alikes that are not references', () => {
    expect(isValidTableName('XFE1')).toBe(true); // beyond the last column
    expect(isValidTableName('ABCD1')).toBe(true);
  });

  it('repairs and uniquifies', () => {
    expect(validTableName('Forecast - Base 2025')).toBe('Forecast___Base_2025');
    expect(validTableName('A1')).toBe('_A1');
    expect(validTableName('2025')).toBe('_2025');
    expect(validTableName('')).toBe('Table');
    expect(uniqueTableName('Forecast Base', ['forecast_base'])).toBe('Forecast_Base_2');
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => isValidTableName(validTableName(s))));
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 })), (s, existing) => {
        const u = uniqueTableName(s, existing);
        expect(isValidTableName(u)).toBe(true);
        expect(existing.map((e) => e.toLowerCase())).not.toContain(u.toLowerCase());
      }),
    );
  });
});

describe('escaping text', () => {
  it.each([
    '=SUM(A1:A9)',
    '=HYPERLINK("http://evil","click")',
    '+1',
    '-1',
    '-cmd|calc',
    '@SUM(A1)',
    "'quoted",
    '#N/A',
    '#DIV/0!',
    '007',
    '1e5',
    '12%',
    '.5',
    '£1,000',
    '$5',
    '(1,234)',
    '2019-20',
    '1/2',
    '12:30',
    'TRUE',
    'false',
    'Jan-20',
    'March 2021',
    ' =1',
    '\t=1',
    '\r=1',
  ])('escapes %p so Excel keeps it as text', (text) => {
    expect(needsEscape(text)).toBe(true);
    expect(escapeText(text)).toBe(`'${text}`);
  });

  it.each(['Dartford', 'Tonbridge & Malling', 'Y1', 'R', 'Planning area', 'Births', 'Mayfield', 'Decoy', 'Within target', ''])('leaves %p alone', (text) => {
    expect(needsEscape(text)).toBe(false);
    expect(escapeText(text)).toBe(text);
  });

  it('leaves numbers, booleans and null alone', () => {
    expect(escapeText(42)).toBe(42);
    expect(escapeText(-1.5)).toBe(-1.5);
    expect(escapeText(true)).toBe(true);
    expect(escapeText(null)).toBeNull();
  });

  it('escapes every string starting with a formula prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@'), fc.string(), (prefix, rest) => {
        expect(escapeText(prefix + rest)).toBe(`'${prefix}${rest}`);
      }),
    );
  });
});

describe('table headers', () => {
  it('fills blanks and numbers duplicates as Excel does', () => {
    expect(uniqueHeaders(['Year', '', 'year', null, 2019, 'Year'])).toEqual(['Year', 'Column2', 'year2', 'Column4', '2019', 'Year3']);
  });
});
