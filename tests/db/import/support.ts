// Shared set-up for the import tests: a backend on a real file with a new school, the fixtures as the page sends
// them, and a dump of every table to prove that a refused import changed nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ImportKind } from '../../../shared/import/fields';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { ImportPreview, ImportResult } from '../../../shared/import/types';
import { LASAR } from '../../fixtures/import/school';
import { REPO_ROOT, tempDir } from '../../support/tmp';

export const NOW = new Date('2026-11-23T09:00:00Z');
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');

export async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

export async function newSchool(): Promise<Backend> {
  const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW, backupIntervalMs: null });
  await ok(backend, 'skola:create', { namn: 'Björkdalsskolan', lasar: LASAR });
  return backend;
}

export function fileArgs(kind: ImportKind, name: string, bytes?: Uint8Array) {
  const content = bytes ?? fs.readFileSync(path.join(FIXTURES, name));
  return { kind, fileName: name, contentBase64: Buffer.from(content).toString('base64') };
}

/** Preview, then run with the proposed mapping (plus overrides), as the page does. */
export async function importFixture(
  backend: Backend,
  kind: ImportKind,
  name: string,
  extra: { mapping?: ColumnMapping; onlyValidRows?: boolean; dryRun?: boolean; sheet?: string; matchChoices?: Record<string, number | null>; bytes?: Uint8Array } = {},
): Promise<ImportResult> {
  const args = { ...fileArgs(kind, name, extra.bytes), sheet: extra.sheet ?? null };
  const preview = await ok<ImportPreview>(backend, 'import:preview', args);
  return ok<ImportResult>(backend, 'import:run', {
    ...args, mapping: { ...preview.proposedMapping, ...extra.mapping }, onlyValidRows: extra.onlyValidRows ?? false,
    dryRun: extra.dryRun ?? false, matchChoices: extra.matchChoices ?? {},
  });
}

/** The register in place: staff, pupils, groups and teaching from the fixtures. */
export async function withRegister(backend: Backend): Promise<void> {
  for (const [kind, file] of [['personal', 'personal.csv'], ['elever', 'elever.csv'], ['grupper', 'grupper.csv'], ['undervisning', 'undervisning.xlsx']] as const) {
    const r = await importFixture(backend, kind, file);
    if (r.refused) throw new Error(`${file}: ${r.refused}`);
  }
}

/** A hash of every row of every table (optionally without the import's own history tables). */
export function dumpHash(db: Database, withHistory = true): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const hash = crypto.createHash('sha256');
  for (const t of tables) {
    // The audit log (issue 8) is history too: an import that changes no data still records its run there.
    if (!withHistory && (t.startsWith('import_') || t.startsWith('audit_'))) continue;
    // Names come from sqlite_master of our own database.
    const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    hash.update(`${t}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export function count(db: Database, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
