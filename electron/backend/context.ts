// What every handler gets: the open database and the clock. No globals, so tests can run many backends at once.
import type { Database } from 'better-sqlite3';
import { toIsoDate } from '../../shared/calendar';

export interface HandlerContext {
  db: Database;
  dataDir: string;
  mode: 'electron' | 'browser';
  schemaVersion: number;
  now(): Date;
}

export function today(ctx: Pick<HandlerContext, 'now'>): string {
  return toIsoDate(ctx.now());
}

export function instant(ctx: Pick<HandlerContext, 'now'>): string {
  return ctx.now().toISOString();
}
