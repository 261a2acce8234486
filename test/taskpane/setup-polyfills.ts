/**
 * Browser APIs Fluent UI v9 touches that jsdom does not provide. Imported at the top of every task-pane
 * component test (the shared jest setup is not ours to change).
 */
import { configure } from '@testing-library/react';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.ResizeObserver === 'undefined') g.ResizeObserver = ResizeObserverStub;

// MemoryGateway copies workbooks with structuredClone, which jest's jsdom environment does not expose.
if (typeof g.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node's v8 serializer is the structured clone algorithm
  const v8 = require('v8') as typeof import('v8');
  g.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
}

if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (typeof Element.prototype.scrollIntoView !== 'function') {
    Element.prototype.scrollIntoView = function scrollIntoView(): void {};
  }
}

// The pane's tests run beside other suites on a small shared machine: give findBy/waitFor room.
configure({ asyncUtilTimeout: 5000 });
