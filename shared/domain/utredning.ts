// Utredning of the need for särskilt stöd (skollagen 3 kap.; seed 001: "Fatta beslut om ni ska inleda en utredning
// av elevs behov av särskilt stöd för de elever vars insatser redan har pågått i 5-6 veckor.").
import type { Bedomning, InsatsStatus, Niva, UtredningStatus, UtredningUtfall } from '../model';
import { BEDOMNING_TEXT } from '../labels';
import { addDaysIso, daysBetween, formatDatum, weekdayOf } from './dates';
import { isHelgdag } from './holidays';
import type { SkolInstallningar } from './settings';

export const REGEL_UTREDNING =
  'Fatta beslut om ni ska inleda en utredning av elevs behov av särskilt stöd för de elever vars insatser redan har pågått i 5-6 veckor. Tydliggör vem som ska göra utredningen och sätt en deadline.';

const OVERKLAGANDE_HUR =
  'Överklagandet lämnas skriftligt till skolan och ska ha kommit in inom tre veckor från den dag då eleven eller ' +
  'vårdnadshavaren fick del av beslutet. Infaller sista dagen på en lördag, söndag, helgdag, midsommarafton, julafton ' +
  'eller nyårsafton räcker det att överklagandet kommer in nästa vardag.';

/** For the UI next to the outcome "inget behov" (skollagen 28 kap. 16 §, förvaltningslagen 44 §, lag 1930:173). */
export const OVERKLAGANDE_TEXT =
  'Beslutet att inte upprätta ett åtgärdsprogram kan överklagas till Skolväsendets överklagandenämnd. ' + OVERKLAGANDE_HUR;

/** For the UI next to the outcome "åtgärdsprogram upprättas": the decision on the åtgärdsprogram can be appealed too. */
export const OVERKLAGANDE_ATGARDSPROGRAM_TEXT =
  'Beslutet om åtgärdsprogram kan överklagas till Skolväsendets överklagandenämnd. ' + OVERKLAGANDE_HUR;

/** The appeal text for an utredning's outcome: both outcomes are decisions that can be appealed. */
export function overklagandeText(utfall: UtredningUtfall): string {
  return utfall === 'atgardsprogram' ? OVERKLAGANDE_ATGARDSPROGRAM_TEXT : OVERKLAGANDE_TEXT;
}

export const OVERKLAGANDE_DAGAR = 21;

/** Lag (1930:173) om beräkning av lagstadgad tid: days on which a time limit that ends is moved to the next vardag. */
export function isFristFriDag(iso: string): boolean {
  return weekdayOf(iso) > 5 || isHelgdag(iso);
}

export interface UtredningInsats {
  insatsId: number;
  niva: Niva;
  startdatum: string;
  status: InsatsStatus;
  bedomningar: { datum: string; bedomning: Bedomning }[];
  /** The insats this one replaced. Leave out when unknown: every replaced insats of the pupil then counts. */
  ersatterInsatsId?: number | null;
}

export interface UtredningElev {
  elevId: number;
  harOppenUtredning: boolean;
  insatser: UtredningInsats[];
}

export interface UtredningDue {
  elevId: number;
  insatsIds: number[];
  veckor: number;
  skal: string;
}

/** An insats has sufficient effect only when the latest evaluation of its chain says tydlig effekt. */
const TILLRACKLIG: Bedomning = 'tydlig_effekt';

/** The replaced individual insatser behind an active one (via ersatterInsatsId, or all of them when unknown). */
function chainOf(aktiv: UtredningInsats, individuella: UtredningInsats[]): UtredningInsats[] {
  if (aktiv.ersatterInsatsId === undefined) {
    return [aktiv, ...individuella.filter((i) => i.status === 'ersatt')];
  }
  const byId = new Map(individuella.map((i) => [i.insatsId, i]));
  const chain = [aktiv];
  const seen = new Set([aktiv.insatsId]);
  let next: number | null | undefined = aktiv.ersatterInsatsId;
  while (next !== null && next !== undefined && !seen.has(next)) {
    const prev = byId.get(next);
    if (!prev) break;
    chain.push(prev);
    seen.add(next);
    next = prev.ersatterInsatsId;
  }
  return chain;
}

function latestBedomning(chain: UtredningInsats[], motesdatum: string): { datum: string; bedomning: Bedomning } | null {
  let latest: { datum: string; bedomning: Bedomning } | null = null;
  for (const insats of chain) {
    for (const b of insats.bedomningar) {
      if (b.datum > motesdatum) continue;
      // On the same day, an evaluation without tydlig effekt wins: the rule errs towards asking for a decision.
      const tie = latest !== null && b.datum === latest.datum && b.bedomning !== TILLRACKLIG;
      if (latest === null || b.datum > latest.datum || tie) {
        latest = b;
      }
    }
  }
  return latest;
}

/**
 * Pupils who must get an explicit utredning decision at this meeting: an active individual insats whose chain
 * (it and the insatser it replaced) started at least `troskelVeckor` whole weeks ago, without tydlig effekt.
 */
export function utredningDecisionsDue(input: {
  motesdatum: string;
  troskelVeckor: number;
  elever: UtredningElev[];
}): UtredningDue[] {
  const due: UtredningDue[] = [];
  // The same pupil given twice is merged, so each pupil is listed at most once.
  const perElev = new Map<number, UtredningElev[]>();
  for (const elev of input.elever) perElev.set(elev.elevId, [...(perElev.get(elev.elevId) ?? []), elev]);
  for (const elevId of [...perElev.keys()].sort((a, b) => a - b)) {
    const alla = perElev.get(elevId) ?? [];
    if (alla.some((e) => e.harOppenUtredning)) continue;
    const individuella = alla
      .flatMap((e) => e.insatser)
      .filter((i) => i.niva === 'individ' && i.startdatum <= input.motesdatum);
    const traffar: { insatsId: number; veckor: number; start: string; senast: Bedomning | null }[] = [];
    for (const aktiv of individuella.filter((i) => i.status === 'aktiv')) {
      const chain = chainOf(aktiv, individuella);
      const start = chain.map((i) => i.startdatum).sort()[0] as string;
      const veckor = Math.floor(daysBetween(start, input.motesdatum) / 7);
      const senast = latestBedomning(chain, input.motesdatum);
      if (veckor >= input.troskelVeckor && senast?.bedomning !== TILLRACKLIG) {
        traffar.push({ insatsId: aktiv.insatsId, veckor, start, senast: senast?.bedomning ?? null });
      }
    }
    if (traffar.length === 0) continue;
    traffar.sort((a, b) => b.veckor - a.veckor || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || a.insatsId - b.insatsId);
    const langst = traffar[0] as (typeof traffar)[number];
    const effekt = langst.senast ? `senaste bedömning: ${BEDOMNING_TEXT[langst.senast].toLowerCase()}` : 'ingen bedömning ännu';
    // "Viss effekt" is effect, but not enough: say why the pupil is still listed.
    const vissEffekt =
      langst.senast === 'viss_effekt'
        ? 'Viss effekt räcker inte: insatserna har haft effekt, men inte tillräcklig för att eleven ska nå målen, och efter ' +
          `${langst.veckor} veckor ska ni ta ställning till om eleven kan vara i behov av särskilt stöd. `
        : '';
    due.push({
      elevId,
      insatsIds: [...new Set(traffar.map((t) => t.insatsId))].sort((a, b) => a - b),
      veckor: langst.veckor,
      skal:
        `Individuella insatser har pågått i ${langst.veckor} veckor (sedan ${langst.start}) utan tydlig effekt (${effekt}). ` +
        vissEffekt +
        'Fatta beslut om utredning av elevens behov av särskilt stöd: inled utredning med ansvarig och deadline, eller inte nu med motivering.',
    });
  }
  return due;
}

export interface ForsenadUtredning {
  id: number;
  deadline: string;
  dagarForsenad: number;
}

/** Open utredningar whose deadline has passed (the deadline day itself is not overdue), oldest deadline first. */
export function overdueUtredningar(
  utredningar: { id: number; deadline: string; status: UtredningStatus }[],
  idag: string,
): ForsenadUtredning[] {
  return utredningar
    .filter((u) => u.status === 'pagar' && u.deadline < idag)
    .map((u) => ({ id: u.id, deadline: u.deadline, dagarForsenad: daysBetween(u.deadline, idag) }))
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id));
}

/** The läsår a deadline must fall within: its last day and its lov (fran/till inclusive). */
export interface DeadlineLasar {
  slutdatum: string;
  lov: readonly { fran: string; till: string }[];
}

function isSkoldag(iso: string, lasar: DeadlineLasar | undefined): boolean {
  if (weekdayOf(iso) > 5 || isHelgdag(iso)) return false;
  return !lasar || !lasar.lov.some((l) => l.fran <= iso && iso <= l.till);
}

/**
 * The meeting date plus the configured days, moved to a school day: forward past a weekend, helgdag or lov (to the
 * first school day after it); never after the läsår ends (then the last school day before the end, not before the
 * meeting). Without a läsår only weekends and helgdagar are avoided.
 */
export function suggestUtredningDeadline(motesdatum: string, installningar: SkolInstallningar, lasar?: DeadlineLasar): string {
  let deadline = addDaysIso(motesdatum, installningar.utredningDeadlineDagar);
  for (let i = 0; i < 400 && !isSkoldag(deadline, lasar); i++) deadline = addDaysIso(deadline, 1);
  if (lasar && deadline > lasar.slutdatum && motesdatum < lasar.slutdatum) {
    deadline = lasar.slutdatum;
    while (deadline > motesdatum && !isSkoldag(deadline, lasar)) deadline = addDaysIso(deadline, -1);
  }
  return deadline;
}

/** Why the deadline suggestion is not simply the meeting date plus the days, or null when it is. */
export function utredningDeadlineSkal(motesdatum: string, installningar: SkolInstallningar, lasar?: DeadlineLasar): string | null {
  const rak = addDaysIso(motesdatum, installningar.utredningDeadlineDagar);
  const forslag = suggestUtredningDeadline(motesdatum, installningar, lasar);
  if (forslag === rak) return null;
  if (lasar && rak > lasar.slutdatum) return `Deadline föreslås ${formatDatum(forslag)}, sista skoldagen före läsårets slut (${lasar.slutdatum}).`;
  if (lasar && lasar.lov.some((l) => l.fran <= rak && rak <= l.till)) return `Deadline föreslås ${formatDatum(forslag)}, första skoldagen efter lovet.`;
  return `Deadline föreslås ${formatDatum(forslag)}, första vardagen som inte är helgdag.`;
}

/**
 * Last day an appeal of a decision on åtgärdsprogram (or not to draw one up) can come in: three weeks from the day
 * the decision was made known, moved to the next vardag when it falls on a Saturday, Sunday, helgdag,
 * midsommarafton, julafton or nyårsafton (lag 1930:173).
 */
export function overklagandeSenast(delgivetDatum: string): string {
  let senast = addDaysIso(delgivetDatum, OVERKLAGANDE_DAGAR);
  while (isFristFriDag(senast)) senast = addDaysIso(senast, 1);
  return senast;
}

/**
 * Where an utredning's outcome is shown: that the decision can be appealed to Skolväsendets överklagandenämnd within
 * three weeks, and the last day counted from `senast` = overklagandeSenast(the day the decision was made).
 */
export function overklagandeMening(senast: string): string {
  return (
    'Beslutet kan överklagas till Skolväsendets överklagandenämnd inom tre veckor från den dag eleven eller vårdnadshavaren fick del av det: ' +
    `senast ${formatDatum(senast)} ${senast.slice(0, 4)} om de fick del av beslutet samma dag som det fattades.`
  );
}
