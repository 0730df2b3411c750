// Browser mode's guards: a secret token on every API call, loopback Host only (DNS rebinding), no CORS.
import { timingSafeEqual, randomBytes } from 'node:crypto';

export const TOKEN_HEADER = 'x-varvet-token';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An API call's Origin: absent (not a browser page) or this host's own loopback origin; anything else is refused. */
export function originAllowed(origin: string | string[] | undefined, port: number): boolean {
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin.toLowerCase());
}

/** Only the names this host is reached by on loopback, with its own port; anything else may be DNS rebinding. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}
