// The Logg screen's reads: a filtered page of the audit log, newest first, and the chain's status.
import type { Database } from 'better-sqlite3';
import type { AuditOperation, LoggKedja, LoggPost, LoggSida } from '../../../shared/channels/audit';
import type { ParsedArgsOf } from '../../../shared/contract';
import type { AuditRow } from '../audit/seal';
import { verifyAuditChain } from '../audit/verify';
import type { HandlerPart } from '../handlers';

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { varde: value };
}

function toPost(r: AuditRow): LoggPost {
  return {
    id: r.id,
    tid: r.tid,
    vem: r.vem,
    kanal: r.kanal,
    tabell: r.tabell,
    radId: r.rad_id,
    elevId: r.elev_id,
    operation: r.operation as AuditOperation,
    fore: parse(r.fore),
    efter: parse(r.efter),
    gallrad: r.gallrad === 1,
  };
}

export function listLogg(db: Database, args: ParsedArgsOf<'logg:list'>): LoggSida {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (args.tabell) (where.push('tabell = ?'), params.push(args.tabell));
  if (args.kanal) (where.push('kanal = ?'), params.push(args.kanal));
  if (args.operation) (where.push('operation = ?'), params.push(args.operation));
  if (args.elevId) (where.push('elev_id = ?'), params.push(args.elevId));
  if (args.fran) (where.push('tid >= ?'), params.push(args.fran));
  // tid is an ISO instant: everything on the last day sorts below the next day's date.
  if (args.till) (where.push("tid < date(?, '+1 day')"), params.push(args.till));
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const totalt = db.prepare(`SELECT count(*) FROM audit_logg ${filter}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT * FROM audit_logg ${filter} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, args.limit, args.offset) as AuditRow[];
  const tabeller = db.prepare('SELECT DISTINCT tabell FROM audit_logg WHERE tabell IS NOT NULL ORDER BY tabell').pluck().all() as string[];
  const kanaler = db.prepare('SELECT DISTINCT kanal FROM audit_logg WHERE kanal IS NOT NULL ORDER BY kanal').pluck().all() as string[];
  return { poster: rows.map(toPost), totalt, tabeller, kanaler };
}

export function kedjaStatus(db: Database): LoggKedja {
  const r = verifyAuditChain(db);
  const text = r.ok
    ? `Loggkedjan är hel (${r.entries} poster).`
    : `Loggkedjan är bruten vid post ${r.firstBroken?.id ?? '?'}: ${r.firstBroken?.reason ?? 'okänt fel'}.`;
  return {
    ok: r.ok,
    poster: r.entries,
    oforseglade: r.unsealed,
    forstaBrutna: r.firstBroken ? { id: r.firstBroken.id, orsak: r.firstBroken.reason } : null,
    text,
  };
}

export const loggHandlers: HandlerPart = {
  'logg:list': (args, ctx) => listLogg(ctx.db, args),
  'logg:verify': (_args, ctx) => kedjaStatus(ctx.db),
};
