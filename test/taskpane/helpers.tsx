/**
 * Shared helpers for the task-pane component tests: render the whole pane on a MemoryGateway built from
 * the fixture workbook, and read cells back from the gateway's snapshot.
 */
import './setup-polyfills';
import * as React from 'react';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { MemoryGateway, type MemoryGatewayOptions } from '../../src/excel/memory-gateway';
import type { CellValue, InputSource, SheetWrite } from '../../src/excel/gateway';
import { detectLayout, parseRolls } from '../../src/taskpane/model/rolls';
import { DEFAULT_PARAMETERS, ScenarioStore, type Scenario, type ScenarioParameters } from '../../src/taskpane/model/scenario';
import { ADDIN_VERSION, runScenario, type SheetContext } from '../../src/taskpane/model/run';
import { today } from '../../src/taskpane/run-saved';
import type { WorkbookData } from '../../src/excel/workbook-data';
import { parseCell } from '../../src/excel/a1';
import { fixtureWorkbook, ROLLS_HEADER } from './fixtures';

export function renderPane(data: WorkbookData = fixtureWorkbook(), options: MemoryGatewayOptions = {}) {
  const gateway = new MemoryGateway(data, options);
  const user = userEvent.setup();
  const view = render(<App gateway={gateway} />);
  return { gateway, user, ...view };
}

/** The panel of a tab (tabs are buttons with role "tab"). */
export async function openTab(user: ReturnType<typeof userEvent.setup>, name: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel', { name });
}

/** Every status message (MessageBars) of the pane, as text: the top area's and those beside the buttons. */
export function statusTexts(): string[] {
  return screen.queryAllByTestId('status-area').flatMap((area) => Array.from(area.children).map((c) => c.textContent ?? ''));
}

/** Waits for a status message containing `text` and returns its text. */
export async function waitForStatus(text: string | RegExp, timeout = 5000): Promise<string> {
  let found = '';
  await waitFor(
    () => {
      const hit = statusTexts().find((t) => (typeof text === 'string' ? t.includes(text) : text.test(t)));
      if (!hit) throw new Error(`No status message matching ${String(text)}; shown: ${JSON.stringify(statusTexts())}`);
      found = hit;
    },
    { timeout },
  );
  return found;
}

/** The cell values of a snapshot sheet, by A1 address. */
export function cellOf(data: WorkbookData, sheet: string, address: string): CellValue | undefined {
  const s = data.sheets.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
  if (!s) throw new Error(`No sheet ${sheet}`);
  const c = parseCell(address);
  return s.values[c.row]?.[c.column];
}

/** Compares a stored cell with what was asked to be written (numbers to 12 significant digits). */
function same(stored: CellValue | undefined, wanted: CellValue): boolean {
  if (wanted === null) return stored === null || stored === undefined || stored === '';
  if (typeof wanted === 'number' && typeof stored === 'number') {
    return Math.abs(stored - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
  }
  return stored === wanted;
}

/**
 * Every block and table of `write` is on the snapshot's sheet at its place, cell for cell. Returns the
 * mismatches (empty when the sheet holds exactly what the model built) and how many cells were compared.
 */
export function compareSheet(data: WorkbookData, write: SheetWrite): { mismatches: string[]; compared: number } {
  const mismatches: string[] = [];
  let compared = 0;
  const s = data.sheets.find((x) => x.name.toLowerCase() === write.sheet.toLowerCase());
  if (!s) return { mismatches: [`sheet "${write.sheet}" is missing`], compared };
  const check = (start: string, rows: CellValue[][]) => {
    const origin = parseCell(start);
    rows.forEach((row, r) =>
      row.forEach((wanted, c) => {
        const stored = s.values[origin.row + r]?.[origin.column + c];
        compared += 1;
        if (!same(stored, wanted)) {
          mismatches.push(`${write.sheet}!R${origin.row + r + 1}C${origin.column + c + 1}: wanted ${JSON.stringify(wanted)}, found ${JSON.stringify(stored)}`);
        }
      }),
    );
  };
  for (const b of write.blocks) check(b.startCell, b.values);
  for (const t of write.tables) check(t.startCell, [t.headers, ...t.rows]);
  return { mismatches, compared };
}

export { screen, within, waitFor };

/** A scenario on the fixture's Rolls table, the "Group" column confirmed as the planning area. */
export function fixtureScenario(id: string, name: string, parameters: Partial<ScenarioParameters> = {}, input: InputSource = { kind: 'table', name: 'Rolls' }): Scenario {
  const layout = detectLayout(ROLLS_HEADER);
  layout.columns = layout.columns.map((c) => ({ ...c, confident: true }));
  return {
    id,
    name,
    input,
    inputLabel: input.kind === 'table' ? `table "${input.name}"` : 'input',
    layout,
    parameters: { ...DEFAULT_PARAMETERS, ...parameters },
    savedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** The fixture workbook with these scenarios saved in its settings (through the real ScenarioStore). */
export async function workbookWithScenarios(scenarios: Scenario[], data: WorkbookData = fixtureWorkbook()): Promise<WorkbookData> {
  const gateway = new MemoryGateway(data);
  const store = new ScenarioStore(gateway);
  for (const s of scenarios) await store.save(s);
  return gateway.snapshot();
}

/** Runs a scenario straight through the model on a workbook's Rolls table (the expected side of a test). */
export function modelRun(data: WorkbookData, scenario: Scenario) {
  const sheet = data.sheets.find((s) => s.name === 'Rolls')!;
  const { areas } = parseRolls(sheet.values, scenario.layout);
  return {
    result: runScenario(scenario, areas),
    ctx: (mode: SheetContext['mode'] = 'values'): SheetContext => ({
      mode,
      inputSheet: 'Rolls',
      inputAddress: `A1:H${sheet.values.length}`,
      version: ADDIN_VERSION,
      date: today(),
    }),
  };
}
