// Swedish texts for the demo's insatser, evaluations and decisions. {amne} is replaced by the subject's name.
import type { Beslut, InsatsTyp, Niva } from '../../../shared/model';

export interface InsatsMall {
  niva: Niva;
  typ: InsatsTyp;
  beskrivning: string;
  forvantadEffekt: string;
  /** The same insats stepped up after an evaluation with effect. */
  intensifierad: string;
}

export const MALLAR: InsatsMall[] = [
  { niva: 'individ', typ: 'extra_anpassning', beskrivning: 'Genomgång i liten grupp i {amne} två gånger i veckan',
    forvantadEffekt: 'Eleven når kriterierna i {amne} som hen inte nådde vid förra bedömningen.',
    intensifierad: 'Genomgång i liten grupp i {amne} fyra gånger i veckan, med specialpedagog en av gångerna' },
  { niva: 'individ', typ: 'extra_anpassning', beskrivning: 'Bildstöd och tydlig struktur för lektionerna i {amne}',
    forvantadEffekt: 'Eleven kommer igång med uppgifterna själv och lämnar in sina arbeten i {amne}.',
    intensifierad: 'Bildstöd, veckoschema och en vuxen som startar arbetet med eleven i {amne}' },
  { niva: 'individ', typ: 'extra_anpassning', beskrivning: 'Uppläst text och talsyntes i {amne}',
    forvantadEffekt: 'Eleven tar till sig ämnestexterna i {amne} och kan visa sina kunskaper muntligt.',
    intensifierad: 'Uppläst text, talsyntes och muntliga prov i {amne}' },
  { niva: 'individ', typ: 'extra_anpassning', beskrivning: 'Förlängd tid och delade prov i {amne}',
    forvantadEffekt: 'Eleven hinner visa det hen kan i {amne}; minst E på nästa prov.',
    intensifierad: 'Förlängd tid, delade prov och enskild provplats i {amne}' },
  { niva: 'individ', typ: 'extra_anpassning', beskrivning: 'Läxhjälp i {amne} med mentor en gång i veckan',
    forvantadEffekt: 'Eleven gör sina läxor i {amne} och är förberedd inför lektionerna.',
    intensifierad: 'Läxhjälp i {amne} två gånger i veckan och veckovis kontakt med hemmet' },
  { niva: 'individ', typ: 'sarskilt_stod', beskrivning: 'Enskild undervisning i {amne} med speciallärare enligt åtgärdsprogram',
    forvantadEffekt: 'Eleven når E i {amne} till terminsslut.',
    intensifierad: 'Enskild undervisning i {amne} med speciallärare dagligen enligt reviderat åtgärdsprogram' },
  { niva: 'grupp', typ: 'forandrad_undervisning', beskrivning: 'Tvålärarsystem på lektionerna i {amne}',
    forvantadEffekt: 'Fler elever i gruppen når kriterierna i {amne}; andelen ej nått halveras.',
    intensifierad: 'Tvålärarsystem på alla lektioner i {amne} och gemensam planering varje vecka' },
  { niva: 'grupp', typ: 'forandrad_undervisning', beskrivning: 'Studieteknik och tydliga lektionsmål i {amne}',
    forvantadEffekt: 'Eleverna vet vad som krävs och kommer igång snabbare; färre ofullständiga inlämningar i {amne}.',
    intensifierad: 'Studieteknik, lektionsmål och exit tickets varje lektion i {amne}' },
  { niva: 'grupp', typ: 'extra_anpassning', beskrivning: 'Halvklass i {amne} en lektion i veckan',
    forvantadEffekt: 'Mer tid per elev ger fler elever som når kriterierna i {amne}.',
    intensifierad: 'Halvklass i {amne} två lektioner i veckan' },
  { niva: 'larare', typ: 'handledning', beskrivning: 'Handledning av förstelärare i formativ bedömning i {amne}',
    forvantadEffekt: 'Läraren ger återkoppling som eleverna använder; fler elever når kriterierna i {amne}.',
    intensifierad: 'Handledning varannan vecka och kollegial observation på lektionerna i {amne}' },
  { niva: 'larare', typ: 'handledning', beskrivning: 'Kollegialt lärande: lektionsplanering i {amne} tillsammans med ämneslaget',
    forvantadEffekt: 'Lektionerna i {amne} får tydligare mål och struktur.',
    intensifierad: 'Gemensam planering och auskultation i {amne} varje vecka' },
  { niva: 'organisation', typ: 'annan', beskrivning: 'Studieverkstad efter skoltid tre dagar i veckan',
    forvantadEffekt: 'Elever som ligger efter får tid och hjälp att bli klara; färre F och streck.',
    intensifierad: 'Studieverkstad alla dagar och riktad inbjudan till elever med F eller streck' },
  { niva: 'organisation', typ: 'forandrad_undervisning', beskrivning: 'Gemensam läsfokus: 20 minuters läsning varje morgon i alla klasser',
    forvantadEffekt: 'Läsförståelsen förbättras över hela skolan; färre elever når inte läsförståelsekriteriet i svenska.',
    intensifierad: 'Läsfokus varje morgon och lässamtal med mentor varje vecka' },
  { niva: 'organisation', typ: 'annan', beskrivning: 'Närvaroteam: uppföljning av frånvaro varje vecka',
    forvantadEffekt: 'Lägre frånvaro och färre streck i betygen.',
    intensifierad: 'Närvaroteam med kurator och hembesök vid upprepad frånvaro' },
];

export function fill(text: string, amne: string | null): string {
  return text.replace(/\{amne\}/g, amne ? amne.toLowerCase() : 'ämnet');
}

export const UNDERLAG: Record<string, string[]> = {
  tydlig_effekt: ['Lärarens bedömning och senaste provet visar tydlig förbättring.', 'Eleven når nu flera av kriterierna.'],
  viss_effekt: ['Viss förbättring enligt undervisande lärare, men inte i alla moment.', 'Bättre närvaro, resultaten står still.'],
  ingen_effekt: ['Ingen skillnad i resultaten sedan förra varvet.', 'Läraren ser ingen förändring i arbetet på lektionerna.'],
  negativ_utveckling: ['Resultaten har sjunkit och frånvaron ökat.', 'Eleven lämnar in färre uppgifter än tidigare.'],
  kan_ej_bedomas: ['Insatsen har inte kommit igång på grund av sjukskrivning.', 'Underlag från lärare saknas till mötet.'],
};

/** Motivations for a decision other than the recommendation, per recommendation. */
export const AVVIKELSER: Partial<Record<Beslut, { beslut: Beslut; motivering: string }[]>> = {
  intensifiera: [{ beslut: 'avsluta', motivering: 'Insatsen tar mycket lärartid; vi avslutar den och erbjuder eleven studieverkstaden i stället.' }],
  forandra: [{ beslut: 'komplettera_underlag', motivering: 'Insatsen kom igång sent på grund av sjukfrånvaro; vi bedömer den igen nästa möte.' }],
  ta_bort: [{ beslut: 'forandra', motivering: 'Mentor och vårdnadshavare ser en början till förändring; vi prövar en sista förändring.' }],
  komplettera_underlag: [{ beslut: 'forandra', motivering: 'Underlaget har saknats länge; vi prövar en annan insats i stället.' }],
};

export const INTE_NU_MOTIVERINGAR = [
  'Insatsen förändrades nyligen och behöver tid att verka; beslut om utredning tas upp igen nästa EHT-möte.',
  'Eleven har haft hög frånvaro under perioden; mentor och kurator kontaktar hemmet först.',
  'Vårdnadshavare och elev vill pröva den nya anpassningen ett varv till.',
];

export const UTREDD_MOTIVERING =
  'Elevens behov utreddes nyligen; insatserna följs upp utifrån utredningens slutsatser i stället för en ny utredning.';
