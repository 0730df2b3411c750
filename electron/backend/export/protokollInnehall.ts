// What the EHT-protokoll says, written once against the DocumentBuilder: participants, the agenda, each evaluation and
// decision, new insatser, utredning decisions with deadlines, and who follows up what before which date.
import type { AgendaInsats, MoteAgenda } from '../../../shared/channels/mote';
import { BEDOMNING_TEXT, BESLUT_TEXT, MOTE_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import type { Insats } from '../../../shared/model';
import { datumText, type DocumentBuilder } from './document';

export interface ProtokollNamn {
  /** The pupil as the protokoll names them: the name, or initials + code when pseudonymised. */
  elev(id: number | null): string;
  /** Free text with pupil names replaced when pseudonymised. */
  text(value: string): string;
  person(id: number | null): string;
}

function galler(i: Insats, n: ProtokollNamn): string {
  if (i.niva === 'individ') return n.elev(i.elevId);
  if (i.niva === 'grupp') return `Grupp ${i.grupp ?? ''}`.trim();
  if (i.niva === 'larare') return `Lärare ${n.person(i.larareId)}`;
  return 'Organisation';
}

/** Seed 001: step 4 "går igenom föregående termins omdömen och betyg", step 6 "går igenom varvets resultatuppföljningar". */
export function resultatRubrik(a: MoteAgenda): string {
  return a.mote.typ === 'forsta_eht' ? 'Föregående termins omdömen och betyg' : 'Varvets resultatuppföljningar';
}

function resultatSaknas(a: MoteAgenda): string {
  return a.mote.typ === 'forsta_eht' ? 'Det fanns inga omdömen eller betyg från föregående termin att gå igenom.' : 'Det fanns inga resultat att gå igenom före mötet.';
}

function resultatUrvalText(a: MoteAgenda): string {
  const nar = `${a.resultat.tillfalle ?? ''}, ${datumText(a.resultat.datum ?? '')}`;
  if (a.resultat.urval === 'forra_terminen') return `Senaste bedömningstillfället före terminens start: ${nar}. Per ämne och per grupp.`;
  if (a.resultat.urval === 'senaste') return `Varvets resultat fanns inte ännu; det senaste bedömningstillfället före mötet visas: ${nar}. Per ämne och per grupp.`;
  return `Varvets bedömningstillfälle: ${nar}. Per ämne och per grupp.`;
}

function dagordning(a: MoteAgenda): string[] {
  return [
    `${resultatRubrik(a)}${a.resultat.tillfalle ? ` (${a.resultat.tillfalle}, ${datumText(a.resultat.datum ?? '')})` : ''}`,
    `Bedömning av insatser: ${a.insatser.length} st`,
    'Ämnen som utmärker sig (lärarmönster)',
    `Beslut om utredning av behov av särskilt stöd: ${a.utredningskandidater.length} elev${a.utredningskandidater.length === 1 ? '' : 'er'}`,
    `Pågående utredningar: ${a.utredningar.length} st, varav ${a.utredningar.filter((u) => u.dagarForsenad > 0).length} försenade`,
    'Nya insatser och uppföljning',
  ];
}

function bedomningRad(ai: AgendaInsats, n: ProtokollNamn): string[] {
  const b = ai.bedomning;
  const vad = `${galler(ai.insats, n)}${ai.insats.amne ? ` (${ai.insats.amne})` : ''}: ${n.text(ai.insats.beskrivning)}`;
  if (!b) return [vad, 'Ej bedömd vid mötet', '–', ''];
  const detaljer = [
    b.underlag ? `Underlag: ${n.text(b.underlag)}` : '',
    ai.resultatforandring ? `Resultat: ${ai.resultatforandring}` : '',
    b.beslut !== b.rekommendation ? `Avviker från rekommendationen "${BESLUT_TEXT[b.rekommendation]}". Motivering: ${n.text(b.motivering ?? '')}` : '',
    ai.foljdinsats ? `Ny insats: ${n.text(ai.foljdinsats.beskrivning)}` : '',
  ].filter(Boolean);
  return [vad, `${BEDOMNING_TEXT[b.bedomning]}${b.maletNatt ? ', målet nått' : ''}`, BESLUT_TEXT[b.beslut], detaljer.join('\n')];
}

export function writeProtokoll(b: DocumentBuilder, a: MoteAgenda, n: ProtokollNamn, opts: { pseudonymiserad: boolean; nastaMote: string | null }): void {
  const { mote } = a;
  if (opts.pseudonymiserad) {
    b.paragraph('Pseudonymiserat protokoll: eleverna anges med initialer och kod, inbjudna gäster bara med sin funktion. Kodnyckeln finns endast i Varvet.', { italic: true, muted: true });
  }
  b.keyValues([
    ['Möte', `${MOTE_TYP_TEXT[mote.typ]}${mote.varvNummer ? `, varv ${mote.varvNummer}` : ''}`],
    ['Datum', datumText(mote.datum)],
    ['Status', mote.status === 'avslutat' ? 'Avslutat' : 'Pågår – protokollet är preliminärt'],
  ]);

  b.heading('Deltagare', 2);
  b.table({
    columns: [{ header: 'Namn', width: 3 }, { header: 'Funktion', width: 2 }, { header: 'Närvaro', width: 1.4 }],
    // A guest's own name can identify a pupil (a guardian's surname is often the pupil's): pseudonymised, a guest is
    // shown by function only. Functions are typed freely ("Vårdnadshavare till …") and go through the pseudonymiser.
    rows: mote.deltagare.map((d) => [
      d.personalId !== null ? d.namn : opts.pseudonymiserad ? 'Gäst (namnet utelämnat)' : n.text(d.namn),
      n.text(d.funktion),
      d.inbjuden ? 'Inbjuden' : 'Ordinarie',
    ]),
  });

  b.heading('Dagordning', 2).bullets(dagordning(a));

  b.heading(`1. ${resultatRubrik(a)}`, 2);
  if (a.resultat.amnen.length === 0) b.paragraph(resultatSaknas(a), { muted: true });
  else {
    b.paragraph(resultatUrvalText(a), { muted: true });
    b.table({
      columns: [{ header: 'Ämne', width: 2 }, { header: 'Elever', width: 1 }, { header: 'Når inte', width: 1 }, { header: 'Betygskriterier som flest inte når', width: 5 }],
      rows: a.resultat.amnen.map((am) => [
        am.amne, String(am.antalElever), String(am.antalEjNadda),
        am.kriterier.slice(0, 3).map((k) => `${k.kriterium} (${k.antalEjNadda})`).join('; '),
      ]),
    });
  }

  const grupper = a.resultat.grupper ?? [];
  if (grupper.length > 0) {
    b.table({
      columns: [{ header: 'Grupp', width: 2 }, { header: 'Når inte', width: 1.4 }, { header: 'Ämnen där flest inte når', width: 3 }, { header: 'Betygskriterier som flest inte når', width: 3.6 }],
      rows: grupper.map((g) => [
        g.grupp,
        `${g.antalEjNadda} av ${g.antalElever}${g.foregaendeEjNadda !== null ? ` (förra: ${g.foregaendeEjNadda})` : ''}`,
        g.amnen.map((x) => `${x.amne} ${x.antalEjNadda} av ${x.antal}`).join('; ') || '–',
        g.kriterier.map((k) => `${k.amne}: ${k.kriterium} (${k.antalEjNadda})`).join('; ') || '–',
      ]),
    });
  }

  b.heading('2. Bedömning av insatser och beslut', 2);
  if (a.insatser.length === 0) b.paragraph('Inga insatser var aktuella för bedömning.', { muted: true });
  else {
    b.table({
      columns: [{ header: 'Insats', width: 4 }, { header: 'Bedömning', width: 1.6 }, { header: 'Beslut', width: 1.6 }, { header: 'Underlag och motivering', width: 4 }],
      rows: a.insatser.map((ai) => bedomningRad(ai, n)),
    });
  }

  b.heading('3. Ämnen som utmärker sig', 2);
  b.paragraph(
    a.lararmonster.length === 0
      ? 'Inget ämne utmärkte sig på ett sätt som upprepas hos samma lärare.'
      : `Skolledningen gick igenom ${a.lararmonster.length} mönster där ett ämne utmärker sig hos samma lärare. Mönstren gäller namngivna lärare och redovisas därför inte i protokollet.`,
  );

  b.heading('4. Beslut om utredning av behov av särskilt stöd', 2);
  if (a.utredningskandidater.length === 0) b.paragraph('Ingen elev behövde ett utredningsbeslut vid mötet.', { muted: true });
  else {
    b.table({
      columns: [{ header: 'Elev', width: 2 }, { header: 'Beslut', width: 2 }, { header: 'Ansvarig', width: 2 }, { header: 'Deadline', width: 1.6 }, { header: 'Motivering', width: 3.4 }],
      rows: a.utredningskandidater.map((k) => [
        n.elev(k.elevId),
        k.beslut === null ? 'Beslut saknas' : k.beslut.beslut === 'inled' ? 'Utredning inleds' : 'Inte nu',
        k.beslut?.ansvarigId ? n.person(k.beslut.ansvarigId) : '–',
        k.beslut?.deadline ? datumText(k.beslut.deadline) : '–',
        n.text(k.beslut?.motivering ?? ''),
      ]),
    });
  }

  b.heading('5. Pågående utredningar', 2);
  if (a.utredningar.length === 0) b.paragraph('Inga pågående utredningar.', { muted: true });
  else {
    b.table({
      columns: [{ header: 'Elev', width: 2 }, { header: 'Ansvarig', width: 2 }, { header: 'Deadline', width: 1.6 }, { header: 'Läge', width: 2 }],
      rows: a.utredningar.map((u) => [n.elev(u.elevId), u.ansvarig, datumText(u.deadline), u.dagarForsenad > 0 ? `Försenad ${u.dagarForsenad} dagar` : 'Pågår']),
    });
  }

  const nya = [...a.insatser.flatMap((ai) => (ai.foljdinsats ? [ai.foljdinsats] : [])), ...a.nyaInsatser];
  b.heading('6. Nya insatser', 2);
  if (nya.length === 0) b.paragraph('Inga nya insatser beslutades.', { muted: true });
  else {
    b.table({
      columns: [{ header: 'Gäller', width: 2 }, { header: 'Insats och förväntad effekt', width: 4.4 }, { header: 'Genomförs av', width: 1.8 }, { header: 'Återkopplar', width: 1.8 }, { header: 'Start', width: 1.4 }],
      rows: nya.map((i) => [
        `${galler(i, n)}\n${NIVA_TEXT[i.niva]}`,
        `${n.text(i.beskrivning)}${i.forvantadEffekt ? `\nFörväntad effekt: ${n.text(i.forvantadEffekt)}` : ''}`,
        i.genomforsAv ?? '–', i.aterkopplar ?? '–', datumText(i.startdatum),
      ]),
    });
  }

  b.heading('7. Uppföljning: vem följer upp vad och när', 2);
  const senast = opts.nastaMote ? datumText(opts.nastaMote) : 'nästa EHT-möte';
  const rader = [
    ...nya.map((i) => [i.aterkopplar ?? 'Ansvarig saknas', `Återkopplar effekten av "${n.text(i.beskrivning)}" (${galler(i, n)})`, senast]),
    ...a.utredningskandidater
      .filter((k) => k.beslut?.beslut === 'inled')
      .map((k) => [n.person(k.beslut?.ansvarigId ?? null), `Utredning av behov av särskilt stöd för ${n.elev(k.elevId)}`, datumText(k.beslut?.deadline ?? mote.datum)]),
  ];
  if (rader.length === 0) b.paragraph('Inget att följa upp.', { muted: true });
  else b.table({ columns: [{ header: 'Vem', width: 2 }, { header: 'Vad', width: 5 }, { header: 'Senast', width: 1.8 }], rows: rader });

  const anteckningar = Object.entries(a.anteckningar).filter(([, t]) => t.trim() !== '');
  if (mote.anteckningar.trim() || anteckningar.length > 0) {
    b.heading('Anteckningar', 2);
    if (mote.anteckningar.trim()) b.paragraph(n.text(mote.anteckningar));
    const rubrik: Record<string, string> = { resultat: resultatRubrik(a), utredningar: 'Utredningar', nya: 'Nya insatser' };
    for (const [punkt, t] of anteckningar) b.paragraph(`${rubrik[punkt] ?? 'Övrigt'}: ${n.text(t)}`);
  }
}
