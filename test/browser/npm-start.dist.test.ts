/**
 * Browser test of `npm start` (issue 5): starts the real development server exactly as a newcomer
 * would (`npm start`, i.e. `webpack serve --mode development`, on a free port given through PORT, which
 * webpack.config.js reads), waits until it says where the demo is, opens that URL in headless Debian
 * Chromium and completes one scenario end to end (Run -> the result sheet appears in the workbook
 * view, with the engine's figure in its first forecast cell). Then stops the server's whole process
 * group and checks that it is gone.
 *
 * The development server writes its copy of the manifest (namespace KENTDEV) to disk as
 * dist/manifest.dev.xml, to be sideloaded, and leaves the production build's dist/manifest.xml as it was.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { closeWatched, launchChromium, openWatchedPage, REPO_ROOT, saveScreenshot, type WatchedPage } from '../support/browser';
import { findHeaderRow, matchesAtDisplayPrecision, openPaneTab, readGrid, tableBody, waitForPaneReady, waitForSheet, waitForStatus } from './demo-page';
import { DEFAULTS, expectedPrimaryForecast } from './expected';

/** A development build on 2 busy cores can take well over a minute when its cache is cold. */
const SERVER_START_MS = 240_000;
jest.setTimeout(SERVER_START_MS + 90_000);

const MANIFEST = path.join(REPO_ROOT, 'dist', 'manifest.xml');
const DEV_MANIFEST = path.join(REPO_ROOT, 'dist', 'manifest.dev.xml');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const { RELEASE, DEVELOPMENT } = require('../../webpack.config.js') as { RELEASE: { id: string }; DEVELOPMENT: { id: string } };

let server: ChildProcess | null = null;
let output = '';
let browser: Browser | null = null;
let watched: WatchedPage | null = null;

/** A TCP port nobody is listening on right now (on the loopback interface). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until the group has no process left; false if it is still there after `ms`. */
async function groupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Stops the server's whole process group (npm, its shell and webpack): SIGTERM, then SIGKILL if any
 * of it is still there after 10 s. Resolves once npm itself has exited and the group is empty.
 */
async function stopServer(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  if (!(await groupGone(pid, 10_000))) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
    await groupGone(pid, 5_000);
  }
  await exited;
}

/** Waits until the server has printed the demo URL (it prints it once it listens). */
function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no demo URL within ${timeoutMs} ms. Output:\n${output.slice(-3000)}`)), timeoutMs);
    const look = () => {
      const m = /demo[^\n]*?:\s*(http:\/\/localhost:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited early (code ${code}, signal ${signal}). Output:\n${output.slice(-3000)}`));
    });
  });
}

afterAll(async () => {
  if (watched) await closeWatched(watched);
  if (browser) await browser.close();
  if (server) await stopServer(server);
});

test('npm start serves the demo host, a scenario runs end to end, and the server stops cleanly', async () => {
  // The production build the dist project made: its manifest is the release one.
  const manifestBefore = fs.readFileSync(MANIFEST, 'utf8');
  expect(manifestBefore).toContain(`<Id>${RELEASE.id}</Id>`);
  fs.rmSync(DEV_MANIFEST, { force: true });
  const port = await freePort();
  const started = Date.now();
  // detached: the server (npm -> sh -> webpack) gets its own process group, so it can be stopped as a whole.
  server = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), BROWSER: 'none', HTTPS: '' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const [url, expected, launched] = await Promise.all([waitForUrl(server, SERVER_START_MS), expectedPrimaryForecast(DEFAULTS), launchChromium()]);
  browser = launched;
  expect(url).toBe(`http://localhost:${port}/`);
  // The console also says how to sideload the manifest (issue 5): the development copy, under its own name.
  expect(output).toMatch(/sideload\s+\S*manifest\.dev\.xml/i);

  watched = await openWatchedPage(browser);
  const { page } = watched;
  // The first request waits for the development build to finish.
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: SERVER_START_MS });
  // The development server sends the pages' policy as a header too (no eval even in development).
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).not.toContain('unsafe-eval');
  await waitForPaneReady(page);
  const ready = Date.now() - started;

  const panel = await openPaneTab(page, 'Scenarios');
  await panel.getByRole('button', { name: 'Run scenario', exact: true }).click();
  await waitForStatus(page, 'Scenario "Baseline" written');
  await waitForSheet(page, 'Forecast - Baseline');
  const grid = await readGrid(page);
  const headers = ['District', 'Planning area', 'Year', 'R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Total'];
  const headerRow = findHeaderRow(grid, headers);
  expect(headerRow).toBeGreaterThan(0);
  const body = tableBody(grid, headerRow, headers.length);
  const first = expected[0].rows[0];
  expect(body[0].slice(0, 3)).toEqual([first.district, first.area, first.year]);
  expect(matchesAtDisplayPrecision(body[0][3], first.values[0])).toBe(true);
  expect(matchesAtDisplayPrecision(body[0][10], first.total)).toBe(true);
  expect(body).toHaveLength(expected.length * DEFAULTS.horizon);
  await saveScreenshot(page, 'npm-start-scenario');
  console.log(`npm start: demo ready in the browser ${ready} ms after spawning the server`);

  const seen = watched;
  await closeWatched(watched);
  watched = null;
  const pid = server.pid!;
  await stopServer(server);
  server = null;
  expect(groupAlive(pid)).toBe(false);
  // Nothing of the group is left listening on the port.
  await expect(
    new Promise((resolve) => {
      const socket = net.connect(port, 'localhost');
      socket.once('connect', () => {
        socket.destroy();
        resolve('still listening');
      });
      socket.once('error', () => resolve('closed'));
    }),
  ).resolves.toBe('closed');

  // The development copy was written beside the production build, which kept its own manifest.
  const devManifest = fs.readFileSync(DEV_MANIFEST, 'utf8');
  expect(devManifest).toContain(`<Id>${DEVELOPMENT.id}</Id>`);
  expect(devManifest).toContain('DefaultValue="KENTDEV"');
  expect(devManifest).toContain(`https://localhost:${port}/`);
  expect(fs.readFileSync(MANIFEST, 'utf8')).toBe(manifestBefore);

  // Last, so the checks above still run: no console error and no request leaving localhost.
  seen.assertClean('npm start: scenario run');
});
