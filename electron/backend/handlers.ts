// The handler table: every contract channel gets exactly one handler. Parts come from each service module and are
// merged here; a duplicate or a missing channel throws at start-up, not at the first call.
import { CHANNELS, contract, isChannel, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/contract';
import { AppError, INTERNAL_ERROR_MESSAGE, type Reply } from '../../shared/errors';
import { describeZodError } from '../../shared/validation';
import type { HandlerContext } from './context';
import { translateSqliteError } from './db/errors';
import { runAudited } from './audit/run';

export type Handler<C extends Channel> = (
  args: ParsedArgsOf<C>,
  ctx: HandlerContext,
) => ResultOf<C> | Promise<ResultOf<C>>;

export type HandlerPart = { [C in Channel]?: Handler<C> };
export type HandlerTable = { [C in Channel]: Handler<C> };

export function buildHandlerTable(...parts: HandlerPart[]): HandlerTable {
  const table: Partial<Record<Channel, unknown>> = {};
  for (const part of parts) {
    for (const name of Object.keys(part)) {
      if (!isChannel(name)) throw new Error(`Handler for a channel that is not in the contract: ${name}`);
      if (name in table) throw new Error(`Duplicate handler for channel ${name}`);
      table[name] = part[name];
    }
  }
  const missing = CHANNELS.filter((c) => !(c in table));
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`);
  return table as HandlerTable;
}

export type Logger = (message: string, error: unknown) => void;

const defaultLogger: Logger = (message, error) => console.error(message, error);

/** Parses the arguments at the boundary and always answers with a Reply; never throws. */
export async function dispatch(
  table: HandlerTable,
  ctx: HandlerContext,
  channel: string,
  rawArgs: unknown,
  log: Logger = defaultLogger,
): Promise<Reply<unknown>> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: 'Funktionen finns inte i den här versionen av Varvet.' } };
  }
  const parsed = contract[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_argument', message: describeZodError(parsed.error) } };
  }
  try {
    const handler = table[channel] as (args: unknown, ctx: HandlerContext) => unknown;
    // Audit log (electron/backend/audit/run.ts): the handler's changes and their sealed entries commit together.
    const value = await runAudited(ctx, channel, parsed.data, () => handler(parsed.data, ctx));
    return { ok: true, value };
  } catch (error) {
    const known = error instanceof AppError ? error : translateSqliteError(error);
    if (known) return { ok: false, error: known.toJSON() };
    log(`Oväntat fel i ${channel}`, error);
    return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
  }
}
