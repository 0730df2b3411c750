// The huvudman's year report (seeds 002–004: "en tillräckligt strukturerad uppföljning" of whether insatser work;
// "förväntad effekt" and "bedömning av effekten"). Built from aggregate queries only — no row about a pupil is
// read into it — then pseudonymised by shared/domain/rapport.ts: small counts suppressed, free text scrubbed of
// names and ids. The PDF and DOCX are rendered from this JSON, so a test on the JSON covers their content.
import type { Database } from 'better-sqlite3';
import { UTVECKLING_STATUS_TEXT } from '../../../shared/channels/uppfoljning';
import { SEKUNDAR_MARK, skrubbaText, type KansligaOrd, skyddaTabell, skyddadAndel, STANDARD_TROSKEL, type RapportVarde } from '../../../shared/domain/index';
import { BEDOMNING_TEXT, BESLUT_TEXT, INSATS_TYP_TEXT, MOTE_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { BESLUT, INSATS_TYPER, NIVAER, type Bedomning, type MoteTyp } from '../../../shared/model';
import { planMotUtfall } from '../uppfoljning/arsavslutPlan';
import { BEDOMNING_I_LASAR, lasarFor } from '../uppfoljning/arsavslut';
import { listOmraden } from '../uppfoljning/utvecklingsomrade';

/** A share of judged insatser with effect: the text as shown, and the numbers behind it when it is shown. */
export interface AndelMedEffekt {
  niva: string;
  andel: string;
  /** The share as a whole percentage, or null where it is hidden. */
  procent: number | null;
  /** Judged with tydlig or viss effekt (shown only with the share). */
  medEffekt: RapportVarde;
  /** Judged in all at this level, as the effect table shows it. */
  bedomda: RapportVarde;
}

export interface RapportTabell {
  /** Stable name of the table, e.g. 'insatser'. */
  nyckel: string;
  rubrik: string;
  beskrivning: string;
  kolumner: string[];
  rader: { etikett: string; celler: RapportVarde[] }[];
  summa: { etikett: string; celler: RapportVarde[] } | null;
}

export interface Arsrapport {
  typ: 'arsrapport';
  rubrik: string;
  skola: string;
  lasar: string;
  period: { fran: string; till: string };
  skapad: string;
  troskel: number;
  om: string[];
  tabeller: RapportTabell[];
  andelMedEffekt: AndelMedEffekt[];
  forvantadEffekt: { niva: string; typ: string; forvantadEffekt: string; senasteBedomning: string }[];
  utvecklingsomraden: { titel: string; beskrivning: string; franVarv: string; status: string; forlopp: string[] }[];
  planMotUtfall: {
    baslinje: string;
    rader: { mote: string; planerade: number; hallna: number; enligtPlan: number; flyttade: number; ejHallna: number; kommande: number; tillagda: number }[];
  };
}

/**
 * One table's counts before suppression, by the keys of its rows and columns: what the huvudman's hub adds up over its
 * schools before it suppresses the totals itself. Counts only, never a row about a pupil.
 */
export interface RapportAggregat {
  nyckel: string;
  rader: { key: string; etikett: string }[];
  kolumner: { key: string; etikett: string }[];
  varden: number[][];
}

type Grid = Map<string, Map<string, number>>;
type Cell = { r: string; c: string; antal: number };

function grid(rows: Cell[]): Grid {
  const g: Grid = new Map();
  for (const row of rows) {
    const line = g.get(row.r) ?? new Map<string, number>();
    line.set(row.c, (line.get(row.c) ?? 0) + row.antal);
    g.set(row.r, line);
  }
  return g;
}

function tabell(
  def: { nyckel: string; rubrik: string; beskrivning: string; radsumma: boolean; kolumnsumma: boolean; behallRader?: number[]; behallRadsummor?: boolean },
  rader: { key: string; etikett: string }[],
  kolumner: { key: string; etikett: string }[],
  data: Grid,
  troskel: number,
  samla?: RapportAggregat[],
): RapportTabell {
  const varden = rader.map((r) => kolumner.map((c) => data.get(r.key)?.get(c.key) ?? 0));
  samla?.push({ nyckel: def.nyckel, rader, kolumner, varden });
  const skyddad = skyddaTabell(varden, {
    radsumma: def.radsumma,
    kolumnsumma: def.kolumnsumma,
    troskel,
    ...(def.behallRader ? { behallRader: def.behallRader } : {}),
    ...(def.behallRadsummor ? { behallRadsummor: true } : {}),
  });
  return {
    nyckel: def.nyckel,
    rubrik: def.rubrik,
    beskrivning: def.beskrivning,
    kolumner: [...kolumner.map((c) => c.etikett), ...(def.radsumma ? ['Totalt'] : [])],
    rader: rader.map((r, i) => ({ etikett: r.etikett, celler: skyddad.rader[i] ?? [] })),
    summa: skyddad.summa ? { etikett: 'Totalt', celler: skyddad.summa } : null,
  };
}

/** Names and ids that must never leave in free text: every pupil's and staff member's. */
function kansligaOrd(db: Database): KansligaOrd {
  const personer = db
    .prepare('SELECT fornamn, efternamn FROM elev UNION SELECT fornamn, efternamn FROM personal')
    .all() as { fornamn: string; efternamn: string }[];
  return {
    namn: personer.flatMap((p) => [p.fornamn, p.efternamn]),
    fullaNamn: personer.map((p) => `${p.fornamn} ${p.efternamn}`),
    id: db.prepare('SELECT extern_id FROM elev WHERE extern_id IS NOT NULL').pluck().all() as string[],
  };
}

const nivaRader = NIVAER.map((n) => ({ key: n, etikett: NIVA_TEXT[n] }));
const EFFEKT: readonly Bedomning[] = ['tydlig_effekt', 'viss_effekt'];
/** The effect table's rows: tydlig, viss, and every other judgement together (a partition of the judged insatser). */
const EFFEKT_RADER = [
  ...EFFEKT.map((b) => ({ key: b as string, etikett: BEDOMNING_TEXT[b] })),
  { key: 'ovrigt', etikett: 'Ingen effekt, negativ utveckling eller kan ej bedömas' },
];

/** The tables' own definitions, so that the hub protects a sum over schools exactly as a school protects its own. */
const TABELL_DEF: Record<string, { radsumma: boolean; kolumnsumma: boolean; behallRader?: number[]; behallRadsummor?: boolean }> = {
  // The share "Alla nivåer" is what the huvudman reads first: its parts stay shown before any level's own share.
  effekt: { radsumma: true, kolumnsumma: true, behallRader: [0, 1], behallRadsummor: true },
};

/** Suppresses one table of counts (for example the hub's sum over its schools) by the year report's own rule. */
export function skyddaAggregat(a: RapportAggregat, rubrik: string, troskel: number): RapportTabell {
  const def = TABELL_DEF[a.nyckel] ?? { radsumma: true, kolumnsumma: true };
  const data: Grid = new Map(a.rader.map((r, i) => [r.key, new Map(a.kolumner.map((c, j) => [c.key, a.varden[i]?.[j] ?? 0]))]));
  return tabell({ nyckel: a.nyckel, rubrik, beskrivning: '', ...def }, a.rader, a.kolumner, data, troskel);
}

/**
 * The share of judged insatser with effect (tydlig or viss), per level and for all levels. A share is shown only when
 * it can be computed from numbers the effect table shows anyway: the cells with effect and the total of the column
 * (or of the whole table). Otherwise the share and the total would give back a hidden cell (e.g. 49 % of a shown 35
 * with a shown 14 leaves 3).
 */
export function andelarMedEffekt(effektTabell: RapportTabell, troskel: number): AndelMedEffekt[] {
  const effektRader = EFFEKT.map((_, i) => effektTabell.rader[i]?.celler ?? []);
  return [...nivaRader, { key: null, etikett: 'Alla nivåer' }].map((n, i) => {
    const kolumn = n.key === null ? nivaRader.length : i;
    const taljare = effektRader.map((rad) => rad[kolumn]);
    const namnare = effektTabell.summa?.celler[kolumn];
    const synligt = typeof namnare === 'number' && taljare.every((v) => typeof v === 'number');
    const summa = taljare.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
    const andel = synligt ? skyddadAndel(summa, namnare, troskel) : SEKUNDAR_MARK;
    const visas = andel !== SEKUNDAR_MARK;
    return {
      niva: n.etikett,
      andel,
      procent: visas ? Math.round((summa / (namnare as number)) * 100) : null,
      medEffekt: visas ? summa : SEKUNDAR_MARK,
      bedomda: typeof namnare === 'number' ? namnare : (namnare ?? SEKUNDAR_MARK),
    };
  });
}

export function buildArsrapport(db: Database, opts: { lasarId: number | null; idag: string; skapad: string; troskel?: number }): Arsrapport {
  return buildArsrapportMedAggregat(db, opts).rapport;
}

/** The year report and, for the huvudman's hub only, the same tables' counts before suppression. */
export function buildArsrapportMedAggregat(
  db: Database,
  opts: { lasarId: number | null; idag: string; skapad: string; troskel?: number },
): { rapport: Arsrapport; aggregat: RapportAggregat[] } {
  const aggregat: RapportAggregat[] = [];
  const troskel = opts.troskel ?? STANDARD_TROSKEL;
  const lasar = lasarFor(db, opts.lasarId, opts.idag);
  const skola = (db.prepare('SELECT namn FROM skola WHERE id = 1').pluck().get() as string | undefined) ?? '';
  const ord = kansligaOrd(db);
  const iLasar = (a: string) => `${a}.startdatum <= @slut AND (${a}.slutdatum IS NULL OR ${a}.slutdatum >= @start)`;
  const period = { start: lasar.startdatum, slut: lasar.slutdatum };

  const insatser = grid(
    db.prepare(`SELECT typ AS r, niva AS c, count(*) AS antal FROM insats i WHERE ${iLasar('i')} GROUP BY niva, typ`).all(period) as Cell[],
  );
  // Each insats counts once, by its latest judgement at the läsår's meetings.
  const senaste = `SELECT i.niva, i.elev_id, b.bedomning FROM insats i JOIN effektbedomning b ON b.insats_id = i.id JOIN mote m ON m.id = b.mote_id
    WHERE m.lasar_id = @lasar AND b.id = (SELECT b2.id FROM effektbedomning b2 JOIN mote m2 ON m2.id = b2.mote_id
      WHERE b2.insats_id = i.id AND m2.lasar_id = @lasar ORDER BY b2.datum DESC, b2.id DESC LIMIT 1)`;
  // Judgements without effect are one row: merged before anything is hidden, so the shares stay shown.
  const effekt = grid(
    db
      .prepare(
        `SELECT CASE WHEN bedomning IN ('tydlig_effekt', 'viss_effekt') THEN bedomning ELSE 'ovrigt' END AS r, niva AS c, count(*) AS antal
         FROM (${senaste}) GROUP BY niva, r`,
      )
      .all({ lasar: lasar.id }) as Cell[],
  );
  const beslut = grid(
    db
      .prepare(`SELECT b.beslut AS r, coalesce('v' || v.nummer, 'forsta') AS c, count(*) AS antal FROM ${BEDOMNING_I_LASAR.replace('WHERE', 'LEFT JOIN varv v ON v.id = m.varv_id WHERE')} GROUP BY r, c`)
      .all(lasar.id) as Cell[],
  );
  const forstaBeslut = [...beslut.values()].some((line) => line.has('forsta'));
  const varvNummer = db.prepare('SELECT nummer FROM varv WHERE lasar_id = ? ORDER BY nummer').pluck().all(lasar.id) as number[];
  const utredningar = grid(
    db
      .prepare(
        `SELECT CASE status WHEN 'avslutad' THEN 'avslutad' ELSE 'pagar' END AS r,
                CASE WHEN (status = 'avslutad' AND avslutad_datum <= deadline) OR (status = 'pagar' AND deadline >= @idag)
                     THEN 'itid' ELSE 'sent' END AS c, count(*) AS antal
         FROM utredning WHERE startdatum BETWEEN @start AND @slut GROUP BY r, c`,
      )
      .all({ ...period, idag: opts.idag }) as Cell[],
  );
  // Pupils with an individual insats, split by whether their latest judgement showed effect: a partition, so the
  // row total and the suppression cover both parts (a "varav" column would let a small difference be computed).
  const nyanlandaRad = "CASE e.nyanland WHEN 1 THEN 'ny' ELSE 'ovr' END";
  const medInsats = db
    .prepare(`SELECT ${nyanlandaRad} AS r, count(DISTINCT e.id) AS antal FROM insats i JOIN elev e ON e.id = i.elev_id WHERE ${iLasar('i')} GROUP BY r`)
    .all(period) as { r: string; antal: number }[];
  const medEffekt = db
    .prepare(
      `SELECT ${nyanlandaRad} AS r, count(DISTINCT e.id) AS antal FROM (${senaste}) s JOIN elev e ON e.id = s.elev_id
       WHERE s.bedomning IN ('tydlig_effekt', 'viss_effekt') GROUP BY r`,
    )
    .all({ lasar: lasar.id }) as { r: string; antal: number }[];
  const nyanlanda = grid(
    medInsats.flatMap((m) => {
      const effektAntal = Math.min(m.antal, medEffekt.find((x) => x.r === m.r)?.antal ?? 0);
      return [
        { r: m.r, c: 'effekt', antal: effektAntal },
        { r: m.r, c: 'ovrigt', antal: m.antal - effektAntal },
      ];
    }),
  );

  const tabeller: RapportTabell[] = [
    tabell(
      { nyckel: 'insatser', rubrik: 'Insatser under läsåret efter typ och nivå', beskrivning: 'Insatser som pågick någon gång under läsåret. En förändrad insats räknas som en ny insats.', radsumma: true, kolumnsumma: true },
      INSATS_TYPER.map((t) => ({ key: t, etikett: INSATS_TYP_TEXT[t] })),
      nivaRader,
      insatser,
      troskel,
      aggregat,
    ),
    tabell(
      {
        nyckel: 'effekt',
        rubrik: 'Bedömd effekt efter nivå',
        beskrivning: 'Varje insats räknas en gång, med den senaste bedömningen under läsåret.',
        radsumma: true,
        kolumnsumma: true,
        // The share with effect is computed from these rows: keep them shown where another cell can be hidden instead.
        ...TABELL_DEF.effekt,
      },
      EFFEKT_RADER,
      nivaRader,
      effekt,
      troskel,
      aggregat,
    ),
    tabell(
      { nyckel: 'beslut', rubrik: 'Beslut efter effektbedömning per varv', beskrivning: 'Beslut vid läsårets EHT-möten: insatser med effekt intensifieras, insatser utan effekt förändras eller tas bort.', radsumma: true, kolumnsumma: true },
      BESLUT.map((b) => ({ key: b, etikett: BESLUT_TEXT[b] })),
      [...(forstaBeslut ? [{ key: 'forsta', etikett: 'Första EHT' }] : []), ...varvNummer.map((n) => ({ key: `v${n}`, etikett: `Varv ${n}` }))],
      beslut,
      troskel,
      aggregat,
    ),
    tabell(
      { nyckel: 'utredningar', rubrik: 'Utredningar av behov av särskilt stöd', beskrivning: 'Utredningar som inleddes under läsåret, efter om de blev klara inom den deadline som sattes.', radsumma: true, kolumnsumma: true },
      [
        { key: 'avslutad', etikett: 'Avslutade' },
        { key: 'pagar', etikett: 'Pågående' },
      ],
      [
        { key: 'itid', etikett: 'Inom deadline' },
        { key: 'sent', etikett: 'Efter deadline' },
      ],
      utredningar,
      troskel,
      aggregat,
    ),
    tabell(
      { nyckel: 'nyanlanda', rubrik: 'Elever med individuella insatser, nyanlända redovisade separat', beskrivning: 'Antal elever (inte insatser) som hade minst en individuell insats under läsåret, och hur många av dem vars senaste bedömning visade tydlig eller viss effekt.', radsumma: true, kolumnsumma: true },
      [
        { key: 'ny', etikett: 'Nyanlända elever' },
        { key: 'ovr', etikett: 'Övriga elever' },
      ],
      [
        { key: 'effekt', etikett: 'Senaste bedömning: effekt' },
        { key: 'ovrigt', etikett: 'Ingen effekt eller inte bedömd' },
      ],
      nyanlanda,
      troskel,
      aggregat,
    ),
  ];

  const andelMedEffekt = andelarMedEffekt(tabeller.find((t) => t.nyckel === 'effekt') as RapportTabell, troskel);

  // Expected effects of insatser for a group or the whole school: not about one pupil, and scrubbed all the same.
  const forvantad = db
    .prepare(
      `SELECT i.niva, i.typ, i.forvantad_effekt AS text,
              (SELECT b.bedomning FROM effektbedomning b WHERE b.insats_id = i.id ORDER BY b.datum DESC, b.id DESC LIMIT 1) AS bedomning
       FROM insats i WHERE i.niva IN ('grupp', 'organisation') AND trim(i.forvantad_effekt) <> '' AND ${iLasar('i')}
       ORDER BY i.niva DESC, i.startdatum LIMIT 40`,
    )
    .all(period) as { niva: (typeof NIVAER)[number]; typ: (typeof INSATS_TYPER)[number]; text: string; bedomning: Bedomning | null }[];

  const plan = planMotUtfall(db, lasar.id, opts.idag);
  const typer: MoteTyp[] = ['forsta_eht', 'resultatdialog', 'eht', 'avstamning'];

  const rapport: Arsrapport = {
    typ: 'arsrapport',
    rubrik: 'Årsrapport till huvudmannen',
    skola,
    lasar: lasar.namn,
    period: { fran: lasar.startdatum, till: lasar.slutdatum },
    skapad: opts.skapad,
    troskel,
    om: [
      'Rapporten sammanfattar skolans strukturerade resultatuppföljning under läsåret: vilka insatser som gjordes, vilken effekt de bedömdes ha, vilka beslut som fattades och om planen följdes.',
      `Rapporten är pseudonymiserad: den innehåller inga namn eller id-nummer. Antal mellan 1 och ${troskel - 1} visas som "<${troskel}", och fler värden döljs ("–") där ett dolt antal annars kunde räknas fram ur summorna. Andelar visas bara när de kan räknas fram ur tal som redan visas och inte avslöjar ett litet antal.`,
    ],
    tabeller,
    andelMedEffekt,
    forvantadEffekt: forvantad.map((f) => ({
      niva: NIVA_TEXT[f.niva],
      typ: INSATS_TYP_TEXT[f.typ],
      forvantadEffekt: skrubbaText(f.text, ord),
      senasteBedomning: f.bedomning ? BEDOMNING_TEXT[f.bedomning] : 'Inte bedömd ännu',
    })),
    utvecklingsomraden: listOmraden(db, lasar.id).map((o) => ({
      titel: skrubbaText(o.titel, ord),
      beskrivning: skrubbaText(o.beskrivning, ord),
      franVarv: o.franVarvNummer === null ? '' : `Varv ${o.franVarvNummer}`,
      status: UTVECKLING_STATUS_TEXT[o.status],
      forlopp: o.historik.map((h) => `${h.datum}${h.varvNummer === null ? '' : ` (varv ${h.varvNummer})`}: ${UTVECKLING_STATUS_TEXT[h.status]}${h.kommentar ? ` – ${skrubbaText(h.kommentar, ord)}` : ''}`),
    })),
    planMotUtfall: {
      baslinje: plan.baslinje
        ? `Jämförelse med planversion ${plan.baslinje.nummer}, baslinjen från läsårets start.`
        : 'Ingen baslinje för planen är fastställd; jämförelsen görs mot kalendern som den ser ut nu.',
      rader: typer.map((typ) => {
        const r = plan.moten.filter((m) => m.typ === typ);
        const n = (u: string) => r.filter((m) => m.utfall === u).length;
        return {
          mote: MOTE_TYP_TEXT[typ],
          planerade: r.filter((m) => m.planerat !== null).length,
          hallna: r.filter((m) => m.hallet).length,
          enligtPlan: n('enligt_plan'),
          flyttade: n('flyttat'),
          ejHallna: n('ej_hallet'),
          kommande: n('kommande'),
          tillagda: n('tillagt'),
        };
      }),
    },
  };
  return { rapport, aggregat };
}
