/**
 * Bench 5: task pane start. Headless Chromium (Debian's /usr/bin/chromium driven by playwright-core;
 * no browser is ever downloaded) loads the demo host (dist/index.html at /, the task pane beside the
 * sample workbook) from a local static server. Each load is cold: a new browser context (empty cache).
 *
 * Interactive = the Scenarios panel's "Run scenario" button is enabled: the pane has listed the sample
 * workbook, picked its rolls table, read and recognised it, and a planner can run the forecast. The time
 * is performance.now() in the page at that moment, i.e. milliseconds from navigation start.
 * Requests to anything but 127.0.0.1 are made unresolvable (--host-resolver-rules) and counted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST } from './dist';
import { Metric, SectionResult, skippedSection } from './report';
import { median } from './stats';
import { CHROMIUM_ARGS as BROWSER_TEST_ARGS, CHROMIUM_PATH as CHROMIUM, isLocalUrl } from '../support/browser';
import { startStaticServer } from '../support/static-server';

export const START_BUDGET_MS = 1500;
const TIMEOUT_MS = 20_000;
/**
 * The browser tests' launch arguments, plus a resolver rule instead of their page.route interception
 * (which would add a round trip to Node to every request and so to the time measured): nothing but
 * the local server resolves, so the page cannot reach the network even by mistake.
 */
export const CHROMIUM_ARGS = [...BROWSER_TEST_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * Evaluated in the page: the time in ms since navigation start once the Run button is enabled, else
 * false. Kept as source text and turned into a function in Node (see pageFunction), so no transpiler
 * helper can leak into it and the page's CSP (no eval) is not involved: Playwright calls functions
 * through the DevTools protocol.
 */
export const INTERACTIVE_AT = `() => {
  const panel = document.getElementById('kpp-panel-scenarios');
  if (panel === null) return false;
  const button = Array.from(panel.querySelectorAll('button')).find((b) => (b.textContent || '').trim() === 'Run scenario');
  if (button === undefined || button.disabled || button.getAttribute('aria-disabled') === 'true') return false;
  return performance.now();
}`;

/** Evaluated in the page after start: navigation timing figures. */
const TIMINGS = `() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { dcl: nav ? nav.domContentLoadedEventEnd : NaN, load: nav ? nav.loadEventEnd : NaN, fcp: fcp ? fcp.startTime : null };
}`;

/** A function (for page.evaluate / waitForFunction) from source text written for the page. */
function pageFunction<T>(source: string): () => T {
  return new Function(`return (${source});`)() as () => T;
}

interface Load {
  interactiveMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  firstContentfulPaintMs: number | null;
  requests: number;
  bytes: number;
  external: string[];
  consoleErrors: string[];
}

export async function benchPaneStart(runs: number): Promise<SectionResult> {
  const title = '5 Task pane start';
  if (!fs.existsSync(CHROMIUM)) return skippedSection('paneStart', title, `${CHROMIUM} is not installed (apt-get install -y chromium)`);
  const indexHtml = path.join(DIST, 'index.html');
  if (!fs.existsSync(indexHtml)) return skippedSection('paneStart', title, 'dist/index.html (the demo host) was not built');
  if (!/<script[^>]+src=["']?[^"'>]*demo[^"'>]*\.js/i.test(fs.readFileSync(indexHtml, 'utf8'))) {
    return skippedSection('paneStart', title, 'dist/index.html loads no demo host script yet (src/demo/index.tsx not built)');
  }
  const { chromium } = await import('playwright-core');
  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const loads: Load[] = [];
  const failures: string[] = [];
  try {
    // Run 0 warms up the browser process itself (not a pane start); runs 1..n are measured.
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const external: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (r) => {
        if (!isLocalUrl(r.url())) external.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const before = server.requests.length;
      try {
        await page.goto(server.url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
        const handle = await page.waitForFunction(pageFunction<number | false>(INTERACTIVE_AT), undefined, { polling: 'raf', timeout: TIMEOUT_MS });
        const interactiveMs = (await handle.jsonValue()) as number;
        const timing = await page.evaluate(pageFunction<{ dcl: number; load: number; fcp: number | null }>(TIMINGS));
        const served = server.requests.slice(before);
        if (run > 0) {
          loads.push({
            interactiveMs,
            domContentLoadedMs: timing.dcl,
            loadMs: timing.load,
            firstContentfulPaintMs: timing.fcp,
            requests: served.length,
            bytes: served.reduce((s, q) => s + q.bytes, 0),
            external,
            consoleErrors,
          });
        }
      } catch (e) {
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        failures.push(`load ${run}: not interactive within ${TIMEOUT_MS} ms (${why})${consoleErrors.length ? `; console: ${consoleErrors.slice(0, 2).join(' | ')}` : ''}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const version = browser.version();
  const metrics: Metric[] = [];
  if (loads.length === 0) {
    metrics.push({ key: 'interactiveMs', label: 'demo host: navigation to Run enabled', value: null, unit: 'ms', budget: { max: START_BUDGET_MS }, status: 'FAIL', note: failures.join('; ') });
    return { key: 'paneStart', title, metrics, details: { chromium: version, failures } };
  }
  const pick = (f: (l: Load) => number): number => median(loads.map(f));
  metrics.push({
    key: 'interactiveMs',
    label: `demo host: navigation to "Run scenario" enabled (median of ${loads.length} cold loads)`,
    value: pick((l) => l.interactiveMs),
    unit: 'ms',
    budget: { max: START_BUDGET_MS },
    ...(failures.length > 0 ? { status: 'FAIL' as const, note: failures.join('; ') } : {}),
  });
  metrics.push({ key: 'domContentLoadedMs', label: 'demo host: DOMContentLoaded', value: pick((l) => l.domContentLoadedMs), unit: 'ms' });
  const fcps = loads.map((l) => l.firstContentfulPaintMs).filter((v): v is number => v !== null);
  if (fcps.length > 0) metrics.push({ key: 'firstContentfulPaintMs', label: 'demo host: first contentful paint', value: median(fcps), unit: 'ms' });
  metrics.push({ key: 'requests', label: 'demo host: requests per load', value: pick((l) => l.requests), unit: 'requests' });
  metrics.push({ key: 'transferKB', label: 'demo host: bytes served per load (uncompressed)', value: pick((l) => l.bytes) / 1000, unit: 'kB' });
  const external = [...new Set(loads.flatMap((l) => l.external))];
  const consoleErrors = [...new Set(loads.flatMap((l) => l.consoleErrors))];
  metrics.push({
    key: 'externalRequests',
    label: 'requests leaving 127.0.0.1',
    value: external.length,
    unit: 'urls',
    ...(external.length > 0 ? { note: external.slice(0, 5).join(', ') } : {}),
  });
  metrics.push({
    key: 'consoleErrors',
    label: 'console errors during start',
    value: consoleErrors.length,
    unit: 'messages',
    ...(consoleErrors.length > 0 ? { note: consoleErrors.slice(0, 3).join(' | ') } : {}),
  });
  return {
    key: 'paneStart',
    title,
    metrics,
    details: {
      chromium: version,
      args: CHROMIUM_ARGS,
      runs: loads.length,
      warmUpLoads: 1,
      interactive: 'the Scenarios panel\'s "Run scenario" button enabled (sample workbook listed, rolls table auto-picked, read and recognised)',
      interactiveSamplesMs: loads.map((l) => Math.round(l.interactiveMs)),
      failures,
    },
  };
}
