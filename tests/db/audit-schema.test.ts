// The audit log's coverage, checked against the schema and the contract themselves: every table has its three
// triggers (a later migration adding a table without them fails here), every channel returning a file is in the
// export list, and a removed entry breaks the chain.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { EXPORT_CHANNELS } from '../../electron/backend/audit/exports';
import { sealAudit } from '../../electron/backend/audit/seal';
import { AUDIT_EXEMPT } from '../../electron/backend/audit/triggers';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { applyMigrations, loadMigrations } from '../../electron/backend/db/migrations';
import { REPO_ROOT } from '../support/tmp';

// Written out here on purpose: adding an exemption takes a change to this test, with its reason.
const EXEMPT = ['audit_gallring_pagar', 'audit_logg', 'import_andring', 'lokal_nyckel', 'mote_handelse'];

function migrated() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations());
  return db;
}

describe('audit coverage', () => {
  it('every table of the schema has an insert, update and delete trigger writing audit_logg', () => {
    const db = migrated();
    expect(Object.keys(AUDIT_EXEMPT).sort()).toEqual(EXEMPT);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const triggers = db.prepare("SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { tbl_name: string; sql: string }[];
    const missing: string[] = [];
    for (const t of tables.filter((x) => !EXEMPT.includes(x))) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        const has = triggers.some((tr) => tr.tbl_name === t && new RegExp(`AFTER ${op} ON "?${t}"?`).test(tr.sql) && tr.sql.includes('INSERT INTO audit_logg'));
        if (!has) missing.push(`${t} ${op}`);
      }
    }
    expect(missing).toEqual([]);
    expect(tables.length - EXEMPT.length).toBeGreaterThanOrEqual(38);
    db.close();
  });

  it('every channel whose result is a file is in the export list', () => {
    const dir = path.join(REPO_ROOT, 'shared', 'channels');
    const fileChannels: string[] = [];
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      // A channel spec: its name, then (before the next channel) the result type.
      for (const m of src.matchAll(/'([a-z]+:[a-zA-Z]+)': \{[\s\S]*?result: returns<([\s\S]*?)>\(\)/g)) {
        if (/ExportFil|base64|filnamn/.test(m[2] ?? '')) fileChannels.push(m[1] as string);
      }
    }
    expect(fileChannels.length).toBeGreaterThanOrEqual(5);
    expect(fileChannels.sort()).toEqual(Object.keys(EXPORT_CHANNELS).sort());
  });

  it('finds an entry removed from the middle of the chain', () => {
    const db = migrated();
    db.prepare("INSERT INTO skola (id, namn, installningar, skapad) VALUES (1, 'A', '{}', '2026-01-01')").run();
    for (let i = 0; i < 5; i++) db.prepare("UPDATE skola SET namn = ? WHERE id = 1").run(`Skola ${i}`);
    sealAudit(db, { kanal: 'test', vem: 'test (cli)', tid: '2026-01-01T00:00:00.000Z' });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 6 });
    db.exec('DROP TRIGGER audit_logg_ingen_radering');
    db.prepare('DELETE FROM audit_logg WHERE id = 3').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 4, reason: expect.stringMatching(/länken till föregående post/) } });
    db.close();
  });
});
