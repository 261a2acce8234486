/**
 * Accuracy review: last year's forecast against this year's actual rolls by district (and phase):
 * preview the count outside tolerance and the MAPE, then write the table, figures and bar chart.
 */
import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { InputSource, Matrix, RangeData, WorkbookGateway, WorkbookInfo } from '../../excel/gateway';
import { accuracyBy } from '../../engine/accuracy';
import { accuracySheet, parseAccuracyInput } from '../model/run';
import { describeRead, describeSource, errorText, formatCount, formatList, formatPercent, problemMessage } from '../describe';
import { InputPicker } from '../InputPicker';
import { headerText, sheetContext } from '../run-saved';
import { useStatus } from '../status';
import { useSheetWriter } from '../useSheetWriter';
import { WriteModeChoice, type WriteMode } from '../WriteModeChoice';
import { readNumber } from '../parameters';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figure: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

const ALL_PHASES = '';
const AUTO_PICK_LIMIT = 10;

/** The index of a "Phase" column in a header row, or -1. */
export function phaseColumn(header: Matrix[number] | undefined): number {
  return (header ?? []).findIndex((cell) => /^phase$/i.test(headerText(cell)));
}

/** The distinct phases in first-appearance order (blank cells left out). */
export function phasesOf(values: Matrix): string[] {
  const col = phaseColumn(values[0]);
  if (col < 0) return [];
  const seen = new Set<string>();
  for (const row of values.slice(1)) {
    const p = headerText(row[col]);
    if (p) seen.add(p);
  }
  return [...seen];
}

/** The header plus the rows of one phase ('' keeps every row). */
export function filterPhase(values: Matrix, phase: string): Matrix {
  const col = phaseColumn(values[0]);
  if (col < 0 || phase === ALL_PHASES) return values;
  return [values[0], ...values.slice(1).filter((row) => headerText(row[col]) === phase)];
}

export function AccuracyPanel(props: { gateway: WorkbookGateway }): JSX.Element {
  const { gateway } = props;
  const styles = useStyles();
  const status = useStatus();
  const writer = useSheetWriter(gateway);
  const [source, setSource] = React.useState<InputSource | null>(null);
  const [data, setData] = React.useState<RangeData | null>(null);
  const [reading, setReading] = React.useState(false);
  const [phase, setPhase] = React.useState<string>(ALL_PHASES);
  const [tolerancePct, setTolerancePct] = React.useState('1');
  const [mode, setMode] = React.useState<WriteMode>('values');
  const [working, setWorking] = React.useState(false);
  const readRequest = React.useRef(0);
  const busy = reading || working || writer.busy;

  const read = React.useCallback(
    async (next: InputSource) => {
      const request = ++readRequest.current;
      setSource(next);
      setData(null);
      setReading(true);
      try {
        const got = await gateway.read(next);
        if (request !== readRequest.current) return;
        setData(got);
        const phases = phasesOf(got.values);
        setPhase(phases[0] ?? ALL_PHASES);
      } catch (error) {
        if (request !== readRequest.current) return;
        status.show({ intent: 'error', title: `Could not read ${describeSource(next)}`, lines: [errorText(error)] });
      } finally {
        if (request === readRequest.current) setReading(false);
      }
    },
    [gateway, status],
  );

  const autoPick = React.useCallback(
    async (info: WorkbookInfo): Promise<InputSource | null> => {
      const candidates: InputSource[] = [
        ...info.tables.map((t): InputSource => ({ kind: 'table', name: t.name })),
        ...info.names.map((n): InputSource => ({ kind: 'name', name: n.name })),
      ].slice(0, AUTO_PICK_LIMIT);
      for (const candidate of candidates) {
        try {
          const got = await gateway.read(candidate);
          if (parseAccuracyInput(got.values).input) return candidate;
        } catch {
          // Not readable: not a default candidate (the planner sees the error if they pick it).
        }
      }
      return null;
    },
    [gateway],
  );

  const phases = React.useMemo(() => (data ? phasesOf(data.values) : []), [data]);
  const parsed = React.useMemo(() => {
    if (!data) return null;
    try {
      return parseAccuracyInput(filterPhase(data.values, phase));
    } catch (error) {
      return { input: null, problems: [errorText(error)] };
    }
  }, [data, phase]);

  const toleranceNumber = readNumber(tolerancePct);
  const toleranceProblem =
    Number.isNaN(toleranceNumber) ? 'Enter the tolerance as a percentage, e.g. 1 for ±1%.' : toleranceNumber < 0 || toleranceNumber >= 100 ? 'The tolerance must be at least 0% and below 100%.' : null;
  const tolerance = toleranceNumber / 100;

  const preview = React.useMemo(() => {
    if (!parsed?.input || toleranceProblem) return null;
    try {
      return { result: accuracyBy(parsed.input.groups, parsed.input.forecast, parsed.input.actual, tolerance), error: null };
    } catch (error) {
      return { result: null, error: errorText(error) };
    }
  }, [parsed, tolerance, toleranceProblem]);

  const label = source ? describeRead(source, data) : '';
  const title = phase ? `${phase} forecast accuracy` : 'Forecast accuracy';

  const write = async () => {
    if (!data || !parsed?.input || toleranceProblem || !source) return;
    setWorking(true);
    try {
      const sheet = accuracySheet({ ...parsed.input, tolerance, label: title }, sheetContext(mode, data));
      const report = await writer.write([sheet], 'Accuracy review');
      if (!report) return;
      const lines = [`Sheet written: ${formatList(report.sheets.map((s) => `"${s}"`))}; ${formatCount(report.cellsWritten)} cells.`];
      if (preview?.result) {
        lines.push(
          `${preview.result.outsideTolerance} of ${preview.result.rows.length} outside ±${tolerancePct.trim()}%; MAPE ${formatPercent(preview.result.mape)}.`,
        );
      }
      status.show({ intent: 'success', title: `${title} written`, lines });
    } catch (error) {
      status.show(problemMessage(error, `Could not write the accuracy review from ${label}`));
    } finally {
      setWorking(false);
    }
  };

  const result = preview?.result ?? null;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2">Accuracy review</Subtitle2>
      <Text className={styles.muted}>
        Last year's forecast against this year's census, by district. Accuracy = (forecast − actual) ÷ actual: positive means over-forecast.
      </Text>
      <InputPicker
        gateway={gateway}
        label="Forecast and actual rolls"
        hint="Columns: District, Phase (optional), Forecast, Actual."
        value={source}
        onChange={(s) => void read(s)}
        autoPick={autoPick}
        disabled={busy}
      />
      {reading && <Text className={styles.muted}>Reading {source ? describeSource(source) : 'the input'}…</Text>}
      {phases.length > 0 && (
        <Field label="Phase">
          <Select aria-label="Phase" value={phase} onChange={(_e, d) => setPhase(d.value)} disabled={busy}>
            {phases.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            <option value={ALL_PHASES}>All phases together</option>
          </Select>
        </Field>
      )}
      <Field
        label="Tolerance (±%)"
        hint="Kent's tolerance is ±1%."
        validationState={toleranceProblem ? 'error' : undefined}
        validationMessage={toleranceProblem ?? undefined}
      >
        <Input
          aria-label="Tolerance in percent"
          inputMode="decimal"
          value={tolerancePct}
          contentAfter="%"
          onChange={(_e, d) => setTolerancePct(d.value)}
          disabled={busy}
        />
      </Field>
      {data && parsed && parsed.problems.length > 0 && (
        <MessageBar intent={parsed.input ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {parsed.input ? `Some rows of the ${label} were left out` : `The ${label} cannot be used for the accuracy review`}
            </MessageBarTitle>
            <ul>
              {parsed.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Accuracy cannot be worked out from the {label}</MessageBarTitle>
            {preview.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <ul className={styles.figures} aria-label="Accuracy preview">
          <li data-testid="accuracy-outside">
            <span className={styles.figure}>
              {result.outsideTolerance} of {result.rows.length}
            </span>{' '}
            outside ±{tolerancePct.trim()}%
          </li>
          <li data-testid="accuracy-mape">
            <span className={styles.figure}>{formatPercent(result.mape)}</span> mean absolute percentage error (MAPE)
          </li>
          <li data-testid="accuracy-total">
            <span className={styles.figure}>
              {result.total.accuracy > 0 ? '+' : ''}
              {formatPercent(result.total.accuracy, 2)}
            </span>{' '}
            overall ({formatCount(result.total.forecast)} forecast, {formatCount(result.total.actual)} actual)
          </li>
        </ul>
      )}
      <WriteModeChoice value={mode} onChange={setMode} disabled={busy} />
      <div>
        <Button appearance="primary" onClick={() => void write()} disabled={busy || !parsed?.input || !!toleranceProblem}>
          Write accuracy review
        </Button>
      </div>
      {writer.view}
    </div>
  );
}
