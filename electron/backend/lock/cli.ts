// The CLI on an encrypted data folder: the passphrase comes from the environment variable VARVET_LOSENORD (never
// from the command line, where other users could see it in the process list), or the command refuses in Swedish.
import { AppError } from '../../../shared/errors';
import type { DbKey } from '../db/driver';
import { openKeyring, readKeyFile, wkFromPassphrase } from './keyFile';

export const PASSPHRASE_ENV = 'VARVET_LOSENORD';

export function cliPassphrase(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (readKeyFile(dataDir) === null) return undefined;
  const value = env[PASSPHRASE_ENV];
  if (!value) {
    throw new AppError(
      'locked',
      `Databasen i ${dataDir} är krypterad. Ange lösenordet i miljövariabeln ${PASSPHRASE_ENV} (till exempel: ${PASSPHRASE_ENV}='ditt lösenord' varvet …). Skriv det aldrig som ett argument på kommandoraden.`,
    );
  }
  return value;
}

/** The keyring (current key first) for an encrypted folder, [] for an unencrypted one. */
export async function cliKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DbKey[]> {
  const passphrase = cliPassphrase(dataDir, env);
  const keyFile = readKeyFile(dataDir);
  if (passphrase === undefined || keyFile === null) return [];
  const wk = await wkFromPassphrase(keyFile, passphrase);
  if (!wk) throw new AppError('unauthorized', `Lösenordet i ${PASSPHRASE_ENV} stämmer inte för databasen i ${dataDir}.`);
  return openKeyring(keyFile, wk);
}
