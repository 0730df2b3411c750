// The pupil and staff registers: list, create, edit, and mark as left or back. Nobody is ever deleted, because their
// insatser, evaluations and meeting notes must stay readable.
import type { Database } from 'better-sqlite3';
import type { ParsedArgsOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Elev, Personal, Roll } from '../../../shared/model';
import { today } from '../context';
import type { HandlerPart } from '../handlers';
import { currentLasar } from '../skola/oversikt';
import { gruppHandlers } from './grupper';

const ELEV_SELECT = `
  SELECT e.id, e.extern_id AS externId, e.fornamn, e.efternamn, e.arskurs, e.klass_id AS klassId, g.namn AS klass,
         e.mentor_id AS mentorId, CASE WHEN m.id IS NULL THEN NULL ELSE m.fornamn || ' ' || m.efternamn END AS mentor,
         e.sarskild_undervisningsgrupp AS sarskildUndervisningsgrupp, e.nyanland, e.aktiv, e.slutat, p.kod AS pseudonym
  FROM elev e LEFT JOIN grupp g ON g.id = e.klass_id LEFT JOIN personal m ON m.id = e.mentor_id
  LEFT JOIN pseudonym p ON p.elev_id = e.id`;

type ElevRow = Omit<Elev, 'sarskildUndervisningsgrupp' | 'nyanland' | 'aktiv'> & {
  sarskildUndervisningsgrupp: number;
  nyanland: number;
  aktiv: number;
};

function toElev(row: ElevRow): Elev {
  return {
    ...row,
    sarskildUndervisningsgrupp: row.sarskildUndervisningsgrupp === 1,
    nyanland: row.nyanland === 1,
    aktiv: row.aktiv === 1,
  };
}

export function listElever(db: Database, baraAktiva: boolean): Elev[] {
  const where = baraAktiva ? 'WHERE e.aktiv = 1' : '';
  const rows = db.prepare(`${ELEV_SELECT} ${where} ORDER BY e.efternamn, e.fornamn, e.id`).all() as ElevRow[];
  return rows.map(toElev);
}

export function getElev(db: Database, id: number): Elev {
  const row = db.prepare(`${ELEV_SELECT} WHERE e.id = ?`).get(id) as ElevRow | undefined;
  if (!row) throw new AppError('not_found', 'Eleven finns inte.');
  return toElev(row);
}

const PERSONAL_SELECT = `
  SELECT p.id, p.fornamn, p.efternamn, p.epost, p.aktiv, group_concat(r.roll) AS roller
  FROM personal p LEFT JOIN personal_roll r ON r.personal_id = p.id`;

type PersonalRow = { id: number; fornamn: string; efternamn: string; epost: string | null; aktiv: number; roller: string | null };

function toPersonal(r: PersonalRow): Personal {
  return {
    id: r.id,
    fornamn: r.fornamn,
    efternamn: r.efternamn,
    epost: r.epost,
    aktiv: r.aktiv === 1,
    roller: (r.roller ? r.roller.split(',') : []) as Roll[],
  };
}

export function listPersonal(db: Database): Personal[] {
  const rows = db.prepare(`${PERSONAL_SELECT} GROUP BY p.id ORDER BY p.efternamn, p.fornamn`).all() as PersonalRow[];
  return rows.map(toPersonal);
}

export function getPersonal(db: Database, id: number): Personal {
  const row = db.prepare(`${PERSONAL_SELECT} WHERE p.id = ? GROUP BY p.id`).get(id) as PersonalRow | undefined;
  if (!row) throw new AppError('not_found', 'Personen finns inte i personalregistret.');
  return toPersonal(row);
}

/** The klass must exist and belong to the current läsår; the mentor must exist and not have left. */
function checkKlassAndMentor(db: Database, day: string, klassId: number | null | undefined, mentorId: number | null | undefined): void {
  if (klassId !== undefined && klassId !== null) {
    const klass = db.prepare('SELECT lasar_id AS lasarId, namn FROM grupp WHERE id = ?').get(klassId) as
      | { lasarId: number; namn: string }
      | undefined;
    if (!klass) throw new AppError('not_found', 'Klassen finns inte. Välj en klass i listan.');
    const lasar = currentLasar(db, day);
    if (lasar && klass.lasarId !== lasar.id) {
      throw new AppError('rule_violation', `Klassen ${klass.namn} hör till ett annat läsår. Välj en klass i läsåret ${lasar.namn}.`);
    }
  }
  if (mentorId !== undefined && mentorId !== null) {
    const mentor = db.prepare('SELECT aktiv FROM personal WHERE id = ?').get(mentorId) as { aktiv: number } | undefined;
    if (!mentor) throw new AppError('not_found', 'Mentorn finns inte i personalregistret.');
    if (mentor.aktiv !== 1) throw new AppError('rule_violation', 'Mentorn har slutat. Välj en mentor som arbetar kvar.');
  }
}

export function createElev(db: Database, day: string, args: ParsedArgsOf<'elev:create'>): Elev {
  return db.transaction(() => {
    checkKlassAndMentor(db, day, args.klassId, args.mentorId);
    const id = Number(
      db
        .prepare(
          `INSERT INTO elev (fornamn, efternamn, arskurs, klass_id, mentor_id, sarskild_undervisningsgrupp, nyanland)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(args.fornamn, args.efternamn, args.arskurs, args.klassId, args.mentorId, args.sarskildUndervisningsgrupp ? 1 : 0, args.nyanland ? 1 : 0)
        .lastInsertRowid,
    );
    if (args.klassId !== null) db.prepare('INSERT OR IGNORE INTO gruppmedlem (grupp_id, elev_id) VALUES (?, ?)').run(args.klassId, id);
    return getElev(db, id);
  })();
}

export function updateElev(db: Database, day: string, args: ParsedArgsOf<'elev:update'>): Elev {
  return db.transaction(() => {
    const old = getElev(db, args.id);
    const klassChanged = args.klassId !== undefined && args.klassId !== old.klassId;
    const mentorChanged = args.mentorId !== undefined && args.mentorId !== old.mentorId;
    checkKlassAndMentor(db, day, klassChanged ? args.klassId : undefined, mentorChanged ? args.mentorId : undefined);
    const next = { ...old, ...args };
    db.prepare(
      `UPDATE elev SET fornamn = ?, efternamn = ?, arskurs = ?, klass_id = ?, mentor_id = ?, sarskild_undervisningsgrupp = ?,
         nyanland = ? WHERE id = ?`,
    ).run(next.fornamn, next.efternamn, next.arskurs, next.klassId, next.mentorId, next.sarskildUndervisningsgrupp ? 1 : 0,
      next.nyanland ? 1 : 0, old.id);
    if (klassChanged) {
      // Leave last year's class membership alone: it is history. Only this year's class is swapped.
      const lasar = currentLasar(db, day);
      if (old.klassId !== null && lasar) {
        db.prepare('DELETE FROM gruppmedlem WHERE grupp_id = ? AND elev_id = ? AND grupp_id IN (SELECT id FROM grupp WHERE lasar_id = ?)')
          .run(old.klassId, old.id, lasar.id);
      }
      if (next.klassId !== null) db.prepare('INSERT OR IGNORE INTO gruppmedlem (grupp_id, elev_id) VALUES (?, ?)').run(next.klassId, old.id);
    }
    return getElev(db, old.id);
  })();
}

export function setElevAktiv(db: Database, day: string, args: ParsedArgsOf<'elev:setAktiv'>): Elev {
  return db.transaction(() => {
    const elev = getElev(db, args.id);
    if (args.aktiv) db.prepare('UPDATE elev SET aktiv = 1, slutat = NULL WHERE id = ?').run(elev.id);
    else db.prepare('UPDATE elev SET aktiv = 0, slutat = ? WHERE id = ?').run(args.slutat ?? day, elev.id);
    return getElev(db, elev.id);
  })();
}

function writeRoller(db: Database, personalId: number, roller: readonly Roll[]): void {
  db.prepare('DELETE FROM personal_roll WHERE personal_id = ?').run(personalId);
  const insert = db.prepare('INSERT INTO personal_roll (personal_id, roll) VALUES (?, ?)');
  for (const roll of roller) insert.run(personalId, roll);
}

export function createPersonal(db: Database, args: ParsedArgsOf<'personal:create'>): Personal {
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO personal (fornamn, efternamn, epost) VALUES (?, ?, ?)').run(args.fornamn, args.efternamn, args.epost)
        .lastInsertRowid,
    );
    writeRoller(db, id, args.roller);
    return getPersonal(db, id);
  })();
}

export function updatePersonal(db: Database, args: ParsedArgsOf<'personal:update'>): Personal {
  return db.transaction(() => {
    const old = getPersonal(db, args.id);
    const next = { ...old, ...args };
    db.prepare('UPDATE personal SET fornamn = ?, efternamn = ?, epost = ? WHERE id = ?').run(next.fornamn, next.efternamn, next.epost, old.id);
    if (args.roller !== undefined) writeRoller(db, old.id, args.roller);
    return getPersonal(db, old.id);
  })();
}

export function setPersonalAktiv(db: Database, args: ParsedArgsOf<'personal:setAktiv'>): Personal {
  return db.transaction(() => {
    const person = getPersonal(db, args.id);
    db.prepare('UPDATE personal SET aktiv = ? WHERE id = ?').run(args.aktiv ? 1 : 0, person.id);
    return getPersonal(db, person.id);
  })();
}

export const registerHandlers: HandlerPart = {
  'elev:list': (args, ctx) => listElever(ctx.db, args.baraAktiva),
  'elev:get': (args, ctx) => getElev(ctx.db, args.id),
  'elev:create': (args, ctx) => createElev(ctx.db, today(ctx), args),
  'elev:update': (args, ctx) => updateElev(ctx.db, today(ctx), args),
  'elev:setAktiv': (args, ctx) => setElevAktiv(ctx.db, today(ctx), args),
  'personal:list': (_args, ctx) => listPersonal(ctx.db),
  'personal:create': (args, ctx) => createPersonal(ctx.db, args),
  'personal:update': (args, ctx) => updatePersonal(ctx.db, args),
  'personal:setAktiv': (args, ctx) => setPersonalAktiv(ctx.db, args),
  ...gruppHandlers,
};
