// The eight ledarhandlingar of Skolverket's "Arbeta strukturerat med resultatuppföljning" (seed 001): each step's
// title, its "Diskutera i skolledningen" questions word for word, and the Fundera prompts. The UI, exports and the
// year-end all read the wording from here, so it is written once.

export const STEG = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type Steg = (typeof STEG)[number];

export interface Ledarhandling {
  steg: Steg;
  titel: string;
  /** One sentence from the seed saying what the step is. */
  ingress: string;
  /** Said before the questions in steps 4 and 6. */
  diskussionIntro: string | null;
  diskussionsfragor: readonly string[];
  /** Steps 5–7 repeat every varv, so their answers are kept per varv. */
  perVarv: boolean;
}

export const LEDARHANDLINGAR: readonly Ledarhandling[] = [
  {
    steg: 1,
    titel: 'Inventering av verktyg',
    ingress: 'Inventera vilka verktyg som idag används på skolan för att dokumentera var eleverna befinner sig kunskapsmässigt.',
    diskussionIntro: null,
    diskussionsfragor: [
      'Utifrån er inventering, vad får ni för nya insikter?',
      'Vad saknar ni? Vad vill ni göra åt det?',
      'Finns det något ni som ni ser att ni följer och dokumenterar på flera ställen? Kan ni framöver göra det i ett verktyg?',
    ],
    perVarv: false,
  },
  {
    steg: 2,
    titel: 'Resultatdialoger – idéer',
    ingress: 'Börja att läsa artikeln om resultatdialoger: Resultatdialoger – resultatuppföljning i alla ämnen (artikel).',
    diskussionIntro: null,
    diskussionsfragor: [
      'Vilka av de idéer som presenteras kan ni använda i er verksamhet?',
      'Vad skulle krävas för att det ska bli verklighet?',
      'Vilka personer behöver ni involvera i verksamheten för att implementera arbetet med resultatuppföljning?',
      'Hur och när vill ni påbörja detta arbete?',
      'Vad behöver ni för stöd och från vem?',
    ],
    perVarv: false,
  },
  {
    steg: 3,
    titel: 'Planen',
    ingress: 'Utforma en plan tillsammans i skolledningen för att utveckla resultatuppföljningen på skolan.',
    diskussionIntro: null,
    diskussionsfragor: [
      'Hur ska ni involvera förstelärargruppen?',
      'Hur ska ni involvera elevhälsoteamet?',
      'När och hur ofta ska resultatuppföljningarna genomföras? (lägg in i kalendariet)',
      'När ska bedömningarna i verktyget vara gjorda för att resultatuppföljningarna ska kunna genomföras? (lägg in i kalendariet)',
      'Hur ska ni förmedla syftet med uppföljningarna?',
      'Hur ska ni träna lärarna i analysarbetet?',
      'Hur ska nytillkomna lärare introduceras i arbetet?',
      'Utforma er plan',
    ],
    perVarv: false,
  },
  {
    steg: 4,
    titel: 'Första EHT-mötet',
    ingress: 'Håll ett första EHT-möte där ni går igenom föregående termins omdömen och betyg.',
    diskussionIntro: 'När ni har genomfört detta möte, reflektera tillsammans i skolledningen kring följande:',
    diskussionsfragor: [
      'Hur har det gått?',
      'Vilka insatser har varit framgångsrika?',
      'Har ni den information ni behöver eller behöver ni samla in ytterligare information?',
      'Vad har varit svårt/vilka utmaningar har ni haft?',
      'Vad har ni lärt er?',
    ],
    perVarv: false,
  },
  {
    steg: 5,
    titel: 'Resultatdialoger',
    ingress: 'Gör en sammanställning över vilka betygskriterier som eleverna har svårt att nå inom respektive ämne.',
    diskussionIntro: null,
    diskussionsfragor: [
      'Ser ni några mönster i de betygskriterier som eleverna har svårt att nå?',
      'Kan ni utifrån dessa identifiera utvecklingsområden som hela skolan behöver arbeta med?',
    ],
    perVarv: true,
  },
  {
    steg: 6,
    titel: 'EHT-möte',
    ingress: 'Håll ett EHT-möte där ni går igenom varvets resultatuppföljningar.',
    diskussionIntro: 'När ni har genomfört detta möte, reflektera tillsammans i skolledningen kring följande:',
    diskussionsfragor: [
      'Hur har det gått?',
      'Vilka insatser har varit framgångsrika?',
      'Har ni den information ni behöver eller behöver ni samla in ytterligare information?',
      'Vad har varit svårt/vilka utmaningar har ni haft?',
      'Vad har ni lärt er?',
    ],
    perVarv: true,
  },
  {
    steg: 7,
    titel: 'Avstämning i skolledningen',
    ingress: 'Gör en avstämning i skolledningen efter att ni har genomfört varvet med resultatuppföljning för samtliga årskurser.',
    diskussionIntro: null,
    diskussionsfragor: [
      'Hur har det gått?',
      'Upplever ni att uppföljningarna har handlat om hur lärarna ska ändra sitt sätt att undervisa för att fler elever ska lyckas?',
      'Vad har varit framgångsrikt?',
      'Vad har varit svårt/vilka utmaningar har ni haft?',
      'Vad har ni lärt er?',
      'Vad behöver vi göra för att hjälpa era lärare vidare?',
      'Ser ni några mönster i de betygskriterier som eleverna har svårt att nå?',
      'Kan ni utifrån dessa identifiera utvecklingsområden som hela skolan behöver arbeta med?',
    ],
    perVarv: true,
  },
  {
    steg: 8,
    titel: 'Läsårets slut',
    ingress: 'När ni har genomfört fem-sex varv med resultatdialoger som har följts upp av steg 6–7 är det dags för att reflektera över årets arbete och att planera för nästa läsår.',
    diskussionIntro: null,
    diskussionsfragor: [
      'Hur har ni sett önskade effekter av insatserna?',
      'Har några bieffekter uppstått? Positiva och/eller negativa?',
      'Vad behöver tas bort eller läggas till?',
      'Synergieffekter med annan dokumentation?',
      'Hur ser er dokumentation av data ut?',
      'Samma data i flera dokument? Sortera!',
      'Vad har ni lärt er?',
    ],
    perVarv: false,
  },
];

export function ledarhandling(steg: Steg): Ledarhandling {
  const found = LEDARHANDLINGAR.find((l) => l.steg === steg);
  if (!found) throw new RangeError(`Steg ${String(steg)} finns inte.`);
  return found;
}

export const FUNDERA_INTRO = 'Reflektera, gärna skriftligt, kring följande frågeställningar:';

export const FUNDERA_FALT = ['utfall', 'varfor', 'nastaSteg'] as const;
export type FunderaFalt = (typeof FUNDERA_FALT)[number];

export interface FunderaPrompt {
  falt: FunderaFalt;
  rubrik: string;
  fraga: string;
}

/** The seed words step 1's Utfall without the comma the later steps have; both are kept as written. */
export function funderaPrompts(steg: Steg): FunderaPrompt[] {
  const gjorde = steg === 1 ? 'vad ni gjorde och hur det gick' : 'vad ni gjorde, och hur det gick';
  return [
    {
      falt: 'utfall',
      rubrik: 'Utfall',
      fraga: `Beskriv kortfattat ${gjorde}. Vilka effekter fick ledarhandlingen i verksamheten? Uteblivna effekter?`,
    },
    { falt: 'varfor', rubrik: 'Varför', fraga: 'Vad lärde ni er av utfallet?' },
    { falt: 'nastaSteg', rubrik: 'Nästa steg', fraga: 'Hur går ni vidare? Vad gör ni annorlunda från och med nu?' },
  ];
}

/** Step 3's questions as the plan's fields, in the seed's order. */
export const PLAN_FRAGOR = [
  { key: 'forstelarare', kort: 'Förstelärargruppen' },
  { key: 'eht', kort: 'Elevhälsoteamet' },
  { key: 'uppfoljningar', kort: 'När och hur ofta' },
  { key: 'bedomningar', kort: 'När bedömningarna ska vara gjorda' },
  { key: 'syfte', kort: 'Syftet med uppföljningarna' },
  { key: 'analys', kort: 'Träning i analysarbetet' },
  { key: 'nyaLarare', kort: 'Nytillkomna lärare' },
  { key: 'plan', kort: 'Er plan' },
] as const;
export type PlanFragaKey = (typeof PLAN_FRAGOR)[number]['key'];
export const PLAN_FRAGA_KEYS = PLAN_FRAGOR.map((f) => f.key) as PlanFragaKey[];

/** The seed's full question for a plan field. */
export function planFraga(key: PlanFragaKey): string {
  const index = PLAN_FRAGA_KEYS.indexOf(key);
  return ledarhandling(3).diskussionsfragor[index] ?? key;
}

/** Parts of the plan a reader can be asked to comment on: the questions and the calendar. */
export const PLAN_DELAR = [...PLAN_FRAGOR.map((f) => ({ key: f.key as string, namn: f.kort })), { key: 'kalender', namn: 'Kalendariet och årshjulet' }];

/** The seven capabilities to check in each tool, in the seed's words. */
export const VERKTYG_FORMAGOR = [
  { key: 'omdomen', text: 'kontinuerliga omdömen kopplat till samtliga ämnen', kort: 'Omdömen i alla ämnen' },
  { key: 'betygskriterier', text: 'kontinuerliga bedömningar kopplat till betyg/betygskriterier', kort: 'Bedömning mot betygskriterier' },
  { key: 'progression', text: 'att följa progressionen', kort: 'Progression' },
  { key: 'over_tid', text: 'att följa resultaten över tid', kort: 'Resultat över tid' },
  { key: 'kommentarer', text: 'att skriva kommentarer och ge formativ återkoppling', kort: 'Kommentarer och formativ återkoppling' },
  { key: 'atkomst', text: 'om vårdnadshavare/elever har tillgång till verktyget', kort: 'Vårdnadshavare/elever har tillgång' },
  { key: 'analys', text: 'en analysfunktion i verktyget', kort: 'Analysfunktion' },
] as const;
export type VerktygFormaga = (typeof VERKTYG_FORMAGOR)[number]['key'];
export const VERKTYG_FORMAGA_KEYS = VERKTYG_FORMAGOR.map((f) => f.key) as VerktygFormaga[];

export const FORMAGA_VARDEN = ['ja', 'delvis', 'nej'] as const;
export type FormagaVarde = (typeof FORMAGA_VARDEN)[number];
export const FORMAGA_VARDE_TEXT: Record<FormagaVarde, string> = { ja: 'Ja', delvis: 'Delvis', nej: 'Nej' };

export interface VerktygBedomning {
  namn: string;
  formagor: Partial<Record<VerktygFormaga, FormagaVarde | null>>;
}

/**
 * "Finns det något … som ni följer och dokumenterar på flera ställen?": the capabilities that two or more tools
 * give (ja or delvis), with those tools, in the seed's order.
 */
export function dubbelDokumentation(verktyg: readonly VerktygBedomning[]): { formaga: VerktygFormaga; verktyg: string[] }[] {
  return VERKTYG_FORMAGA_KEYS.map((formaga) => ({
    formaga,
    verktyg: verktyg.filter((v) => v.formagor[formaga] === 'ja' || v.formagor[formaga] === 'delvis').map((v) => v.namn),
  })).filter((d) => d.verktyg.length >= 2);
}

/** "Vad saknar ni?": capabilities that every tool has been judged not to give (a tool not yet judged keeps it open). */
export function saknadeFormagor(verktyg: readonly VerktygBedomning[]): VerktygFormaga[] {
  if (verktyg.length === 0) return [];
  return VERKTYG_FORMAGA_KEYS.filter((f) => verktyg.every((v) => v.formagor[f] === 'nej'));
}
