// The criteria summary for one resultatdialog's groups (step 5: "Gör en sammanställning över vilka betygskriterier
// som eleverna har svårt att nå inom respektive ämne"): the results of the varv's assessment occasion and the one
// before it, filtered to the teacher's groups and subjects, the ämneslag's subject or the arbetslag's årskurser.
// The counting is the shared rule summarizeCriteria; this file only chooses the rows.
import type { Database } from 'better-sqlite3';
import type { KriterieAnalys, Omfattning } from '../../../shared/channels/uppfoljning';
import { summarizeCriteria, type KriterieResultat } from '../../../shared/domain/index';

export interface Omfang {
  omfattning: Omfattning;
  larareId: number | null;
  amneId: number | null;
  arskurser: number[];
}

interface Tillfalle {
  id: number;
  lasarId: number;
  namn: string;
  datum: string;
}

/** The occasion of the varv (linked by varv_id), else the latest on or before the varv's dialogue date or end. */
function tillfallenFor(db: Database, varvId: number): { nu: Tillfalle | null; forra: Tillfalle | null } {
  const varv = db
    .prepare('SELECT lasar_id AS lasarId, coalesce(resultatdialog_datum, slutdatum) AS datum FROM varv WHERE id = ?')
    .get(varvId) as { lasarId: number; datum: string } | undefined;
  if (!varv) return { nu: null, forra: null };
  const cols = 'id, lasar_id AS lasarId, namn, datum';
  const nu =
    (db.prepare(`SELECT ${cols} FROM bedomningstillfalle WHERE varv_id = ? ORDER BY datum DESC, id DESC LIMIT 1`).get(varvId) as
      | Tillfalle
      | undefined) ??
    (db
      .prepare(`SELECT ${cols} FROM bedomningstillfalle WHERE lasar_id = ? AND datum <= ? ORDER BY datum DESC, id DESC LIMIT 1`)
      .get(varv.lasarId, varv.datum) as Tillfalle | undefined);
  if (!nu) return { nu: null, forra: null };
  const forra = db
    .prepare(`SELECT ${cols} FROM bedomningstillfalle WHERE lasar_id = ? AND (datum < ? OR (datum = ? AND id < ?))
              ORDER BY datum DESC, id DESC LIMIT 1`)
    .get(nu.lasarId, nu.datum, nu.datum, nu.id) as Tillfalle | undefined;
  return { nu, forra: forra ?? null };
}

/** SQL condition on resultat r (with grupp g) for the scope, and its parameters. */
function scopeFilter(omfang: Omfang): { where: string; params: unknown[] } {
  switch (omfang.omfattning) {
    case 'larare':
      return {
        where: 'EXISTS (SELECT 1 FROM undervisning u WHERE u.personal_id = ? AND u.grupp_id = r.grupp_id AND u.amne_id = r.amne_id)',
        params: [omfang.larareId],
      };
    case 'amneslag':
      return { where: 'r.amne_id = ?', params: [omfang.amneId] };
    case 'arbetslag':
      return {
        where: 'coalesce(g.arskurs, e.arskurs) IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(omfang.arskurser)],
      };
  }
}

export function kriterieAnalys(db: Database, varvId: number, omfang: Omfang): KriterieAnalys {
  const { nu, forra } = tillfallenFor(db, varvId);
  if (!nu) return { tillfalle: null, foregaendeTillfalle: null, grupper: [], amnen: [] };
  const filter = scopeFilter(omfang);
  const rows = db
    .prepare(
      `SELECT r.elev_id AS elevId, coalesce(r.grupp_id, 0) AS gruppId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId,
              g.namn AS grupp,
              (SELECT group_concat(k.text, char(31)) FROM resultat_kriterium rk
                 JOIN betygskriterium k ON k.id = rk.kriterium_id WHERE rk.resultat_id = r.id) AS kriterier
       FROM resultat r JOIN elev e ON e.id = r.elev_id LEFT JOIN grupp g ON g.id = r.grupp_id
       WHERE r.tillfalle_id IN (?, ?) AND ${filter.where}`,
    )
    .all(nu.id, forra?.id ?? -1, ...filter.params) as {
    elevId: number;
    gruppId: number;
    amneId: number;
    tillfalleId: number;
    grupp: string | null;
    kriterier: string | null;
  }[];
  const input: KriterieResultat[] = rows.map((r) => ({
    elevId: r.elevId,
    gruppId: r.gruppId,
    amneId: r.amneId,
    varvNummer: r.tillfalleId === nu.id ? 2 : 1,
    kriterierEjNadda: r.kriterier ? r.kriterier.split('\u001f') : [],
  }));
  const amneNamn = new Map((db.prepare('SELECT id, namn FROM amne').all() as { id: number; namn: string }[]).map((a) => [a.id, a.namn]));
  const amnen = summarizeCriteria({ resultat: input, varvNummer: 2 })
    .filter((a) => a.varvNummer === 2)
    .map((a) => ({
      amneId: a.amneId,
      amne: amneNamn.get(a.amneId) ?? '',
      antalElever: a.antalElever,
      kriterier: a.kriterier.filter((k) => k.antalEjNadda > 0 || (k.foregaendeAntal ?? 0) > 0),
    }))
    .sort((a, b) => (b.kriterier[0]?.andel ?? 0) - (a.kriterier[0]?.andel ?? 0) || a.amne.localeCompare(b.amne, 'sv'));
  const grupper = [...new Set(rows.filter((r) => r.tillfalleId === nu.id && r.grupp).map((r) => r.grupp as string))].sort((a, b) =>
    a.localeCompare(b, 'sv', { numeric: true }),
  );
  return { tillfalle: nu.namn, foregaendeTillfalle: forra?.namn ?? null, grupper, amnen };
}
