// Ledarhandling 3's calendar ("lägg in i kalendariet"): lov weeks, the första EHT-möte and each varv's dates.
// A varv's dates live twice — in the varv row and in its planned mote rows — so every change updates both.
import type { Database } from 'better-sqlite3';
import type { KalenderDatumFalt, PlanKalender } from '../../../shared/channels/plan';
import { checkLov, kalenderVarningar, kalenderVarv, lovVeckor, proposeSchedule, type Lov } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import type { MoteTyp } from '../../../shared/model';
import { listVarv, currentLasar } from '../skola/oversikt';
import { installningar } from '../mote/rows';

interface LasarRow {
  id: number;
  namn: string;
  startdatum: string;
  slutdatum: string;
  lov: string;
  antalVarv: number;
  varvLangdVeckor: number;
}

const VARV_KOLUMN: Record<Exclude<KalenderDatumFalt, 'forstaEht'>, string> = {
  bedomningSenast: 'bedomning_senast',
  resultatdialog: 'resultatdialog_datum',
  eht: 'eht_datum',
  avstamning: 'avstamning_datum',
};

function lasarRow(db: Database, day: string): LasarRow {
  const lasar = currentLasar(db, day);
  if (!lasar) throw new AppError('not_found', 'Skolan har inget läsår ännu. Skapa skolan först.');
  return db
    .prepare(
      `SELECT id, namn, startdatum, slutdatum, lov, antal_varv AS antalVarv, varv_langd_veckor AS varvLangdVeckor
       FROM lasar WHERE id = ?`,
    )
    .get(lasar.id) as LasarRow;
}

function forstaEhtDatum(db: Database, lasarId: number): string | null {
  return (db.prepare("SELECT datum FROM mote WHERE lasar_id = ? AND typ = 'forsta_eht' ORDER BY id LIMIT 1").pluck().get(lasarId) as string | undefined) ?? null;
}

export function getKalender(db: Database, day: string): PlanKalender {
  const row = lasarRow(db, day);
  const lov = JSON.parse(row.lov) as Lov[];
  const varv = listVarv(db, row.id);
  const forstaEht = forstaEhtDatum(db, row.id);
  const kalender = varv.map(kalenderVarv);
  return {
    lasar: { id: row.id, namn: row.namn, startdatum: row.startdatum, slutdatum: row.slutdatum, antalVarv: row.antalVarv, varvLangdVeckor: row.varvLangdVeckor },
    lov,
    lovVeckor: lovVeckor(lov, row.startdatum, row.slutdatum),
    forstaEht,
    varv,
    varningar: kalenderVarningar({ lov, kalender, forstaEht, startdatum: row.startdatum, slutdatum: row.slutdatum }),
  };
}

/** Moves the planned meeting of this kind; a meeting already started or held keeps its date. */
function moveMote(db: Database, lasarId: number, varvId: number | null, typ: MoteTyp, datum: string): void {
  const mote = db
    .prepare('SELECT id, status FROM mote WHERE lasar_id = ? AND varv_id IS ? AND typ = ? ORDER BY id LIMIT 1')
    .get(lasarId, varvId, typ) as { id: number; status: string } | undefined;
  if (!mote) {
    db.prepare('INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, ?, ?, ?)').run(lasarId, varvId, typ, datum);
    return;
  }
  if (mote.status !== 'planerat') {
    throw new AppError('conflict', 'Mötet har redan börjat eller hållits, så dess datum kan inte flyttas i planen.');
  }
  db.prepare('UPDATE mote SET datum = ? WHERE id = ?').run(datum, mote.id);
}

export function setKalenderDatum(db: Database, day: string, input: { falt: KalenderDatumFalt; varvId: number | null; datum: string }): PlanKalender {
  const lasar = lasarRow(db, day);
  db.transaction(() => {
    if (input.falt === 'forstaEht') {
      moveMote(db, lasar.id, null, 'forsta_eht', input.datum);
      return;
    }
    const varv = db.prepare('SELECT id FROM varv WHERE id = ? AND lasar_id = ?').get(input.varvId, lasar.id);
    if (!varv) throw new AppError('not_found', `Varvet med id ${String(input.varvId)} finns inte i läsåret ${lasar.namn}.`);
    db.prepare(`UPDATE varv SET ${VARV_KOLUMN[input.falt]} = ? WHERE id = ?`).run(input.datum, input.varvId);
    if (input.falt !== 'bedomningSenast') moveMote(db, lasar.id, input.varvId, input.falt, input.datum);
  })();
  return getKalender(db, day);
}

export function setLov(db: Database, day: string, lov: Lov[]): PlanKalender {
  const fel = checkLov(lov);
  if (fel) throw new AppError('invalid_argument', fel);
  const lasar = lasarRow(db, day);
  const sorted = [...lov].sort((a, b) => (a.fran < b.fran ? -1 : a.fran > b.fran ? 1 : 0));
  db.transaction(() => {
    db.prepare('UPDATE lasar SET lov = ? WHERE id = ?').run(JSON.stringify(sorted), lasar.id);
    // The school's settings carry the lov too (rule 1 reads them); keep the two the same.
    db.prepare("UPDATE skola SET installningar = json_set(installningar, '$.lov', json(?)) WHERE id = 1").run(JSON.stringify(sorted));
  })();
  return getKalender(db, day);
}

/** "Föreslå nytt schema": the domain schedule replaces every varv's dates. Refused once a meeting has been held. */
export function foreslaSchema(db: Database, day: string, input: { antalVarv: number; varvLangdVeckor: number }): PlanKalender {
  const lasar = lasarRow(db, day);
  const lov = JSON.parse(lasar.lov) as Lov[];
  const held = db.prepare("SELECT count(*) FROM mote WHERE lasar_id = ? AND status <> 'planerat'").pluck().get(lasar.id) as number;
  if (held > 0) throw new AppError('conflict', 'Ett nytt schema kan bara föreslås innan något möte i läsåret har börjat. Flytta enskilda datum i stället.');
  // Varv 1's EHT-möte at least the school's utredning threshold plus one week after the första EHT-möte.
  const base = { startdatum: lasar.startdatum, slutdatum: lasar.slutdatum, lov, utredningTroskelVeckor: installningar(db).utredningTroskelVeckor, ...input };
  const plan = proposeSchedule(base);
  if (!plan.ok) throw new AppError('rule_violation', plan.fel);

  db.transaction(() => {
    db.prepare('UPDATE lasar SET antal_varv = ?, varv_langd_veckor = ? WHERE id = ?').run(plan.varv.length, input.varvLangdVeckor, lasar.id);
    moveMote(db, lasar.id, null, 'forsta_eht', plan.forstaEht.datum);
    const existing = listVarv(db, lasar.id);
    for (const v of plan.varv) {
      const found = existing.find((e) => e.nummer === v.nummer);
      const values = [v.startdatum, v.slutdatum, v.bedomningSenast, v.resultatdialog.datum, v.eht.datum, v.avstamning.datum];
      let varvId: number;
      if (found) {
        db.prepare(
          `UPDATE varv SET startdatum = ?, slutdatum = ?, bedomning_senast = ?, resultatdialog_datum = ?, eht_datum = ?,
             avstamning_datum = ? WHERE id = ?`,
        ).run(...values, found.id);
        varvId = found.id;
      } else {
        varvId = Number(
          db
            .prepare(
              `INSERT INTO varv (lasar_id, nummer, startdatum, slutdatum, bedomning_senast, resultatdialog_datum, eht_datum,
                 avstamning_datum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(lasar.id, v.nummer, ...values).lastInsertRowid,
        );
      }
      moveMote(db, lasar.id, varvId, 'resultatdialog', v.resultatdialog.datum);
      moveMote(db, lasar.id, varvId, 'eht', v.eht.datum);
      moveMote(db, lasar.id, varvId, 'avstamning', v.avstamning.datum);
    }
    for (const extra of existing.filter((e) => e.nummer > plan.varv.length)) {
      try {
        db.prepare("DELETE FROM mote WHERE varv_id = ? AND status = 'planerat'").run(extra.id);
        db.prepare('DELETE FROM varv WHERE id = ?').run(extra.id);
      } catch (error) {
        throw new AppError('conflict', `Varv ${extra.nummer} har redan innehåll och kan inte tas bort. Välj ${existing.length} varv.`, { cause: error });
      }
    }
  })();
  return getKalender(db, day);
}
