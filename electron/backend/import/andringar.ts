// The existing values an import overwrites, in words: which pupil, person, group or result, which value, before and
// after. The dry run lists them so the user confirms before a grade or a class is replaced (issue 14).
import type { Database } from 'better-sqlite3';
import type { ImportAndring } from '../../../shared/import/types';
import type { ImportTable, Row, SqlValue } from './changes';

export const LISTED_CHANGES = 500;

const FALT: Partial<Record<ImportTable, Record<string, string>>> = {
  elev: {
    fornamn: 'förnamn', efternamn: 'efternamn', arskurs: 'årskurs', klass_id: 'klass', mentor_id: 'mentor',
    nyanland: 'nyanländ', sarskild_undervisningsgrupp: 'särskild undervisningsgrupp', extern_id: 'Elev-ID', aktiv: 'aktiv',
  },
  personal: { fornamn: 'förnamn', efternamn: 'efternamn', epost: 'e-post', extern_id: 'personal-ID', aktiv: 'aktiv' },
  grupp: { typ: 'typ', arskurs: 'årskurs', namn: 'namn' },
  resultat: { niva: 'betyg eller nivå', grupp_id: 'grupp' },
};

const NIVA_TEXT: Record<string, string> = { ej_natt: 'ej nått', pa_vag: 'på väg', natt: 'nått', '-': '– (streck)' };

export function describeUpdates(db: Database, updates: { table: ImportTable; fore: Row; cols: string[]; efter: Row }[]): ImportAndring[] {
  const elev = db.prepare('SELECT fornamn, efternamn, extern_id AS externId FROM elev WHERE id = ?');
  const grupp = db.prepare('SELECT namn FROM grupp WHERE id = ?').pluck();
  const person = db.prepare("SELECT fornamn || ' ' || efternamn FROM personal WHERE id = ?").pluck();
  const amne = db.prepare('SELECT namn FROM amne WHERE id = ?').pluck();
  const tillfalle = db.prepare('SELECT namn, datum FROM bedomningstillfalle WHERE id = ?');
  const elevText = (id: SqlValue | undefined) => {
    const e = elev.get(id) as { fornamn: string; efternamn: string; externId: string | null } | undefined;
    if (!e) return 'Elev';
    return `${e.fornamn} ${e.efternamn}${e.externId ? ` (Elev-ID ${e.externId})` : ''}`;
  };
  const value = (table: ImportTable, col: string, v: SqlValue | undefined): string => {
    if (v === null || v === undefined || v === '') return '–';
    if (col === 'klass_id' || col === 'grupp_id') return String(grupp.get(v) ?? v);
    if (col === 'mentor_id') return String(person.get(v) ?? v);
    if (col === 'niva') return NIVA_TEXT[String(v)] ?? String(v);
    if (['nyanland', 'sarskild_undervisningsgrupp', 'aktiv'].includes(col)) return v === 1 ? 'ja' : 'nej';
    void table;
    return String(v);
  };
  const out: ImportAndring[] = [];
  for (const u of updates) {
    let vad: string;
    if (u.table === 'elev') vad = `${u.fore.fornamn} ${u.fore.efternamn}${u.fore.extern_id ? ` (Elev-ID ${u.fore.extern_id})` : ''}`;
    else if (u.table === 'personal') vad = `${u.fore.fornamn} ${u.fore.efternamn}`;
    else if (u.table === 'grupp') vad = `Gruppen ${u.fore.namn}`;
    else if (u.table === 'resultat') {
      const t = tillfalle.get(u.fore.tillfalle_id) as { namn: string; datum: string } | undefined;
      vad = `${elevText(u.fore.elev_id)}, ${String(amne.get(u.fore.amne_id) ?? 'ämne')}${t ? `, ${t.namn || t.datum}` : ''}`;
    } else vad = u.table;
    for (const col of u.cols) {
      if (out.length >= LISTED_CHANGES) return out;
      out.push({ vad, falt: FALT[u.table]?.[col] ?? col, fore: value(u.table, col, u.fore[col]), efter: value(u.table, col, u.efter[col]) });
    }
  }
  return out;
}
