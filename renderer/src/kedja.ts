// The evaluations along an insats's chain (the insatser it replaced, then its own), oldest first. The backend checks
// a decision against the same chain, so the recommendation shown here is the one the save is held to.
import type { KedjeBedomning } from '../../shared/index';
import type { Effektbedomning, Insats } from '../../shared/model';

export function kedjaFor(insats: Insats, all: readonly Insats[]): KedjeBedomning[] {
  const byId = new Map(all.map((i) => [i.id, i]));
  const found: Effektbedomning[] = [];
  const seen = new Set<number>();
  let current: Insats | undefined = insats;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    found.push(...current.bedomningar);
    current = current.ersatterInsatsId === null ? undefined : byId.get(current.ersatterInsatsId);
  }
  found.sort((a, b) => (a.datum === b.datum ? a.id - b.id : a.datum < b.datum ? -1 : 1));
  return found.map((b) => ({ bedomning: b.bedomning, beslut: b.beslut }));
}
