// Errors that cross the contract. Every message is a Swedish sentence a rektor can act on.

export const ERROR_CODES = [
  'invalid_argument', // the arguments did not match the channel's schema
  'unknown_channel',
  'not_found',
  'conflict', // the request contradicts what is stored (e.g. a school already exists)
  'rule_violation', // a domain rule refused it (e.g. a motivation is missing)
  'database_newer', // the database was written by a newer Varvet
  'database_corrupt',
  'database_unavailable',
  'unauthorized',
  'locked', // encrypted and locked: unlock first (lock:unlock)
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const INTERNAL_ERROR_MESSAGE =
  'Något gick fel i Varvet. Ingenting har sparats av den senaste åtgärden. Försök igen, och starta om programmet om felet kvarstår.';
