// Undervisning: teacher × group × subject. The teacher and the group must already be in the register (import
// personal and groups first); the subject may be a code or a Swedish name, with a language for moderna språk.
import { fold, parseAmne } from '../../../../shared/import/values';
import { matchPersonalText } from '../match';
import { Cells, SeenRows, type KindInput, type Plan } from '../rows';
import { ensureAmne, requireLasar } from './common';

export function planUndervisning(input: KindInput): Plan {
  const { reg, problems, questions } = input;
  const lasar = requireLasar(reg);
  const plan: Plan = { rows: [], skipped: 0 };
  const seen = new SeenRows();
  const finns = new Set(
    (reg.db.prepare('SELECT personal_id, grupp_id, amne_id FROM undervisning').all() as { personal_id: number; grupp_id: number; amne_id: number }[]).map(
      (u) => `${u.personal_id}:${u.grupp_id}:${u.amne_id}`,
    ),
  );
  for (const row of input.table.rows) {
    const c = new Cells(row, input.cols);
    let larareId: number | null = null;
    const larare = c.get('larare');
    if (!larare) problems.add(c.rad, 'larare', '', 'Läraren saknas.');
    else {
      const m = matchPersonalText(input, c.rad, larare);
      if (m.kind === 'skip') {
        plan.skipped++;
        continue;
      }
      if (m.kind === 'found') larareId = m.rad.id;
      else if (m.kind === 'none') problems.add(c.rad, 'larare', larare, 'Läraren finns inte i personalregistret. Importera personalen först.');
    }
    const gruppNamn = c.get('grupp');
    const grupp = gruppNamn ? reg.gruppByName.get(fold(gruppNamn)) : undefined;
    if (!gruppNamn) problems.add(c.rad, 'grupp', '', 'Gruppen saknas.');
    else if (!grupp) problems.add(c.rad, 'grupp', gruppNamn, `Gruppen finns inte i läsåret ${lasar.namn}. Importera grupperna eller eleverna först.`);
    const amneText = c.get('amne');
    const amne = parseAmne(amneText);
    if (!amne) problems.add(c.rad, 'amne', amneText, amneText ? 'Okänd ämneskod eller ämnesnamn.' : 'Ämnet saknas.');
    if (larareId === null || !grupp || !amne || problems.rows.has(c.rad) || questions.rows.has(c.rad)) continue;
    const earlier = seen.check(`${larareId}:${grupp.id}:${amne.kod}:${fold(amne.sprak)}`, c.rad);
    if (earlier !== null) {
      problems.duplicate(c, ['larare', 'grupp', 'amne'], `Samma undervisning finns redan på rad ${earlier}.`);
      continue;
    }
    const personalId = larareId;
    plan.rows.push({
      rad: c.rad,
      apply(w) {
        const a = ensureAmne(w, reg, amne);
        const key = `${personalId}:${grupp.id}:${a.id}`;
        if (finns.has(key)) return 'unchanged';
        w.insert('undervisning', { personal_id: personalId, grupp_id: grupp.id, amne_id: a.id });
        finns.add(key);
        return 'added';
      },
    });
  }
  return plan;
}
