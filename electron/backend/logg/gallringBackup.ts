// Gallring in the backups: every backup written before the gallring holds the removed data, and restoring one would
// bring it back. So a fresh verified backup is written first (there is never a moment without one), then the older
// backups are deleted. The preview lists them, and the confirm dialog says so.
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../context';
import { keeperOf, listBackups } from '../backup/index';
import { sidecarName } from '../backup/names';
import { backupDir } from '../paths';

export function sakerhetskopiorAttGallra(ctx: HandlerContext): string[] {
  return listBackups(ctx.dataDir).map((b) => b.file);
}

export async function gallraSakerhetskopior(ctx: HandlerContext): Promise<{ ny: string | null; borttagna: string[] }> {
  const fore = sakerhetskopiorAttGallra(ctx);
  // prune: false, so retention cannot pick among the old ones while they are being removed here.
  const ny = await keeperOf(ctx).backup('manuell', false);
  const dir = backupDir(ctx.dataDir);
  const borttagna: string[] = [];
  for (const file of fore) {
    if (file === ny.file) continue;
    fs.rmSync(path.join(dir, file), { force: true });
    fs.rmSync(path.join(dir, sidecarName(file)), { force: true });
    borttagna.push(file);
  }
  return { ny: ny.file, borttagna };
}
