// The renderer's one door to the backend. In Electron the preload gives window.varvet; in browser mode the same
// contract goes over HTTP to the local host with the access token. Callers only see typed results or an ApiError.
import type { ArgsOf, Channel, ResultOf, VarvetApi } from '../../shared/contract';
import type { ErrorCode, Reply } from '../../shared/errors';
import { readToken } from './token';

declare global {
  interface Window {
    varvet?: VarvetApi;
  }
}

/** 'network' when the backend could not be reached at all (browser mode with the host stopped). */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

// Said for reads and writes alike, so it claims nothing about what was saved: autosaved text stays in its local draft
// and is sent again, and a write that never reached the host changed nothing.
const UNREACHABLE = 'Varvet svarar inte. Kontrollera att Varvet fortfarande är igång och försök sedan igen.';
const NO_TOKEN = 'Åtkomstnyckel saknas. Öppna Varvet via adressen som skrevs ut när det startade.';

export function isElectron(): boolean {
  return typeof window.varvet !== 'undefined';
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

async function invokeHttp(channel: Channel, args: unknown): Promise<Reply<unknown>> {
  const token = readToken();
  if (!token) throw new ApiError('unauthorized', NO_TOKEN);
  let response: Response;
  try {
    response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-varvet-token': token },
      body: JSON.stringify(args),
    });
  } catch {
    throw new ApiError('network', UNREACHABLE);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('network', UNREACHABLE);
  }
  if (!isReply(body)) throw new ApiError('internal', UNREACHABLE);
  return body;
}

export async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const bridge = window.varvet;
  const reply: Reply<unknown> = bridge ? await bridge.invoke(channel, args) : await invokeHttp(channel, args);
  if (!reply.ok) {
    // A damaged database found mid-work: the app leaves its screens for the gate, which offers the backups.
    if (reply.error.code === 'database_corrupt' && !channel.startsWith('backup:')) {
      window.dispatchEvent(new CustomEvent('varvet:database-corrupt', { detail: reply.error.message }));
    }
    // Locked meanwhile (idle lock in another window, a restarted host): show the lock screen (lock/session.ts).
    if (reply.error.code === 'locked' && !channel.startsWith('lock:')) window.dispatchEvent(new CustomEvent('varvet:locked'));
    throw new ApiError(reply.error.code, reply.error.message);
  }
  // The reply's value was produced by this channel's handler; the contract ties the two types together.
  return reply.value as ResultOf<C>;
}

/** The Swedish text to show for any failure; never a stack trace. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Något gick fel i Varvet. Försök igen, och starta om programmet om felet kvarstår.';
}
