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
import type { InputSource, RangeData, WorkbookGateway, WorkbookInfo } from '../../excel/gateway';
import { accuracyBy } from '../../engine/accuracy';
import { accuracyPhases, accuracySheet, filterAccuracyByPhase, parseAccuracyInput } from '../model/run';
import { describeRead, describeSource, errorText, formatCount, formatList, formatPercent, problemMessage } from '../describe';
import { InputPicker } from '../InputPicker';
import { sheetContext } from '../run-saved';
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

/** The Select value meaning "every phase together". */
const ALL_PHASES = '*';
const AUTO_PICK_LIMIT = 10;

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
  /** What is reviewed (title and sheet name); null = follow the phase. */
  const [labelText, setLabelText] = React.useState<string | null>(null);
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
        const first = parseAccuracyInput(got.values).input;
        setPhase((first && accuracyPhases(first)[0]) ?? ALL_PHASES);
        setLabelText(null);
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

  const whole = React.useMemo(() => {
    if (!data) return null;
    try {
      return parseAccuracyInput(data.values);
    } catch (error) {
      return { input: null, problems: [errorText(error)] };
    }
  }, [data]);
  const phases = React.useMemo(() => (whole?.input ? accuracyPhases(whole.input) : []), [whole]);
  const parsed = React.useMemo(() => {
    if (!whole) return null;
    if (!whole.input || phases.length === 0) return whole;
    const input = filterAccuracyByPhase(whole.input, phase === ALL_PHASES ? null : phase);
    return input.groups.length > 0
      ? { input, problems: whole.problems }
      : { input: null, problems: [...whole.problems, `No rows for the phase "${phase}".`] };
  }, [whole, phases, phase]);

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
  const defaultTitle = phases.length > 0 && phase !== ALL_PHASES ? phase : 'All phases';
  const title = (labelText ?? defaultTitle).trim() || defaultTitle;

  const write = async () => {
    if (!data || !parsed?.input || toleranceProblem || !source) return;
    writer.status.clear();
    setWorking(true);
    try {
      const { groups, forecast, actual } = parsed.input;
      const sheet = accuracySheet({ groups, forecast, actual, tolerance, label: title }, sheetContext(mode, data));
      const report = await writer.write([sheet], 'Accuracy review');
      if (!report) return;
      const lines = [`Sheet written: ${formatList(report.sheets.map((s) => `"${s}"`))}; ${formatCount(report.cellsWritten)} cells.`];
      if (preview?.result) {
        lines.push(
          `${preview.result.outsideTolerance} of ${preview.result.rows.length} outside ±${tolerancePct.trim()}%; MAPE ${formatPercent(preview.result.mape)}.`,
        );
      }
      writer.status.show({ intent: 'success', title: `Accuracy review "${title}" written`, lines });
    } catch (error) {
      writer.status.show(problemMessage(error, `Could not write the accuracy review from ${label}`));
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
      <Field label="What is reviewed" hint='Used in the sheet title and name, e.g. "Year R, January 2025 census".'>
        <Input aria-label="What is reviewed" value={labelText ?? defaultTitle} onChange={(_e, d) => setLabelText(d.value)} disabled={busy} />
      </Field>
      <Field
        label="Tolerance"
        hint="Forecasts within ± this percentage of the actual count as accurate (Kent uses ±1%)."
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
