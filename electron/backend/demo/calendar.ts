// Dates for the demo school: which läsår `now` falls in, and earlier läsår rows for the xl history.
import type { Database } from 'better-sqlite3';
import { addDays, differenceInCalendarDays, format, getISODay, parseISO, startOfISOWeek } from 'date-fns';
import { lasarNamn } from '../../../shared/calendar';
import { defaultLov, proposeSchedule } from '../../../shared/domain/index';

export function addDaysIso(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** The date itself when it is a weekday, else the following Monday. */
export function weekdayOnOrAfter(iso: string): string {
  const day = getISODay(parseISO(iso));
  return day <= 5 ? iso : addDaysIso(iso, 8 - day);
}

/** The date itself when it is a weekday, else the Friday before. */
export function weekdayOnOrBefore(iso: string): string {
  const day = getISODay(parseISO(iso));
  return day <= 5 ? iso : addDaysIso(iso, 5 - day);
}

function mondayOfIsoWeek(year: number, week: number): string {
  return format(addDays(startOfISOWeek(new Date(year, 0, 4)), (week - 1) * 7), 'yyyy-MM-dd');
}

/** Swedish läsår starting in `year`: Monday of ISO week 34 to the Friday of week 24 the next year. */
export function lasarDates(year: number): { startdatum: string; slutdatum: string } {
  return { startdatum: mondayOfIsoWeek(year, 34), slutdatum: addDaysIso(mondayOfIsoWeek(year + 1, 24), 4) };
}

/** The läsår containing `today`; in the summer break, the one that has just ended. */
export function lasarStartYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today >= lasarDates(year).startdatum ? year : year - 1;
}

export interface MoteRad {
  id: number;
  lasarId: number;
  varvId: number | null;
  typ: 'forsta_eht' | 'resultatdialog' | 'eht' | 'avstamning' | 'arsavslut';
  datum: string;
}

export interface VarvRad {
  id: number;
  lasarId: number;
  nummer: number;
  startdatum: string;
  slutdatum: string;
  bedomningSenast: string;
}

export interface LasarRad {
  id: number;
  startYear: number;
  startdatum: string;
  slutdatum: string;
  varv: VarvRad[];
  moten: MoteRad[];
}

/** An earlier läsår as createSkola would have planned it, plus its årsavslut. Only the xl history uses it. */
export function insertEarlierLasar(db: Database, year: number): void {
  const { startdatum, slutdatum } = lasarDates(year);
  const lov = defaultLov(startdatum, slutdatum);
  let plan = proposeSchedule({ startdatum, slutdatum, lov, antalVarv: 6, varvLangdVeckor: 5 });
  const fits = plan.ok ? undefined : plan.ryms[0];
  if (!plan.ok && fits) plan = proposeSchedule({ startdatum, slutdatum, lov, ...fits });
  if (!plan.ok) throw new Error(`demo: läsår ${year} does not fit: ${plan.fel}`);
  const lasarId = Number(
    db
      .prepare('INSERT INTO lasar (namn, startdatum, slutdatum, lov, antal_varv, varv_langd_veckor) VALUES (?, ?, ?, ?, ?, ?)')
      .run(lasarNamn(startdatum), startdatum, slutdatum, JSON.stringify(lov), plan.varv.length, 5).lastInsertRowid,
  );
  const insertMote = db.prepare('INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, ?, ?, ?)');
  insertMote.run(lasarId, null, 'forsta_eht', plan.forstaEht.datum);
  const insertVarv = db.prepare(
    `INSERT INTO varv (lasar_id, nummer, startdatum, slutdatum, bedomning_senast, resultatdialog_datum, eht_datum,
       avstamning_datum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const v of plan.varv) {
    const varvId = insertVarv.run(lasarId, v.nummer, v.startdatum, v.slutdatum, v.bedomningSenast,
      v.resultatdialog.datum, v.eht.datum, v.avstamning.datum).lastInsertRowid;
    insertMote.run(lasarId, varvId, 'resultatdialog', v.resultatdialog.datum);
    insertMote.run(lasarId, varvId, 'eht', v.eht.datum);
    insertMote.run(lasarId, varvId, 'avstamning', v.avstamning.datum);
  }
  const lastAvstamning = plan.varv[plan.varv.length - 1]?.avstamning.datum ?? slutdatum;
  insertMote.run(lasarId, null, 'arsavslut', weekdayOnOrAfter(addDaysIso(lastAvstamning, 2)));
}

/** Every läsår with its varv and meetings, oldest first, as the generator works through them. */
export function readLasar(db: Database): LasarRad[] {
  const lasar = db.prepare('SELECT id, startdatum, slutdatum FROM lasar ORDER BY startdatum').all() as
    { id: number; startdatum: string; slutdatum: string }[];
  const varvStmt = db.prepare(
    `SELECT id, lasar_id AS lasarId, nummer, startdatum, slutdatum, bedomning_senast AS bedomningSenast
     FROM varv WHERE lasar_id = ? ORDER BY nummer`,
  );
  const moteStmt = db.prepare(
    'SELECT id, lasar_id AS lasarId, varv_id AS varvId, typ, datum FROM mote WHERE lasar_id = ? ORDER BY datum, id',
  );
  return lasar.map((l) => ({
    ...l,
    startYear: Number(l.startdatum.slice(0, 4)),
    varv: varvStmt.all(l.id) as VarvRad[],
    moten: moteStmt.all(l.id) as MoteRad[],
  }));
}
