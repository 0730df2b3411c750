// Browser mode keeps one address per data folder: the page's local storage (its unconfirmed drafts) belongs to the
// page's origin, so a host that came back on another port would hide text typed while it was down. The port used is
// remembered in the data folder and used again at the next start unless another program has taken it.
import fs from 'node:fs';
import path from 'node:path';

export const PORT_FILE = 'webblasarlage.json';

/** The port remembered for this data folder, or null (none yet, or an unreadable file: a new one is chosen). */
export function rememberedPort(dataDir: string): number | null {
  try {
    const value = (JSON.parse(fs.readFileSync(path.join(dataDir, PORT_FILE), 'utf8')) as { port?: unknown }).port;
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 65535 ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the port (written whole: a temporary file renamed into place). A read-only folder only loses the memory. */
export function rememberPort(dataDir: string, port: number): void {
  const file = path.join(dataDir, PORT_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify({ port })}\n`);
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing to clean.
    }
  }
}

export function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/**
 * Listens on the port asked for (--port), else on the one remembered for the folder, else on a free one; a remembered
 * port another program holds gives way to a free one (`moved` says so). The port used is remembered.
 */
export async function listenForFolder<T extends { port: number }>(
  dataDir: string,
  asked: number,
  listen: (port: number) => Promise<T>,
): Promise<{ server: T; moved: number | null }> {
  const remembered = asked === 0 ? rememberedPort(dataDir) : null;
  let server: T;
  let moved: number | null = null;
  if (remembered !== null) {
    try {
      server = await listen(remembered);
    } catch (error) {
      if (!isAddressInUse(error)) throw error;
      moved = remembered;
      server = await listen(0);
    }
  } else {
    server = await listen(asked);
  }
  if (server.port !== remembered) rememberPort(dataDir, server.port);
  return { server, moved };
}
