/**
 * Test helpers for the engine's and the functions' PlanningError checks.
 */
import { PlanningError } from '../../src/engine/errors';

/** "CODE: message" of the PlanningError a call throws, or 'no error'. Any other error is rethrown. */
export function planningErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanningError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

/** A cell value of the wrong type (text, boolean, null) reaching the engine, as it can from Excel or hand-built data. */
export const wrongType = <T>(value: unknown): T => value as T;
