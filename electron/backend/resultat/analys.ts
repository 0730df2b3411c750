// The criteria summary for one resultatdialog's groups (step 5: "Gör en sammanställning över vilka betygskriterier
// som eleverna har svårt att nå inom respektive ämne"): the results of the varv's assessment occasion and the one
// before it, filtered to the teacher's groups and subjects, the ämneslag's subject or the arbetslag's årskurser.
// The counting is the shared rule summarizeCriteria; this file only chooses the rows.
import type { Database } from 'better-sqlite3';
import type { KriterieAnalys, KriterieFordelning, Lararmonster, Omfattning } from '../../../shared/channels/uppfoljning';
import { findTeacherPatterns, isEjNadd, summarizeCriteria, type KriterieResultat, type ResultatNiva } from '../../../shared/domain/index';
import { installningar } from '../mote/rows';

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

/** Förskoleklass has no betygskriterier and no grades: it is left out of the step 5 summary (issue 15, item 13). */
const INTE_FORSKOLEKLASS = 'coalesce(g.arskurs, e.arskurs) <> 0';

interface Rad {
  elevId: number;
  gruppId: number;
  amneId: number;
  tillfalleId: number;
  grupp: string | null;
  niva: string | null;
  kriterier: string | null;
}

function undervisningAv(db: Database, lasarId: number): { larareId: number; gruppId: number; amneId: number }[] {
  return db
    .prepare(
      `SELECT u.personal_id AS larareId, u.grupp_id AS gruppId, u.amne_id AS amneId FROM undervisning u
       JOIN grupp g ON g.id = u.grupp_id WHERE g.lasar_id = ?`,
    )
    .all(lasarId) as { larareId: number; gruppId: number; amneId: number }[];
}

function fordelning(rader: Rad[], namn: string, larare: string[]): KriterieFordelning {
  const elever = new Set<number>();
  const ej = new Set<number>();
  const missar = new Set<number>();
  for (const r of rader) {
    elever.add(r.elevId);
    if (r.niva && isEjNadd(r.niva as ResultatNiva)) ej.add(r.elevId);
    if (r.kriterier) missar.add(r.elevId);
  }
  return { namn, larare, antalElever: elever.size, antalEjNadda: ej.size, antalMissarKriterium: missar.size };
}

/**
 * The teacher pattern at one occasion (seed 001), over the whole school's results so a teacher's groups are compared
 * with the other teachers' groups in the subject; `urval` keeps the patterns about the scope's teachers or subjects.
 */
export function lararmonsterVid(db: Database, tillfalleId: number, lasarId: number, urval: (p: { larareId: number; amneId: number; gruppIds: number[] }) => boolean): Lararmonster[] {
  const inst = installningar(db);
  const resultat = db
    .prepare(
      `SELECT r.elev_id AS elevId, r.grupp_id AS gruppId, r.amne_id AS amneId, r.niva FROM resultat r JOIN elev e ON e.id = r.elev_id
       LEFT JOIN grupp g ON g.id = r.grupp_id WHERE r.tillfalle_id = ? AND r.grupp_id IS NOT NULL AND ${INTE_FORSKOLEKLASS}`,
    )
    .all(tillfalleId) as { elevId: number; gruppId: number; amneId: number; niva: ResultatNiva }[];
  const larare = Object.fromEntries(
    (db.prepare("SELECT id, fornamn || ' ' || efternamn AS namn FROM personal").all() as { id: number; namn: string }[]).map((p) => [p.id, p.namn]),
  ) as Record<number, string>;
  const grupp = Object.fromEntries(
    (db.prepare('SELECT id, namn FROM grupp WHERE lasar_id = ?').all(lasarId) as { id: number; namn: string }[]).map((g) => [g.id, g.namn]),
  ) as Record<number, string>;
  const amne = Object.fromEntries((db.prepare('SELECT id, namn FROM amne').all() as { id: number; namn: string }[]).map((a) => [a.id, a.namn])) as Record<number, string>;
  return findTeacherPatterns({
    resultat,
    undervisning: undervisningAv(db, lasarId),
    minAntal: inst.lararmonsterMinAntal,
    marginal: inst.lararmonsterMarginal,
    namn: { larare, amne, grupp },
  })
    .filter((p) => urval({ larareId: p.larareId, amneId: p.amneId, gruppIds: p.grupper.filter((g) => g.egenGrupp).map((g) => g.gruppId) }))
    .map((p) => ({ ...p, larare: larare[p.larareId] ?? '', amne: amne[p.amneId] ?? '', gruppNamn: grupp, larareNamn: larare }));
}

/** The occasion a varv's step 5 and step 7 look at. */
export function tillfalleForVarv(db: Database, varvId: number): { id: number; lasarId: number; namn: string } | null {
  return tillfallenFor(db, varvId).nu;
}

export function kriterieAnalys(db: Database, varvId: number, omfang: Omfang): KriterieAnalys {
  const { nu, forra } = tillfallenFor(db, varvId);
  if (!nu) return { tillfalle: null, foregaendeTillfalle: null, grupper: [], amnen: [], lararmonster: [] };
  const filter = scopeFilter(omfang);
  const rows = db
    .prepare(
      `SELECT r.elev_id AS elevId, coalesce(r.grupp_id, 0) AS gruppId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId,
              g.namn AS grupp, r.niva,
              (SELECT group_concat(k.text, char(31)) FROM resultat_kriterium rk
                 JOIN betygskriterium k ON k.id = rk.kriterium_id WHERE rk.resultat_id = r.id) AS kriterier
       FROM resultat r JOIN elev e ON e.id = r.elev_id LEFT JOIN grupp g ON g.id = r.grupp_id
       WHERE r.tillfalle_id IN (?, ?) AND ${INTE_FORSKOLEKLASS} AND ${filter.where}`,
    )
    .all(nu.id, forra?.id ?? -1, ...filter.params) as Rad[];
  const input: KriterieResultat[] = rows.map((r) => ({
    elevId: r.elevId,
    gruppId: r.gruppId,
    amneId: r.amneId,
    varvNummer: r.tillfalleId === nu.id ? 2 : 1,
    kriterierEjNadda: r.kriterier ? r.kriterier.split('\u001f') : [],
  }));
  const amneNamn = new Map((db.prepare('SELECT id, namn FROM amne').all() as { id: number; namn: string }[]).map((a) => [a.id, a.namn]));
  const undervisning = undervisningAv(db, nu.lasarId);
  const larareNamn = new Map(
    (db.prepare("SELECT id, fornamn || ' ' || efternamn AS namn FROM personal").all() as { id: number; namn: string }[]).map((p) => [p.id, p.namn]),
  );
  const svenska = (a: string, b: string) => a.localeCompare(b, 'sv', { numeric: true });
  const nuRader = rows.filter((r) => r.tillfalleId === nu.id);
  const perAmne = (amneId: number) => {
    const rader = nuRader.filter((r) => r.amneId === amneId);
    const gruppIds = [...new Set(rader.map((r) => r.gruppId))];
    const larareAv = (gruppId: number) =>
      [...new Set(undervisning.filter((u) => u.gruppId === gruppId && u.amneId === amneId).map((u) => u.larareId))];
    const grupper = gruppIds
      .map((gid) => fordelning(rader.filter((r) => r.gruppId === gid), rader.find((r) => r.gruppId === gid)?.grupp ?? 'Utan grupp', larareAv(gid).map((l) => larareNamn.get(l) ?? '').sort(svenska)))
      .sort((a, b) => svenska(a.namn, b.namn));
    const larareIds = [...new Set(gruppIds.flatMap(larareAv))].filter((l) => omfang.omfattning !== 'larare' || l === omfang.larareId);
    const larare = larareIds
      .map((l) => {
        const egna = gruppIds.filter((g) => larareAv(g).includes(l));
        const namn = larareNamn.get(l) ?? '';
        return {
          ...fordelning(rader.filter((r) => egna.includes(r.gruppId)), namn, [namn]),
          grupper: egna.map((g) => rader.find((r) => r.gruppId === g)?.grupp ?? '').sort(svenska),
        };
      })
      .sort((a, b) => svenska(a.namn, b.namn));
    const nivaer = new Map<string, number>();
    for (const r of rader) if (r.niva) nivaer.set(r.niva, (nivaer.get(r.niva) ?? 0) + 1);
    return { grupper, larare, nivaer: [...nivaer.entries()].map(([niva, antal]) => ({ niva, antal })).sort((a, b) => svenska(a.niva, b.niva)) };
  };
  const amnen = summarizeCriteria({ resultat: input, varvNummer: 2 })
    .filter((a) => a.varvNummer === 2)
    .map((a) => ({
      amneId: a.amneId,
      amne: amneNamn.get(a.amneId) ?? '',
      antalElever: a.antalElever,
      kriterier: a.kriterier.filter((k) => k.antalEjNadda > 0 || (k.foregaendeAntal ?? 0) > 0),
      ...perAmne(a.amneId),
    }))
    .sort((a, b) => (b.kriterier[0]?.andel ?? 0) - (a.kriterier[0]?.andel ?? 0) || a.amne.localeCompare(b.amne, 'sv'));
  const grupper = [...new Set(nuRader.filter((r) => r.grupp).map((r) => r.grupp as string))].sort(svenska);
  const gruppIds = new Set(nuRader.map((r) => r.gruppId));
  const lararmonster = lararmonsterVid(db, nu.id, nu.lasarId, (p) =>
    omfang.omfattning === 'larare' ? p.larareId === omfang.larareId : omfang.omfattning === 'amneslag' ? p.amneId === omfang.amneId : p.gruppIds.some((g) => gruppIds.has(g)),
  );
  return { tillfalle: nu.namn, foregaendeTillfalle: forra?.namn ?? null, grupper, amnen, lararmonster };
}
