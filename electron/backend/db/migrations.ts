// Migrations are numbered SQL files (NNNN_name.sql) applied in order; each runs in one transaction that also
// sets user_version, so a failure leaves the database exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { appRoot } from '../appRoot';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function defaultMigrationsDir(): string {
  return path.join(appRoot(), 'migrations');
}

/** Reads and checks the migration files: numbered 1, 2, 3… without gaps or duplicates. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${file}`);
    return { version: Number(match[1]), name: match[2] ?? file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3… without gaps: found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current user_version, each in its own transaction. Returns those applied. */
export function applyMigrations(db: Database, migrations: readonly Migration[]): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version lives in the database header, so it commits or rolls back with the migration.
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
