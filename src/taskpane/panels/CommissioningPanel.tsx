/**
 * Commissioning: from a saved scenario's forecast and the PANs, surplus by planning area and district,
 * places and FE needed, the permanent / temporary split, and a finance reconciliation block.
 */
import * as React from 'react';
import { Button, Field, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookGateway } from '../../excel/gateway';
import { commissioningSheet } from '../model/run';
import { errorText, formatCount, formatList, formatPercent, problemMessage } from '../describe';
import { commissioningHeadline, type CommissioningHeadline } from '../headline';
import { runSaved, sheetContext } from '../run-saved';
import { useSavedScenarios } from '../saved-scenarios';
import { ScenarioPicker, useScenarioChoice } from '../ScenarioPicker';
import { useStatus } from '../status';
import { useSheetWriter } from '../useSheetWriter';
import { WriteModeChoice, type WriteMode } from '../WriteModeChoice';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figure: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

function formatFe(fe: number): string {
  return `${Number(fe.toFixed(1)).toLocaleString('en-GB')} FE`;
}

export function CommissioningPanel(props: { gateway: WorkbookGateway }): JSX.Element {
  const { gateway } = props;
  const styles = useStyles();
  const status = useStatus();
  const saved = useSavedScenarios();
  const writer = useSheetWriter(gateway);
  const [id, setId] = useScenarioChoice(saved.scenarios, 0);
  const [mode, setMode] = React.useState<WriteMode>('values');
  const [kpiYear, setKpiYear] = React.useState(1);
  const [working, setWorking] = React.useState(false);
  const [headline, setHeadline] = React.useState<{ scenario: string; figures: CommissioningHeadline | null } | null>(null);
  const [previewing, setPreviewing] = React.useState(false);
  const busy = working || writer.busy;
  const scenario = saved.scenarios.find((s) => s.id === id);
  const horizon = scenario?.parameters.horizon ?? 5;

  // The headline figures follow the chosen scenario and year (the input is read and run again).
  const scenarioKey = scenario ? `${scenario.id}|${scenario.savedAt}` : '';
  const previewRequest = React.useRef(0);
  React.useEffect(() => {
    const request = ++previewRequest.current;
    if (!scenario) {
      setHeadline(null);
      return;
    }
    setPreviewing(true);
    void (async () => {
      try {
        const run = await runSaved(gateway, scenario);
        if (request !== previewRequest.current) return;
        setHeadline({ scenario: scenario.name, figures: commissioningHeadline(run.result, kpiYear) });
      } catch (error) {
        if (request !== previewRequest.current) return;
        setHeadline(null);
        status.show(problemMessage(error, `Could not work out the headline figures for "${scenario.name}"`));
      } finally {
        if (request === previewRequest.current) setPreviewing(false);
      }
    })();
    // scenarioKey stands for the scenario object (which changes identity on every list refresh).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gateway, scenarioKey, kpiYear, status]);

  const write = async () => {
    if (!scenario) return;
    writer.status.clear();
    setWorking(true);
    try {
      const run = await runSaved(gateway, scenario);
      let figures: CommissioningHeadline | null = null;
      try {
        figures = commissioningHeadline(run.result, kpiYear);
      } catch (error) {
        writer.status.show({ intent: 'warning', title: 'The headline figures could not be worked out', lines: [errorText(error)] });
      }
      setHeadline({ scenario: scenario.name, figures });
      const sheet = commissioningSheet(run.result, sheetContext(mode, run.data));
      const report = await writer.write([sheet], `Commissioning sheet for "${scenario.name}"`);
      if (!report) return;
      const lines = [`Sheet written: ${formatList(report.sheets.map((s) => `"${s}"`))}; ${formatCount(report.cellsWritten)} cells.`];
      if (figures && figures.withoutPan.length > 0) {
        lines.push(`No PAN given for ${formatList(figures.withoutPan)}: left out of the surplus and commissioning figures.`);
      }
      if (run.problems.length) lines.push(`Left out: ${run.problems.join(' ')}`);
      writer.status.show({ intent: 'success', title: `Commissioning for "${scenario.name}" written`, lines });
    } catch (error) {
      writer.status.show(problemMessage(error, `Could not write the commissioning sheet for "${scenario.name}"`));
    } finally {
      setWorking(false);
    }
  };

  const f = headline?.figures ?? null;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h2">Surplus and commissioning</Subtitle2>
      <Text className={styles.muted}>
        Surplus against PAN by planning area and district, the places and forms of entry needed to keep the target surplus, and how many should
        be permanent (a shortfall that lasts) or temporary (a bulge).
      </Text>
      {saved.scenarios.length === 0 && !saved.loading && <Text>Save a scenario on the Scenarios tab first.</Text>}
      <ScenarioPicker label="Scenario" scenarios={saved.scenarios} value={id} onChange={setId} disabled={busy} />
      <Field label="Forecast year for the headline" hint="The year the headline surplus figures below refer to.">
        <Select value={String(Math.min(kpiYear, horizon))} onChange={(_e, d) => setKpiYear(Number(d.value))} disabled={busy}>
          {Array.from({ length: horizon }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              Forecast year {i + 1}
            </option>
          ))}
        </Select>
      </Field>
      <WriteModeChoice value={mode} onChange={setMode} disabled={busy} />
      <div>
        <Button appearance="primary" onClick={() => void write()} disabled={busy || !scenario}>
          Write commissioning sheet
        </Button>
      </div>
      {writer.view}
      {previewing && !headline && <Text className={styles.muted}>Working out the figures…</Text>}
      {headline && (
        <section aria-label="Headline figures" className={styles.section}>
          <Subtitle2 as="h3">Headline for "{headline.scenario}"</Subtitle2>
          {!f && <Text>No planning area has a PAN, so surplus and commissioning cannot be worked out.</Text>}
          {f && (
            <ul className={styles.figures}>
              <li data-testid="kpi-at-target">
                <span className={styles.figure}>
                  {f.atOrAboveTarget} of {f.districts}
                </span>{' '}
                {f.districts === 1 ? 'district' : 'districts'} at or above {formatPercent(f.target, 0)} {f.entryLabel} surplus in {f.yearLabel}
              </li>
              <li data-testid="kpi-surplus">
                <span className={styles.figure}>{formatPercent(f.totalFraction)}</span> {f.entryLabel} surplus across all districts in {f.yearLabel}
              </li>
              <li data-testid="kpi-permanent-fe">
                <span className={styles.figure}>{formatFe(f.permanentFe)}</span> new permanent forms of entry over the forecast
              </li>
              <li data-testid="kpi-temporary">
                <span className={styles.figure}>{formatCount(f.temporaryPlaces)}</span> temporary {f.entryLabel} places (summed over the
                forecast years)
              </li>
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
