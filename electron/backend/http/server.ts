// Browser mode: the same handler table behind a small HTTP host on 127.0.0.1, which also serves the built
// renderer. The token reaches the page in the URL fragment (never sent to a server, never in the served HTML),
// so another local user who can reach the port still cannot call the API.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER, createToken, hostAllowed, originAllowed, tokenMatches } from './security';

export interface ServerOptions {
  backend: Backend;
  rendererDir: string;
  /** 0 or absent: a random free port. */
  port?: number;
  token?: string;
  /** Largest request body accepted (bytes); default 64 MB. Tests lower it. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  /** The address to open: url with the token in the fragment. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * The body, or null when it is over `max`. Issue 16: an oversized body used to destroy the socket, so the client saw
 * a reset connection instead of the 413. Now the rest is read and dropped (nothing kept in memory) and the 413 is
 * sent; a declared Content-Length over the limit is answered at once, with the connection closed after it.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > max) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tooLarge(res: http.ServerResponse, max: number): void {
  res.setHeader('Connection', 'close');
  const mb = Math.max(1, Math.round(max / (1024 * 1024)));
  refuse(res, 413, 'invalid_argument', `Anropet är för stort (högst ${mb} MB), så ingenting har sparats. Dela upp filen eller ändringen i mindre delar.`);
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string, options: { backend: Backend; token: string; port: number; maxBody: number }) {
  if (req.method !== 'POST') return refuse(res, 405, 'invalid_argument', 'Anropet måste göras med POST.');
  // A page from another site (even with a stolen token) is refused: browsers always send Origin on a POST.
  if (!originAllowed(req.headers.origin, options.port)) {
    return refuse(res, 403, 'unauthorized', 'Anropet kommer från en annan webbplats än Varvet och har avvisats.');
  }
  if (!tokenMatches(options.token, req.headers[TOKEN_HEADER])) {
    return refuse(res, 401, 'unauthorized', 'Anropet saknar giltig nyckel. Öppna Varvet via adressen som skrevs ut när det startade.');
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(res, 415, 'invalid_argument', 'Anropet måste skickas som JSON.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > options.maxBody) {
    tooLarge(res, options.maxBody);
    req.resume();
    return;
  }
  const body = await readBody(req, options.maxBody);
  if (body === null) return tooLarge(res, options.maxBody);
  let args: unknown;
  try {
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return refuse(res, 400, 'invalid_argument', 'Anropet är inte giltig JSON.');
  }
  sendJson(res, 200, await options.backend.dispatch(channel, args));
}

function serveStatic(res: http.ServerResponse, rendererDir: string, urlPath: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    // A malformed escape (/%) used to throw out of the request handler and stop the host.
    return send(res, 400, 'text/plain; charset=utf-8', 'Adressen är ogiltig.');
  }
  const relative = urlPath === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(rendererDir, relative);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return send(res, 503, 'text/plain; charset=utf-8', 'Gränssnittet är inte byggt. Kör "npm run build:renderer" och starta om.');
  }
  // No source maps (issue 16): they would hand out the whole source; the bundle does not reference them either.
  if (path.extname(file) === '.map') return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Finns inte.');
  send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? createToken();
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    if (!hostAllowed(req.headers.host, port)) {
      return refuse(res, 403, 'unauthorized', 'Varvet svarar bara på adresser på den egna datorn.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length), { backend: options.backend, token, port, maxBody: options.maxBodyBytes ?? MAX_BODY }).catch(() =>
        refuse(res, 500, 'internal', 'Något gick fel i Varvet.'),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_argument', 'Metoden stöds inte.');
    serveStatic(res, options.rendererDir, url.pathname);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
