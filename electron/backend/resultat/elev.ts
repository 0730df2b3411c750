// One pupil's results: two set-based queries, shaped as subject rows × assessment-occasion columns.
import type { Database } from 'better-sqlite3';
import type { ElevResultat, ElevResultatAmne } from '../../../shared/channels/resultat';
import { AppError } from '../../../shared/errors';
import type { HandlerPart } from '../handlers';

export function resultatForElev(db: Database, elevId: number): ElevResultat {
  if (!db.prepare('SELECT 1 FROM elev WHERE id = ?').get(elevId)) throw new AppError('not_found', 'Eleven finns inte.');
  const rows = db
    .prepare(
      `SELECT r.id, r.amne_id AS amneId, a.kod, a.namn, r.tillfalle_id AS tillfalleId, r.niva, t.namn AS tillfalle, t.datum
       FROM resultat r JOIN amne a ON a.id = r.amne_id JOIN bedomningstillfalle t ON t.id = r.tillfalle_id
       WHERE r.elev_id = ? ORDER BY t.datum, t.id`,
    )
    .all(elevId) as { id: number; amneId: number; kod: string; namn: string; tillfalleId: number; niva: string; tillfalle: string; datum: string }[];
  const kriterier = db
    .prepare(
      `SELECT rk.resultat_id AS resultatId, k.text FROM resultat_kriterium rk
       JOIN betygskriterium k ON k.id = rk.kriterium_id JOIN resultat r ON r.id = rk.resultat_id
       WHERE r.elev_id = ? ORDER BY k.kod, k.id`,
    )
    .all(elevId) as { resultatId: number; text: string }[];
  const kriterierPerResultat = new Map<number, string[]>();
  for (const k of kriterier) kriterierPerResultat.set(k.resultatId, [...(kriterierPerResultat.get(k.resultatId) ?? []), k.text]);

  const tillfallen = new Map<number, { id: number; namn: string; datum: string }>();
  const amnen = new Map<number, ElevResultatAmne>();
  for (const row of rows) {
    tillfallen.set(row.tillfalleId, { id: row.tillfalleId, namn: row.tillfalle, datum: row.datum });
    const amne = amnen.get(row.amneId) ?? { amneId: row.amneId, kod: row.kod, namn: row.namn, nivaer: {}, kriterierEjNadda: [] };
    amne.nivaer[row.tillfalleId] = row.niva;
    // Rows come oldest first, so the last one seen is the latest occasion.
    amne.kriterierEjNadda = kriterierPerResultat.get(row.id) ?? [];
    amnen.set(row.amneId, amne);
  }
  return {
    tillfallen: [...tillfallen.values()],
    amnen: [...amnen.values()].sort((a, b) => a.namn.localeCompare(b.namn, 'sv')),
  };
}

export const resultatHandlers: HandlerPart = {
  'resultat:forElev': (args, ctx) => resultatForElev(ctx.db, args.elevId),
};
