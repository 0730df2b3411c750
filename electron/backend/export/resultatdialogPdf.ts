// A resultatdialog printed for the teacher (issue 15, item 13): the common template (what the results show, what the
// teacher changes, the expected effect, the follow-up), the previous varv's plan with how it went, the questions and
// answers, and the criteria summary of the dialogue's groups per subject, group and teacher. No pupil is named and
// the teacher pattern is left out: it compares named teachers and is for the skolledning only (DOMAIN.md).
import type { Database } from 'better-sqlite3';
import type { ExportFil } from '../../../shared/channels/plan';
import type { ResultatdialogVy } from '../../../shared/channels/uppfoljning';
import { BEDOMNING_TEXT } from '../../../shared/labels';
import { createBuilder } from './builders';
import { datumText, filnamnsdel, MIME } from './document';

const tom = (t: string) => (t.trim() === '' ? '–' : t);

export async function resultatdialogPdf(db: Database, vy: ResultatdialogVy, utskrivet: Date): Promise<ExportFil> {
  const { dialog: d, foregaende, analys } = vy;
  const skola = (db.prepare('SELECT namn FROM skola WHERE id = 1').pluck().get() as string | undefined) ?? '';
  const b = await createBuilder('pdf', { skola, titel: 'Resultatdialog', undertitel: `${d.namn}, varv ${d.varvNummer}`, datum: d.datum }, { utskrivet });
  b.keyValues([
    ['Dialog', d.namn],
    ['Varv', String(d.varvNummer)],
    ['Datum', datumText(d.datum)],
    ['Status', d.status === 'genomford' ? 'Genomförd' : 'Planerad'],
  ]);
  if (foregaende) {
    b.heading(`Förra varvets plan (varv ${foregaende.varvNummer})`);
    b.keyValues([
      ['Förändring', tom(foregaende.forandring)],
      ['Förväntad effekt', tom(foregaende.forvantadEffekt)],
      ['Hur gick det?', tom(d.hurGickDet)],
      ['Bedömd effekt', d.foregaendeEffekt ? BEDOMNING_TEXT[d.foregaendeEffekt] : '–'],
    ]);
  }
  b.heading('Betygskriterier som eleverna har svårt att nå');
  if (analys.tillfalle === null) b.paragraph('Det finns inga resultat för varvet ännu.', { muted: true });
  else b.paragraph(`Bedömningstillfälle: ${analys.tillfalle}${analys.foregaendeTillfalle ? `, jämfört med ${analys.foregaendeTillfalle}` : ''}.${analys.grupper.length > 0 ? ` Grupper: ${analys.grupper.join(', ')}.` : ''}`, { muted: true });
  for (const a of analys.amnen) {
    b.heading(`${a.amne} (${a.antalElever} elever)`, 3);
    if (a.kriterier.length > 0) {
      b.table({
        columns: [
          { header: 'Betygskriterium', width: 3 },
          { header: 'Når inte', width: 1 },
          { header: 'Sedan förra', width: 1 },
        ],
        rows: a.kriterier.slice(0, 5).map((k) => [
          k.kriterium,
          `${k.antalEjNadda} (${Math.round(k.andel * 100)} %)`,
          k.forandring === null ? 'Ingen jämförelse' : k.forandring === 0 ? 'Oförändrat' : k.forandring > 0 ? `+${k.forandring}` : `−${Math.abs(k.forandring)}`,
        ]),
      });
    } else {
      b.table({ columns: [{ header: 'Nivå', width: 1 }, { header: 'Elever', width: 1 }], rows: a.nivaer.map((n) => [n.niva, String(n.antal)]) });
    }
    if (a.grupper.length > 0) {
      b.table({
        columns: [
          { header: 'Grupp', width: 1 },
          { header: 'Lärare', width: 2 },
          { header: 'Når inte målen', width: 1 },
          { header: 'Missar minst ett kriterium', width: 1.4 },
        ],
        rows: a.grupper.map((g) => [g.namn, g.larare.join(', ') || '–', `${g.antalEjNadda} av ${g.antalElever}`, `${g.antalMissarKriterium} av ${g.antalElever}`]),
      });
    }
  }
  b.heading('Iakttagelser och plan');
  b.keyValues([
    ['Vad resultaten visar', tom(d.iakttagelser)],
    ['Förändring i undervisningen', tom(d.forandring)],
    ['Förväntad effekt', tom(d.forvantadEffekt)],
    ['Uppföljning', tom(d.uppfoljningPlan)],
  ]);
  if (d.fragor.length > 0) {
    b.heading('Frågor');
    for (const f of d.fragor) {
      b.heading(f.text, 3);
      b.paragraph(tom(f.svar));
    }
  }
  const data = await b.finish();
  return { filnamn: `resultatdialog-${filnamnsdel(d.namn)}-varv-${d.varvNummer}.pdf`, mime: MIME.pdf, base64: data.toString('base64') };
}
