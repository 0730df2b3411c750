// <data>/nyckel.json: the database keys, never in the clear. A random wrapping key (WK) is sealed three ways — by the
// passphrase (scrypt), by the recovery key (HKDF) and, where the OS has a real keychain, by Electron's safeStorage —
// and the keyring (the current database key first, then earlier ones after a rekey) is sealed by WK. Changing the
// passphrase reseals WK only; a rekey reseals the keyring only, so the recovery key keeps working.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { newRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { open, passphraseKey, recoveryKek, seal, SCRYPT_PARAMS, type ScryptParams, type Sealed } from './wrap';

export const KEY_FILE = 'nyckel.json';

/** What main.ts passes in from Electron's safeStorage; absent in browser mode and the CLI. */
export interface Keychain {
  /** True only for a real OS keychain (not Linux's 'basic_text' fallback). */
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(data: Buffer): Buffer;
}

export interface KeyFile {
  version: 1;
  /** The SQLite3MultipleCiphers scheme of the database and its backups. */
  cipher: 'sqlcipher-v4-raw';
  losenord: { kdf: 'scrypt'; salt: string } & ScryptParams & { wk: Sealed };
  aterstallning: { kdf: 'hkdf-sha256'; salt: string; wk: Sealed };
  nyckelring: { wk: string } | null;
  nycklar: Sealed;
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

export function readKeyFile(dataDir: string): KeyFile | null {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (parsed.version !== 1 || !parsed.losenord || !parsed.aterstallning || !parsed.nycklar) {
    throw new Error('nyckel.json har ett okänt format.');
  }
  return parsed;
}

/** Written to a temporary name, fsynced and renamed: a crash leaves the old file or the new, never half of one. */
export function writeKeyFile(dataDir: string, keyFile: KeyFile): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = keyFilePath(dataDir);
  const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(keyFile, null, 2)}\n`, { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

async function passphraseWrap(wk: Buffer, passphrase: string, params: ScryptParams): Promise<KeyFile['losenord']> {
  const salt = crypto.randomBytes(16);
  const kek = await passphraseKey(passphrase, salt, params);
  return { kdf: 'scrypt', salt: salt.toString('base64'), ...params, wk: seal(kek, wk, 'losenord') };
}

function keychainWrap(wk: Buffer, keychain: Keychain | undefined): KeyFile['nyckelring'] {
  return keychain?.isAvailable() ? { wk: keychain.encrypt(wk).toString('base64') } : null;
}

export function sealKeyring(wk: Buffer, keys: readonly Buffer[]): Sealed {
  return seal(wk, Buffer.from(JSON.stringify(keys.map((k) => k.toString('hex')))), 'nycklar');
}

export function openKeyring(keyFile: KeyFile, wk: Buffer): Buffer[] {
  const plain = open(wk, keyFile.nycklar, 'nycklar');
  if (!plain) throw new Error('Nyckelringen i nyckel.json kunde inte läsas.');
  return (JSON.parse(plain.toString('utf8')) as string[]).map((hex) => Buffer.from(hex, 'hex'));
}

export interface NewKeys {
  keyFile: KeyFile;
  wk: Buffer;
  dbKey: Buffer;
  /** Shown once to the user, never stored. */
  recoveryText: string;
}

export async function createKeyFile(passphrase: string, keychain?: Keychain, params: ScryptParams = SCRYPT_PARAMS): Promise<NewKeys> {
  const wk = crypto.randomBytes(32);
  const dbKey = crypto.randomBytes(32);
  const recovery = newRecoveryKey();
  const recoverySalt = crypto.randomBytes(16);
  const keyFile: KeyFile = {
    version: 1,
    cipher: 'sqlcipher-v4-raw',
    losenord: await passphraseWrap(wk, passphrase, params),
    aterstallning: { kdf: 'hkdf-sha256', salt: recoverySalt.toString('base64'), wk: seal(recoveryKek(recovery.bytes, recoverySalt), wk, 'aterstallning') },
    nyckelring: keychainWrap(wk, keychain),
    nycklar: sealKeyring(wk, [dbKey]),
  };
  return { keyFile, wk, dbKey, recoveryText: recovery.text };
}

export async function wkFromPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer | null> {
  const w = keyFile.losenord;
  const kek = await passphraseKey(passphrase, Buffer.from(w.salt, 'base64'), { N: w.N, r: w.r, p: w.p });
  return open(kek, w.wk, 'losenord');
}

export function wkFromRecovery(keyFile: KeyFile, typed: string): Buffer | null {
  const bytes = parseRecoveryKey(typed);
  if (!bytes) return null;
  return open(recoveryKek(bytes, Buffer.from(keyFile.aterstallning.salt, 'base64')), keyFile.aterstallning.wk, 'aterstallning');
}

export function wkFromKeychain(keyFile: KeyFile, keychain: Keychain | undefined): Buffer | null {
  if (!keyFile.nyckelring || !keychain?.isAvailable()) return null;
  try {
    return keychain.decrypt(Buffer.from(keyFile.nyckelring.wk, 'base64'));
  } catch {
    return null;
  }
}

export async function withNewPassphrase(keyFile: KeyFile, wk: Buffer, passphrase: string, params: ScryptParams = SCRYPT_PARAMS): Promise<KeyFile> {
  return { ...keyFile, losenord: await passphraseWrap(wk, passphrase, params) };
}

/** A moved database is encrypted with the same key: its key file goes with it (before the copy, never after). */
export function copyKeyFile(fromDir: string, toDir: string): void {
  const keyFile = readKeyFile(fromDir);
  if (keyFile) writeKeyFile(toDir, keyFile);
}
