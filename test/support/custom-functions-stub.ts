/**
 * A stand-in for Excel's `CustomFunctions` global, shaped like the one Excel's runtime provides:
 * `CustomFunctions.Error` (an Error subclass with `code` and `message`), `CustomFunctions.ErrorCode`
 * (the error strings Excel shows) and `CustomFunctions.associate` (id + function, or a map of them).
 */

/** Excel's error codes, as the runtime defines them. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Like Excel's CustomFunctions.Error: code defaults to #VALUE!, message to "". */
export class CustomFunctionError extends Error {
  readonly code: string;
  constructor(code?: string, message?: string) {
    super(message ?? '');
    this.name = 'CustomFunctionError';
    this.code = code ?? ErrorCode.invalidValue;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

// The stub holds functions of any signature, as Excel's registry does.
type AnyFunction = (...args: never[]) => unknown;

export interface CustomFunctionsStub {
  Error: typeof CustomFunctionError;
  ErrorCode: typeof ErrorCode;
  associate(idOrMap: string | Record<string, AnyFunction>, fn?: AnyFunction): void;
  /** Everything associated so far, by id (upper case). */
  readonly associations: Map<string, AnyFunction>;
}

/** Makes a fresh stub. associate throws on a bad or duplicate registration, so tests notice. */
export function createCustomFunctionsStub(): CustomFunctionsStub {
  const associations = new Map<string, AnyFunction>();
  const add = (id: unknown, fn: unknown): void => {
    if (typeof id !== 'string' || id === '') throw new Error(`associate: id must be a non-empty string (got ${String(id)})`);
    if (typeof fn !== 'function') throw new Error(`associate: ${id} is not given a function`);
    const key = id.toUpperCase();
    if (associations.has(key)) throw new Error(`associate: ${key} registered twice`);
    associations.set(key, fn as AnyFunction);
  };
  return {
    Error: CustomFunctionError,
    ErrorCode,
    associations,
    associate(idOrMap, fn) {
      if (typeof idOrMap === 'string') add(idOrMap, fn);
      else for (const [id, f] of Object.entries(idOrMap)) add(id, f);
    },
  };
}

/** Installs a fresh stub as globalThis.CustomFunctions and returns it. */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = createCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: CustomFunctionsStub }).CustomFunctions = stub;
  return stub;
}

/** Removes globalThis.CustomFunctions. */
export function removeCustomFunctionsStub(): void {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
}

/** The Excel error in a result: the value itself, or the only cell of a 1 x 1 table. */
export function errorOf(result: unknown): CustomFunctionError | null {
  if (result instanceof CustomFunctionError) return result;
  if (Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1 && result[0][0] instanceof CustomFunctionError) {
    return result[0][0];
  }
  return null;
}

/**
 * Asserts that a result is the given Excel error and that its message matches.
 *
 * @example
 * expectExcelError(fe(-1), '#NUM!', /places must not be negative/);
 */
export function expectExcelError(result: unknown, code: ErrorCodeValue, message?: RegExp | string): CustomFunctionError {
  const error = errorOf(result);
  if (!error) throw new Error(`expected ${code} but got ${JSON.stringify(result)}`);
  if (error.code !== code) throw new Error(`expected ${code} but got ${error.code}: ${error.message}`);
  if (error.message.trim() === '') throw new Error(`${code} has no message`);
  if (message !== undefined) {
    const ok = typeof message === 'string' ? error.message.includes(message) : message.test(error.message);
    if (!ok) throw new Error(`${code} message ${JSON.stringify(error.message)} does not match ${String(message)}`);
  }
  return error;
}

/** A column range as Excel passes it: [[a], [b], ...]. */
export function column(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** A row range as Excel passes it: [[a, b, ...]]. */
export function row(...values: unknown[]): unknown[][] {
  return [values];
}
