// Utredningar of the need for särskilt stöd. At each past EHT-möte the domain rule lists the pupils due for a
// decision; the demo decides inled (an utredning with ansvarig and deadline) or inte nu (with a motivation).
// In the current läsår the first utredning whose deadline has passed is left open, so one is overdue (condition b).
import type { Database } from 'better-sqlite3';
import { DEFAULT_INSTALLNINGAR, utredningDecisionsDue } from '../../../shared/domain/index';
import { addDaysIso, daysBetween, weekdayOnOrAfter, type MoteRad } from './calendar';
import type { InsatsState } from './insatsState';
import type { ElevInfo, Staff } from './people';
import type { Random } from './random';
import { INTE_NU_MOTIVERINGAR, UTREDD_MOTIVERING } from './texts';

interface UtredningState {
  id: number;
  elev: ElevInfo;
  startdatum: string;
  avslutad: string | null;
  utfall: 'atgardsprogram' | 'inget_atgardsprogram' | null;
}

export class UtredningBook {
  readonly utredningar: UtredningState[] = [];
  private readonly insert;
  private readonly insertBeslut;
  private stangda = 0;
  private forsenade = 0;

  constructor(private readonly db: Database, private readonly rng: Random, private readonly staff: Staff, private readonly today: string) {
    this.insert = db.prepare(
      `INSERT INTO utredning (elev_id, beslutad_vid_mote_id, ansvarig_id, startdatum, deadline, status, utfall, avslutad_datum)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertBeslut = db.prepare(
      'INSERT INTO utredningsbeslut (mote_id, elev_id, beslut, motivering, utredning_id, skapad) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get overdueCount(): number {
    return this.forsenade;
  }

  hasOpen(elev: ElevInfo, datum: string): boolean {
    return this.utredningar.some((u) => u.elev === elev && u.startdatum <= datum && (u.avslutad === null || u.avslutad > datum));
  }

  hasAtgardsprogram(elev: ElevInfo, datum: string): boolean {
    return this.utredningar.some((u) => u.elev === elev && u.utfall === 'atgardsprogram' && (u.avslutad ?? '9999') <= datum);
  }

  hasOutcome(utfall: 'atgardsprogram' | 'inget_atgardsprogram'): boolean {
    return this.utredningar.some((u) => u.utfall === utfall);
  }

  /** Opens an utredning; closes it at once when its deadline lies before today, unless it is to be the overdue one. */
  open(elev: ElevInfo, mote: MoteRad | null, startdatum: string, options: { forsenad?: boolean; utfall?: UtredningState['utfall'] } = {}): number {
    const ansvarig = this.rng.pick([...this.staff.specialpedagoger, ...this.staff.psykologer]);
    const deadline = weekdayOnOrAfter(addDaysIso(startdatum, DEFAULT_INSTALLNINGAR.utredningDeadlineDagar));
    const forsenad = options.forsenad ?? false;
    let avslutad: string | null = null;
    let utfall: UtredningState['utfall'] = null;
    if (deadline < this.today && !forsenad) {
      avslutad = addDaysIso(deadline, -this.rng.int(0, Math.min(5, daysBetween(startdatum, deadline) - 1)));
      // The first two closed ones take each outcome, so both appear however small the school.
      utfall = options.utfall ?? (this.stangda === 0 ? 'atgardsprogram' : this.stangda === 1 ? 'inget_atgardsprogram'
        : this.rng.chance(0.55) ? 'atgardsprogram' : 'inget_atgardsprogram');
      this.stangda += 1;
    } else if (deadline < this.today) {
      this.forsenade += 1;
    }
    const id = Number(
      this.insert.run(elev.id, mote?.id ?? null, ansvarig, startdatum, deadline, utfall ? 'avslutad' : 'pagar', utfall, avslutad)
        .lastInsertRowid,
    );
    this.utredningar.push({ id, elev, startdatum, avslutad, utfall });
    return id;
  }

  /** The rule's list at this meeting, each pupil decided: inled or inte nu. `vantar` are always inte nu. */
  decide(mote: MoteRad, insatser: InsatsState[], vantar: Set<ElevInfo>, aktuelltAr: boolean): void {
    const perElev = new Map<ElevInfo, InsatsState[]>();
    for (const i of insatser) if (i.elev && i.niva === 'individ') perElev.set(i.elev, [...(perElev.get(i.elev) ?? []), i]);
    const elever = [...perElev.entries()].map(([elev, list]) => ({
      elevId: elev.id,
      harOppenUtredning: this.hasOpen(elev, mote.datum),
      insatser: list.map((i) => ({
        insatsId: i.id, niva: i.niva, startdatum: i.startdatum, status: i.status, bedomningar: i.bedomningar, ersatterInsatsId: i.ersatter,
      })),
    }));
    const byId = new Map([...perElev.keys()].map((e) => [e.id, e]));
    const due = utredningDecisionsDue({ motesdatum: mote.datum, troskelVeckor: DEFAULT_INSTALLNINGAR.utredningTroskelVeckor, elever });
    for (const d of due) {
      const elev = byId.get(d.elevId);
      if (!elev) continue;
      const skapad = `${mote.datum}T14:30:00.000Z`;
      // A pupil whose utredning has just been closed is followed up within it, not investigated again.
      const tidigare = this.utredningar.some((u) => u.elev === elev && u.avslutad !== null && u.avslutad <= mote.datum);
      if (vantar.has(elev) || tidigare || this.rng.chance(0.6)) {
        const motivering = tidigare ? UTREDD_MOTIVERING : this.rng.pick(INTE_NU_MOTIVERINGAR);
        this.insertBeslut.run(mote.id, elev.id, 'inte_nu', motivering, null, skapad);
        continue;
      }
      const deadline = weekdayOnOrAfter(addDaysIso(mote.datum, DEFAULT_INSTALLNINGAR.utredningDeadlineDagar));
      const forsenad = aktuelltAr && this.forsenade === 0 && deadline < this.today;
      const id = this.open(elev, mote, mote.datum, { forsenad });
      this.insertBeslut.run(mote.id, elev.id, 'inled', null, id, skapad);
    }
  }
}
