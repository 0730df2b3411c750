// Groups (of the current läsår), undervisning (teacher × group × subject) and subjects. Duplicates are refused with
// a sentence that names what already exists, before SQLite's UNIQUE would refuse it without saying why.
import type { Database } from 'better-sqlite3';
import type { ParsedArgsOf } from '../../../shared/contract';
import { harSprak, type Amne, type Grupp, type Undervisning } from '../../../shared/channels/register';
import { AMNE_KODER, amneNamn, isAmneKod } from '../../../shared/domain/subjects';
import { AppError } from '../../../shared/errors';
import type { Lasar } from '../../../shared/model';
import { today } from '../context';
import type { HandlerPart } from '../handlers';
import { currentLasar } from '../skola/oversikt';

const GRUPP_SELECT = `
  SELECT g.id, g.lasar_id AS lasarId, g.namn, g.typ, g.arskurs,
         (SELECT count(*) FROM gruppmedlem gm JOIN elev e ON e.id = gm.elev_id AND e.aktiv = 1 WHERE gm.grupp_id = g.id)
           AS antalElever
  FROM grupp g`;

function requireLasar(db: Database, day: string): Lasar {
  const lasar = currentLasar(db, day);
  if (!lasar) throw new AppError('not_found', 'Det finns inget läsår ännu. Skapa skolan och läsåret först.');
  return lasar;
}

export function listGrupper(db: Database, day: string): Grupp[] {
  const lasar = currentLasar(db, day);
  if (!lasar) return [];
  return db
    .prepare(`${GRUPP_SELECT} WHERE g.lasar_id = ? ORDER BY g.arskurs IS NULL, g.arskurs, g.namn`)
    .all(lasar.id) as Grupp[];
}

export function getGrupp(db: Database, id: number): Grupp {
  const row = db.prepare(`${GRUPP_SELECT} WHERE g.id = ?`).get(id) as Grupp | undefined;
  if (!row) throw new AppError('not_found', 'Gruppen finns inte.');
  return row;
}

function refuseDuplicateGrupp(db: Database, lasar: Lasar, namn: string, exceptId: number | null): void {
  const clash = db
    .prepare('SELECT id FROM grupp WHERE lasar_id = ? AND lower(namn) = lower(?) AND id IS NOT ?')
    .get(lasar.id, namn, exceptId);
  if (clash) throw new AppError('conflict', `Det finns redan en grupp som heter ${namn} i läsåret ${lasar.namn}. Välj ett annat namn.`);
}

export function createGrupp(db: Database, day: string, args: ParsedArgsOf<'grupp:create'>): Grupp {
  return db.transaction(() => {
    const lasar = requireLasar(db, day);
    refuseDuplicateGrupp(db, lasar, args.namn, null);
    const id = db
      .prepare('INSERT INTO grupp (lasar_id, namn, typ, arskurs) VALUES (?, ?, ?, ?)')
      .run(lasar.id, args.namn, args.typ, args.arskurs).lastInsertRowid;
    return getGrupp(db, Number(id));
  })();
}

export function updateGrupp(db: Database, args: ParsedArgsOf<'grupp:update'>): Grupp {
  return db.transaction(() => {
    const old = getGrupp(db, args.id);
    const next = { ...old, ...args };
    if (next.namn.toLowerCase() !== old.namn.toLowerCase()) {
      const lasar = db.prepare('SELECT id, namn, startdatum, slutdatum FROM lasar WHERE id = ?').get(old.lasarId) as Lasar;
      refuseDuplicateGrupp(db, lasar, next.namn, old.id);
    }
    db.prepare('UPDATE grupp SET namn = ?, typ = ?, arskurs = ? WHERE id = ?').run(next.namn, next.typ, next.arskurs, old.id);
    return getGrupp(db, old.id);
  })();
}

const UNDERVISNING_SELECT = `
  SELECT u.id, u.personal_id AS personalId, p.fornamn || ' ' || p.efternamn AS larare, u.grupp_id AS gruppId,
         g.namn AS grupp, u.amne_id AS amneId, a.namn AS amne, a.kod AS amneKod
  FROM undervisning u JOIN personal p ON p.id = u.personal_id JOIN grupp g ON g.id = u.grupp_id
  JOIN amne a ON a.id = u.amne_id`;

export function listUndervisning(db: Database, day: string): Undervisning[] {
  const lasar = currentLasar(db, day);
  if (!lasar) return [];
  return db
    .prepare(`${UNDERVISNING_SELECT} WHERE g.lasar_id = ? ORDER BY g.arskurs IS NULL, g.arskurs, g.namn, a.kod, a.sprak, p.efternamn`)
    .all(lasar.id) as Undervisning[];
}

function getUndervisning(db: Database, id: number): Undervisning {
  const row = db.prepare(`${UNDERVISNING_SELECT} WHERE u.id = ?`).get(id) as Undervisning | undefined;
  if (!row) throw new AppError('not_found', 'Undervisningen finns inte.');
  return row;
}

function checkUndervisning(db: Database, v: { personalId: number; gruppId: number; amneId: number }, exceptId: number | null): void {
  if (!db.prepare('SELECT 1 FROM personal WHERE id = ?').get(v.personalId)) throw new AppError('not_found', 'Läraren finns inte i personalregistret.');
  getGrupp(db, v.gruppId);
  const amne = db.prepare('SELECT namn FROM amne WHERE id = ?').get(v.amneId) as { namn: string } | undefined;
  if (!amne) throw new AppError('not_found', 'Ämnet finns inte.');
  const clash = db
    .prepare('SELECT 1 FROM undervisning WHERE personal_id = ? AND grupp_id = ? AND amne_id = ? AND id IS NOT ?')
    .get(v.personalId, v.gruppId, v.amneId, exceptId);
  if (clash) {
    const { grupp, larare } = db
      .prepare("SELECT g.namn AS grupp, p.fornamn || ' ' || p.efternamn AS larare FROM grupp g, personal p WHERE g.id = ? AND p.id = ?")
      .get(v.gruppId, v.personalId) as { grupp: string; larare: string };
    throw new AppError('conflict', `${larare} undervisar redan ${grupp} i ${amne.namn}.`);
  }
}

export function createUndervisning(db: Database, args: ParsedArgsOf<'undervisning:create'>): Undervisning {
  return db.transaction(() => {
    checkUndervisning(db, args, null);
    const id = db
      .prepare('INSERT INTO undervisning (personal_id, grupp_id, amne_id) VALUES (?, ?, ?)')
      .run(args.personalId, args.gruppId, args.amneId).lastInsertRowid;
    return getUndervisning(db, Number(id));
  })();
}

export function updateUndervisning(db: Database, args: ParsedArgsOf<'undervisning:update'>): Undervisning {
  return db.transaction(() => {
    const old = getUndervisning(db, args.id);
    const next = { ...old, ...args };
    checkUndervisning(db, next, old.id);
    db.prepare('UPDATE undervisning SET personal_id = ?, grupp_id = ?, amne_id = ? WHERE id = ?').run(next.personalId, next.gruppId, next.amneId, old.id);
    return getUndervisning(db, old.id);
  })();
}

export function deleteUndervisning(db: Database, id: number): { id: number } {
  const result = db.prepare('DELETE FROM undervisning WHERE id = ?').run(id);
  if (result.changes === 0) throw new AppError('not_found', 'Undervisningen finns inte, eller är redan borttagen.');
  return { id };
}

/** Grundskola subjects in their usual order, then any other code; the general subject before its languages. */
function amneOrder(a: Amne, b: Amne): number {
  const rank = (kod: string) => (isAmneKod(kod) ? AMNE_KODER.indexOf(kod) : AMNE_KODER.length);
  return rank(a.kod) - rank(b.kod) || a.kod.localeCompare(b.kod, 'sv') || a.sprak.localeCompare(b.sprak, 'sv');
}

export function listAmnen(db: Database): Amne[] {
  const rows = db.prepare('SELECT id, kod, namn, sprak FROM amne').all() as Amne[];
  return rows.sort(amneOrder);
}

function getAmne(db: Database, id: number): Amne {
  const row = db.prepare('SELECT id, kod, namn, sprak FROM amne WHERE id = ?').get(id) as Amne | undefined;
  if (!row) throw new AppError('not_found', 'Ämnet finns inte.');
  return row;
}

function refuseDuplicateAmne(db: Database, kod: string, sprak: string, exceptId: number | null): void {
  const clash = db.prepare('SELECT 1 FROM amne WHERE kod = ? AND lower(sprak) = lower(?) AND id IS NOT ?').get(kod, sprak, exceptId);
  if (clash) {
    const what = sprak ? `${kod} med språket ${sprak}` : kod;
    throw new AppError('conflict', `Ämnet ${what} finns redan.`);
  }
}

export function createAmne(db: Database, args: ParsedArgsOf<'amne:create'>): Amne {
  return db.transaction(() => {
    refuseDuplicateAmne(db, args.kod, args.sprak, null);
    const bas = isAmneKod(args.kod) ? amneNamn(args.kod) : '';
    const namn = args.namn || (bas && args.sprak ? `${bas} – ${args.sprak}` : bas);
    if (!namn) throw new AppError('invalid_argument', `Ange ett namn för ämnet ${args.kod}.`);
    const id = db.prepare('INSERT INTO amne (kod, namn, sprak) VALUES (?, ?, ?)').run(args.kod, namn, args.sprak).lastInsertRowid;
    return getAmne(db, Number(id));
  })();
}

export function updateAmne(db: Database, args: ParsedArgsOf<'amne:update'>): Amne {
  return db.transaction(() => {
    const old = getAmne(db, args.id);
    const next = { ...old, ...args };
    if (next.sprak !== old.sprak) {
      if (!harSprak(old.kod)) throw new AppError('rule_violation', 'Språk anges bara för moderna språk (M1, M2) och modersmål (ML).');
      refuseDuplicateAmne(db, old.kod, next.sprak, old.id);
    }
    db.prepare('UPDATE amne SET namn = ?, sprak = ? WHERE id = ?').run(next.namn, next.sprak, old.id);
    return getAmne(db, old.id);
  })();
}

export const gruppHandlers: HandlerPart = {
  'grupp:list': (_args, ctx) => listGrupper(ctx.db, today(ctx)),
  'grupp:create': (args, ctx) => createGrupp(ctx.db, today(ctx), args),
  'grupp:update': (args, ctx) => updateGrupp(ctx.db, args),
  'undervisning:list': (_args, ctx) => listUndervisning(ctx.db, today(ctx)),
  'undervisning:create': (args, ctx) => createUndervisning(ctx.db, args),
  'undervisning:update': (args, ctx) => updateUndervisning(ctx.db, args),
  'undervisning:delete': (args, ctx) => deleteUndervisning(ctx.db, args.id),
  'amne:list': (_args, ctx) => listAmnen(ctx.db),
  'amne:create': (args, ctx) => createAmne(ctx.db, args),
  'amne:update': (args, ctx) => updateAmne(ctx.db, args),
};
