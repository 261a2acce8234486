/**
 * `npm run bench`: the Kent Place Planner benchmarks (issue 6). Never part of `npm test`.
 *
 *  1. County forecast: the engine over 600 planning areas vs the same model as spreadsheet formulas
 *     recalculated by HyperFormula (same numbers to 1e-9; engine >= 20x faster).
 *  2. Custom functions at Excel scale, loaded from dist/functions.js in the runtime sandbox.
 *  3. Round trips: context.sync() calls and bytes for a scenario run at 1, 50 and 500 areas.
 *  4. Bundle sizes (gzipped budgets).
 *  5. Task pane start in headless Chromium (demo host).
 *
 * Prints a table, then ONE JSON object as stdout's last line. Progress goes to stderr. Every figure is
 * a median over repeated runs in this process. A failed budget or check prints FAIL and makes the
 * process exit 1 after everything is printed. KPP_SKIP_BUILD=1 reuses dist/ as it is.
 */
import * as os from 'os';
import { benchBundles } from './bundles';
import { benchCountyForecast } from './county-forecast';
import { DistStatus, ensureDist } from './dist';
import { benchFunctions } from './functions-scale';
import { benchPaneStart } from './pane-start';
import { benchRoundTrips } from './round-trips';
import { formatTable, SectionResult, statusOf, toJson } from './report';

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

function errorSection(key: string, title: string, error: unknown): SectionResult {
  const message = error instanceof Error ? `${error.message}` : String(error);
  log(`${title} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
  return { key, title, metrics: [{ key: 'error', label: 'section ran', value: 'error', unit: '', note: message, status: 'FAIL' }] };
}

async function section(key: string, title: string, fn: () => SectionResult | Promise<SectionResult>): Promise<SectionResult> {
  log(`${title} ...`);
  const t0 = Date.now();
  try {
    const r = await fn();
    log(`${title} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  } catch (e) {
    return errorSection(key, title, e);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const t0 = Date.now();
  const cpus = os.cpus();
  const machine = {
    cpu: cpus.length > 0 ? cpus[0].model : 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemMiB: Math.round(os.totalmem() / 1048576),
    /** 1-minute load average when the bench started (other work on a shared machine inflates timings). */
    loadAverageAtStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
  log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);

  let dist: DistStatus | null = null;
  let distError: unknown = null;
  try {
    dist = ensureDist(log);
  } catch (e) {
    distError = e;
  }

  const sections: SectionResult[] = [];
  sections.push(await section('countyForecast', '1 County forecast', () => benchCountyForecast({ engineRuns: 15, formulaBuilds: 5, recalcRuns: 15 })));
  if (distError !== null) {
    sections.push(errorSection('build', 'Production build', distError));
  }
  sections.push(await section('functions', '2 Functions at Excel scale', () => benchFunctions({ runs: 9 })));
  sections.push(await section('roundTrips', '3 Round trips', () => benchRoundTrips(5)));
  sections.push(await section('bundles', '4 Bundle sizes', () => benchBundles()));
  sections.push(await section('paneStart', '5 Task pane start', () => benchPaneStart(5)));

  const elapsed = Date.now() - t0;
  const loadAverageAtEnd = Math.round(os.loadavg()[0] * 100) / 100;
  const json = toJson(sections, { ...machine, loadAverageAtEnd, build: dist }, startedAt, elapsed);
  process.stdout.write(
    `Kent Place Planner benchmarks, ${startedAt.toISOString()}, ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ` +
      `load average ${machine.loadAverageAtStart} at start, ${loadAverageAtEnd} at end; ${(elapsed / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(`${formatTable(sections)}\n\n`);
  const failed = sections.flatMap((s) => s.metrics.filter((m) => statusOf(m) === 'FAIL').map((m) => `${s.title} / ${m.label}`));
  process.stdout.write(failed.length === 0 ? 'All budgets and checks passed.\n' : `FAILED: ${failed.join('; ')}\n`);
  process.stdout.write(`${JSON.stringify(json)}\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  // Even a crash of the runner itself ends with a JSON line, so readers of the last line see it.
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${e instanceof Error && e.stack ? e.stack : message}\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'kent-place-planner', pass: false, error: message })}\n`);
  process.exitCode = 1;
});
