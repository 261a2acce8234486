/**
 * A small inline SVG drawing of a chart the task pane wrote (line or bar), from the cells of its data
 * range: first row = series names and first column = categories when series are in columns (and the
 * other way round for rows). The value axis is labelled in the data's number format (a percentage
 * column shows 4.0%, not 0.04), as Excel's axis is when linked to its source. Only a sketch: Excel
 * draws the real chart.
 */
import * as React from 'react';
import type { ChartSpec } from '../excel/gateway';
import { parseRange } from '../excel/a1';
import { formatNumber, type DisplayCell } from './format';

const PALETTE = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8', '#ca5010', '#038387', '#4f6bed', '#986f0b'];

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
  /** Number format of the first number in the data (first series first), or null for General. */
  numberFormat: string | null;
}

/** Categories and series of a chart, read from the displayed cells of its sheet. */
export function chartData(spec: ChartSpec, cells: readonly (readonly DisplayCell[])[]): ChartData {
  const r = parseRange(spec.dataRange);
  const at = (row: number, col: number): DisplayCell | undefined => cells[row]?.[col];
  const label = (c: DisplayCell | undefined) => (c ? c.text : '');
  let numberFormat: string | null | undefined;
  const num = (c: DisplayCell | undefined) => {
    if (!c || typeof c.value !== 'number') return null;
    if (numberFormat === undefined) numberFormat = c.numberFormat ?? null;
    return c.value;
  };
  const categories: string[] = [];
  const series: ChartSeries[] = [];
  if (spec.seriesBy === 'columns') {
    for (let row = r.start.row + 1; row <= r.end.row; row++) categories.push(label(at(row, r.start.column)));
    for (let col = r.start.column + 1; col <= r.end.column; col++) {
      const values: (number | null)[] = [];
      for (let row = r.start.row + 1; row <= r.end.row; row++) values.push(num(at(row, col)));
      series.push({ name: label(at(r.start.row, col)), values });
    }
  } else {
    for (let col = r.start.column + 1; col <= r.end.column; col++) categories.push(label(at(r.start.row, col)));
    for (let row = r.start.row + 1; row <= r.end.row; row++) {
      const values: (number | null)[] = [];
      for (let col = r.start.column + 1; col <= r.end.column; col++) values.push(num(at(row, col)));
      series.push({ name: label(at(row, r.start.column)), values });
    }
  }
  return { categories, series, numberFormat: numberFormat ?? null };
}

/** "#,##0.0%" -> its parts; null for formats the axis does not follow (General, dates, text, ...). */
function parseNumberFormat(format: string): { integer: string; decimals: number; percent: boolean } | null {
  const m = /^([#,0]*0)(?:\.(0+))?(%?)$/.exec(format.split(';')[0].replace(/\\|"/g, ''));
  return m ? { integer: m[1], decimals: m[2]?.length ?? 0, percent: m[3] === '%' } : null;
}

/**
 * Labels of the value axis' ticks. With a number format (the data's): the ticks in that format, with
 * more decimals only where the ticks would otherwise read the same (e.g. 0%, 0%, 1%). Without one:
 * up to 2 decimals on a short axis, whole numbers on a long one.
 *
 * @example
 * axisLabels([0, 0.02, 0.04], '0.0%') // ["0.0%", "2.0%", "4.0%"]
 * axisLabels([0, 500, 1000], null)    // ["0", "500", "1,000"]
 */
export function axisLabels(ticks: readonly number[], numberFormat: string | null): string[] {
  const parts = numberFormat ? parseNumberFormat(numberFormat) : null;
  if (!parts) {
    const span = Math.max(...ticks) - Math.min(...ticks);
    const fmt = new Intl.NumberFormat('en-GB', { maximumFractionDigits: span < 10 ? 2 : 0 });
    return ticks.map((t) => fmt.format(t));
  }
  let labels: string[] = [];
  for (let decimals = parts.decimals; decimals <= parts.decimals + 3; decimals++) {
    const format = `${parts.integer}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${parts.percent ? '%' : ''}`;
    labels = ticks.map((t) => formatNumber(t, format));
    if (new Set(labels).size === new Set(ticks).size) break;
  }
  return labels;
}

const W = 440;
const H = 200;
const M = { left: 48, right: 12, top: 12, bottom: 28 };

export function ChartPreview(props: { spec: ChartSpec; cells: readonly (readonly DisplayCell[])[] }): JSX.Element {
  const { spec } = props;
  const { categories, series, numberFormat } = chartData(spec, props.cells);
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (all.length === 0 || categories.length === 0) {
    return <p>No figures to draw in {spec.dataRange}.</p>;
  }
  const min = Math.min(...all);
  const hi = Math.max(...all);
  // Like Excel's automatic axis: start at 0 unless the figures sit far above it.
  const lo = min > 0 && min > 0.5 * hi ? Math.max(0, min - (hi - min) * 0.2 - 1) : Math.min(0, min);
  const span = hi - lo || 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const y = (v: number) => M.top + plotH - ((v - lo) / span) * plotH;
  const n = categories.length;
  const step = plotW / n;
  const x = (i: number) => M.left + step * (i + 0.5);
  const every = Math.max(1, Math.ceil(n / 8));
  const ticks = [lo, lo + span / 2, hi];
  const tickLabels = axisLabels(ticks, numberFormat);
  const barW = (step * 0.8) / Math.max(1, series.length);
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={`${spec.type} chart: ${spec.title}`} width={W} height={H} viewBox={`0 0 ${W} ${H}`} style={{ maxWidth: '100%', background: '#fff', border: '1px solid #e0e0e0' }}>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#e6e6e6" />
            <text x={M.left - 4} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#616161">{tickLabels[i]}</text>
          </g>
        ))}
        {categories.map((c, i) => (i % every === 0 ? (
          <text key={i} x={x(i)} y={H - 10} fontSize="10" textAnchor="middle" fill="#616161">{c}</text>
        ) : null))}
        {spec.type === 'line'
          ? series.map((s, k) => {
            const pts = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
            return <polyline key={k} points={pts} fill="none" stroke={PALETTE[k % PALETTE.length]} strokeWidth={2} />;
          })
          : series.map((s, k) => s.values.map((v, i) => (v === null ? null : (
            <rect key={`${k}-${i}`} x={x(i) - (step * 0.4) + k * barW} y={Math.min(y(v), y(0))} width={Math.max(1, barW - 1)}
              height={Math.abs(y(0) - y(v))} fill={PALETTE[k % PALETTE.length]} />
          ))))}
      </svg>
      <figcaption style={{ fontSize: 12, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {series.map((s, k) => (
          <span key={k}><span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, background: PALETTE[k % PALETTE.length], marginRight: 4 }} />{s.name || `Series ${k + 1}`}</span>
        ))}
      </figcaption>
    </figure>
  );
}
