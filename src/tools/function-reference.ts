/**
 * Renders the README's function reference from the custom-functions metadata, with an example for every
 * function whose result is computed by calling the function (never typed in), so the README, the
 * metadata and the code cannot drift apart.
 *
 * Usage: tsx src/tools/function-reference.ts [--write | --check] [--metadata dist/functions.json]
 *   (no flag)  print the section to stdout
 *   --write    replace the README section between <!-- functions:start --> and <!-- functions:end -->
 *   --check    exit 1 if the README section differs from the generated one
 * Metadata: dist/functions.json when it exists (what the build emits), otherwise generated from
 * src/functions/functions.ts with custom-functions-metadata.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as kent from '../functions/functions';
import {
  MAX_BACKTEST_YEARS,
  MAX_DRIVER_CELLS,
  MAX_GROUPS,
  MAX_HISTORY_YEARS,
  MAX_LIST_CELLS,
  MAX_SERIES_YEARS,
  MAX_YEAR_GROUPS,
} from '../functions/limits';

const ROOT = path.resolve(__dirname, '..', '..');
export const START = '<!-- functions:start -->';
export const END = '<!-- functions:end -->';

export interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { dimensionality?: string };
}

// The functions as Excel calls them: any cell values in, a value or a table out.
type CustomFunction = (...args: unknown[]) => unknown;
const IMPLEMENTATIONS: Record<string, CustomFunction> = {
  SURPLUS: kent.surplus as CustomFunction,
  SURPLUSPLACES: kent.surplusPlaces as CustomFunction,
  SURPLUSSTATUS: kent.surplusStatus as CustomFunction,
  SURPLUSBY: kent.surplusBy as CustomFunction,
  FE: kent.fe as CustomFunction,
  PLACES: kent.places as CustomFunction,
  PLACESNEEDED: kent.placesNeeded as CustomFunction,
  FENEEDED: kent.feNeeded as CustomFunction,
  COMMISSION: kent.commission as CustomFunction,
  FORECAST: kent.forecast as CustomFunction,
  FORECASTRANGE: kent.forecastRange as CustomFunction,
  RATIOS: kent.ratios as CustomFunction,
  HOUSINGYIELD: kent.housingYield as CustomFunction,
  ACCURACY: kent.accuracy as CustomFunction,
  ACCURACYBY: kent.accuracyBy as CustomFunction,
  BACKTEST: kent.backtest as CustomFunction,
};

const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);
const history = [
  [100, 95],
  [110, 98],
  [120, 108],
];

/** One example per function: the arguments as typed into the formula (null = left out). */
export const EXAMPLES: Record<string, unknown[]> = {
  SURPLUS: [col(210, 210, 180), col(200, 215, 171)],
  SURPLUSPLACES: [col(210, 210, 180), col(200, 215, 171), 'unfilled'],
  SURPLUSSTATUS: [0.056],
  SURPLUSBY: [col('Dover', 'Thanet', 'Dover'), col(100, 200, 100), col(95, 200, 90)],
  FE: [660],
  PLACES: [1, 7],
  PLACESNEEDED: [950, 900],
  FENEEDED: [950, 900, null, null, 0.5],
  COMMISSION: [col(600, 630, 630, 630, 660, 600), 600, 0],
  FORECAST: [history, null, 2],
  FORECASTRANGE: [history, null, 2, null, null, 'high'],
  RATIOS: [history, col(125, 120, 130)],
  HOUSINGYIELD: [col(100, 50), null, 7],
  ACCURACY: [127516, 127188],
  ACCURACYBY: [col('Dover', 'Thanet', 'Dover'), col(100, 200, 110), col(100, 190, 100)],
  BACKTEST: [col(100, 110, 130, 120), null, 1],
};

/** Reads the metadata: dist/functions.json, or generated from the source when there is no build. */
export async function loadMetadata(file = path.join(ROOT, 'dist', 'functions.json')): Promise<FunctionMetadata[]> {
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { functions: FunctionMetadata[] }).functions;
  const generated = await generateCustomFunctionsMetadata(path.join(ROOT, 'src', 'functions', 'functions.ts'), false);
  if (generated.errors.length > 0) throw new Error(`custom-functions-metadata: ${generated.errors.join('; ')}`);
  return (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
}

/** Excel's array-constant and literal syntax for a formula argument. */
export function formulaArgument(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `{${(value as unknown[][]).map((row) => row.map(formulaArgument).join(',')).join(';')}}`;
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A result for reading: numbers to at most 4 decimal places, tables one row per line. */
export function displayResult(value: unknown): string {
  const one = (v: unknown): string => {
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (v instanceof Error) return `${(v as Error & { code?: string }).code ?? '#ERROR'} (${v.message})`;
    return String(v);
  };
  if (Array.isArray(value)) return (value as unknown[][]).map((row) => row.map(one).join(', ')).join('<br>');
  return one(value);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Installs a minimal CustomFunctions global (like Excel's) if there is none, so the functions can run here. */
function ensureCustomFunctionsGlobal(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  class CustomFunctionError extends Error {
    code: string;
    constructor(code?: string, message?: string) {
      super(message ?? '');
      this.code = code ?? '#VALUE!';
    }
  }
  g.CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
    associate() {},
  };
}

/** Calls a function the way Excel would for the example: one-cell values into range arguments become 1 x 1 ranges. */
export function runExample(meta: FunctionMetadata, args: readonly unknown[]): unknown {
  ensureCustomFunctionsGlobal();
  const fn = IMPLEMENTATIONS[meta.id];
  if (!fn) throw new Error(`no implementation for ${meta.id}`);
  const full = meta.parameters.map((p, i) => {
    const v = i < args.length ? args[i] : null;
    return p.dimensionality === 'matrix' && v !== null && !Array.isArray(v) ? [[v]] : v;
  });
  return fn(...full);
}

function fmt(n: number): string {
  return n.toLocaleString('en-GB');
}

/** The whole README section (between the markers, markers excluded). */
export function renderReference(functions: readonly FunctionMetadata[]): string {
  const lines: string[] = [];
  lines.push(
    '',
    '_Generated by `npx tsx src/tools/function-reference.ts --write` from `dist/functions.json`; each result is computed by calling the function (numbers shown to 4 decimal places). Type the functions with the `KENT.` prefix; optional arguments are in brackets._',
    '',
    '| Function | Arguments | Returns | Example | Result |',
    '|---|---|---|---|---|',
  );
  for (const f of functions) {
    const example = EXAMPLES[f.id];
    if (!example) throw new Error(`no example for ${f.id}: add one to EXAMPLES in src/tools/function-reference.ts`);
    const result = runExample(f, example);
    const isError = result instanceof Error || (Array.isArray(result) && result[0]?.[0] instanceof Error);
    if (isError) throw new Error(`the example for ${f.id} gives an error: ${displayResult(result)}`);
    const argsList = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
    let used = example.length;
    while (used > 0 && (example[used - 1] === null || example[used - 1] === undefined)) used--;
    const formula = `=KENT.${f.name}(${example.slice(0, used).map(formulaArgument).join(', ')})`;
    lines.push(`| \`${f.name}\` | ${escapeCell(argsList)} | ${escapeCell(f.description ?? '')} | \`${escapeCell(formula)}\` | ${escapeCell(displayResult(result))} |`);
  }
  lines.push(
    '',
    '**Arguments.** Range arguments take a single cell, a row or a column (paired lists may also be two blocks of the same shape); `history` is years (oldest first) by year groups. Blank cells reach the functions as empty, `""` or `0` depending on the Excel build, so a pair or row that is blank throughout is left out and a blank beside a figure counts as 0. Omitted optional arguments take the defaults in the table.',
    '',
    '**Errors.** `#VALUE!` for text, TRUE/FALSE or ranges of the wrong shape; `#NUM!` for impossible numbers (negative places, NaN, a ratio window under 1) and for inputs over the limits below; `#DIV/0!` for a zero total capacity or actual; `#N/A` for missing data. Each carries a message naming the argument and cell (Excel shows it for `#VALUE!` and `#N/A`).',
    '',
    '**Limits** (checked before any work, from the range size alone; over a limit the function returns `#NUM!` naming it):',
    '',
    `- lists (\`capacity\`, \`roll\`, \`groups\`, \`forecast\`, \`actual\`): at most ${fmt(MAX_LIST_CELLS)} cells each; \`SURPLUSBY\` and \`ACCURACYBY\`: at most ${fmt(MAX_GROUPS)} different groups (so their tables stay under ${fmt(MAX_GROUPS + 3)} rows by 6 columns);`,
    `- \`history\`: at most ${fmt(MAX_HISTORY_YEARS)} rows (years) by ${MAX_YEAR_GROUPS} columns (year groups), ${fmt(MAX_BACKTEST_YEARS)} rows for \`BACKTEST\` (it re-runs the forecast from every year); \`driver\`: at most ${fmt(MAX_DRIVER_CELLS)} cells; \`additions\`: at most ${MAX_SERIES_YEARS} rows by ${MAX_YEAR_GROUPS} columns; \`years\` and \`horizon\`: 1 to 50;`,
    `- \`forecast_intake\`, \`capacity_intake\` and \`dwellings\`: at most ${MAX_SERIES_YEARS} years; \`year_groups\`: 1 to 20.`,
    '',
  );
  return lines.join('\n');
}

/** Replaces the text between the markers. */
export function replaceSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md must contain ${START} followed by ${END}`);
  return `${readme.slice(0, start + START.length)}${section}${readme.slice(end)}`;
}

/** The current README section (between the markers). */
export function currentSection(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md must contain ${START} followed by ${END}`);
  return readme.slice(start + START.length, end);
}

async function main(argv: readonly string[]): Promise<number> {
  const write = argv.includes('--write');
  const check = argv.includes('--check');
  const m = argv.indexOf('--metadata');
  const functions = await loadMetadata(m >= 0 ? path.resolve(argv[m + 1]) : undefined);
  const section = renderReference(functions);
  const readmePath = path.join(ROOT, 'README.md');
  if (write || check) {
    const readme = fs.readFileSync(readmePath, 'utf8');
    if (check) {
      if (currentSection(readme) === section) {
        console.log('README.md function reference is up to date.');
        return 0;
      }
      console.error('README.md function reference is out of date: run npx tsx src/tools/function-reference.ts --write');
      return 1;
    }
    fs.writeFileSync(readmePath, replaceSection(readme, section));
    console.log(`README.md function reference updated (${functions.length} functions).`);
    return 0;
  }
  process.stdout.write(`${section}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
