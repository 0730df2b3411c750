// The lock state of one backend: unencrypted ('oskyddad'), locked ('last', no connection and no key in memory) or
// unlocked ('upplast', the keyring in memory). The backend supplies how to open and close its database session.
import type { LockStatus } from '../../../shared/channels/lock';
import { AppError } from '../../../shared/errors';
import type { DbKey } from '../db/driver';
import { backupDir, databasePath } from '../paths';
import { encryptLeftovers, ensureBackupsKey, ensureKey } from './files';
import {
  createKeyFile,
  openKeyring,
  readKeyFile,
  sealKeyring,
  withNewPassphrase,
  wkFromKeychain,
  wkFromPassphrase,
  wkFromRecovery,
  writeKeyFile,
  type KeyFile,
  type Keychain,
} from './keyFile';
import type { ScryptParams } from './wrap';
import crypto from 'node:crypto';

export interface SessionHooks {
  /** Opens the database with the keyring (current key first), or unencrypted with an empty one. */
  open(keys: readonly DbKey[]): Promise<void>;
  close(): void;
}

export const LOCKED_MESSAGE = 'Varvet är låst. Lås upp med ditt lösenord för att fortsätta.';
const WRONG = 'Lösenordet stämmer inte. Försök igen, eller använd återställningsnyckeln.';

export class LockController {
  private keyFile: KeyFile | null;
  private wk: Buffer | null = null;
  private keys: DbKey[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly hooks: SessionHooks,
    private readonly keychain?: Keychain,
    private readonly scryptParams?: ScryptParams,
    private readonly nativeBinding?: string,
  ) {
    this.keyFile = readKeyFile(dataDir);
  }

  get locked(): boolean {
    return this.keyFile !== null && this.wk === null;
  }

  /** The keyring for backups and restores (empty when unencrypted or locked). */
  keyring(): readonly DbKey[] {
    return this.keys;
  }

  status(): LockStatus {
    const state = this.keyFile === null ? 'oskyddad' : this.wk === null ? 'last' : 'upplast';
    return { state, nyckelring: this.keyFile?.nyckelring != null && this.keychain?.isAvailable() === true, nyckelringFinns: this.keychain?.isAvailable() === true };
  }

  async setup(passphrase: string): Promise<{ status: LockStatus; aterstallningsnyckel: string }> {
    if (this.keyFile) throw new AppError('conflict', 'Varvet är redan skyddat med lösenord. Byt lösenordet i stället.');
    const created = await createKeyFile(passphrase, this.keychain, this.scryptParams);
    this.hooks.close();
    // The key file first: a crash before the rekey leaves a plaintext file that the next unlock encrypts.
    writeKeyFile(this.dataDir, created.keyFile);
    this.keyFile = created.keyFile;
    try {
      ensureKey(databasePath(this.dataDir), [null], created.dbKey, this.nativeBinding);
      ensureBackupsKey(backupDir(this.dataDir), [null], created.dbKey, this.nativeBinding);
      // Issue 16, item 5: files moved aside, unreadable backups and stray files are encrypted or securely removed.
      encryptLeftovers(this.dataDir, created.dbKey, [null], this.nativeBinding);
    } finally {
      this.remember(created.wk, [created.dbKey]);
      await this.hooks.open(this.keys);
    }
    return { status: this.status(), aterstallningsnyckel: created.recoveryText };
  }

  async unlock(how: { losenord?: string | undefined; aterstallningsnyckel?: string | undefined; nyckelring?: true | undefined }): Promise<LockStatus> {
    const keyFile = this.keyFile;
    if (!keyFile) throw new AppError('conflict', 'Varvet är inte skyddat med lösenord, så det finns inget att låsa upp.');
    let wk: Buffer | null = null;
    if (how.losenord !== undefined) wk = await wkFromPassphrase(keyFile, how.losenord);
    else if (how.aterstallningsnyckel !== undefined) wk = wkFromRecovery(keyFile, how.aterstallningsnyckel);
    else wk = wkFromKeychain(keyFile, this.keychain);
    if (!wk) {
      if (how.aterstallningsnyckel !== undefined) throw new AppError('unauthorized', 'Återställningsnyckeln stämmer inte. Kontrollera tecknen och försök igen.');
      if (how.nyckelring) throw new AppError('unauthorized', 'Datorns nyckelring kunde inte låsa upp Varvet. Använd lösenordet.');
      throw new AppError('unauthorized', WRONG);
    }
    // Already open (e.g. the page locked but the lock call never arrived): the secret was still checked above.
    if (!this.locked) return this.status();
    const keys = openKeyring(keyFile, wk);
    // Finishes a set-up or rekey that a crash interrupted: the file opens with an older key (or none).
    try {
      ensureKey(databasePath(this.dataDir), [...keys.slice(1), null], keys[0] as DbKey, this.nativeBinding);
    } catch {
      // A damaged database (issue 16, item 3): opening it below reports the damage and offers the backups.
    }
    await this.hooks.open(keys);
    this.remember(wk, keys);
    return this.status();
  }

  lock(): LockStatus {
    if (!this.keyFile) throw new AppError('conflict', 'Varvet kan inte låsas förrän elevuppgifterna är skyddade med ett lösenord.');
    this.hooks.close();
    this.forget();
    return this.status();
  }

  async changePassphrase(nuvarande: string, nytt: string): Promise<LockStatus> {
    const { keyFile, wk } = this.unlockedState();
    const proved = (await wkFromPassphrase(keyFile, nuvarande)) ?? wkFromRecovery(keyFile, nuvarande);
    if (!proved || !proved.equals(wk)) throw new AppError('unauthorized', 'Det nuvarande lösenordet stämmer inte. Ingenting har ändrats.');
    this.keyFile = await withNewPassphrase(keyFile, wk, nytt, this.scryptParams);
    writeKeyFile(this.dataDir, this.keyFile);
    return this.status();
  }

  /** A new database key; earlier keys stay in the keyring so a backup that a crash left with one still opens. */
  async rekey(losenord: string): Promise<LockStatus> {
    const { keyFile, wk } = this.unlockedState();
    const proved = await wkFromPassphrase(keyFile, losenord);
    if (!proved || !proved.equals(wk)) throw new AppError('unauthorized', 'Lösenordet stämmer inte. Databasen har inte fått någon ny nyckel.');
    const next = crypto.randomBytes(32);
    const keys = [next, ...this.keys];
    this.keyFile = { ...keyFile, nycklar: sealKeyring(wk, keys) };
    writeKeyFile(this.dataDir, this.keyFile);
    this.hooks.close();
    try {
      ensureKey(databasePath(this.dataDir), this.keys, next, this.nativeBinding);
      ensureBackupsKey(backupDir(this.dataDir), [...this.keys, null], next, this.nativeBinding);
    } finally {
      this.keys = keys;
      await this.hooks.open(keys);
    }
    return this.status();
  }

  private unlockedState(): { keyFile: KeyFile; wk: Buffer } {
    if (!this.keyFile) throw new AppError('conflict', 'Varvet är inte skyddat med lösenord ännu.');
    if (!this.wk) throw new AppError('locked', LOCKED_MESSAGE);
    return { keyFile: this.keyFile, wk: this.wk };
  }

  private remember(wk: Buffer, keys: DbKey[]): void {
    this.wk = wk;
    this.keys = keys;
  }

  /** Overwrites the key bytes; the JS engine may still hold copies, but no reference to them remains here. */
  private forget(): void {
    this.wk?.fill(0);
    for (const key of this.keys) key.fill(0);
    this.wk = null;
    this.keys = [];
  }
}
