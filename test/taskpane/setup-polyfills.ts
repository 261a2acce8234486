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
  // jsdom lays nothing out, so <body> measures 0 x 0 and Fluent's focus manager (tabster) takes every
  // element for invisible: a dialog then cannot move focus to its buttons and ends up hidden from the
  // accessibility tree. A pane-sized body (as in Excel) lets the dialogs behave as in a browser.
  const bodyRect = HTMLBodyElement.prototype.getBoundingClientRect;
  HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(this: HTMLBodyElement): DOMRect {
    const rect = bodyRect.call(this);
    if (rect.width > 0 || rect.height > 0) return rect;
    return { x: 0, y: 0, top: 0, left: 0, width: 360, height: 800, right: 360, bottom: 800, toJSON: () => ({}) } as DOMRect;
  };
  // Same reason: jsdom's offsetParent is always null, which tabster reads as display:none.
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (this === this.ownerDocument.body) return null;
      if (this.hidden || this.style.display === 'none') return null;
      for (let e = this.parentElement; e; e = e.parentElement) {
        if (e.hidden || e.style.display === 'none') return null;
      }
      return this.isConnected ? this.parentElement : null;
    },
  });
  if (typeof Element.prototype.scrollIntoView !== 'function') {
    Element.prototype.scrollIntoView = function scrollIntoView(): void {};
  }
}

// The pane's tests run beside other suites on a small shared machine: give findBy/waitFor room.
configure({ asyncUtilTimeout: 5000 });
