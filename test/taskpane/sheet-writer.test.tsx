/**
 * useSheetWriter, the one confirm / progress / cancel path every panel writes through, driven with
 * controlled promises (the gateway answers only when the test says so), so the orderings that matter
 * are produced deterministically rather than hoped for under load:
 * - Cancel in the "replace?" dialog and write again at once, in the same tick: the dialog is asked again
 *   and only the new answer counts (no stale resolver, no phase left over from the cancelled write);
 * - the hook is idle (no dialog, not busy) by the time a write's promise settles;
 * - a second write() while one is under way cannot orphan the first one's confirmation, and never
 *   starts a second write to the workbook at the same time.
 */
import './setup-polyfills';
import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SheetState, SheetWrite, WorkbookGateway, WriteOptions, WriteReport } from '../../src/excel/gateway';
import { MemoryGateway } from '../../src/excel/memory-gateway';
import { StatusProvider } from '../../src/taskpane/status';
import { useSheetWriter, type SheetWriter } from '../../src/taskpane/useSheetWriter';

jest.setTimeout(30000);

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const WRITE: SheetWrite = { sheet: 'Forecast - Baseline', blocks: [{ startCell: 'A1', values: [['new']] }], tables: [], charts: [], formats: [] };

/** A workbook whose target sheet already holds data; sheetStates and writeSheets answer when released. */
class ControlledGateway extends MemoryGateway {
  readonly states: Deferred<void>[] = [];
  readonly writes: { replace: boolean | undefined }[] = [];
  /** When true, sheetStates answers at once (still asynchronously, as every gateway does). */
  answerStatesAtOnce = false;
  /** When set, writeSheets waits for it before writing. */
  writeGate: Deferred<void> | null = null;
  constructor() {
    super({ sheets: [{ name: WRITE.sheet, values: [['the planner typed this']] }], names: [], settings: {} });
  }
  override async sheetStates(names: string[]): Promise<Record<string, SheetState>> {
    if (!this.answerStatesAtOnce) {
      const gate = deferred<void>();
      this.states.push(gate);
      await gate.promise;
    }
    return super.sheetStates(names);
  }
  override async writeSheets(writes: SheetWrite[], options?: WriteOptions): Promise<WriteReport> {
    this.writes.push({ replace: options?.replace });
    if (this.writeGate) await this.writeGate.promise;
    return super.writeSheets(writes, options);
  }
}

/** Renders the hook with a button disabled while busy (as every panel does); `latest` is the hook's last render. */
function renderWriter(gateway: WorkbookGateway) {
  const latest: { current: SheetWriter | null } = { current: null };
  const results: (WriteReport | null)[] = [];
  function Harness(): JSX.Element {
    const writer = useSheetWriter(gateway);
    latest.current = writer;
    return (
      <div>
        <Button onClick={() => void writer.write([WRITE], 'Run of "Baseline"').then((r) => results.push(r))} disabled={writer.busy}>
          Write
        </Button>
        {writer.view}
      </div>
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <StatusProvider>
        <Harness />
      </StatusProvider>
    </FluentProvider>,
  );
  return { latest, results, user: userEvent.setup() };
}

async function release(gate: Deferred<void> | undefined): Promise<void> {
  expect(gate).toBeDefined();
  await act(async () => gate!.resolve());
}

test('busy from the press until the write settles; Cancel leaves the hook idle with nothing written', async () => {
  const gateway = new ControlledGateway();
  const { latest, results, user } = renderWriter(gateway);
  const button = screen.getByRole('button', { name: 'Write' });
  await user.click(button);
  expect(latest.current!.phase).toBe('checking');
  expect(button).toBeDisabled();

  await release(gateway.states[0]);
  const dialog = await screen.findByRole('alertdialog');
  expect(latest.current!.phase).toBe('confirm');
  expect(button).toBeDisabled();

  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(results).toEqual([null]));
  // Settled => idle: the button is usable again and no dialog is left open.
  expect(latest.current!.phase).toBe('idle');
  expect(latest.current!.busy).toBe(false);
  expect(button).toBeEnabled();
  await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  expect(gateway.writes).toEqual([]);
  expect(screen.getByRole('status')).toHaveTextContent('Nothing written: Run of "Baseline" cancelled');
});

test('Cancel, then write again in the same tick: the dialog is asked again and only the new answer counts', async () => {
  const gateway = new ControlledGateway();
  gateway.answerStatesAtOnce = true;
  const { latest, user } = renderWriter(gateway);
  await user.click(screen.getByRole('button', { name: 'Write' }));
  const first = await screen.findByRole('alertdialog');

  // Cancel and call write() again before React has re-rendered or the cancelled write has finished.
  let second: Promise<WriteReport | null> | null = null;
  await act(async () => {
    within(first).getByRole('button', { name: 'Cancel' }).click();
    second = latest.current!.write([WRITE], 'Run of "Baseline"');
  });
  const again = await screen.findByRole('alertdialog');
  expect(again).toHaveTextContent(`The sheet "${WRITE.sheet}" already holds data.`);
  expect(latest.current!.phase).toBe('confirm');

  await user.click(within(again).getByRole('button', { name: 'Replace' }));
  const report = await act(async () => second!);
  expect(report?.sheets).toEqual([WRITE.sheet]);
  expect(gateway.writes).toEqual([{ replace: true }]);
  await waitFor(() => expect(latest.current!.phase).toBe('idle'));
  expect(gateway.snapshot().sheets[0].values).toEqual([['new']]);
});

test('a second write() while the first waits for the planner: the first settles (nothing written), the second asks', async () => {
  const gateway = new ControlledGateway();
  gateway.answerStatesAtOnce = true;
  const { latest, user } = renderWriter(gateway);
  let first: Promise<WriteReport | null> | null = null;
  await act(async () => {
    first = latest.current!.write([WRITE], 'Run of "Baseline"');
  });
  await screen.findByRole('alertdialog');
  let firstResult: WriteReport | null | undefined;
  void first!.then((r) => (firstResult = r));

  // A second call (its button should have been disabled) takes over: the first must not be left waiting
  // for an answer that can no longer be given.
  let second: Promise<WriteReport | null> | null = null;
  await act(async () => {
    second = latest.current!.write([WRITE], 'Run of "Baseline"');
  });
  await waitFor(() => expect(firstResult).toBeNull());
  expect(screen.getByRole('status')).toHaveTextContent('Nothing written');

  const dialog = await screen.findByRole('alertdialog');
  expect(latest.current!.phase).toBe('confirm');
  await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
  expect((await act(async () => second!))?.sheets).toEqual([WRITE.sheet]);
  expect(gateway.writes).toEqual([{ replace: true }]);
  await waitFor(() => expect(latest.current!.phase).toBe('idle'));
});

test('a write() while another is writing is refused, visibly; the first finishes', async () => {
  const gateway = new ControlledGateway();
  gateway.answerStatesAtOnce = true;
  gateway.writeGate = deferred<void>();
  const { latest, user } = renderWriter(gateway);
  let first: Promise<WriteReport | null> | null = null;
  await act(async () => {
    first = latest.current!.write([WRITE], 'Run of "Baseline"');
  });
  await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
  await waitFor(() => expect(gateway.writes).toHaveLength(1));

  const second = await act(async () => latest.current!.write([WRITE], 'Run of "Baseline"'));
  expect(second).toBeNull();
  expect(screen.getByRole('status')).toHaveTextContent('Already writing: Run of "Baseline" was not started');
  expect(gateway.writes).toHaveLength(1);

  await act(async () => gateway.writeGate!.resolve());
  expect((await act(async () => first!))?.sheets).toEqual([WRITE.sheet]);
  await waitFor(() => expect(latest.current!.phase).toBe('idle'));
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
});

test('unmounting while the dialog is open settles the write with nothing written', async () => {
  const gateway = new ControlledGateway();
  gateway.answerStatesAtOnce = true;
  const latest: { current: SheetWriter | null } = { current: null };
  function Harness(): JSX.Element {
    const writer = useSheetWriter(gateway);
    latest.current = writer;
    return <div>{writer.view}</div>;
  }
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <StatusProvider>
        <Harness />
      </StatusProvider>
    </FluentProvider>,
  );
  let pending: Promise<WriteReport | null> | null = null;
  await act(async () => {
    pending = latest.current!.write([WRITE], 'Run of "Baseline"');
  });
  await screen.findByRole('alertdialog');
  view.unmount();
  expect(await pending!).toBeNull();
  expect(gateway.writes).toEqual([]);
});
