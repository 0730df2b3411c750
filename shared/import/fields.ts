// What each kind of import can fill in: the target fields, their Swedish labels and which are required.
// Pure, so the renderer's mapping row and the backend's validation agree on the same list.

export const IMPORT_KINDS = ['elever', 'personal', 'grupper', 'undervisning', 'resultat'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_TEXT: Record<ImportKind, string> = {
  elever: 'Elever',
  personal: 'Personal',
  grupper: 'Grupper',
  undervisning: 'Undervisning',
  resultat: 'Resultat',
};

export const IMPORT_FIELDS = [
  'externId',
  'namn',
  'fornamn',
  'efternamn',
  'klass',
  'arskurs',
  'mentor',
  'nyanland',
  'sarskild',
  'epost',
  'roller',
  'grupp',
  'typ',
  'larare',
  'amne',
  'niva',
  'kriterier',
  'tillfalle',
  'datum',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Target field → the header text of the column that holds it (stored by header text, not by position). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const FIELD_TEXT: Record<ImportField, string> = {
  externId: 'Id i skolplattformen',
  namn: 'Hela namnet',
  fornamn: 'Förnamn',
  efternamn: 'Efternamn',
  klass: 'Klass',
  arskurs: 'Årskurs',
  mentor: 'Mentor',
  nyanland: 'Nyanländ',
  sarskild: 'Särskild undervisningsgrupp',
  epost: 'E-post',
  roller: 'Roller',
  grupp: 'Grupp',
  typ: 'Grupptyp',
  larare: 'Lärare',
  amne: 'Ämne',
  niva: 'Betyg eller bedömning',
  kriterier: 'Ej nådda betygskriterier',
  tillfalle: 'Bedömningstillfälle',
  datum: 'Datum',
};

/** The fields each kind offers, in the order the mapping row shows them. */
export const KIND_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  elever: ['externId', 'fornamn', 'efternamn', 'namn', 'klass', 'arskurs', 'mentor', 'nyanland', 'sarskild'],
  personal: ['externId', 'fornamn', 'efternamn', 'namn', 'epost', 'roller'],
  grupper: ['grupp', 'typ', 'arskurs', 'externId', 'fornamn', 'efternamn', 'namn', 'klass'],
  undervisning: ['larare', 'grupp', 'amne'],
  resultat: ['externId', 'fornamn', 'efternamn', 'namn', 'klass', 'amne', 'niva', 'kriterier', 'tillfalle', 'datum', 'grupp'],
};

/**
 * Required fields as alternatives: each inner list is satisfied when all its fields are mapped, and one
 * alternative per requirement is enough (e.g. a name is Förnamn + Efternamn, or Hela namnet).
 */
export interface Requirement {
  text: string;
  anyOf: ImportField[][];
}

const NAME: Requirement = { text: 'Namn (Förnamn och Efternamn, eller Hela namnet)', anyOf: [['fornamn', 'efternamn'], ['namn']] };
const PUPIL: Requirement = {
  text: 'Elev (Id i skolplattformen, eller namn)',
  anyOf: [['externId'], ['fornamn', 'efternamn'], ['namn']],
};

export const KIND_REQUIREMENTS: Record<ImportKind, Requirement[]> = {
  elever: [NAME, { text: 'Årskurs eller Klass', anyOf: [['arskurs'], ['klass']] }],
  personal: [NAME],
  grupper: [{ text: 'Grupp', anyOf: [['grupp']] }],
  undervisning: [
    { text: 'Lärare', anyOf: [['larare']] },
    { text: 'Grupp', anyOf: [['grupp']] },
    { text: 'Ämne', anyOf: [['amne']] },
  ],
  resultat: [PUPIL, { text: 'Ämne', anyOf: [['amne']] }, { text: 'Betyg eller bedömning', anyOf: [['niva']] }],
};

/** Fields that are part of some requirement; the mapping row marks them as required. */
export function requiredFields(kind: ImportKind): Set<ImportField> {
  const out = new Set<ImportField>();
  for (const r of KIND_REQUIREMENTS[kind]) if (r.anyOf.length === 1) for (const f of r.anyOf[0] ?? []) out.add(f);
  return out;
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
