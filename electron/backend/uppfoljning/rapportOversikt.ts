// Översikt's year: the next meeting and what is due for it, insatser nobody follows up, the pupils at risk of not
// reaching gymnasiebehörighet (the settings' prognosArskurser, default åk 7–9; särskilda undervisningsgrupper included: seed 000), and chart data.
import type { Database } from 'better-sqlite3';
import type { Diagram, NastaMote, OversiktDiagram, OversiktUppfoljning } from '../../../shared/channels/uppfoljning';
import { SARSKILD_GRUPP_FLAGGA, formatDatum } from '../../../shared/domain/index';
import { behorighetsprognos } from './behorighet';
import { BEDOMNING_TEXT, BESLUT_TEXT, arskursText } from '../../../shared/labels';
import { BEDOMNINGAR, BESLUT, type MoteTyp } from '../../../shared/model';
import { today } from '../context';
import type { HandlerPart } from '../handlers';
import { getAvstamning } from './avstamning';
import { currentLasar } from '../skola/oversikt';
import { aktivInsats, hallenDialog } from '../skola/status';
import { nastaMote as valjNastaMote } from '../../../shared/domain/status';

function count(db: Database, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
}

function attGora(db: Database, mote: { typ: MoteTyp; varvId: number | null; datum: string }, idag: string): string[] {
  // The insatser the meeting will evaluate: those active on its day (shared/domain/status.ts), as its agenda counts them.
  const dag = mote.datum < idag ? idag : mote.datum;
  const aktiva = count(db, `SELECT count(*) FROM insats i WHERE ${aktivInsats('i', '?')}`, dag);
  const utanAterkoppling = count(db, `SELECT count(*) FROM insats i WHERE ${aktivInsats('i', '?')} AND i.aterkopplar_id IS NULL`, dag);
  const forsenade = count(db, "SELECT count(*) FROM utredning WHERE status = 'pagar' AND deadline < ?", idag);
  const varv = mote.varvId
    ? (db.prepare('SELECT bedomning_senast AS senast FROM varv WHERE id = ?').get(mote.varvId) as { senast: string | null } | undefined)
    : undefined;
  const out: string[] = [];
  switch (mote.typ) {
    case 'resultatdialog': {
      if (varv?.senast) out.push(`Bedömningarna ska vara inlagda senast ${formatDatum(varv.senast)}.`);
      const dialoger = mote.varvId ? count(db, 'SELECT count(*) FROM resultatdialog WHERE varv_id = ?', mote.varvId) : 0;
      const hallna = mote.varvId ? count(db, `SELECT count(*) FROM resultatdialog d WHERE d.varv_id = ? AND ${hallenDialog('d', '?')}`, mote.varvId, idag) : 0;
      if (hallna > 0) out.push(`${hallna} av ${dialoger} resultatdialoger är genomförda; ${dialoger - hallna} återstår.`);
      else out.push(`Sammanställ betygskriterierna och förbered frågorna (${dialoger} resultatdialoger planerade i varvet).`);
      break;
    }
    case 'forsta_eht':
    case 'eht':
      if (mote.typ === 'forsta_eht') out.push('Gå igenom föregående termins omdömen och betyg.');
      out.push(`Bedöm effekten av ${aktiva} aktiva insatser och besluta om dem.`);
      if (utanAterkoppling > 0) out.push(`Bestäm vem som återkopplar för ${utanAterkoppling} insatser som saknar det.`);
      if (forsenade > 0) out.push(`${forsenade} utredningar har passerat sin deadline.`);
      break;
    case 'avstamning': {
      if (mote.varvId) {
        const a = getAvstamning(db, mote.varvId, idag);
        const klara = a.arskurser.filter((x) => x.klar).length;
        out.push(`Resultatdialoger klara för ${klara} av ${a.arskurser.length} årskurser.`);
      }
      out.push('Se över de övergripande utvecklingsområdena.');
      break;
    }
    case 'arsavslut':
      out.push('Sammanfatta årets förändringar och jämför med planen från läsårets start.');
      break;
  }
  return out;
}

function nastaMote(db: Database, idag: string): NastaMote | null {
  const lasar = currentLasar(db, idag);
  if (!lasar) return null;
  const moten = db
    .prepare(
      `SELECT m.typ, m.datum, m.status, m.varv_id AS varvId, v.nummer AS varvNummer FROM mote m LEFT JOIN varv v ON v.id = m.varv_id
       WHERE m.lasar_id = ? ORDER BY m.datum, m.id`,
    )
    .all(lasar.id) as { typ: MoteTyp; datum: string; status: string; varvId: number | null; varvNummer: number | null }[];
  const row = valjNastaMote(moten, idag);
  if (!row) return null;
  return { typ: row.typ, datum: row.datum, varvNummer: row.varvNummer, attGora: attGora(db, row, idag) };
}

/** Pupils not behöriga to a högskoleförberedande programme: risk (an F or '-' stops it) or underlag saknas. */
function behorighetRisk(db: Database): OversiktUppfoljning['behorighetRisk'] {
  const { arskurser, elever } = behorighetsprognos(db);
  return {
    arskurser,
    elever: elever
      .filter((e) => e.status !== 'behorig')
      .map((e) => ({
        elevId: e.elevId,
        namn: e.namn,
        klass: e.klass,
        arskurs: e.arskurs,
        status: e.status as 'risk' | 'underlag_saknas',
        risk: e.risk,
        saknas: e.saknas,
        betygF: e.betygF,
        betygStreck: e.betygStreck,
        saknadeBetyg: e.saknadeBetyg,
        flagga: e.sarskildUndervisningsgrupp ? SARSKILD_GRUPP_FLAGGA : null,
        sarskildUndervisningsgrupp: e.sarskildUndervisningsgrupp,
      })),
  };
}

export function oversiktUppfoljning(db: Database, idag: string): OversiktUppfoljning {
  const utan = db
    .prepare(
      `SELECT i.id AS insatsId, i.elev_id AS elevId, i.beskrivning, i.startdatum,
              CASE i.niva WHEN 'individ' THEN e.fornamn || ' ' || e.efternamn || coalesce(' (' || ek.namn || ')', '')
                          WHEN 'grupp' THEN 'Grupp ' || coalesce(g.namn, '')
                          WHEN 'larare' THEN 'Lärare ' || coalesce(p.fornamn || ' ' || p.efternamn, '')
                          ELSE 'Hela skolan' END AS mal
       FROM insats i LEFT JOIN elev e ON e.id = i.elev_id LEFT JOIN grupp ek ON ek.id = e.klass_id
       LEFT JOIN grupp g ON g.id = i.grupp_id LEFT JOIN personal p ON p.id = i.larare_id
       WHERE ${aktivInsats('i', '?')} AND i.aterkopplar_id IS NULL ORDER BY i.startdatum, i.id`,
    )
    .all(idag) as OversiktUppfoljning['insatserUtanUppfoljare'];
  return { idag, nastaMote: nastaMote(db, idag), insatserUtanUppfoljare: utan, behorighetRisk: behorighetRisk(db) };
}

function perVarv<K extends string>(db: Database, lasarId: number, column: 'bedomning' | 'beslut', keys: readonly K[], text: Record<K, string>, rubrik: string): Diagram {
  const rows = db
    .prepare(
      `SELECT v.nummer AS nummer, b.${column} AS nyckel, count(*) AS antal
       FROM effektbedomning b JOIN mote m ON m.id = b.mote_id LEFT JOIN varv v ON v.id = m.varv_id
       WHERE m.lasar_id = ? GROUP BY v.nummer, b.${column}`,
    )
    .all(lasarId) as { nummer: number | null; nyckel: string; antal: number }[];
  const varv = db.prepare('SELECT nummer FROM varv WHERE lasar_id = ? ORDER BY nummer').pluck().all(lasarId) as number[];
  const kategorier: (number | null)[] = [...(rows.some((r) => r.nummer === null) ? [null] : []), ...varv];
  return {
    rubrik,
    kategorier: kategorier.map((n) => (n === null ? 'Första EHT' : `Varv ${n}`)),
    serier: keys.map((k) => ({ nyckel: k, namn: text[k] })),
    varden: kategorier.map((n) => keys.map((k) => rows.find((r) => r.nummer === n && r.nyckel === k)?.antal ?? 0)),
  };
}

export function oversiktDiagram(db: Database, idag: string): OversiktDiagram {
  const lasarId = currentLasar(db, idag)?.id ?? -1;
  const arskurser = db.prepare('SELECT DISTINCT arskurs FROM elev WHERE aktiv = 1 ORDER BY arskurs').pluck().all() as number[];
  const individ = db
    .prepare(
      `SELECT e.arskurs, count(DISTINCT e.id) AS antal FROM insats i JOIN elev e ON e.id = i.elev_id
       WHERE ${aktivInsats('i', '?')} AND e.aktiv = 1 GROUP BY e.arskurs`,
    )
    .all(idag) as { arskurs: number; antal: number }[];
  const grupp = db
    .prepare(
      `SELECT e.arskurs, count(DISTINCT e.id) AS antal FROM insats i JOIN gruppmedlem m ON m.grupp_id = i.grupp_id
       JOIN elev e ON e.id = m.elev_id WHERE ${aktivInsats('i', '?')} AND i.niva = 'grupp' AND e.aktiv = 1 GROUP BY e.arskurs`,
    )
    .all(idag) as { arskurs: number; antal: number }[];
  return {
    effektPerVarv: perVarv(db, lasarId, 'bedomning', BEDOMNINGAR, BEDOMNING_TEXT, 'Effektbedömningar per varv'),
    beslutPerVarv: perVarv(db, lasarId, 'beslut', BESLUT, BESLUT_TEXT, 'Beslut per varv'),
    insatserPerArskurs: {
      rubrik: 'Elever med aktiva insatser per årskurs',
      kategorier: arskurser.map((a) => `Åk ${arskursText(a)}`),
      serier: [
        { nyckel: 'individ', namn: 'Individuell insats' },
        { nyckel: 'grupp', namn: 'Insats för elevens grupp' },
      ],
      varden: arskurser.map((a) => [individ.find((r) => r.arskurs === a)?.antal ?? 0, grupp.find((r) => r.arskurs === a)?.antal ?? 0]),
    },
  };
}

export const rapportOversiktHandlers: HandlerPart = {
  'oversikt:uppfoljning': (_args, ctx) => oversiktUppfoljning(ctx.db, today(ctx)),
  'oversikt:diagram': (_args, ctx) => oversiktDiagram(ctx.db, today(ctx)),
};
