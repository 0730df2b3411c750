// Assessment occasions of a result file: named in the file (Tillfälle and/or Datum) or chosen by the user, tied to
// the läsår and the varv whose dates contain the date. An occasion is created when the file names a new one.
import { fold } from '../../../../shared/import/values';
import type { Writer } from '../changes';
import type { LasarRad, Register } from '../lookup';

export interface TillfalleRef {
  key: string;
  lasar: LasarRad;
  namn: string;
  datum: string | null;
  /** Set when it already exists. */
  id: number | null;
}

export class Tillfallen {
  private readonly byKey = new Map<string, number>();
  private readonly latestByName = new Map<string, { id: number; lasarId: number }>();

  constructor(private readonly reg: Register) {
    const rows = reg.db
      .prepare('SELECT t.id, t.lasar_id, t.namn FROM bedomningstillfalle t JOIN lasar l ON l.id = t.lasar_id ORDER BY l.startdatum')
      .all() as { id: number; lasar_id: number; namn: string }[];
    for (const t of rows) {
      this.byKey.set(`${t.lasar_id}|${fold(t.namn)}`, t.id);
      this.latestByName.set(fold(t.namn), { id: t.id, lasarId: t.lasar_id });
    }
  }

  /** Resolves name and/or date to an occasion, or a Swedish reason why it cannot. */
  resolve(namn: string, datum: string | null): TillfalleRef | string {
    if (datum) {
      const lasar = this.reg.lasarFor(datum);
      if (!lasar) return 'Datumet ligger utanför skolans läsår.';
      const varv = lasar.varv.find((v) => v.startdatum <= datum && datum <= v.slutdatum);
      const name = namn || (varv ? `Varv ${varv.nummer}` : `Bedömning ${datum}`);
      const key = `${lasar.id}|${fold(name)}`;
      return { key, lasar, namn: name, datum, id: this.byKey.get(key) ?? null };
    }
    // Only a name: the occasion must exist; the current läsår's first, else the latest with that name.
    const current = this.reg.lasar;
    const inCurrent = current ? this.byKey.get(`${current.id}|${fold(namn)}`) : undefined;
    const hit = inCurrent !== undefined && current ? { id: inCurrent, lasarId: current.id } : this.latestByName.get(fold(namn));
    const lasar = hit ? this.reg.lasarList.find((l) => l.id === hit.lasarId) : undefined;
    if (!hit || !lasar) return `Bedömningstillfället "${namn}" finns inte. Ange ett datum så skapas det.`;
    return { key: `${lasar.id}|${fold(namn)}`, lasar, namn, datum: null, id: hit.id };
  }

  /** The occasion's id, creating it (with its varv) the first time a row needs it. */
  ensure(w: Writer, ref: TillfalleRef): number {
    const found = this.byKey.get(ref.key);
    if (found !== undefined) return found;
    const datum = ref.datum ?? ref.lasar.startdatum;
    const varv = ref.lasar.varv.find((v) => v.startdatum <= datum && datum <= v.slutdatum);
    const id = w.insert('bedomningstillfalle', { lasar_id: ref.lasar.id, varv_id: varv?.id ?? null, namn: ref.namn, datum });
    this.byKey.set(ref.key, id);
    return id;
  }
}
