/**
 * Compare: two saved scenarios, each re-read from its input and run, written side by side with the
 * differences by planning area and year.
 */
import * as React from 'react';
import {
  Button,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookGateway } from '../../excel/gateway';
import { comparisonSheet, type ScenarioResult } from '../model/run';
import { formatCount, formatList, problemMessage } from '../describe';
import { runSaved, sheetContext } from '../run-saved';
import { useSavedScenarios } from '../saved-scenarios';
import { ScenarioPicker, useScenarioChoice } from '../ScenarioPicker';
import { useSheetWriter } from '../useSheetWriter';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'right' },
});

/** Total forecast pupils (all areas, all year groups) per forecast year. */
export function yearTotals(result: ScenarioResult): number[] {
  const totals: number[] = [];
  for (const area of result.areas) {
    area.forecast.forecast.forEach((row, year) => {
      totals[year] = (totals[year] ?? 0) + row.reduce((sum, v) => sum + v, 0);
    });
  }
  return totals;
}

interface Preview {
  a: string;
  b: string;
  totalsA: number[];
  totalsB: number[];
}

export function ComparePanel(props: { gateway: WorkbookGateway }): JSX.Element {
  const { gateway } = props;
  const styles = useStyles();
  const saved = useSavedScenarios();
  const writer = useSheetWriter(gateway);
  const [idA, setIdA] = useScenarioChoice(saved.scenarios, 0);
  const [idB, setIdB] = useScenarioChoice(saved.scenarios, 1);
  const [working, setWorking] = React.useState(false);
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const busy = working || writer.busy;

  const a = saved.scenarios.find((s) => s.id === idA);
  const b = saved.scenarios.find((s) => s.id === idB);
  const same = !!a && !!b && a.id === b.id;

  const compare = async () => {
    if (!a || !b || same) return;
    writer.status.clear();
    setWorking(true);
    try {
      const runA = await runSaved(gateway, a);
      const runB = await runSaved(gateway, b);
      const sheet = comparisonSheet(runA.result, runB.result, sheetContext('values', runA.data));
      const report = await writer.write([sheet], `Comparison of "${a.name}" and "${b.name}"`);
      if (!report) return;
      setPreview({ a: a.name, b: b.name, totalsA: yearTotals(runA.result), totalsB: yearTotals(runB.result) });
      const left = [...runA.problems, ...runB.problems];
      writer.status.show({
        intent: 'success',
        title: `Comparison of "${a.name}" and "${b.name}" written`,
        lines: [
          `Sheet written: ${formatList(report.sheets.map((s) => `"${s}"`))}; ${formatCount(report.cellsWritten)} cells.`,
          `${runA.result.areas.length} and ${runB.result.areas.length} planning areas compared.`,
          ...(left.length ? [`Left out: ${left.join(' ')}`] : []),
        ],
      });
    } catch (error) {
      writer.status.show(problemMessage(error, `Could not compare "${a.name}" and "${b.name}"`));
    } finally {
      setWorking(false);
    }
  };

  const years = preview ? Math.max(preview.totalsA.length, preview.totalsB.length) : 0;

  return (
    <div className={styles.section}>
      <Subtitle2 as="h2">Compare two scenarios</Subtitle2>
      <Text className={styles.muted}>
        Both are run again from their inputs as they are now. The sheet shows both forecasts and the difference (B minus A) by planning area
        and year, as values.
      </Text>
      {saved.scenarios.length < 2 && !saved.loading && (
        <Text>Save at least two scenarios on the Scenarios tab to compare them.</Text>
      )}
      <ScenarioPicker label="Scenario A" scenarios={saved.scenarios} value={idA} onChange={setIdA} disabled={busy} />
      <ScenarioPicker label="Scenario B" scenarios={saved.scenarios} value={idB} onChange={setIdB} disabled={busy} />
      {same && saved.scenarios.length >= 2 && <Text>Choose two different scenarios.</Text>}
      <div>
        <Button appearance="primary" onClick={() => void compare()} disabled={busy || !a || !b || same}>
          Write comparison
        </Button>
      </div>
      {writer.view}
      {preview && (
        <Table size="extra-small" aria-label="Total pupils by forecast year">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Forecast year</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{preview.a}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{preview.b}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>B − A</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {Array.from({ length: years }, (_, y) => {
              const va = preview.totalsA[y];
              const vb = preview.totalsB[y];
              const diff = va !== undefined && vb !== undefined ? vb - va : undefined;
              return (
                <TableRow key={y}>
                  <TableCell>+{y + 1}</TableCell>
                  <TableCell className={styles.number}>{va === undefined ? '–' : formatCount(va)}</TableCell>
                  <TableCell className={styles.number}>{vb === undefined ? '–' : formatCount(vb)}</TableCell>
                  <TableCell className={styles.number}>
                    {diff === undefined ? '–' : `${diff > 0 ? '+' : ''}${formatCount(diff)}`}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
