// Header recognition: a file's column names, in Swedish or English as school platforms and people write them,
// are matched to the import's target fields. The user confirms or corrects the proposal in the preview.
import { KIND_FIELDS, type ColumnMapping, type ImportField, type ImportKind } from './fields';

/** Lower case, no diacritics, punctuation and runs of space folded: "Elev-ID" → "elev id", "Årskurs" → "arskurs". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Known names per field, already normalised. The first match in field order wins, so order matters. */
const SYNONYMS: Record<ImportField, string[]> = {
  externId: ['elev id', 'elevid', 'id', 'extern id', 'externt id', 'elevnummer', 'elevnr', 'student id', 'pupil id',
    'personal id', 'personalid', 'anstallnings id', 'anstallningsnummer', 'staff id', 'employee id', 'user id',
    'anvandar id', 'anvandarnamn', 'username', 'platform id', 'plattforms id'],
  namn: ['namn', 'elevnamn', 'elev', 'fullstandigt namn', 'hela namnet', 'name', 'full name', 'student', 'pupil',
    'student name', 'pupil name', 'personal', 'personalnamn', 'staff', 'staff name', 'medarbetare'],
  fornamn: ['fornamn', 'tilltalsnamn', 'first name', 'firstname', 'given name', 'forename'],
  efternamn: ['efternamn', 'last name', 'lastname', 'surname', 'family name'],
  klass: ['klass', 'class', 'form', 'homeroom', 'elevens klass', 'klassnamn'],
  arskurs: ['arskurs', 'ak', 'year', 'grade level', 'year group', 'skolar', 'arskurs ak'],
  mentor: ['mentor', 'mentorer', 'klasslarare', 'tutor', 'form tutor'],
  nyanland: ['nyanland', 'nyanlanda', 'newly arrived'],
  sarskild: ['sarskild undervisningsgrupp', 'sarskild grupp', 'special group'],
  epost: ['e post', 'epost', 'e postadress', 'mejl', 'email', 'e mail', 'mail'],
  roller: ['roll', 'roller', 'befattning', 'titel', 'role', 'roles', 'title', 'position'],
  grupp: ['grupp', 'gruppnamn', 'undervisningsgrupp', 'group', 'group name', 'teaching group', 'kurs grupp'],
  typ: ['grupptyp', 'typ', 'type', 'group type'],
  larare: ['larare', 'undervisande larare', 'teacher', 'teacher name', 'larar id', 'signatur'],
  amne: ['amne', 'amnesnamn', 'amneskod', 'kurs', 'subject', 'subject code', 'course'],
  niva: ['betyg', 'bedomning', 'niva', 'resultat', 'omdome', 'kunskapsniva', 'grade', 'assessment', 'level', 'result',
    'terminsbetyg', 'prognos'],
  kriterier: ['ej nadda kriterier', 'ej nadda betygskriterier', 'kriterier ej nadda', 'betygskriterier ej nadda',
    'kriterier', 'betygskriterier', 'ej uppnadda kriterier', 'criteria not met', 'criteria not reached', 'criteria'],
  tillfalle: ['tillfalle', 'bedomningstillfalle', 'bedomningsperiod', 'period', 'assessment occasion', 'occasion',
    'assessment period', 'term'],
  datum: ['datum', 'bedomningsdatum', 'date', 'assessment date'],
};

/**
 * Proposes a mapping for the file's headers: each target field of the kind gets the first column whose normalised
 * header is one of its names. A column is used at most once. Unrecognised columns stay unmapped.
 */
export function proposeMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  const fields = KIND_FIELDS[kind];
  // Exact-name passes, field by field in synonym order, so "Elev-ID" goes to externId before "Elev" goes to namn.
  for (const field of fields) {
    for (const name of SYNONYMS[field]) {
      const index = normalized.findIndex((h, i) => h === name && !used.has(i));
      if (index >= 0) {
        used.add(index);
        mapping[field] = headers[index] as string;
        break;
      }
    }
  }
  return mapping;
}
