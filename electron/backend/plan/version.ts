// The plan's live draft (step 3's answers) and its frozen versions. A version is a JSON snapshot of the answers and
// the calendar, so later calendar changes never rewrite history; the baseline is the one the year-end compares with.
import type { Database } from 'better-sqlite3';
import type { PlanSvar, PlanUtkast, PlanVersion, PlanVersionInfo } from '../../../shared/channels/plan';
import { PLAN_FRAGA_KEYS, kalenderVarv, type PlanInnehall } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import { getKalender } from './kalender';
import { getSkola } from '../skola/skola';

export function getUtkast(db: Database): PlanUtkast {
  const row = db.prepare('SELECT svar, uppdaterad FROM plan_utkast WHERE id = 1').get() as { svar: string; uppdaterad: string } | undefined;
  if (!row) return { svar: {}, uppdaterad: null };
  return { svar: JSON.parse(row.svar) as PlanSvar, uppdaterad: row.uppdaterad };
}

export function saveUtkast(db: Database, svar: PlanSvar, now: string): PlanUtkast {
  // Only the known questions are stored; the schema already refuses other keys.
  const clean: PlanSvar = {};
  for (const key of PLAN_FRAGA_KEYS) if (svar[key] !== undefined) clean[key] = svar[key];
  db.prepare(
    `INSERT INTO plan_utkast (id, svar, uppdaterad) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET svar = json_patch(plan_utkast.svar, excluded.svar), uppdaterad = excluded.uppdaterad`,
  ).run(JSON.stringify(clean), now);
  return getUtkast(db);
}

/** The plan as it stands now: draft answers + the current calendar. */
export function planSnapshot(db: Database, day: string): PlanInnehall {
  const skola = getSkola(db);
  if (!skola) throw new AppError('not_found', 'Ingen skola är skapad ännu. Välj Ny skola eller Öppna demoskola.');
  const k = getKalender(db, day);
  return {
    skola: skola.namn,
    lasar: { namn: k.lasar.namn, startdatum: k.lasar.startdatum, slutdatum: k.lasar.slutdatum },
    lov: k.lov,
    forstaEht: k.forstaEht,
    svar: getUtkast(db).svar,
    kalender: k.varv.map(kalenderVarv),
  };
}

interface VersionRow {
  id: number;
  nummer: number;
  skapad: string;
  skapadAv: string;
  orsak: string;
  isBaseline: number;
  lasarId: number | null;
  lasarNamn: string | null;
  innehall: string;
}

const VERSION_COLUMNS = `v.id, v.nummer, v.skapad, v.skapad_av AS skapadAv, v.orsak, v.is_baseline AS isBaseline, v.lasar_id AS lasarId,
  l.namn AS lasarNamn`;
const VERSION_FROM = 'plan_version v LEFT JOIN lasar l ON l.id = v.lasar_id';

function toInfo(row: Omit<VersionRow, 'innehall'>): PlanVersionInfo {
  return {
    id: row.id,
    nummer: row.nummer,
    skapad: row.skapad,
    skapadAv: row.skapadAv,
    orsak: row.orsak,
    isBaseline: row.isBaseline === 1,
    lasarId: row.lasarId,
    lasarNamn: row.lasarNamn,
  };
}

export function listVersioner(db: Database): PlanVersionInfo[] {
  return (db.prepare(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} ORDER BY v.nummer DESC`).all() as VersionRow[]).map(toInfo);
}

export function getVersion(db: Database, id: number): PlanVersion {
  const row = db.prepare(`SELECT ${VERSION_COLUMNS}, v.innehall FROM ${VERSION_FROM} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  if (!row) throw new AppError('not_found', `Planens version med id ${id} finns inte.`);
  return { ...toInfo(row), innehall: JSON.parse(row.innehall) as PlanInnehall };
}

/** At least one of step 3's answers written (plan/baslinje.ts: an empty plan is never a baseline). */
function harSvar(innehall: PlanInnehall): boolean {
  return Object.values(innehall.svar).some((v) => typeof v === 'string' && v.trim() !== '');
}

/** The baseline of a läsår ("the plan in force when the läsår starts"), if it has one. */
export function baselineVersion(db: Database, lasarId: number): PlanVersion | null {
  const id = db.prepare('SELECT id FROM plan_version WHERE is_baseline = 1 AND lasar_id = ?').pluck().get(lasarId) as number | undefined;
  return id === undefined ? null : getVersion(db, id);
}

/** Stores a frozen plan as the next version of the läsår; the caller runs it inside its transaction. */
export function insertVersion(
  db: Database,
  v: { lasarId: number; innehall: PlanInnehall; skapad: string; skapadAv: string; orsak: string; baslinje: boolean },
): number {
  const nummer = (db.prepare('SELECT coalesce(max(nummer), 0) + 1 FROM plan_version').pluck().get() as number) ?? 1;
  return Number(
    db
      .prepare('INSERT INTO plan_version (nummer, innehall, skapad, skapad_av, orsak, is_baseline, lasar_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(nummer, JSON.stringify(v.innehall), v.skapad, v.skapadAv, v.orsak, v.baslinje ? 1 : 0, v.lasarId).lastInsertRowid,
  );
}

/**
 * Freezes the current plan as a version of the current läsår. Each läsår has one baseline: after it, every change is
 * a new ordinary version (plan/baslinje.ts freezes it by itself when the läsår starts without one).
 */
export function sparaVersion(
  db: Database,
  day: string,
  input: { skapadAv: string; orsak: string; baslinje: boolean },
  now: string,
): PlanVersionInfo {
  const innehall = planSnapshot(db, day);
  const lasarId = getKalender(db, day).lasar.id;
  const id = db.transaction(() => {
    if (input.baslinje && baselineVersion(db, lasarId)) {
      throw new AppError('conflict', `Planen har redan en fastställd baslinje för läsåret ${innehall.lasar.namn}. Spara ändringar som en ny version i stället.`);
    }
    if (!input.baslinje && input.orsak.trim() === '' && listVersioner(db).length > 0) {
      throw new AppError('invalid_argument', 'Skriv varför planen ändras, så att det syns när versionerna jämförs.');
    }
    if (input.baslinje && !harSvar(innehall)) {
      throw new AppError('rule_violation', 'Planen har inga svar på frågorna ännu. En tom plan kan inte fastställas som baslinje; skriv planen först.');
    }
    // A school that began inside its läsår has no baseline: the first version with content becomes it (the reply says so).
    const lasar = db.prepare('SELECT startdatum FROM lasar WHERE id = ?').get(lasarId) as { startdatum: string } | undefined;
    const forstaMedInnehall = !input.baslinje && lasar !== undefined && day >= lasar.startdatum && !baselineVersion(db, lasarId) && harSvar(innehall);
    const orsak = forstaMedInnehall
      ? `${input.orsak.trim() === '' ? '' : `${input.orsak.trim()} `}Läsåret hade redan börjat utan baslinje: den första versionen med innehåll är fastställd som baslinje.`
      : input.orsak;
    return insertVersion(db, { lasarId, innehall, skapad: now, skapadAv: input.skapadAv, orsak, baslinje: input.baslinje || forstaMedInnehall });
  })();
  const { innehall: _frozen, ...info } = getVersion(db, id);
  return info;
}
