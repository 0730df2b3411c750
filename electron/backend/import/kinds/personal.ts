// Personal: one row per staff member with roles. Matched by platform id, else by name; roles are added, never
// removed (a file listing "Lärare" does not take away someone's mentor role).
import { parseRoller } from '../../../../shared/import/values';
import type { Roll } from '../../../../shared/model';
import type { Row } from '../changes';
import { nameKey, type PersonalRad } from '../lookup';
import { personalText, readName } from '../match';
import { Cells, personFields, SeenRows, type KindInput, type Plan } from '../rows';

const EPOST = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function planPersonal(input: KindInput): Plan {
  const { reg, problems, questions } = input;
  const plan: Plan = { rows: [], skipped: 0 };
  const seen = new SeenRows();
  const rollerAv = new Map<number, Set<Roll>>();
  for (const r of reg.db.prepare('SELECT personal_id, roll FROM personal_roll').all() as { personal_id: number; roll: Roll }[]) {
    const set = rollerAv.get(r.personal_id) ?? new Set<Roll>();
    set.add(r.roll);
    rollerAv.set(r.personal_id, set);
  }
  for (const row of input.table.rows) {
    const c = new Cells(row, input.cols);
    const name = readName(input, c);
    if (name === null) problems.add(c.rad, c.has('namn') ? 'namn' : 'fornamn', '', 'Namn saknas.');
    const externId = c.get('externId') || null;
    let existing: PersonalRad | null = externId ? (reg.personalByExtern.get(externId) ?? null) : null;
    if (!existing && name && name !== 'invalid') {
      const candidates = (reg.personalByName.get(nameKey(name.fornamn, name.efternamn)) ?? []).filter(
        (p) => !externId || p.extern_id === null || p.extern_id === externId,
      );
      const key = `personal|${nameKey(name.fornamn, name.efternamn)}`;
      const chosen = input.choices[key];
      if (candidates.length === 1) existing = candidates[0] ?? null;
      else if (candidates.length > 1) {
        if (chosen === null && key in input.choices) {
          plan.skipped++;
          continue;
        }
        existing = candidates.find((p) => p.id === chosen) ?? null;
        if (!existing) questions.ask(key, `${name.fornamn} ${name.efternamn}`, c.rad, candidates.map((p) => ({ id: p.id, text: personalText(p) })));
      }
    }
    const epost = c.get('epost');
    if (epost && !EPOST.test(epost)) problems.add(c.rad, 'epost', epost, 'E-postadressen ser inte ut som en e-postadress.');
    const { roller, okanda } = parseRoller(c.get('roller'));
    for (const okand of okanda) {
      problems.add(c.rad, 'roller', okand, 'Okänd roll. Använd till exempel lärare, mentor, rektor, specialpedagog eller kurator.');
    }
    const identity = externId ?? (name && name !== 'invalid' ? nameKey(name.fornamn, name.efternamn) : `rad${c.rad}`);
    const earlier = seen.check(identity, c.rad);
    if (earlier !== null) problems.duplicate(c, externId ? ['externId'] : personFields(c), `Samma person finns redan på rad ${earlier}.`);
    if (name === null || name === 'invalid' || problems.rows.has(c.rad) || questions.rows.has(c.rad)) continue;

    plan.rows.push({
      rad: c.rad,
      apply(w) {
        const values: Row = { fornamn: name.fornamn, efternamn: name.efternamn };
        if (externId) values.extern_id = externId;
        if (c.has('epost')) values.epost = epost || null;
        let id: number;
        let outcome: 'added' | 'changed' | 'unchanged' = 'unchanged';
        if (existing) {
          id = existing.id;
          if (w.update('personal', existing as unknown as Row, values)) outcome = 'changed';
        } else {
          const full = { extern_id: null, epost: null, aktiv: 1, ...values };
          id = w.insert('personal', full);
          reg.addPersonal({ ...(full as unknown as PersonalRad), id });
          outcome = 'added';
        }
        const har = rollerAv.get(id) ?? new Set<Roll>();
        for (const roll of roller) {
          if (har.has(roll)) continue;
          w.insert('personal_roll', { personal_id: id, roll });
          har.add(roll);
          if (outcome === 'unchanged') outcome = 'changed';
        }
        rollerAv.set(id, har);
        return outcome;
      },
    });
  }
  return plan;
}
