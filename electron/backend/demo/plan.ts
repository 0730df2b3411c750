// The demo school's Förberedelse (steps 1–3) and its plan: two inventoried tools, discussion answers and Fundera, the
// plan's answers, version 1 saved by the rektor the term before, the baseline Varvet froze from it on the läsår's
// first day, and a later version with a reason that moved two EHT-möten — so the year-end's "planned vs held" shows
// real differences. No randomness: everything follows from the calendar already generated and `now`.
import type { Database } from 'better-sqlite3';
import { toIsoDate } from '../../../shared/calendar';
import { formatDatum, isWeekday, maxIso, minIso } from '../../../shared/domain/dates';
import { PLAN_FRAGA_KEYS, addDaysIso, type PlanFragaKey, type PlanInnehall } from '../../../shared/domain/index';
import { currentLasar } from '../skola/oversikt';
import { AUTOMATISK_AV } from '../plan/baslinje';
import { insertVersion, planSnapshot } from '../plan/version';

const SVAR: Record<PlanFragaKey, string> = {
  forstelarare:
    'Förstelärarna leder analysen i ämneslagen inför varje resultatdialog och tar fram underlaget tillsammans med biträdande rektor.',
  eht: 'EHT deltar i varje varv: specialpedagogen förbereder EHT-mötet utifrån resultatdialogerna, kuratorn och skolsköterskan följer upp insatserna på individnivå.',
  uppfoljningar: 'Sex varv per läsår, ett varv på fem veckor. Resultatdialog veckan efter att bedömningarna är gjorda, EHT-möte veckan därpå.',
  bedomningar: 'Bedömningarna ska vara inlagda i skolplattformen senast fredagen veckan före resultatdialogen (se kalendariet).',
  syfte: 'Rektor förklarar syftet på första APT i augusti och i varje arbetslag: uppföljningen handlar om undervisningen, inte om att kontrollera lärarna.',
  analys: 'Två studiedagar under hösten med analys av egna resultat i ämneslagen, ledda av förstelärarna.',
  nyaLarare: 'Nya lärare får en mentor bland förstelärarna och går igenom årshjulet och mallen för resultatdialog första veckan.',
  plan: 'Planen gäller läsåret och stäms av med EHT och förstelärarna efter varje varv. Ändringar sparas som nya versioner med orsak.',
};

/** What the baseline said before the later version changed it. */
const SYFTE_FORE = 'Rektor förklarar syftet på första APT i augusti.';

const VERKTYG = [
  {
    namn: 'Skolplattformen (Unikum)',
    formagor: {
      omdomen: ['ja', ''],
      betygskriterier: ['ja', 'Matriser per kunskapskrav.'],
      progression: ['delvis', 'Bara inom ett läsår.'],
      over_tid: ['ja', ''],
      kommentarer: ['ja', ''],
      atkomst: ['ja', 'Vårdnadshavare ser omdömena.'],
      analys: ['nej', 'Ingen analys – bara export till Excel.'],
    },
  },
  {
    namn: 'Ämneslagens kalkylark',
    formagor: {
      omdomen: ['delvis', 'Bara SV, MA och EN.'],
      betygskriterier: ['nej', ''],
      progression: ['ja', 'Färgkodning per betygskriterium, sköts av ämneslagen.'],
      over_tid: ['ja', ''],
      kommentarer: ['nej', ''],
      atkomst: ['nej', ''],
      analys: ['delvis', 'Diagram per grupp.'],
    },
  },
] as const;

const DISKUSSION: [steg: number, fragaNr: number, svar: string][] = [
  [1, 1, 'Vi dokumenterar progression och resultat över tid på två ställen, och ingen av oss har överblick över båda.'],
  [1, 2, 'Vi saknar en analysfunktion. Vi tar upp det med huvudmannen inför nästa upphandling.'],
  [1, 3, 'Resultat över tid: vi låter kalkylarken gå och använder skolplattformen från och med i höst.'],
  [2, 1, 'Resultatdialoger i ämneslagen och en gemensam mall för frågorna.'],
  [2, 3, 'Förstelärarna, specialpedagogen och arbetslagsledarna.'],
  [2, 4, 'Vi börjar med första varvet i höst, efter att syftet har presenterats på APT.'],
];

const FUNDERA: [steg: number, utfall: string, varfor: string, nastaSteg: string][] = [
  [1, 'Vi inventerade två verktyg och såg att omdömen och resultat dokumenteras på två ställen.', 'Ämneslagen har byggt egna lösningar när plattformen inte räckte till.', 'Ett verktyg för resultat över tid från och med höstterminen.'],
  [2, 'Ledningsgruppen läste artikeln och valde resultatdialoger i ämneslagen.', 'Det passar hur lärarna redan samarbetar.', 'Presentera idén för förstelärarna före sommaren.'],
  [3, 'Planen blev klar i juni och skickades till förstelärargruppen för återkoppling.', 'Återkopplingen gjorde kalendariet mer realistiskt.', 'Stäm av planen med EHT efter första varvet.'],
];

interface Flytt {
  varvNummer: number;
  fore: string;
  efter: string;
}

/** A weekday near the meeting, inside its varv and between the varv's resultatdialog and avstämning. */
function ursprungligtDatum(v: PlanInnehall['kalender'][number]): string | null {
  if (!v.eht) return null;
  for (const d of [2, -2, 1, -1, 3, -3]) {
    const kandidat = addDaysIso(v.eht, d);
    if (!isWeekday(kandidat) || kandidat < v.startdatum || kandidat > v.slutdatum) continue;
    if ((v.resultatdialog && kandidat <= v.resultatdialog) || (v.avstamning && kandidat >= v.avstamning)) continue;
    return kandidat;
  }
  return null;
}

export function addDemoPlan(db: Database, now: Date): void {
  const today = toIsoDate(now);
  const lasar = currentLasar(db, today);
  if (!lasar) return;
  const start = lasar.startdatum;
  const rektor =
    (db
      .prepare("SELECT p.fornamn || ' ' || p.efternamn FROM personal p JOIN personal_roll r ON r.personal_id = p.id WHERE r.roll = 'rektor' ORDER BY p.id LIMIT 1")
      .pluck()
      .get() as string | undefined) ?? 'Rektor';
  // The term before: the plan was written in May and June.
  const maj = `${addDaysIso(start, -100)}T08:00:00.000Z`;
  const juni = `${addDaysIso(start, -60)}T13:15:00.000Z`;

  // Step 1: the inventory.
  const insertVerktyg = db.prepare('INSERT INTO verktyg (namn, beskrivning, ordning, skapad) VALUES (?, ?, ?, ?)');
  const insertFormaga = db.prepare('INSERT INTO verktyg_formaga (verktyg_id, formaga, varde, kommentar, uppdaterad) VALUES (?, ?, ?, ?, ?)');
  VERKTYG.forEach((v, i) => {
    const id = insertVerktyg.run(v.namn, '', i + 1, maj).lastInsertRowid;
    for (const [formaga, [varde, kommentar]] of Object.entries(v.formagor)) insertFormaga.run(id, formaga, varde, kommentar, maj);
  });
  // Steps 1–3: the discussion answers and Fundera.
  const insertDiskussion = db.prepare('INSERT INTO diskussionssvar (steg, fraga_nr, varv_id, svar, uppdaterad) VALUES (?, ?, NULL, ?, ?)');
  for (const [steg, nr, svar] of DISKUSSION) insertDiskussion.run(steg, nr, svar, maj);
  const insertFundera = db.prepare('INSERT INTO reflektion (steg, varv_id, mote_id, utfall, varfor, nasta_steg, uppdaterad) VALUES (?, NULL, NULL, ?, ?, ?, ?)');
  for (const [steg, utfall, varfor, nasta] of FUNDERA) insertFundera.run(steg, utfall, varfor, nasta, juni);

  // Step 3: the plan's answers as they stand now; the calendar is the one already generated (as the meetings ran).
  const svar = Object.fromEntries(PLAN_FRAGA_KEYS.map((k) => [k, SVAR[k]]));
  db.prepare('INSERT INTO plan_utkast (id, svar, uppdaterad) VALUES (1, ?, ?)').run(JSON.stringify(svar), juni);
  const nu = planSnapshot(db, today);

  // The plan as it was in June: the EHT-möten of varv 1 and 2 on other days, and the purpose said only at APT.
  const flyttar: Flytt[] = [];
  const juniPlan: PlanInnehall = structuredClone(nu);
  juniPlan.svar.syfte = SYFTE_FORE;
  for (const v of juniPlan.kalender.filter((x) => x.nummer <= 2)) {
    const fore = ursprungligtDatum(v);
    if (!fore || !v.eht) continue;
    flyttar.push({ varvNummer: v.nummer, fore, efter: v.eht });
    v.eht = fore;
  }

  const v1 = insertVersion(db, { lasarId: lasar.id, innehall: juniPlan, skapad: juni, skapadAv: rektor, orsak: 'Planen inför läsåret, efter samtal med förstelärarna.', baslinje: false });
  const baslinje = `${start}T05:30:00.000Z`;
  insertVersion(db, {
    lasarId: lasar.id,
    innehall: juniPlan,
    skapad: baslinje,
    skapadAv: AUTOMATISK_AV,
    orsak: `Läsåret ${lasar.namn} började. Den senast sparade planen (version 1) gäller och är fastställd som baslinje.`,
    baslinje: true,
  });
  // The later version: decided a week before the first moved meeting (never before the start, never after now).
  const forstaFlytt = flyttar.map((f) => minIso(f.fore, f.efter)).sort()[0] ?? addDaysIso(start, 14);
  const beslutsdag = minIso(maxIso(addDaysIso(forstaFlytt, -7), addDaysIso(start, 1)), today);
  const senare = maxIso(`${beslutsdag}T14:10:00.000Z`, `${start}T05:31:00.000Z`);
  const skapad3 = senare > now.toISOString() ? maxIso(now.toISOString(), `${start}T05:31:00.000Z`) : senare;
  const flyttText = flyttar.map((f) => `varv ${f.varvNummer} från ${formatDatum(f.fore)} till ${formatDatum(f.efter)}`).join(' och ');
  insertVersion(db, {
    lasarId: lasar.id,
    innehall: nu,
    skapad: skapad3,
    skapadAv: rektor,
    orsak: `${flyttar.length > 0 ? `Skolsköterskan kan bara vissa dagar: EHT-mötet flyttas i ${flyttText}. ` : ''}Syftet förmedlas också i arbetslagen.`,
    baslinje: false,
  });

  // Återkoppling on version 1 from the förstelärare, before the summer.
  const skickad = addDaysIso(juni.slice(0, 10), 1);
  db.prepare(
    `INSERT INTO aterkoppling (version_id, till, delar, meddelande, skickad, filnamn, svar, mottagen, skapad)
     VALUES (?, 'Förstelärargruppen', ?, ?, ?, 'plan-demoskolan-varvet-version-1.pdf', ?, ?, ?)`,
  ).run(
    v1,
    JSON.stringify(['analys', 'kalender']),
    'Är tiderna i kalendariet rimliga för ämneslagen, och räcker två studiedagar för analysen?',
    skickad,
    'Tiderna fungerar. Lägg gärna den andra studiedagen före varv 3 i stället för efter.',
    addDaysIso(skickad, 8),
    `${skickad}T09:00:00.000Z`,
  );
}
