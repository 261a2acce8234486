/**
 * The bench's result model: each section returns metrics (some with a budget), the runner prints them
 * as a table, then one JSON object as stdout's last line, and exits 1 if any budget failed.
 */

/** A budget on a metric: the value must be at most `max` and/or at least `min`. */
export interface Budget {
  max?: number;
  min?: number;
}

export type MetricStatus = 'PASS' | 'FAIL' | 'INFO' | 'SKIPPED';

/** One reported figure. */
export interface Metric {
  /** Stable key for the JSON output, e.g. "engineMsPerRun". */
  key: string;
  /** What a reader sees in the table. */
  label: string;
  /** The figure (null when skipped or not measurable). */
  value: number | string | null;
  unit: string;
  budget?: Budget;
  /** Set for SKIPPED metrics (and optionally others): why. */
  note?: string;
  /** Forced status (SKIPPED, or FAIL for a failed correctness check); otherwise derived from the budget. */
  status?: MetricStatus;
}

/** What a section returns. */
export interface SectionResult {
  /** Stable key, e.g. "countyForecast". */
  key: string;
  title: string;
  metrics: Metric[];
  /** Extra detail for the JSON line (sizes, repetitions, samples). */
  details?: Record<string, unknown>;
}

/** PASS / FAIL / INFO / SKIPPED for a metric. */
export function statusOf(m: Metric): MetricStatus {
  if (m.status !== undefined) return m.status;
  if (m.budget === undefined) return 'INFO';
  if (typeof m.value !== 'number' || !Number.isFinite(m.value)) return 'FAIL';
  if (m.budget.max !== undefined && !(m.value <= m.budget.max)) return 'FAIL';
  if (m.budget.min !== undefined && !(m.value >= m.budget.min)) return 'FAIL';
  return 'PASS';
}

/** A metric that could not be measured, with the reason. */
export function skipped(key: string, label: string, unit: string, reason: string, budget?: Budget): Metric {
  return { key, label, value: null, unit, budget, note: reason, status: 'SKIPPED' };
}

/** A whole section that could not run (e.g. a component has not landed yet). */
export function skippedSection(key: string, title: string, reason: string): SectionResult {
  return { key, title, metrics: [skipped('section', title, '', reason)] };
}

/** Rounds for display and JSON: 3 significant decimals for small figures, 1 for large. */
export function round(value: number): number {
  const a = Math.abs(value);
  if (a >= 100) return Math.round(value * 10) / 10;
  if (a >= 1) return Math.round(value * 1000) / 1000;
  return Number(value.toPrecision(4));
}

function budgetText(b: Budget | undefined): string {
  if (b === undefined) return '';
  const parts: string[] = [];
  if (b.max !== undefined) parts.push(`<= ${b.max}`);
  if (b.min !== undefined) parts.push(`>= ${b.min}`);
  return parts.join(', ');
}

function valueText(v: number | string | null): string {
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  return round(v).toLocaleString('en-GB', { maximumFractionDigits: 4 });
}

/** The table printed before the JSON line. */
export function formatTable(sections: readonly SectionResult[]): string {
  const rows: string[][] = [['section', 'metric', 'value', 'unit', 'budget', 'status']];
  const notes: string[] = [];
  for (const s of sections) {
    for (const m of s.metrics) {
      const status = statusOf(m);
      rows.push([s.title, m.label, valueText(m.value), m.unit, budgetText(m.budget), status]);
      if (m.note !== undefined) notes.push(`${status === 'SKIPPED' ? 'SKIPPED' : 'note'}: ${s.title} / ${m.label}: ${m.note}`);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]): string => r.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  if (notes.length > 0) out.push('', ...notes);
  return out.join('\n');
}

/** The JSON object printed as stdout's last line. */
export function toJson(sections: readonly SectionResult[], machine: Record<string, unknown>, startedAt: Date, elapsedMs: number): Record<string, unknown> {
  const failed: string[] = [];
  const skippedList: string[] = [];
  const out: Record<string, unknown> = {};
  for (const s of sections) {
    const metrics: Record<string, unknown> = {};
    for (const m of s.metrics) {
      const status = statusOf(m);
      if (status === 'FAIL') failed.push(`${s.key}.${m.key}`);
      if (status === 'SKIPPED') skippedList.push(`${s.key}.${m.key}`);
      metrics[m.key] = {
        value: typeof m.value === 'number' ? round(m.value) : m.value,
        unit: m.unit,
        ...(m.budget !== undefined ? { budget: m.budget } : {}),
        status,
        ...(m.note !== undefined ? { note: m.note } : {}),
      };
    }
    out[s.key] = { title: s.title, metrics, ...(s.details !== undefined ? { details: s.details } : {}) };
  }
  return {
    bench: 'kent-place-planner',
    date: startedAt.toISOString(),
    machine,
    elapsedMs: Math.round(elapsedMs),
    pass: failed.length === 0,
    failed,
    skipped: skippedList,
    sections: out,
  };
}
