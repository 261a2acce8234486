import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { resolveInside, startStaticServer, type StaticServer } from './static-server';

function get(url: string, method = 'GET', rawPath?: string): Promise<{ status: number; type: string; body: string; cache: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), cache: String(res.headers['cache-control'] ?? '') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpp-static-'));
    fs.mkdirSync(path.join(dir, 'site', 'js'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site', 'index.html'), '<p>home</p>');
    fs.writeFileSync(path.join(dir, 'site', 'js', 'app 1.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    server = await startStaticServer(path.join(dir, 'site'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves index.html at /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get(server.url);
    expect(r).toMatchObject({ status: 200, body: '<p>home</p>', cache: 'no-store' });
    expect(r.type).toMatch(/^text\/html/);
  });

  it('serves files with their content type (encoded names too) and 404s the rest', async () => {
    const js = await get(`${server.url}js/app%201.js`);
    expect(js).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(js.type).toMatch(/^text\/javascript/);
    expect((await get(`${server.url}nope.js`)).status).toBe(404);
  });

  it('never serves anything outside its directory', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/%00']) {
      const r = await get(server.url, 'GET', p);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('outside');
    }
    expect(resolveInside('/srv/site', '/../secret.txt')).toBe(path.resolve('/srv/site/secret.txt'));
    expect(resolveInside('/srv/site', '/%2e%2e%2fsecret.txt')).toBe(path.resolve('/srv/site/secret.txt'));
    expect(resolveInside('/srv/site', '/%E0%A4%A')).toBeNull();
  });

  it('answers HEAD without a body, refuses other methods and records requests', async () => {
    const head = await get(server.url, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect((await get(server.url, 'POST')).status).toBe(405);
    expect(server.requests.some((q) => q.method === 'HEAD' && q.path === '/' && q.status === 200)).toBe(true);
  });
});
