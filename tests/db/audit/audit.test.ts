// The audit log on a real backend: every change made through the channels is in the log with before/after, sealed
// with its channel and user; replaying the log gives exactly the current rows; exports leave an entry; the chain
// verifies, and a row edited behind Varvet's back is found by `varvet check` with a Swedish sentence.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { DatabaseConstructor as BetterSqlite3, type Database } from '../../../electron/backend/db/driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { auditedTables } from '../../../electron/backend/audit/triggers';
import { verifyAuditChain } from '../../../electron/backend/audit/verify';
import { checkDatabase } from '../../../electron/backend/db/check';
import { databasePath } from '../../../electron/backend/paths';
import { CLI, tempDir } from '../../support/tmp';
import { expectStateMatchesTables, rowKey, type Row } from './replay';

const NOW = new Date('2026-10-14T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const q = (n: string) => `"${n.replaceAll('"', '""')}"`;


/** Replays I/U/D entries in order and compares with every row of every audited table. */
function expectLogReplaysToCurrentState(db: Database): number {
  const state = new Map<string, Row>();
  for (const e of db.prepare("SELECT tabell, rad_id, operation, fore, efter FROM audit_logg WHERE operation IN ('I','U','D') ORDER BY id").all() as Row[]) {
    const key = `${String(e.tabell)}:${String(e.rad_id)}`;
    if (e.operation === 'D') state.delete(key);
    else state.set(key, JSON.parse(String(e.efter)) as Row);
  }
  return expectStateMatchesTables(db, state);
}


function fingerprint(db: Database): string {
  const h = crypto.createHash('sha256');
  for (const t of auditedTables(db)) h.update(JSON.stringify(db.prepare(`SELECT * FROM ${q(t)}`).all()));
  return h.digest('hex');
}

describe('audit log', () => {
  const dataDir = tempDir();
  let backend: Backend;
  let db: Database;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    db = backend.context.db;
    await ok(backend, 'demo:open', { size: 's' });
  }, 120_000);

  it('records every change of a realistic sequence with its channel, user and before/after', async () => {
    const elevId = db.prepare('SELECT id FROM elev WHERE aktiv = 1 ORDER BY id LIMIT 1').pluck().get() as number;
    const steps: [string, unknown][] = [
      ['elev:create', { fornamn: 'Åsa', efternamn: 'Lind', arskurs: 4 }],
      ['elev:update', { id: elevId, fornamn: 'Märta' }],
      ['personal:create', { fornamn: 'Eva', efternamn: 'Holm', roller: ['larare'] }],
      ['grupp:create', { namn: 'Läsgruppen', typ: 'undervisningsgrupp' }],
      ['insats:create', { niva: 'individ', elevId, beskrivning: 'Lästräning', typ: 'extra_anpassning', forvantadEffekt: 'Bättre läsflyt', startdatum: '2026-10-05' }],
      ['elev:setAktiv', { id: elevId, aktiv: false, slutat: '2026-10-14' }],
      ['elev:setAktiv', { id: elevId, aktiv: true }],
    ];
    for (const [channel, args] of steps) {
      const before = fingerprint(db);
      const maxId = db.prepare('SELECT max(id) FROM audit_logg').pluck().get() as number;
      await ok(backend, channel, args);
      expect(fingerprint(db), channel).not.toBe(before);
      const fresh = db.prepare('SELECT * FROM audit_logg WHERE id > ? ORDER BY id').all(maxId) as Row[];
      expect(fresh.length, channel).toBeGreaterThan(0);
      for (const e of fresh) {
        expect(e).toMatchObject({ kanal: channel, vem: expect.stringMatching(/\(browser\)$/), tid: NOW.toISOString() });
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        if (e.operation === 'U') expect(e.fore).not.toBe(e.efter);
        if (e.operation === 'I') expect([e.fore, typeof e.efter]).toEqual([null, 'string']);
      }
    }
    const insats = db.prepare('SELECT id FROM insats ORDER BY id DESC LIMIT 1').pluck().get() as number;
    await ok(backend, 'bedomning:record', { insatsId: insats, bedomning: 'viss_effekt', underlag: 'Läsflyt 80 ord/min', beslut: 'intensifiera', motivering: 'Vi fortsätter.' });
    const update = db.prepare("SELECT fore, efter FROM audit_logg WHERE kanal = 'elev:update' AND operation = 'U'").get() as { fore: string; efter: string };
    expect(JSON.parse(update.efter)).toMatchObject({ id: elevId, fornamn: 'Märta' });
    expect(JSON.parse(update.fore).fornamn).not.toBe('Märta');
    // A refused call changes nothing and logs nothing.
    const count = db.prepare('SELECT count(*) FROM audit_logg').pluck().get();
    expect((await backend.dispatch('elev:update', { id: 999999, fornamn: 'X' })).ok).toBe(false);
    expect(db.prepare('SELECT count(*) FROM audit_logg').pluck().get()).toBe(count);
    expect(expectLogReplaysToCurrentState(db)).toBeGreaterThan(1000);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('logs every export of pupil data', async () => {
    const elevId = db.prepare('SELECT id FROM elev ORDER BY id LIMIT 1').pluck().get() as number;
    await ok(backend, 'rapport:registerutdrag', { elevId, format: 'json' });
    await ok(backend, 'rapport:arsrapport', { format: 'json' });
    const e = db.prepare("SELECT * FROM audit_logg WHERE operation = 'E' ORDER BY id").all() as Row[];
    expect(e.map((x) => x.kanal)).toEqual(['rapport:registerutdrag', 'rapport:arsrapport']);
    expect(e[0]).toMatchObject({ elev_id: elevId, tabell: null });
    expect(JSON.parse(String(e[0]?.efter))).toEqual({ vad: 'registerutdrag', format: 'json', pseudonymiserad: false, elevId });
    expect(JSON.parse(String(e[1]?.efter))).toMatchObject({ vad: 'årsrapport', pseudonymiserad: true });
    const page = await ok<{ poster: { operation: string }[]; totalt: number }>(backend, 'logg:list', { operation: 'E' });
    expect(page.totalt).toBe(2);
    expect(await ok(backend, 'logg:verify')).toMatchObject({ ok: true, text: expect.stringMatching(/^Loggkedjan är hel \(\d+ poster\)\.$/) });
  });

  it('refuses to edit or delete an entry, and `varvet check` finds an entry edited behind its back', async () => {
    expect(() => db.prepare("UPDATE audit_logg SET efter = '{}' WHERE id = 5").run()).toThrow(/kan bara läggas till/);
    expect(() => db.prepare('DELETE FROM audit_logg WHERE id = 5').run()).toThrow(/tas aldrig bort/);
    expect(() => db.prepare("UPDATE audit_logg SET kanal = 'x' WHERE id = 5").run()).toThrow(/kan bara läggas till/);
    // Even the gallring door needs its flag and only opens to the redaction marker.
    expect(() => db.prepare("UPDATE audit_logg SET gallrad = 1, efter = '{\"gallrad\":true}' WHERE id = 5").run()).toThrow(/kan bara läggas till/);
    const file = databasePath(dataDir);
    const before = checkDatabase(file);
    expect(before).toMatchObject({ sound: true, audit: { ok: true } });
    backend.close();

    const other = new BetterSqlite3(file);
    const victim = other.prepare("SELECT id FROM audit_logg WHERE tabell = 'elev' AND operation = 'U' ORDER BY id LIMIT 1").pluck().get() as number;
    other.exec('DROP TRIGGER audit_logg_bara_tillagg');
    other.prepare("UPDATE audit_logg SET efter = json_set(efter, '$.fornamn', 'Någon annan') WHERE id = ?").run(victim);
    other.close();

    const report = checkDatabase(file);
    expect(report.sound).toBe(false);
    expect(report.audit).toMatchObject({ ok: false, firstBroken: { id: victim } });
    expect(report.problems).toContain(`Loggkedjan är bruten vid post ${victim}: innehållet (före/efter) eller postens uppgifter har ändrats, eller en post före den har tagits bort. Loggen kan ha ändrats utanför Varvet.`);
    let stderr = '';
    try {
      execFileSync('node', [CLI, 'check', '--data', dataDir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain(`Loggkedjan är bruten vid post ${victim}`);
  }, 60_000);
});

describe('sealing many entries at once', () => {
  it('seals more entries than one batch holds, in order, into one unbroken chain', async () => {
    const { sealAudit } = await import('../../../electron/backend/audit/seal');
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW, backupIntervalMs: null });
    await ok(backend, 'skola:create', { namn: 'Sigillskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    const db = backend.context.db;
    const before = db.prepare('SELECT count(*) FROM audit_logg').pluck().get() as number;
    // 12,001 pupils written outside any handler: their entries wait unsealed, as after a crash or a bulk write.
    const insert = db.prepare('INSERT INTO elev (fornamn, efternamn, arskurs) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 12_001; i++) insert.run(`Elev${i}`, 'Sigill', 1 + (i % 9));
    })();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 12_001 });
    expect(sealAudit(db, { kanal: 'test', vem: 'test', tid: NOW.toISOString() })).toBe(12_001);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0, entries: before + 12_001 });
    backend.close();
  }, 120_000);
});
