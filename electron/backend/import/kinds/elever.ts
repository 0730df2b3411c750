// Elever: one row per pupil. Matched by platform id, else name + class; unmatched rows become new pupils.
// Only the mapped columns are written, so a file without Mentor leaves every mentor as it was.
import { arskursFromKlass, parseArskurs, parseFlag } from '../../../../shared/import/values';
import type { Row } from '../changes';
import { nameKey, type ElevRad } from '../lookup';
import { matchElev, matchPersonalText } from '../match';
import { Cells, personFields, SeenRows, type KindInput, type Plan } from '../rows';
import { ensureGrupp, ensureMember, removeMember, requireLasar } from './common';

function flag(input: KindInput, c: Cells, field: 'nyanland' | 'sarskild'): number | undefined | 'invalid' {
  if (!c.has(field)) return undefined;
  const value = parseFlag(c.get(field));
  if (value === null) {
    input.problems.add(c.rad, field, c.get(field), 'Skriv ja eller nej.');
    return 'invalid';
  }
  return value ? 1 : 0;
}

export function planElever(input: KindInput): Plan {
  const { reg, problems, questions } = input;
  requireLasar(reg);
  const plan: Plan = { rows: [], skipped: 0 };
  const seen = new SeenRows();
  for (const row of input.table.rows) {
    const c = new Cells(row, input.cols);
    const match = matchElev(input, c);
    if (match.kind === 'skip') {
      plan.skipped++;
      continue;
    }
    const name = match.name;
    if (match.kind === 'none' && !name) problems.add(c.rad, c.has('namn') ? 'namn' : 'fornamn', '', 'Namn saknas.');

    const klass = c.get('klass');
    let arskurs: number | null = null;
    if (c.get('arskurs')) {
      arskurs = parseArskurs(c.get('arskurs'));
      if (arskurs === null) problems.add(c.rad, 'arskurs', c.get('arskurs'), 'Årskursen ska vara F eller en siffra 0–9.');
    } else if (klass) arskurs = arskursFromKlass(klass);
    if (arskurs === null && match.kind === 'none' && !problems.rows.has(c.rad)) {
      problems.add(c.rad, c.has('arskurs') ? 'arskurs' : 'klass', klass, 'Årskurs saknas och kan inte läsas ur klassens namn.');
    }

    let mentorId: number | null | undefined;
    const mentor = c.get('mentor');
    if (c.has('mentor')) {
      if (!mentor) mentorId = null;
      else {
        const m = matchPersonalText(input, c.rad, mentor);
        if (m.kind === 'found') mentorId = m.rad.id;
        else if (m.kind === 'none') problems.add(c.rad, 'mentor', mentor, 'Mentorn finns inte i personalregistret. Importera personalen först.');
      }
    }
    const nyanland = flag(input, c, 'nyanland');
    const sarskild = flag(input, c, 'sarskild');

    const identity = c.get('externId') || `${name ? nameKey(name.fornamn, name.efternamn) : ''}|${klass.toLowerCase()}`;
    const earlier = seen.check(identity, c.rad);
    if (earlier !== null) problems.duplicate(c, c.get('externId') ? ['externId'] : [...personFields(c), 'klass'], `Samma elev finns redan på rad ${earlier}.`);
    if (match.kind === 'ask' || match.kind === 'invalid' || problems.rows.has(c.rad) || questions.rows.has(c.rad)) continue;

    const externId = c.get('externId') || null;
    const existing = match.kind === 'found' ? match.rad : null;
    plan.rows.push({
      rad: c.rad,
      apply(w) {
        const ak = arskurs ?? existing?.arskurs ?? 0;
        let wrote = false;
        let klassId = existing?.klass_id ?? null;
        if (klass) {
          const g = ensureGrupp(w, reg, klass, 'klass', arskursFromKlass(klass) ?? ak);
          wrote ||= g.created;
          klassId = g.grupp.id;
        }
        const values: Row = {};
        if (name) Object.assign(values, { fornamn: name.fornamn, efternamn: name.efternamn });
        if (externId) values.extern_id = externId;
        if (arskurs !== null) values.arskurs = arskurs;
        if (klass) values.klass_id = klassId;
        if (mentorId !== undefined) values.mentor_id = mentorId;
        if (nyanland !== undefined && nyanland !== 'invalid') values.nyanland = nyanland;
        if (sarskild !== undefined && sarskild !== 'invalid') values.sarskild_undervisningsgrupp = sarskild;
        if (!existing) {
          const full: Row = {
            extern_id: externId, fornamn: name?.fornamn ?? '', efternamn: name?.efternamn ?? '', arskurs: ak,
            klass_id: klassId, mentor_id: null, sarskild_undervisningsgrupp: 0, nyanland: 0, aktiv: 1, slutat: null, ...values,
          };
          const id = w.insert('elev', full);
          reg.addElev({ ...(full as unknown as ElevRad), id });
          if (klassId !== null) ensureMember(w, reg, klassId, id);
          return 'added';
        }
        const oldKlass = existing.klass_id;
        wrote = w.update('elev', existing as unknown as Row, values) || wrote;
        if (klass && klassId !== null) {
          wrote = ensureMember(w, reg, klassId, existing.id) || wrote;
          // Moving class within this läsår: the pupil leaves the old class's member list too.
          const old = oldKlass === null ? undefined : reg.gruppById.get(oldKlass);
          if (old && old.id !== klassId && old.lasar_id === reg.lasar?.id) wrote = removeMember(w, reg, old.id, existing.id) || wrote;
        }
        return wrote ? 'changed' : 'unchanged';
      },
    });
  }
  return plan;
}
