// Pseudonyms for shared minutes (many municipalities do not allow pupil names in them): initials + a three-digit
// code, drawn once per pupil and kept in the pseudonym table, so the same pupil has the same code in every protokoll.
// The key (pupil ↔ code) never leaves the app.
import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';

function initialer(fornamn: string, efternamn: string): string {
  const first = (s: string) => (s.trim()[0] ?? 'X').toLocaleUpperCase('sv');
  return `${first(fornamn)}${first(efternamn)}`;
}

/** The code of each pupil, created (in the caller's transaction) for those who have none yet. */
export function pseudonymer(db: Database, elevIds: number[], skapad: string): Map<number, string> {
  const ids = [...new Set(elevIds)];
  const found = db
    .prepare('SELECT elev_id AS elevId, kod FROM pseudonym WHERE elev_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { elevId: number; kod: string }[];
  const out = new Map(found.map((f) => [f.elevId, f.kod]));
  const taken = db.prepare('SELECT 1 FROM pseudonym WHERE kod = ?').pluck();
  const insert = db.prepare('INSERT INTO pseudonym (elev_id, kod, skapad) VALUES (?, ?, ?)');
  const namn = db.prepare('SELECT fornamn, efternamn FROM elev WHERE id = ?');
  for (const id of ids) {
    if (out.has(id)) continue;
    const e = namn.get(id) as { fornamn: string; efternamn: string } | undefined;
    if (!e) continue;
    let kod = '';
    // 900 codes per pair of initials; widen to four digits if a school ever fills them.
    for (let attempt = 0; attempt < 2000; attempt++) {
      kod = `${initialer(e.fornamn, e.efternamn)}-${attempt < 1000 ? randomInt(100, 1000) : randomInt(1000, 10000)}`;
      if (!taken.get(kod)) break;
    }
    insert.run(id, kod, skapad);
    out.set(id, kod);
  }
  return out;
}
