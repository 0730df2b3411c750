// Utredningar tracked to their outcome, and a pupil's insats history as one timeline (insatser, judgements,
// decisions, utredningar), reachable from anywhere a pupil appears.
import type { Database } from 'better-sqlite3';
import type { ElevHistorik, HistorikHandelse, UtredningRad } from '../../../shared/channels/mote';
import { AppError } from '../../../shared/errors';
import { BEDOMNING_TEXT, BESLUT_TEXT, INSATS_TYP_TEXT, MOTE_TYP_TEXT, UTREDNING_UTFALL_TEXT } from '../../../shared/labels';
import type { MoteTyp, UtredningUtfall } from '../../../shared/model';
import { overklagandeMening, overklagandeSenast } from '../../../shared/domain/utredning';
import { today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { listInsatserForElev } from './insatser';
import { queryUtredningar } from './rows';

const URVAL = {
  alla: '',
  oppna: "WHERE u.status = 'pagar'",
  forsenade: "WHERE u.status = 'pagar' AND u.deadline < ?",
} as const;

export function listUtredningar(db: Database, urval: keyof typeof URVAL, idag: string): UtredningRad[] {
  return queryUtredningar(db, URVAL[urval], urval === 'forsenade' ? [idag] : [], idag);
}

export function closeUtredning(ctx: HandlerContext, id: number, utfall: UtredningUtfall, datum: string | null): UtredningRad {
  const { db } = ctx;
  return db.transaction(() => {
    const row = db.prepare('SELECT status, startdatum FROM utredning WHERE id = ?').get(id) as { status: string; startdatum: string } | undefined;
    if (!row) throw new AppError('not_found', 'Utredningen finns inte.');
    if (row.status === 'avslutad') throw new AppError('conflict', 'Utredningen är redan avslutad.');
    const dag = datum ?? today(ctx);
    if (dag < row.startdatum) throw new AppError('invalid_argument', 'Utredningen kan inte avslutas före den dag den inleddes.');
    db.prepare("UPDATE utredning SET status = 'avslutad', utfall = ?, avslutad_datum = ? WHERE id = ?").run(utfall, dag, id);
    const rad = queryUtredningar(db, 'WHERE u.id = ?', [id], today(ctx))[0];
    if (!rad) throw new AppError('internal', 'Utredningen kunde inte läsas efter att den avslutats.');
    return rad;
  })();
}

export function elevHistorik(db: Database, elevId: number, idag: string): ElevHistorik {
  const elev = db
    .prepare(
      `SELECT e.id, e.fornamn || ' ' || e.efternamn AS namn, g.namn AS klass, e.arskurs FROM elev e
       LEFT JOIN grupp g ON g.id = e.klass_id WHERE e.id = ?`,
    )
    .get(elevId) as ElevHistorik['elev'] | undefined;
  if (!elev) throw new AppError('not_found', 'Eleven finns inte.');
  const insatser = listInsatserForElev(db, elevId);
  const utredningar = queryUtredningar(db, 'WHERE u.elev_id = ?', [elevId], idag);
  const moten = new Map(
    (db.prepare('SELECT id, typ, datum FROM mote').all() as { id: number; typ: MoteTyp; datum: string }[]).map((m) => [m.id, m]),
  );
  const vid = (moteId: number | null) => {
    const m = moteId === null ? undefined : moten.get(moteId);
    return m ? ` vid ${MOTE_TYP_TEXT[m.typ].replace('Första EHT-mötet', 'första EHT-mötet')} ${m.datum}` : '';
  };
  const handelser: HistorikHandelse[] = [];
  for (const i of insatser) {
    handelser.push({
      datum: i.startdatum,
      typ: 'insats',
      rubrik: `${i.ersatterInsatsId ? 'Ny insats i kedjan' : 'Insats beslutad'}: ${i.beskrivning}`,
      text: [INSATS_TYP_TEXT[i.typ], i.amne, i.forvantadEffekt ? `Förväntad effekt: ${i.forvantadEffekt}` : '', vid(i.beslutadVidMoteId).trim()]
        .filter(Boolean)
        .join(' · '),
      insatsId: i.id,
      moteId: i.beslutadVidMoteId,
    });
    for (const b of i.bedomningar) {
      handelser.push({
        datum: b.datum,
        typ: 'bedomning',
        rubrik: `${BEDOMNING_TEXT[b.bedomning]} → ${BESLUT_TEXT[b.beslut]}`,
        text: [`"${i.beskrivning}"${vid(b.moteId)}`, b.underlag, b.motivering ? `Motivering: ${b.motivering}` : '']
          .filter(Boolean)
          .join(' · '),
        insatsId: i.id,
        moteId: b.moteId,
      });
    }
  }
  const beslut = db
    .prepare('SELECT mote_id AS moteId, beslut, motivering, skapad, utredning_id AS utredningId FROM utredningsbeslut WHERE elev_id = ?')
    .all(elevId) as { moteId: number; beslut: 'inled' | 'inte_nu'; motivering: string | null; skapad: string; utredningId: number | null }[];
  for (const b of beslut) {
    handelser.push({
      datum: moten.get(b.moteId)?.datum ?? b.skapad.slice(0, 10),
      typ: 'utredningsbeslut',
      rubrik: b.beslut === 'inled' ? 'Beslut: utredning inleds' : 'Beslut: ingen utredning nu',
      text: [b.motivering ? `Motivering: ${b.motivering}` : '', vid(b.moteId).trim()].filter(Boolean).join(' · '),
      insatsId: null,
      moteId: b.moteId,
    });
  }
  for (const u of utredningar) {
    handelser.push({
      datum: u.startdatum,
      typ: 'utredning',
      rubrik: 'Utredning av behov av särskilt stöd',
      text: `Ansvarig: ${u.ansvarig} · deadline ${u.deadline}${u.dagarForsenad > 0 ? ` · försenad ${u.dagarForsenad} dagar` : ''}`,
      insatsId: null,
      moteId: u.beslutadVidMoteId,
    });
    if (u.avslutadDatum && u.utfall) {
      // Skollagen 28 kap. 16 §: a decision on åtgärdsprogram, or not to draw one up, can be appealed within three weeks
      // (the last day moved off a helgdag, lag 1930:173).
      const senast = overklagandeSenast(u.avslutadDatum);
      handelser.push({
        datum: u.avslutadDatum,
        typ: 'utredning_avslutad',
        rubrik: `Utredningen avslutad: ${UTREDNING_UTFALL_TEXT[u.utfall]}`,
        text: [`Ansvarig: ${u.ansvarig}`, senast ? overklagandeMening(senast) : ''].filter(Boolean).join(' · '),
        insatsId: null,
        moteId: null,
        ...(senast ? { overklagandeSenast: senast } : {}),
      });
    }
  }
  const ordning: Record<HistorikHandelse['typ'], number> = { bedomning: 0, utredningsbeslut: 1, utredning: 2, insats: 3, utredning_avslutad: 4 };
  handelser.sort((a, b) => (a.datum < b.datum ? 1 : a.datum > b.datum ? -1 : ordning[a.typ] - ordning[b.typ]));
  return { elev, insatser, utredningar, handelser };
}

export const utredningHandlers: HandlerPart = {
  'utredning:list': (args, ctx) => listUtredningar(ctx.db, args.urval, today(ctx)),
  'utredning:close': (args, ctx) => closeUtredning(ctx, args.id, args.utfall, args.datum),
  'elev:historik': (args, ctx) => elevHistorik(ctx.db, args.elevId, today(ctx)),
};
