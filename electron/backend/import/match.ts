// Finding the person a row means: by the platform's id first, else by name (+ class for pupils). A name that fits
// several people is never guessed: it becomes a question, answered by the user's choice (an id, or skip).
import { fold, splitNamn } from '../../../shared/import/values';
import { nameKey, type ElevRad, type PersonalRad } from './lookup';
import type { Cells, KindInput } from './rows';

export type Match<T> = { kind: 'found'; rad: T } | { kind: 'none' } | { kind: 'ask' } | { kind: 'skip' } | { kind: 'invalid' };

/** Förnamn + Efternamn, or Hela namnet split; reports a name it cannot split. Null when no name is given. */
export function readName(input: KindInput, c: Cells): { fornamn: string; efternamn: string } | null | 'invalid' {
  const fornamn = c.get('fornamn');
  const efternamn = c.get('efternamn');
  if (fornamn || efternamn) {
    if (fornamn && efternamn) return { fornamn, efternamn };
    if (c.has('namn') && c.get('namn')) return splitOrReport(input, c);
    input.problems.add(c.rad, fornamn ? 'efternamn' : 'fornamn', '', fornamn ? 'Efternamn saknas.' : 'Förnamn saknas.');
    return 'invalid';
  }
  if (c.get('namn')) return splitOrReport(input, c);
  return null;
}

function splitOrReport(input: KindInput, c: Cells): { fornamn: string; efternamn: string } | 'invalid' {
  const split = splitNamn(c.get('namn'));
  if (split) return split;
  input.problems.add(c.rad, 'namn', c.get('namn'), 'Namnet behöver både för- och efternamn ("Förnamn Efternamn" eller "Efternamn, Förnamn").');
  return 'invalid';
}

function decide<T extends { id: number }>(
  input: KindInput,
  candidates: T[],
  key: string,
  fraga: string,
  rad: number,
  text: (x: T) => string,
): Match<T> {
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: 'found', rad: only };
  if (candidates.length === 0) return { kind: 'none' };
  if (Object.prototype.hasOwnProperty.call(input.choices, key)) {
    const chosen = input.choices[key];
    if (chosen === null) return { kind: 'skip' };
    const hit = candidates.find((x) => x.id === chosen);
    if (hit) return { kind: 'found', rad: hit };
  }
  input.questions.ask(key, fraga, rad, candidates.map((x) => ({ id: x.id, text: text(x) })));
  return { kind: 'ask' };
}

/** The pupil of a row: platform id, else name + class (class only narrows when the file has it). */
export function matchElev(input: KindInput, c: Cells): Match<ElevRad> & { name?: { fornamn: string; efternamn: string } } {
  const { reg } = input;
  const externId = c.get('externId');
  const byId = externId ? reg.elevByExtern.get(externId) : undefined;
  if (byId) return { kind: 'found', rad: byId };
  const name = readName(input, c);
  if (name === 'invalid') return { kind: 'invalid' };
  if (name === null) return { kind: 'none' };
  const klass = fold(c.get('klass'));
  let candidates = (reg.elevByName.get(nameKey(name.fornamn, name.efternamn)) ?? []).filter(
    // A pupil who has another platform id is someone else with the same name.
    (e) => !externId || e.extern_id === null || e.extern_id === externId,
  );
  if (klass) candidates = candidates.filter((e) => reg.klassOf(e) === klass);
  if (candidates.length > 1 && candidates.some((e) => e.aktiv === 1)) candidates = candidates.filter((e) => e.aktiv === 1);
  const shown = `${name.fornamn} ${name.efternamn}${c.get('klass') ? `, ${c.get('klass')}` : ''}`;
  const match = decide(input, candidates, `elev|${nameKey(name.fornamn, name.efternamn)}|${klass}`, shown, c.rad, (e) => reg.elevText(e));
  return { ...match, name };
}

/** A staff member named in one cell: platform id, "Förnamn Efternamn" or "Efternamn, Förnamn". */
export function matchPersonalText(input: KindInput, rad: number, value: string): Match<PersonalRad> {
  const { reg } = input;
  const byId = reg.personalByExtern.get(value);
  if (byId) return { kind: 'found', rad: byId };
  const name = splitNamn(value);
  if (!name) return { kind: 'none' };
  const candidates = reg.personalByName.get(nameKey(name.fornamn, name.efternamn)) ?? [];
  return decide(input, candidates, `personal|${nameKey(name.fornamn, name.efternamn)}`, value, rad, personalText);
}

export function personalText(p: PersonalRad): string {
  const parts = [p.extern_id ? `id ${p.extern_id}` : null, p.epost, p.aktiv ? null : 'slutat'].filter(Boolean);
  return `${p.fornamn} ${p.efternamn}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
