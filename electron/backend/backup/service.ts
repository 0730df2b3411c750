// Handlers for Säkerhetskopior and the data folder's location (issue 8). The work is in backup/ and dataLocation.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataLocation, DataMoveResult, RestoreResult } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import { backupFailure, backupTo, keeperOf, listBackups } from './index';
import { copyKeyFile } from '../lock/keyFile';
import { hasAudit } from '../audit/seal';
import type { HandlerContext } from '../context';
import { assessDataLocation, readMounts } from '../dataLocation';
import type { HandlerPart } from '../handlers';
import { databasePath } from '../paths';

/**
 * A restore replaces every row at once, beneath the triggers: the restored database's audit log records that it
 * happened, from which backup and where the state before it was kept (sealed by dispatch as channel backup:restore).
 */
function logRestore(ctx: HandlerContext, result: RestoreResult): void {
  if (!hasAudit(ctx.db)) return;
  const efter = {
    fran: result.restored.file,
    tagen: result.restored.time,
    fore: result.undo?.file ?? null,
    skadadFlyttadTill: result.damaged ? path.basename(result.damaged) : null,
  };
  ctx.db
    .prepare("INSERT INTO audit_logg (tabell, rad_id, elev_id, operation, fore, efter) VALUES ('aterstallning', ?, NULL, 'I', NULL, ?)")
    .run(result.restored.file, JSON.stringify(efter));
}

export function dataLocationOf(ctx: Pick<HandlerContext, 'dataDir'>): DataLocation {
  return assessDataLocation(ctx.dataDir, { platform: process.platform, env: process.env, home: os.homedir(), mounts: readMounts() });
}

/** Copies the open database through the backup API into `to` (which must not hold a database already). */
export async function moveDataTo(ctx: HandlerContext, to: string): Promise<DataMoveResult> {
  // Only a full path: a relative one would depend on where the host happened to be started.
  if (!path.isAbsolute(to)) throw new AppError('invalid_argument', 'Ange mappen med hela sökvägen, till exempel C:\\Users\\namn\\Varvet.');
  const target = path.resolve(to);
  if (path.resolve(ctx.dataDir) === target) throw new AppError('conflict', 'Datamappen ligger redan där.');
  const file = databasePath(target);
  if (fs.existsSync(file)) throw new AppError('conflict', `Det finns redan en Varvet-databas i ${target}. Välj en annan mapp.`);
  try {
    fs.mkdirSync(target, { recursive: true });
  } catch (error) {
    throw backupFailure(error);
  }
  copyKeyFile(ctx.dataDir, target); // an encrypted copy needs its nyckel.json (lock/keyFile.ts)
  await backupTo(ctx.db, file);
  const instruction =
    `En kopia av databasen finns nu i ${target}. Avsluta Varvet och starta det med den nya mappen ` +
    `(kommandoraden: --data "${target}", eller miljövariabeln VARVET_DATA). Den gamla mappen ligger kvar tills du tar bort den.`;
  return { dataDir: target, instruction };
}

export const backupHandlers: HandlerPart = {
  'backup:list': (_args, ctx) => ({ backups: listBackups(ctx.dataDir), lastError: keeperOf(ctx).lastError }),
  'backup:create': (_args, ctx) => keeperOf(ctx).backup('manuell'),
  'backup:restore': async (args, ctx) => {
    const result = await keeperOf(ctx).restore(args.file);
    logRestore(ctx, result);
    return result;
  },
  'data:location': (_args, ctx) => dataLocationOf(ctx),
  'data:move': (args, ctx) => {
    const to = args.to ?? dataLocationOf(ctx).suggestion;
    if (!to) throw new AppError('rule_violation', 'Datamappen ligger redan i en lokal mapp; ange en mapp om du ändå vill flytta den.');
    return moveDataTo(ctx, to);
  },
};
