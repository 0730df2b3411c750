// Resultat: pupil × subject × occasion with a level (A–F, '-', or ej nått / på väg / nått) and the criteria not
// reached. An existing result is updated in place; the same file again finds every result equal and writes nothing.
// The level must be on the scale of the pupil's årskurs at the occasion: grades A–F from the school's
// betygFranArskurs (default åk 6), the early-years scale before it (DOMAIN.md, Resultat).
import { isBetyg, type ResultatNiva } from '../../../../shared/domain/scales';
import { skalaForArskurs, type SkolInstallningar } from '../../../../shared/domain/settings';
import { fold, parseAmne, parseDatum, parseNiva, splitKriterier } from '../../../../shared/import/values';
import { installningar } from '../../mote/rows';
import type { Row } from '../changes';
import type { ElevRad, LasarRad, Register } from '../lookup';
import { matchElev } from '../match';
import { Cells, personFields, SeenRows, type KindInput, type Plan } from '../rows';
import { ensureAmne } from './common';
import { Kriterier } from './kriterier';
import { Tillfallen, type TillfalleRef } from './tillfallen';

interface ResultatRad {
  id: number;
  elev_id: number;
  amne_id: number;
  tillfalle_id: number;
  grupp_id: number | null;
  niva: string;
}

/** A pure function of a cell's text, computed once per distinct text (a file repeats its subjects and dates). */
function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = f(text);
    seen.set(text, value);
    return value;
  };
}

const startYear = (l: { startdatum: string }) => Number(l.startdatum.slice(0, 4));

/** Why a level does not fit the pupil's årskurs at the occasion, or null when it does. The pupil's årskurs is the
 *  current läsår's; an occasion in an earlier läsår is counted back one årskurs per year. */
function skalaProblem(reg: Register, inst: SkolInstallningar, elev: ElevRad, lasar: LasarRad, niva: ResultatNiva): string | null {
  const ak = reg.lasar ? elev.arskurs - (startYear(reg.lasar) - startYear(lasar)) : elev.arskurs;
  if (ak < 0) return null;
  const betyg = isBetyg(niva);
  if ((skalaForArskurs(ak, inst) === 'betyg') === betyg) return null;
  const nu = !reg.lasar || reg.lasar.id === lasar.id;
  const arskurs = `${ak === 0 ? 'förskoleklass' : `åk ${ak}`}`;
  const vem = nu ? `Eleven går i ${arskurs}` : `Eleven gick i ${arskurs} läsåret ${lasar.namn}`;
  const { ej_natt, pa_vag, natt } = inst.tidigSkala;
  const tidig = [ej_natt, pa_vag, natt].map((t) => t.toLocaleLowerCase('sv')).join(' / ');
  const fran = inst.betygFranArskurs;
  return betyg
    ? `${vem}; betyg A–F ges från åk ${fran}. Före åk ${fran} bedöms resultatet som ${tidig}.`
    : `${vem}; från åk ${fran} ska resultatet vara ett betyg A–F eller -, inte ${tidig}.`;
}

export function planResultat(input: KindInput): Plan {
  const { reg, problems, questions } = input;
  const foldOnce = memo(fold);
  const amneOf = memo(parseAmne);
  const datumOf = memo(parseDatum);
  const plan: Plan = { rows: [], skipped: 0 };
  const inst = installningar(reg.db);
  const seen = new SeenRows();
  const tillfallen = new Tillfallen(reg);
  const kriterier = new Kriterier(reg.db);
  const gruppByLasar = new Map([...reg.gruppById.values()].map((g) => [`${g.lasar_id}|${fold(g.namn)}`, g]));
  const refCache = new Map<string, TillfalleRef | string>();
  // Results and their criteria are read per occasion the first time a row of it is written.
  const loaded = new Set<number>();
  const existing = new Map<string, ResultatRad>();
  const links = new Map<number, Set<number>>();
  const load = (tillfalleId: number) => {
    if (loaded.has(tillfalleId)) return;
    loaded.add(tillfalleId);
    for (const r of reg.db.prepare('SELECT id, elev_id, amne_id, tillfalle_id, grupp_id, niva FROM resultat WHERE tillfalle_id = ?').all(tillfalleId) as ResultatRad[]) {
      existing.set(`${r.tillfalle_id}|${r.elev_id}|${r.amne_id}`, r);
    }
    const rows = reg.db
      .prepare('SELECT rk.resultat_id, rk.kriterium_id FROM resultat_kriterium rk JOIN resultat r ON r.id = rk.resultat_id WHERE r.tillfalle_id = ?')
      .all(tillfalleId) as { resultat_id: number; kriterium_id: number }[];
    for (const l of rows) {
      const set = links.get(l.resultat_id) ?? new Set<number>();
      set.add(l.kriterium_id);
      links.set(l.resultat_id, set);
    }
  };

  for (const row of input.table.rows) {
    const c = new Cells(row, input.cols);
    const match = matchElev(input, c);
    if (match.kind === 'skip') {
      plan.skipped++;
      continue;
    }
    if (match.kind === 'none') {
      const who = c.get('externId') || c.get('namn') || `${c.get('fornamn')} ${c.get('efternamn')}`.trim();
      const field = c.get('externId') ? 'externId' : c.has('namn') ? 'namn' : 'fornamn';
      problems.add(c.rad, field, who, who ? 'Eleven finns inte i registret.' : 'Eleven saknas.');
    }
    const amneText = c.get('amne');
    const amne = amneOf(amneText);
    if (!amne) problems.add(c.rad, 'amne', amneText, amneText ? 'Okänd ämneskod eller ämnesnamn.' : 'Ämnet saknas.');
    const nivaText = c.get('niva');
    const niva = parseNiva(nivaText);
    if (!niva) {
      problems.add(c.rad, 'niva', nivaText, nivaText
        ? 'Betyget eller bedömningen finns inte på skalan (A–F, - eller ej nått / på väg / nått).'
        : 'Betyg eller bedömning saknas.');
    }

    const namn = c.get('tillfalle') || (c.has('tillfalle') ? '' : (input.tillfalle?.namn ?? ''));
    const datumText = c.get('datum') || (c.has('datum') ? '' : (input.tillfalle?.datum ?? ''));
    let datum: string | null = null;
    if (datumText) {
      const d = datumOf(datumText);
      if (d === 'invalid') problems.add(c.rad, 'datum', datumText, 'Datumet finns inte i kalendern.');
      else if (d === null) problems.add(c.rad, 'datum', datumText, 'Datumet ska skrivas ÅÅÅÅ-MM-DD.');
      else datum = d;
    }
    let ref: TillfalleRef | string | null = null;
    if (!namn && !datumText) problems.add(c.rad, c.has('tillfalle') ? 'tillfalle' : 'datum', '', 'Bedömningstillfälle eller datum saknas.');
    else if (namn || datum) {
      const key = `${foldOnce(namn)}|${datum ?? ''}`;
      ref = refCache.get(key) ?? tillfallen.resolve(namn, datum);
      refCache.set(key, ref);
      if (typeof ref === 'string') problems.add(c.rad, datum ? 'datum' : 'tillfalle', datum ?? namn, ref);
    }

    const gruppText = c.get('grupp');
    const tref = typeof ref === 'object' && ref !== null ? ref : null;
    const grupp = gruppText && tref ? gruppByLasar.get(`${tref.lasar.id}|${foldOnce(gruppText)}`) : undefined;
    if (gruppText && tref && !grupp) problems.add(c.rad, 'grupp', gruppText, `Gruppen finns inte i läsåret ${tref.lasar.namn}.`);
    const kriterieTexter = splitKriterier(c.get('kriterier'));

    const elev = match.kind === 'found' ? match.rad : null;
    if (elev && niva && tref) {
      const fel = skalaProblem(reg, inst, elev, tref.lasar, niva);
      if (fel) problems.add(c.rad, 'niva', nivaText, fel);
    }
    if (elev && amne && tref) {
      const earlier = seen.check(`${elev.id}|${amne.kod}|${foldOnce(amne.sprak)}|${tref.key}`, c.rad);
      if (earlier !== null) problems.duplicate(c, [...personFields(c), 'amne', 'tillfalle', 'datum'], `Samma elev, ämne och tillfälle finns redan på rad ${earlier}.`);
    }
    if (!elev || !amne || !niva || !tref || problems.rows.has(c.rad) || questions.rows.has(c.rad)) continue;

    const kriterierMapped = c.has('kriterier');
    plan.rows.push({
      rad: c.rad,
      apply(w) {
        const tillfalleId = tillfallen.ensure(w, tref);
        load(tillfalleId);
        const a = ensureAmne(w, reg, amne);
        const klass = elev.klass_id === null ? undefined : reg.gruppById.get(elev.klass_id);
        const gruppId = grupp?.id ?? (klass && klass.lasar_id === tref.lasar.id ? klass.id : null);
        const key = `${tillfalleId}|${elev.id}|${a.id}`;
        const old = existing.get(key);
        const wanted = kriterierMapped ? kriterieTexter.map((t) => kriterier.ensure(w, a.id, amne.kod, t)) : [];
        if (!old) {
          const values = { elev_id: elev.id, amne_id: a.id, tillfalle_id: tillfalleId, grupp_id: gruppId, niva };
          const id = w.insert('resultat', values);
          existing.set(key, { id, ...values });
          for (const k of wanted) w.insert('resultat_kriterium', { resultat_id: id, kriterium_id: k });
          links.set(id, new Set(wanted));
          return 'added';
        }
        const changes: Row = { niva };
        if (grupp) changes.grupp_id = grupp.id;
        let changed = w.update('resultat', old as unknown as Row, changes);
        Object.assign(old, changes);
        if (kriterierMapped) {
          const have = links.get(old.id) ?? new Set<number>();
          for (const k of wanted) {
            if (!have.has(k)) {
              w.insert('resultat_kriterium', { resultat_id: old.id, kriterium_id: k });
              changed = true;
            }
          }
          for (const k of have) {
            if (!wanted.includes(k)) {
              w.delete('resultat_kriterium', { resultat_id: old.id, kriterium_id: k });
              changed = true;
            }
          }
          links.set(old.id, new Set(wanted));
        }
        return changed ? 'changed' : 'unchanged';
      },
    });
  }
  return plan;
}
