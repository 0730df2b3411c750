// The register as the slice needs it: pupils and staff.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Elev, Personal, Roll } from '../../../shared/model';
import type { HandlerPart } from '../handlers';

const ELEV_SELECT = `
  SELECT e.id, e.extern_id AS externId, e.fornamn, e.efternamn, e.arskurs, e.klass_id AS klassId, g.namn AS klass,
         e.mentor_id AS mentorId, CASE WHEN m.id IS NULL THEN NULL ELSE m.fornamn || ' ' || m.efternamn END AS mentor,
         e.sarskild_undervisningsgrupp AS sarskildUndervisningsgrupp, e.nyanland, e.aktiv
  FROM elev e LEFT JOIN grupp g ON g.id = e.klass_id LEFT JOIN personal m ON m.id = e.mentor_id`;

type ElevRow = Omit<Elev, 'sarskildUndervisningsgrupp' | 'nyanland' | 'aktiv'> & {
  sarskildUndervisningsgrupp: number;
  nyanland: number;
  aktiv: number;
};

function toElev(row: ElevRow): Elev {
  return {
    ...row,
    sarskildUndervisningsgrupp: row.sarskildUndervisningsgrupp === 1,
    nyanland: row.nyanland === 1,
    aktiv: row.aktiv === 1,
  };
}

export function listElever(db: Database, baraAktiva: boolean): Elev[] {
  const where = baraAktiva ? 'WHERE e.aktiv = 1' : '';
  const rows = db.prepare(`${ELEV_SELECT} ${where} ORDER BY e.efternamn, e.fornamn, e.id`).all() as ElevRow[];
  return rows.map(toElev);
}

export function getElev(db: Database, id: number): Elev {
  const row = db.prepare(`${ELEV_SELECT} WHERE e.id = ?`).get(id) as ElevRow | undefined;
  if (!row) throw new AppError('not_found', 'Eleven finns inte.');
  return toElev(row);
}

export function listPersonal(db: Database): Personal[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.fornamn, p.efternamn, p.aktiv, group_concat(r.roll) AS roller
       FROM personal p LEFT JOIN personal_roll r ON r.personal_id = p.id
       GROUP BY p.id ORDER BY p.efternamn, p.fornamn`,
    )
    .all() as { id: number; fornamn: string; efternamn: string; aktiv: number; roller: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    fornamn: r.fornamn,
    efternamn: r.efternamn,
    aktiv: r.aktiv === 1,
    roller: (r.roller ? r.roller.split(',') : []) as Roll[],
  }));
}

export const registerHandlers: HandlerPart = {
  'elev:list': (args, ctx) => listElever(ctx.db, args.baraAktiva),
  'elev:get': (args, ctx) => getElev(ctx.db, args.id),
  'personal:list': (_args, ctx) => listPersonal(ctx.db),
};
