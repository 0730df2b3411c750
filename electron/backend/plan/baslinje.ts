// "The plan in force when the läsår starts is frozen as the baseline" (issue 5): each läsår has one baseline. The
// skolledning may freeze it themselves before the start; if the läsår has begun without one, Varvet freezes it when
// the app is opened (backend.ts runs plan:baslinjeVidStart as each session opens): the latest version saved for the
// läsår, else the plan as it stands. The year-end compares with it ("Gå tillbaka till den ursprungliga planen").
import type { Database } from 'better-sqlite3';
import type { PlanBaslinjeLage, PlanVersion } from '../../../shared/channels/plan';
import type { PlanInnehall } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import { currentLasar } from '../skola/oversikt';
import { baselineVersion, getVersion, insertVersion, planSnapshot } from './version';

/** Whether a plan says anything: at least one of step 3's answers written. The calendar alone is Varvet's proposal. */
export function planHarInnehall(innehall: Pick<PlanInnehall, 'svar'>): boolean {
  return Object.values(innehall.svar).some((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * Until when the skolledning may set the läsår's baseline again: the day of the first varv's EHT-möte (the first
 * follow-up measured against it), as long as that meeting has not begun. Null when it is too late, or none is planned.
 */
export function baslinjeAndrasSenast(db: Database, lasarId: number, day: string): string | null {
  const mote = db
    .prepare(
      `SELECT m.datum, m.status FROM mote m JOIN varv v ON v.id = m.varv_id
       WHERE m.lasar_id = ? AND m.typ = 'eht' AND v.nummer = 1 ORDER BY m.datum LIMIT 1`,
    )
    .get(lasarId) as { datum: string; status: string } | undefined;
  if (!mote || mote.status !== 'planerat' || day >= mote.datum) return null;
  return mote.datum;
}

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
    andrasSenast: baslinjeAndrasSenast(db, lasar.id, day),
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
    const sparad = senaste !== undefined ? getVersion(db, senaste) : null;
    if (sparad && planHarInnehall(sparad.innehall)) {
      innehall = sparad.innehall;
      orsak = `Läsåret ${lasar.namn} började. Den senast sparade planen (version ${sparad.nummer}) gäller och är fastställd som baslinje.`;
    } else {
      innehall = planSnapshot(db, day);
      orsak = `Läsåret ${lasar.namn} började. Planen som den såg ut då är fastställd som baslinje.`;
    }
    // An empty plan is never frozen (a school created inside its läsår has none yet): the first version with content
    // becomes the baseline when it is saved (version.ts), or the plan as it stands at a later opening.
    if (!planHarInnehall(innehall)) return null;
    return insertVersion(db, { lasarId: lasar.id, innehall, skapad: now, skapadAv: AUTOMATISK_AV, orsak, baslinje: true });
  })();
}

/**
 * The skolledning sets the läsår's baseline again, to one of its versions, until the first varv's EHT-möte. The flag
 * moves in one transaction; both rows' changes are in the audit log under this channel.
 */
export function sattBaslinje(db: Database, day: string, versionId: number): PlanVersion {
  db.transaction(() => {
    const lasar = currentLasar(db, day);
    if (!lasar) throw new AppError('not_found', 'Det finns inget läsår att sätta baslinjen för.');
    const version = getVersion(db, versionId);
    if (version.lasarId !== lasar.id) {
      throw new AppError('invalid_argument', `Version ${version.nummer} hör inte till läsåret ${lasar.namn}. Välj en version från läsåret.`);
    }
    if (!planHarInnehall(version.innehall)) {
      throw new AppError('rule_violation', `Version ${version.nummer} har inga svar på planens frågor. En tom plan kan inte vara baslinje.`);
    }
    if (baslinjeAndrasSenast(db, lasar.id, day) === null) {
      throw new AppError(
        'conflict',
        `Baslinjen för läsåret ${lasar.namn} kan inte längre ändras: varv 1:s EHT-möte har börjat eller passerat, och årsavslutet jämför med den baslinje som gällde då.`,
      );
    }
    if (version.isBaseline) return;
    db.prepare('UPDATE plan_version SET is_baseline = 0 WHERE lasar_id = ? AND is_baseline = 1').run(lasar.id);
    db.prepare('UPDATE plan_version SET is_baseline = 1 WHERE id = ?').run(version.id);
  })();
  return getVersion(db, versionId);
}
