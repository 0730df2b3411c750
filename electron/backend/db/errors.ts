// SQLite failures become Swedish sentences with a way out; the raw error goes to the log, never to the user.
import { AppError } from '../../../shared/errors';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as SqliteLikeError).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isSqliteError(error: unknown): boolean {
  return sqliteCode(error) !== null;
}

export function translateSqliteError(error: unknown, file?: string): AppError | null {
  const code = sqliteCode(error);
  if (!code) return null;
  const where = file ? ` (${file})` : '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError(
      'database_corrupt',
      `Databasfilen${where} är skadad eller är inte en Varvet-databas. Återställ en säkerhetskopia från mappen "backups" i datamappen.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('database_unavailable', 'Disken är full, så ändringen kunde inte sparas. Frigör utrymme och försök igen.', { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('database_unavailable', `Databasen${where} är skrivskyddad, så ändringen sparades inte. Kontrollera att datamappen inte är skrivskyddad, eller flytta den till en mapp där du får skriva, och starta om Varvet.`, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('database_unavailable', `Databasen${where} används av ett annat program. Stäng det andra programmet och försök igen.`, { cause: error });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new AppError('database_unavailable', `Databasen${where} kunde inte läsas eller skrivas. Kontrollera att datamappen finns och att disken fungerar.`, { cause: error });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('conflict', 'Ändringen stred mot det som redan finns sparat och gjordes inte.', { cause: error });
  }
  return null;
}
