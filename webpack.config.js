/**
 * Build of Kent Place Planner: two webpack compilers that write to dist/.
 *
 *  1. "functions": src/functions/functions.ts -> dist/functions.js (self-contained: its own runtime,
 *     no chunks shared with the pages, target plain ES2020 so it needs no window or document, only a
 *     CustomFunctions global) and dist/functions.json (custom-functions-metadata-plugin).
 *  2. "pages": the task pane (src/taskpane/index.tsx -> dist/taskpane.html, which also loads office.js
 *     from Microsoft's CDN and functions.js: the shared runtime) and the demo host (src/demo/index.tsx ->
 *     dist/index.html, loading office.js from the npm copy at /office-js/). Also copies assets/, the
 *     two files of the office.js package the demo host loads outside Office (OFFICE_JS_FILES) and the
 *     manifest (URLs rewritten to ADDIN_BASE_URL when set). A production build writes
 *     dist/manifest.xml; a development build (npm start, build:dev) writes dist/manifest.dev.xml
 *     instead, with its own Id, namespace KENTDEV and display name so it never collides with the
 *     deployed add-in, and never under the name a deployment of dist/ would ship.
 *
 * Source maps are separate files in every mode (devtool "source-map", never eval), so the pages'
 * Content-Security-Policy (no 'unsafe-eval', no inline script) holds in development too.
 *
 * Environment: ADDIN_BASE_URL (https URL the add-in is hosted at), PORT (dev server, default 3000),
 * HTTPS=1 (dev server over https with office-addin-dev-certs certificates; nothing is installed
 * into a trust store).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { URL } = require('url');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { ProvidePlugin } = require('webpack');

const ROOT = __dirname;
const DIST = path.join(ROOT, 'dist');
const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/**
 * The files of the npm office.js package (node_modules/@microsoft/office-js/dist) the demo host
 * loads outside Office, served from dist/office-js/: office.js itself and o15apptofilemappingtable.js,
 * which office.js loads before Office.onReady resolves with no host (no locale strings and no host
 * files are loaded outside Office). The browser tests check that every /office-js/ request succeeds.
 */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js'];
/** File names of the manifest in dist/: the deployed add-in's, and the development copy's. */
const MANIFEST_FILE = { production: 'manifest.xml', development: 'manifest.dev.xml' };

/** The deployed add-in's identity (as in manifest.xml) and the development copy's. */
const RELEASE = { id: '389d0d3e-102b-4351-a8e9-55031c3c5b34', namespace: 'KENT', displayName: 'Kent Place Planner' };
const DEVELOPMENT = { id: 'cd0ae799-1478-4879-92aa-a85f103e3245', namespace: 'KENTDEV', displayName: 'Kent Place Planner (dev)' };

const ENTRIES = {
  functions: './src/functions/functions.ts',
  taskpane: './src/taskpane/index.tsx',
  demo: './src/demo/index.tsx',
};

/** Normalises ADDIN_BASE_URL: an absolute https URL ending in "/". Throws a clear message otherwise. */
function normaliseBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL must be an absolute URL such as https://planner.example.org/addin/ (got "${value}")`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must use https: Office loads add-ins only over https (got "${value}")`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment (got "${value}")`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites manifest.xml for a build.
 * - baseUrl: replaces every https://localhost:3000/ with it (production hosting, or another dev port).
 * - development: swaps the release Id, namespace and display name for the development copy's.
 */
function transformManifest(xml, { baseUrl, development } = {}) {
  let out = xml;
  if (baseUrl) out = out.split(DEV_BASE_URL).join(baseUrl);
  if (development) {
    const replacements = [
      [`<Id>${RELEASE.id}</Id>`, `<Id>${DEVELOPMENT.id}</Id>`],
      [`<DisplayName DefaultValue="${RELEASE.displayName}"/>`, `<DisplayName DefaultValue="${DEVELOPMENT.displayName}"/>`],
      [`<bt:String id="Functions.Namespace" DefaultValue="${RELEASE.namespace}"/>`, `<bt:String id="Functions.Namespace" DefaultValue="${DEVELOPMENT.namespace}"/>`],
    ];
    for (const [from, to] of replacements) {
      if (!out.includes(from)) throw new Error(`manifest.xml: expected to find ${from} to make the development copy`);
      out = out.split(from).join(to);
    }
    out = out.replace(new RegExp(`=${escapeRegExp(RELEASE.namespace)}\\.`, 'g'), `=${DEVELOPMENT.namespace}.`);
  }
  return out;
}

/** The Content-Security-Policy of every page; development adds the dev server's live-reload socket. */
function contentSecurityPolicy(development) {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${development ? ' ws://localhost:* wss://localhost:*' : ''}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Removes the other kind of manifest from dist/ after a build writes its own: a production build
 * removes dist/manifest.dev.xml (output.clean does too); a development build removes dist/manifest.xml
 * only when it is a development copy (written by npm start before the copies had separate names), so
 * the production build that is still on disk beside the development server keeps its manifest.
 */
class RemoveStaleManifestPlugin {
  constructor(development, dir = DIST) {
    this.development = development;
    this.dir = dir;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('RemoveStaleManifestPlugin', () => {
      const other = path.join(this.dir, this.development ? MANIFEST_FILE.production : MANIFEST_FILE.development);
      if (!fs.existsSync(other)) return;
      if (this.development && !fs.readFileSync(other, 'utf8').includes(`<Id>${DEVELOPMENT.id}</Id>`)) return;
      fs.rmSync(other, { force: true });
    });
  }
}

/** Certificates for HTTPS=1: reuse ~/.office-addin-dev-certs, or generate them there. Never installs a CA. */
async function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
  if (!Object.values(files).every((f) => fs.existsSync(f))) {
    const { generateCertificates } = require('office-addin-dev-certs');
    await generateCertificates(files.ca, files.cert, files.key);
    console.log(`Generated development certificates in ${dir}. To make Excel and your browser trust them, run once: npx office-addin-dev-certs install`);
  }
  return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}

/** Persistent build cache (node_modules/.cache/webpack), one per compiler and mode; rebuilt when this file changes. */
function cacheFor(name, mode) {
  return { type: 'filesystem', name: `${name}-${mode}`, buildDependencies: { config: [path.join(ROOT, 'webpack.config.js')] } };
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'ESNext', sourceMap: true, noEmit: false } } },
};

const resolve = { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] };

function functionsConfig({ mode }) {
  return {
    name: 'functions',
    mode,
    // Plain ES2020, no platform: no window/document/chunk loading in the runtime, and the dev server
    // injects no live-reload client (Excel's custom-functions runtime may have no DOM).
    target: 'es2020',
    devtool: 'source-map',
    context: ROOT,
    entry: { functions: ENTRIES.functions },
    // One chunk, never anything to load at run time: no chunk loading code at all.
    output: { path: DIST, filename: '[name].js', globalObject: 'globalThis', publicPath: '', clean: false, chunkFormat: 'array-push', chunkLoading: false, wasmLoading: false, workerChunkLoading: false },
    resolve,
    module: { rules: [tsRule] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    cache: cacheFor('functions', mode),
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: ENTRIES.functions, output: 'functions.json' }),
      // The plugin appends `CustomFunctions.associate(id, fn)` to functions.ts; route those calls through
      // a guard that registers with Excel's global when present (see src/functions/associate.ts).
      new ProvidePlugin({ CustomFunctions: [path.join(ROOT, 'src', 'functions', 'associate.ts'), 'CustomFunctions'] }),
    ],
  };
}

function pagesConfig({ mode, serve, https, port }) {
  const development = mode !== 'production';
  const csp = contentSecurityPolicy(development);
  const envBase = process.env.ADDIN_BASE_URL ? normaliseBaseUrl(process.env.ADDIN_BASE_URL) : null;
  const baseUrl = envBase ?? (serve && port !== DEFAULT_PORT ? `https://localhost:${port}/` : null);
  const has = (name) => fs.existsSync(path.join(ROOT, ENTRIES[name]));
  const entry = {};
  if (has('taskpane')) entry.taskpane = ENTRIES.taskpane;
  if (has('demo')) entry.demo = ENTRIES.demo;

  const config = {
    name: 'pages',
    mode,
    target: ['web', 'es2020'],
    devtool: 'source-map',
    context: ROOT,
    entry,
    // Clean dist/ of old hashed bundles, keeping what the functions compiler writes alongside.
    output: {
      path: DIST,
      filename: development ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: { keep: /^functions\.(js|js\.map|json)$/ },
    },
    cache: cacheFor('pages', mode),
    resolve,
    module: { rules: [tsRule] },
    optimization: { splitChunks: { chunks: 'all' } },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: entry.taskpane ? ['taskpane'] : [],
        templateParameters: { csp, officeJs: OFFICE_JS_CDN },
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/demo/index.html',
        chunks: entry.demo ? ['demo'] : [],
        templateParameters: { csp, officeJs: '/office-js/office.js' },
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // As published (info.minimized: Terser leaves Microsoft's files alone, byte for byte).
          ...OFFICE_JS_FILES.map((file) => ({ from: `node_modules/@microsoft/office-js/dist/${file}`, to: `office-js/${file}`, info: { minimized: true } })),
          // Microsoft's licence for the office.js files redistributed above.
          { from: 'node_modules/@microsoft/office-js/LICENSE.md', to: 'office-js/LICENSE.md' },
          {
            from: 'manifest.xml',
            to: development ? MANIFEST_FILE.development : MANIFEST_FILE.production,
            transform: { transformer: (content) => transformManifest(content.toString('utf8'), { baseUrl, development }), cache: false },
          },
        ],
      }),
      new RemoveStaleManifestPlugin(development),
    ],
  };

  if (serve) {
    config.devServer = {
      port,
      host: 'localhost',
      hot: false,
      liveReload: true,
      static: false,
      server: https ? { type: 'https', options: https } : 'http',
      headers: {
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        // Excel fetches functions.json and functions.js from its own origin.
        'Access-Control-Allow-Origin': '*',
      },
      // dist/manifest.dev.xml (the development copy) is written to disk so it can be sideloaded; nothing
      // else is, so a production build in dist/ stays as it was (its manifest.xml included).
      devMiddleware: { writeToDisk: (file) => path.basename(file) === MANIFEST_FILE.development },
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      onListening(devServer) {
        const address = devServer.server.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        const scheme = https ? 'https' : 'http';
        console.log(
          [
            '',
            `Kent Place Planner demo (the task pane beside the sample Kent workbook): ${scheme}://localhost:${actualPort}/`,
            `To use it inside Excel, sideload ${path.join('dist', MANIFEST_FILE.development)} (the development copy: namespace KENTDEV)` +
              (https ? '.' : ' after restarting with HTTPS=1 npm start (Excel only loads add-ins over https).'),
            '  Excel on the web: Home > Add-ins > More add-ins > My add-ins > Upload my add-in.',
            '  Excel desktop: see "Sideloading the add-in" in README.md.',
            '',
          ].join('\n'),
        );
      },
    };
  }
  return config;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const serve = Boolean(env.WEBPACK_SERVE);
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number (got "${process.env.PORT}")`);
  const https = serve && process.env.HTTPS === '1' ? await devCertificates() : null;
  // The pages compiler comes first: it carries the devServer options.
  return [pagesConfig({ mode, serve, https, port }), functionsConfig({ mode })];
};

module.exports.transformManifest = transformManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.normaliseBaseUrl = normaliseBaseUrl;
module.exports.RELEASE = RELEASE;
module.exports.DEVELOPMENT = DEVELOPMENT;
module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;
module.exports.MANIFEST_FILE = MANIFEST_FILE;
module.exports.RemoveStaleManifestPlugin = RemoveStaleManifestPlugin;
