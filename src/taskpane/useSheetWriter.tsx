/**
 * The ONE place that writes result sheets: checks whether the target sheets already hold data, asks the
 * planner (naming the sheets) before replacing anything, shows progress with a Cancel button, and reports
 * cancellation and failures beside the panel's action button (its `view` holds the dialog, the progress bar
 * and the messages of the action). Every panel writes through this hook.
 *
 * State machine: idle -> checking -> (confirm ->) writing -> idle. `busy` is true from the call of write()
 * until its promise settles, and the phase is back to idle (no dialog, no resolver, no AbortController
 * left) before that promise resolves, so a button disabled while `busy` can only start a fresh write.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SheetWrite, WorkbookGateway, WriteProgress, WriteReport } from '../excel/gateway';
import { validSheetName } from '../excel/names';
import { errorText, formatList, isCancellation } from './describe';
import { ActionStatus, usePlacedStatus, type StatusApi } from './status';

export type WriterPhase = 'idle' | 'checking' | 'confirm' | 'writing';

export interface SheetWriter {
  /** True from the start of write() until it settles (including while the confirmation is open). */
  busy: boolean;
  phase: WriterPhase;
  /**
   * Writes the sheets. Resolves to the gateway's report, or null when nothing was written (the planner
   * kept an existing sheet, cancelled, or the write failed: failures are shown beside the action).
   */
  write(writes: SheetWrite[], what: string): Promise<WriteReport | null>;
  /**
   * Messages about this action, shown in `view` beside the button. Panels report their own outcome
   * ("Scenario written", "Could not run ...") here and clear it when the button is pressed again.
   */
  status: StatusApi;
  /** The place of the action's messages (for helpers that take a StatusMessage place). */
  place: string;
  /**
   * The confirmation dialog, the progress bar with its Cancel button, and the action's messages:
   * render it right under the action button.
   */
  view: JSX.Element;
}

const useStyles = makeStyles({
  progress: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

function quoted(names: readonly string[]): string {
  return formatList(names.map((n) => `"${n}"`));
}

export function useSheetWriter(gateway: WorkbookGateway): SheetWriter {
  const place = `kpp-action-${React.useId()}`;
  const status = usePlacedStatus(place);
  const describedBy = `${place}-replace-text`;
  const styles = useStyles();
  const [phase, setPhase] = React.useState<WriterPhase>('idle');
  const [occupied, setOccupied] = React.useState<string[]>([]);
  const [progress, setProgress] = React.useState<WriteProgress | null>(null);
  const confirmRef = React.useRef<((replace: boolean) => void) | null>(null);
  const abortRef = React.useRef<AbortController | null>(null);
  /** The phase as of now (`phase` only shows after a render). */
  const stage = React.useRef<WriterPhase>('idle');
  /** Numbers the calls of write(): only the latest call may change the hook's state. */
  const generation = React.useRef(0);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      abortRef.current?.abort();
      confirmRef.current?.(false);
    };
  }, []);

  const enter = React.useCallback((next: WriterPhase) => {
    stage.current = next;
    if (mounted.current) setPhase(next);
  }, []);

  const answer = React.useCallback((replace: boolean) => {
    const resolve = confirmRef.current;
    confirmRef.current = null;
    resolve?.(replace);
  }, []);

  const write = React.useCallback(
    async (writes: SheetWrite[], what: string): Promise<WriteReport | null> => {
      if (stage.current === 'writing') {
        // Never two writes at once (the button should have been disabled meanwhile).
        status.show({
          intent: 'info',
          title: `Already writing: ${what} was not started`,
          lines: ['Wait for the current write to finish, then try again.'],
        });
        return null;
      }
      // A call still checking or waiting for the planner has written nothing: the newer call takes over
      // (the older one settles as "Nothing written" rather than waiting for an answer that never comes).
      const me = ++generation.current;
      const latest = () => me === generation.current;
      answer(false);
      // The gateway makes each wanted name valid (31 characters, no []:*?/\); ask about the names it will use.
      const names = writes.map((w) => validSheetName(w.sheet));
      const controller = new AbortController();
      enter('checking');
      try {
        const states = await gateway.sheetStates(names);
        if (!latest()) return null;
        const full = names.filter((n) => states[n] === 'nonEmpty');
        let replace = false;
        if (full.length > 0) {
          setOccupied(full);
          enter('confirm');
          replace = await new Promise<boolean>((resolve) => {
            confirmRef.current = resolve;
          });
          if (!replace) {
            status.show({
              intent: 'info',
              title: `Nothing written: ${what} cancelled`,
              lines: [`Sheet ${quoted(full)} was left as it was.`],
            });
            return null;
          }
          if (!latest()) return null;
        }
        abortRef.current = controller;
        setProgress({ done: 0, total: Math.max(1, writes.length), step: 'Starting' });
        enter('writing');
        const report = await gateway.writeSheets(writes, {
          replace,
          signal: controller.signal,
          onProgress: (p) => {
            if (mounted.current) setProgress(p);
          },
        });
        return report;
      } catch (error) {
        if (!latest()) return null;
        if (isCancellation(error) || controller.signal.aborted) {
          status.show({
            intent: 'warning',
            title: `${what} cancelled`,
            lines: ['Nothing was written: the workbook is as it was before.'],
          });
        } else {
          status.show({
            intent: 'error',
            title: `Could not write ${names.length === 1 ? 'sheet' : 'sheets'} ${quoted(names)}`,
            lines: [errorText(error)],
          });
        }
        return null;
      } finally {
        // A superseded call leaves the state to the newer one.
        if (latest()) {
          abortRef.current = null;
          confirmRef.current = null;
          enter('idle');
          if (mounted.current) {
            setProgress(null);
            setOccupied([]);
          }
        }
      }
    },
    [gateway, status, answer, enter],
  );

  const single = occupied.length === 1;
  const view = (
    <>
      <Dialog
        open={phase === 'confirm'}
        modalType="alert"
        onOpenChange={(_e, data) => {
          if (!data.open) answer(false);
        }}
      >
        <DialogSurface aria-describedby={describedBy}>
          <DialogBody>
            <DialogTitle>{single ? 'Replace this sheet?' : 'Replace these sheets?'}</DialogTitle>
            <DialogContent id={describedBy}>
              {single ? 'The sheet ' : 'The sheets '}
              <strong>{quoted(occupied)}</strong>
              {single ? ' already holds data. ' : ' already hold data. '}
              Replace {single ? 'its' : 'their'} contents with the new results? Nothing else in the workbook changes.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                Replace
              </Button>
              <Button appearance="secondary" onClick={() => answer(false)}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {phase === 'writing' && progress && (
        <div className={styles.progress}>
          <Field
            className={styles.bar}
            label="Writing to the workbook"
            hint={progress.step}
            validationState="none"
          >
            <ProgressBar
              value={progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined}
              aria-label="Writing progress"
            />
          </Field>
          <Button aria-label="Cancel writing" onClick={() => abortRef.current?.abort()}>
            Cancel
          </Button>
        </div>
      )}
      <ActionStatus place={place} />
    </>
  );

  return { busy: phase !== 'idle', phase, write, status, place, view };
}
