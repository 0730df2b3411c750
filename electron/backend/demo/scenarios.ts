// The situations the domain rules must find in the demo school, placed relative to today and the next EHT-möte:
// (a) a pupil whose individual insats has run six weeks without effect and who has no open utredning,
// (b) an open utredning past its deadline, and closed utredningar with both outcomes. (c) and (d) come from the
// results (see results.ts).
import { addDaysIso, weekdayOnOrAfter, weekdayOnOrBefore, type LasarRad, type MoteRad } from './calendar';
import type { InsatsSimulation, InsatsState } from './insatser';
import type { ElevInfo, GruppInfo } from './people';
import { MALLAR, type InsatsMall } from './texts';

export interface ScenarioA {
  elev: ElevInfo;
  /** The past meeting that decides the insats, or null when it was decided before the läsår. */
  beslutsmote: MoteRad | null;
  startdatum: string;
}

const PLAN_A = {
  bedomning: 'ingen_effekt' as const,
  beslut: 'komplettera_underlag' as const,
  motivering: 'Mentor och vårdnadshavare har inte hunnit höras; underlaget kompletteras innan insatsen förändras.',
};

export function ehtLike(lasar: LasarRad, today: string): MoteRad[] {
  return lasar.moten.filter((m) => (m.typ === 'forsta_eht' || m.typ === 'eht') && m.datum < today);
}

/**
 * Chooses pupil A, the weakest ordinary pupil now in åk 4–8, in `lasar`: the current läsår, or last läsår when
 * no EHT-möte has been held yet this year (the insats then continues over the summer).
 */
export function planScenarioA(lasar: LasarRad, today: string, grupper: GruppInfo[], nasta: MoteRad | undefined): ScenarioA | null {
  if (!nasta) return null;
  const elev = grupper
    .filter((g) => g.typ === 'klass' && (g.arskurs ?? 0) >= 3 && (g.arskurs ?? 0) <= 8)
    .flatMap((g) => g.medlemmar)
    .filter((e) => e.slutat === null && !e.sarskild && !e.nyanland)
    .sort((a, b) => a.formaga - b.formaga || a.id - b.id)[0];
  if (!elev) return null;
  // The insats must have run six weeks by the next EHT-möte and three weeks before the latest held one, so it
  // has been evaluated (without effect) at least once.
  const moten = ehtLike(lasar, today);
  const senaste = moten.at(-1);
  const grans = [addDaysIso(nasta.datum, -42), ...(senaste ? [addDaysIso(senaste.datum, -21)] : [])].sort()[0] as string;
  const beslutsmote = moten.filter((m) => m.datum <= grans).at(-1) ?? null;
  return { elev, beslutsmote, startdatum: beslutsmote?.datum ?? weekdayOnOrBefore(grans) };
}

export function addScenarioA(sim: InsatsSimulation, a: ScenarioA): InsatsState {
  const mall = MALLAR.find((m) => m.niva === 'individ' && m.typ === 'extra_anpassning') as InsatsMall;
  const insats = sim.add(
    { niva: 'individ', elev: a.elev, gruppId: null, larareId: null, amne: 'MA', mall, startdatum: a.startdatum, ersatter: null },
    a.beslutsmote,
  );
  insats.plan = PLAN_A;
  return insats;
}

/** Fills in (b) and the two outcomes when the simulated meetings did not produce them (a small school, early in the year). */
export function ensureUtredningar(sim: InsatsSimulation, lasar: LasarRad, today: string, grupper: GruppInfo[], reserverade: Set<ElevInfo>): void {
  const book = sim.utredningar;
  const utanInsats = grupper
    .filter((g) => g.typ === 'klass' && (g.arskurs ?? 0) >= 1)
    .flatMap((g) => g.medlemmar)
    .filter((e) => e.slutat === null && !reserverade.has(e) && !sim.insatser.some((i) => i.elev === e) && !book.hasOpen(e, today))
    .sort((a, b) => a.formaga - b.formaga || a.id - b.id);
  let next = 0;
  const pupil = () => utanInsats[next++];
  if (book.overdueCount === 0) {
    const mote = ehtLike(lasar, today).filter((m) => m.datum <= addDaysIso(today, -25)).at(-1) ?? null;
    const elev = pupil();
    if (elev) book.open(elev, mote, mote?.datum ?? weekdayOnOrAfter(addDaysIso(today, -40)), { forsenad: true });
  }
  for (const utfall of ['atgardsprogram', 'inget_atgardsprogram'] as const) {
    if (book.hasOutcome(utfall)) continue;
    const elev = pupil();
    if (elev) book.open(elev, null, weekdayOnOrAfter(addDaysIso(today, -70)), { utfall });
  }
}
