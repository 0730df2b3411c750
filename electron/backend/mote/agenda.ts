// 'mote:agenda': everything meeting mode needs in one reply, so moving between insatser never waits on the backend.
// A handful of set-based queries; the recommendation, utredning and pattern rules are shared/domain's.
import type { Database } from 'better-sqlite3';
import type { AgendaElev, AgendaInsats, Angerbar, KedjeLank, MoteAgenda, UtredningKandidat } from '../../../shared/channels/mote';
import {
  suggestUtredningDeadline,
  utredningDeadlineSkal,
  utredningDecisionsDue,
  type KedjeBedomning,
  type SkolInstallningar,
  type UtredningInsats,
} from '../../../shared/domain/index';
import type { Effektbedomning, Insats, InsatsStatus, Niva, Varv } from '../../../shared/model';
import { INSATS_SELECT } from './insatser';
import { bedomningarFor, getMote, installningar, medBedomningar, prepared, queryUtredningar } from './rows';
import { resultatFor, resultatforandring, resultatSammanfattning } from './resultat';
import { listPersonal } from '../register/register';
import { rememberUtredningslage, type Utredningslage } from './utredningslage';
export { unchangedUtredningslage } from './utredningslage';

const NIVA_ORDNING: Record<Niva, number> = { individ: 0, grupp: 1, larare: 2, organisation: 3 };
/** Swedish order for names; one collator instead of a locale lookup per comparison. */
const SVENSKA = new Intl.Collator('sv');

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type InsatsRow = Omit<Insats, 'bedomningar'>;

interface KedjeRad {
  rot: number;
  id: number;
  beskrivning: string;
  startdatum: string;
  status: InsatsStatus;
  djup: number;
}

/** The insatser each due insats replaced (deepest first) with all their evaluations, in two queries. */
function kedjor(db: Database, ids: number[]): { lankar: Map<number, KedjeRad[]>; bedomningar: Map<number, Effektbedomning[]> } {
  const rows = prepared(
    db,
    `WITH RECURSIVE k(rot, id, djup) AS (
       SELECT value, value, 0 FROM json_each(?)
       UNION ALL SELECT k.rot, i.ersatter_insats_id, k.djup + 1 FROM insats i JOIN k ON i.id = k.id
       WHERE i.ersatter_insats_id IS NOT NULL AND k.djup < 50)
     SELECT k.rot, i.id, i.beskrivning, i.startdatum, i.status, k.djup FROM k JOIN insats i ON i.id = k.id
     ORDER BY k.rot, k.djup DESC`,
  ).all(JSON.stringify(ids)) as KedjeRad[];
  const lankar = new Map<number, KedjeRad[]>();
  for (const r of rows) append(lankar, r.rot, r);
  const bedomningar = bedomningarFor(db, [...new Set(rows.map((r) => r.id))]);
  return { lankar, bedomningar };
}

function elevMap(db: Database, ids: number[]): Record<number, AgendaElev> {
  const rows = prepared(
    db,
    `SELECT e.id, e.fornamn || ' ' || e.efternamn AS namn, g.namn AS klass, e.extern_id AS externId FROM elev e LEFT JOIN grupp g ON g.id = e.klass_id
     WHERE e.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(ids)])) as AgendaElev[];
  return Object.fromEntries(rows.map((r) => [r.id, r]));
}

/**
 * Pupils the utredning rule lists, judged on the state before this meeting's decisions plus its judgements. The rule
 * reads a pupil's active individual insatser and the chains behind them (ersatterInsatsId), so only those are read:
 * the insatser that ended in earlier years are never touched.
 */
/** The läsår's stored lov; a value that is not a list of {fran, till} dates gives none. */
function parseLov(raw: string): { fran: string; till: string }[] {
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v)
      ? v.filter((l): l is { fran: string; till: string } => typeof l?.fran === 'string' && typeof l?.till === 'string')
      : [];
  } catch {
    return [];
  }
}

function utredningskandidater(
  db: Database,
  moteId: number,
  motesdatum: string,
  inst: SkolInstallningar,
  elev: number | null = null,
  kandForslag: string | null = null,
): UtredningKandidat[] {
  // The deadline stays in school time: never in a lov, never after the meeting's läsår ends.
  const lasarRad = prepared(
    db,
    'SELECT l.slutdatum, l.lov FROM mote m JOIN lasar l ON l.id = m.lasar_id WHERE m.id = ?',
  ).get(moteId) as { slutdatum: string; lov: string } | undefined;
  const lasar = lasarRad ? { slutdatum: lasarRad.slutdatum, lov: parseLov(lasarRad.lov) } : undefined;
  // The same for every pupil of the meeting (it walks the calendar past holidays): passed on when already known.
  const forslag = kandForslag ?? suggestUtredningDeadline(motesdatum, inst, lasar);
  const forslagSkal = utredningDeadlineSkal(motesdatum, inst, lasar);
  // For one pupil, the pupil's own insatser through the elev_id index; for all, the active ones.
  const aktiv =
    elev === null
      ? `SELECT id FROM insats WHERE status = 'aktiv' UNION SELECT insats_id FROM effektbedomning WHERE mote_id = @mote`
      : `SELECT id FROM insats WHERE elev_id = @elev AND status = 'aktiv'
         UNION SELECT b.insats_id FROM insats i JOIN effektbedomning b ON b.insats_id = i.id WHERE i.elev_id = @elev AND b.mote_id = @mote`;
  const insatser = prepared(
    db,
    `WITH RECURSIVE aktiv(id) AS (${aktiv}),
     k(id, elev) AS (
       SELECT i.id, i.elev_id FROM aktiv a JOIN insats i ON i.id = a.id
       WHERE i.niva = 'individ' AND i.beslutad_vid_mote_id IS NOT @mote
       UNION SELECT i.id, i.elev_id FROM k JOIN insats f ON f.id = k.id JOIN insats i ON i.id = f.ersatter_insats_id
       WHERE i.niva = 'individ' AND i.elev_id = k.elev AND i.beslutad_vid_mote_id IS NOT @mote)
     SELECT i.id AS insatsId, i.elev_id AS elevId, i.niva, i.startdatum, i.ersatter_insats_id AS ersatterInsatsId,
            CASE WHEN EXISTS (SELECT 1 FROM effektbedomning b WHERE b.insats_id = i.id AND b.mote_id = @mote)
                 THEN 'aktiv' ELSE i.status END AS status
     FROM k JOIN insats i ON i.id = k.id`,
  ).all(elev === null ? { mote: moteId } : { mote: moteId, elev }) as (UtredningInsats & { elevId: number })[];
  const bedomningar = prepared(
    db,
    `SELECT insats_id AS insatsId, datum, bedomning FROM effektbedomning
     WHERE insats_id IN (SELECT value FROM json_each(?)) ORDER BY datum, id`,
  ).all(JSON.stringify(insatser.map((i) => i.insatsId))) as { insatsId: number; datum: string; bedomning: UtredningInsats['bedomningar'][number]['bedomning'] }[];
  const perInsats = new Map<number, UtredningInsats['bedomningar']>();
  for (const b of bedomningar) append(perInsats, b.insatsId, { datum: b.datum, bedomning: b.bedomning });
  const oppna = new Set(
    prepared(db, "SELECT elev_id FROM utredning WHERE status = 'pagar' AND startdatum <= ? AND beslutad_vid_mote_id IS NOT ?", {
      pluck: true,
    }).all(motesdatum, moteId) as number[],
  );
  const perElev = new Map<number, UtredningInsats[]>();
  for (const i of insatser) {
    append(perElev, i.elevId, { ...i, bedomningar: perInsats.get(i.insatsId) ?? [] });
  }
  const due = utredningDecisionsDue({
    motesdatum,
    troskelVeckor: inst.utredningTroskelVeckor,
    elever: [...perElev.entries()].map(([elevId, list]) => ({ elevId, harOppenUtredning: oppna.has(elevId), insatser: list })),
  });
  const beslut = prepared(
    db,
    `SELECT b.elev_id AS elevId, b.beslut, b.motivering, b.utredning_id AS utredningId, u.ansvarig_id AS ansvarigId,
            u.deadline FROM utredningsbeslut b LEFT JOIN utredning u ON u.id = b.utredning_id WHERE b.mote_id = ?`,
  ).all(moteId).filter((b) => elev === null || (b as { elevId: number }).elevId === elev) as (NonNullable<UtredningKandidat['beslut']> & { elevId: number })[];
  const beslutPerElev = new Map(beslut.map(({ elevId, ...b }) => [elevId, b]));
  const kandidater: UtredningKandidat[] = due.map((d) => ({
    ...d,
    foreslagenDeadline: forslag,
    foreslagenDeadlineSkal: forslagSkal,
    beslut: beslutPerElev.get(d.elevId) ?? null,
  }));
  // A pupil decided at this meeting stays on the list even if a later judgement took them off the rule's list.
  for (const [elevId, b] of beslutPerElev) {
    if (!kandidater.some((k) => k.elevId === elevId)) {
      kandidater.push({ elevId, insatsIds: [], veckor: 0, skal: 'Beslut fattat vid mötet.', foreslagenDeadline: forslag, foreslagenDeadlineSkal: forslagSkal, beslut: b });
    }
  }
  return kandidater;
}

function lank(r: KedjeRad, bedomningar: Map<number, Effektbedomning[]>): KedjeLank {
  return {
    insatsId: r.id,
    beskrivning: r.beskrivning,
    startdatum: r.startdatum,
    status: r.status,
    bedomningar: (bedomningar.get(r.id) ?? []).map(({ datum, bedomning, beslut, motivering, underlag }) => ({
      datum, bedomning, beslut, motivering, underlag,
    })),
  };
}

function sortLage(kandidater: UtredningKandidat[], elever: Record<number, AgendaElev>): Utredningslage {
  kandidater.sort((a, b) => SVENSKA.compare(elever[a.elevId]?.namn ?? '', elever[b.elevId]?.namn ?? ''));
  const kandidatElever: Record<number, AgendaElev> = {};
  for (const k of kandidater) {
    const e = elever[k.elevId];
    if (e) kandidatElever[k.elevId] = e;
  }
  return { utredningskandidater: kandidater, kandidatElever };
}

/**
 * The utredning candidates as the meeting's judgements leave them, sorted like the agenda, with their pupils: what
 * 'mote:evaluate' and 'mote:utredningsbeslut' return, so meeting mode's U stays true without reloading the agenda.
 * With `andrad` (the pupil whose data the handler just changed, null for a group's insats) and `fore` (the läge
 * before that change, from unchangedUtredningslage), only that pupil is judged again; the result is the same.
 */
export function utredningslage(db: Database, moteId: number, andrad?: { elevId: number | null; fore: Utredningslage | null }): Utredningslage {
  const mote = getMote(db, moteId);
  let lage: Utredningslage;
  const fore = andrad?.fore;
  if (andrad && fore) {
    const elevId = andrad.elevId;
    const ovriga = fore.utredningskandidater.filter((k) => k.elevId !== elevId);
    const forslag = fore.utredningskandidater[0]?.foreslagenDeadline ?? null;
    const egna = elevId === null ? [] : utredningskandidater(db, moteId, mote.datum, installningar(db), elevId, forslag);
    const elever = egna.length > 0 ? { ...fore.kandidatElever, ...elevMap(db, [elevId as number]) } : fore.kandidatElever;
    lage = sortLage([...ovriga, ...egna], elever);
  } else {
    const kandidater = utredningskandidater(db, moteId, mote.datum, installningar(db));
    lage = sortLage(kandidater, elevMap(db, kandidater.map((k) => k.elevId)));
  }
  rememberUtredningslage(db, moteId, lage);
  return lage;
}

export function buildAgenda(db: Database, moteId: number): MoteAgenda {
  const mote = getMote(db, moteId);
  const inst = installningar(db);
  const varv = (prepared(
    db,
    `SELECT id, lasar_id AS lasarId, nummer, startdatum, slutdatum, bedomning_senast AS bedomningSenast,
            resultatdialog_datum AS resultatdialogDatum, eht_datum AS ehtDatum, avstamning_datum AS avstamningDatum
     FROM varv WHERE id = ?`,
  ).get(mote.varvId ?? -1) ?? null) as Varv | null;
  // A meeting held before Varvet froze agendas shows what was evaluated at it, not what is active today.
  const dueRows = prepared(
    db,
    `${INSATS_SELECT}
     WHERE (@oppet AND i.status = 'aktiv' AND i.startdatum <= @datum AND i.beslutad_vid_mote_id IS NOT @mote)
        OR i.id IN (SELECT insats_id FROM effektbedomning WHERE mote_id = @mote)`,
  ).all({ datum: mote.datum, mote: moteId, oppet: mote.status === 'avslutat' ? 0 : 1 }) as InsatsRow[];
  const beslutade = medBedomningar(db, prepared(db, `${INSATS_SELECT} WHERE i.beslutad_vid_mote_id = ?`).all(moteId) as InsatsRow[]);
  const dueIds = new Set(dueRows.map((r) => r.id));
  const foljd = new Map(beslutade.filter((i) => i.ersatterInsatsId !== null && dueIds.has(i.ersatterInsatsId)).map((i) => [i.ersatterInsatsId as number, i]));
  const { lankar, bedomningar } = kedjor(db, [...dueIds]);
  const due: Insats[] = dueRows.map((r) => ({ ...r, bedomningar: bedomningar.get(r.id) ?? [] }));
  const resultat = resultatFor(db, due, mote.datum);

  const insatser: AgendaInsats[] = due.map((insats) => {
    const chain = lankar.get(insats.id) ?? [];
    const kedja: KedjeBedomning[] = chain
      .flatMap((r) => bedomningar.get(r.id) ?? [])
      .filter((b) => b.moteId !== moteId)
      .map((b) => ({ bedomning: b.bedomning, beslut: b.beslut }));
    const punkter = resultat.get(insats.id) ?? [];
    const start = chain[0]?.startdatum ?? insats.startdatum;
    return {
      insats,
      kedja,
      historik: chain.filter((r) => r.id !== insats.id).map((r) => lank(r, bedomningar)),
      resultat: punkter,
      resultatforandring: resultatforandring(punkter, start),
      bedomning: insats.bedomningar.find((b) => b.moteId === moteId) ?? null,
      foljdinsats: foljd.get(insats.id) ?? null,
    };
  });

  const kandidater = utredningskandidater(db, moteId, mote.datum, inst);
  const utredningar = queryUtredningar(db, "WHERE u.status = 'pagar'", [], mote.datum);
  const elever = elevMap(db, [
    ...due.map((i) => i.elevId).filter((x): x is number => x !== null),
    ...beslutade.map((i) => i.elevId).filter((x): x is number => x !== null),
    ...kandidater.map((k) => k.elevId),
  ]);
  const namn = (i: Insats) => (i.elevId !== null ? (elever[i.elevId]?.namn ?? '') : (i.grupp ?? ''));
  insatser.sort(
    (a, b) =>
      NIVA_ORDNING[a.insats.niva] - NIVA_ORDNING[b.insats.niva] ||
      SVENSKA.compare(namn(a.insats), namn(b.insats)) ||
      a.insats.id - b.insats.id,
  );
  rememberUtredningslage(db, moteId, sortLage(kandidater, elever));
  const anteckningar = Object.fromEntries(
    (prepared(db, 'SELECT punkt, text FROM mote_anteckning WHERE mote_id = ?').all(moteId) as { punkt: string; text: string }[]).map(
      (a) => [a.punkt, a.text],
    ),
  );
  return {
    mote,
    varv,
    personal: listPersonal(db)
      .filter((p) => p.aktiv)
      .map((p) => ({ id: p.id, namn: `${p.fornamn} ${p.efternamn}`, roller: p.roller })),
    elever,
    insatser,
    nyaInsatser: beslutade.filter((i) => !(i.ersatterInsatsId !== null && dueIds.has(i.ersatterInsatsId))),
    utredningskandidater: kandidater,
    utredningar,
    ...resultatSammanfattning(db, mote, inst),
    anteckningar,
    angerbara: (
      prepared(db, 'SELECT nyckel, typ, efter FROM mote_handelse WHERE mote_id = ? AND angrad IS NULL ORDER BY id').all(moteId) as {
        nyckel: string;
        typ: Angerbar['typ'];
        efter: string;
      }[]
    ).map((h) => {
      const efter = JSON.parse(h.efter) as { insatsId?: number; elevId?: number };
      return { nyckel: h.nyckel, typ: h.typ, insatsId: efter.insatsId ?? null, elevId: efter.elevId ?? null };
    }),
  };
}
