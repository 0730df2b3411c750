// Channels of encryption at rest and the app lock (issue 8, items 5 and 9). While Varvet is locked only app:info
// and these channels answer; everything else is refused with code 'locked'.
import { z } from 'zod';
import { returns } from './define';

export const LOSENORD_MIN = 10;

/** 'oskyddad': not encrypted yet; 'last': encrypted and locked; 'upplast': encrypted and open. */
export type LockState = 'oskyddad' | 'last' | 'upplast';

export interface LockStatus {
  state: LockState;
  /** The key is also kept in the OS keychain, so the OS can unlock (Electron on Windows/macOS/real Linux keyrings). */
  nyckelring: boolean;
  /** The OS offers a real keychain here (decides whether set-up offers it). */
  nyckelringFinns: boolean;
}

export interface LockSettings {
  lasEfterMinuter: number;
}

export interface LockSetupResult {
  status: LockStatus;
  /** Shown once ("ABCD-EFGH-…", 8 groups); never stored by Varvet. */
  aterstallningsnyckel: string;
}

const losenord = z
  .string({ error: 'Lösenordet måste vara text.' })
  .min(LOSENORD_MIN, `Lösenordet måste ha minst ${LOSENORD_MIN} tecken.`)
  .max(500, 'Lösenordet får vara högst 500 tecken.');
const hemlighet = z.string({ error: 'Lösenordet måste vara text.' }).min(1, 'Skriv lösenordet.').max(500, 'Lösenordet får vara högst 500 tecken.');

export const lockChannels = {
  'lock:status': {
    summary: 'Whether the database is encrypted, locked, and whether the OS keychain can unlock it.',
    args: z.object({}).strict(),
    result: returns<LockStatus>(),
  },
  'lock:setup': {
    summary: 'Encrypts the database and its backups with a new key wrapped by the passphrase; returns the recovery key once.',
    args: z.object({ losenord }).strict(),
    result: returns<LockSetupResult>(),
  },
  'lock:unlock': {
    summary: 'Unlocks with the passphrase, the recovery key or the OS keychain (exactly one).',
    args: z
      .object({
        losenord: hemlighet.optional(),
        aterstallningsnyckel: z.string({ error: 'Återställningsnyckeln måste vara text.' }).min(1, 'Skriv återställningsnyckeln.').max(200, 'Återställningsnyckeln är för lång.').optional(),
        nyckelring: z.literal(true, { error: 'nyckelring kan bara vara true.' }).optional(),
      })
      .strict()
      .refine((a) => [a.losenord, a.aterstallningsnyckel, a.nyckelring].filter((x) => x !== undefined).length === 1, {
        message: 'Ange ett sätt att låsa upp: lösenord, återställningsnyckel eller datorns nyckelring.',
      }),
    result: returns<LockStatus>(),
  },
  'lock:lock': {
    summary: 'Locks now: closes the database and wipes the keys from memory.',
    args: z.object({}).strict(),
    result: returns<LockStatus>(),
  },
  'lock:changePassphrase': {
    summary: 'Changes the passphrase (proved by the current passphrase or the recovery key); the database key stays.',
    args: z.object({ nuvarande: hemlighet, nytt: losenord }).strict(),
    result: returns<LockStatus>(),
  },
  'lock:settings': {
    summary: "The app lock's idle time (the school setting lasEfterMinuter, default 10).",
    args: z.object({}).strict(),
    result: returns<LockSettings>(),
  },
  'lock:setSettings': {
    summary: 'Sets the idle time before the app locks (1–120 minutes).',
    args: z
      .object({
        lasEfterMinuter: z
          .number({ error: 'Minuterna måste vara ett tal.' })
          .int('Minuterna måste vara ett heltal.')
          .min(1, 'Varvet kan låsas tidigast efter 1 minut.')
          .max(120, 'Varvet måste låsas efter högst 120 minuter.'),
      })
      .strict(),
    result: returns<LockSettings>(),
  },
  'lock:rekey': {
    summary: 'Gives the database and its retained backups a new key (journal switched before the rekey).',
    args: z.object({ losenord: hemlighet }).strict(),
    result: returns<LockStatus>(),
  },
} as const;
