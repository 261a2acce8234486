/**
 * One sheet of the demo workbook as a grid: column letters, row numbers, numbers right-aligned in their
 * number format, table header rows shaded, bold ranges, conditional-format colours (fill by exact text),
 * formulas worked out with the real KENT functions (spilled results included), and the charts the pane
 * wrote, each with a small drawing. Shows `pageRows` rows at a time ("Show more rows" adds more) and at
 * most `maxColumns` columns. Selecting cells (click, drag, shift-click) sets the gateway's selection, as
 * selecting in Excel does; a selection further down opens enough rows and scrolls to it.
 */
import * as React from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { SheetData, WorkbookData } from '../excel/workbook-data';
import { formatRange, parseRange, type RangeRef } from '../excel/a1';
import { ChartPreview } from './ChartPreview';
import { columnLetters, displaySheet, type DisplayCell } from './format';

export const MAX_ROWS_SHOWN = 500;
export const MAX_COLUMNS_SHOWN = 60;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroller: { overflow: 'auto', height: '62vh', minHeight: '240px', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
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
  selected: { backgroundImage: 'linear-gradient(rgba(15, 108, 189, 0.14), rgba(15, 108, 189, 0.14))' },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  note: { color: tokens.colorNeutralForeground3 },
  more: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  charts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Styles = ReturnType<typeof useStyles>;

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

/** How a cell looks apart from the selection (stable per sheet content). */
type Decorate = (cell: DisplayCell, row: number, column: number) => { className: string; style?: React.CSSProperties };

interface RowProps {
  r: number;
  cells: readonly DisplayCell[];
  columns: number;
  /** Selected columns in this row, or null. */
  sel: readonly [number, number] | null;
  /** Column of the active cell (the selection's first cell) when it is in this row, else -1. */
  active: number;
  decorate: Decorate;
  styles: Styles;
}

const EMPTY_CELL: DisplayCell = { text: '', kind: 'empty' };

const GridRow = React.memo(function GridRow({ r, cells, columns, sel, active, decorate, styles }: RowProps): JSX.Element {
  const tds: JSX.Element[] = [];
  for (let c = 0; c < columns; c++) {
    const cell = cells[c] ?? EMPTY_CELL;
    const { className, style } = decorate(cell, r, c);
    const title = cell.title ?? (cell.formula ? cell.formula : cell.text.length > 48 ? cell.text : undefined);
    tds.push(
      <td key={c} className={sel && c >= sel[0] && c <= sel[1] ? mergeClasses(className, styles.selected, c === active && styles.active) : className} style={style}
        title={title} data-address={`${columnLetters(c)}${r + 1}`} data-row={r} data-col={c}>
        {cell.text}
      </td>,
    );
  }
  return (
    <tr>
      <th className={styles.rowHead} scope="row">{r + 1}</th>
      {tds}
    </tr>
  );
});

export interface SheetGridProps {
  data: WorkbookData;
  /** Changes when any sheet's content changes (formulas may read other sheets); defaults to `data` identity. */
  version?: number;
  sheet: SheetData;
  /** Called with an A1 address when the user selects cells. */
  onSelect?: (address: string) => void;
  /** Rows shown at first and added by "Show more rows". */
  pageRows?: number;
  maxColumns?: number;
}

function cellOf(target: EventTarget | null): { row: number; column: number } | null {
  const td = target instanceof Element ? target.closest('td[data-row]') : null;
  if (!td) return null;
  return { row: Number(td.getAttribute('data-row')), column: Number(td.getAttribute('data-col')) };
}

export function SheetGrid(props: SheetGridProps): JSX.Element {
  const { data, sheet, onSelect } = props;
  const styles = useStyles();
  const pageRows = props.pageRows ?? MAX_ROWS_SHOWN;
  const maxColumns = props.maxColumns ?? MAX_COLUMNS_SHOWN;
  const totalRows = sheet.values.length;
  const totalColumns = Math.max(0, ...sheet.values.map((r) => r.length));

  const selection = data.selection && data.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? safeRange(data.selection.address) : null;
  const [limit, setLimit] = React.useState(pageRows);
  // A selection further down (e.g. "go to table") opens enough rows to show it.
  const needed = selection ? Math.ceil((selection.start.row + 1) / pageRows) * pageRows : 0;
  const maxRows = Math.max(limit, needed);

  const contentKey = props.version ?? data;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `contentKey` stands for the content of `data`
  const cells = React.useMemo(() => displaySheet(data, sheet, maxRows, maxColumns), [contentKey, sheet, maxRows, maxColumns]);
  const columns = cells.reduce((m, r) => Math.max(m, r.length), 0);

  const decorate = React.useMemo<Decorate>(() => {
    const headerRows = (sheet.tables ?? []).map((t) => safeRange(t.range)).filter((r): r is RangeRef => r !== null)
      .map((r) => ({ ...r, end: { row: r.start.row, column: r.end.column } }));
    const bold = (sheet.bold ?? []).map(safeRange).filter((r): r is RangeRef => r !== null);
    const formats = (sheet.formats ?? []).map((f) => ({ range: safeRange(f.range), rules: f.rules }));
    return (c, row, column) => {
      const rule = c.text === '' ? undefined : formats.find((f) => f.range && inside(f.range, row, column))?.rules.find((x) => x.text === c.text);
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
        ),
        style: rule ? { backgroundColor: rule.fill, ...(rule.fontColor ? { color: rule.fontColor } : {}) } : undefined,
      };
    };
  }, [sheet, styles]);

  const [drag, setDrag] = React.useState<RangeRef | null>(null);
  const anchor = React.useRef<{ row: number; column: number } | null>(null);
  const shown = drag ?? selection;
  const span = (from: { row: number; column: number }, to: { row: number; column: number }): RangeRef => ({
    start: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
    end: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
  });
  const finish = () => {
    if (drag && onSelect) onSelect(formatRange(drag));
    setDrag(null);
    anchor.current = null;
  };

  const scroller = React.useRef<HTMLDivElement>(null);
  const selKey = data.selection?.address;
  React.useEffect(() => {
    if (!selection || drag) return;
    const box = scroller.current;
    const td = box?.querySelector(`td[data-row="${selection.start.row}"][data-col="${selection.start.column}"]`);
    if (!box || !td) return;
    // Bring the selection's first cell into view below the sticky header row and beside the row numbers.
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const side = box.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const b = box.getBoundingClientRect();
    const t = td.getBoundingClientRect();
    if (t.top < b.top + head || t.bottom > b.bottom) box.scrollTop += t.top - b.top - head - 4;
    if (t.left < b.left + side || t.right > b.right) box.scrollLeft += t.left - b.left - side - 4;
  }, [selKey, sheet.name]); // eslint-disable-line react-hooks/exhaustive-deps -- scroll only when the selection moves

  return (
    <div className={styles.wrap}>
      <div className={styles.scroller} ref={scroller}>
        <table className={styles.grid} role="grid" aria-label={`Sheet ${sheet.name}`} aria-rowcount={totalRows + 1} aria-colcount={totalColumns + 1}
          onMouseDown={(e) => {
            const at = cellOf(e.target);
            if (!at) return;
            const from = e.shiftKey && selection ? selection.start : at;
            anchor.current = from;
            setDrag(span(from, at));
          }}
          onMouseOver={(e) => {
            const at = cellOf(e.target);
            if (at && anchor.current && drag) setDrag(span(anchor.current, at));
          }}
          onMouseUp={finish}
          onMouseLeave={() => drag && finish()}>
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
              <GridRow key={r} r={r} cells={row} columns={columns} decorate={decorate} styles={styles}
                sel={shown && r >= shown.start.row && r <= shown.end.row ? rowSel(shown) : null}
                active={shown && r === shown.start.row ? shown.start.column : -1} />
            ))}
          </tbody>
        </table>
        {totalRows === 0 && <p className={styles.note}>This sheet is empty.</p>}
      </div>
      {(totalRows > maxRows || totalColumns > maxColumns) && (
        <div className={styles.more}>
          <Text size={200} className={styles.note}>
            Showing the first {Math.min(totalRows, maxRows).toLocaleString('en-GB')} of {totalRows.toLocaleString('en-GB')} rows
            {totalColumns > maxColumns ? ` and ${maxColumns} of ${totalColumns} columns` : ''}.
          </Text>
          {totalRows > maxRows && <Button size="small" onClick={() => setLimit(maxRows + pageRows)}>Show more rows</Button>}
        </div>
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

const selCache = new WeakMap<RangeRef, readonly [number, number]>();
/** The same [first, last] column pair object for every row of one selection, so unselected rows keep their memo. */
function rowSel(r: RangeRef): readonly [number, number] {
  let v = selCache.get(r);
  if (!v) {
    v = [r.start.column, r.end.column] as const;
    selCache.set(r, v);
  }
  return v;
}
