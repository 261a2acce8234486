/**
 * A tiny static file server for tests and benchmarks: serves a directory (normally dist/) on 127.0.0.1
 * at a free port, the way a static host would serve the add-in. `/` serves index.html (the demo host).
 * Only GET and HEAD; nothing outside the directory is ever served; every response is `no-store` so
 * each browser context loads cold. Used by the benchmarks (task pane start) and the browser tests.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

/** Content types by extension (anything else is application/octet-stream). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface StaticServerOptions {
  /** Default 127.0.0.1 (never listens on other interfaces unless asked). */
  host?: string;
  /** Default 0: a free port chosen by the system. */
  port?: number;
  /** Extra headers on every response (e.g. a Content-Security-Policy). */
  headers?: Readonly<Record<string, string>>;
}

export interface ServedRequest {
  method: string;
  /** Path as requested (query string removed). */
  path: string;
  status: number;
  bytes: number;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  port: number;
  /** Every request answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** The file a URL path maps to inside root, or null if it would leave root. Directories map to their index.html. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + path.sep)) return null;
  return target;
}

/**
 * Starts serving `root`.
 *
 * @example
 * const server = await startStaticServer(path.resolve('dist'));
 * await page.goto(server.url); // the demo host
 * await server.close();
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const extra = options.headers ?? {};
  const server = http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split(/[?#]/)[0];
    const method = req.method ?? 'GET';
    const send = (status: number, body: Buffer | string, type: string): void => {
      const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': buf.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      res.end(method === 'HEAD' ? undefined : buf);
      requests.push({ method, path: urlPath, status, bytes: method === 'HEAD' ? 0 : buf.length });
    };
    if (method !== 'GET' && method !== 'HEAD') {
      send(405, 'Method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    let file = resolveInside(root, urlPath);
    if (file === null) {
      send(403, 'Forbidden', 'text/plain; charset=utf-8');
      return;
    }
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      send(200, body, CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      send(404, 'Not found', 'text/plain; charset=utf-8');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
