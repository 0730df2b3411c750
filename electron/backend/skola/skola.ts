// Creating a school: the school row, its first läsår with lov weeks, the varv and their planned meetings from the
// domain schedule, and the grundskola subjects. One transaction: a school is created whole or not at all.
import type { Database } from 'better-sqlite3';
import { lasarNamn } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import type { Skola } from '../../../shared/model';
import { DEFAULT_INSTALLNINGAR, GRUNDSKOLA_AMNEN, defaultLov, proposeSchedule } from '../../../shared/domain/index';
import type { HandlerPart } from '../handlers';
import { instant } from '../context';

export interface CreateSkolaInput {
  namn: string;
  lasar: { startdatum: string; slutdatum: string };
  antalVarv?: number;
  varvLangdVeckor?: number;
}

export function getSkola(db: Database): Skola | null {
  const row = db.prepare('SELECT id, namn, skapad FROM skola WHERE id = 1').get() as Skola | undefined;
  return row ?? null;
}

export function createSkola(db: Database, input: CreateSkolaInput, now: Date): Skola {
  const { startdatum, slutdatum } = input.lasar;
  const lov = defaultLov(startdatum, slutdatum);
  // The defaults of the settings (6 varv of 5 weeks); a year too short for them gets what fits.
  const antalVarv = input.antalVarv ?? DEFAULT_INSTALLNINGAR.antalVarv;
  const varvLangdVeckor = input.varvLangdVeckor ?? DEFAULT_INSTALLNINGAR.varvLangdVeckor;
  // The first follow-up (varv 1's EHT-möte) at least the utredning threshold plus one week after the första EHT-möte.
  let valt = { antalVarv, varvLangdVeckor, utredningTroskelVeckor: DEFAULT_INSTALLNINGAR.utredningTroskelVeckor };
  let plan = proposeSchedule({ startdatum, slutdatum, lov, ...valt });
  if (!plan.ok) {
    const fits = plan.ryms[0];
    if (input.antalVarv !== undefined || !fits) throw new AppError('rule_violation', plan.fel);
    valt = { ...valt, ...fits };
    plan = proposeSchedule({ startdatum, slutdatum, lov, ...valt });
    if (!plan.ok) throw new AppError('rule_violation', plan.fel);
  }
  const schedule = plan;

  const create = db.transaction(() => {
    if (getSkola(db)) throw new AppError('conflict', 'Det finns redan en skola i den här databasen.');
    db.prepare('INSERT INTO skola (id, namn, installningar, skapad) VALUES (1, ?, ?, ?)').run(
      input.namn,
      JSON.stringify({ ...DEFAULT_INSTALLNINGAR, antalVarv: schedule.varv.length, varvLangdVeckor: valt.varvLangdVeckor, lov }),
      now.toISOString(),
    );
    const lasarId = Number(
      db
        .prepare(
          'INSERT INTO lasar (namn, startdatum, slutdatum, lov, antal_varv, varv_langd_veckor) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(lasarNamn(startdatum), startdatum, slutdatum, JSON.stringify(lov), schedule.varv.length, valt.varvLangdVeckor)
        .lastInsertRowid,
    );
    const insertMote = db.prepare('INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, ?, ?, ?)');
    insertMote.run(lasarId, null, 'forsta_eht', schedule.forstaEht.datum);
    const insertVarv = db.prepare(
      `INSERT INTO varv (lasar_id, nummer, startdatum, slutdatum, bedomning_senast, resultatdialog_datum, eht_datum,
         avstamning_datum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const v of schedule.varv) {
      const varvId = insertVarv.run(
        lasarId,
        v.nummer,
        v.startdatum,
        v.slutdatum,
        v.bedomningSenast,
        v.resultatdialog.datum,
        v.eht.datum,
        v.avstamning.datum,
      ).lastInsertRowid;
      insertMote.run(lasarId, varvId, 'resultatdialog', v.resultatdialog.datum);
      insertMote.run(lasarId, varvId, 'eht', v.eht.datum);
      insertMote.run(lasarId, varvId, 'avstamning', v.avstamning.datum);
    }
    const insertAmne = db.prepare('INSERT OR IGNORE INTO amne (kod, namn, sprak) VALUES (?, ?, ?)');
    // Moderna språk and modersmål get one row per language when the register names them (import, issue 4).
    for (const amne of GRUNDSKOLA_AMNEN) insertAmne.run(amne.kod, amne.namn, '');
    return getSkola(db);
  });
  const skola = create();
  if (!skola) throw new AppError('internal', 'Skolan kunde inte skapas.');
  return skola;
}

export const skolaHandlers: HandlerPart = {
  'skola:get': (_args, ctx) => getSkola(ctx.db),
  'skola:create': (args, ctx) => createSkola(ctx.db, args, new Date(instant(ctx))),
};
