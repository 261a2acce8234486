/**
 * Loads the built dist/functions.js the way Excel's custom-functions runtime does: a fresh JavaScript
 * realm (node:vm) whose only global beyond the language's own is `CustomFunctions` (no window, no
 * document, no timers, no console). Returns what the bundle associated, by id.
 * Used by the runtime test and the benchmarks.
 *
 * Speed: in a node:vm context every global lookup (Array, Number, Math, Map...) goes through a slow
 * interceptor on the contextified global, which makes code there several times slower than in a
 * browser's (or Excel's) JavaScript engine. The bundle is therefore run inside a function whose
 * parameters are the realm's own built-ins, passed once: the same objects, found without the
 * interceptor. Nothing the bundle can see changes (the realm still has only CustomFunctions added).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createCustomFunctionsStub, CustomFunctionsStub } from './custom-functions-stub';

export const DIST = path.resolve(__dirname, '..', '..', 'dist');

// Excel calls custom functions with any cell values; the sandbox hands them over as they are.
export type SandboxFunction = (...args: unknown[]) => unknown;

export interface FunctionsSandbox {
  stub: CustomFunctionsStub;
  /** The globals the bundle's realm ended up with (to check it added nothing unexpected). */
  context: vm.Context;
  /** Registered functions by id (upper case). */
  functions: Map<string, SandboxFunction>;
  /** Calls a registered function by id; throws if the id was never registered. */
  call(id: string, ...args: unknown[]): unknown;
}

/**
 * Runs a functions bundle in a sandbox with only a CustomFunctions stub.
 *
 * @example
 * const sandbox = loadFunctionsBundle();
 * sandbox.call('FE', 660); // 22
 */
export function loadFunctionsBundle(file = path.join(DIST, 'functions.js')): FunctionsSandbox {
  const code = fs.readFileSync(file, 'utf8');
  const stub = createCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub });
  const builtins = (vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]).filter(
    (name) => /^[A-Za-z_$][\w$]*$/.test(name) && !['eval', 'arguments', 'globalThis', 'CustomFunctions', 'undefined', 'NaN', 'Infinity'].includes(name),
  );
  const wrapped = `(function (${builtins.join(', ')}) {\n${code}\n})(${builtins.join(', ')});`;
  vm.runInContext(wrapped, context, { filename: file });
  const functions = new Map<string, SandboxFunction>();
  for (const [id, fn] of stub.associations) functions.set(id, fn as unknown as SandboxFunction);
  return {
    stub,
    context,
    functions,
    call(id, ...args) {
      const fn = functions.get(id.toUpperCase());
      if (!fn) throw new Error(`${id} is not registered by the bundle`);
      return fn(...args);
    },
  };
}
