/**
 * The outcome of an action is shown where the planner pressed the button: right under Run / Write, in a
 * polite live region (announced by screen readers), scrolled into view, and given focus when focus was
 * lost meanwhile. Messages not tied to a button (the workbook could not be listed or read) stay in the
 * status area at the top of the pane. Keyboard: Enter in the scenario name runs the scenario.
 */
import './setup-polyfills';
import * as React from 'react';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fixtureScenario, openTab, renderPane, screen, waitFor, within, workbookWithScenarios } from './helpers';
import { fixtureWorkbook } from './fixtures';
import { App } from '../../src/taskpane/App';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { GatewayError, type SheetWrite, type WriteOptions, type WriteReport } from '../../src/excel/gateway';
import type { WorkbookData } from '../../src/excel/workbook-data';

jest.setTimeout(30000);

function scenariosPanel(): HTMLElement {
  return screen.getByRole('tabpanel', { name: 'Scenarios' });
}

async function ready(data: WorkbookData = fixtureWorkbook(), options: { stepDelayMs?: number } = {}) {
  const pane = renderPane(data, options);
  await within(scenariosPanel()).findByText(/4 planning areas in 2 districts/);
  return pane;
}

/** The status area at the top of the pane (messages not tied to a button). */
function topArea(): HTMLElement {
  const area = screen.getAllByTestId('status-area').find((a) => !a.hasAttribute('data-status-place'));
  if (!area) throw new Error('no top status area');
  return area;
}

/** The one live region of a panel's action. */
function actionRegion(panel: HTMLElement): HTMLElement {
  const regions = Array.from(panel.querySelectorAll<HTMLElement>('[data-status-place]'));
  expect(regions).toHaveLength(1);
  return regions[0];
}

/** Waits until the action region of `panel` shows a message containing `text`; returns the message element. */
async function messageBeside(panel: HTMLElement, text: string): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitFor(() => {
    const messages = Array.from(actionRegion(panel).children) as HTMLElement[];
    found = messages.find((m) => (m.textContent ?? '').includes(text)) ?? null;
    if (!found) throw new Error(`no message "${text}" beside the action; shown: ${JSON.stringify(messages.map((m) => m.textContent))}`);
  });
  return found!;
}

/** The region comes right after the row holding `button` (nothing of the panel in between) and is announced politely. */
function expectRightUnder(button: HTMLElement, region: HTMLElement): void {
  expect(button.parentElement!.nextElementSibling).toBe(region);
  expect(region).toHaveAttribute('role', 'status');
  expect(region).toHaveAttribute('aria-live', 'polite');
}

let scrolled: jest.SpyInstance;
beforeEach(() => {
  scrolled = jest.spyOn(Element.prototype, 'scrollIntoView');
});
afterEach(() => {
  scrolled.mockRestore();
});

test('Run: "Scenario written" appears right under the Run button, announced and scrolled into view, not at the top', async () => {
  const { user } = await ready();
  const p = scenariosPanel();
  const run = within(p).getByRole('button', { name: 'Run scenario' });
  const region = actionRegion(p);
  expectRightUnder(run, region);
  expect(region).toBeEmptyDOMElement();

  await user.click(run);
  const message = await messageBeside(p, 'Scenario "Baseline" written');
  expect(message).toHaveTextContent(/4 planning areas forecast 5 years ahead/);
  expectRightUnder(run, region);
  // Found by its role, as assistive technology finds it.
  expect(within(p).getByRole('status')).toBe(region);
  expect(topArea()).toBeEmptyDOMElement();
  expect(scrolled.mock.contexts).toContain(message);
  expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
});

test('Cancel in the replace dialog: "Nothing written" beside Run; pressing Run again replaces the old outcome', async () => {
  const { user } = await ready();
  const p = scenariosPanel();
  const run = within(p).getByRole('button', { name: 'Run scenario' });
  await user.click(run);
  await messageBeside(p, 'Scenario "Baseline" written');

  await user.click(run);
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
  const cancelled = await messageBeside(p, 'Nothing written: Run of "Baseline" cancelled');
  expect(cancelled).toHaveTextContent('was left as it was');
  // Only the latest press's outcome is shown beside the button.
  expect(actionRegion(p).children).toHaveLength(1);

  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  await user.click(await within(p).findByRole('button', { name: 'Run scenario' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
  await messageBeside(p, 'Scenario "Baseline" written');
  expect(actionRegion(p).children).toHaveLength(1);
  expect(topArea()).toBeEmptyDOMElement();
});

class FailingGateway extends MemoryGateway {
  override async writeSheets(_writes: SheetWrite[], _options?: WriteOptions): Promise<WriteReport> {
    throw new GatewayError('excel', 'The workbook is protected: unprotect it to add sheets.');
  }
}

test('a failed write: the error is shown and announced beside Run, naming the sheet and the reason', async () => {
  const gateway = new FailingGateway(fixtureWorkbook());
  const user = userEvent.setup();
  render(<App gateway={gateway} />);
  const p = scenariosPanel();
  await within(p).findByText(/4 planning areas in 2 districts/);
  const run = within(p).getByRole('button', { name: 'Run scenario' });
  await user.click(run);
  const message = await messageBeside(p, 'Could not write sheet "Forecast - Baseline"');
  expect(message).toHaveTextContent('The workbook is protected: unprotect it to add sheets.');
  expectRightUnder(run, actionRegion(p));
  expect(topArea()).toBeEmptyDOMElement();
  await waitFor(() => expect(run).toBeEnabled());
});

test('focus lost while busy moves to the outcome; focus the planner put elsewhere stays', async () => {
  const { user } = await ready(fixtureWorkbook(), { stepDelayMs: 25 });
  const p = scenariosPanel();
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  // Focus on a control that goes away when the write ends (the Cancel button of the progress bar): the
  // focus is lost then, as it is in a browser when the pressed Run button is disabled (jsdom keeps focus
  // on a disabled button, so that case cannot be shown here).
  const cancel = await within(p).findByRole('button', { name: 'Cancel writing' });
  act(() => cancel.focus());
  expect(cancel).toHaveFocus();
  const message = await messageBeside(p, 'Scenario "Baseline" written');
  await waitFor(() => expect(message).toHaveFocus());
  // From the message, Tab goes on to its Dismiss button (keyboard users are not stranded).
  await user.tab();
  expect(within(message).getByRole('button', { name: 'Dismiss: Scenario "Baseline" written' })).toHaveFocus();

  // Second run: the planner moves to the tabs while it writes; their focus is left alone.
  await user.click(within(p).getByRole('button', { name: 'Run scenario' }));
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
  await within(p).findByRole('progressbar');
  const tab = screen.getByRole('tab', { name: 'Scenarios' });
  act(() => tab.focus());
  await waitFor(() => expect(p.querySelector('[role="progressbar"]')).toBeNull());
  const second = await messageBeside(p, 'Scenario "Baseline" written');
  await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(tab).toHaveFocus();
  expect(second).not.toHaveFocus();
});

test('keyboard: Enter in the scenario name runs it; Tab goes name, write mode, Run, Save', async () => {
  const { user, gateway } = await ready();
  const p = scenariosPanel();
  const name = within(p).getByRole('textbox', { name: 'Scenario name' });
  await user.click(name);
  await user.tab();
  expect(within(p).getByRole('radio', { name: 'Values (snapshot with parameters)' })).toHaveFocus();
  await user.tab();
  expect(within(p).getByRole('button', { name: 'Run scenario' })).toHaveFocus();
  await user.tab();
  expect(within(p).getByRole('button', { name: 'Save scenario' })).toHaveFocus();

  // No name: Enter does nothing (Run is disabled and says why).
  await user.clear(name);
  await user.keyboard('{Enter}');
  expect(within(p).getByText('Give the scenario a name.')).toBeInTheDocument();
  expect(gateway.snapshot().sheets).toHaveLength(3);

  await user.type(name, 'Keyboard{Enter}');
  await messageBeside(p, 'Scenario "Keyboard" written');
  expect(gateway.snapshot().sheets.map((s) => s.name)).toContain('Forecast - Keyboard');
});

test('a message not tied to a button (an input that cannot be read) stays at the top of the pane', async () => {
  const data = fixtureWorkbook();
  data.names = [{ name: 'OldRolls', sheet: 'Deleted sheet', range: 'A1:H20' }];
  const { user } = await ready(data);
  const p = scenariosPanel();
  await user.selectOptions(within(p).getByRole('combobox', { name: 'Rolls table' }), 'name:OldRolls');
  await waitFor(() => expect(topArea()).toHaveTextContent('Could not read named range "OldRolls"'));
  expect(actionRegion(p)).toBeEmptyDOMElement();
});

test('saving and loading a scenario report beside the buttons', async () => {
  const { user } = await ready();
  const p = scenariosPanel();
  await user.click(within(p).getByRole('button', { name: 'Save scenario' }));
  await messageBeside(p, 'Scenario "Baseline" saved in the workbook');
  await user.click(within(p).getByRole('button', { name: 'Load scenario Baseline' }));
  const loaded = await messageBeside(p, 'Scenario "Baseline" loaded');
  expect(loaded).toHaveTextContent('press Run scenario to run it');
  expect(actionRegion(p).children).toHaveLength(1);
  expect(topArea()).toBeEmptyDOMElement();
});

test('Compare, Commissioning and Accuracy: each outcome appears right under its own button', async () => {
  const data = await workbookWithScenarios([fixtureScenario('s-base', 'Baseline'), fixtureScenario('s-pooled', 'Pooled', { method: 'pooled' })]);
  const { user } = renderPane(data);

  const compare = await openTab(user, 'Compare');
  await waitFor(() => expect(within(compare).getByRole('combobox', { name: 'Scenario B' })).toHaveValue('s-pooled'));
  const write = within(compare).getByRole('button', { name: 'Write comparison' });
  await user.click(write);
  await messageBeside(compare, 'Comparison of "Baseline" and "Pooled" written');
  expectRightUnder(write, actionRegion(compare));

  const commissioning = await openTab(user, 'Commissioning');
  await within(commissioning).findByRole('region', { name: 'Headline figures' });
  const writeCommissioning = within(commissioning).getByRole('button', { name: 'Write commissioning sheet' });
  await user.click(writeCommissioning);
  await messageBeside(commissioning, 'Commissioning for "Baseline" written');
  expectRightUnder(writeCommissioning, actionRegion(commissioning));

  const accuracy = await openTab(user, 'Accuracy');
  await within(accuracy).findByTestId('accuracy-outside');
  const writeAccuracy = within(accuracy).getByRole('button', { name: 'Write accuracy review' });
  await user.click(writeAccuracy);
  await messageBeside(accuracy, 'Accuracy review "Primary" written');
  expectRightUnder(writeAccuracy, actionRegion(accuracy));

  // Each message stayed with its own panel.
  expect(actionRegion(compare)).not.toHaveTextContent('Accuracy review');
  expect(actionRegion(accuracy)).not.toHaveTextContent('Comparison');
  expect(topArea()).toBeEmptyDOMElement();
});
