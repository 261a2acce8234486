/**
 * The demo host's picture of the workbook: a tab per sheet, a formula bar for the selected cell and the
 * sheet's grid. Redraws whenever the gateway changes (the task pane writing sheets, saving settings,
 * selecting); a sheet the pane adds appears as a new tab and is selected.
 */
import * as React from 'react';
import { Link, makeStyles, Tab, TabList, Text, tokens, type SelectTabData } from '@fluentui/react-components';
import type { SheetData, WorkbookData } from '../excel/workbook-data';
import { parseRange } from '../excel/a1';
import { readValue } from '../excel/write-plan';
import { SheetGrid } from './SheetGrid';

/** What the view needs from the in-memory workbook (MemoryGateway provides it). */
export interface ObservableWorkbook {
  snapshot(): WorkbookData;
  subscribe(listener: () => void): () => void;
  select(sheet: string, address: string): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
  tabs: { overflowX: 'auto', flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1, minHeight: '1.6em', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', flexShrink: 0 },
  address: { minWidth: '5em', color: tokens.colorNeutralForeground3 },
  info: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

/**
 * The workbook as it is now, kept up to date from the gateway. Sheets whose content did not change keep
 * their object identity, and `version` counts content changes (not selection moves), so the grid only
 * works its formulas out again when a sheet really changed.
 */
export function useWorkbookSnapshot(workbook: ObservableWorkbook): { data: WorkbookData; version: number } {
  const memo = React.useRef<{ json: Map<string, string>; sheets: Map<string, SheetData>; version: number }>({ json: new Map(), sheets: new Map(), version: 0 });
  const take = React.useCallback((): { data: WorkbookData; version: number } => {
    const fresh = workbook.snapshot();
    const m = memo.current;
    let changed = fresh.sheets.length !== m.sheets.size;
    const json = new Map<string, string>();
    const sheets = new Map<string, SheetData>();
    const stable = fresh.sheets.map((s) => {
      const text = JSON.stringify(s);
      json.set(s.name, text);
      const previous = m.sheets.get(s.name);
      const keep = previous && m.json.get(s.name) === text ? previous : s;
      if (keep !== previous) changed = true;
      sheets.set(s.name, keep);
      return keep;
    });
    memo.current = { json, sheets, version: m.version + (changed ? 1 : 0) };
    return { data: { ...fresh, sheets: stable }, version: memo.current.version };
  }, [workbook]);
  const [state, setState] = React.useState(take);
  React.useEffect(() => {
    setState(take());
    return workbook.subscribe(() => setState(take()));
  }, [workbook, take]);
  return state;
}

export function WorkbookView(props: { workbook: ObservableWorkbook }): JSX.Element {
  const { workbook } = props;
  const styles = useStyles();
  const { data, version } = useWorkbookSnapshot(workbook);
  const names = data.sheets.map((s) => s.name);
  const [selected, setSelected] = React.useState<string>(() => data.activeSheet ?? names[0] ?? '');
  const seen = React.useRef<{ names: string[]; active?: string }>({ names, active: data.activeSheet });

  React.useEffect(() => {
    const before = seen.current;
    const added = names.filter((n) => !before.names.includes(n));
    if (data.activeSheet && data.activeSheet !== before.active && names.includes(data.activeSheet)) setSelected(data.activeSheet);
    else if (added.length > 0) setSelected(added[added.length - 1]);
    seen.current = { names, active: data.activeSheet };
  }, [data]); // eslint-disable-line react-hooks/exhaustive-deps -- names derives from data

  const sheet = data.sheets.find((s) => s.name === selected) ?? data.sheets[0];
  const onTab = (_: unknown, d: SelectTabData) => {
    const name = String(d.value);
    setSelected(name);
    workbook.select(name, 'A1');
  };

  const sel = data.selection && sheet && data.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? data.selection.address : null;
  let content = '';
  if (sel && sheet) {
    try {
      const r = parseRange(sel);
      const v = readValue(sheet.values[r.start.row]?.[r.start.column]);
      const raw = sheet.values[r.start.row]?.[r.start.column];
      content = typeof raw === 'string' && raw.startsWith('=') ? raw : v === null ? '' : String(v);
    } catch {
      content = '';
    }
  }

  if (!sheet) return <Text>The workbook has no sheets.</Text>;
  const tables = sheet.tables ?? [];
  return (
    <div className={styles.root}>
      <div className={styles.tabs}>
        <TabList selectedValue={sheet.name} onTabSelect={onTab} size="small" aria-label="Sheets">
          {names.map((n) => (
            <Tab key={n} value={n}>{n}</Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.bar} aria-label="Formula bar">
        <span className={styles.address}>{sel ?? ''}</span>
        <span>{content}</span>
      </div>
      {tables.length > 0 && (
        <Text size={200} className={styles.info}>
          This sheet holds {tables.map((t, i) => (
            <React.Fragment key={t.name}>
              {i > 0 ? ', ' : ''}table <Link as="button" inline onClick={() => workbook.select(sheet.name, t.range)} title={`Select ${t.name}`}>{t.name}</Link> ({t.range})
            </React.Fragment>
          ))}.
        </Text>
      )}
      <SheetGrid key={sheet.name} data={data} version={version} sheet={sheet} onSelect={(address) => workbook.select(sheet.name, address)} />
    </div>
  );
}
