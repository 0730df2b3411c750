// Betygskriterier per subject, found by code or text; a criterion the school does not have yet is created with
// the next free code of the subject (MA1, MA2 …), so the summary per subject can count it.
import { fold } from '../../../../shared/import/values';
import type { Database } from 'better-sqlite3';
import type { Writer } from '../changes';

interface AmneKriterier {
  byText: Map<string, number>;
  kods: Set<string>;
}

export class Kriterier {
  private readonly perAmne = new Map<number, AmneKriterier>();

  constructor(db: Database) {
    for (const k of db.prepare('SELECT id, amne_id, kod, text FROM betygskriterium').all() as { id: number; amne_id: number; kod: string; text: string }[]) {
      const a = this.amne(k.amne_id);
      a.byText.set(fold(k.text), k.id);
      if (!a.byText.has(fold(k.kod))) a.byText.set(fold(k.kod), k.id);
      a.kods.add(k.kod);
    }
  }

  private amne(amneId: number): AmneKriterier {
    let a = this.perAmne.get(amneId);
    if (!a) {
      a = { byText: new Map(), kods: new Set() };
      this.perAmne.set(amneId, a);
    }
    return a;
  }

  ensure(w: Writer, amneId: number, amneKod: string, text: string): number {
    const a = this.amne(amneId);
    const found = a.byText.get(fold(text));
    if (found !== undefined) return found;
    let n = a.kods.size + 1;
    while (a.kods.has(`${amneKod}${n}`)) n++;
    const kod = `${amneKod}${n}`;
    const id = w.insert('betygskriterium', { amne_id: amneId, kod, text });
    a.byText.set(fold(text), id);
    a.kods.add(kod);
    return id;
  }
}
