// Grupper: one row per group, or one row per group member (the group repeated, with the pupil's id or name).
// Groups belong to the current läsår; members are added, never removed.
import { arskursFromKlass, fold, parseArskurs } from '../../../../shared/import/values';
import type { Row } from '../changes';
import type { GruppRad } from '../lookup';
import { matchElev } from '../match';
import { Cells, personFields, SeenRows, type KindInput, type Plan } from '../rows';
import { ensureGrupp, ensureMember, requireLasar } from './common';

const TYP: Record<string, GruppRad['typ']> = {
  klass: 'klass', class: 'klass', undervisningsgrupp: 'undervisningsgrupp', grupp: 'undervisningsgrupp',
  group: 'undervisningsgrupp', 'teaching group': 'undervisningsgrupp', undervisning: 'undervisningsgrupp',
};

/** A class is named like "7A" or "F-B"; anything else is a teaching group unless the file says otherwise. */
function defaultTyp(namn: string): GruppRad['typ'] {
  return /^\s*(\d|f|fk)\s*[-–]?\s*[a-zåäö]?\s*$/i.test(namn) ? 'klass' : 'undervisningsgrupp';
}

export function planGrupper(input: KindInput): Plan {
  const { reg, problems, questions } = input;
  requireLasar(reg);
  const plan: Plan = { rows: [], skipped: 0 };
  const seen = new SeenRows();
  const hasMembers = input.cols.externId !== undefined || input.cols.namn !== undefined || input.cols.fornamn !== undefined;
  for (const row of input.table.rows) {
    const c = new Cells(row, input.cols);
    const namn = c.get('grupp');
    if (!namn) problems.add(c.rad, 'grupp', '', 'Gruppens namn saknas.');
    let typ: GruppRad['typ'] | undefined;
    if (c.get('typ')) {
      typ = TYP[fold(c.get('typ'))];
      if (!typ) problems.add(c.rad, 'typ', c.get('typ'), 'Grupptypen ska vara klass eller undervisningsgrupp.');
    }
    let arskurs: number | null = null;
    if (c.get('arskurs')) {
      arskurs = parseArskurs(c.get('arskurs'));
      if (arskurs === null) problems.add(c.rad, 'arskurs', c.get('arskurs'), 'Årskursen ska vara F eller en siffra 0–9.');
    }
    let elevId: number | null = null;
    if (hasMembers && (c.get('externId') || c.get('namn') || c.get('fornamn') || c.get('efternamn'))) {
      const match = matchElev(input, c);
      if (match.kind === 'skip') {
        plan.skipped++;
        continue;
      }
      if (match.kind === 'found') elevId = match.rad.id;
      else if (match.kind === 'none') {
        const who = c.get('externId') || c.get('namn') || `${c.get('fornamn')} ${c.get('efternamn')}`.trim();
        problems.add(c.rad, c.get('externId') ? 'externId' : c.has('namn') ? 'namn' : 'fornamn', who, 'Eleven finns inte i registret. Importera eleverna först.');
      }
    }
    const earlier = seen.check(`${fold(namn)}|${elevId ?? ''}`, c.rad);
    if (earlier !== null) problems.duplicate(c, elevId === null ? ['grupp'] : ['grupp', ...personFields(c)], `Samma ${elevId === null ? 'grupp' : 'elev i gruppen'} finns redan på rad ${earlier}.`);
    if (!namn || problems.rows.has(c.rad) || questions.rows.has(c.rad)) continue;

    plan.rows.push({
      rad: c.rad,
      apply(w) {
        const ak = arskurs ?? arskursFromKlass(namn);
        const { grupp, created } = ensureGrupp(w, reg, namn, typ ?? defaultTyp(namn), ak);
        let changed = false;
        if (!created) {
          const values: Row = {};
          if (typ) values.typ = typ;
          if (arskurs !== null) values.arskurs = arskurs;
          changed = w.update('grupp', grupp as unknown as Row, values);
          Object.assign(grupp, values);
        }
        if (elevId !== null) changed = ensureMember(w, reg, grupp.id, elevId) || changed;
        return created ? 'added' : changed ? 'changed' : 'unchanged';
      },
    });
  }
  return plan;
}
