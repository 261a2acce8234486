/**
 * Plain-words descriptions for the status area: of an input source and of a failure.
 */
import { GatewayError, type InputSource, type RangeData } from '../excel/gateway';
import { quoteSheetName } from '../excel/a1';
import type { StatusMessage } from './status';

/** Quotes a sheet name the way Excel does in an address when it needs quoting. */
export function quoteSheet(sheet: string): string {
  return quoteSheetName(sheet);
}

/** "table "PrimaryRolls"", "named range "Births"" or "range 'Primary rolls'!A1:M40". */
export function describeSource(source: InputSource): string {
  switch (source.kind) {
    case 'table':
      return `table "${source.name}"`;
    case 'name':
      return `named range "${source.name}"`;
    case 'range':
      return `range ${quoteSheet(source.sheet)}!${source.address}`;
  }
}

/** The source plus where it was found, e.g. "table "PrimaryRolls" (Primary rolls!A1:M97)". */
export function describeRead(source: InputSource, data: RangeData | null): string {
  if (!data || source.kind === 'range') return describeSource(source);
  return `${describeSource(source)} (${quoteSheet(data.sheet)}!${data.address})`;
}

/** A stable key for a source, used as a <select> value. */
export function sourceKey(source: InputSource): string {
  switch (source.kind) {
    case 'table':
      return `table:${source.name}`;
    case 'name':
      return `name:${source.name}`;
    case 'range':
      return `range:${source.sheet}!${source.address}`;
  }
}

/** A failure the pane found itself (bad input, changed table): a headline plus detail lines. */
export class PaneProblem extends Error {
  readonly lines: string[];
  constructor(title: string, lines: string[] = []) {
    super(title);
    this.name = 'PaneProblem';
    this.lines = lines;
    Object.setPrototypeOf(this, PaneProblem.prototype);
  }
}

/** A status message for any thrown value: PaneProblems keep their own headline, others get `title`. */
export function problemMessage(error: unknown, title: string): StatusMessage {
  if (error instanceof PaneProblem) return { intent: 'error', title: error.message, lines: error.lines };
  return { intent: 'error', title, lines: [errorText(error)] };
}

/** The message of any thrown value, in words a planner can act on. */
export function errorText(error: unknown): string {
  if (error instanceof PaneProblem) return [error.message, ...error.lines].join(' ');
  if (error instanceof GatewayError) {
    switch (error.kind) {
      case 'notFound':
        return `${error.message} (it may have been renamed or deleted; refresh the list and choose again).`;
      case 'tooLarge':
        return `${error.message} (try a smaller range or fewer planning areas).`;
      default:
        return error.message;
    }
  }
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'An unexpected error happened.';
}

/** True when the error is a cancellation (the planner pressed Cancel). */
export function isCancellation(error: unknown): boolean {
  if (error instanceof GatewayError) return error.kind === 'cancelled';
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'RunCancelledError');
}

/** Formats a whole number with thousands separators ("12,345"). */
export function formatCount(n: number): string {
  const r = Math.round(n);
  return (r === 0 ? 0 : r).toLocaleString('en-GB');
}

/** Formats a fraction as a percentage with one decimal ("5.6%"). */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Formats a list of names: "A", "A and B", "A, B and C". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
