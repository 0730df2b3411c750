// Statements prepared once per connection, for the reads and writes that run on every agenda, evaluation and
// insats: compiling them again on each call cost more than running most of them.
import type { Database, Statement } from 'better-sqlite3';

const statements = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement prepared once per connection. The agenda runs the same two dozen statements on every call, and
 * compiling them again each time cost more than running most of them. `pluck` is set on every use, so one cached
 * statement never leaks its mode into another caller.
 */
export function prepared(db: Database, sql: string, opts: { pluck?: boolean } = {}): Statement {
  let map = statements.get(db);
  if (!map) {
    map = new Map();
    statements.set(db, map);
  }
  let statement = map.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    map.set(sql, statement);
  }
  // pluck() exists only for statements that return rows.
  return statement.reader ? statement.pluck(opts.pluck === true) : statement;
}
