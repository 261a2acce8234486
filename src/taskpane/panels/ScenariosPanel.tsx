/**
 * Scenarios: choose the rolls input, confirm its columns, set the parameters, save the scenario in the
 * workbook and run it (one result sheet per scenario).
 */
import * as React from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  SpinButton,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
  type SpinButtonChangeEvent,
  type SpinButtonOnChangeData,
} from '@fluentui/react-components';
import type { InputSource, RangeData, WorkbookGateway, WorkbookInfo } from '../../excel/gateway';
import type { AveragingMethod } from '../../engine/ratios';
import { detectLayout, layoutProblems, type AreaHistory, type RollsLayout } from '../model/rolls';
import { LIMITS, newScenarioId, validateParameters, type Scenario } from '../model/scenario';
import { runScenario, scenarioSheets } from '../model/run';
import { ColumnRoles, isUnsure, withRole, yearGroupLabel } from '../ColumnRoles';
import { InputPicker } from '../InputPicker';
import { WriteModeChoice, type WriteMode } from '../WriteModeChoice';
import {
  PaneProblem,
  describeRead,
  describeSource,
  errorText,
  formatCount,
  formatList,
  problemMessage,
} from '../describe';
import { DEFAULT_FORM, METHODS, formFromParameters, parametersFromForm, type ParameterField, type ParameterForm } from '../parameters';
import { layoutMismatches, parseInput, parseRange, readInput, sheetContext } from '../run-saved';
import { useSavedScenarios } from '../saved-scenarios';
import { useStatus } from '../status';
import { useSheetWriter } from '../useSheetWriter';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  // Inputs size themselves to ~20 characters by default; in the two-column rows they must shrink.
  shrink: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  saved: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  savedItem: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  savedText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How many tables the default picker reads looking for a rolls table. */
const AUTO_PICK_LIMIT = 10;
/** How many model notes the success message lists before "and N more". */
const NOTES_SHOWN = 2;

function inputSummary(areas: AreaHistory[]): string {
  const first = areas[0];
  const districts = new Set(areas.map((a) => a.district).filter((d) => d !== ''));
  const groups = first.yearGroups;
  const years = first.years;
  const parts = [
    `${areas.length} planning ${areas.length === 1 ? 'area' : 'areas'}${districts.size ? ` in ${districts.size} ${districts.size === 1 ? 'district' : 'districts'}` : ''}`,
    `${years.length} years of rolls${years.length ? ` (${years[0]} to ${years[years.length - 1]})` : ''}`,
    groups.length === 1 ? yearGroupLabel(groups[0]) : `${yearGroupLabel(groups[0])} to ${yearGroupLabel(groups[groups.length - 1])}`,
  ];
  if (first.driver) parts.push('with an intake driver');
  return parts.join(', ');
}

export function ScenariosPanel(props: { gateway: WorkbookGateway }): JSX.Element {
  const { gateway } = props;
  const styles = useStyles();
  const status = useStatus();
  const saved = useSavedScenarios();
  const writer = useSheetWriter(gateway);

  const [source, setSource] = React.useState<InputSource | null>(null);
  const [data, setData] = React.useState<RangeData | null>(null);
  const [layout, setLayout] = React.useState<RollsLayout | null>(null);
  const [asked, setAsked] = React.useState<ReadonlySet<number>>(new Set());
  const [answered, setAnswered] = React.useState<ReadonlySet<number>>(new Set());
  const [reading, setReading] = React.useState(false);
  const [form, setForm] = React.useState<ParameterForm>(DEFAULT_FORM);
  const [name, setName] = React.useState('Baseline');
  const [mode, setMode] = React.useState<WriteMode>('values');
  const [working, setWorking] = React.useState(false);
  const readRequest = React.useRef(0);

  const busy = reading || working || writer.busy;
  const label = source ? describeRead(source, data) : '';

  /**
   * Reads an input and recognises its columns. Messages go to `place` (beside the button that asked) or
   * the top of the pane. Resolves to whether the input was read (false: failed or overtaken by a later read).
   */
  const readSource = React.useCallback(
    async (next: InputSource, savedLayout?: { layout: RollsLayout; name: string }, place?: string): Promise<boolean> => {
      const request = ++readRequest.current;
      setSource(next);
      setData(null);
      setLayout(null);
      setReading(true);
      try {
        const read = await gateway.read(next);
        if (request !== readRequest.current) return false;
        const header = read.values[0] ?? [];
        const detected = detectLayout(header);
        const unsure = new Set(detected.columns.filter(isUnsure).map((c) => c.index));
        let chosen = detected;
        let confirmed = new Set<number>();
        if (savedLayout) {
          const mismatches = layoutMismatches(savedLayout.layout, header);
          if (mismatches.length === 0) {
            chosen = savedLayout.layout;
            confirmed = new Set(unsure);
          } else {
            status.show({
              intent: 'warning',
              title: `The ${describeRead(next, read)} has changed since scenario "${savedLayout.name}" was saved`,
              lines: [...mismatches, 'The columns were recognised afresh: check them and save the scenario again.'],
              place,
            });
          }
        }
        setData(read);
        setLayout(chosen);
        setAsked(unsure);
        setAnswered(confirmed);
        return true;
      } catch (error) {
        if (request !== readRequest.current) return false;
        status.show({ intent: 'error', title: `Could not read ${describeSource(next)}`, lines: [errorText(error)], place });
        return false;
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
          const read = await gateway.read(candidate);
          if (layoutProblems(detectLayout(read.values[0] ?? [])).length === 0) return candidate;
        } catch {
          // Not readable: simply not a default candidate (the planner sees the error if they pick it).
        }
      }
      return null;
    },
    [gateway],
  );

  const issues = React.useMemo(() => (layout ? layoutProblems(layout) : []), [layout]);
  const parsed = React.useMemo(() => {
    if (!data || !layout || issues.length > 0) return null;
    try {
      return parseRange(data, layout);
    } catch (error) {
      return { areas: [] as AreaHistory[], problems: [errorText(error)] };
    }
  }, [data, layout, issues]);

  const { parameters, problems: formProblems } = parametersFromForm(form);
  const modelProblems = Object.keys(formProblems).length === 0 ? validateParameters(parameters) : [];
  const parametersOk = Object.keys(formProblems).length === 0 && modelProblems.length === 0;
  const waitingAnswers = [...asked].filter((i) => !answered.has(i));
  const inputOk = !!parsed && parsed.areas.length > 0 && issues.length === 0;
  /** Run and Save are possible (both disabled otherwise). */
  const canRun = !busy && inputOk && parametersOk && !!name.trim();

  const setField = <K extends ParameterField>(field: K, value: ParameterForm[K]) => setForm((old) => ({ ...old, [field]: value }));
  const spin =
    (field: ParameterField) =>
    (_e: SpinButtonChangeEvent, d: SpinButtonOnChangeData) => {
      const value = d.value ?? (d.displayValue !== undefined ? Number.parseFloat(d.displayValue) : NaN);
      setField(field, value === null || Number.isNaN(value) ? (d.displayValue ?? '') : String(value));
    };
  const spinValue = (text: string): number | null => {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : null;
  };
  /** The SpinButton wiring of a whole-number field: its limits, the number (or the text typed while it is not one) and its change handler. */
  const spinProps = (field: 'horizon' | 'ratioYears' | 'persistYears') => ({
    min: LIMITS[field].min,
    max: LIMITS[field].max,
    value: spinValue(form[field]),
    displayValue: spinValue(form[field]) === null ? form[field] : undefined,
    onChange: spin(field),
    disabled: busy,
  });

  const buildScenario = (): Scenario | null => {
    if (!source || !layout) return null;
    const trimmed = name.trim();
    const existing = saved.scenarios.find((s) => s.name.trim().toLowerCase() === trimmed.toLowerCase());
    return {
      id: existing?.id ?? newScenarioId(saved.scenarios),
      name: trimmed,
      input: source,
      inputLabel: describeSource(source),
      layout,
      parameters,
      savedAt: new Date().toISOString(),
    };
  };

  const save = async () => {
    const scenario = buildScenario();
    if (!scenario) return;
    writer.status.clear();
    setWorking(true);
    try {
      const replaced = saved.scenarios.some((s) => s.id === scenario.id);
      if (await saved.save(scenario, writer.place)) {
        writer.status.show({
          intent: 'success',
          title: `Scenario "${scenario.name}" ${replaced ? 'updated' : 'saved'} in the workbook`,
          lines: [`Input: ${scenario.inputLabel}.`],
        });
      }
    } finally {
      setWorking(false);
    }
  };

  const load = async (scenario: Scenario) => {
    writer.status.clear();
    setName(scenario.name);
    setForm(formFromParameters(scenario.parameters));
    if (await readSource(scenario.input, { layout: scenario.layout, name: scenario.name }, writer.place)) {
      writer.status.show({
        intent: 'info',
        title: `Scenario "${scenario.name}" loaded`,
        lines: [`Its input (${scenario.inputLabel}) and parameters are filled in above: press Run scenario to run it.`],
      });
    }
  };

  const remove = async (scenario: Scenario) => {
    writer.status.clear();
    setWorking(true);
    try {
      if (await saved.remove(scenario, writer.place)) writer.status.show({ intent: 'info', title: `Scenario "${scenario.name}" deleted` });
    } finally {
      setWorking(false);
    }
  };

  const run = async () => {
    const scenario = buildScenario();
    if (!scenario || !source || !layout) return;
    writer.status.clear();
    setWorking(true);
    try {
      // Read again: the run uses the rolls as they are now, not as they were when picked.
      const fresh = await readInput(gateway, { input: source });
      const freshLabel = describeRead(source, fresh);
      const mismatches = layoutMismatches(layout, fresh.values[0] ?? []);
      if (mismatches.length > 0) {
        throw new PaneProblem(`The ${freshLabel} has changed since it was chosen`, [...mismatches, 'Choose it again to check the columns.']);
      }
      const input = parseInput(fresh, layout, freshLabel);
      let result;
      try {
        result = runScenario(scenario, input.areas);
      } catch (error) {
        throw new PaneProblem(`Scenario "${scenario.name}" could not be forecast from ${freshLabel}`, [errorText(error)]);
      }
      const sheets = scenarioSheets(result, sheetContext(mode, fresh));
      const report = await writer.write(sheets, `Run of "${scenario.name}"`);
      if (!report) return;
      const lines = [
        `${report.sheets.length === 1 ? 'Sheet' : 'Sheets'} written: ${formatList(report.sheets.map((s) => `"${s}"`))}.`,
        `${result.areas.length} planning ${result.areas.length === 1 ? 'area' : 'areas'} forecast ${scenario.parameters.horizon} years ahead; ${formatCount(report.cellsWritten)} cells written${mode === 'live' ? ' as live KENT formulas' : ''}.`,
        ...result.notes.slice(0, NOTES_SHOWN),
      ];
      if (result.notes.length > NOTES_SHOWN) lines.push(`… and ${result.notes.length - NOTES_SHOWN} more notes on the sheet.`);
      if (input.problems.length > 0) lines.push(`Left out: ${input.problems.join(' ')}`);
      writer.status.show({ intent: 'success', title: `Scenario "${scenario.name}" written`, lines });
    } catch (error) {
      writer.status.show(problemMessage(error, `Could not run scenario "${scenario.name}"`));
    } finally {
      setWorking(false);
    }
  };

  const methodInfo = METHODS.find((m) => m.value === form.method) ?? METHODS[0];
  const fieldState = (field: ParameterField) => (formProblems[field] ? ('error' as const) : undefined);

  return (
    <>
      <div className={styles.section}>
        <Subtitle2 as="h2">Rolls</Subtitle2>
        <InputPicker
          gateway={gateway}
          label="Rolls table"
          hint="One row per planning area and year, one column per year group; births, PAN and dwellings if you have them."
          value={source}
          onChange={(s) => void readSource(s)}
          autoPick={autoPick}
          disabled={busy}
        />
        {reading && <Text className={styles.muted}>Reading {source ? describeSource(source) : 'the input'}…</Text>}
        {data && layout && (
          <>
            <ColumnRoles
              layout={layout}
              asked={asked}
              answered={answered}
              disabled={busy}
              onChange={(index, value) => {
                setLayout((old) => (old ? withRole(old, index, value) : old));
                setAnswered((old) => new Set(old).add(index));
              }}
            />
            {issues.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>The {label} cannot be used as rolls yet</MessageBarTitle>
                  <ul>
                    {issues.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {parsed && parsed.areas.length === 0 && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>No planning areas could be read from the {label}</MessageBarTitle>
                  <ul>
                    {(parsed.problems.length ? parsed.problems : ['The range holds no rows of rolls.']).map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {parsed && parsed.areas.length > 0 && (
              <>
                <Text>{inputSummary(parsed.areas)}.</Text>
                {waitingAnswers.length > 0 && (
                  <Text className={styles.muted}>
                    Please confirm {waitingAnswers.length === 1 ? 'the highlighted column' : `the ${waitingAnswers.length} highlighted columns`}.
                  </Text>
                )}
                {parsed.problems.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Some rows of the {label} will be left out</MessageBarTitle>
                      <ul>
                        {parsed.problems.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </>
        )}
      </div>

      <Divider />
      <div className={styles.section}>
        <Subtitle2 as="h2">Parameters</Subtitle2>
        <div className={styles.pair}>
          <Field label="Horizon in years" hint="Usually 5 for primary, up to 10 for secondary." validationState={fieldState('horizon')} validationMessage={formProblems.horizon}>
            <SpinButton
              aria-label="Horizon in years"
              className={styles.shrink}
              input={{ size: 4 }}
              {...spinProps('horizon')}
            />
          </Field>
          <Field label="Ratio window in years" hint="How many recent years of ratios to average." validationState={fieldState('ratioYears')} validationMessage={formProblems.ratioYears}>
            <SpinButton
              aria-label="Ratio window in years"
              className={styles.shrink}
              input={{ size: 4 }}
              {...spinProps('ratioYears')}
            />
          </Field>
        </div>
        <Field label="Averaging method" hint={methodInfo.hint}>
          <Select
            aria-label="Averaging method"
            value={form.method}
            onChange={(_e, d) => setField('method', d.value as AveragingMethod)}
            disabled={busy}
          >
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
        {form.method === 'exponential' && (
          <Field label="Alpha" hint="Between 0 and 1: higher follows the latest year more closely." validationState={fieldState('alpha')} validationMessage={formProblems.alpha}>
            <Input aria-label="Alpha" inputMode="decimal" value={form.alpha} onChange={(_e, d) => setField('alpha', d.value)} disabled={busy} />
          </Field>
        )}
        <Field
          label="Pupils per new dwelling"
          hint="All year groups together: Kent quotes 0.28 for primary (28 per 100 homes)."
          validationState={fieldState('yieldPerDwelling')}
          validationMessage={formProblems.yieldPerDwelling}
        >
          <Input
            aria-label="Pupils per new dwelling"
            inputMode="decimal"
            value={form.yieldPerDwelling}
            onChange={(_e, d) => setField('yieldPerDwelling', d.value)}
            disabled={busy}
          />
        </Field>
        <div className={styles.pair}>
          <Field label="Target surplus" hint="At least this share of places spare." validationState={fieldState('targetPct')} validationMessage={formProblems.targetPct}>
            <Input
              aria-label="Target surplus, minimum percent"
              className={styles.shrink}
              input={{ size: 4 }}
              inputMode="decimal"
              value={form.targetPct}
              contentAfter="%"
              onChange={(_e, d) => setField('targetPct', d.value)}
              disabled={busy}
            />
          </Field>
          <Field label="Top of target band" hint="More spare places than this is too many." validationState={fieldState('targetMaxPct')} validationMessage={formProblems.targetMaxPct}>
            <Input
              aria-label="Top of target band, percent"
              className={styles.shrink}
              input={{ size: 4 }}
              inputMode="decimal"
              value={form.targetMaxPct}
              contentAfter="%"
              onChange={(_e, d) => setField('targetMaxPct', d.value)}
              disabled={busy}
            />
          </Field>
        </div>
        <Field
          label="Years a shortfall must last for permanent places"
          hint="Shorter shortfalls are met with temporary places (bulge classes)."
          validationState={fieldState('persistYears')}
          validationMessage={formProblems.persistYears}
        >
          <SpinButton
            aria-label="Years a shortfall must last for permanent places"
            {...spinProps('persistYears')}
          />
        </Field>
        <Field label="Assumptions" hint="In your own words: recorded with the scenario and on the result sheet.">
          <Textarea aria-label="Assumptions" value={form.assumptions} onChange={(_e, d) => setField('assumptions', d.value)} disabled={busy} resize="vertical" />
        </Field>
        {modelProblems.length > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Check the parameters</MessageBarTitle>
              <ul>
                {modelProblems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      <Divider />
      {/* A form so Enter in the scenario name runs the scenario (Run is its submit button). */}
      <form
        className={styles.section}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canRun) void run();
        }}
      >
        <Subtitle2 as="h2">Save and run</Subtitle2>
        <Field label="Scenario name" hint="Saving again under the same name replaces the saved scenario." validationState={name.trim() ? undefined : 'error'} validationMessage={name.trim() ? undefined : 'Give the scenario a name.'}>
          <Input aria-label="Scenario name" value={name} onChange={(_e, d) => setName(d.value)} disabled={busy} />
        </Field>
        <WriteModeChoice value={mode} onChange={setMode} disabled={busy} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={!canRun}>
            Run scenario
          </Button>
          <Button type="button" onClick={() => void save()} disabled={!canRun}>
            Save scenario
          </Button>
        </div>
        {writer.view}
      </form>

      <Divider />
      <div className={styles.section}>
        <Subtitle2 as="h2">Saved scenarios</Subtitle2>
        {saved.loading && <Text className={styles.muted}>Loading…</Text>}
        {!saved.loading && saved.scenarios.length === 0 && (
          <Text className={styles.muted}>None yet. Saved scenarios are kept in this workbook.</Text>
        )}
        <ul className={styles.saved} aria-label="Saved scenarios">
          {saved.scenarios.map((s) => (
            <li key={s.id} className={styles.savedItem}>
              <div className={styles.savedText}>
                <Text weight="semibold">{s.name}</Text>
                <Text size={200} className={styles.muted}>
                  {s.inputLabel}
                  {s.savedAt ? ` · saved ${s.savedAt.slice(0, 10)}` : ''}
                </Text>
              </div>
              <div className={styles.actions}>
                <Button size="small" onClick={() => void load(s)} disabled={busy} aria-label={`Load scenario ${s.name}`}>
                  Load
                </Button>
                <Button size="small" appearance="subtle" onClick={() => void remove(s)} disabled={busy} aria-label={`Delete scenario ${s.name}`}>
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
