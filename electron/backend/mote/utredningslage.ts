// The last utredningsläge (mote/agenda.ts) computed on a connection, so that one evaluation in meeting mode judges
// only its own pupil again: the utredning rule reads one pupil's insatser at a time, and an evaluation or an
// utredningsbeslut changes only that pupil's. What a handler computed is `pending`; it becomes `confirmed` when
// that handler's transaction commits (audit/run.ts calls confirmUtredningslage), together with the connection's
// total_changes and data_version at that moment. Any later write — by another channel, or by another program —
// changes one of the two, and the next call judges every pupil again.
import type { Database } from 'better-sqlite3';
import type { AgendaElev, UtredningKandidat } from '../../../shared/channels/mote';
import { prepared } from '../db/prepared';

export type Utredningslage = { utredningskandidater: UtredningKandidat[]; kandidatElever: Record<number, AgendaElev> };

const pending = new WeakMap<Database, { moteId: number; lage: Utredningslage }>();
const confirmed = new WeakMap<Database, { moteId: number; lage: Utredningslage; changes: number; dataVersion: number }>();

function writeStamp(db: Database): { changes: number; dataVersion: number } {
  return {
    changes: prepared(db, 'SELECT total_changes()', { pluck: true }).get() as number,
    dataVersion: db.pragma('data_version', { simple: true }) as number,
  };
}

/** Only inside a transaction (every dispatch runs in one): its commit is what confirms the läge. */
export function rememberUtredningslage(db: Database, moteId: number, lage: Utredningslage): void {
  if (db.inTransaction) pending.set(db, { moteId, lage });
}

/** After a commit: the läge a handler of that transaction computed is now the database's state. */
export function confirmUtredningslage(db: Database): void {
  const p = pending.get(db);
  if (!p) return;
  pending.delete(db);
  confirmed.set(db, { ...p, ...writeStamp(db) });
}

/** After a rollback: what the handler computed was never committed. */
export function forgetUtredningslage(db: Database): void {
  pending.delete(db);
}

/**
 * The confirmed läge of this meeting if nothing has been written since it was computed, else null. Called before a
 * handler writes, so it is handed out once.
 */
export function unchangedUtredningslage(db: Database, moteId: number): Utredningslage | null {
  const c = confirmed.get(db);
  confirmed.delete(db);
  if (!c || c.moteId !== moteId) return null;
  const now = writeStamp(db);
  return now.changes === c.changes && now.dataVersion === c.dataVersion ? c.lage : null;
}
