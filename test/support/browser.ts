/**
 * Shared launch helper for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser is ever downloaded), and a page wrapper that watches everything the tests must fail on:
 *
 * - console messages of type "error" and uncaught page errors;
 * - every request (and WebSocket) whose host is not 127.0.0.1, localhost or [::1]: such requests are
 *   recorded and aborted through page.route, so the add-in cannot reach the network even by mistake.
 *
 * `watched.problems()` lists what was seen; `watched.assertClean(step)` throws (failing the test) if
 * anything was. Screenshots go under test-output/screenshots (git-ignored).
 *
 * @example
 * const browser = await launchChromium();
 * const watched = await openWatchedPage(browser);
 * await watched.page.goto(server.url);
 * watched.assertClean('start');
 * await closeWatched(watched);
 * await browser.close();
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Hosts a page may talk to. */
export const LOCAL_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]', '::1'];

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

/** Whether a URL stays on this machine (data:, blob: and about: never leave it either). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.includes(parsed.hostname);
}

/** Launches headless Debian Chromium. Throws a plain message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is not installed: apt-get install -y chromium (the tests never download a browser).`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  consoleErrors: string[];
  /** URLs of requests (and WebSockets) that tried to leave this machine; each was aborted. */
  external: string[];
  /** Everything seen so far that a test must fail on, in plain words. */
  problems(): string[];
  /**
   * Throws, naming the step, if a console error or external request was seen since the last call (each
   * problem fails only the step it happened in; `problems()` keeps the whole list).
   */
  assertClean(step: string): void;
}

export interface WatchOptions {
  viewport?: { width: number; height: number };
  /** Console errors matching one of these are not counted (use sparingly and say why at the call site). */
  ignoreConsole?: readonly RegExp[];
}

function describeConsole(message: ConsoleMessage): string {
  const at = message.location();
  const where = at && at.url ? ` (${at.url}${at.lineNumber ? `:${at.lineNumber}` : ''})` : '';
  return `console.error: ${message.text()}${where}`;
}

/** A new browser context and page with the console and the network watched (see the file comment). */
export async function openWatchedPage(browser: Browser, options: WatchOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const external: string[] = [];
  const ignored = (text: string) => (options.ignoreConsole ?? []).some((re) => re.test(text));

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = describeConsole(message);
    if (!ignored(text)) consoleErrors.push(text);
  });
  page.on('pageerror', (error) => {
    const text = `uncaught: ${error.name}: ${error.message}`;
    if (!ignored(text)) consoleErrors.push(text);
  });
  page.on('websocket', (socket) => {
    if (!isLocalUrl(socket.url())) external.push(`websocket ${socket.url()}`);
  });
  // Every request passes here first: anything not on this machine is recorded and aborted.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) {
      await route.continue();
    } else {
      external.push(`${route.request().method()} ${url}`);
      await route.abort('blockedbyclient');
    }
  });

  const problems = (): string[] => [
    ...consoleErrors,
    ...external.map((u) => `request leaving localhost: ${u}`),
  ];
  const reported = { console: 0, external: 0 };
  return {
    context,
    page,
    consoleErrors,
    external,
    problems,
    assertClean(step: string) {
      const seen = [
        ...consoleErrors.slice(reported.console),
        ...external.slice(reported.external).map((u) => `request leaving localhost: ${u}`),
      ];
      reported.console = consoleErrors.length;
      reported.external = external.length;
      if (seen.length > 0) throw new Error(`${step}: ${seen.length} problem(s) in the page:\n  ${seen.join('\n  ')}`);
    },
  };
}

/** Closes a watched page's context (and with it the page). */
export async function closeWatched(watched: WatchedPage): Promise<void> {
  await watched.context.close();
}

/** Saves a full-page PNG as test-output/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}
