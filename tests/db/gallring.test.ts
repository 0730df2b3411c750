// Gallring on a real backend: the preview and the removal agree table by table, nothing of the pupils is left in
// any table (the registerutdrag's walk finds nothing, the file holds no trace of their names), their log entries
// keep that something happened without its content, the chain still verifies, and older backups are gone.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GallringForhandsvisning, GallringResultat } from '../../shared/channels/audit';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { checkDatabase } from '../../electron/backend/db/check';
import { collectRows, userTables } from '../../electron/backend/export/registerutdrag';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-10-14T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const counts = (db: Database) =>
  Object.fromEntries(userTables(db).map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));

describe('gallring', () => {
  const dataDir = tempDir();
  let backend: Backend;
  let db: Database;
  let due: number[];
  let recent: number;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    db = backend.context.db;
    await ok(backend, 'demo:open', { size: 's' });
    // Two pupils with insatser left in 2022 and 2023 (due under the 3-year default), one left this year (not due).
    const withInsats = db.prepare("SELECT DISTINCT elev_id FROM insats WHERE elev_id IS NOT NULL ORDER BY elev_id LIMIT 3").pluck().all() as number[];
    [due, recent] = [withInsats.slice(0, 2), withInsats[2] as number];
    await ok(backend, 'elev:update', { id: due[0], fornamn: 'Zyxqvist' });
    await ok(backend, 'elev:update', { id: due[1], efternamn: 'Qwolmberg' });
    await ok(backend, 'elev:setAktiv', { id: due[0], aktiv: false, slutat: '2022-06-10' });
    await ok(backend, 'elev:setAktiv', { id: due[1], aktiv: false, slutat: '2023-10-14' });
    await ok(backend, 'elev:setAktiv', { id: recent, aktiv: false, slutat: '2026-06-10' });
    await ok(backend, 'rapport:registerutdrag', { elevId: due[0], format: 'json' });
    // Copies of the pupil's rows in the two logs without foreign keys: an import's change log and a meeting's undo log.
    const importId = db.prepare("INSERT INTO import_korning (typ, filnamn, sha256, importerad) VALUES ('elever', 'elever.csv', 'x', '2022-01-01')").run().lastInsertRowid;
    db.prepare("INSERT INTO import_andring (import_id, tabell, nyckel, operation, fore, efter) VALUES (?, 'elev', ?, 'update', '{}', ?)").run(importId, JSON.stringify({ id: due[0] }), JSON.stringify({ fornamn: 'Zyxqvist' }));
    const moteId = db.prepare('SELECT id FROM mote ORDER BY id LIMIT 1').pluck().get() as number;
    db.prepare("INSERT INTO mote_handelse (mote_id, nyckel, typ, fore, efter, skapad) VALUES (?, 'gallring-test-1', 'utredningsbeslut', '{}', ?, '2022-01-01')").run(moteId, JSON.stringify({ elevId: due[1] }));
    await ok(backend, 'backup:create');
  }, 120_000);

  it('shows the due pupils and removes exactly what it showed', async () => {
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const preview = await ok<GallringForhandsvisning>(backend, 'gallring:preview');
    expect(preview).toMatchObject({ gallringAr: 3, grans: '2023-10-14', idag: '2026-10-14' });
    expect(preview.elever.map((e) => e.id)).toEqual(due);
    expect(preview.elever[0]?.namn).toMatch(/Zyxqvist/);
    expect(preview.rader.elev).toBe(2);
    expect(preview.rader.import_andring).toBe(1);
    expect(preview.rader.mote_handelse).toBe(1);
    expect(preview.rader.insats).toBeGreaterThanOrEqual(2);
    expect(preview.sakerhetskopior.length).toBeGreaterThanOrEqual(1);
    const oldBackups = fs.readdirSync(backupDir(dataDir)).filter((f) => f.endsWith('.sqlite'));

    // A confirmation for other pupils than the preview's changes nothing.
    const before = counts(db);
    const stale = await backend.dispatch('gallring:execute', { elevIds: [due[0]], bekraftelse: 'GALLRA' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await backend.dispatch('gallring:execute', { elevIds: due, bekraftelse: 'gallra' })).ok).toBe(false);
    expect(counts(db)).toEqual(before);

    const result = await ok<GallringResultat>(backend, 'gallring:execute', { elevIds: due, bekraftelse: 'GALLRA' });
    expect(result.rader).toEqual(preview.rader);
    expect(result.loggposter).toBe(preview.loggposter);
    const after = counts(db);
    for (const t of Object.keys(before)) {
      if (t === 'audit_logg') continue;
      expect((before[t] ?? 0) - (after[t] ?? 0), t).toBe(preview.rader[t] ?? 0);
    }
    for (const id of due) expect(collectRows(db, id).size).toBe(0);
    expect(collectRows(db, recent).get('elev')).toHaveLength(1);

    // The log: content gone, the fact kept, one G entry with counts and no names, and the chain intact.
    const left = db.prepare('SELECT count(*) FROM audit_logg WHERE elev_id IN (?, ?) AND gallrad = 0').pluck().get(...due);
    expect(left).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audit_logg WHERE fore LIKE '%Zyxqvist%' OR efter LIKE '%Zyxqvist%' OR efter LIKE '%Qwolmberg%' OR fore LIKE '%Qwolmberg%'").pluck().get()).toBe(0);
    const g = db.prepare("SELECT * FROM audit_logg WHERE operation = 'G'").all() as { efter: string; kanal: string }[];
    expect(g).toHaveLength(1);
    expect(g[0]?.kanal).toBe('gallring:execute');
    expect(JSON.parse(g[0]?.efter ?? '{}')).toMatchObject({ elever: 2, rader: preview.rader });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    expect(result.kedja.ok).toBe(true);

    // Backups: every older one (they hold the data) removed, a fresh verified one in their place.
    const nowBackups = fs.readdirSync(backupDir(dataDir)).filter((f) => f.endsWith('.sqlite'));
    expect(nowBackups).toEqual([result.nySakerhetskopia]);
    expect(result.sakerhetskopiorBorttagna.sort()).toEqual(oldBackups.sort());

    // No trace of the names in the database file or its WAL (secure_delete zeroes freed content).
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [databasePath(dataDir), path.join(backupDir(dataDir), result.nySakerhetskopia ?? '')]) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from('Zyxqvist')), f).toBe(false);
      expect(bytes.includes(Buffer.from('Qwolmberg')), f).toBe(false);
    }
    backend.close();
    expect(checkDatabase(databasePath(dataDir))).toMatchObject({ sound: true, audit: { ok: true } });
  }, 120_000);
});
