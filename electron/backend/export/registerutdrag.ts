// Registerutdrag (GDPR art. 15): everything stored about one pupil. Built by walking the schema, not a list of
// tables: from the pupil's row, every row whose foreign key points at a collected row is collected too (insatser
// → their effektbedömningar, resultat → resultat_kriterium, utredning → utredningsbeslut …). A table added later
// is therefore included without touching this file. Rows the pupil's rows merely point at (a subject, a meeting)
// are not about the pupil and are shown as labels, not copied.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { importRowsOfElev } from '../audit/importAudit';

export type Rad = Record<string, unknown>;

export interface ForeignKey {
  table: string;
  from: string[];
  toTable: string;
  to: string[];
}

export interface Registerutdrag {
  typ: 'registerutdrag';
  skapad: string;
  skola: string;
  elev: Rad;
  /** Every table holding rows about the pupil, with those rows (all columns), in walk order. */
  tabeller: { tabell: string; rader: Rad[] }[];
  /** Import history that names one of the collected rows (the change log has no foreign key). */
  importhistorik: Rad[];
  /** Audit log entries about the pupil's rows: when, by which function, and the content before and after. */
  logg: Rad[];
  /** The meeting's undo log entries that hold copies of the pupil's evaluations and decisions. */
  motehandelser: Rad[];
  /**
   * Every free-text passage elsewhere that names the pupil, by full name or protokoll code: a resultatdialog's
   * answer, an utvecklingsområde, an avstämning's notes, a meeting's notes, a reflection (issue 15, item 14).
   */
  fritext: Fritext[];
}

export interface Fritext {
  tabell: string;
  kolumn: string;
  radId: string;
  /** Where the text stands, in words: "Resultatdialog Ämneslag matematik, varv 2". */
  sammanhang: string;
  text: string;
}

/** Log tables are shown (summarised) on their own; the pupil's own rows are already in the utdrag. */
const INTE_FRITEXT = new Set(['elev', 'pseudonym', 'audit_logg', 'audit_gallring_pagar', 'audit_forsegling', 'import_andring', 'import_korning', 'mote_handelse']);

function textKolumner(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string; type: string }[])
    .filter((c) => /TEXT|CHAR|CLOB|^$/i.test(c.type) && !/(^|_)(datum|skapad|uppdaterad|tid|status|typ|nyckel|hash)$/.test(c.name))
    .map((c) => c.name);
}

function sammanhang(db: Database, table: string, rad: Rad): string {
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T | undefined;
  switch (table) {
    case 'resultatdialog':
      return `Resultatdialog ${String(rad.namn)}, varv ${String(one<{ n: number }>('SELECT nummer AS n FROM varv WHERE id = ?', rad.varv_id)?.n ?? '')}`;
    case 'resultatdialog_fraga': {
      const d = one<{ namn: string; n: number; fraga: string }>(
        `SELECT d.namn, v.nummer AS n, b.text AS fraga FROM resultatdialog d JOIN varv v ON v.id = d.varv_id
         JOIN fragebank b ON b.id = ? WHERE d.id = ?`,
        rad.fraga_id,
        rad.resultatdialog_id,
      );
      return d ? `Resultatdialog ${d.namn}, varv ${d.n}: svar på ”${d.fraga}”` : 'Resultatdialog';
    }
    case 'utvecklingsomrade':
      return `Utvecklingsområde ”${String(rad.titel)}”`;
    case 'utvecklingsomrade_status': {
      const t = one<{ titel: string }>('SELECT titel FROM utvecklingsomrade WHERE id = ?', rad.utvecklingsomrade_id);
      return `Utvecklingsområde ”${t?.titel ?? ''}”, kommentar ${String(rad.datum ?? '')}`;
    }
    case 'avstamning':
      return `Avstämning i skolledningen, varv ${String(one<{ n: number }>('SELECT nummer AS n FROM varv WHERE id = ?', rad.varv_id)?.n ?? '')}`;
    case 'arsavslut':
      return 'Årsavslutet';
    case 'mote':
      return `Anteckningar från mötet ${String(rad.datum)}`;
    case 'mote_anteckning': {
      const m = one<{ datum: string }>('SELECT datum FROM mote WHERE id = ?', rad.mote_id);
      return `Anteckning från mötet ${m?.datum ?? ''}`;
    }
    default:
      return table.charAt(0).toUpperCase() + table.slice(1).replace(/_/g, ' ');
  }
}

/** Free text outside the pupil's own rows that names the pupil (full name or protokoll code), case-insensitive. */
export function fritextOmElev(db: Database, elev: Rad, collected: Map<string, Rad[]>): Fritext[] {
  const namn = `${String(elev.fornamn)} ${String(elev.efternamn)}`;
  const tables = new Set(userTables(db));
  const kod = tables.has('pseudonym') ? (db.prepare('SELECT kod FROM pseudonym WHERE elev_id = ?').pluck().get(elev.id) as string | undefined) : undefined;
  const needles = [namn, ...(kod ? [kod] : [])].map((n) => n.toLocaleLowerCase('sv'));
  const out: Fritext[] = [];
  for (const table of tables) {
    if (INTE_FRITEXT.has(table) || table.startsWith('audit_') || table.startsWith('sqlite_')) continue;
    const kolumner = textKolumner(db, table);
    if (kolumner.length === 0) continue;
    const pk = primaryKey(db, table);
    const egna = new Set((collected.get(table) ?? []).map((r) => radId(db, table, r)));
    // LIKE narrows (ASCII case-insensitive); the exact, Swedish-aware match is made below.
    const where = kolumner.flatMap((c) => needles.map(() => `${quoteIdent(c)} LIKE ?`)).join(' OR ');
    const params = kolumner.flatMap(() => needles.map((n) => `%${n}%`));
    const select = pk[0] === 'rowid' ? 'rowid AS rowid, *' : '*';
    const rows = db.prepare(`SELECT ${select} FROM ${quoteIdent(table)} WHERE ${where}`).all(...params) as Rad[];
    for (const rad of rows) {
      const id = radId(db, table, rad);
      if (egna.has(id)) continue;
      for (const kolumn of kolumner) {
        const v = rad[kolumn];
        if (typeof v !== 'string') continue;
        const lower = v.toLocaleLowerCase('sv');
        if (!needles.some((n) => lower.includes(n))) continue;
        out.push({ tabell: table, kolumn, radId: id, sammanhang: sammanhang(db, table, rad), text: v });
      }
    }
  }
  return out;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function userTables(db: Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

export function primaryKey(db: Database, table: string): string[] {
  const cols = db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string; pk: number }[];
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  return pk.length > 0 ? pk : ['rowid'];
}

/** Every foreign key of the schema; a key without target columns points at the target's primary key. */
export function foreignKeys(db: Database): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const table of userTables(db)) {
    const rows = db.prepare(`PRAGMA foreign_key_list(${quoteIdent(table)})`).all() as { id: number; seq: number; table: string; from: string; to: string | null }[];
    const byId = new Map<number, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      const toTable = (parts[0] as (typeof rows)[number]).table;
      const to = parts.every((p) => p.to) ? parts.map((p) => p.to as string) : primaryKey(db, toTable);
      out.push({ table, from: parts.map((p) => p.from), toTable, to });
    }
  }
  return out;
}

/** The pupil's rows in every table, keyed by table; each row once. */
export function collectRows(db: Database, elevId: number): Map<string, Rad[]> {
  const fks = foreignKeys(db);
  const collected = new Map<string, Rad[]>();
  const seen = new Map<string, Set<string>>();
  const add = (table: string, rows: Rad[]): Rad[] => {
    const pk = primaryKey(db, table);
    const keys = seen.get(table) ?? new Set<string>();
    seen.set(table, keys);
    const fresh = rows.filter((r) => {
      const key = JSON.stringify(pk.map((c) => r[c]));
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    });
    if (fresh.length > 0) collected.set(table, [...(collected.get(table) ?? []), ...fresh]);
    return fresh;
  };
  const elev = db.prepare('SELECT * FROM elev WHERE id = ?').all(elevId) as Rad[];
  const queue: { table: string; rows: Rad[] }[] = [{ table: 'elev', rows: add('elev', elev) }];
  while (queue.length > 0) {
    const { table, rows } = queue.shift() as { table: string; rows: Rad[] };
    for (const fk of fks.filter((f) => f.toTable === table)) {
      // Child rows whose key columns equal a collected row's referenced columns; checked in batches via json_each.
      const values = rows.map((r) => fk.to.map((c) => r[c])).filter((v) => v.every((x) => x !== null && x !== undefined));
      if (values.length === 0) continue;
      const cond = fk.from.map((c, i) => `${quoteIdent(c)} = json_extract(j.value, '$[${i}]')`).join(' AND ');
      const select = primaryKey(db, fk.table)[0] === 'rowid' ? 'rowid AS rowid, *' : '*';
      const found: Rad[] = [];
      for (let i = 0; i < values.length; i += 500) {
        const batch = JSON.stringify(values.slice(i, i + 500));
        found.push(
          ...(db
            .prepare(`SELECT ${select} FROM ${quoteIdent(fk.table)} t WHERE EXISTS (SELECT 1 FROM json_each(?) j WHERE ${cond})`)
            .all(batch) as Rad[]),
        );
      }
      const fresh = add(fk.table, found);
      if (fresh.length > 0) queue.push({ table: fk.table, rows: fresh });
    }
  }
  return collected;
}

/** A row's key as the audit log writes it: the single primary key, or the key columns as a JSON array. */
export function radId(db: Database, table: string, row: Rad): string {
  const pk = primaryKey(db, table);
  return pk.length === 1 ? String(row[pk[0] as string]) : JSON.stringify(pk.map((c) => row[c]));
}

/**
 * The log rows outside the foreign-key tree that hold copies of a pupil's rows: the import log, the meeting's
 * undo log and the audit log. The registerutdrag shows them; gallring removes or redacts exactly these.
 */
export function elevKopior(db: Database, elevId: number, rader: Map<string, Rad[]>): { importAndring: number[]; moteHandelse: number[]; loggposter: number[] } {
  const tables = new Set(userTables(db));
  const nycklar = [...rader.entries()].flatMap(([t, rows]) => rows.map((r) => [t, radId(db, t, r)]));
  const pkJson = [...rader.entries()].flatMap(([t, rows]) => {
    const pk = primaryKey(db, t);
    return rows.map((r) => [t, JSON.stringify(Object.fromEntries(pk.map((c) => [c, r[c]])))]);
  });
  const insatsIds = (rader.get('insats') ?? []).map((r) => r.id);
  const importAndring = tables.has('import_andring')
    ? (db
        // Driven from the keys, so the (tabell, nyckel) index is used rather than a scan of the whole import log.
        .prepare("SELECT DISTINCT a.id FROM json_each(?) j JOIN import_andring a ON a.tabell = json_extract(j.value, '$[0]') AND a.nyckel = json_extract(j.value, '$[1]') ORDER BY a.id")
        .pluck()
        .all(JSON.stringify(pkJson)) as number[])
    : [];
  const moteHandelse = tables.has('mote_handelse')
    ? (db
        .prepare("SELECT id FROM mote_handelse WHERE json_extract(efter, '$.elevId') = ? OR json_extract(efter, '$.insatsId') IN (SELECT value FROM json_each(?)) ORDER BY id")
        .pluck()
        .all(elevId, JSON.stringify(insatsIds)) as number[])
    : [];
  const loggposter = tables.has('audit_logg')
    ? (db
        .prepare(
          `SELECT id FROM audit_logg WHERE gallrad = 0 AND elev_id = ?
           UNION SELECT a.id FROM json_each(?) j JOIN audit_logg a ON a.tabell = json_extract(j.value, '$[0]') AND a.rad_id = json_extract(j.value, '$[1]')
           WHERE a.gallrad = 0 ORDER BY 1`,
        )
        .pluck()
        .all(elevId, JSON.stringify(nycklar)) as number[])
    : [];
  return { importAndring, moteHandelse, loggposter };
}

function rowsById(db: Database, table: string, columns: string, ids: number[]): Rad[] {
  if (ids.length === 0) return [];
  // Table and columns are constants of this file, never input.
  return db.prepare(`SELECT ${columns} FROM ${quoteIdent(table)} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as Rad[];
}

export function buildRegisterutdrag(db: Database, elevId: number, skapad: string): Registerutdrag {
  const collected = collectRows(db, elevId);
  const elev = collected.get('elev')?.[0];
  if (!elev) throw new AppError('not_found', 'Eleven finns inte i registret.');
  const tabeller = [...collected.entries()].filter(([t]) => t !== 'elev').map(([tabell, rader]) => ({ tabell, rader }));
  const importhistorik = userTables(db).includes('import_andring') ? importhistorikOf(db, elevId, collected) : [];
  const skola = (db.prepare('SELECT namn FROM skola WHERE id = 1').pluck().get() as string | undefined) ?? '';
  const kopior = elevKopior(db, elevId, collected);
  const logg = rowsById(db, 'audit_logg', 'id, tid, vem, kanal, tabell, rad_id, operation, fore, efter', kopior.loggposter);
  const motehandelser = rowsById(db, 'mote_handelse', '*', kopior.moteHandelse);
  const fritext = fritextOmElev(db, elev, collected);
  return { typ: 'registerutdrag', skapad, skola, elev, tabeller, importhistorik, logg, motehandelser, fritext };
}

const IMPORT_SELECT = `SELECT a.id, a.tabell, a.nyckel, a.operation, a.fore, a.efter, k.importerad, k.filnamn FROM import_andring a
  JOIN import_korning k ON k.id = a.import_id`;

/**
 * Every import-log row about the pupil: those keyed by one of the pupil's rows, and those naming the pupil whose own
 * row is gone (a criterion an import removed, a result an undo deleted). An import's changes are audited in that log,
 * not row by row (audit/importAudit.ts), so without the second kind the utdrag would miss what imports did.
 */
function importhistorikOf(db: Database, elevId: number, collected: Map<string, Rad[]>): Rad[] {
  const byKey = tabellerMedNycklar(db, collected).flatMap(
    ({ tabell, nycklar }) =>
      db.prepare(`${IMPORT_SELECT} WHERE a.tabell = ? AND a.nyckel IN (SELECT value FROM json_each(?)) ORDER BY a.id`).all(tabell, JSON.stringify(nycklar)) as Rad[],
  );
  const known = new Set(byKey.map((r) => r.id));
  const missing = importRowsOfElev(db, elevId).filter((id) => !known.has(id));
  const named = missing.length === 0 ? [] : (db.prepare(`${IMPORT_SELECT} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`).all(JSON.stringify(missing)) as Rad[]);
  return [...byKey, ...named].sort((a, b) => Number(a.id) - Number(b.id));
}

/** The import log keys a row by its primary key as JSON (e.g. {"id":12}); both spellings are tried. */
function tabellerMedNycklar(db: Database, collected: Map<string, Rad[]>): { tabell: string; nycklar: string[] }[] {
  return [...collected.entries()].map(([tabell, rader]) => {
    const pk = primaryKey(db, tabell);
    const nycklar = rader.flatMap((r) => [JSON.stringify(Object.fromEntries(pk.map((c) => [c, r[c]]))), JSON.stringify(pk.map((c) => r[c]))]);
    return { tabell, nycklar };
  });
}
