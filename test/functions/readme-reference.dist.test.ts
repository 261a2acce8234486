/**
 * The README's function reference is the one generated from dist/functions.json (with results computed
 * by calling the functions), so the README, the metadata and the code cannot drift apart.
 * Fix a failure with: npx tsx src/tools/function-reference.ts --write
 */
import * as fs from 'fs';
import * as path from 'path';
import { currentSection, EXAMPLES, loadMetadata, renderReference } from '../../src/tools/function-reference';
import { installCustomFunctionsStub } from '../support/custom-functions-stub';

const ROOT = path.resolve(__dirname, '..', '..');

beforeAll(() => {
  installCustomFunctionsStub();
});

describe('README function reference', () => {
  it('equals the reference generated from dist/functions.json', async () => {
    const functions = await loadMetadata(path.join(ROOT, 'dist', 'functions.json'));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(currentSection(readme)).toBe(renderReference(functions));
  });

  it('has an example for every function and names every argument', async () => {
    const functions = await loadMetadata(path.join(ROOT, 'dist', 'functions.json'));
    const section = currentSection(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    expect(Object.keys(EXAMPLES).sort()).toEqual(functions.map((f) => f.id).sort());
    for (const f of functions) {
      const line = section.split('\n').find((l) => l.startsWith(`| \`${f.name}\` |`));
      expect(line).toBeDefined();
      for (const p of f.parameters) expect(line).toContain(p.name);
      expect(line).toContain(`=KENT.${f.name}(`);
    }
  });
});
