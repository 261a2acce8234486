/**
 * Running a scenario against its input as the workbook holds it now: read the input again, check the
 * header still matches the layout the planner confirmed, parse the rolls and run the engine.
 */
import type { CellValue, RangeData, WorkbookGateway } from '../excel/gateway';
import { tryParseRange } from '../excel/a1';
import { parseRolls, type AreaHistory, type RollsLayout } from './model/rolls';
import type { Scenario } from './model/scenario';
import { ADDIN_VERSION, runScenario, type ScenarioResult, type SheetContext } from './model/run';
import { PaneProblem, describeRead, describeSource, errorText } from './describe';

/** Today's date as YYYY-MM-DD (local time), for the parameters block. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The sheet context the model's sheet builders need. */
export function sheetContext(mode: SheetContext['mode'], data: RangeData): SheetContext {
  return { mode, inputSheet: data.sheet, inputAddress: data.address, version: ADDIN_VERSION, date: today() };
}

/** A header cell as text, trimmed. */
export function headerText(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** The worksheet row of the first row of an A1 range ("B3:H40" -> 3; 1 when it cannot tell). */
export function firstRowOf(address: string): number {
  const range = tryParseRange(address);
  return range && range.whole !== 'columns' ? range.start.row + 1 : 1;
}

/** parseRolls with problems naming the worksheet rows the planner sees. */
export function parseRange(data: RangeData, layout: RollsLayout): { areas: AreaHistory[]; problems: string[] } {
  return parseRolls(data.values, layout, { headerRow: firstRowOf(data.address) });
}

/** Reads an input, turning gateway failures into a PaneProblem that names the range. */
export async function readInput(gateway: WorkbookGateway, scenarioOrSource: Pick<Scenario, 'input'>): Promise<RangeData> {
  try {
    return await gateway.read(scenarioOrSource.input);
  } catch (error) {
    throw new PaneProblem(`Could not read ${describeSource(scenarioOrSource.input)}`, [errorText(error)]);
  }
}

/**
 * Checks that every column of the layout still has the header it had when the planner confirmed it.
 * Returns plain-words differences ([] when the layout still fits).
 */
export function layoutMismatches(layout: RollsLayout, header: readonly CellValue[]): string[] {
  const out: string[] = [];
  for (const column of layout.columns) {
    const now = headerText(header[column.index]);
    if (now !== column.header.trim()) {
      out.push(`Column ${column.index + 1} was "${column.header}" and is now ${now ? `"${now}"` : 'missing or blank'}.`);
    }
  }
  if (header.length > layout.columns.length) {
    const extra = header.slice(layout.columns.length).map(headerText).filter((h) => h !== '');
    if (extra.length > 0) out.push(`New column(s): ${extra.map((h) => `"${h}"`).join(', ')}.`);
  }
  return out;
}

/**
 * Parses the rolls with a confirmed layout; throws a PaneProblem naming the range when nothing usable is
 * left. Problems with single rows are returned so the pane can show them beside the results.
 */
export function parseInput(
  data: RangeData,
  layout: RollsLayout,
  label: string,
): { areas: AreaHistory[]; problems: string[] } {
  const parsed = parseRange(data, layout);
  if (parsed.areas.length === 0) {
    throw new PaneProblem(`No planning areas could be read from ${label}`, parsed.problems.length ? parsed.problems : ['The range holds no rows of rolls.']);
  }
  return parsed;
}

export interface SavedRun {
  result: ScenarioResult;
  data: RangeData;
  /** Problems parseRolls reported for single rows (the run went ahead without them). */
  problems: string[];
}

/** Re-reads a saved scenario's input and runs it. Throws PaneProblem (names the scenario and range). */
export async function runSaved(gateway: WorkbookGateway, scenario: Scenario, signal?: AbortSignal): Promise<SavedRun> {
  const data = await readInput(gateway, scenario);
  const label = describeRead(scenario.input, data);
  const mismatches = layoutMismatches(scenario.layout, data.values[0] ?? []);
  if (mismatches.length > 0) {
    throw new PaneProblem(`The ${label} has changed since scenario "${scenario.name}" was saved`, [
      ...mismatches,
      'Open the scenario on the Scenarios tab, check the columns and save it again.',
    ]);
  }
  const parsed = parseInput(data, scenario.layout, label);
  try {
    const result = runScenario(scenario, parsed.areas, { signal });
    return { result, data, problems: parsed.problems };
  } catch (error) {
    throw new PaneProblem(`Scenario "${scenario.name}" could not be forecast from ${label}`, [errorText(error)]);
  }
}
