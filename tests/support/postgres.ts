// A private, throwaway PostgreSQL cluster for a test file: initdb into a temp folder, listening on a free loopback
// port only, password authentication over TCP (scram-sha-256), stopped and removed afterwards. Uses Debian's
// postgresql package (`apt-get install -y postgresql`, which .ci/run installs); run as root, the server runs as the
// `postgres` system user, as PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './host';

export interface PgCluster {
  /** postgres:// address of the superuser on the cluster's own database. */
  url(user?: string, password?: string, database?: string): string;
  password: string;
  port: number;
  stop(): void;
}

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort() : [];
  const v = versions.at(-1);
  if (!v) throw new Error('PostgreSQL saknas: installera med apt-get install -y postgresql (.ci/run gör det).');
  return path.join(base, v, 'bin');
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varvet-pg-'));
  const data = path.join(dir, 'data');
  const password = crypto.randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'pw'), password);
  if (root) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const full = root ? ['-u', 'postgres', '--', path.join(bin, cmd), ...args] : args;
    const r = spawnSync(root ? 'runuser' : path.join(bin, cmd), full, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} misslyckades: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${path.join(dir, 'pw')}`, '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    password,
    port,
    url: (user = 'postgres', pw = password, database = 'postgres') => `postgres://${user}:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
