// The registerutdrag as PDF (readable: Swedish table and column titles, stored codes as the words the app shows,
// references shown as names, dates as "23 nov. 2026 kl. 09.00", flags as Ja/Nej) and as JSON (every column of every
// row, exactly as stored). Tables the walk finds that have no Swedish title yet are printed under their own name.
import type { Database } from 'better-sqlite3';
import { format } from 'date-fns';
import { sv } from 'date-fns/locale';
import type { ExportFil } from '../../../shared/channels/plan';
import { tidigNivaText } from '../../../shared/domain/index';
import {
  arskursText,
  BEDOMNING_TEXT,
  BESLUT_TEXT,
  GRUPP_TYP_TEXT,
  INSATS_STATUS_TEXT,
  INSATS_TYP_TEXT,
  MOTE_TYP_TEXT,
  NIVA_TEXT,
  ROLL_TEXT,
  UTREDNING_UTFALL_TEXT,
} from '../../../shared/labels';
import { installningar } from '../mote/rows';
import { filnamnsdel, MIME } from './document';
import { createBuilder } from './builders';
import { foreignKeys, type Rad, type Registerutdrag } from './registerutdrag';

const TABELL_TEXT: Record<string, string> = {
  elev: 'Uppgifter om eleven',
  gruppmedlem: 'Gruppmedlemskap',
  insats: 'Insatser',
  effektbedomning: 'Effektbedömningar av insatserna',
  utredning: 'Utredningar av behov av särskilt stöd',
  utredningsbeslut: 'Beslut om utredning',
  resultat: 'Resultat',
  resultat_kriterium: 'Betygskriterier som inte nåtts',
  pseudonym: 'Pseudonym i protokoll',
};

/** The words the app shows for stored codes, per table.column (the UI's own labels, shared/labels.ts). */
const VARDE_TEXT: Record<string, Record<string, string>> = {
  'insats.niva': NIVA_TEXT,
  'insats.typ': INSATS_TYP_TEXT,
  'insats.status': INSATS_STATUS_TEXT,
  'effektbedomning.bedomning': BEDOMNING_TEXT,
  'effektbedomning.rekommendation': BESLUT_TEXT,
  'effektbedomning.beslut': BESLUT_TEXT,
  'utredning.status': { pagar: 'Pågår', avslutad: 'Avslutad' },
  'utredning.utfall': UTREDNING_UTFALL_TEXT,
  'utredningsbeslut.beslut': { inled: 'Inled utredning', inte_nu: 'Inte nu' },
  'grupp.typ': GRUPP_TYP_TEXT,
  'mote.typ': MOTE_TYP_TEXT,
  'personal_roll.roll': ROLL_TEXT,
};

/** Changes in the log and the import history. */
const ANDRING_TEXT: Record<string, string> = { I: 'Ny', U: 'Ändrad', D: 'Borttagen', insert: 'Ny', update: 'Ändrad', delete: 'Borttagen' };

const KOLUMN_TEXT: Record<string, string> = {
  id: 'Id',
  extern_id: 'Externt id',
  fornamn: 'Förnamn',
  efternamn: 'Efternamn',
  arskurs: 'Årskurs',
  klass_id: 'Klass',
  mentor_id: 'Mentor',
  sarskild_undervisningsgrupp: 'Särskild grupp',
  nyanland: 'Nyanländ',
  aktiv: 'Aktiv',
  slutat: 'Slutat',
  grupp_id: 'Grupp',
  amne_id: 'Ämne',
  tillfalle_id: 'Bedömningstillfälle',
  niva: 'Nivå',
  typ: 'Typ',
  status: 'Status',
  resultat_id: 'Resultat',
  kriterium_id: 'Betygskriterium',
  insats_id: 'Insats',
  mote_id: 'Möte',
  beslutad_vid_mote_id: 'Beslutad vid möte',
  larare_id: 'Lärare',
  genomfors_av_id: 'Genomförs av',
  aterkopplar_id: 'Återkopplar',
  ansvarig_id: 'Ansvarig',
  ersatter_insats_id: 'Ersätter insats',
  forvantad_effekt: 'Förväntad effekt',
  beskrivning: 'Beskrivning',
  startdatum: 'Startdatum',
  slutdatum: 'Slutdatum',
  datum: 'Datum',
  deadline: 'Deadline',
  bedomning: 'Bedömning',
  malet_natt: 'Målet nått',
  resultatforandring: 'Resultatförändring',
  beslut: 'Beslut',
  rekommendation: 'Rekommendation',
  motivering: 'Motivering',
  underlag: 'Underlag',
  utfall: 'Utfall',
  avslutad_datum: 'Avslutad',
  utredning_id: 'Utredning',
  kod: 'Kod',
  skapad: 'Skapad',
  uppdaterad: 'Uppdaterad',
};

/** A column's Swedish label; one without a label yet is written out from its name. */
export function kolumnText(column: string): string {
  const known = KOLUMN_TEXT[column];
  if (known) return known;
  const words = column.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the column has a Swedish label (a test checks every column the walk finds). */
export function harKolumnText(column: string): boolean {
  return column in KOLUMN_TEXT;
}

const ISO_TID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "23 nov. 2026 kl. 09.00" for a stored instant, "23 nov. 2026" for a date. */
export function tidText(value: string): string {
  if (ISO_TID.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return format(d, "d MMM yyyy 'kl.' HH.mm", { locale: sv });
  }
  const m = ISO_DATUM.exec(value);
  if (m) return format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), 'd MMM yyyy', { locale: sv });
  return value;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return tidText(value);
  return String(value);
}

/** Columns declared as flags (CHECK (x IN (0, 1))), read from the schema so that a later table is covered too. */
function flaggor(db: Database): Set<string> {
  const out = new Set<string>();
  const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const { name, sql } of rows) {
    for (const m of sql.matchAll(/CHECK\s*\(\s*"?(\w+)"?\s+IN\s*\(\s*0\s*,\s*1\s*\)\s*\)/gi)) out.add(`${name}.${m[1] as string}`);
  }
  return out;
}

/** How a referenced row is named in the PDF: by its name, never by a bare number. */
function etikett(db: Database, table: string, rad: Rad): string | null {
  const t = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (table) {
    case 'amne':
      return `${t(rad.namn)}${t(rad.sprak) ? ` (${t(rad.sprak)})` : ''}`;
    case 'personal':
      return `${t(rad.fornamn)} ${t(rad.efternamn)}`;
    case 'grupp':
    case 'lasar':
      return t(rad.namn);
    case 'mote':
      return `${MOTE_TYP_TEXT[rad.typ as keyof typeof MOTE_TYP_TEXT] ?? t(rad.typ)} ${tidText(t(rad.datum))}`;
    case 'betygskriterium':
      return t(rad.text);
    case 'bedomningstillfalle':
      return `${t(rad.namn)}, ${tidText(t(rad.datum))}`;
    case 'varv':
      return `Varv ${String(rad.nummer)}`;
    case 'insats':
      return t(rad.beskrivning);
    case 'utredning':
      return `Utredning inledd ${tidText(t(rad.startdatum))}`;
    case 'resultat': {
      const amne = db.prepare('SELECT namn FROM amne WHERE id = ?').pluck().get(rad.amne_id) as string | undefined;
      const tillfalle = db.prepare('SELECT namn FROM bedomningstillfalle WHERE id = ?').pluck().get(rad.tillfalle_id) as string | undefined;
      return [amne, tillfalle].filter(Boolean).join(', ');
    }
    default:
      return null;
  }
}

export async function registerutdragPdf(db: Database, r: Registerutdrag, utskrivet: Date): Promise<Buffer> {
  const fks = foreignKeys(db);
  const flagga = flaggor(db);
  const tidigSkala = installningar(db).tidigSkala;
  const varde = (table: string, column: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (flagga.has(`${table}.${column}`) && (value === 0 || value === 1)) return value === 1 ? 'Ja' : 'Nej';
    if (table === 'elev' && column === 'arskurs' && typeof value === 'number') return arskursText(value);
    if (table === 'resultat' && column === 'niva' && typeof value === 'string') return tidigNivaText(value, tidigSkala);
    const ord = VARDE_TEXT[`${table}.${column}`]?.[String(value)];
    return ord ?? text(value);
  };
  const label = (table: string, column: string, value: unknown): string => {
    const fk = fks.find((f) => f.table === table && f.from.length === 1 && f.from[0] === column);
    if (!fk || value === null || value === undefined) return varde(table, column, value);
    const to = fk.to[0] as string;
    const rad = db.prepare(`SELECT * FROM "${fk.toTable.replace(/"/g, '""')}" WHERE "${to.replace(/"/g, '""')}" = ?`).get(value) as Rad | undefined;
    const namn = rad ? etikett(db, fk.toTable, rad) : null;
    // A reference is named in words; the internal id stays in the JSON only.
    return namn ?? text(value);
  };
  // The pupil's own id in every child row says nothing new; it is left out of the printed rows.
  const elevKolumn = (table: string, column: string) =>
    fks.some((f) => f.table === table && f.toTable === 'elev' && f.from.includes(column));
  const rows = (table: string, rad: Rad): [string, string][] =>
    Object.entries(rad)
      .filter(([k]) => table === 'elev' || !elevKolumn(table, k))
      .filter(([k]) => k !== 'id' && k !== 'rowid')
      .map(([k, v]) => [kolumnText(k), label(table, k, v)]);
  const elevNamn = `${text(r.elev.fornamn)} ${text(r.elev.efternamn)}`;
  const b = await createBuilder('pdf', { skola: r.skola, titel: 'Registerutdrag', undertitel: elevNamn, datum: r.skapad.slice(0, 10) }, { utskrivet });
  b.paragraph(
    'Utdraget visar alla uppgifter som Varvet har sparat om eleven (dataskyddsförordningen artikel 15). Koder visas med de ord som Varvet använder och hänvisningar till ämnen, personal, grupper och möten med namn, resultaten per ämne och tillfälle och loggen sammanfattad per dag. JSON-utdraget innehåller varje uppgift exakt som den är lagrad.',
    { muted: true },
  );
  b.heading(TABELL_TEXT.elev as string);
  b.keyValues(rows('elev', r.elev));
  const resultat = resultatIOrd(db, r, tidigSkala);
  if (resultat.length > 0) {
    b.heading(`Resultat per ämne och tillfälle (${resultat.length})`);
    b.table({
      columns: [
        { header: 'Ämne', width: 1.1 },
        { header: 'Tillfälle', width: 1.4 },
        { header: 'Nivå', width: 0.6 },
        { header: 'Betygskriterier som inte nåtts', width: 2.4 },
      ],
      rows: resultat.map((x) => [x.amne, x.tillfalle, x.niva, x.kriterier.length > 0 ? x.kriterier.join('; ') : '–']),
    });
  }
  if (r.fritext.length > 0) {
    b.heading(`Fritext där eleven nämns (${r.fritext.length})`);
    b.paragraph('Texter som skolan har skrivit på andra ställen i Varvet och som nämner eleven med namn eller protokollkod.', { muted: true });
    for (const f of r.fritext) {
      b.heading(f.sammanhang, 3);
      b.paragraph(f.text);
    }
  }
  for (const t of r.tabeller) {
    // Results are listed above by subject and occasion, in words.
    if ((t.tabell === 'resultat' || t.tabell === 'resultat_kriterium') && resultat.length > 0) continue;
    b.heading(`${TABELL_TEXT[t.tabell] ?? t.tabell} (${t.rader.length})`);
    const forsta = t.rader[0] ? rows(t.tabell, t.rader[0]) : [];
    // Many short rows read best as a table; few or wide rows as label–value blocks.
    if (t.rader.length >= 3 && forsta.length <= 7) {
      b.table({ columns: forsta.map(([k]) => ({ header: k, width: k === 'Id' ? 0.6 : 1.2 })), rows: t.rader.map((rad) => rows(t.tabell, rad).map(([, v]) => v)) });
      continue;
    }
    t.rader.forEach((rad, i) => {
      if (t.rader.length > 1) b.heading(`${TABELL_TEXT[t.tabell] ?? t.tabell} ${i + 1}`, 3);
      b.keyValues(rows(t.tabell, rad));
    });
  }
  if (r.importhistorik.length > 0) {
    b.heading(`Importhistorik (${r.importhistorik.length})`);
    b.table({
      columns: [
        { header: 'Importerad', width: 1.4 },
        { header: 'Fil', width: 1.6 },
        { header: 'Tabell', width: 1 },
        { header: 'Ändring', width: 0.8 },
      ],
      rows: r.importhistorik.map((h) => [text(h.importerad), text(h.filnamn), tabellText(h.tabell), andringText(h.operation)]),
    });
  }
  if (r.logg.length > 0) {
    b.heading(`Logg över ändringar (${r.logg.length})`);
    b.paragraph('Varvet loggar varje ändring av uppgifterna ovan. Här sammanfattas loggen per dag; hela innehållet, före och efter varje ändring, står i JSON-utdraget.');
    b.bullets(loggSammanfattning(r.logg));
  }
  if (r.motehandelser.length > 0) {
    b.heading(`Ångra-logg från EHT-möten (${r.motehandelser.length})`);
    b.paragraph('Kopior av bedömningar och beslut som sparas så att ett beslut kan ångras under mötet. Hela innehållet står i JSON-utdraget.');
  }
  return b.finish();
}

/** The pupil's results as a guardian reads them: subject, occasion, level in words, the criteria not reached. */
function resultatIOrd(db: Database, r: Registerutdrag, tidigSkala: Parameters<typeof tidigNivaText>[1]): { amne: string; tillfalle: string; niva: string; kriterier: string[] }[] {
  const ids = (r.tabeller.find((t) => t.tabell === 'resultat')?.rader ?? []).map((x) => x.id);
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT r.id, a.namn AS amne, t.namn AS tillfalle, t.datum, r.niva FROM resultat r JOIN amne a ON a.id = r.amne_id
       JOIN bedomningstillfalle t ON t.id = r.tillfalle_id WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY a.namn, t.datum`,
    )
    .all(JSON.stringify(ids)) as { id: number; amne: string; tillfalle: string; datum: string; niva: string | null }[];
  const kriterier = new Map<number, string[]>();
  for (const k of r.tabeller.find((t) => t.tabell === 'resultat_kriterium')?.rader ?? []) {
    const txt = db.prepare('SELECT text FROM betygskriterium WHERE id = ?').pluck().get(k.kriterium_id) as string | undefined;
    const rid = Number(k.resultat_id);
    if (txt) kriterier.set(rid, [...(kriterier.get(rid) ?? []), txt]);
  }
  return rows.map((x) => ({
    amne: x.amne,
    tillfalle: `${x.tillfalle}, ${tidText(x.datum)}`,
    niva: x.niva ? tidigNivaText(x.niva, tidigSkala) : '–',
    kriterier: kriterier.get(x.id) ?? [],
  }));
}

const KANAL_TEXT: Record<string, string> = {
  import: 'vid import från skolplattformen',
  elev: 'i elevregistret',
  register: 'i registret',
  insats: 'under Insatser',
  bedomning: 'vid ett EHT-möte',
  mote: 'vid ett EHT-möte',
  utredning: 'vid ett EHT-möte',
  demo: 'när demoskolan skapades',
  gallring: 'vid gallring',
  backup: 'vid återställning av en säkerhetskopia',
};

const OPERATION_VERB: Record<string, [string, string]> = {
  I: ['lades till', 'lades till'],
  U: ['ändrades', 'ändrades'],
  D: ['togs bort', 'togs bort'],
  E: ['lämnades ut', 'lämnades ut'],
  G: ['gallrades', 'gallrades'],
};

/** The log per day, in sentences: "23 nov. 2026: 2 ändringar av Resultat (ändrades vid import från skolplattformen)." */
export function loggSammanfattning(logg: Rad[]): string[] {
  const grupper = new Map<string, { dag: string; tabell: string; op: string; kanal: string; antal: number }>();
  for (const h of logg) {
    const dag = String(h.tid ?? '').slice(0, 10);
    const tabell = h.tabell === 'elev' ? 'elevens uppgifter' : tabellText(h.tabell ?? '');
    const op = String(h.operation);
    const omrade = String(h.kanal ?? '').split(/[:.]/)[0] ?? '';
    const kanal = KANAL_TEXT[omrade] ?? 'i Varvet';
    const key = [dag, tabell, op, kanal].join('|');
    const g = grupper.get(key) ?? { dag, tabell, op, kanal, antal: 0 };
    g.antal += 1;
    grupper.set(key, g);
  }
  return [...grupper.values()].map((g) => {
    const verb = (OPERATION_VERB[g.op] ?? ['ändrades', 'ändrades'])[g.antal === 1 ? 0 : 1];
    const vad = g.antal === 1 ? `En uppgift i ${g.tabell.toLowerCase()}` : `${g.antal} uppgifter i ${g.tabell.toLowerCase()}`;
    return `${tidText(g.dag)}: ${vad} ${verb} ${g.kanal}.`;
  });
}

function tabellText(tabell: unknown): string {
  if (tabell === 'elev') return 'Eleven';
  return typeof tabell === 'string' ? (TABELL_TEXT[tabell] ?? tabell) : text(tabell);
}

function andringText(operation: unknown): string {
  return ANDRING_TEXT[String(operation)] ?? text(operation);
}

export async function renderRegisterutdrag(db: Database, r: Registerutdrag, format: 'pdf' | 'json', utskrivet: Date): Promise<ExportFil> {
  const bas = `registerutdrag-${filnamnsdel(`${text(r.elev.efternamn)}-${text(r.elev.fornamn)}`)}-${r.skapad.slice(0, 10)}`;
  if (format === 'json') {
    return { filnamn: `${bas}.json`, mime: 'application/json', base64: Buffer.from(JSON.stringify(r, null, 2), 'utf8').toString('base64') };
  }
  const data = await registerutdragPdf(db, r, utskrivet);
  return { filnamn: `${bas}.pdf`, mime: MIME.pdf, base64: data.toString('base64') };
}
