/**
 * Makes sure dist/ is a production build of the current sources: when an output the bench needs is
 * missing, or any source file is newer than it, runs `webpack --mode production` (as the jest "dist"
 * project does). KPP_SKIP_BUILD=1 reuses whatever dist/ holds.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');

/** The outputs the bench reads. */
const OUTPUTS = ['functions.js', 'functions.json', 'taskpane.html', 'index.html'];
/** Inputs of the build, besides everything under src/. */
const BUILD_INPUTS = ['webpack.config.js', 'package.json', 'package-lock.json', 'tsconfig.json', 'manifest.xml'];

function newestMtime(dir: string): { mtime: number; file: string } {
  let best = { mtime: 0, file: '' };
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const m = fs.statSync(p).mtimeMs;
        if (m > best.mtime) best = { mtime: m, file: p };
      }
    }
  };
  walk(dir);
  return best;
}

/** Why dist/ needs a rebuild, or null when it is current. */
export function staleReason(): string | null {
  const outputs = OUTPUTS.map((f) => path.join(DIST, f));
  const missing = outputs.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) return `missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}`;
  const oldest = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  let newest = newestMtime(path.join(REPO_ROOT, 'src'));
  for (const f of BUILD_INPUTS) {
    const p = path.join(REPO_ROOT, f);
    if (fs.existsSync(p)) {
      const m = fs.statSync(p).mtimeMs;
      if (m > newest.mtime) newest = { mtime: m, file: p };
    }
  }
  if (newest.mtime > oldest) return `${path.relative(REPO_ROOT, newest.file)} is newer than the build`;
  return null;
}

export interface DistStatus {
  built: boolean;
  buildMs: number;
  reason: string;
}

/** Rebuilds dist/ when stale (unless KPP_SKIP_BUILD=1). Build output goes to stderr so stdout stays the bench's. */
export function ensureDist(log: (line: string) => void): DistStatus {
  const reason = staleReason();
  if (reason === null) return { built: false, buildMs: 0, reason: 'dist/ is current' };
  if (process.env.KPP_SKIP_BUILD === '1' && fs.existsSync(path.join(DIST, 'functions.js'))) {
    return { built: false, buildMs: 0, reason: `KPP_SKIP_BUILD=1 (dist/ may be stale: ${reason})` };
  }
  log(`building dist/ (webpack --mode production): ${reason}`);
  const t0 = Date.now();
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return { built: true, buildMs: Date.now() - t0, reason };
}
