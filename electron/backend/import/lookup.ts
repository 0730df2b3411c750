// The register loaded once into Maps, so matching 50,000 rows costs no query per row.
import type { Database } from 'better-sqlite3';
import { fold } from '../../../shared/import/values';
import type { Lasar } from '../../../shared/model';

export interface ElevRad {
  id: number;
  extern_id: string | null;
  fornamn: string;
  efternamn: string;
  arskurs: number;
  klass_id: number | null;
  mentor_id: number | null;
  sarskild_undervisningsgrupp: number;
  nyanland: number;
  aktiv: number;
  slutat: string | null;
}

export interface PersonalRad {
  id: number;
  extern_id: string | null;
  fornamn: string;
  efternamn: string;
  epost: string | null;
  aktiv: number;
}

export interface GruppRad {
  id: number;
  lasar_id: number;
  namn: string;
  typ: 'klass' | 'undervisningsgrupp';
  arskurs: number | null;
}

export interface VarvRad {
  id: number;
  lasar_id: number;
  nummer: number;
  startdatum: string;
  slutdatum: string;
}

export interface LasarRad extends Lasar {
  varv: VarvRad[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function nameKey(fornamn: string, efternamn: string): string {
  return `${fold(fornamn)}|${fold(efternamn)}`;
}

export function amneKey(kod: string, sprak: string): string {
  return `${kod}|${fold(sprak)}`;
}

export class Register {
  readonly elevById = new Map<number, ElevRad>();
  readonly elevByExtern = new Map<string, ElevRad>();
  readonly elevByName = new Map<string, ElevRad[]>();
  readonly personalById = new Map<number, PersonalRad>();
  readonly personalByExtern = new Map<string, PersonalRad>();
  readonly personalByName = new Map<string, PersonalRad[]>();
  /** Groups of the current läsår by folded name. */
  readonly gruppByName = new Map<string, GruppRad>();
  readonly gruppById = new Map<number, GruppRad>();
  readonly lasarList: LasarRad[];
  /** `${gruppId}:${elevId}` of every membership. */
  readonly medlem = new Set<string>();
  /** `${kod}|${fold(sprak)}` → amne id. */
  readonly amneByKey = new Map<string, number>();

  constructor(
    readonly db: Database,
    readonly lasar: Lasar | null,
  ) {
    for (const e of db.prepare('SELECT * FROM elev').all() as ElevRad[]) this.addElev(e);
    for (const p of db.prepare('SELECT * FROM personal').all() as PersonalRad[]) this.addPersonal(p);
    for (const g of db.prepare('SELECT id, lasar_id, namn, typ, arskurs FROM grupp').all() as GruppRad[]) this.addGrupp(g);
    for (const m of db.prepare('SELECT grupp_id, elev_id FROM gruppmedlem').all() as { grupp_id: number; elev_id: number }[]) {
      this.medlem.add(`${m.grupp_id}:${m.elev_id}`);
    }
    for (const a of db.prepare('SELECT id, kod, sprak FROM amne').all() as { id: number; kod: string; sprak: string }[]) {
      this.amneByKey.set(amneKey(a.kod, a.sprak), a.id);
    }
    const varv = db.prepare('SELECT id, lasar_id, nummer, startdatum, slutdatum FROM varv ORDER BY nummer').all() as VarvRad[];
    this.lasarList = (db.prepare('SELECT id, namn, startdatum, slutdatum FROM lasar ORDER BY startdatum').all() as Lasar[]).map(
      (l) => ({ ...l, varv: varv.filter((v) => v.lasar_id === l.id) }),
    );
  }

  addElev(e: ElevRad): void {
    this.elevById.set(e.id, e);
    if (e.extern_id) this.elevByExtern.set(e.extern_id, e);
    push(this.elevByName, nameKey(e.fornamn, e.efternamn), e);
  }

  addPersonal(p: PersonalRad): void {
    this.personalById.set(p.id, p);
    if (p.extern_id) this.personalByExtern.set(p.extern_id, p);
    push(this.personalByName, nameKey(p.fornamn, p.efternamn), p);
  }

  addGrupp(g: GruppRad): void {
    this.gruppById.set(g.id, g);
    if (this.lasar && g.lasar_id === this.lasar.id) this.gruppByName.set(fold(g.namn), g);
  }

  /** Folded name of the pupil's class in the current läsår, '' when none. */
  klassOf(e: ElevRad): string {
    const g = e.klass_id === null ? undefined : this.gruppById.get(e.klass_id);
    return g ? fold(g.namn) : '';
  }

  elevText(e: ElevRad): string {
    const g = e.klass_id === null ? undefined : this.gruppById.get(e.klass_id);
    const parts = [g ? `klass ${g.namn}` : null, e.extern_id ? `id ${e.extern_id}` : null, e.aktiv ? null : 'slutat'];
    return `${e.fornamn} ${e.efternamn} (${parts.filter(Boolean).join(', ') || `åk ${e.arskurs}`})`;
  }

  lasarFor(datum: string): LasarRad | undefined {
    return this.lasarList.find((l) => l.startdatum <= datum && datum <= l.slutdatum);
  }
}
