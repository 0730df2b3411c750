// Migration 13 (issue 20 and 16.4): an existing audit log loses its two derivable hashes per entry and keeps every
// guarantee — the chain sealed before still verifies, a redacted entry keeps its content hash, nothing else in the
// log changes, an edit of an old entry is still found, new entries are sealed without the two hashes into the same
// chain, gallring still redacts, and the file (after the one VACUUM open.ts runs) is smaller.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, sealAudit } from '../../electron/backend/audit/seal';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { DatabaseConstructor as BetterSqlite3, type Database } from '../../electron/backend/db/driver';
import { applyMigrations, loadMigrations, schemaVersion } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open';
import { tempDir } from '../support/tmp';

const all = loadMigrations();
const SEAL = { kanal: 'elev:update', vem: 'rektor (electron)', tid: '2026-10-01T08:00:00.000Z' };

/** A school at version 12 with a sealed log of `n` pupils and updates, one entry redacted by gallring's door. */
function vorige(db: Database, n: number): void {
  db.pragma('foreign_keys = ON');
  applyMigrations(db, all.filter((m) => m.version <= 12));
  db.prepare("INSERT INTO skola (id, namn, installningar, skapad) VALUES (1, 'Gamla skolan', '{}', '2026-01-01')").run();
  const insert = db.prepare("INSERT INTO elev (fornamn, efternamn, arskurs) VALUES (?, ?, 4)");
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`Elev${i}`, `Efternamn${i}`);
    db.prepare("UPDATE elev SET arskurs = 5 WHERE id % 3 = 0").run();
  })();
  sealAudit(db, SEAL);
  db.prepare('INSERT INTO audit_gallring_pagar (id) VALUES (1)').run();
  db.prepare(`UPDATE audit_logg SET gallrad = 1, efter = '${REDACTED}' WHERE id = 3`).run();
  db.prepare('DELETE FROM audit_gallring_pagar').run();
}

const rest = (db: Database) =>
  db.prepare('SELECT id, tid, vem, kanal, tabell, rad_id, elev_id, operation, fore, efter, gallrad, hash FROM audit_logg ORDER BY id').raw().all();

describe('migration 13 (audit_kompakt)', () => {
  it('drops the derivable hashes of an existing log and keeps the chain, the redaction and every other column', () => {
    const db = new BetterSqlite3(':memory:');
    vorige(db, 200);
    expect(db.prepare('SELECT count(*) FROM audit_logg WHERE innehall_hash IS NULL OR forra_hash IS NULL').pluck().get()).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    const before = rest(db);
    const redacted = db.prepare('SELECT innehall_hash FROM audit_logg WHERE id = 3').pluck().get();

    applyMigrations(db, all.filter((m) => m.version <= 13));
    expect(schemaVersion(db)).toBe(13);
    expect(rest(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM audit_logg WHERE forra_hash IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM audit_logg WHERE innehall_hash IS NOT NULL').pluck().get()).toBe(1);
    expect(db.prepare('SELECT innehall_hash FROM audit_logg WHERE id = 3').pluck().get()).toBe(redacted);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: before.length, unsealed: 0 });

    // New entries continue the same chain, without the two hashes.
    db.prepare("UPDATE elev SET fornamn = 'Ny' WHERE id = 1").run();
    expect(sealAudit(db, SEAL)).toBe(1);
    expect(db.prepare('SELECT innehall_hash, forra_hash FROM audit_logg ORDER BY id DESC LIMIT 1').get()).toEqual({ innehall_hash: null, forra_hash: null });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: before.length + 1 });

    // The guard is still there, and an old entry edited behind it is still found.
    expect(() => db.prepare("UPDATE audit_logg SET efter = '{}' WHERE id = 10").run()).toThrow(/kan bara läggas till/);
    expect(() => db.prepare("UPDATE audit_logg SET innehall_hash = 'x' WHERE id = 10").run()).toThrow(/kan bara läggas till/);
    db.exec('DROP TRIGGER audit_logg_bara_tillagg');
    db.prepare("UPDATE audit_logg SET efter = json_set(efter, '$.fornamn', 'Annan') WHERE id = 10").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 10, reason: expect.stringMatching(/innehållet \(före\/efter\)/) } });
    db.close();
  });

  it('an existing file is smaller after the upgrade (open.ts vacuums once), and its chain verifies', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'varvet.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    vorige(db, 3000);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const sizeBefore = fs.statSync(file).size;
    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    expect(opened.appliedMigrations).toEqual([13]);
    expect(verifyAuditChain(opened.db)).toMatchObject({ ok: true, unsealed: 0 });
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();
    const sizeAfter = fs.statSync(file).size;
    // 3 000 inserts and 1 000 updates: 128 bytes of hex fewer per entry.
    expect(sizeAfter).toBeLessThan(sizeBefore - 4000 * 100);
  }, 60_000);
});
