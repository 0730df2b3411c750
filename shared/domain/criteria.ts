// Criteria summary for the resultatdialog (seed 001: "Gör en sammanställning över vilka betygskriterier som eleverna
// har svårt att nå inom respektive ämne.") and its change from varv to varv.

export const REGEL_KRITERIER =
  'Gör en sammanställning över vilka betygskriterier som eleverna har svårt att nå inom respektive ämne.';

export interface KriterieResultat {
  elevId: number;
  gruppId: number;
  amneId: number;
  varvNummer: number;
  kriterierEjNadda: string[];
}

export interface KriteriumSummering {
  kriterium: string;
  /** Distinct pupils in the subject who do not reach the criterion this varv. */
  antalEjNadda: number;
  /** antalEjNadda / pupils with a result in the subject this varv. */
  andel: number;
  /** Per group, ascending gruppId; groups where no pupil misses it are left out. */
  grupper: { gruppId: number; antalEjNadda: number }[];
  /** Count in the previous varv (varvNummer − 1); null when the subject had no results then. */
  foregaendeAntal: number | null;
  /** antalEjNadda − foregaendeAntal; negative = fewer pupils miss it now. */
  forandring: number | null;
  /** Every varv up to this one in which the subject has results, oldest first. */
  historik: { varvNummer: number; antalEjNadda: number; antalElever: number }[];
}

export interface AmneKriterier {
  amneId: number;
  varvNummer: number;
  antalElever: number;
  /** Most pupils not reaching first; ties by name (Swedish order). */
  kriterier: KriteriumSummering[];
}

interface VarvData {
  elever: Set<number>;
  ejNadda: Map<string, Map<number, number>>; // kriterium → elevId → gruppId
}

function index(resultat: KriterieResultat[]): Map<number, Map<number, VarvData>> {
  const perAmne = new Map<number, Map<number, VarvData>>();
  for (const r of resultat) {
    const perVarv = perAmne.get(r.amneId) ?? new Map<number, VarvData>();
    const data = perVarv.get(r.varvNummer) ?? { elever: new Set<number>(), ejNadda: new Map() };
    data.elever.add(r.elevId);
    for (const kriterium of new Set(r.kriterierEjNadda.map((k) => k.trim()).filter((k) => k !== ''))) {
      const elever = data.ejNadda.get(kriterium) ?? new Map<number, number>();
      // A pupil in two groups counts once; the lowest gruppId keeps the result order-independent.
      elever.set(r.elevId, Math.min(elever.get(r.elevId) ?? r.gruppId, r.gruppId));
      data.ejNadda.set(kriterium, elever);
    }
    perVarv.set(r.varvNummer, data);
    perAmne.set(r.amneId, perVarv);
  }
  return perAmne;
}

function perGrupp(elever: Map<number, number>): { gruppId: number; antalEjNadda: number }[] {
  const counts = new Map<number, number>();
  for (const gruppId of elever.values()) counts.set(gruppId, (counts.get(gruppId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([gruppId, antalEjNadda]) => ({ gruppId, antalEjNadda }));
}

/**
 * Per subject: the criteria pupils do not reach in `varvNummer` (default: the subject's latest varv), with counts
 * across groups and the change since the previous varv.
 */
export function summarizeCriteria(input: { resultat: KriterieResultat[]; varvNummer?: number }): AmneKriterier[] {
  const result: AmneKriterier[] = [];
  const perAmne = index(input.resultat);
  for (const amneId of [...perAmne.keys()].sort((a, b) => a - b)) {
    const perVarv = perAmne.get(amneId) as Map<number, VarvData>;
    const varvNummer = input.varvNummer ?? Math.max(...perVarv.keys());
    const nu = perVarv.get(varvNummer);
    if (!nu) continue;
    const forra = perVarv.get(varvNummer - 1);
    const tidigare = [...perVarv.keys()].filter((v) => v <= varvNummer).sort((a, b) => a - b);
    // Criteria missed last varv but by nobody now stay in the list with 0, so progress is visible.
    const namn = [...new Set([...nu.ejNadda.keys(), ...(forra?.ejNadda.keys() ?? [])])];
    const kriterier = namn.map((kriterium): KriteriumSummering => {
      const elever = nu.ejNadda.get(kriterium) ?? new Map<number, number>();
      const foregaendeAntal = forra ? (forra.ejNadda.get(kriterium)?.size ?? 0) : null;
      return {
        kriterium,
        antalEjNadda: elever.size,
        andel: elever.size / nu.elever.size,
        grupper: perGrupp(elever),
        foregaendeAntal,
        forandring: foregaendeAntal === null ? null : elever.size - foregaendeAntal,
        historik: tidigare.map((v) => {
          const data = perVarv.get(v) as VarvData;
          return { varvNummer: v, antalEjNadda: data.ejNadda.get(kriterium)?.size ?? 0, antalElever: data.elever.size };
        }),
      };
    });
    kriterier.sort((a, b) => b.antalEjNadda - a.antalEjNadda || a.kriterium.localeCompare(b.kriterium, 'sv'));
    result.push({ amneId, varvNummer, antalElever: nu.elever.size, kriterier });
  }
  return result;
}
