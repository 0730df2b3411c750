// The gymnasiebehörighet prognosis from the database: every active pupil in the årskurser the school's settings name
// (prognosArskurser, default åk 7–9), with the latest grade per subject. A subject never imported is underlag saknas,
// never an F (shared/domain/behorighet.ts). Used by Översikt's risk list and `varvet behorighet`.
import type { Database } from 'better-sqlite3';
import { behorighetPrognos, isBetyg, type Betyg, type BehorighetPrognos } from '../../../shared/domain/index';
import { installningar } from '../mote/rows';

export interface PrognosElev extends BehorighetPrognos {
  elevId: number;
  externId: string | null;
  namn: string;
  klass: string | null;
  arskurs: number;
  sarskildUndervisningsgrupp: boolean;
}

/** Sorted by årskurs, klass (Swedish order, none last), name, elevId. `arskurs` narrows to one of the prognosis's. */
export function behorighetsprognos(db: Database, opts: { arskurs?: number } = {}): { arskurser: number[]; elever: PrognosElev[] } {
  const arskurser = [...installningar(db).prognosArskurser].sort((a, b) => a - b).filter((a) => opts.arskurs === undefined || a === opts.arskurs);
  if (arskurser.length === 0) return { arskurser, elever: [] };
  const marks = arskurser.map(() => '?').join(', ');
  const elever = db
    .prepare(
      `SELECT e.id, e.extern_id AS externId, e.fornamn || ' ' || e.efternamn AS namn, g.namn AS klass, e.arskurs,
              e.sarskild_undervisningsgrupp AS sarskild
       FROM elev e LEFT JOIN grupp g ON g.id = e.klass_id WHERE e.aktiv = 1 AND e.arskurs IN (${marks})`,
    )
    .all(...arskurser) as { id: number; externId: string | null; namn: string; klass: string | null; arskurs: number; sarskild: number }[];
  // The latest grade per pupil and subject (a language variant of M1/M2/ML counts as its subject).
  const betyg = db
    .prepare(
      `SELECT elevId, kod, niva FROM (
         SELECT r.elev_id AS elevId, a.kod, r.niva,
                row_number() OVER (PARTITION BY r.elev_id, a.kod ORDER BY t.datum DESC, t.id DESC) AS nr
         FROM resultat r JOIN amne a ON a.id = r.amne_id JOIN bedomningstillfalle t ON t.id = r.tillfalle_id
         JOIN elev e ON e.id = r.elev_id WHERE e.aktiv = 1 AND e.arskurs IN (${marks}) AND r.niva IN ('A', 'B', 'C', 'D', 'E', 'F', '-'))
       WHERE nr = 1`,
    )
    .all(...arskurser) as { elevId: number; kod: string; niva: string }[];
  const perElev = new Map<number, Record<string, Betyg>>();
  for (const b of betyg) {
    if (!isBetyg(b.niva)) continue;
    const rec = perElev.get(b.elevId) ?? {};
    rec[b.kod] = b.niva;
    perElev.set(b.elevId, rec);
  }
  const ut = elever.map((e) => ({
    elevId: e.id,
    externId: e.externId,
    namn: e.namn,
    klass: e.klass,
    arskurs: e.arskurs,
    sarskildUndervisningsgrupp: e.sarskild === 1,
    ...behorighetPrognos(perElev.get(e.id) ?? {}),
  }));
  const klassOrdning = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'sv', { numeric: true });
  ut.sort((a, b) => a.arskurs - b.arskurs || klassOrdning(a.klass, b.klass) || a.namn.localeCompare(b.namn, 'sv') || a.elevId - b.elevId);
  return { arskurser, elever: ut };
}
