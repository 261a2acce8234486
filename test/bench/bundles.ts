/**
 * Bench 4: bundle sizes. dist/functions.js, and the task pane's own JavaScript: every local .js file
 * that dist/taskpane.html loads through a script tag (functions.js counted separately, office.js from
 * Microsoft's CDN not counted: it is not the add-in's). Minified as built in production, and gzipped
 * at level 9.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { DIST } from './dist';
import { Metric, SectionResult, skipped } from './report';

/** Budgets in kB (1,000 bytes), gzipped. */
export const FUNCTIONS_BUDGET_KB = 30;
export const TASKPANE_BUDGET_KB = 350;

export interface ScriptList {
  local: string[];
  external: string[];
}

/** The script sources of an html page, split into files served from dist/ and external URLs. */
export function scriptSources(html: string): ScriptList {
  const local: string[] = [];
  const external: string[] = [];
  const re = /<script\b[^>]*?\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const src = m[2] ?? m[3] ?? m[4] ?? '';
    if (/^(https?:)?\/\//i.test(src)) external.push(src);
    else local.push(src.replace(/^\.?\//, '').split(/[?#]/)[0]);
  }
  return { local, external };
}

function sizes(files: readonly string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(f);
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
}

/** Kilobytes of 1,000 bytes (the stricter reading of the budgets). */
const kb = (bytes: number): number => bytes / 1000;

export function benchBundles(): SectionResult {
  const metrics: Metric[] = [];
  const details: Record<string, unknown> = {};
  const functionsJs = path.join(DIST, 'functions.js');
  if (fs.existsSync(functionsJs)) {
    const s = sizes([functionsJs]);
    metrics.push({ key: 'functionsMinKB', label: 'functions.js minified', value: kb(s.raw), unit: 'kB' });
    metrics.push({ key: 'functionsGzKB', label: 'functions.js gzipped', value: kb(s.gz), unit: 'kB', budget: { max: FUNCTIONS_BUDGET_KB } });
  } else {
    metrics.push(skipped('functionsGzKB', 'functions.js gzipped', 'kB', 'dist/functions.js was not built', { max: FUNCTIONS_BUDGET_KB }));
  }

  const html = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(html)) {
    metrics.push(skipped('taskpaneGzKB', 'task pane JavaScript gzipped', 'kB', 'dist/taskpane.html was not built', { max: TASKPANE_BUDGET_KB }));
    return { key: 'bundles', title: '4 Bundle sizes', metrics, details };
  }
  const scripts = scriptSources(fs.readFileSync(html, 'utf8'));
  const pane = scripts.local.filter((s) => path.basename(s) !== 'functions.js');
  details.taskpaneScripts = pane;
  details.externalScripts = scripts.external;
  const missing = pane.filter((s) => !fs.existsSync(path.join(DIST, s)));
  if (pane.length === 0 || missing.length > 0) {
    const why = pane.length === 0 ? 'dist/taskpane.html loads no task-pane script yet (src/taskpane/index.tsx not built)' : `scripts missing from dist/: ${missing.join(', ')}`;
    metrics.push(skipped('taskpaneGzKB', 'task pane JavaScript gzipped', 'kB', why, { max: TASKPANE_BUDGET_KB }));
    return { key: 'bundles', title: '4 Bundle sizes', metrics, details };
  }
  const s = sizes(pane.map((f) => path.join(DIST, f)));
  metrics.push({ key: 'taskpaneFiles', label: 'task pane scripts (besides functions.js)', value: pane.length, unit: 'files' });
  metrics.push({ key: 'taskpaneMinKB', label: 'task pane JavaScript minified', value: kb(s.raw), unit: 'kB' });
  metrics.push({ key: 'taskpaneGzKB', label: 'task pane JavaScript gzipped', value: kb(s.gz), unit: 'kB', budget: { max: TASKPANE_BUDGET_KB } });
  return { key: 'bundles', title: '4 Bundle sizes', metrics, details };
}
