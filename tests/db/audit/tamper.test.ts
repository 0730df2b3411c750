// The chain against someone who can write the file (issue 16, item 4): a forged chain (an entry edited and every
// hash after it recomputed) and a laundered one (the tail's seals removed so that the next write re-seals it under
// another name) are both found — by the head anchored outside the file (the side file, a backup's sidecar), and in
// an encrypted database by the chain's HMAC. A restore moves the anchor with it, so it raises no false alarm.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../shared/channels/backup';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { anchorPath, readAnchor } from '../../../electron/backend/audit/anchor';
import { chainHash, contentHash, GENESIS_HASH, type AuditRow } from '../../../electron/backend/audit/seal';
import { verifyAuditChain } from '../../../electron/backend/audit/verify';
import { checkDatabase } from '../../../electron/backend/db/check';
import { keyOf, openConnection, type Database, type DbKey } from '../../../electron/backend/db/driver';
import { backupDir, databasePath } from '../../../electron/backend/paths';
import { tempDir } from '../../support/tmp';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

async function value<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function school(dataDir: string): Promise<Backend> {
  const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
  await value(backend, 'skola:create', { namn: 'Kedjeskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
  for (const [fornamn, efternamn] of [['Kim', 'Ek'], ['Lo', 'Al'], ['Maj', 'Asp'], ['Nils', 'Björk']]) {
    await value(backend, 'elev:create', { fornamn, efternamn, arskurs: 4 });
  }
  return backend;
}

/** A second connection with the log's guard triggers dropped: what anyone with write access to the file can do. */
function tamper(file: string, key: DbKey | null, edit: (db: Database) => void): void {
  const db = openConnection(file, { fileMustExist: true }, key);
  try {
    db.transaction(() => {
      db.exec('DROP TRIGGER audit_logg_bara_tillagg; DROP TRIGGER audit_logg_ingen_radering;');
      edit(db);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Rewrites the whole chain with plain SHA-256, as the code in seal.ts did before the log had a key. */
function recomputeChain(db: Database): void {
  let forra = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_logg SET innehall_hash = ?, forra_hash = ?, hash = ? WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit_logg WHERE hash IS NOT NULL ORDER BY id').all() as AuditRow[]) {
    const innehall = row.gallrad === 1 ? (row.innehall_hash ?? '') : contentHash(row.fore, row.efter);
    const hash = chainHash(forra, row, innehall);
    update.run(row.innehall_hash === null ? null : innehall, row.forra_hash === null ? null : forra, hash, row.id);
    forra = hash;
  }
}

/** The entry of the pupil Maj edited to say Moa, with the chain recomputed after it. */
function forge(db: Database): number {
  const entry = db.prepare("SELECT id, efter FROM audit_logg WHERE tabell = 'elev' AND operation = 'I' AND json_extract(efter, '$.fornamn') = 'Maj'").get() as { id: number; efter: string };
  db.prepare('UPDATE audit_logg SET efter = ? WHERE id = ?').run(entry.efter.replace('"Maj"', '"Moa"'), entry.id);
  recomputeChain(db);
  return entry.id;
}

function check(dataDir: string, key: DbKey | null = null) {
  return checkDatabase(databasePath(dataDir), undefined, key);
}

describe('the audit chain against someone who can write the file', () => {
  it('a forged chain (an edit, every hash after it recomputed) is found by the anchor outside the file', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    const file = databasePath(dataDir);
    const db = backend.context.db;
    const head = db.prepare('SELECT id, hash FROM audit_logg WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    // The side file holds the head after every commit.
    expect(readAnchor(file)).toMatchObject({ kind: 'ok', head: { seq: head.id, hash: head.hash } });
    expect(fs.statSync(anchorPath(file) as string).mode & 0o777).toBe(0o600);
    backend.close();
    expect(check(dataDir).sound).toBe(true);

    let edited = 0;
    tamper(file, null, (t) => (edited = forge(t)));
    // The forgery is a good one: the chain in the file verifies on its own.
    const db2 = openConnection(file, { readonly: true, fileMustExist: true });
    expect(verifyAuditChain(db2, { anchor: false })).toMatchObject({ ok: true });
    expect(edited).toBeLessThan(head.id);
    db2.close();
    // The side file does not follow: `varvet check` reports it in Swedish.
    const report = check(dataDir);
    expect(report.sound).toBe(false);
    expect(report.problems.join(' ')).toMatch(new RegExp(`Loggkedjan är bruten vid post ${head.id}: .*kedjan har räknats om`));

    // And the app does not move the anchor on over the forgery: a new write keeps it reported.
    const again = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
    await value(again, 'elev:create', { fornamn: 'Ny', efternamn: 'Efteråt', arskurs: 5 });
    again.close();
    expect(readAnchor(file)).toMatchObject({ kind: 'ok', head: { seq: head.id, hash: head.hash } });
    expect(check(dataDir).sound).toBe(false);
  }, 60_000);

  it('a laundered tail (seals removed) is never re-sealed: who made each change stays, and check reports it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    const file = databasePath(dataDir);
    backend.close();
    const tail = (db: Database) => db.prepare('SELECT id, vem, kanal FROM audit_logg ORDER BY id DESC LIMIT 3').all() as { id: number; vem: string; kanal: string }[];
    const readTail = () => {
      const db = openConnection(file, { readonly: true, fileMustExist: true });
      try {
        return tail(db);
      } finally {
        db.close();
      }
    };
    const original = readTail();
    tamper(file, null, (t) => {
      t.prepare(`UPDATE audit_logg SET hash = NULL, forra_hash = NULL, innehall_hash = NULL, vem = 'någon annan', kanal = NULL WHERE id >= ?`).run((original.at(-1) as { id: number }).id);
    });
    const report = check(dataDir);
    expect(report.sound).toBe(false);
    expect(report.problems.join(' ')).toMatch(/förseglingen har tagits bort utanför Varvet/);

    // The next write through Varvet seals only its own entry; the laundered ones stay unsealed, not re-attributed.
    const again = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
    await value(again, 'elev:create', { fornamn: 'Ny', efternamn: 'Efteråt', arskurs: 5 });
    const db = again.context.db;
    const laundered = db.prepare('SELECT count(*) FROM audit_logg WHERE hash IS NULL AND id <= ?').pluck().get((original[0] as { id: number }).id);
    expect(laundered).toBe(3);
    expect(db.prepare("SELECT count(*) FROM audit_logg WHERE vem = 'någon annan' AND hash IS NOT NULL").pluck().get()).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/saknar försegling|förseglingen har tagits bort/) } });
    again.close();
    expect(check(dataDir).sound).toBe(false);
  }, 60_000);

  it('a cut tail (the newest entries removed with their rows) is found by the side file and by a backup sidecar', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    const info = await value<BackupInfo>(backend, 'backup:create');
    const file = databasePath(dataDir);
    const head = backend.context.db.prepare('SELECT max(id) FROM audit_logg').pluck().get() as number;
    expect(info.loggkedja).toMatchObject({ seq: head - 0 });
    backend.close();
    tamper(file, null, (t) => {
      t.prepare('DELETE FROM audit_logg WHERE id > ?').run(head - 2);
    });
    expect(check(dataDir).problems.join(' ')).toMatch(new RegExp(`vid post ${head}: loggen slutar före den post som Varvet senast förseglade`));
    // Without the side file, the backup's sidecar still names the head.
    fs.rmSync(anchorPath(file) as string);
    expect(check(dataDir).sound).toBe(true);
    const sidecar = JSON.parse(fs.readFileSync(path.join(backupDir(dataDir), info.file.replace(/\.sqlite$/, '.json')), 'utf8')) as BackupInfo;
    const db = openConnection(file, { readonly: true, fileMustExist: true });
    expect(verifyAuditChain(db, { expectedHead: sidecar.loggkedja ?? null })).toMatchObject({ ok: false, firstBroken: { id: head } });
    db.close();
  }, 60_000);

  it('a restore moves the anchor to the restored file, so the next check is sound', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    const older = await value<BackupInfo>(backend, 'backup:create');
    await value(backend, 'elev:create', { fornamn: 'Efter', efternamn: 'Kopian', arskurs: 6 });
    await value(backend, 'backup:restore', { file: older.file });
    await value(backend, 'elev:create', { fornamn: 'Efter', efternamn: 'Återställningen', arskurs: 6 });
    backend.close();
    const report = check(dataDir);
    expect(report.problems).toEqual([]);
    expect(report.sound).toBe(true);
  }, 60_000);

  it('in an encrypted database the chain is an HMAC: a SHA-256 forgery fails even without the side file', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    await value(backend, 'lock:setup', { losenord: 'korrekt häst batteri' });
    await value(backend, 'elev:create', { fornamn: 'Maj', efternamn: 'Krypterad', arskurs: 5 });
    // A rekey keeps the chain verifiable: the log's key is kept inside the encrypted file.
    await value(backend, 'lock:rekey', { losenord: 'korrekt häst batteri' });
    await value(backend, 'elev:create', { fornamn: 'Efter', efternamn: 'Nyckelbytet', arskurs: 5 });
    expect(verifyAuditChain(backend.context.db)).toMatchObject({ ok: true, unsealed: 0 });
    const key = Buffer.from(keyOf(backend.context.db) as Buffer);
    const fran = backend.context.db.prepare('SELECT fran_id FROM audit_nyckel').pluck().get() as number;
    expect(fran).toBeGreaterThan(1);
    backend.close();
    const file = databasePath(dataDir);
    expect(check(dataDir, key).sound).toBe(true);
    fs.rmSync(anchorPath(file) as string);
    tamper(file, key, (t) => {
      const id = t.prepare("SELECT id FROM audit_logg WHERE tabell = 'elev' AND json_extract(efter, '$.efternamn') = 'Krypterad'").pluck().get() as number;
      t.prepare("UPDATE audit_logg SET efter = replace(efter, 'Maj', 'Moa') WHERE id = ?").run(id);
      recomputeChain(t);
    });
    const report = check(dataDir, key);
    expect(report.sound).toBe(false);
    expect(report.problems.join(' ')).toMatch(/räknats om utan loggens nyckel/);
  }, 60_000);
});
