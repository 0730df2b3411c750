// Resultatdialoger (step 5): per varv, a dialogue with a teacher, an ämneslag or an arbetslag, documented in the
// common template, and followed up in the next varv's dialogue with the same scope ("Följ upp effekterna på
// elevernas måluppfyllelse i nästa varv med resultatdialoger").
import type { Database } from 'better-sqlite3';
import { findCurrentVarv } from '../../../shared/calendar';
import type {
  Resultatdialog,
  ResultatdialogCreateArgs,
  ResultatdialogRad,
  ResultatdialogVal,
  ResultatdialogVy,
} from '../../../shared/channels/uppfoljning';
import { AppError } from '../../../shared/errors';
import { arskursText } from '../../../shared/labels';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { currentLasar, listVarv } from '../skola/oversikt';
import { kriterieAnalys } from '../resultat/analys';
import { listFragor } from './fragebank';
import { syncResultatdialogMote } from '../skola/status';
import { resultatdialogPdf } from '../export/resultatdialogPdf';
import { formatDatum } from '../../../shared/domain/index';

const RAD_SELECT = `
  SELECT d.id, d.varv_id AS varvId, v.nummer AS varvNummer, d.omfattning, d.larare_id AS larareId, d.amne_id AS amneId,
         d.arskurser, d.namn, d.datum, d.status, d.iakttagelser, d.forandring, d.forvantad_effekt AS forvantadEffekt,
         d.uppfoljning_plan AS uppfoljningPlan, d.foregaende_id AS foregaendeId, d.hur_gick_det AS hurGickDet,
         d.foregaende_effekt AS foregaendeEffekt, d.uppdaterad
  FROM resultatdialog d JOIN varv v ON v.id = d.varv_id`;

type DialogRow = Omit<Resultatdialog, 'arskurser' | 'fragor'> & { arskurser: string };

function toRad(row: DialogRow): ResultatdialogRad {
  return {
    id: row.id,
    varvId: row.varvId,
    varvNummer: row.varvNummer,
    omfattning: row.omfattning,
    larareId: row.larareId,
    amneId: row.amneId,
    arskurser: JSON.parse(row.arskurser) as number[],
    namn: row.namn,
    datum: row.datum,
    status: row.status,
  };
}

export function getDialog(db: Database, id: number): Resultatdialog {
  const row = db.prepare(`${RAD_SELECT} WHERE d.id = ?`).get(id) as DialogRow | undefined;
  if (!row) throw new AppError('not_found', 'Resultatdialogen finns inte.');
  const fragor = db
    .prepare(
      `SELECT f.fraga_id AS fragaId, b.text, f.ordning, f.svar FROM resultatdialog_fraga f
       JOIN fragebank b ON b.id = f.fraga_id WHERE f.resultatdialog_id = ? ORDER BY f.ordning, b.id`,
    )
    .all(id) as Resultatdialog['fragor'];
  return { ...row, arskurser: JSON.parse(row.arskurser) as number[], fragor };
}

export function listDialoger(db: Database, varvId: number): ResultatdialogRad[] {
  return (db.prepare(`${RAD_SELECT} WHERE d.varv_id = ? ORDER BY d.datum, d.namn`).all(varvId) as DialogRow[]).map(toRad);
}

/** The varv asked for, or the current one of the current läsår. */
export function resolveVarvId(ctx: HandlerContext, varvId: number | null): number {
  if (varvId !== null) {
    if (!ctx.db.prepare('SELECT 1 FROM varv WHERE id = ?').get(varvId)) throw new AppError('not_found', 'Varvet finns inte.');
    return varvId;
  }
  const lasar = currentLasar(ctx.db, today(ctx));
  const varv = lasar ? findCurrentVarv(listVarv(ctx.db, lasar.id), today(ctx)) : null;
  if (!varv) throw new AppError('not_found', 'Läsåret har inga varv ännu. Planera varven under Förberedelse först.');
  return varv.id;
}

function nyckelFor(args: ResultatdialogCreateArgs): string {
  if (args.omfattning === 'larare') return `larare:${args.larareId}`;
  if (args.omfattning === 'amneslag') return `amneslag:${args.amneId}`;
  return `arbetslag:${[...new Set(args.arskurser)].sort((a, b) => a - b).join(',')}`;
}

function arskurserText(arskurser: number[]): string {
  const sorted = [...new Set(arskurser)].sort((a, b) => a - b);
  const consecutive = sorted.every((a, i) => i === 0 || a === (sorted[i - 1] as number) + 1);
  if (sorted.length > 2 && consecutive) return `åk ${arskursText(sorted[0] as number)}–${arskursText(sorted[sorted.length - 1] as number)}`;
  return `åk ${sorted.map(arskursText).join(', ')}`;
}

function namnFor(db: Database, args: ResultatdialogCreateArgs): string {
  if (args.omfattning === 'larare') {
    const namn = db.prepare("SELECT fornamn || ' ' || efternamn FROM personal WHERE id = ?").pluck().get(args.larareId) as string | undefined;
    if (!namn) throw new AppError('not_found', 'Läraren finns inte i personalregistret.');
    return namn;
  }
  if (args.omfattning === 'amneslag') {
    const amne = db.prepare('SELECT namn FROM amne WHERE id = ?').pluck().get(args.amneId) as string | undefined;
    if (!amne) throw new AppError('not_found', 'Ämnet finns inte.');
    return `Ämneslag ${amne.toLowerCase()}`;
  }
  return `Arbetslag ${arskurserText(args.arskurser)}`;
}

export function dialogVy(db: Database, id: number): ResultatdialogVy {
  const dialog = getDialog(db, id);
  const foregaende = dialog.foregaendeId !== null ? getDialog(db, dialog.foregaendeId) : null;
  const analys = kriterieAnalys(db, dialog.varvId, dialog);
  return { dialog, foregaende, analys };
}

function createDialog(ctx: HandlerContext, args: ResultatdialogCreateArgs): number {
  const db = ctx.db;
  const varv = db.prepare('SELECT id, lasar_id AS lasarId, nummer, resultatdialog_datum AS datum FROM varv WHERE id = ?').get(args.varvId) as
    | { id: number; lasarId: number; nummer: number; datum: string | null }
    | undefined;
  if (!varv) throw new AppError('not_found', 'Varvet finns inte.');
  const nyckel = nyckelFor(args);
  const finns = db.prepare('SELECT id FROM resultatdialog WHERE varv_id = ? AND omfattning_nyckel = ?').pluck().get(varv.id, nyckel);
  if (finns) throw new AppError('conflict', `Det finns redan en resultatdialog med ${namnFor(db, args)} i varv ${varv.nummer}.`);
  // The same scope's latest dialogue in an earlier varv: its plan is followed up in this one.
  const foregaende = db
    .prepare(
      `SELECT d.id FROM resultatdialog d JOIN varv v ON v.id = d.varv_id
       WHERE d.omfattning_nyckel = ? AND (v.lasar_id < ? OR (v.lasar_id = ? AND v.nummer < ?))
       ORDER BY v.lasar_id DESC, v.nummer DESC LIMIT 1`,
    )
    .pluck()
    .get(nyckel, varv.lasarId, varv.lasarId, varv.nummer) as number | undefined;
  const nu = instant(ctx);
  const arskurser = args.omfattning === 'arbetslag' ? [...new Set(args.arskurser)].sort((a, b) => a - b) : [];
  const id = Number(
    db
      .prepare(
        `INSERT INTO resultatdialog (varv_id, omfattning, larare_id, amne_id, arskurser, omfattning_nyckel, namn, datum,
           foregaende_id, skapad, uppdaterad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        varv.id,
        args.omfattning,
        args.omfattning === 'larare' ? args.larareId : null,
        args.omfattning === 'amneslag' ? args.amneId : null,
        JSON.stringify(arskurser),
        nyckel,
        namnFor(db, args),
        args.datum ?? varv.datum ?? today(ctx),
        foregaende ?? null,
        nu,
        nu,
      ).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO resultatdialog_fraga (resultatdialog_id, fraga_id, ordning) VALUES (?, ?, ?)');
  listFragor(db, false).forEach((f, i) => insert.run(id, f.id, i + 1));
  return id;
}

const FALT = {
  iakttagelser: 'iakttagelser',
  forandring: 'forandring',
  forvantadEffekt: 'forvantad_effekt',
  uppfoljningPlan: 'uppfoljning_plan',
  hurGickDet: 'hur_gick_det',
  foregaendeEffekt: 'foregaende_effekt',
  datum: 'datum',
  status: 'status',
} as const;

export function resultatdialogVal(db: Database, day: string): ResultatdialogVal {
  const lasar = currentLasar(db, day);
  const lasarId = lasar?.id ?? -1;
  const rows = db
    .prepare(
      `SELECT p.id, p.fornamn || ' ' || p.efternamn AS namn, group_concat(DISTINCT g.namn) AS grupper
       FROM undervisning u JOIN personal p ON p.id = u.personal_id JOIN grupp g ON g.id = u.grupp_id
       WHERE g.lasar_id = ? AND p.aktiv = 1 GROUP BY p.id ORDER BY p.efternamn, p.fornamn`,
    )
    .all(lasarId) as { id: number; namn: string; grupper: string | null }[];
  const amnen = db
    .prepare(
      `SELECT DISTINCT a.id, a.namn FROM undervisning u JOIN amne a ON a.id = u.amne_id JOIN grupp g ON g.id = u.grupp_id
       WHERE g.lasar_id = ? ORDER BY a.namn`,
    )
    .all(lasarId) as { id: number; namn: string }[];
  const arskurser = db.prepare('SELECT DISTINCT arskurs FROM elev WHERE aktiv = 1 ORDER BY arskurs').pluck().all() as number[];
  return {
    larare: rows.map((r) => ({
      id: r.id,
      namn: r.namn,
      grupper: (r.grupper ?? '').split(',').filter(Boolean).sort((a, b) => a.localeCompare(b, 'sv', { numeric: true })),
    })),
    amnen,
    arskurser,
  };
}

export const resultatdialogHandlers: HandlerPart = {
  'resultatdialog:val': (_args, ctx) => resultatdialogVal(ctx.db, today(ctx)),
  'resultatdialog:list': (args, ctx) => listDialoger(ctx.db, resolveVarvId(ctx, args.varvId)),
  'resultatdialog:create': (args, ctx) =>
    dialogVy(
      ctx.db,
      ctx.db.transaction(() => {
        const id = createDialog(ctx, args);
        syncResultatdialogMote(ctx.db, args.varvId, today(ctx), instant(ctx));
        return id;
      })(),
    ),
  'resultatdialog:get': (args, ctx) => dialogVy(ctx.db, args.id),
  'resultatdialog:pdf': async (args, ctx) => resultatdialogPdf(ctx.db, dialogVy(ctx.db, args.id), ctx.now()),
  'resultatdialog:save': (args, ctx) => {
    const fore = getDialog(ctx.db, args.id);
    // Held means held: a dialogue dated after today cannot be marked done, nor a done one moved into the future.
    const datum = args.datum ?? fore.datum;
    const status = args.status ?? fore.status;
    if (status === 'genomford' && datum > today(ctx)) {
      throw new AppError(
        'invalid_argument',
        `Resultatdialogen är daterad ${formatDatum(datum)}, efter i dag. Markera den som genomförd när den har hållits, eller ändra datumet till den dag den hölls.`,
      );
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, column] of Object.entries(FALT) as [keyof typeof FALT, string][]) {
      const value = args[key];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    // Column names come from the constant map above, never from input.
    ctx.db.transaction(() => {
      ctx.db.prepare(`UPDATE resultatdialog SET ${[...sets, 'uppdaterad = ?'].join(', ')} WHERE id = ?`).run(...params, instant(ctx), args.id);
      // The varv's resultatdialog is held when every dialogue planned in it is (shared/domain/status.ts).
      syncResultatdialogMote(ctx.db, fore.varvId, today(ctx), instant(ctx));
    })();
    return getDialog(ctx.db, args.id);
  },
  'resultatdialog:setFragor': (args, ctx) => {
    const db = ctx.db;
    getDialog(db, args.id);
    db.transaction(() => {
      const ids = [...new Set(args.fragaIds)];
      for (const fid of ids) {
        if (!db.prepare('SELECT 1 FROM fragebank WHERE id = ?').get(fid)) throw new AppError('not_found', 'En av frågorna finns inte i frågebanken.');
      }
      db.prepare('DELETE FROM resultatdialog_fraga WHERE resultatdialog_id = ? AND fraga_id NOT IN (SELECT value FROM json_each(?))').run(
        args.id,
        JSON.stringify(ids),
      );
      const upsert = db.prepare(
        `INSERT INTO resultatdialog_fraga (resultatdialog_id, fraga_id, ordning) VALUES (?, ?, ?)
         ON CONFLICT (resultatdialog_id, fraga_id) DO UPDATE SET ordning = excluded.ordning`,
      );
      ids.forEach((fid, i) => upsert.run(args.id, fid, i + 1));
      db.prepare('UPDATE resultatdialog SET uppdaterad = ? WHERE id = ?').run(instant(ctx), args.id);
    })();
    return getDialog(db, args.id);
  },
  'resultatdialog:svar': (args, ctx) => {
    const changed = ctx.db
      .prepare('UPDATE resultatdialog_fraga SET svar = ? WHERE resultatdialog_id = ? AND fraga_id = ?')
      .run(args.svar, args.id, args.fragaId).changes;
    if (changed === 0) throw new AppError('not_found', 'Frågan hör inte till den här resultatdialogen.');
    ctx.db.prepare('UPDATE resultatdialog SET uppdaterad = ? WHERE id = ?').run(instant(ctx), args.id);
    return getDialog(ctx.db, args.id);
  },
  'resultatdialog:delete': (args, ctx) => {
    const db = ctx.db;
    db.transaction(() => {
      const d = getDialog(db, args.id);
      // A later dialogue that followed this one up keeps its text but loses the link.
      db.prepare('UPDATE resultatdialog SET foregaende_id = NULL WHERE foregaende_id = ?').run(args.id);
      db.prepare('DELETE FROM resultatdialog WHERE id = ?').run(args.id);
      syncResultatdialogMote(db, d.varvId, today(ctx), instant(ctx));
    })();
    return null;
  },
};
