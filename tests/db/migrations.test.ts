import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { applyMigrations, loadMigrations, type Migration } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open';
import { tempDir } from '../support/tmp';

const all = loadMigrations();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the database', () => {
  const dir = tempDir();

  it('creates a new database with WAL, synchronous=FULL, foreign keys and the latest schema', async () => {
    const { db, schemaVersion, appliedMigrations, preMigrationBackup } = await openDatabase({
      file: path.join(dir, 'new.sqlite'),
      backupDir: path.join(dir, 'backups'),
    });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion).toBe(all.length);
    expect(appliedMigrations).toEqual(all.map((m) => m.version));
    expect(preMigrationBackup).toBeNull(); // nothing to back up in a new file
    db.close();
  });

  it('refuses a database written by a newer Varvet, in Swedish, and writes nothing to it', async () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE framtid (x)');
    raw.pragma('user_version = 999');
    raw.close();
    const before = sha(file);
    const attempt = openDatabase({ file, backupDir: path.join(dir, 'b2') });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'database_newer', message: expect.stringMatching(/nyare version av Varvet/) });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'b2'))).toBe(false);
  });

  it('refuses a garbage file with a Swedish message', async () => {
    const file = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = sha(file);
    await expect(openDatabase({ file, backupDir: path.join(dir, 'b3') })).rejects.toMatchObject({
      code: 'database_corrupt',
      message: expect.stringMatching(/skadad/),
    });
    expect(sha(file)).toBe(before);
  });
});

describe('migrations', () => {
  const dir = tempDir();

  it('0001 → 0002 keeps realistic rows intact and takes an online backup first', async () => {
    const file = path.join(dir, 'v1.sqlite');
    const first = await openDatabase({ file, backupDir: path.join(dir, 'backups'), migrations: all.slice(0, 1) });
    first.db.exec(`
      INSERT INTO skola (id, namn, skapad) VALUES (1, 'Ängsskolan', '2026-08-01T08:00:00Z');
      INSERT INTO lasar (id, namn, startdatum, slutdatum) VALUES (1, '2026/27', '2026-08-17', '2027-06-11');
      INSERT INTO varv (id, lasar_id, nummer, startdatum, slutdatum) VALUES (1, 1, 1, '2026-08-31', '2026-10-09');
      INSERT INTO personal (id, fornamn, efternamn) VALUES (1, 'Åsa', 'Öberg');
      INSERT INTO personal_roll VALUES (1, 'specialpedagog');
      INSERT INTO grupp (id, lasar_id, namn, arskurs) VALUES (1, 1, '7A', 7);
      INSERT INTO elev (id, fornamn, efternamn, arskurs, klass_id) VALUES (1, 'Örjan', 'Läckberg', 7, 1);
      INSERT INTO mote (id, lasar_id, varv_id, typ, datum) VALUES (1, 1, 1, 'eht', '2026-10-06');
      INSERT INTO insats (id, niva, elev_id, beskrivning, typ, startdatum, skapad)
        VALUES (1, 'individ', 1, 'Lästräning 20 min/dag', 'extra_anpassning', '2026-09-01', '2026-09-01T10:00:00Z');
      INSERT INTO effektbedomning (insats_id, mote_id, datum, bedomning, rekommendation, beslut, skapad)
        VALUES (1, 1, '2026-10-06', 'viss_effekt', 'intensifiera', 'intensifiera', '2026-10-06T10:00:00Z');
    `);
    const before = first.db.prepare('SELECT * FROM insats').all();
    first.db.close();

    const second = await openDatabase({ file, backupDir: path.join(dir, 'backups'), migrations: all.slice(0, 2) });
    expect(second.appliedMigrations).toEqual([2]);
    expect(second.db.prepare('SELECT * FROM insats').all()).toEqual(before);
    expect(second.db.prepare('SELECT fornamn FROM elev').pluck().get()).toBe('Örjan');
    expect(second.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'resultat'").pluck().get()).toBe(1);
    second.db.close();

    expect(second.preMigrationBackup).not.toBeNull();
    const backup = new BetterSqlite3(second.preMigrationBackup as string, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT * FROM insats').all()).toEqual(before);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });

  it('a migration that fails half-way leaves the database exactly as before', async () => {
    const file = path.join(dir, 'fail.sqlite');
    const { db } = await openDatabase({ file, backupDir: path.join(dir, 'b'), migrations: all });
    const schemaBefore = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    const broken: Migration = {
      version: all.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE halvvags (x); INSERT INTO skola (id, namn, skapad) VALUES (1, NULL, NULL);',
    };
    expect(() => applyMigrations(db, [...all, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(schemaBefore);
    db.close();
  });

  it('migration files are numbered without gaps', () => {
    const dir2 = tempDir();
    fs.writeFileSync(path.join(dir2, '0001_a.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir2, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir2)).toThrow(/without gaps/);
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });
});
