// Browser mode's guards, against the real host on loopback with a real database.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { startServer, type RunningServer } from '../../electron/backend/http/server';
import { tempDir } from '../support/tmp';

let backend: Backend;
let server: RunningServer;

function rawRequest(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (headers: Record<string, string>, body = '{}') =>
  rawRequest({ path: '/api/app:info', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Varvet</title>');
  fs.writeFileSync(path.join(dir, 'hemlig.txt'), 'utanför');
  backend = await createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser' });
  server = await startServer({ backend, rendererDir });
});
afterAll(async () => {
  await server.close();
  backend.close();
});

describe('browser mode host', () => {
  it('listens on loopback only and prints an address with the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    const none = await api({});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/nyckel/) } });
    expect((await api({ 'x-varvet-token': 'fel' })).status).toBe(401);
    expect((await api({ 'x-varvet-token': `${server.token}x` })).status).toBe(401);
  });

  it('answers with the token', async () => {
    const res = await api({ 'x-varvet-token': server.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', schemaVersion: expect.any(Number) } });
  });

  it('refuses another Host header (DNS rebinding) even with the token', async () => {
    const res = await api({ 'x-varvet-token': server.token, host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
  });

  it('sends no CORS permission and refuses non-JSON bodies (simple cross-site posts)', async () => {
    const res = await api({ 'x-varvet-token': server.token, origin: 'https://evil.example' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const form = await rawRequest({
      path: '/api/app:info',
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-varvet-token': server.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const options = await rawRequest({ path: '/api/app:info', method: 'OPTIONS' });
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
    expect(options.status).toBe(405);
  });

  it('answers invalid JSON with a Swedish error', async () => {
    const res = await api({ 'x-varvet-token': server.token }, '{inte json');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/JSON/) } });
  });

  it('serves the renderer with a strict CSP, without the token, and nothing outside its folder', async () => {
    const page = await rawRequest({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-(eval|inline)/);
    expect((await rawRequest({ path: '/../hemlig.txt' })).body).not.toContain('utanför');
    expect((await rawRequest({ path: '/%2e%2e/hemlig.txt' })).body).not.toContain('utanför');
  });
});

// Issue 16, item 7: an oversized body gets a Swedish 413 (not a reset connection), a foreign Origin is refused,
// and no source map is served.
describe('limits, Origin and source maps', () => {
  let small: RunningServer;
  let smallBackend: Backend;
  beforeAll(async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Varvet</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js.map'), '{"sources":["../src/hemlig.ts"]}');
    smallBackend = await createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', backupIntervalMs: null });
    small = await startServer({ backend: smallBackend, rendererDir, maxBodyBytes: 1024 });
  });
  afterAll(async () => {
    await small.close();
    smallBackend.close();
  });

  function post(options: { headers?: Record<string, string>; body: string; chunked?: boolean; path?: string }) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1', port: small.port, path: options.path ?? '/api/app:info', method: 'POST',
          headers: { 'content-type': 'application/json', 'x-varvet-token': small.token, ...options.headers },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      if (options.chunked) {
        // No Content-Length: the limit is found while reading.
        for (let i = 0; i < options.body.length; i += 256) req.write(options.body.slice(i, i + 256));
        req.end();
      } else req.end(options.body);
    });
  }

  const big = JSON.stringify({ text: 'x'.repeat(4000) });

  it('answers a body over the limit with 413 and a Swedish message, declared or chunked', async () => {
    for (const chunked of [false, true]) {
      const reply = await post({ body: big, chunked });
      expect(reply.status, `chunked ${chunked}`).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('för stort') } });
    }
    // The host still answers afterwards.
    expect((await post({ body: '{}' })).status).toBe(200);
  });

  it('refuses an API call from another Origin, even with the token; its own origin and none are fine', async () => {
    const foreign = await post({ body: '{}', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('annan webbplats') } });
    expect((await post({ body: '{}', headers: { origin: `http://127.0.0.1:${small.port + 1}` } })).status).toBe(403);
    expect((await post({ body: '{}', headers: { origin: `http://127.0.0.1:${small.port}` } })).status).toBe(200);
    expect((await post({ body: '{}' })).status).toBe(200);
  });

  it('serves the bundle but no source map', async () => {
    const get = (p: string) =>
      new Promise<number>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: small.port, path: p }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(await get('/assets/index.js')).toBe(200);
    expect(await get('/assets/index.js.map')).toBe(404);
  });
});
