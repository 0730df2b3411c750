// Gallring on a real backend: the preview and the removal agree table by table, nothing of the pupils is left in
// any table (the registerutdrag's walk finds nothing, the file holds no trace of their names), their log entries
// keep that something happened without its content, the chain still verifies, and older backups are gone; a pupil's
// copies in the import logs go too, and each import's sealed digest is renewed so the check stays intact.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GallringForhandsvisning, GallringResultat } from '../../shared/channels/audit';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { importDigest } from '../../electron/backend/audit/importAudit';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { checkDatabase } from '../../electron/backend/db/check';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { collectRows, userTables } from '../../electron/backend/export/registerutdrag';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-10-14T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const count = (db: Database, table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

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

// A pupil whose rows came in through imports: the import logs hold copies of their rows (also of rows that are gone,
// a criterion a later file removed), and the audit log holds only each import's sealed digest of its log. Gallring
// removes the pupil's rows from those logs and renews each digest, so the check stays intact and still works.
describe('gallring of a pupil with imported rows', () => {
  const TODAY = new Date('2026-11-23T09:00:00Z');
  const csv = (rows: string[][]) => new Uint8Array(Buffer.from(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8'));

  async function importRows(backend: Backend, kind: string, fileName: string, bytes: Uint8Array): Promise<{ importId: number; andrade: number; tillagda: number }> {
    const args = { kind, fileName, contentBase64: Buffer.from(bytes).toString('base64'), sheet: null };
    const preview = await ok<{ proposedMapping: Record<string, string> }>(backend, 'import:preview', args);
    const r = await ok<{ refused: string | null; importId: number; andrade: number; tillagda: number }>(backend, 'import:run', {
      ...args, mapping: preview.proposedMapping, onlyValidRows: false, dryRun: false, matchChoices: {},
    });
    if (r.refused) throw new Error(r.refused);
    return r;
  }

  it('removes the pupil from the import logs, keeps the check intact and still finds a change to what is left', async () => {
    const dataDir = tempDir();
    const backend = await createBackend({ dataDir, mode: 'browser', now: () => TODAY, backupIntervalMs: null });
    const db = backend.context.db;
    await ok(backend, 'demo:open', { size: 's' });
    const [leaver, stayer] = db
      .prepare('SELECT e.id, e.extern_id, e.fornamn, e.efternamn, g.namn AS klass FROM elev e JOIN grupp g ON g.id = e.klass_id WHERE e.aktiv = 1 AND e.extern_id IS NOT NULL ORDER BY e.id LIMIT 2')
      .all() as { id: number; extern_id: string; fornamn: string; efternamn: string; klass: string }[];
    if (!leaver || !stayer) throw new Error('demo school without pupils');
    await ok(backend, 'elev:update', { id: leaver.id, fornamn: 'Zyxqvist' });
    // The pupil moves class through an import (the log holds the pupil's row, name and all), and gets results
    // whose criteria a second file changes (the log holds a removed criterion, a row that no longer exists).
    const elever = await importRows(backend, 'elever', 'elever.csv', csv([['Elev-ID', 'Förnamn', 'Efternamn', 'Klass'], [leaver.extern_id, 'Zyxqvist', leaver.efternamn, `${leaver.klass}Q`]]));
    expect(elever.andrade).toBe(1);
    const header = ['Elev-ID', 'Ämne', 'Betyg', 'Ej nådda kriterier', 'Tillfälle', 'Datum'];
    const at = ['Gallringsprovet', '2026-11-20'];
    const first = await importRows(backend, 'resultat', 'resultat-1.csv', csv([header, [leaver.extern_id, 'MA', 'F', 'Kriterium 1 | Kriterium 2', ...at], [leaver.extern_id, 'SV', 'C', '', ...at], [stayer.extern_id, 'MA', 'E', '', ...at]]));
    expect(first.tillagda).toBe(3);
    const second = await importRows(backend, 'resultat', 'resultat-2.csv', csv([header, [leaver.extern_id, 'MA', 'F', 'Kriterium 1', ...at], [stayer.extern_id, 'MA', 'D', '', ...at]]));
    expect(second.andrade).toBe(2);
    const removedLink = db.prepare("SELECT id FROM import_andring WHERE import_id = ? AND tabell = 'resultat_kriterium' AND operation = 'delete'").pluck().all(second.importId) as number[];
    expect(removedLink).toHaveLength(1);
    const ofLeaver = () => db.prepare('SELECT count(*) FROM import_andring WHERE elev_id = ?').pluck().get(leaver.id) as number;
    expect(ofLeaver()).toBeGreaterThanOrEqual(7);
    await ok(backend, 'elev:setAktiv', { id: leaver.id, aktiv: false, slutat: '2022-06-10' });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });

    const preview = await ok<GallringForhandsvisning>(backend, 'gallring:preview');
    expect(preview.elever.map((e) => e.id)).toEqual([leaver.id]);
    expect(preview.rader.import_andring).toBe(ofLeaver());
    const andringarBefore = count(db, 'import_andring');
    const result = await ok<GallringResultat>(backend, 'gallring:execute', { elevIds: [leaver.id], bekraftelse: 'GALLRA' });
    expect(result.kedja.ok).toBe(true);
    expect(andringarBefore - count(db, 'import_andring')).toBe(preview.rader.import_andring);
    expect(ofLeaver()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM import_andring WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(removedLink))).toBe(0);
    // What is left of the imports: the other pupil's rows, under a renewed digest sealed by the gallring.
    expect(db.prepare('SELECT count(*) FROM import_andring WHERE elev_id = ?').pluck().get(stayer.id)).toBe(2);
    for (const id of [elever.importId, first.importId, second.importId]) {
      const latest = db.prepare("SELECT kanal, efter, hash FROM audit_logg WHERE tabell = 'import_korning' AND rad_id = ? ORDER BY id DESC LIMIT 1").get(String(id)) as { kanal: string; efter: string; hash: string };
      expect(latest.kanal, `import ${id}`).toBe('gallring:execute');
      expect(latest.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(latest.efter).andringar_sha256, `import ${id}`).toBe(importDigest(db, id));
    }
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(databasePath(dataDir)).includes(Buffer.from('Zyxqvist'))).toBe(false);
    backend.close();
    expect(checkDatabase(databasePath(dataDir))).toMatchObject({ sound: true, audit: { ok: true } });

    // The check still covers what is left: the other pupil's imported grade changed behind Varvet's back is found.
    const raw = new BetterSqlite3(databasePath(dataDir));
    raw.prepare("UPDATE import_andring SET efter = json_set(efter, '$.niva', 'A') WHERE elev_id = ? AND tabell = 'resultat' AND import_id = ?").run(stayer.id, second.importId);
    raw.close();
    expect(checkDatabase(databasePath(dataDir))).toMatchObject({ sound: false, audit: { ok: false, firstBroken: { reason: expect.stringContaining(`import ${second.importId}`) } } });
  }, 120_000);
});
