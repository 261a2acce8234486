/**
 * Typed errors for the planning engine. Every engine function rejects bad input by throwing a
 * {@link PlanningError} whose `code` names the Excel error the custom functions map it to and whose
 * message says, in a planner's words, what was wrong and where.
 */

/** The kind of failure, named after the Excel error it becomes in a cell. */
export type PlanningErrorCode =
  /** Wrong type or shape: text where a number belongs, lists of different sizes, an unknown option. */
  | 'VALUE'
  /** An impossible number: negative places, NaN or Infinity, a ratio window under 1. */
  | 'NUM'
  /** A division by a zero total: zero capacity, zero actual pupils. */
  | 'DIV0'
  /** Required data is missing: an empty list, a history with too few years. */
  | 'NA';

/**
 * An error raised by the engine for bad input.
 *
 * @example
 * try { placesToFe(-1); } catch (e) { if (e instanceof PlanningError) console.log(e.code, e.message); }
 * // NUM places must be a non-negative number (got -1)
 */
export class PlanningError extends Error {
  /** The Excel error this failure maps to. */
  readonly code: PlanningErrorCode;

  /**
   * @param code the kind of failure
   * @param message a sentence a planner understands, naming the argument and the value at fault
   */
  constructor(code: PlanningErrorCode, message: string) {
    super(message);
    this.name = 'PlanningError';
    this.code = code;
    Object.setPrototypeOf(this, PlanningError.prototype);
  }
}

/**
 * Throws a {@link PlanningError}; a shorthand that reads well in guard clauses.
 *
 * @example
 * if (k < 1) fail('NUM', `ratio_years must be at least 1 (got ${k})`);
 * @throws {PlanningError} always
 */
export function fail(code: PlanningErrorCode, message: string): never {
  throw new PlanningError(code, message);
}
