// Översikt: where the school is in the year and how much it holds.
import type { Database } from 'better-sqlite3';
import { findCurrentVarv } from '../../../shared/calendar';
import type { Oversikt } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Lasar, Varv } from '../../../shared/model';
import { today } from '../context';
import type { HandlerPart } from '../handlers';
import { getSkola } from './skola';
import { aktivInsats } from './status';

const VARV_COLUMNS = `id, lasar_id AS lasarId, nummer, startdatum, slutdatum, bedomning_senast AS bedomningSenast,
  resultatdialog_datum AS resultatdialogDatum, eht_datum AS ehtDatum, avstamning_datum AS avstamningDatum`;

/** The läsår that contains `day`, else the latest one that has started, else the first. */
export function currentLasar(db: Database, day: string): Lasar | null {
  const row = db
    .prepare(
      `SELECT id, namn, startdatum, slutdatum FROM lasar
       ORDER BY (startdatum <= ?) DESC, CASE WHEN startdatum <= ? THEN startdatum END DESC, startdatum
       LIMIT 1`,
    )
    .get(day, day) as Lasar | undefined;
  return row ?? null;
}

export function listVarv(db: Database, lasarId: number): Varv[] {
  return db.prepare(`SELECT ${VARV_COLUMNS} FROM varv WHERE lasar_id = ? ORDER BY nummer`).all(lasarId) as Varv[];
}

function count(db: Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
}

export function getOversikt(db: Database, day: string): Oversikt {
  const skola = getSkola(db);
  if (!skola) throw new AppError('not_found', 'Ingen skola är skapad ännu. Välj Ny skola eller Öppna demoskola.');
  const lasar = currentLasar(db, day);
  const varv = lasar ? listVarv(db, lasar.id) : [];
  return {
    skola,
    lasar,
    varv,
    aktuelltVarv: findCurrentVarv(varv, day),
    antal: {
      elever: count(db, 'SELECT count(*) FROM elev WHERE aktiv = 1'),
      personal: count(db, 'SELECT count(*) FROM personal WHERE aktiv = 1'),
      grupper: lasar ? count(db, 'SELECT count(*) FROM grupp WHERE lasar_id = ?', lasar.id) : 0,
      aktivaInsatser: count(db, `SELECT count(*) FROM insats i WHERE ${aktivInsats('i', '?')}`, day),
      bedomningar: count(db, 'SELECT count(*) FROM effektbedomning'),
      pagaendeUtredningar: count(db, "SELECT count(*) FROM utredning WHERE status = 'pagar'"),
    },
  };
}

export const oversiktHandlers: HandlerPart = {
  'oversikt:get': (_args, ctx) => getOversikt(ctx.db, today(ctx)),
};
