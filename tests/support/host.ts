// Starts the real browser-mode host (`varvet serve`) as a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { CLI, REPO_ROOT } from './tmp';

export interface Host {
  /** The address to open, with the token in the fragment. */
  url: string;
  baseUrl: string;
  token: string;
  output(): string;
  /** Graceful stop (SIGTERM), waits for exit. */
  stop(): Promise<void>;
  /** kill -9, waits for exit. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function startHost(options: { dataDir: string; port?: number; env?: NodeJS.ProcessEnv }): Promise<Host> {
  const args = [CLI, 'serve', '--data', options.dataDir];
  if (options.port) args.push('--port', String(options.port));
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Host did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const [, baseUrl = '', token = ''] = match;
      resolve({
        url: `${baseUrl}#token=${token}`,
        baseUrl,
        token,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          await waitForExit(child);
        },
        kill: async () => {
          child.kill('SIGKILL');
          await waitForExit(child);
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Host exited with ${code} before it started:\n${output}`));
    });
  });
}

/** Calls the API as the page does. */
export async function callApi(host: Pick<Host, 'baseUrl' | 'token'>, channel: string, args: unknown = {}): Promise<unknown> {
  const response = await fetch(`${host.baseUrl}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-varvet-token': host.token },
    body: JSON.stringify(args),
  });
  return response.json();
}

/** A loopback port free right now: a host restarted on it keeps the page's origin, and so its local storage. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
