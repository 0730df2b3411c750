// Meetings that lie before today are held: status avslutat, notes and participants. The next EHT-möte gets its
// planned participants, so the agenda view has someone to invite.
import type { Database } from 'better-sqlite3';
import type { LasarRad, MoteRad } from './calendar';
import type { Staff } from './people';
import type { Random } from './random';

const ANTECKNINGAR: Record<MoteRad['typ'], string> = {
  forsta_eht:
    'Genomgång av förra terminens omdömen och betyg. Insatser som redan fanns bedömdes, nya insatser beslutades för de kommande veckorna med ansvariga för återkoppling.',
  resultatdialog:
    'Resultatdialog med lärarna: vilka betygskriterier eleverna har svårt att nå och vad undervisningen ändrar till nästa varv.',
  eht: 'Varvets resultat genomgångna. Alla aktiva insatser bedömda och beslutade; nya insatser och utredningsbeslut protokollförda.',
  avstamning: 'Avstämning i skolledningen efter varvet: reflektion över utfall och övergripande utvecklingsområden.',
  arsavslut: 'Årsavslut: genomförda förändringar jämförda med planen vid läsårets start; planen uppdaterad.',
};

const FUNKTION = {
  rektor: 'Rektor', bitradande: 'Biträdande rektor', specialpedagog: 'Specialpedagog', kurator: 'Kurator',
  skolskoterska: 'Skolsköterska', skolpsykolog: 'Skolpsykolog', forstelarare: 'Förstelärare', larare: 'Lärare', mentor: 'Mentor',
} as const;

function participants(typ: MoteRad['typ'], staff: Staff, rng: Random, mentorer: number[]): [number, string, boolean][] {
  const eht: [number, string, boolean][] = [
    [staff.rektor, FUNKTION.rektor, false],
    ...staff.specialpedagoger.map((id): [number, string, boolean] => [id, FUNKTION.specialpedagog, false]),
    ...staff.kuratorer.slice(0, 1).map((id): [number, string, boolean] => [id, FUNKTION.kurator, false]),
    ...staff.skolskoterskor.slice(0, 1).map((id): [number, string, boolean] => [id, FUNKTION.skolskoterska, false]),
    ...staff.psykologer.slice(0, 1).map((id): [number, string, boolean] => [id, FUNKTION.skolpsykolog, false]),
  ];
  const ledning: [number, string, boolean][] = [
    [staff.rektor, FUNKTION.rektor, false],
    ...staff.bitradande.map((id): [number, string, boolean] => [id, FUNKTION.bitradande, false]),
  ];
  const forste = staff.forstelarare.map((id): [number, string, boolean] => [id, FUNKTION.forstelarare, false]);
  switch (typ) {
    case 'forsta_eht':
      return [...eht, ...forste];
    case 'eht':
      // Mentors of the pupils discussed are invited as needed (ledarhandling step 6).
      return [...eht, ...rng.shuffle(mentorer).slice(0, 2).map((id): [number, string, boolean] => [id, FUNKTION.mentor, true])];
    case 'resultatdialog':
      return [...ledning.slice(0, 2), ...forste.slice(0, 1), ...rng.shuffle(staff.larare).slice(0, 4)
        .filter((id) => !staff.forstelarare.includes(id)).map((id): [number, string, boolean] => [id, FUNKTION.larare, false])];
    case 'avstamning':
      return ledning;
    default:
      return [...ledning, ...forste, ...staff.specialpedagoger.map((id): [number, string, boolean] => [id, FUNKTION.specialpedagog, false])];
  }
}

export function holdMeetings(db: Database, rng: Random, lasar: LasarRad, today: string, staff: Staff, mentorer: number[]): void {
  const update = db.prepare("UPDATE mote SET status = 'avslutat', anteckningar = ?, avslutat = ? WHERE id = ?");
  const insertDeltagare = db.prepare(
    'INSERT OR IGNORE INTO mote_deltagare (mote_id, personal_id, funktion, inbjuden) VALUES (?, ?, ?, ?)',
  );
  const insertExtern = db.prepare('INSERT INTO mote_deltagare (mote_id, namn, funktion, inbjuden) VALUES (?, ?, ?, 1)');
  const nasta = lasar.moten.find((m) => m.typ === 'eht' && m.datum >= today);
  for (const mote of lasar.moten) {
    if (mote.datum >= today && mote !== nasta) continue;
    for (const [id, funktion, inbjuden] of participants(mote.typ, staff, rng, mentorer)) {
      insertDeltagare.run(mote.id, id, funktion, inbjuden ? 1 : 0);
    }
    if (mote.datum >= today) continue;
    if (mote.typ === 'eht' && rng.chance(0.3)) insertExtern.run(mote.id, 'Logoped, centrala elevhälsan', 'Logoped');
    update.run(ANTECKNINGAR[mote.typ], `${mote.datum}T15:30:00.000Z`, mote.id);
  }
}
