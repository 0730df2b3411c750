// `varvet huvudman serve`: the förvaltning's view in the browser, with browser mode's guards — loopback only, the
// Host header checked (DNS rebinding), a secret token on every data request (given in the address's fragment), a
// strict CSP and no CORS. Every request takes in the inbox first, so a report delivered a minute ago is shown.
import http from 'node:http';
import { CONTENT_SECURITY_POLICY, createToken, hostAllowed, TOKEN_HEADER, tokenMatches } from '../http/security';
import { jamfor, jamforelseCsv } from './jamfor';
import { koppla, senasteRapporter, taEmot, type Koppling } from './pg';
import { HUB_PAGE, HUB_SCRIPT, HUB_STYLE } from './sida';

export interface HubServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHub(opts: { pgUrl: string; port?: number }): Promise<HubServer> {
  const client: Koppling = await koppla(opts.pgUrl);
  const token = createToken();
  let port = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /** One request at a time on the one connection. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const data = () =>
    serial(async () => {
      const intag = await taEmot(client);
      return { jamforelse: jamfor(await senasteRapporter(client)), avvisade: intag.avvisade };
    });

  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    if (!hostAllowed(req.headers.host, port)) return send(421, 'text/plain; charset=utf-8', 'Fel värdnamn.');
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', HUB_PAGE);
    if (req.method === 'GET' && path === '/hub.js') return send(200, 'text/javascript; charset=utf-8', HUB_SCRIPT);
    if (req.method === 'GET' && path === '/hub.css') return send(200, 'text/css; charset=utf-8', HUB_STYLE);
    if (req.method === 'POST' && (path === '/api/jamforelse' || path === '/api/export.csv')) {
      if (!tokenMatches(token, req.headers[TOKEN_HEADER])) return send(401, 'application/json; charset=utf-8', JSON.stringify({ fel: 'Åtkomstnyckeln saknas eller är fel. Öppna adressen som skrevs ut när huvudmannens vy startade.' }));
      data().then(
        (d) =>
          path === '/api/jamforelse'
            ? send(200, 'application/json; charset=utf-8', JSON.stringify(d))
            : send(200, 'text/csv; charset=utf-8', jamforelseCsv(d.jamforelse)),
        () => send(503, 'application/json; charset=utf-8', JSON.stringify({ fel: 'Huvudmannens databas svarar inte just nu. Försök igen om en stund.' })),
      );
      return;
    }
    send(404, 'text/plain; charset=utf-8', 'Sidan finns inte.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.end();
    },
  };
}
