import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseXml, pngSize, validateManifest } from '../../src/tools/validate-manifest';

const ROOT = path.resolve(__dirname, '..', '..');
const ASSETS = path.join(ROOT, 'assets');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// webpack.config.js is CommonJS; its manifest helpers are what the build applies.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../webpack.config.js') as {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<BuildConfig[]>;
  transformManifest(xml: string, o: { baseUrl?: string | null; development?: boolean }): string;
  normaliseBaseUrl(v: string): string;
  RELEASE: { id: string };
  DEVELOPMENT: { id: string };
  MANIFEST_FILE: { production: string; development: string };
  RemoveStaleManifestPlugin: new (development: boolean, dir: string) => { apply(compiler: FakeCompiler): void };
};

/** The parts of a webpack configuration these tests read (the pages compiler's copy patterns and dev server). */
interface BuildConfig {
  name: string;
  plugins: { patterns?: { from: string; to: string }[] }[];
  devServer?: { devMiddleware: { writeToDisk: (file: string) => boolean } };
  output: { path: string };
}
interface FakeCompiler {
  hooks: { afterEmit: { tap(name: string, fn: () => void): void } };
}

async function pagesConfig(mode: 'production' | 'development', serve = false): Promise<BuildConfig> {
  const saved = process.env.ADDIN_BASE_URL;
  delete process.env.ADDIN_BASE_URL;
  try {
    const configs = await build(serve ? { WEBPACK_SERVE: true } : {}, { mode });
    return configs.find((c) => c.name === 'pages')!;
  } finally {
    if (saved !== undefined) process.env.ADDIN_BASE_URL = saved;
  }
}

function manifestTarget(config: BuildConfig): string[] {
  return config.plugins.flatMap((p) => p.patterns ?? []).filter((p) => p.from === 'manifest.xml').map((p) => p.to);
}

function check(xml: string, namespace?: string) {
  return validateManifest(xml, { assetsDir: ASSETS, namespace });
}

/** Replaces exactly one occurrence (so a broken copy really differs from the original). */
function breakOnce(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  if (out === MANIFEST) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  return out;
}

describe('validate-manifest: the real manifest', () => {
  it('is valid with no warnings', () => {
    const result = check(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('is valid as the build writes it: production with ADDIN_BASE_URL, and the development copy', () => {
    const production = build.transformManifest(MANIFEST, { baseUrl: 'https://planner.example.org/addin/' });
    expect(production).not.toContain('https://localhost');
    expect(production).toContain('DefaultValue="https://planner.example.org/addin/functions.json"');
    expect(check(production).errors).toEqual([]);
    const dev = build.transformManifest(MANIFEST, { development: true });
    expect(dev).toContain(`<Id>${build.DEVELOPMENT.id}</Id>`);
    expect(dev).toContain('DefaultValue="KENTDEV"');
    expect(dev).toContain('Kent Place Planner (dev)');
    expect(build.DEVELOPMENT.id).not.toBe(build.RELEASE.id);
    expect(check(dev).errors).toEqual([]);
    // a dev copy must not pass as the release, nor the release as a dev copy
    expect(check(dev, 'KENT').errors.join('\n')).toMatch(/namespace must be KENT/);
  });

  it('normalises ADDIN_BASE_URL and refuses anything but https', () => {
    expect(build.normaliseBaseUrl('https://planner.example.org/addin')).toBe('https://planner.example.org/addin/');
    expect(() => build.normaliseBaseUrl('http://planner.example.org/')).toThrow(/https/);
    expect(() => build.normaliseBaseUrl('planner')).toThrow(/absolute URL/);
  });

  it('runs as a command: exit 0 for the real manifest, 1 with the problems for a broken one', () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const tool = path.join(ROOT, 'src', 'tools', 'validate-manifest.ts');
    const ok = execFileSync(process.execPath, [tsx, tool, path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
    expect(ok).toMatch(/is valid/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpp-manifest-'));
    const broken = path.join(dir, 'manifest.xml');
    fs.writeFileSync(broken, breakOnce('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'));
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [tsx, tool, broken, '--assets', ASSETS], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/Permissions> must be ReadWriteDocument/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30000);
});

describe('validate-manifest: broken copies', () => {
  const cases: [string, string | RegExp, string, string | RegExp][] = [
    ['not well formed', '<Version>1.0.0.0</Version>', '<Version>1.0.0.0</Versoin>', /not well-formed XML/],
    ['an unescaped ampersand', 'DefaultValue="Place planning"', 'DefaultValue="Place & planning"', /not well-formed XML/],
    ['an undeclared prefix', '<bt:Image size="16" resid="Icon.16x16"/>', '<zz:Image size="16" resid="Icon.16x16"/>', /not well-formed XML/],
    ['a resid that resolves to nothing', '<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>', 'resid="Group.Lable"> does not match any resource'],
    ['a resid of the wrong kind', '<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Taskpane.Url"/>', 'must point at a short string, but "Taskpane.Url" is a url'],
    ['a duplicate resource id', '<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"', 'resource id "Taskpane.Url" is used twice'],
    ['the wrong namespace', 'id="Functions.Namespace" DefaultValue="KENT"', 'id="Functions.Namespace" DefaultValue="CONTOSO"', 'namespace must be KENT'],
    ['a runtime that is not the page', '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="GetStarted.LearnMoreUrl" lifetime="long"/>', /Runtime resid="GetStarted.LearnMoreUrl"> must equal the CustomFunctions Page resid "Taskpane.Url"/],
    ['a short-lived runtime', 'lifetime="long"', 'lifetime="short"', 'lifetime="long"'],
    ['an http URL', 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"', 'must use https'],
    ['a second origin', 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="https://cdn.example.org/functions.js"', 'one origin'],
    ['a missing icon', 'assets/icon-80.png', 'assets/icon-90.png', /icon-90\.png has no file/],
    ['an icon of the wrong size', 'DefaultValue="https://localhost:3000/assets/icon-16.png"', 'DefaultValue="https://localhost:3000/assets/icon-32.png"', 'is 32x32 but is declared as 16x16'],
    ['an icon outside assets/', 'https://localhost:3000/assets/icon-64.png', 'https://localhost:3000/icon-64.png', 'is not in assets/'],
    ['more permission than needed', '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>', 'must be ReadWriteDocument'],
    ['no SharedRuntime requirement', '<Set Name="SharedRuntime" MinVersion="1.1"/>', '', 'SharedRuntime requirement set'],
    ['custom functions without error messages', '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>', 'CustomFunctionsRuntime 1.2 or later'],
    ['another host', '<Host Name="Workbook"/>', '<Host Name="Document"/>', 'Workbook host'],
    ['elements out of order', /(<Version>1\.0\.0\.0<\/Version>\s*)(<ProviderName>[^<]*<\/ProviderName>)/, '$2\n  $1', 'out of order'],
    ['an Id that is not a GUID', /<Id>[^<]*<\/Id>/, '<Id>kent-place-planner</Id>', '<Id> must be a GUID'],
    ['no task pane button', '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ExecuteFunction">', 'no button that shows the task pane'],
    ['a long short string', 'DefaultValue="Place planning"', `DefaultValue="${'x'.repeat(126)}"`, 'longer than 125 characters'],
  ];

  it.each(cases)('reports %s', (_label, from, to, expected) => {
    const result = check(breakOnce(from, to));
    const all = result.errors.join('\n');
    if (typeof expected === 'string') expect(all).toContain(expected);
    else expect(all).toMatch(expected);
  });

  it('warns about an unused resource', () => {
    const xml = breakOnce('<bt:String id="Group.Label" DefaultValue="Place planning"/>', '<bt:String id="Group.Label" DefaultValue="Place planning"/><bt:String id="Spare" DefaultValue="x"/>');
    const result = check(xml);
    expect(result.errors).toEqual([]);
    expect(result.warnings.join('\n')).toContain('"Spare" is never used');
  });
});

describe('validate-manifest helpers', () => {
  it('parses namespaces and reports the line of a syntax error', () => {
    const root = parseXml('<a xmlns="urn:x" xmlns:b="urn:y"><b:c d="1">t</b:c></a>');
    expect(root.uri).toBe('urn:x');
    expect(root.children[0]).toMatchObject({ local: 'c', uri: 'urn:y', text: 't' });
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/2:/);
  });

  it('reads PNG sizes', () => {
    expect(pngSize(fs.readFileSync(path.join(ASSETS, 'icon-80.png')))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from('not a png at all, not at all'))).toBeNull();
  });
});

describe('the manifest in dist/', () => {
  it('a production build writes dist/manifest.xml, a development build dist/manifest.dev.xml', async () => {
    expect(build.MANIFEST_FILE).toEqual({ production: 'manifest.xml', development: 'manifest.dev.xml' });
    expect(manifestTarget(await pagesConfig('production'))).toEqual(['manifest.xml']);
    expect(manifestTarget(await pagesConfig('development'))).toEqual(['manifest.dev.xml']);
  });

  it('npm start writes only the development copy to disk', async () => {
    const config = await pagesConfig('development', true);
    expect(manifestTarget(config)).toEqual(['manifest.dev.xml']);
    const writeToDisk = config.devServer!.devMiddleware.writeToDisk;
    expect(writeToDisk(path.join(config.output.path, 'manifest.dev.xml'))).toBe(true);
    expect(writeToDisk(path.join(config.output.path, 'manifest.xml'))).toBe(false);
    expect(writeToDisk(path.join(config.output.path, 'index.html'))).toBe(false);
  });

  it('each kind of build removes the stale manifest of the other kind, and a development build keeps a release manifest.xml', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpp-dist-'));
    const afterEmit = (development: boolean) => {
      let hook: (() => void) | undefined;
      new build.RemoveStaleManifestPlugin(development, dir).apply({ hooks: { afterEmit: { tap: (_name, fn) => (hook = fn) } } });
      hook!();
    };
    const file = (name: string) => path.join(dir, name);
    try {
      const release = build.transformManifest(MANIFEST, {});
      const dev = build.transformManifest(MANIFEST, { development: true });
      // production: an old development copy goes
      fs.writeFileSync(file('manifest.dev.xml'), dev);
      fs.writeFileSync(file('manifest.xml'), release);
      afterEmit(false);
      expect(fs.existsSync(file('manifest.dev.xml'))).toBe(false);
      expect(fs.readFileSync(file('manifest.xml'), 'utf8')).toBe(release);
      // development: the release manifest.xml beside it stays (dist/ still holds that production build) ...
      afterEmit(true);
      expect(fs.readFileSync(file('manifest.xml'), 'utf8')).toBe(release);
      // ... but a development copy left as manifest.xml by an older npm start goes
      fs.writeFileSync(file('manifest.xml'), dev);
      afterEmit(true);
      expect(fs.existsSync(file('manifest.xml'))).toBe(false);
      // nothing to remove: no error
      afterEmit(true);
      afterEmit(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
