// The audit hook of dispatch: runs a handler in one transaction together with the sealing of the entries its
// changes made (and the E entry of an export), so a change is never committed without its sealed entry. An async
// handler (backup, import, gallring) cannot sit in a synchronous transaction: its synchronous part is committed and
// sealed as before, what it writes after awaiting is sealed when it finishes.
import type { Database } from 'better-sqlite3';
import type { Channel } from '../../../shared/contract';
import type { HandlerContext } from '../context';
import { advanceAnchor } from './anchor';
import { exportEntryFor } from './exports';
import { hasAudit, logExport, sealAudit, whoAmI } from './seal';
import { confirmUtredningslage, forgetUtredningslage } from '../mote/utredningslage';

const audited = new WeakMap<Database, boolean>();
/** Async handlers still running per database: their unsealed rows are theirs, not leftovers of a crash. */
const inFlight = new WeakMap<Database, number>();

function ready(db: Database): boolean {
  let yes = audited.get(db);
  if (yes === undefined) {
    yes = hasAudit(db);
    audited.set(db, yes);
  }
  return yes;
}

function seal(ctx: HandlerContext, kanal: string): void {
  const db = ctx.db;
  if (db.open && ready(db)) sealAudit(db, { kanal, vem: whoAmI(ctx.mode), tid: ctx.now().toISOString() });
}

/** After a commit: the side file follows the chain's new head (a no-op inside a transaction). */
function anchor(ctx: HandlerContext): void {
  if (ctx.db.open && ready(ctx.db)) advanceAnchor(ctx.db);
}

/** Channels that open, close, re-key or replace the connection themselves: never inside a transaction of ours. */
function managesConnection(channel: Channel): boolean {
  return channel.startsWith('lock:') || channel === 'backup:restore' || channel === 'data:move';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function end(db: Database, sql: 'COMMIT' | 'ROLLBACK'): void {
  try {
    if (db.open && db.inTransaction) db.prepare(sql).run();
  } catch (error) {
    forgetUtredningslage(db);
    throw error;
  }
  // What a handler computed from its own transaction's state is the committed state now (mote/utredningslage.ts).
  if (sql === 'COMMIT') confirmUtredningslage(db);
  else forgetUtredningslage(db);
}

export async function runAudited(ctx: HandlerContext, channel: Channel, args: unknown, run: () => unknown): Promise<unknown> {
  const db = ctx.db;
  if (managesConnection(channel)) {
    try {
      return await run();
    } finally {
      if (ctx.db.open && (inFlight.get(ctx.db) ?? 0) === 0) {
        seal(ctx, channel);
        anchor(ctx);
      }
    }
  }
  if (!db.open || !ready(db)) return run();
  // Entries left unsealed by a process that died, a restored backup or a CLI run: sealed before anything new.
  if ((inFlight.get(db) ?? 0) === 0) seal(ctx, 'okänd (utanför appen eller avbruten)');
  const own = !db.inTransaction;
  if (own) db.prepare('BEGIN').run();
  let value: unknown;
  try {
    value = run();
    if (!isThenable(value)) {
      const entry = exportEntryFor(channel, args);
      if (entry) logExport(db, entry);
      seal(ctx, channel);
      if (own) end(db, 'COMMIT');
      anchor(ctx);
      return value;
    }
    seal(ctx, channel);
    if (own) end(db, 'COMMIT');
    anchor(ctx);
  } catch (error) {
    if (own) end(db, 'ROLLBACK');
    throw error;
  }
  inFlight.set(db, (inFlight.get(db) ?? 0) + 1);
  try {
    const result = await value;
    const entry = exportEntryFor(channel, args);
    if (entry && ctx.db.open && ready(ctx.db)) ctx.db.transaction(() => logExport(ctx.db, entry))();
    return result;
  } finally {
    inFlight.set(db, Math.max(0, (inFlight.get(db) ?? 1) - 1));
    seal(ctx, channel);
    anchor(ctx);
  }
}
