// The skolledning's question bank for resultatdialoger ("Tillsammans i ledningsgruppen utformar ni de frågor ni
// vill ställa till lärarna", seed 001): written once, reused every varv.
import type { Database } from 'better-sqlite3';
import type { Fraga } from '../../../shared/channels/uppfoljning';
import { AppError } from '../../../shared/errors';
import { instant } from '../context';
import type { HandlerPart } from '../handlers';

type FragaRow = Omit<Fraga, 'aktiv'> & { aktiv: number };

export function listFragor(db: Database, inklusiveInaktiva: boolean): Fraga[] {
  const rows = db
    .prepare(`SELECT id, text, aktiv, ordning FROM fragebank ${inklusiveInaktiva ? '' : 'WHERE aktiv = 1'} ORDER BY ordning, id`)
    .all() as FragaRow[];
  return rows.map((r) => ({ ...r, aktiv: r.aktiv === 1 }));
}

function getFraga(db: Database, id: number): Fraga {
  const row = db.prepare('SELECT id, text, aktiv, ordning FROM fragebank WHERE id = ?').get(id) as FragaRow | undefined;
  if (!row) throw new AppError('not_found', 'Frågan finns inte i frågebanken.');
  return { ...row, aktiv: row.aktiv === 1 };
}

export const fragebankHandlers: HandlerPart = {
  'fragebank:list': (args, ctx) => listFragor(ctx.db, args.inklusiveInaktiva),
  'fragebank:save': (args, ctx) => {
    if (args.id === null) {
      const ordning = (ctx.db.prepare('SELECT coalesce(max(ordning), 0) + 1 FROM fragebank').pluck().get() as number) ?? 1;
      const id = ctx.db
        .prepare('INSERT INTO fragebank (text, aktiv, ordning, skapad) VALUES (?, ?, ?, ?)')
        .run(args.text, args.aktiv ? 1 : 0, ordning, instant(ctx)).lastInsertRowid;
      return getFraga(ctx.db, Number(id));
    }
    getFraga(ctx.db, args.id);
    ctx.db.prepare('UPDATE fragebank SET text = ?, aktiv = ? WHERE id = ?').run(args.text, args.aktiv ? 1 : 0, args.id);
    return getFraga(ctx.db, args.id);
  },
  'fragebank:move': (args, ctx) => {
    const db = ctx.db;
    db.transaction(() => {
      const alla = listFragor(db, true);
      const index = alla.findIndex((f) => f.id === args.id);
      if (index < 0) throw new AppError('not_found', 'Frågan finns inte i frågebanken.');
      const other = args.riktning === 'upp' ? index - 1 : index + 1;
      if (other < 0 || other >= alla.length) return;
      const order = alla.map((f) => f.id);
      [order[index], order[other]] = [order[other] as number, order[index] as number];
      const update = db.prepare('UPDATE fragebank SET ordning = ? WHERE id = ?');
      order.forEach((fid, i) => update.run(i + 1, fid));
    })();
    return listFragor(db, true);
  },
};
