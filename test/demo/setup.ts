/** Browser APIs Fluent UI v9 and MemoryGateway use that jest's jsdom lacks. Imported first by each demo test. */
const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.ResizeObserver === 'undefined') {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
if (typeof g.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node's v8 serializer implements structured clone
  const v8 = require('v8') as typeof import('v8');
  g.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
}
if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string): MediaQueryList => ({
      matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined,
      addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
    }) as MediaQueryList;
  }
  if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}
export {};
