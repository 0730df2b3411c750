// A read-only health check of a database file: integrity, foreign keys, schema version and row counts.
// It never writes, so it is safe on a file that something else has open or that is damaged.
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openConnection, type DbKey } from './driver';
import { translateSqliteError } from './errors';
import { latestVersion, loadMigrations, schemaVersion } from './migrations';
import { newerSchemaMessage } from './open';
import { hasAudit } from '../audit/seal';
import { verifyAuditChain, type ChainReport } from '../audit/verify';

export interface CheckReport {
  file: string;
  sound: boolean;
  /** The one-line outcome: sound, no file there, written by a newer Varvet (not damaged), or not sound. */
  verdict: 'hel' | 'saknas' | 'nyare' | 'inte_hel';
  schemaVersion: number | null;
  expectedSchemaVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  tables: Record<string, number>;
  /** The audit log's hash chain (null below schema version 7). */
  audit: ChainReport | null;
  /** Anything here makes the database unsound. */
  problems: string[];
  /** Worth knowing, but not a fault (e.g. an upgrade pending on next start). */
  notes: string[];
}

function countTables(db: Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  // Table names come from sqlite_schema itself, quoted; nothing user-supplied reaches this SQL.
  for (const name of names) counts[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

export function checkDatabase(file: string, migrationsDir?: string, key?: DbKey | null): CheckReport {
  const expected = latestVersion(loadMigrations(migrationsDir));
  const report: CheckReport = {
    file,
    sound: false,
    verdict: 'inte_hel',
    schemaVersion: null,
    expectedSchemaVersion: expected,
    integrity: [],
    foreignKeyProblems: 0,
    tables: {},
    audit: null,
    problems: [],
    notes: [],
  };
  if (!fs.existsSync(file)) {
    report.problems.push(`Det finns ingen databas på ${file}.`);
    report.verdict = 'saknas';
    return report;
  }
  if (fs.statSync(file).size === 0) {
    // SQLite reads a zero-length file as an empty, sound database; for Varvet it holds no school (issue 16).
    report.problems.push(`Databasfilen ${file} är tom (0 byte) och innehåller ingen skola.`);
    report.verdict = 'saknas';
    return report;
  }
  let db: Database | null = null;
  try {
    db = openConnection(file, { readonly: true, fileMustExist: true }, key);
    report.schemaVersion = schemaVersion(db);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    report.integrity = rows.map((r) => r.integrity_check);
    if (report.integrity.join() !== 'ok') report.problems.push('Databasfilen är skadad (integritetskontrollen hittade fel). Återställ en säkerhetskopia.');
    report.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    if (report.foreignKeyProblems > 0) report.problems.push(`${report.foreignKeyProblems} rader pekar på poster som inte finns.`);
    if (report.schemaVersion > expected) report.problems.push(newerSchemaMessage(report.schemaVersion, expected));
    else if (report.schemaVersion < expected) {
      report.notes.push(`Databasen har schemaversion ${report.schemaVersion} och uppgraderas till ${expected} nästa gång Varvet öppnar den.`);
    }
    report.tables = countTables(db);
    if (hasAudit(db)) {
      report.audit = verifyAuditChain(db);
      const a = report.audit;
      if (!a.ok) report.problems.push(`Loggkedjan är bruten vid post ${a.firstBroken?.id ?? '?'}: ${a.firstBroken?.reason ?? 'okänt fel'}. Loggen kan ha ändrats utanför Varvet.`);
      else if (a.unsealed > 0) report.notes.push(`${a.unsealed} loggposter väntar på försegling; det sker nästa gång Varvet ändrar något.`);
    }
  } catch (error) {
    const known = translateSqliteError(error, file);
    report.problems.push(known ? known.message : `Databasen kunde inte läsas: ${file}.`);
  } finally {
    db?.close();
  }
  report.sound = report.problems.length === 0;
  if (report.sound) report.verdict = 'hel';
  else if (report.schemaVersion !== null && report.schemaVersion > expected && report.problems.length === 1) report.verdict = 'nyare';
  return report;
}
