// Import history, undo as a whole, and saved mappings.
// Undo rule (chosen deliberately): an import is undone only when every row it touched is still
// exactly as it left it. If a later import or an edit in Varvet changed one of them, undo is refused with a Swedish
// message; undo the later import first (imports can always be undone newest first).
// Audit: like the import, the undo writes with the per-row triggers of the import's tables silent (its changes are
// the exact reverse of the import's sealed log); its one audit entry is the import_korning row's angrad change.
import type { Database } from 'better-sqlite3';
import { deleteWithDependents, silenced } from '../audit/importAudit';
import { AppError } from '../../../shared/errors';
import type { ImportKind } from '../../../shared/import/fields';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { ImportHistoryEntry, SavedMapping } from '../../../shared/import/types';
import { isImportTable, StatementCache, whereKey, type ImportTable, type Row } from './changes';

interface KorningRad {
  id: number;
  typ: ImportKind;
  filnamn: string;
  blad: string | null;
  sha256: string;
  importerad: string;
  rader: number;
  tillagda: number;
  andrade: number;
  oforandrade: number;
  hoppade: number;
  bara_giltiga: number;
  angrad: string | null;
  andringar: number;
}

// The sheet of an Excel file is kept in the run's mappning JSON under "blad" (import_korning has no column for it).
const SELECT_KORNING = `SELECT k.*, json_extract(k.mappning, '$.blad') AS blad,
  (SELECT count(*) FROM import_andring a WHERE a.import_id = k.id) AS andringar FROM import_korning k`;

function toEntry(r: KorningRad): ImportHistoryEntry {
  return {
    id: r.id, typ: r.typ, filnamn: r.filnamn, blad: typeof r.blad === 'string' ? r.blad : null, sha256: r.sha256, importerad: r.importerad, rader: r.rader, tillagda: r.tillagda,
    andrade: r.andrade, oforandrade: r.oforandrade, hoppade: r.hoppade, baraGiltiga: r.bara_giltiga === 1, angrad: r.angrad,
    andringar: r.andringar,
  };
}

export function listHistory(db: Database): ImportHistoryEntry[] {
  return (db.prepare(`${SELECT_KORNING} ORDER BY k.id DESC`).all() as KorningRad[]).map(toEntry);
}

export function getHistoryEntry(db: Database, id: number): ImportHistoryEntry {
  const row = db.prepare(`${SELECT_KORNING} WHERE k.id = ?`).get(id) as KorningRad | undefined;
  if (!row) throw new AppError('not_found', 'Importen finns inte i historiken.');
  return toEntry(row);
}

interface AndringRad {
  tabell: string;
  nyckel: string;
  operation: 'insert' | 'update' | 'delete';
  fore: string | null;
  efter: string | null;
}

function sameAs(current: Row | undefined, expected: Row | null): boolean {
  if (!expected) return current === undefined;
  if (!current) return false;
  return Object.keys(expected).every((k) => current[k] === expected[k]);
}

function isForeignKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

export function undoImport(db: Database, id: number, now: string): ImportHistoryEntry {
  db.transaction(() => {
    const entry = getHistoryEntry(db, id);
    if (entry.angrad) throw new AppError('conflict', `Importen av ${entry.filnamn} är redan ångrad.`);
    const changes = db.prepare('SELECT tabell, nyckel, operation, fore, efter FROM import_andring WHERE import_id = ? ORDER BY id DESC').all(id) as AndringRad[];
    const sql = new StatementCache(db);
    let changedSince = 0;
    for (const c of changes) {
      if (!isImportTable(c.tabell)) throw new AppError('internal', 'Importhistoriken innehåller en okänd tabell.');
      const key = JSON.parse(c.nyckel) as Row;
      const current = sql.get(`SELECT * FROM ${c.tabell} WHERE ${whereKey(c.tabell)}`).get(...Object.values(key)) as Row | undefined;
      if (!sameAs(current, c.efter === null ? null : (JSON.parse(c.efter) as Row))) changedSince++;
    }
    if (changedSince > 0) {
      throw new AppError(
        'conflict',
        `Importen av ${entry.filnamn} kan inte ångras: ${changedSince} av raderna den ändrade har ändrats efteråt, av en senare import eller i Varvet. Ångra först de senare importerna.`,
      );
    }
    try {
      silenced(db, () => {
        for (const c of changes) restore(db, sql, c.tabell as ImportTable, c);
      });
    } catch (error) {
      if (!isForeignKeyError(error)) throw error;
      throw new AppError(
        'conflict',
        `Importen av ${entry.filnamn} kan inte ångras: något den lade till används nu av annat i Varvet (till exempel en insats för en importerad elev). Ingenting har ändrats.`,
        { cause: error },
      );
    }
    db.prepare('UPDATE import_korning SET angrad = ? WHERE id = ?').run(now, id);
  })();
  return getHistoryEntry(db, id);
}

function restore(db: Database, sql: StatementCache, table: ImportTable, c: AndringRad): void {
  const key = JSON.parse(c.nyckel) as Row;
  if (c.operation === 'insert') {
    // Rows added since, outside this import (members of an imported group), go with it and are audited row by row.
    const row = { ...(JSON.parse(c.efter ?? '{}') as Row), ...key };
    deleteWithDependents(db, table, row, () => sql.get(`DELETE FROM ${table} WHERE ${whereKey(table)}`).run(...Object.values(key)));
    return;
  }
  const fore = JSON.parse(c.fore ?? '{}') as Row;
  const cols = Object.keys(fore);
  if (c.operation === 'delete') {
    sql.get(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => fore[k] ?? null));
    return;
  }
  sql.get(`UPDATE ${table} SET ${cols.map((k) => `${k} = ?`).join(', ')} WHERE ${whereKey(table)}`).run(...cols.map((k) => fore[k] ?? null), ...Object.values(key));
}

interface MappningRad {
  id: number;
  kalla: string;
  typ: ImportKind;
  mappning: string;
  sparad: string;
}

function toMapping(r: MappningRad): SavedMapping {
  return { id: r.id, kalla: r.kalla, typ: r.typ, mappning: JSON.parse(r.mappning) as ColumnMapping, sparad: r.sparad };
}

export function listMappings(db: Database, kind: ImportKind | null): SavedMapping[] {
  const rows = kind
    ? (db.prepare('SELECT * FROM import_mappning WHERE typ = ? ORDER BY kalla').all(kind) as MappningRad[])
    : (db.prepare('SELECT * FROM import_mappning ORDER BY typ, kalla').all() as MappningRad[]);
  return rows.map(toMapping);
}

export function saveMapping(db: Database, kalla: string, kind: ImportKind, mapping: ColumnMapping, now: string): SavedMapping {
  db.prepare(
    `INSERT INTO import_mappning (kalla, typ, mappning, sparad) VALUES (?, ?, ?, ?)
     ON CONFLICT (kalla, typ) DO UPDATE SET mappning = excluded.mappning, sparad = excluded.sparad`,
  ).run(kalla, kind, JSON.stringify(mapping), now);
  return toMapping(db.prepare('SELECT * FROM import_mappning WHERE kalla = ? AND typ = ?').get(kalla, kind) as MappningRad);
}

/** A saved mapping by source name (the CLI's --mapping); null when there is none. */
export function findMapping(db: Database, kalla: string, kind: ImportKind): SavedMapping | null {
  const row = db.prepare('SELECT * FROM import_mappning WHERE kalla = ? AND typ = ?').get(kalla, kind) as MappningRad | undefined;
  return row ? toMapping(row) : null;
}
