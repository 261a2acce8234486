/**
 * The type checker and the linter as part of `npm test`: ts-jest runs with isolatedModules (no type
 * check), so a type error or a broken lint rule (engine purity, Excel.run outside src/excel) would
 * otherwise land unnoticed.
 */
import { execFileSync } from 'child_process';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

function run(bin: string, args: string[]): string {
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', ...bin.split('/')), ...args], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message;
  }
}

describe('static checks', () => {
  jest.setTimeout(180_000);

  it('the whole project type-checks (tsc --noEmit, strict)', () => {
    expect(run('typescript/bin/tsc', ['--noEmit', '-p', '.'])).toBe('');
  });

  it('the whole project lints clean (npm run lint)', () => {
    expect(run('eslint/bin/eslint.js', ['-c', '.eslint.config.mjs', 'src', 'test', 'webpack.config.js'])).toBe('');
  });
});
