/**
 * One sheet of the demo workbook as a grid: column letters, row numbers, numbers right-aligned in their
 * number format, table header rows shaded, bold ranges, conditional-format colours (fill by exact text),
 * formulas worked out with the real KENT functions (spilled results included), and the charts the pane
 * wrote, each with a small drawing. Shows at most `maxRows` rows and `maxColumns` columns.
 * Selecting cells (click, drag, shift-click) sets the gateway's selection, as selecting in Excel does.
 */
import * as React from 'react';
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { SheetData, WorkbookData } from '../excel/workbook-data';
import { formatRange, parseRange, type RangeRef } from '../excel/a1';
import { ChartPreview } from './ChartPreview';
import { columnLetters, displaySheet, type DisplayCell } from './format';

export const MAX_ROWS_SHOWN = 500;
export const MAX_COLUMNS_SHOWN = 60;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, flexGrow: 1 },
  scroller: { overflow: 'auto', flexGrow: 1, minHeight: 0, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  grid: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase, userSelect: 'none' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: '36px' },
  colHead: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', minWidth: '56px' },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '0 6px', textAlign: 'right' },
  cell: { borderRight: `1px solid ${tokens.colorNeutralStroke3}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: '2px 6px', whiteSpace: 'nowrap', maxWidth: '28em', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'top', cursor: 'cell' },
  long: { whiteSpace: 'normal', minWidth: '18em', maxWidth: '42em' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  boolean: { textAlign: 'center' },
  error: { color: tokens.colorPaletteRedForeground1, textAlign: 'center' },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  header: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  note: { color: tokens.colorNeutralForeground3 },
  charts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

function inside(r: RangeRef, row: number, column: number): boolean {
  return row >= r.start.row && row <= r.end.row && column >= r.start.column && column <= r.end.column;
}

function safeRange(address: string): RangeRef | null {
  try {
    return parseRange(address);
  } catch {
    return null;
  }
}

export interface SheetGridProps {
  data: WorkbookData;
  /** Changes when any sheet's content changes (formulas may read other sheets); defaults to `data` identity. */
  version?: number;
  sheet: SheetData;
  /** Called with an A1 address when the user selects cells. */
  onSelect?: (address: string) => void;
  maxRows?: number;
  maxColumns?: number;
}

export function SheetGrid(props: SheetGridProps): JSX.Element {
  const { data, sheet, onSelect } = props;
  const styles = useStyles();
  const maxRows = props.maxRows ?? MAX_ROWS_SHOWN;
  const maxColumns = props.maxColumns ?? MAX_COLUMNS_SHOWN;
  const contentKey = props.version ?? data;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `contentKey` stands for the content of `data`
  const cells = React.useMemo(() => displaySheet(data, sheet, maxRows, maxColumns), [contentKey, sheet, maxRows, maxColumns]);
  const totalRows = sheet.values.length;
  const totalColumns = Math.max(0, ...sheet.values.map((r) => r.length));
  const columns = cells.reduce((m, r) => Math.max(m, r.length), 0);

  const headerRows = React.useMemo(() => (sheet.tables ?? []).map((t) => safeRange(t.range)).filter((r): r is RangeRef => r !== null)
    .map((r) => ({ ...r, end: { row: r.start.row, column: r.end.column } })), [sheet]);
  const bold = React.useMemo(() => (sheet.bold ?? []).map(safeRange).filter((r): r is RangeRef => r !== null), [sheet]);
  const formats = React.useMemo(() => (sheet.formats ?? []).map((f) => ({ range: safeRange(f.range), rules: f.rules })), [sheet]);

  const selection = data.selection && data.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? safeRange(data.selection.address) : null;
  const [drag, setDrag] = React.useState<RangeRef | null>(null);
  const anchor = React.useRef<{ row: number; column: number } | null>(null);
  const shown = drag ?? selection;

  const finish = React.useCallback((r: RangeRef | null) => {
    setDrag(null);
    if (r && onSelect) onSelect(formatRange(r));
  }, [onSelect]);

  const press = (row: number, column: number, shift: boolean) => {
    const from = shift && selection ? selection.start : { row, column };
    anchor.current = from;
    setDrag({ start: { row: Math.min(from.row, row), column: Math.min(from.column, column) }, end: { row: Math.max(from.row, row), column: Math.max(from.column, column) } });
  };
  const enter = (row: number, column: number) => {
    const a = anchor.current;
    if (!a || !drag) return;
    setDrag({ start: { row: Math.min(a.row, row), column: Math.min(a.column, column) }, end: { row: Math.max(a.row, row), column: Math.max(a.column, column) } });
  };

  const cellClass = (c: DisplayCell, row: number, column: number) => {
    const fmt = formats.find((f) => f.range && inside(f.range, row, column) && f.rules.some((rule) => rule.text === c.text));
    const rule = fmt?.rules.find((x) => x.text === c.text);
    return {
      className: mergeClasses(
        styles.cell,
        c.kind === 'number' && styles.number,
        c.kind === 'boolean' && styles.boolean,
        c.kind === 'error' && styles.error,
        c.kind === 'formula' && styles.formula,
        c.kind === 'text' && c.text.length > 48 && styles.long,
        headerRows.some((r) => inside(r, row, column)) && styles.header,
        bold.some((r) => inside(r, row, column)) && styles.bold,
        shown !== null && inside(shown, row, column) && styles.selected,
      ),
      style: rule ? { backgroundColor: rule.fill, ...(rule.fontColor ? { color: rule.fontColor } : {}) } : undefined,
    };
  };

  return (
    <div className={styles.wrap} onMouseUp={() => drag && finish(drag)} onMouseLeave={() => drag && finish(drag)}>
      <div className={styles.scroller}>
        <table className={styles.grid} role="grid" aria-label={`Sheet ${sheet.name}`} aria-rowcount={totalRows + 1} aria-colcount={totalColumns + 1}>
          <thead>
            <tr>
              <th className={styles.corner} aria-label="Select all" />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} className={styles.colHead} scope="col">{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((row, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">{r + 1}</th>
                {Array.from({ length: columns }, (_, c) => {
                  const cell = row[c] ?? { text: '', kind: 'empty' as const };
                  const { className, style } = cellClass(cell, r, c);
                  const title = cell.title ?? (cell.formula ? cell.formula : cell.text.length > 48 ? cell.text : undefined);
                  return (
                    <td key={c} className={className} style={style} title={title} data-address={`${columnLetters(c)}${r + 1}`}
                      onMouseDown={(e) => press(r, c, e.shiftKey)} onMouseEnter={() => enter(r, c)}>
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {totalRows === 0 && <p className={styles.note}>This sheet is empty.</p>}
      </div>
      {(totalRows > maxRows || totalColumns > maxColumns) && (
        <Text size={200} className={styles.note}>
          Showing the first {Math.min(totalRows, maxRows).toLocaleString('en-GB')} of {totalRows.toLocaleString('en-GB')} rows
          {totalColumns > maxColumns ? ` and ${maxColumns} of ${totalColumns} columns` : ''}.
        </Text>
      )}
      {(sheet.charts?.length ?? 0) > 0 && (
        <section aria-label="Charts on this sheet">
          <Text weight="semibold">Charts written to this sheet</Text>
          <div className={styles.charts}>
            {sheet.charts!.map((chart, i) => (
              <div key={i} className={styles.chart}>
                <Text size={200}>
                  {chart.type === 'line' ? 'Line' : 'Bar'} chart “{chart.title}” from {chart.dataRange}, placed at {chart.anchor}
                  {chart.yAxisTitle ? ` (${chart.yAxisTitle})` : ''}
                </Text>
                <ChartPreview spec={chart} cells={cells} />
              </div>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
