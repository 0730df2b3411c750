// Insatser through a läsår: at each past EHT-möte the active insatser are evaluated (the judgement follows the
// pupil's result change), the decision follows the domain rule (a departure carries a motivation), changed and
// intensified insatser continue the chain, utredning decisions are taken, and new insatser are decided.
import type { Database } from 'better-sqlite3';
import { recommendDecision } from '../../../shared/domain/index';
import type { Bedomning, Beslut, Niva } from '../../../shared/model';
import { addDaysIso, type LasarRad, type MoteRad } from './calendar';
import type { ElevInfo, GruppInfo, Staff } from './people';
import type { Random } from './random';
import type { ResultatNiva, YearResults } from './results';
import type { Teaching } from './teaching';
import { AVVIKELSER, MALLAR, UNDERLAG, fill, type InsatsMall } from './texts';
import type { InsatsState } from './insatsState';
import { UtredningBook } from './utredningar';

export type { InsatsState };


export interface YearContext {
  db: Database;
  rng: Random;
  lasar: LasarRad;
  today: string;
  staff: Staff;
  grupper: GruppInfo[];
  teaching: Teaching;
  results: YearResults;
  amneId: Map<string, number>;
  amneNamn: Map<string, string>;
  elevById: Map<number, ElevInfo>;
  nyaPerMote: number;
  /** Pupils the scenarios own; random insatser leave them alone. */
  reserverade: Set<ElevInfo>;
}

const RANK: Record<ResultatNiva, number> = { '-': 0, F: 0, E: 1, D: 2, C: 3, B: 4, A: 5, ej_natt: 0, pa_vag: 1, natt: 2 };
const VISNING: Record<ResultatNiva, string> = {
  '-': '-', F: 'F', E: 'E', D: 'D', C: 'C', B: 'B', A: 'A', ej_natt: 'ej nått', pa_vag: 'på väg', natt: 'nått',
};
const EJ_NADD = new Set<ResultatNiva>(['F', '-', 'ej_natt']);
const KARNAMNEN = ['MA', 'SV', 'SVA', 'EN'];

export class InsatsSimulation {
  readonly insatser: InsatsState[] = [];
  private readonly insert;
  private readonly updateStatus;
  private readonly insertBedomning;

  constructor(private readonly ctx: YearContext, readonly utredningar: UtredningBook) {
    const { db } = ctx;
    this.insert = db.prepare(
      `INSERT INTO insats (niva, elev_id, grupp_id, larare_id, amne_id, beskrivning, typ, forvantad_effekt,
         genomfors_av_id, aterkopplar_id, startdatum, beslutad_vid_mote_id, ersatter_insats_id, skapad)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateStatus = db.prepare('UPDATE insats SET status = ?, slutdatum = ? WHERE id = ?');
    this.insertBedomning = db.prepare(
      `INSERT INTO effektbedomning (insats_id, mote_id, datum, bedomning, malet_natt, underlag, resultatforandring,
         rekommendation, beslut, motivering, skapad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Level of a pupil's subject at the latest tillfälle on or before `datum`. */
  levelAt(elev: ElevInfo, amne: string, datum: string): ResultatNiva | undefined {
    const list = this.ctx.results.niva.get(`${elev.id}:${amne}`) ?? [];
    let found: ResultatNiva | undefined;
    this.ctx.results.tillfallen.forEach((t, i) => {
      if (t.datum <= datum && list[i] !== undefined) found = list[i];
    });
    return found;
  }

  private people(insats: Omit<InsatsState, 'id' | 'status' | 'kedja' | 'bedomningar'>): [number | null, number | null] {
    const { staff, teaching, rng } = this.ctx;
    const spec = rng.pick(staff.specialpedagoger);
    const teacherOf = (gruppId: number | null) =>
      gruppId !== null && insats.amne ? (teaching.larare.get(`${gruppId}:${insats.amne}`)?.[0] ?? null) : null;
    switch (insats.niva) {
      case 'individ': {
        const gruppId = insats.elev && insats.amne ? (this.ctx.results.grupp.get(`${insats.elev.id}:${insats.amne}`) ?? null) : null;
        const klass = this.ctx.grupper.find((g) => g.typ === 'klass' && insats.elev && g.medlemmar.includes(insats.elev));
        const mentor = klass ? (teaching.mentor.get(klass.id) ?? null) : null;
        const larare = teacherOf(gruppId) ?? mentor;
        if (insats.mall.typ === 'sarskilt_stod') return [spec, mentor];
        return [larare, mentor !== null && mentor !== larare ? mentor : spec];
      }
      case 'grupp':
        return [teacherOf(insats.gruppId), spec];
      case 'larare': {
        const handledare = staff.forstelarare.find((id) => id !== insats.larareId) ?? spec;
        return [handledare, rng.pick([staff.rektor, ...staff.bitradande])];
      }
      default:
        return [staff.bitradande[0] ?? staff.rektor, staff.rektor];
    }
  }

  add(draft: Omit<InsatsState, 'id' | 'status' | 'kedja' | 'bedomningar'>, mote: MoteRad | null, beskrivning?: string,
    kedja: InsatsState['kedja'] = []): InsatsState {
    const namn = draft.amne ? (this.ctx.amneNamn.get(draft.amne) ?? draft.amne) : null;
    const [genomfors, aterkopplar] = this.people(draft);
    const skapad = `${mote?.datum ?? draft.startdatum}T13:00:00.000Z`;
    const id = Number(
      this.insert.run(draft.niva, draft.elev?.id ?? null, draft.gruppId, draft.larareId,
        draft.amne ? (this.ctx.amneId.get(draft.amne) ?? null) : null, fill(beskrivning ?? draft.mall.beskrivning, namn),
        draft.mall.typ, fill(draft.mall.forvantadEffekt, namn), genomfors, aterkopplar, draft.startdatum, mote?.id ?? null,
        draft.ersatter, skapad).lastInsertRowid,
    );
    const state: InsatsState = { ...draft, id, status: 'aktiv', kedja, bedomningar: [] };
    this.insatser.push(state);
    return state;
  }

  private setStatus(insats: InsatsState, status: InsatsState['status'], datum: string): void {
    insats.status = status;
    this.updateStatus.run(status, datum, insats.id);
  }

  private judge(insats: InsatsState, mote: MoteRad): { bedomning: Bedomning; maletNatt: boolean; forandring: string | null } {
    const { rng } = this.ctx;
    const fore = insats.elev && insats.amne ? this.levelAt(insats.elev, insats.amne, addDaysIso(insats.startdatum, -1)) : undefined;
    const efter = insats.elev && insats.amne ? this.levelAt(insats.elev, insats.amne, mote.datum) : undefined;
    const forandring = fore && efter ? `${VISNING[fore]} → ${VISNING[efter]}` : null;
    if (insats.plan) return { bedomning: insats.plan.bedomning, maletNatt: false, forandring };
    const order: Bedomning[] = ['tydlig_effekt', 'viss_effekt', 'ingen_effekt', 'negativ_utveckling', 'kan_ej_bedomas'];
    let weights = [25, 35, 25, 5, 10];
    if (fore && efter) {
      const diff = RANK[efter] - RANK[fore];
      weights = diff > 0 ? [65, 35, 0, 0, 0] : diff < 0 ? [0, 0, 45, 55, 0] : [5, 35, 45, 5, 10];
    }
    const bedomning = order[rng.weighted(weights)] as Bedomning;
    const natt = efter === undefined || !EJ_NADD.has(efter);
    return { bedomning, maletNatt: bedomning === 'tydlig_effekt' && natt && rng.chance(0.5), forandring };
  }

  /** Evaluations of every active insats that has run at least three weeks, and the decisions that follow. */
  evaluate(mote: MoteRad): void {
    const { rng } = this.ctx;
    for (const insats of [...this.insatser]) {
      if (insats.status !== 'aktiv' || insats.startdatum > addDaysIso(mote.datum, -21)) continue;
      const { bedomning, maletNatt, forandring } = this.judge(insats, mote);
      const { rekommendation } = recommendDecision({ bedomning, maletNatt, kedja: insats.kedja });
      let beslut: Beslut = rekommendation;
      let motivering: string | null = null;
      if (insats.plan) {
        beslut = insats.plan.beslut;
        motivering = beslut === rekommendation ? null : insats.plan.motivering;
      } else {
        const avvikelse = AVVIKELSER[rekommendation];
        if (avvikelse && rng.chance(0.12)) ({ beslut, motivering } = rng.pick(avvikelse));
      }
      this.insertBedomning.run(insats.id, mote.id, mote.datum, bedomning, maletNatt ? 1 : 0, rng.pick(UNDERLAG[bedomning] ?? ['']),
        forandring, rekommendation, beslut, motivering, `${mote.datum}T14:00:00.000Z`);
      insats.bedomningar.push({ datum: mote.datum, bedomning });
      const kedja = [...insats.kedja, { bedomning, beslut }];
      insats.kedja = kedja;
      if (beslut === 'avsluta') this.setStatus(insats, 'avslutad', mote.datum);
      else if (beslut === 'ta_bort') this.setStatus(insats, 'borttagen', mote.datum);
      else if (beslut === 'intensifiera' || beslut === 'forandra') {
        this.setStatus(insats, 'ersatt', mote.datum);
        const mall = beslut === 'forandra'
          ? rng.pick(MALLAR.filter((m) => m.niva === insats.niva && m !== insats.mall && m.typ !== 'sarskilt_stod'))
          : insats.mall;
        const { niva, elev, gruppId, larareId, amne } = insats;
        this.add({ niva, elev, gruppId, larareId, amne, mall, startdatum: mote.datum, ersatter: insats.id }, mote,
          beslut === 'intensifiera' ? insats.mall.intensifierad : undefined, kedja);
      }
    }
  }

  private activeFor(elev: ElevInfo): boolean {
    return this.insatser.some((i) => i.elev === elev && i.status === 'aktiv');
  }

  /** New insatser decided at the meeting: pupils not reaching, a group, sometimes a teacher, the organisation. */
  decideNew(mote: MoteRad, first: boolean): void {
    const { rng, grupper, results, teaching } = this.ctx;
    const harResultat = results.tillfallen.some((t) => t.datum <= mote.datum);
    const elever = grupper.filter((g) => g.typ === 'klass').flatMap((g) => g.medlemmar)
      .filter((e) => !this.ctx.reserverade.has(e) && (e.slutat === null || e.slutat > mote.datum) && !this.activeFor(e));
    const svaga = elever.map((e) => {
      const amnen = KARNAMNEN.filter((kod) => {
        const niva = this.levelAt(e, kod, mote.datum);
        return niva !== undefined && EJ_NADD.has(niva);
      });
      return { e, amne: harResultat ? amnen[0] : e.formaga < -1.3 ? rng.pick(['MA', e.nyanland ? 'SVA' : 'SV']) : undefined };
    }).filter((x) => x.amne !== undefined);
    const antal = Math.round(this.ctx.nyaPerMote * (first ? 1.5 : 1));
    for (const { e, amne } of rng.shuffle(svaga).slice(0, antal)) {
      const atgardsprogram = this.utredningar.hasAtgardsprogram(e, mote.datum);
      const mall = rng.pick(MALLAR.filter((m) => m.niva === 'individ' && (m.typ === 'sarskilt_stod') === atgardsprogram));
      this.add({ niva: 'individ', elev: e, gruppId: null, larareId: null, amne: amne ?? null, mall, startdatum: mote.datum, ersatter: null }, mote);
    }
    if (harResultat) this.decideGroup(mote);
    if (first || rng.chance(0.4)) {
      const kandidater = this.ctx.staff.larare.filter((id) => id !== teaching.monsterLarare
        && !this.insatser.some((i) => i.larareId === id && i.status === 'aktiv'));
      const larareId = rng.pick(kandidater);
      // Handledning in a subject the teacher teaches, a core subject when there is one.
      const egna = [...teaching.larare.entries()].filter(([, ids]) => ids.includes(larareId)).map(([k]) => k.split(':')[1] ?? '');
      const amne = egna.find((kod) => KARNAMNEN.includes(kod)) ?? egna[0] ?? null;
      const mall = rng.pick(MALLAR.filter((m) => m.niva === 'larare'));
      this.add({ niva: 'larare', elev: null, gruppId: null, larareId, amne, mall, startdatum: mote.datum, ersatter: null }, mote);
    }
    if (first) {
      for (const mall of rng.shuffle(MALLAR.filter((m) => m.niva === 'organisation')).slice(0, 2)) {
        this.add({ niva: 'organisation', elev: null, gruppId: null, larareId: null, amne: null, mall, startdatum: mote.datum, ersatter: null }, mote);
      }
    }
  }

  /** A group insats where a subject has the largest share not reaching in the latest results. */
  private decideGroup(mote: MoteRad): void {
    const { rng, results } = this.ctx;
    const stats = new Map<string, { antal: number; ej: number }>();
    for (const [key, gruppId] of results.grupp) {
      const [elevId, amne] = key.split(':');
      const elev = this.ctx.elevById.get(Number(elevId));
      const niva = elev && amne ? this.levelAt(elev, amne, mote.datum) : undefined;
      if (!niva || !amne) continue;
      const k = `${gruppId}:${amne}`;
      const s = stats.get(k) ?? { antal: 0, ej: 0 };
      stats.set(k, { antal: s.antal + 1, ej: s.ej + (EJ_NADD.has(niva) ? 1 : 0) });
    }
    const sorted = [...stats.entries()].filter(([, s]) => s.antal >= 5).sort((a, b) => b[1].ej / b[1].antal - a[1].ej / a[1].antal);
    const fri = sorted.find(([k]) => !this.insatser.some((i) => i.status === 'aktiv' && `${i.gruppId}:${i.amne}` === k));
    if (!fri) return;
    const [gruppId, amne] = fri[0].split(':');
    const mall = rng.pick(MALLAR.filter((m) => m.niva === 'grupp'));
    this.add({ niva: 'grupp', elev: null, gruppId: Number(gruppId), larareId: null, amne: amne ?? null, mall, startdatum: mote.datum, ersatter: null }, mote);
  }

  /** A past läsår ends: what is still active is closed with the year, except what continues after the summer. */
  closeYear(slutdatum: string, fortsatter: Set<InsatsState>): void {
    for (const insats of this.insatser) {
      if (insats.status === 'aktiv' && !fortsatter.has(insats)) this.setStatus(insats, 'avslutad', slutdatum);
    }
  }
}
