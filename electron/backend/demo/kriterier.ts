// A handful of betygskriterier per subject, worded as teachers summarise them in a resultatdialog. The first
// ones in each list are the ones pupils most often do not reach, so the criteria summary has a clear top.
export const KRITERIER: Record<string, string[]> = {
  SV: ['Läsförståelse: dra slutsatser ur texter', 'Skriva argumenterande text', 'Muntligt framförande',
    'Språkriktighet och stavning', 'Söka och värdera källor'],
  SVA: ['Ordförråd och begrepp i ämnestexter', 'Läsförståelse: dra slutsatser ur texter', 'Skriva berättande text',
    'Muntlig interaktion', 'Språkriktighet och meningsbyggnad'],
  EN: ['Hörförståelse av tydligt tal', 'Skriva sammanhängande text', 'Muntlig interaktion', 'Läsförståelse'],
  MA: ['Problemlösning', 'Resonemang och begrepp', 'Procedurer och beräkningar', 'Matematisk kommunikation',
    'Algebra och samband'],
  BI: ['Förklara samband i ekosystem', 'Systematiska undersökningar', 'Använda biologins begrepp'],
  FY: ['Förklara fysikaliska samband', 'Systematiska undersökningar', 'Använda fysikens begrepp'],
  KE: ['Förklara kemiska reaktioner', 'Systematiska undersökningar', 'Använda kemins begrepp'],
  TK: ['Konstruera och dokumentera lösningar', 'Förklara tekniska system', 'Värdera teknikens konsekvenser'],
  GE: ['Kartkunskap och orientering', 'Förklara samband människa–miljö', 'Använda geografiska begrepp'],
  HI: ['Historiska förklaringar och samband', 'Använda historiska källor', 'Historiska begrepp'],
  RE: ['Jämföra religioner och livsåskådningar', 'Etiska resonemang', 'Religionernas uttryck'],
  SH: ['Samhällsstrukturer och beslutsvägar', 'Analysera samhällsfrågor', 'Källkritik'],
  BL: ['Framställa bilder med olika tekniker', 'Analysera bilder', 'Bildskapande process'],
  HKK: ['Planera och tillaga måltider', 'Hygien och säkerhet', 'Konsumtion och hållbarhet'],
  IDH: ['Allsidiga rörelser', 'Simkunnighet', 'Planera och värdera träning'],
  MU: ['Musicera i grupp', 'Skapa musik', 'Musikens sammanhang'],
  SL: ['Framställa föremål', 'Arbetsprocess och dokumentation', 'Hantera verktyg säkert'],
  M2: ['Hörförståelse', 'Muntlig interaktion', 'Skriftlig framställning'],
};

/** Harder criteria first: the weight of the i-th criterion in a subject. */
export function kriteriumVikt(index: number): number {
  return 1 / (index + 1);
}
