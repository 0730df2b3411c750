// Boundaries (issue 8.8): every channel of the contract gets invalid arguments — arbitrary JSON and near-misses
// built from its JSON Schema (each field given a wrong type) — and must answer { ok: false } with a Swedish
// sentence, never throw, and change nothing in the database. A sample goes through the real HTTP host too.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { startServer, type RunningServer } from '../../electron/backend/http/server';
import { tableCounts } from '../../electron/backend/backup/index';
import { tempDir } from '../support/tmp';

const SWEDISH = /[åäöÅÄÖ]|\b(och|är|inte|saknas|måste|finns|ogiltig|ogiltigt|okänd|välj|ange)\b/i;
const RUNS = Number(process.env.VARVET_FUZZ_RUNS ?? 25);

let backend: Backend;
let server: RunningServer;

/** A digest of every row of every table: equal digests mean the database did not change. */
function dump(): string {
  const db = backend.context.db;
  const hash = crypto.createHash('sha256');
  for (const table of Object.keys(tableCounts(db))) {
    hash.update(table);
    // Sorted in JS: some tables are WITHOUT ROWID, and order is not what we compare.
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all().map((r) => JSON.stringify(r)).sort();
    for (const row of rows) hash.update(row);
  }
  return hash.digest('hex');
}

const changes = () => backend.context.db.prepare('SELECT total_changes()').pluck().get() as number;

function wrongFor(schema: unknown): unknown[] {
  const type = typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  const all: unknown[] = [null, 'x'.repeat(5000), -1, 1.5, 0, true, [], {}, '', '2026-02-30', { $ne: 1 }, '<script>', "'; DROP TABLE elev; --"];
  if (type === 'string') return [12, true, [], {}, null, 'x'.repeat(100_000)];
  if (type === 'integer' || type === 'number') return ['1', -1, 0, 1.5, 2 ** 53, Number.MAX_VALUE, true, null];
  if (type === 'boolean') return ['ja', 1, null, []];
  if (type === 'array') return ['x', {}, 5, [null, { a: 1 }]];
  if (type === 'object') return ['x', 5, [], null];
  return all;
}

/** Near-misses: for each property of the channel's JSON Schema, an object where that one field is wrong. */
function nearMisses(channel: Channel): unknown[] {
  let json: { properties?: Record<string, unknown> } = {};
  try {
    json = z.toJSONSchema(contract[channel].args, { io: 'input', unrepresentable: 'any' }) as typeof json;
  } catch {
    return [];
  }
  const out: unknown[] = [];
  for (const [field, schema] of Object.entries(json.properties ?? {})) for (const bad of wrongFor(schema)) out.push({ [field]: bad });
  out.push({ okantFalt: 1 }, { ['__proto__']: { admin: true } }, { constructor: { prototype: { x: 1 } } });
  return out;
}

const invalidFor = (channel: Channel) => (args: unknown) => !contract[channel].args.safeParse(args ?? {}).success;

beforeAll(async () => {
  const dir = tempDir();
  backend = await createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', backupIntervalMs: null, now: () => new Date('2026-10-05T08:00:00Z') });
  const demo = await backend.dispatch('demo:open', { size: 's' });
  if (!demo.ok) throw new Error(demo.error.message);
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Varvet</title>');
  server = await startServer({ backend, rendererDir });
}, 60_000);
afterAll(async () => {
  await server?.close();
  backend?.close();
});

describe('every channel refuses invalid arguments in Swedish and changes nothing', () => {
  it.each(CHANNELS.map((c) => [c]))('%s', async (channel) => {
    const before = dump();
    const beforeFiles = fs.readdirSync(backend.dataDir).sort().join();
    const check = async (args: unknown) => {
      const c0 = changes();
      const reply = await backend.dispatch(channel, args);
      expect(reply.ok, `${channel} accepted ${JSON.stringify(args)?.slice(0, 200)}`).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('invalid_argument');
      expect(reply.error.message).toMatch(SWEDISH);
      expect(reply.error.message).not.toMatch(/\b(Invalid|expected|received|Unrecognized)\b/);
      expect(changes()).toBe(c0);
    };
    for (const args of nearMisses(channel).filter(invalidFor(channel))) await check(args);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        fc.pre(invalidFor(channel)(value));
        await check(value);
      }),
      { numRuns: RUNS },
    );
    expect(dump()).toBe(before);
    expect(fs.readdirSync(backend.dataDir).sort().join()).toBe(beforeFiles);
  });

  it('refuses unknown channels and non-object arguments without throwing', async () => {
    for (const channel of ['', 'x', '__proto__', 'constructor', 'app:info ', 'toString', 'hasOwnProperty']) {
      const reply = await backend.dispatch(channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel', message: expect.stringMatching(SWEDISH) } });
    }
  });
});

function post(urlPath: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: urlPath,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-varvet-token': server.token, ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP host, fuzzed', () => {
  it('answers every invalid call with JSON and a Swedish message, and changes nothing', async () => {
    const before = dump();
    const sample = CHANNELS.filter((_, i) => i % 3 === 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sample), fc.jsonValue({ maxDepth: 2 }), async (channel, value) => {
        fc.pre(invalidFor(channel)(value));
        const res = await post(`/api/${channel}`, JSON.stringify(value) ?? 'null');
        const reply = JSON.parse(res.body) as { ok: boolean; error?: { message: string } };
        expect(reply.ok).toBe(false);
        expect(reply.error?.message).toMatch(SWEDISH);
      }),
      { numRuns: 150 },
    );
    expect(dump()).toBe(before);
  });

  it('survives malformed paths, bodies and headers', async () => {
    const cases: [string, string, Record<string, string>?][] = [
      ['/api/%E0%A4%A', '{}'],
      ['/api/app:info', '{"a":'],
      ['/api/app:info', '\u0000'],
      ['/api/', '{}'],
      ['/api/app:info/../../x', '{}'],
      ['/api/app:info', '[]'],
      ['/api/app:info', '{}', { 'content-type': 'text/plain' }],
      ['/api/app:info', '{}', { 'x-varvet-token': 'å' }],
    ];
    for (const [p, body, headers] of cases) {
      const res = await post(p, body, headers);
      expect(res.status, p).toBeGreaterThanOrEqual(200);
      if (res.status >= 400) expect(JSON.parse(res.body).error.message, p).toMatch(SWEDISH);
    }
    // The host is still alive and answers a valid call.
    const ok = await post('/api/app:info', '{}');
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    const stat = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: server.port, path: '/%' }, (r) => resolve(r.statusCode ?? 0)).on('error', () => resolve(-1)));
    expect(stat).toBeGreaterThanOrEqual(400);
  });
});
