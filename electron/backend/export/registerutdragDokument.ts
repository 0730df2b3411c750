// The registerutdrag as PDF (readable: Swedish table titles, references shown as names) and as JSON (every column
// of every row, as stored). Tables the walk finds that have no Swedish title yet are printed under their own name.
import type { Database } from 'better-sqlite3';
import type { ExportFil } from '../../../shared/channels/plan';
import { filnamnsdel, MIME } from './document';
import { createBuilder } from './builders';
import { foreignKeys, type Rad, type Registerutdrag } from './registerutdrag';

const TABELL_TEXT: Record<string, string> = {
  gruppmedlem: 'Gruppmedlemskap',
  insats: 'Insatser',
  effektbedomning: 'Effektbedömningar av insatserna',
  utredning: 'Utredningar av behov av särskilt stöd',
  utredningsbeslut: 'Beslut om utredning',
  resultat: 'Resultat',
  resultat_kriterium: 'Betygskriterier som inte nåtts',
  pseudonym: 'Pseudonym i protokoll',
};

/** How a referenced row is named in the PDF. Table and column names are constants, never input. */
const ETIKETT: Record<string, string> = {
  amne: "namn || CASE WHEN sprak <> '' THEN ' (' || sprak || ')' ELSE '' END",
  personal: "fornamn || ' ' || efternamn",
  grupp: 'namn',
  mote: "typ || ' ' || datum",
  betygskriterium: 'text',
  bedomningstillfalle: "namn || ' (' || datum || ')'",
  varv: "'Varv ' || nummer",
  lasar: 'namn',
};

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
  bedomning: 'Bedömning',
  beslut: 'Beslut',
  rekommendation: 'Rekommendation',
  motivering: 'Motivering',
  underlag: 'Underlag',
  utredning_id: 'Utredning',
};

/** A column's Swedish label; one without a label yet is written out from its name. */
function kolumnText(column: string): string {
  const known = KOLUMN_TEXT[column];
  if (known) return known;
  const words = column.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return String(value);
}

export async function registerutdragPdf(db: Database, r: Registerutdrag, utskrivet: Date): Promise<Buffer> {
  const fks = foreignKeys(db);
  const label = (table: string, column: string, value: unknown): string => {
    const fk = fks.find((f) => f.table === table && f.from.length === 1 && f.from[0] === column);
    const expr = fk ? ETIKETT[fk.toTable] : undefined;
    if (!fk || !expr || value === null || value === undefined) return text(value);
    const namn = db.prepare(`SELECT ${expr} FROM ${fk.toTable} WHERE ${fk.to[0] as string} = ?`).pluck().get(value) as string | undefined;
    return namn ? `${namn} (${String(value)})` : text(value);
  };
  // The pupil's own id in every child row says nothing new; it is left out of the printed rows.
  const elevKolumn = (table: string, column: string) =>
    fks.some((f) => f.table === table && f.toTable === 'elev' && f.from.includes(column));
  const rows = (table: string, rad: Rad): [string, string][] =>
    Object.entries(rad)
      .filter(([k]) => table === 'elev' || !elevKolumn(table, k))
      .map(([k, v]) => [kolumnText(k), label(table, k, v)]);

  const elevNamn = `${text(r.elev.fornamn)} ${text(r.elev.efternamn)}`;
  const b = await createBuilder('pdf', { skola: r.skola, titel: 'Registerutdrag', undertitel: elevNamn, datum: r.skapad.slice(0, 10) }, { utskrivet });
  b.paragraph(
    'Utdraget visar alla uppgifter som Varvet har sparat om eleven (dataskyddsförordningen artikel 15). Varje uppgift visas som den är lagrad; hänvisningar till ämnen, personal, grupper och möten visas med namn och id.',
    { muted: true },
  );
  b.heading('Uppgifter om eleven');
  b.keyValues(rows('elev', r.elev));
  for (const t of r.tabeller) {
    b.heading(`${TABELL_TEXT[t.tabell] ?? t.tabell} (${t.rader.length})`);
    const forsta = t.rader[0] ? rows(t.tabell, t.rader[0]) : [];
    // Many short rows read best as a table; few or wide rows as label–value blocks.
    if (t.rader.length >= 3 && forsta.length <= 7) {
      b.table({ columns: forsta.map(([k]) => ({ header: k, width: 1 })), rows: t.rader.map((rad) => rows(t.tabell, rad).map(([, v]) => v)) });
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
      rows: r.importhistorik.map((h) => [text(h.importerad), text(h.filnamn), text(h.tabell), text(h.operation)]),
    });
  }
  if (r.logg.length > 0) {
    b.heading(`Logg över ändringar (${r.logg.length})`);
    b.paragraph('Varje ändring av uppgifterna ovan, med innehållet före och efter, finns i Varvets logg. Hela innehållet står i JSON-utdraget.');
    b.table({
      columns: [
        { header: 'Tid', width: 1.4 },
        { header: 'Funktion', width: 1.6 },
        { header: 'Tabell', width: 1 },
        { header: 'Ändring', width: 0.8 },
      ],
      rows: r.logg.map((h) => [text(h.tid), text(h.kanal), text(h.tabell), text(h.operation)]),
    });
  }
  if (r.motehandelser.length > 0) {
    b.heading(`Ångra-logg från EHT-möten (${r.motehandelser.length})`);
    b.paragraph('Kopior av bedömningar och beslut som sparas så att ett beslut kan ångras under mötet. Hela innehållet står i JSON-utdraget.');
  }
  return b.finish();
}

export async function renderRegisterutdrag(db: Database, r: Registerutdrag, format: 'pdf' | 'json', utskrivet: Date): Promise<ExportFil> {
  const bas = `registerutdrag-${filnamnsdel(`${text(r.elev.efternamn)}-${text(r.elev.fornamn)}`)}-${r.skapad.slice(0, 10)}`;
  if (format === 'json') {
    return { filnamn: `${bas}.json`, mime: 'application/json', base64: Buffer.from(JSON.stringify(r, null, 2), 'utf8').toString('base64') };
  }
  const data = await registerutdragPdf(db, r, utskrivet);
  return { filnamn: `${bas}.pdf`, mime: MIME.pdf, base64: data.toString('base64') };
}
