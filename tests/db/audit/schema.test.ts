// The audit log's coverage, checked against the schema and the contract themselves: every table has its three
// triggers (a later migration adding a table without them fails here) exactly as the generator writes them today,
// only the import's tables fall silent under its flag, every channel returning a file is in the export list, and a
// removed entry breaks the chain.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { EXPORT_CHANNELS } from '../../../electron/backend/audit/exports';
import { sealAudit } from '../../../electron/backend/audit/seal';
import { AUDIT_EXEMPT, IMPORT_SILENCED, auditTriggerSql, auditedTables } from '../../../electron/backend/audit/triggers';
import { TABLE_KEYS } from '../../../electron/backend/import/changes';
import { verifyAuditChain } from '../../../electron/backend/audit/verify';
import { applyMigrations, loadMigrations } from '../../../electron/backend/db/migrations';
import { REPO_ROOT } from '../../support/tmp';

// Written out here on purpose: adding an exemption takes a change to this test, with its reason.
const EXEMPT = ['audit_gallring_pagar', 'audit_import_pagar', 'audit_logg', 'audit_nyckel', 'import_andring', 'lokal_nyckel', 'mote_handelse', 'skolnyckel'];

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

  it('every trigger in the schema is exactly what the generator writes (so a later migration stays consistent)', () => {
    const db = migrated();
    const stored = (name: string) => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
    const differ: string[] = [];
    for (const t of auditedTables(db)) {
      const inSchema = ['i', 'u', 'd'].map((op) => `${stored(`audit_${t}_${op}`) ?? '(saknas)'};`).join('\n');
      if (inSchema !== auditTriggerSql(db, t)) differ.push(t);
    }
    expect(differ).toEqual([]);
    db.close();
  });

  it("the import's flag silences exactly the tables an import writes, and only while it holds its row", () => {
    const db = migrated();
    expect([...IMPORT_SILENCED].sort()).toEqual(Object.keys(TABLE_KEYS).sort());
    const triggers = db.prepare("SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'").all() as { tbl_name: string; sql: string }[];
    const silent = [...new Set(triggers.filter((t) => t.sql.includes('audit_import_pagar')).map((t) => t.tbl_name))].sort();
    expect(silent).toEqual([...IMPORT_SILENCED].sort());
    for (const t of triggers.filter((x) => silent.includes(x.tbl_name))) expect(t.sql).toMatch(/ WHEN (\()?NOT EXISTS \(SELECT 1 FROM audit_import_pagar\)/);

    const entries = () => db.prepare('SELECT count(*) FROM audit_logg').pluck().get() as number;
    db.prepare("INSERT INTO amne (kod, namn, sprak) VALUES ('MA', 'Matematik', '')").run();
    expect(entries()).toBe(1);
    db.transaction(() => {
      db.prepare('INSERT INTO audit_import_pagar (id) VALUES (1)').run();
      db.prepare("UPDATE amne SET namn = 'Matte' WHERE kod = 'MA'").run();
      db.prepare("INSERT INTO amne (kod, namn, sprak) VALUES ('SV', 'Svenska', '')").run();
      // A table the import does not write is audited even then.
      db.prepare("INSERT INTO skola (id, namn, installningar, skapad) VALUES (1, 'A', '{}', '2026-01-01')").run();
      db.prepare('DELETE FROM audit_import_pagar').run();
    })();
    expect(db.prepare('SELECT tabell FROM audit_logg ORDER BY id').pluck().all()).toEqual(['amne', 'skola']);
    db.prepare("UPDATE amne SET namn = 'Matematik' WHERE kod = 'MA'").run();
    expect(db.prepare('SELECT operation, tabell FROM audit_logg ORDER BY id DESC LIMIT 1').get()).toEqual({ operation: 'U', tabell: 'amne' });
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
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 4, reason: expect.stringMatching(/en post före den har tagits bort/) } });
    db.close();
  });
});
