// The SQL of shared/domain/status.ts: held, next and active, said once for every query that counts them (Översikt,
// its year and charts, the EHT-möte's agenda, step 8 and the year report). Each helper takes the table alias and the
// name of the bound parameter holding the day, so a query reads `WHERE ${aktivInsats('i', '@dag')}`.
import type { Database } from 'better-sqlite3';
import { resultatdialogStatus, type MoteStatus } from '../../../shared/domain/status';

/** An insats active on the day: not ended, and started (arAktiv). */
export function aktivInsats(alias: string, dag: string): string {
  return `(${alias}.status = 'aktiv' AND ${alias}.startdatum <= ${dag})`;
}

/** A meeting held by the day: marked done, and its date has come (arHallet). */
export function halletMote(alias: string, dag: string): string {
  return `(${alias}.status = 'avslutat' AND ${alias}.datum <= ${dag})`;
}

/** A resultatdialog held by the day: marked done, and its date has come (arHallet). */
export function hallenDialog(alias: string, dag: string): string {
  return `(${alias}.status = 'genomford' AND ${alias}.datum <= ${dag})`;
}

/**
 * Keeps the varv's resultatdialog meeting in step with its dialogues (resultatdialogStatus): held when all are held,
 * under way when some are. Called after every change to a dialogue's status, date or existence.
 */
export function syncResultatdialogMote(db: Database, varvId: number, idag: string, instant: string): void {
  const dialoger = db.prepare('SELECT status, datum FROM resultatdialog WHERE varv_id = ?').all(varvId) as {
    status: 'planerad' | 'genomford';
    datum: string;
  }[];
  const moten = db.prepare("SELECT id, status FROM mote WHERE varv_id = ? AND typ = 'resultatdialog'").all(varvId) as { id: number; status: MoteStatus }[];
  for (const m of moten) {
    const status = resultatdialogStatus(dialoger, idag, m.status);
    if (status === m.status) continue;
    db.prepare('UPDATE mote SET status = ?, avslutat = CASE WHEN ? = \'avslutat\' THEN coalesce(avslutat, ?) ELSE NULL END WHERE id = ?').run(
      status,
      status,
      instant,
      m.id,
    );
  }
}
