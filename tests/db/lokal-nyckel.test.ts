// The renderer's draft key (lokal:nyckel, migrations/0008): 32 random bytes made once and kept in the database, the
// same after a restart, never copied into the audit log, and renewed when the database gets a new key.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { tempDir } from '../support/tmp';

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

describe('lokal:nyckel', () => {
  it('is made once, survives a restart, stays out of the audit log and is renewed with the database key', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: SCRYPT });
    await ok(backend, 'skola:create', { namn: 'Nyckelskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    const first = (await ok<{ nyckel: string }>(backend, 'lokal:nyckel')).nyckel;
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect((await ok<{ nyckel: string }>(backend, 'lokal:nyckel')).nyckel).toBe(first);
    backend.close();

    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: SCRYPT });
    expect((await ok<{ nyckel: string }>(backend, 'lokal:nyckel')).nyckel).toBe(first);
    const hex = Buffer.from(first, 'base64').toString('hex');
    const logged = backend.context.db.prepare("SELECT count(*) FROM audit_logg WHERE tabell = 'lokal_nyckel' OR instr(coalesce(efter, ''), ?) > 0 OR instr(coalesce(efter, ''), ?) > 0").pluck().get(first, hex);
    expect(logged).toBe(0);

    await ok(backend, 'lock:setup', { losenord: 'ett långt lösenord för nycklar' });
    const afterSetup = (await ok<{ nyckel: string }>(backend, 'lokal:nyckel')).nyckel;
    expect(afterSetup).not.toBe(first);
    await ok(backend, 'lock:rekey', { losenord: 'ett långt lösenord för nycklar' });
    const afterRekey = (await ok<{ nyckel: string }>(backend, 'lokal:nyckel')).nyckel;
    expect(afterRekey).not.toBe(afterSetup);
    backend.close();
  });
});
