// The results side of the agenda: the varv's criteria summary, the teacher pattern, and the result change behind each
// insats's evidence. Set-based queries only (one per kind, never one per insats); the rules are shared/domain's.
import type { Database } from 'better-sqlite3';
import type { AgendaAmne, AgendaGrupp, AgendaResultatUrval, MoteAgenda, MoteRad, ResultatPunkt } from '../../../shared/channels/mote';
import {
  findTeacherPatterns,
  isEjNadd,
  summarizeCriteria,
  tidigNivaText,
  type AmneKriterier,
  type KriterieResultat,
  type ResultatNiva,
  type SkolInstallningar,
} from '../../../shared/domain/index';
import type { Insats } from '../../../shared/model';
import { installningar, prepared } from './rows';

interface Tillfalle {
  id: number;
  lasarId: number;
  namn: string;
  datum: string;
}

interface ResultatRad {
  elevId: number;
  gruppId: number | null;
  amneId: number;
  tillfalleId: number;
  niva: ResultatNiva;
  kriterier: string | null;
}

type ResultatSammanfattning = Pick<MoteAgenda, 'lararmonster' | 'resultat'>;

// Results change only on import; the summary is kept per database and invalidated by the results' fingerprint.
const cache = new WeakMap<Database, { key: string; value: ResultatSammanfattning }>();

/** A level in running text ("Varv 1: ej nått"): the school's own names for the early-years scale, in lower case. */
function nivaText(niva: string, skala: SkolInstallningar['tidigSkala']): string {
  const text = tidigNivaText(niva, skala);
  return text === niva ? niva : text.toLowerCase();
}

/** Which meeting the summary is for: its date, kind and varv decide which occasion is reviewed. */
export type ResultatMote = Pick<MoteRad, 'datum' | 'typ' | 'varvId' | 'lasarId'>;

const TILLFALLE = 'SELECT id, lasar_id AS lasarId, namn, datum FROM bedomningstillfalle';

/**
 * The occasion a meeting reviews. A första EHT-möte (step 4: "går igenom föregående termins omdömen och betyg") the
 * latest before the term began — the läsår's start, or the end of jullov for a meeting in the spring term. An
 * EHT-möte (step 6: "går igenom varvets resultatuppföljningar") its varv's latest occasion up to the meeting, else the
 * latest before it (the varv's results not yet in).
 */
function granskat(db: Database, mote: ResultatMote): { senaste: Tillfalle | undefined; urval: AgendaResultatUrval } {
  if (mote.typ === 'forsta_eht') {
    const lasar = prepared(db, 'SELECT startdatum, lov FROM lasar WHERE id = ?').get(mote.lasarId) as { startdatum: string; lov: string } | undefined;
    let terminStart = lasar?.startdatum ?? mote.datum;
    try {
      const jul = (JSON.parse(lasar?.lov ?? '[]') as { typ?: string; till?: string }[]).find((l) => l.typ === 'jullov');
      if (jul?.till && jul.till < mote.datum) terminStart = jul.till;
    } catch {
      // A malformed holiday list leaves the läsår's start.
    }
    if (terminStart > mote.datum) terminStart = mote.datum;
    const senaste = prepared(db, `${TILLFALLE} WHERE datum < ? ORDER BY datum DESC, id DESC LIMIT 1`).get(terminStart) as Tillfalle | undefined;
    return { senaste, urval: 'forra_terminen' };
  }
  if (mote.varvId !== null) {
    const varvets = prepared(db, `${TILLFALLE} WHERE varv_id = ? AND datum <= ? ORDER BY datum DESC, id DESC LIMIT 1`).get(mote.varvId, mote.datum) as
      | Tillfalle
      | undefined;
    if (varvets) return { senaste: varvets, urval: 'varvet' };
  }
  const senaste = prepared(db, `${TILLFALLE} WHERE datum <= ? ORDER BY datum DESC, id DESC LIMIT 1`).get(mote.datum) as Tillfalle | undefined;
  return { senaste, urval: 'senaste' };
}

/**
 * The criteria summary (per subject and per group) and the teacher pattern from the occasion the meeting reviews.
 * `mote` as a bare date: the latest occasion on or before it. `useCache: false` recomputes (the bench measures the
 * computation, not the cache).
 */
export function resultatSammanfattning(
  db: Database,
  mote: string | ResultatMote,
  inst: SkolInstallningar,
  useCache = true,
): ResultatSammanfattning {
  const { senaste, urval } = granskat(db, typeof mote === 'string' ? { datum: mote, typ: 'eht', varvId: null, lasarId: -1 } : mote);
  if (!senaste) return { lararmonster: [], resultat: { tillfalle: null, datum: null, urval, amnen: [], grupper: [] } };
  const forra = prepared(
    db,
    `SELECT id, lasar_id AS lasarId, namn, datum FROM bedomningstillfalle WHERE lasar_id = ? AND datum < ?
     ORDER BY datum DESC, id DESC LIMIT 1`,
  ).get(senaste.lasarId, senaste.datum) as Tillfalle | undefined;
  const fingerprint = prepared(
    db,
    "SELECT (SELECT max(id) FROM resultat) || ':' || (SELECT count(*) FROM undervisning) || ':' || (SELECT max(resultat_id) FROM resultat_kriterium)",
    { pluck: true },
  ).get() as string;
  const key = `${urval}:${senaste.id}:${forra?.id ?? 0}:${fingerprint}:${JSON.stringify(inst)}`;
  const hit = cache.get(db);
  if (useCache && hit?.key === key) return hit.value;

  const rows = db
    .prepare(
      `SELECT r.elev_id AS elevId, r.grupp_id AS gruppId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId, r.niva,
              (SELECT group_concat(k.text, char(31)) FROM resultat_kriterium rk
                 JOIN betygskriterium k ON k.id = rk.kriterium_id WHERE rk.resultat_id = r.id) AS kriterier
       FROM resultat r WHERE r.tillfalle_id IN (?, ?)`,
    )
    .all(senaste.id, forra?.id ?? -1) as ResultatRad[];
  const amneNamn = new Map(
    (db.prepare('SELECT id, namn FROM amne').all() as { id: number; namn: string }[]).map((a) => [a.id, a.namn]),
  );
  const nu = rows.filter((r) => r.tillfalleId === senaste.id);

  const kriterieInput: KriterieResultat[] = rows.map((r) => ({
    elevId: r.elevId,
    gruppId: r.gruppId ?? 0,
    amneId: r.amneId,
    varvNummer: r.tillfalleId === senaste.id ? 2 : 1,
    kriterierEjNadda: r.kriterier ? r.kriterier.split('\u001f') : [],
  }));
  const ejNadda = new Map<number, { antal: number; ej: number }>();
  for (const r of nu) {
    const s = ejNadda.get(r.amneId) ?? { antal: 0, ej: 0 };
    ejNadda.set(r.amneId, { antal: s.antal + 1, ej: s.ej + (isEjNadd(r.niva) ? 1 : 0) });
  }
  const kriterieSummering = summarizeCriteria({ resultat: kriterieInput, varvNummer: 2 }).filter((a) => a.varvNummer === 2);
  const amnen: AgendaAmne[] = kriterieSummering
    .map((a) => ({
      amneId: a.amneId,
      amne: amneNamn.get(a.amneId) ?? '',
      antalElever: a.antalElever,
      antalEjNadda: ejNadda.get(a.amneId)?.ej ?? 0,
      kriterier: a.kriterier.filter((k) => k.antalEjNadda > 0 || (k.foregaendeAntal ?? 0) > 0).slice(0, inst.kriterierPerAmne),
    }))
    .sort((a, b) => b.antalEjNadda / Math.max(1, b.antalElever) - a.antalEjNadda / Math.max(1, a.antalElever));

  const undervisning = db
    .prepare(
      `SELECT u.personal_id AS larareId, u.grupp_id AS gruppId, u.amne_id AS amneId FROM undervisning u
       JOIN grupp g ON g.id = u.grupp_id WHERE g.lasar_id = ?`,
    )
    .all(senaste.lasarId) as { larareId: number; gruppId: number; amneId: number }[];
  const larare = Object.fromEntries(
    (db.prepare("SELECT id, fornamn || ' ' || efternamn AS namn FROM personal").all() as { id: number; namn: string }[]).map(
      (p) => [p.id, p.namn],
    ),
  );
  const grupp = Object.fromEntries(
    (db.prepare('SELECT id, namn FROM grupp WHERE lasar_id = ?').all(senaste.lasarId) as { id: number; namn: string }[]).map(
      (g) => [g.id, g.namn],
    ),
  );
  const amne = Object.fromEntries(amneNamn);
  const monster = findTeacherPatterns({
    resultat: nu.filter((r) => r.gruppId !== null).map((r) => ({ elevId: r.elevId, gruppId: r.gruppId as number, amneId: r.amneId, niva: r.niva })),
    undervisning,
    minAntal: inst.lararmonsterMinAntal,
    marginal: inst.lararmonsterMarginal,
    namn: { larare, amne, grupp },
  }).map((p) => ({ ...p, larare: larare[p.larareId] ?? '', amne: amne[p.amneId] ?? '' }));

  const grupper = gruppSammanfattning(nu, rows.filter((r) => r.tillfalleId !== senaste.id), kriterierPerGrupp(kriterieSummering, amneNamn), grupp, amneNamn);

  const value: ResultatSammanfattning = {
    lararmonster: monster,
    resultat: { tillfalle: senaste.namn, datum: senaste.datum, urval, amnen, grupper },
  };
  cache.set(db, { key, value });
  return value;
}

/** Per group: the criteria its pupils miss most, over all subjects (from the subject summary's per-group counts). */
function kriterierPerGrupp(summering: AmneKriterier[], amneNamn: Map<number, string>): Map<number, AgendaGrupp['kriterier']> {
  const out = new Map<number, AgendaGrupp['kriterier']>();
  for (const a of summering) {
    for (const k of a.kriterier) {
      for (const g of k.grupper) {
        const list = out.get(g.gruppId) ?? [];
        list.push({ amne: amneNamn.get(a.amneId) ?? '', kriterium: k.kriterium, antalEjNadda: g.antalEjNadda });
        out.set(g.gruppId, list);
      }
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.antalEjNadda - a.antalEjNadda || a.kriterium.localeCompare(b.kriterium, 'sv'));
  return out;
}

/**
 * Per group at the reviewed occasion: pupils with results, pupils not reaching the goals in at least one subject (and
 * the same at the occasion before), the subjects where most do not reach, and the criteria most miss. From the rows
 * already read for the subject summary: no further query.
 */
function gruppSammanfattning(
  nu: ResultatRad[],
  forra: ResultatRad[],
  kriterier: Map<number, AgendaGrupp['kriterier']>,
  gruppNamn: Record<number, string>,
  amneNamn: Map<number, string>,
): AgendaGrupp[] {
  type Stat = { elever: Set<number>; ej: Set<number>; amnen: Map<number, { antal: number; ej: number }> };
  const samla = (rows: ResultatRad[]) => {
    const per = new Map<number, Stat>();
    for (const r of rows) {
      if (r.gruppId === null) continue;
      const s = per.get(r.gruppId) ?? { elever: new Set<number>(), ej: new Set<number>(), amnen: new Map() };
      s.elever.add(r.elevId);
      const a = s.amnen.get(r.amneId) ?? { antal: 0, ej: 0 };
      a.antal += 1;
      if (isEjNadd(r.niva)) {
        s.ej.add(r.elevId);
        a.ej += 1;
      }
      s.amnen.set(r.amneId, a);
      per.set(r.gruppId, s);
    }
    return per;
  };
  const nuPer = samla(nu);
  const forraPer = samla(forra);
  return [...nuPer.entries()]
    .map(([gruppId, s]): AgendaGrupp => {
      const f = forraPer.get(gruppId);
      return {
        gruppId,
        grupp: gruppNamn[gruppId] ?? `Grupp ${gruppId}`,
        antalElever: s.elever.size,
        antalEjNadda: s.ej.size,
        foregaendeEjNadda: f ? f.ej.size : null,
        amnen: [...s.amnen.entries()]
          .filter(([, a]) => a.ej > 0)
          .sort((x, y) => y[1].ej / y[1].antal - x[1].ej / x[1].antal || y[1].ej - x[1].ej)
          .slice(0, 3)
          .map(([amneId, a]) => ({ amne: amneNamn.get(amneId) ?? '', antal: a.antal, antalEjNadda: a.ej })),
        kriterier: (kriterier.get(gruppId) ?? []).slice(0, 3),
      };
    })
    .sort((a, b) => b.antalEjNadda / Math.max(1, b.antalElever) - a.antalEjNadda / Math.max(1, a.antalElever) || SVENSKA.compare(a.grupp, b.grupp));
}

const SVENSKA = new Intl.Collator('sv');

/** Result points shown per insats: the latest four up to the meeting. */
const PUNKTER = 4;

interface TillfalleRad {
  id: number;
  namn: string;
  datum: string;
}

interface ElevPunkt {
  elevId: number;
  amneId: number;
  tillfalleId: number;
  niva: string;
}

interface GruppPunkt {
  gruppId: number;
  amneId: number;
  tillfalleId: number;
  niva: ResultatNiva;
  antal: number;
}

/** (pupil or group, subject) */
type Par = [number | null, number | null];

// Only a pair's latest PUNKTER results are shown, so the queries start from the newest occasions and probe the
// unique (tillfalle_id, elev_id, amne_id) and resultat_grupp indexes for just those: the work follows the number of
// insatser, not the years of history. A pair with fewer results there is looked up further back: a pupil new to the
// school by resultat_elev (their own few rows), a group of this läsår early in the year at the remaining occasions.
export const ELEV_SENASTE = `
  WITH p(e, a) AS (SELECT DISTINCT value ->> 0, value ->> 1 FROM json_each(?)), t(id) AS (SELECT value FROM json_each(?))
  SELECT r.elev_id AS elevId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId, r.niva
  FROM p CROSS JOIN t CROSS JOIN resultat r ON r.tillfalle_id = t.id AND r.elev_id = p.e AND r.amne_id = p.a`;
const ELEV_ALLA = `
  WITH p(e, a) AS (SELECT DISTINCT value ->> 0, value ->> 1 FROM json_each(?))
  SELECT r.elev_id AS elevId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId, r.niva
  FROM p CROSS JOIN resultat r ON r.elev_id = p.e AND r.amne_id = p.a`;
export const GRUPP_SENASTE = `
  WITH p(g, a) AS (SELECT DISTINCT value ->> 0, value ->> 1 FROM json_each(?)), t(id) AS (SELECT value FROM json_each(?))
  SELECT r.grupp_id AS gruppId, r.amne_id AS amneId, r.tillfalle_id AS tillfalleId, r.niva, count(*) AS antal
  FROM p CROSS JOIN t CROSS JOIN resultat r ON r.tillfalle_id = t.id AND r.grupp_id = p.g AND r.amne_id = p.a
  GROUP BY r.grupp_id, r.amne_id, r.tillfalle_id, r.niva`;

/** The rows of `pairs` at the newest occasions first, then further back for the pairs still short of PUNKTER. */
function latest<R extends { tillfalleId: number }>(
  tillfallen: TillfalleRad[],
  pairs: Par[],
  key: (r: R) => string,
  atOccasions: (pairs: Par[], ids: number[]) => R[],
  further: (pairs: Par[], ids: number[]) => R[],
): Map<string, R[]> {
  const out = new Map<string, R[]>();
  const add = (rows: R[]) => {
    for (const r of rows) {
      const k = key(r);
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
  };
  const occasions = (rows: R[] | undefined) => new Set(rows?.map((r) => r.tillfalleId)).size;
  const ids = tillfallen.map((t) => t.id);
  add(atOccasions(pairs, ids.slice(0, PUNKTER)));
  const short = pairs.filter((p) => occasions(out.get(`${p[0]}:${p[1]}`)) < PUNKTER);
  if (short.length > 0 && ids.length > PUNKTER) add(further(short, ids.slice(PUNKTER)));
  return out;
}

/** Per insats: the pupil's (individ) or the group's (grupp) latest results in the insats's subject up to the meeting. */
export function resultatFor(db: Database, insatser: Insats[], motesdatum: string): Map<number, ResultatPunkt[]> {
  const out = new Map<number, ResultatPunkt[]>();
  const elevPar = insatser.filter((i) => i.niva === 'individ' && i.amneId !== null).map((i): Par => [i.elevId, i.amneId]);
  const gruppPar = insatser.filter((i) => i.niva === 'grupp' && i.amneId !== null).map((i): Par => [i.gruppId, i.amneId]);
  if (elevPar.length === 0 && gruppPar.length === 0) return out;
  // Newest first; a few rows a läsår.
  const tillfallen = prepared(db, 'SELECT id, namn, datum FROM bedomningstillfalle WHERE datum <= ? ORDER BY datum DESC, id DESC').all(
    motesdatum,
  ) as TillfalleRad[];
  const rank = new Map(tillfallen.map((t, i) => [t.id, i]));
  const tillfalle = new Map(tillfallen.map((t) => [t.id, t]));
  const json = (x: unknown) => JSON.stringify(x);
  // Oldest first, the last PUNKTER; rows of occasions after the meeting (the whole-history lookup) are dropped.
  const ordered = <R extends { tillfalleId: number }>(rows: R[]) =>
    rows.filter((r) => rank.has(r.tillfalleId)).sort((a, b) => (rank.get(b.tillfalleId) ?? 0) - (rank.get(a.tillfalleId) ?? 0));

  const perElev = new Map<string, ResultatPunkt[]>();
  if (elevPar.length > 0) {
    const skala = installningar(db).tidigSkala;
    const senaste = prepared(db, ELEV_SENASTE);
    const alla = prepared(db, ELEV_ALLA);
    const rows = latest<ElevPunkt>(
      tillfallen,
      elevPar,
      (r) => `${r.elevId}:${r.amneId}`,
      (pairs, ids) => senaste.all(json(pairs), json(ids)) as ElevPunkt[],
      // A pupil's whole history by resultat_elev: cheap for the pupils it is needed for, who have few results.
      (pairs) => alla.all(json(pairs)) as ElevPunkt[],
    );
    for (const [k, list] of rows) {
      const unique = [...new Map(ordered(list).map((r) => [r.tillfalleId, r])).values()];
      if (unique.length === 0) continue;
      perElev.set(
        k,
        unique.slice(-PUNKTER).map((r) => {
          const t = tillfalle.get(r.tillfalleId) as TillfalleRad;
          return { tillfalle: t.namn, datum: t.datum, varde: nivaText(r.niva, skala), ejNadda: null, antal: null };
        }),
      );
    }
  }
  const perGrupp = new Map<string, ResultatPunkt[]>();
  if (gruppPar.length > 0) {
    const grupp = prepared(db, GRUPP_SENASTE);
    const fetch = (pairs: Par[], ids: number[]) => grupp.all(json(pairs), json(ids)) as GruppPunkt[];
    const rows = latest<GruppPunkt>(tillfallen, gruppPar, (r) => `${r.gruppId}:${r.amneId}`, fetch, fetch);
    for (const [k, list] of rows) {
      const punkter = new Map<number, ResultatPunkt>();
      for (const r of ordered(list)) {
        const t = tillfalle.get(r.tillfalleId) as TillfalleRad;
        const punkt = punkter.get(r.tillfalleId) ?? { tillfalle: t.namn, datum: t.datum, varde: '', ejNadda: 0, antal: 0 };
        punkt.antal = (punkt.antal ?? 0) + r.antal;
        punkt.ejNadda = (punkt.ejNadda ?? 0) + (isEjNadd(r.niva) ? r.antal : 0);
        punkt.varde = `${punkt.ejNadda} av ${punkt.antal} når inte`;
        punkter.set(r.tillfalleId, punkt);
      }
      if (punkter.size > 0) perGrupp.set(k, [...punkter.values()].slice(-PUNKTER));
    }
  }
  for (const i of insatser) {
    if (i.amneId === null) continue;
    const list = i.niva === 'individ' ? perElev.get(`${i.elevId}:${i.amneId}`) : i.niva === 'grupp' ? perGrupp.get(`${i.gruppId}:${i.amneId}`) : undefined;
    if (list) out.set(i.id, list);
  }
  return out;
}

/** "F → E": the last result before the chain began, to the latest one; null when there is nothing to compare. */
export function resultatforandring(punkter: ResultatPunkt[], kedjaStart: string): string | null {
  if (punkter.length < 2) return null;
  const fore = [...punkter].reverse().find((p) => p.datum < kedjaStart) ?? punkter[0];
  const senast = punkter[punkter.length - 1];
  if (!fore || !senast || fore === senast) return null;
  if (fore.antal !== null && senast.antal !== null) return `${fore.ejNadda ?? 0} → ${senast.ejNadda ?? 0} når inte`;
  return `${fore.varde} → ${senast.varde}`;
}
