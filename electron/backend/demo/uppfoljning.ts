// The demo school's uppföljning after the EHT-möte (steps 5, 7, 8): for every varv whose resultatdialog meeting is
// held, a few resultatdialoger with the common template filled in (and, from the second varv, the previous plan
// followed up: "hur gick det?") and the next varv's dialogues planned; for every varv whose avstämning is held, the avstämning marked done with its
// årskurser; two or three utvecklingsområden with the varv they came from and their status over the year; and two
// active insatser that nobody has been named to follow up, so Översikt has something to point at.
// Only adds rows; everything follows from the calendar already generated, `today` and the seeded generator.
import type { Database } from 'better-sqlite3';
import { arskursText } from '../../../shared/labels';
import { klaraArskurser } from '../uppfoljning/avstamning';
import { currentLasar } from '../skola/oversikt';
import { resultatdialogVal } from '../uppfoljning/resultatdialog';
import { listFragor } from '../uppfoljning/fragebank';
import type { Random } from './random';
import type { Staff } from './people';

interface Omfattning {
  typ: 'larare' | 'amneslag' | 'arbetslag';
  larareId: number | null;
  amneId: number | null;
  arskurser: number[];
  nyckel: string;
  namn: string;
}

interface Mall {
  iakttagelser: string[];
  forandring: string[];
  forvantadEffekt: string[];
  uppfoljningPlan: string[];
}

// The plan in the common template, worded as a skolledning writes it: about the teaching, never about one pupil.
const MALL: Record<Omfattning['typ'], Mall> = {
  arbetslag: {
    iakttagelser: [
      'Många elever missar kriterierna om att förklara hur de tänkt, i flera ämnen. Skriftliga instruktioner läses inte till slut.',
      'Eleverna klarar faktafrågorna men inte att dra slutsatser ur en text eller ett diagram.',
      'Resultaten i läsförståelse har sjunkit sedan förra varvet i två av klasserna.',
    ],
    forandring: [
      'Gemensam modell för genomgångar i alla ämnen: mål på tavlan, modellering, eleverna förklarar för varandra.',
      'Vi läser instruktionerna högt tillsammans och eleverna återberättar dem innan de börjar arbeta.',
      'En lektion i veckan med gemensam textsamtalsmodell, oavsett ämne.',
    ],
    forvantadEffekt: [
      'Fler elever når kriteriet om att förklara sitt resonemang till nästa varv.',
      'Färre elever lämnar in ofullständiga uppgifter.',
      'Fler elever når läsförståelsekriterierna i svenska och SO.',
    ],
    uppfoljningPlan: [
      'Arbetslaget jämför kriterieresultaten i nästa varv och tar med två elevexempel per klass.',
      'Följs upp i nästa resultatdialog med utfallet per klass.',
    ],
  },
  amneslag: {
    iakttagelser: [
      'Problemlösning och resonemang är de kriterier flest elever inte når, i alla årskurser.',
      'Eleverna räknar rätt men kan inte välja metod när uppgiften är formulerad i text.',
    ],
    forandring: [
      'Mer gemensam problemlösning i par, med en gemensam genomgång av olika lösningar efteråt.',
      'Varje arbetsområde börjar med en rik uppgift som hela klassen löser tillsammans.',
    ],
    forvantadEffekt: [
      'Fler elever når kriteriet för problemlösning i nästa varv.',
      'Fler elever kan motivera sitt val av metod.',
    ],
    uppfoljningPlan: ['Ämneslaget följer upp med samma kriterier i nästa varv och jämför per årskurs.'],
  },
  larare: {
    iakttagelser: [
      'I mina grupper är det kriterierna om att skriva sammanhängande text som flest inte når.',
      'Gruppen klarar laborationerna men inte att dokumentera och dra slutsatser.',
      'Många elever saknar underlag i två moment på grund av frånvaro.',
    ],
    forandring: [
      'Skrivstöd med exempeltexter och gemensam bedömning av en exempeltext innan eleverna skriver själva.',
      'Mallar för laborationsrapporten och kortare skrivpass i varje lektion.',
      'Fler och kortare avstämningar under arbetsområdet så att underlaget inte saknas vid bedömningen.',
    ],
    forvantadEffekt: [
      'Fler elever når skrivkriterierna i nästa varv.',
      'Fler elever når kriteriet om slutsatser.',
      'Färre elever saknar underlag vid nästa bedömning.',
    ],
    uppfoljningPlan: ['Läraren tar med elevexempel till nästa resultatdialog.', 'Följs upp i nästa varv med samma kriterier.'],
  },
};

/** "Hur gick det?" in the next varv, with the effect the dialogue judged. */
const HUR_GICK_DET = [
  { effekt: 'tydlig_effekt', text: 'Förändringen genomfördes i alla grupper och fler elever når kriteriet; störst skillnad där vi började tidigt.' },
  { effekt: 'viss_effekt', text: 'Genomfört. Eleverna förklarar mer, men bara en del av resultaten har ändrats än; vi behåller förändringen ett varv till.' },
  { effekt: 'viss_effekt', text: 'Delvis genomfört: sjukskrivningar gjorde att modellen bara prövades i hälften av lektionerna. Vi fortsätter.' },
  { effekt: 'ingen_effekt', text: 'Genomfört, men ingen skillnad i resultaten. Vi byter arbetssätt och tar hjälp av förstelärarna.' },
] as const;

const SVAR = [
  'Kriterierna om att resonera och förklara, och det beror mest på att eleverna sällan får öva på det i undervisningen.',
  'Genomgångarna: mer modellering och fler tillfällen för eleverna att förklara för varandra.',
];

const AVSTAMNING = [
  'Alla årskurser har haft sin resultatdialog. Samtalen handlade om undervisningen; flera arbetslag lyfte läsförståelse.',
  'Resultatdialogerna hölls enligt planen. Problemlösning återkommer i flera ämnen och tas med i det systematiska kvalitetsarbetet.',
  'Uppföljningen är genomförd i alla årskurser. Arbetslagen önskar mer tid för gemensam analys inför nästa varv.',
];

const OMRADEN = [
  {
    titel: 'Läsförståelse och ämnesbegrepp i SO och NO',
    beskrivning: 'Att dra slutsatser ur texter och använda ämnesbegreppen återkommer som svårt i flera ämnen och årskurser.',
    forlopp: [
      { status: 'identifierat', kommentar: 'Lyftes i flera resultatdialoger.' },
      { status: 'pagar', kommentar: 'Förstelärarna leder en gemensam textsamtalsmodell i alla arbetslag.' },
      { status: 'genomfort', kommentar: 'Modellen används i alla arbetslag; följs upp vid årsavslutet.' },
    ],
  },
  {
    titel: 'Problemlösning i matematik, åk 4–9',
    beskrivning: 'Problemlösning och resonemang är de kriterier flest elever inte når i matematik.',
    forlopp: [
      { status: 'identifierat', kommentar: '' },
      { status: 'pagar', kommentar: 'Ämneslaget prövar rika uppgifter och gemensam genomgång av lösningar.' },
    ],
  },
  {
    titel: 'Gemensam struktur för genomgångar',
    beskrivning: 'Arbetslagen vill ha samma struktur för mål, modellering och avstämning i alla ämnen.',
    forlopp: [{ status: 'identifierat', kommentar: 'Från avstämningen; tas upp på nästa APT.' }],
  },
] as const;

/** The scopes of one läsår's dialogues: the same every varv, so each plan is followed up in the next varv. */
function omfattningar(db: Database, rng: Random, lasarId: number, undantag: number | null): Omfattning[] {
  const arskurser = new Set(
    db.prepare('SELECT DISTINCT arskurs FROM grupp WHERE lasar_id = ? AND arskurs IS NOT NULL').pluck().all(lasarId) as number[],
  );
  const out: Omfattning[] = [];
  for (const [fran, till] of [
    [0, 3],
    [4, 6],
  ] as const) {
    const lag = [...arskurser].filter((a) => a >= fran && a <= till).sort((a, b) => a - b);
    if (lag.length === 0) continue;
    const namn = `Arbetslag åk ${arskursText(lag[0] as number)}–${arskursText(lag[lag.length - 1] as number)}`;
    out.push({ typ: 'arbetslag', larareId: null, amneId: null, arskurser: lag, nyckel: `arbetslag:${lag.join(',')}`, namn });
  }
  const ma = db.prepare("SELECT id, namn FROM amne WHERE kod = 'MA' AND sprak = ''").get() as { id: number; namn: string } | undefined;
  if (ma) out.push({ typ: 'amneslag', larareId: null, amneId: ma.id, arskurser: [], nyckel: `amneslag:${ma.id}`, namn: `Ämneslag ${ma.namn.toLowerCase()}` });
  // One teacher of åk 7–9 (not the first in the list: a new user trying the step starts with a teacher of their own).
  const larare = db
    .prepare(
      `SELECT DISTINCT p.id, p.fornamn || ' ' || p.efternamn AS namn FROM undervisning u JOIN grupp g ON g.id = u.grupp_id
       JOIN personal p ON p.id = u.personal_id WHERE g.lasar_id = ? AND g.arskurs >= 7 AND p.aktiv = 1 ORDER BY p.id`,
    )
    .all(lasarId) as { id: number; namn: string }[];
  const valbara = larare.filter((l) => l.id !== undantag);
  if (valbara.length > 0) {
    const l = rng.pick(valbara);
    out.push({ typ: 'larare', larareId: l.id, amneId: null, arskurser: [], nyckel: `larare:${l.id}`, namn: l.namn });
  }
  return out;
}

export function addDemoUppfoljning(db: Database, rng: Random, today: string, staff: Staff): void {
  const insertDialog = db.prepare(
    `INSERT INTO resultatdialog (varv_id, omfattning, larare_id, amne_id, arskurser, omfattning_nyckel, namn, datum, status,
       iakttagelser, forandring, forvantad_effekt, uppfoljning_plan, foregaende_id, hur_gick_det, foregaende_effekt, skapad, uppdaterad)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'genomford', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFraga = db.prepare('INSERT INTO resultatdialog_fraga (resultatdialog_id, fraga_id, ordning, svar) VALUES (?, ?, ?, ?)');
  const insertAvstamning = db.prepare(
    "INSERT INTO avstamning (varv_id, datum, arskurser_klara, anteckningar, status, uppdaterad) VALUES (?, ?, ?, ?, 'klar', ?)",
  );
  const insertPlanerad = db.prepare(
    `INSERT INTO resultatdialog (varv_id, omfattning, larare_id, amne_id, arskurser, omfattning_nyckel, namn, datum, foregaende_id,
       skapad, uppdaterad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fragor = listFragor(db, false);
  const skolansArskurser = db.prepare('SELECT DISTINCT arskurs FROM elev WHERE aktiv = 1 ORDER BY arskurs').pluck().all() as number[];
  const undantag = resultatdialogVal(db, today).larare[0]?.id ?? null;
  const current = currentLasar(db, today);
  const lasarIds = db.prepare('SELECT id FROM lasar ORDER BY startdatum').pluck().all() as number[];

  for (const lasarId of lasarIds) {
    const lasarRng = rng.fork(lasarId);
    const scopes = omfattningar(db, lasarRng, lasarId, undantag);
    const varvList = db
      .prepare(
        `SELECT v.id, v.nummer,
                (SELECT datum FROM mote WHERE varv_id = v.id AND typ = 'resultatdialog' AND status = 'avslutat' ORDER BY datum LIMIT 1) AS dialog,
                (SELECT datum FROM mote WHERE varv_id = v.id AND typ = 'avstamning' AND status = 'avslutat' ORDER BY datum LIMIT 1) AS avstamning,
                (SELECT datum FROM mote WHERE varv_id = v.id AND typ = 'resultatdialog' AND status = 'planerat' ORDER BY datum LIMIT 1) AS planerad
         FROM varv v WHERE v.lasar_id = ? ORDER BY v.nummer`,
      )
      .all(lasarId) as { id: number; nummer: number; dialog: string | null; avstamning: string | null; planerad: string | null }[];
    const forra = new Map<string, number>();
    for (const varv of varvList) {
      if (varv.dialog === null) continue;
      const tacktaHar = new Set<number>();
      for (const o of scopes) {
        const mall = MALL[o.typ];
        const foregaende = forra.get(o.nyckel) ?? null;
        const hurGick = foregaende === null ? null : lasarRng.pick(HUR_GICK_DET);
        const id = Number(
          insertDialog.run(
            varv.id,
            o.typ,
            o.larareId,
            o.amneId,
            JSON.stringify(o.arskurser),
            o.nyckel,
            o.namn,
            varv.dialog,
            lasarRng.pick(mall.iakttagelser),
            lasarRng.pick(mall.forandring),
            lasarRng.pick(mall.forvantadEffekt),
            lasarRng.pick(mall.uppfoljningPlan),
            foregaende,
            hurGick?.text ?? '',
            hurGick?.effekt ?? null,
            `${varv.dialog}T07:30:00.000Z`,
            `${varv.dialog}T15:00:00.000Z`,
          ).lastInsertRowid,
        );
        fragor.forEach((f, i) => insertFraga.run(id, f.id, i + 1, SVAR[i] ?? ''));
        forra.set(o.nyckel, id);
      }
      for (const a of klaraArskurser(db, lasarId, scopes.map((o) => ({ omfattning: o.typ, arskurser: o.arskurser, larareId: o.larareId, amneId: o.amneId, namn: o.namn })))) tacktaHar.add(a);
      if (varv.avstamning === null) continue;
      // The årskurser no dialogue in Varvet covered were held outside it and marked done by the skolledning.
      const manuellt = skolansArskurser.filter((a) => !tacktaHar.has(a));
      insertAvstamning.run(varv.id, varv.avstamning, JSON.stringify(manuellt), AVSTAMNING[(varv.nummer - 1) % AVSTAMNING.length], `${varv.avstamning}T15:30:00.000Z`);
    }
    // The next resultatdialog of the current läsår is prepared: its dialogues planned, each following up the same
    // scope's latest held one.
    const nasta = lasarId === current?.id ? varvList.find((v) => v.dialog === null && v.planerad !== null) : undefined;
    if (nasta?.planerad) {
      for (const o of scopes.filter((x) => x.typ !== 'larare')) {
        const id = Number(
          insertPlanerad
            .run(nasta.id, o.typ, o.larareId, o.amneId, JSON.stringify(o.arskurser), o.nyckel, o.namn, nasta.planerad, forra.get(o.nyckel) ?? null, `${today}T07:30:00.000Z`, `${today}T07:30:00.000Z`)
            .lastInsertRowid,
        );
        fragor.forEach((f, i) => insertFraga.run(id, f.id, i + 1, ''));
      }
    }
    if (lasarId === current?.id) addOmraden(db, varvList.filter((v) => v.avstamning !== null) as { id: number; avstamning: string }[]);
  }
  if (current) addInsatserUtanUppfoljare(db, rng.fork(99), current.id, staff);
}

/** Utvecklingsområden from the held avstämningar: each from a varv, its status moving on at later avstämningar. */
function addOmraden(db: Database, hallna: { id: number; avstamning: string }[]): void {
  if (hallna.length === 0) return;
  const insertOmrade = db.prepare(
    'INSERT INTO utvecklingsomrade (titel, beskrivning, fran_varv_id, status, skapad, uppdaterad) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertStatus = db.prepare(
    'INSERT INTO utvecklingsomrade_status (utvecklingsomrade_id, varv_id, status, kommentar, datum, skapad) VALUES (?, ?, ?, ?, ?, ?)',
  );
  OMRADEN.forEach((o, i) => {
    // The third area comes from the latest avstämning; the others from the first, moving one step per avstämning.
    if (i === 2 && hallna.length < 2) return;
    const start = i === 2 ? hallna.length - 1 : 0;
    const steg = o.forlopp.slice(0, hallna.length - start);
    const sista = steg[steg.length - 1] ?? o.forlopp[0];
    const franVarv = hallna[start] as { id: number; avstamning: string };
    const sistaVarv = hallna[start + steg.length - 1] as { id: number; avstamning: string };
    const id = Number(
      insertOmrade.run(o.titel, o.beskrivning, franVarv.id, sista.status, `${franVarv.avstamning}T15:00:00.000Z`, `${sistaVarv.avstamning}T15:00:00.000Z`)
        .lastInsertRowid,
    );
    steg.forEach((s, k) => {
      const varv = hallna[start + k] as { id: number; avstamning: string };
      insertStatus.run(id, varv.id, s.status, s.kommentar, varv.avstamning, `${varv.avstamning}T15:00:00.000Z`);
    });
  });
}

/** Two active insatser decided at the latest held EHT-möte without anyone named to follow them up. */
function addInsatserUtanUppfoljare(db: Database, rng: Random, lasarId: number, staff: Staff): void {
  const mote = db
    .prepare("SELECT id, datum FROM mote WHERE lasar_id = ? AND typ IN ('eht', 'forsta_eht') AND status = 'avslutat' ORDER BY datum DESC LIMIT 1")
    .get(lasarId) as { id: number; datum: string } | undefined;
  if (!mote) return;
  const insert = db.prepare(
    `INSERT INTO insats (niva, grupp_id, larare_id, amne_id, beskrivning, typ, forvantad_effekt, genomfors_av_id, aterkopplar_id,
       startdatum, beslutad_vid_mote_id, skapad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const skapad = `${mote.datum}T14:45:00.000Z`;
  // A class in åk 4–6 and one of its NO teachers.
  const klass = db
    .prepare(
      `SELECT g.id, u.personal_id AS larare, u.amne_id AS amne FROM grupp g JOIN undervisning u ON u.grupp_id = g.id
       JOIN amne a ON a.id = u.amne_id WHERE g.lasar_id = ? AND g.typ = 'klass' AND g.arskurs BETWEEN 4 AND 6 AND a.kod = 'BI'
       ORDER BY g.id`,
    )
    .all(lasarId) as { id: number; larare: number; amne: number }[];
  if (klass.length > 0) {
    const k = rng.pick(klass);
    insert.run(
      'grupp', k.id, null, k.amne,
      'Gemensam genomgång av veckans begrepp i början av varje NO-lektion, med bildstöd',
      'forandrad_undervisning',
      'Fler elever i klassen når kriteriet om att använda biologins begrepp i nästa varv.',
      k.larare, mote.datum, mote.id, skapad,
    );
  }
  const larare = staff.larare.filter((id) => !staff.forstelarare.includes(id));
  const specialpedagog = staff.specialpedagoger[0];
  if (larare.length > 0 && specialpedagog !== undefined) {
    insert.run(
      'larare', null, rng.pick(larare), null,
      'Handledning av specialpedagogen i att anpassa läromedel och instruktioner',
      'handledning',
      'Läraren anpassar sina instruktioner så att fler elever kommer igång själva.',
      specialpedagog, mote.datum, mote.id, skapad,
    );
  }
}
