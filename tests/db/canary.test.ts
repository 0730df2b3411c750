// The canary scan (issue 8, item 5): with encryption on, a distinctive string written as a pupil's name and an
// insats text appears in no file the app writes — database, WAL, backups (incl. before-import and restore copies),
// the key file — in UTF-8 or UTF-16LE. The same scan finds it in an export the user asks for, so it can find it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/channels/backup';
import type { ExportFil } from '../../shared/channels/plan';
import type { Elev } from '../../shared/model';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { listBackups } from '../../electron/backend/backup/index';
import { databasePath } from '../../electron/backend/paths';
import { tempDir } from '../support/tmp';

const CANARY = 'Kanariefågel Qz7vXw';
const INSATS_CANARY = 'Läsinsats-kanariefågel-Qz7vXw';
const NEEDLES = [CANARY, INSATS_CANARY, 'Qz7vXw'].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function hits(bytes: Buffer): boolean {
  return NEEDLES.some((needle) => bytes.includes(needle));
}

function scan(dir: string): { files: string[]; hitFiles: string[]; bytes: number } {
  const files = filesUnder(dir);
  const hitFiles = files.filter((f) => hits(fs.readFileSync(f)));
  return { files, hitFiles, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) };
}

describe('canary scan', () => {
  it('finds the canary in no file the app writes, and in the export the user asked for', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: { N: 2 ** 14, r: 8, p: 1 } });
    await ok(backend, 'skola:create', { namn: 'Kanarieskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    await ok(backend, 'lock:setup', { losenord: 'kanariefågelns lösenord' });

    const elev = await ok<Elev>(backend, 'elev:create', { fornamn: CANARY, efternamn: 'Testsson', arskurs: 4 });
    await ok(backend, 'insats:create', {
      niva: 'individ', elevId: elev.id, beskrivning: INSATS_CANARY, typ: 'extra_anpassning', forvantadEffekt: `Effekt för ${CANARY}`, startdatum: '2026-10-05',
    });
    await ok<BackupInfo>(backend, 'backup:create');
    // A failed import: the file carries the canary, the import is refused (a row whose årskurs is not a number).
    const csv = Buffer.from(`Elev-ID;Förnamn;Efternamn;Klass;Årskurs\nE1;${CANARY};Importsson;4A;tolv\n`, 'utf8');
    const args = { kind: 'elever', fileName: 'elever.csv', contentBase64: csv.toString('base64'), sheet: null };
    const preview = await ok<{ proposedMapping: Record<string, string> }>(backend, 'import:preview', args);
    const run = await backend.dispatch('import:run', { ...args, mapping: preview.proposedMapping });
    expect(run.ok ? (run.value as { refused: unknown }).refused : 'refused', JSON.stringify(run).slice(0, 400)).toBeTruthy();
    // Checkpointed data in the main file, and more left in the WAL.
    backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
    await ok(backend, 'elev:update', { id: elev.id, fornamn: `${CANARY} WAL`, efternamn: 'Testsson', arskurs: 4 });
    expect(fs.statSync(`${databasePath(dataDir)}-wal`).size).toBeGreaterThan(0);
    // A restore and its undo copy.
    const [newest] = listBackups(dataDir);
    await ok(backend, 'backup:restore', { file: newest?.file ?? '' });

    const result = scan(dataDir);
    expect(result.files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(listBackups(dataDir).length).toBeGreaterThanOrEqual(2);
    expect(result.hitFiles).toEqual([]);
    console.log(`Kanariesökning: ${result.files.length} filer, ${result.bytes} byte, 0 träffar (${listBackups(dataDir).length} säkerhetskopior).`);

    // The export the user asks for is plaintext on purpose; the scan finds the canary there.
    const utdrag = await ok<ExportFil>(backend, 'rapport:registerutdrag', { elevId: elev.id, format: 'json' });
    expect(hits(Buffer.from(utdrag.base64, 'base64'))).toBe(true);
    backend.close();
    // Control: the same scan on an unencrypted folder does find it.
    const plainDir = path.join(tempDir(), 'plain');
    const plain = await createBackend({ dataDir: plainDir, mode: 'browser', backupIntervalMs: null });
    await ok(plain, 'skola:create', { namn: 'Öppna skolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    await ok(plain, 'elev:create', { fornamn: CANARY, efternamn: 'Testsson', arskurs: 4 });
    plain.close();
    expect(scan(plainDir).hitFiles.length).toBeGreaterThan(0);
  });

  it('a canary written before encryption is in no file afterwards: moved-aside files, their WAL, stray files', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: { N: 2 ** 14, r: 8, p: 1 } });
    await ok(backend, 'skola:create', { namn: 'Förreskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    await ok<Elev>(backend, 'elev:create', { fornamn: CANARY, efternamn: 'Före', arskurs: 4 });
    await ok<BackupInfo>(backend, 'backup:create');
    // Files an earlier restore would have left (issue 16): a readable copy moved aside with its WAL, a damaged one,
    // a WAL whose database is gone, and a temporary file of an interrupted backup in the backups folder.
    backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
    const live = databasePath(dataDir);
    fs.copyFileSync(live, path.join(dataDir, 'skadad-20261001T080000000Z.sqlite'));
    fs.writeFileSync(path.join(dataDir, 'skadad-20261001T080000000Z.sqlite-wal'), Buffer.from(`WAL ${CANARY}`));
    fs.writeFileSync(path.join(dataDir, 'skadad-20261002T080000000Z.sqlite'), Buffer.concat([Buffer.from('trasig'), Buffer.from(CANARY, 'utf16le')]));
    fs.writeFileSync(path.join(dataDir, 'skadad-20261003T080000000Z.sqlite-wal'), Buffer.from(CANARY));
    fs.writeFileSync(path.join(dataDir, 'backups', '.varvet-x.sqlite.ab12.tmp'), Buffer.from(CANARY));
    expect(scan(dataDir).hitFiles.length).toBeGreaterThanOrEqual(5);

    await ok(backend, 'lock:setup', { losenord: 'kanariefågelns lösenord' });
    const result = scan(dataDir);
    expect(result.hitFiles).toEqual([]);
    // The readable copy moved aside is kept, encrypted (it may still be needed); the rest are gone.
    expect(fs.existsSync(path.join(dataDir, 'skadad-20261001T080000000Z.sqlite'))).toBe(true);
    console.log(`Kanariesökning efter att skyddet lagts upp: ${result.files.length} filer, ${result.bytes} byte, 0 träffar.`);
    backend.close();
  });
});
