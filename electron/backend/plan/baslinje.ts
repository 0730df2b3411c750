// "The plan in force when the läsår starts is frozen as the baseline" (issue 5): each läsår has one baseline. The
// skolledning may freeze it themselves before the start; if the läsår has begun without one, Varvet freezes it when
// the app is opened (backend.ts runs plan:baslinjeVidStart as each session opens): the latest version saved for the
// läsår, else the plan as it stands. The year-end compares with it ("Gå tillbaka till den ursprungliga planen").
import type { Database } from 'better-sqlite3';
import type { PlanBaslinjeLage } from '../../../shared/channels/plan';
import type { PlanInnehall } from '../../../shared/domain/index';
import { currentLasar } from '../skola/oversikt';
import { baselineVersion, getVersion, insertVersion, planSnapshot } from './version';

/** Who a baseline frozen by Varvet itself is recorded as made by. */
export const AUTOMATISK_AV = 'Varvet (vid läsårets start)';

export function baslinjeLage(db: Database, day: string): PlanBaslinjeLage | null {
  const lasar = currentLasar(db, day);
  if (!lasar) return null;
  const baslinje = baselineVersion(db, lasar.id);
  const info = baslinje ? (({ innehall: _frozen, ...rest }) => rest)(baslinje) : null;
  return {
    lasar: { id: lasar.id, namn: lasar.namn, startdatum: lasar.startdatum, slutdatum: lasar.slutdatum },
    baslinje: info,
    automatisk: info?.skapadAv === AUTOMATISK_AV,
    frysesDatum: info === null && day < lasar.startdatum ? lasar.startdatum : null,
  };
}

/**
 * On or after the first day of the current läsår (and before its last), if it has no baseline: freezes the plan in
 * force as its baseline. Returns the new version's id, or null when nothing was due.
 */
export function frysBaslinjeVidStart(db: Database, day: string, now: string): number | null {
  return db.transaction(() => {
    const lasar = currentLasar(db, day);
    if (!lasar || day < lasar.startdatum || day > lasar.slutdatum) return null;
    if (baselineVersion(db, lasar.id)) return null;
    const senaste = db.prepare('SELECT id FROM plan_version WHERE lasar_id = ? ORDER BY nummer DESC LIMIT 1').pluck().get(lasar.id) as
      | number
      | undefined;
    let innehall: PlanInnehall;
    let orsak: string;
    if (senaste !== undefined) {
      const v = getVersion(db, senaste);
      innehall = v.innehall;
      orsak = `Läsåret ${lasar.namn} började. Den senast sparade planen (version ${v.nummer}) gäller och är fastställd som baslinje.`;
    } else {
      innehall = planSnapshot(db, day);
      orsak = `Läsåret ${lasar.namn} började. Planen som den såg ut då är fastställd som baslinje.`;
    }
    return insertVersion(db, { lasarId: lasar.id, innehall, skapad: now, skapadAv: AUTOMATISK_AV, orsak, baslinje: true });
  })();
}
