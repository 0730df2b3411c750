// Ledarhandling 1, "Inventering av verktyg": the school's documentation tools and, per tool, the seven
// capabilities of seed 001 as ja/delvis/nej with a comment.
import type { Database } from 'better-sqlite3';
import type { Verktyg } from '../../../shared/channels/plan';
import { VERKTYG_FORMAGA_KEYS, type FormagaVarde, type VerktygFormaga } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import { instant } from '../context';
import type { HandlerPart } from '../handlers';

interface VerktygRow {
  id: number;
  namn: string;
  beskrivning: string;
}

interface FormagaRow {
  verktyg_id: number;
  formaga: VerktygFormaga;
  varde: FormagaVarde | null;
  kommentar: string;
  uppdaterad: string | null;
}

function emptyFormagor(): Verktyg['formagor'] {
  const out = {} as Verktyg['formagor'];
  for (const key of VERKTYG_FORMAGA_KEYS) out[key] = { varde: null, kommentar: '', uppdaterad: null };
  return out;
}

export function listVerktyg(db: Database): Verktyg[] {
  const rows = db.prepare('SELECT id, namn, beskrivning FROM verktyg ORDER BY ordning, id').all() as VerktygRow[];
  const formagor = db.prepare('SELECT verktyg_id, formaga, varde, kommentar, uppdaterad FROM verktyg_formaga').all() as FormagaRow[];
  return rows.map((r) => {
    const f = emptyFormagor();
    for (const row of formagor) if (row.verktyg_id === r.id) f[row.formaga] = { varde: row.varde, kommentar: row.kommentar, uppdaterad: row.uppdaterad };
    return { ...r, formagor: f };
  });
}

export function getVerktyg(db: Database, id: number): Verktyg {
  const found = listVerktyg(db).find((v) => v.id === id);
  if (!found) throw new AppError('not_found', `Verktyget med id ${id} finns inte i inventeringen.`);
  return found;
}

export function createVerktyg(db: Database, input: { namn: string; beskrivning: string }, now: string): Verktyg {
  const ordning = (db.prepare('SELECT coalesce(max(ordning), 0) + 1 FROM verktyg').pluck().get() as number) ?? 1;
  const id = db
    .prepare('INSERT INTO verktyg (namn, beskrivning, ordning, skapad) VALUES (?, ?, ?, ?)')
    .run(input.namn, input.beskrivning, ordning, now).lastInsertRowid;
  return getVerktyg(db, Number(id));
}

export const verktygHandlers: HandlerPart = {
  'verktyg:list': (_args, ctx) => listVerktyg(ctx.db),
  'verktyg:create': (args, ctx) => createVerktyg(ctx.db, args, instant(ctx)),
  'verktyg:update': (args, ctx) => {
    getVerktyg(ctx.db, args.id);
    ctx.db.prepare('UPDATE verktyg SET namn = ?, beskrivning = ? WHERE id = ?').run(args.namn, args.beskrivning, args.id);
    return getVerktyg(ctx.db, args.id);
  },
  'verktyg:setFormaga': (args, ctx) => {
    getVerktyg(ctx.db, args.verktygId);
    ctx.db
      .prepare(
        `INSERT INTO verktyg_formaga (verktyg_id, formaga, varde, kommentar, uppdaterad) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (verktyg_id, formaga) DO UPDATE SET varde = excluded.varde, kommentar = excluded.kommentar,
           uppdaterad = excluded.uppdaterad`,
      )
      .run(args.verktygId, args.formaga, args.varde, args.kommentar, instant(ctx));
    return getVerktyg(ctx.db, args.verktygId);
  },
  'verktyg:delete': (args, ctx) => {
    const changes = ctx.db.prepare('DELETE FROM verktyg WHERE id = ?').run(args.id).changes;
    if (changes === 0) throw new AppError('not_found', `Verktyget med id ${args.id} finns inte i inventeringen.`);
    return null;
  },
};
