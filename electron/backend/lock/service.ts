// Handlers of the lock channels. The gate itself (refusing every other channel while locked) is in backend.ts.
import { skolInstallningarSchema } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import type { LockController } from './controller';
import { nyLokalNyckel } from '../skola/lokalNyckel';
import { installningar } from '../mote/rows';

const controllers = new WeakMap<HandlerContext, LockController>();

export function attachLock(context: HandlerContext, controller: LockController): void {
  controllers.set(context, controller);
}

export function lockOf(context: HandlerContext): LockController {
  const controller = controllers.get(context);
  if (!controller) throw new AppError('internal', 'Låset är inte igång i den här instansen av Varvet.');
  return controller;
}

/** Channels that answer while locked. */
export const OPEN_WHEN_LOCKED: ReadonlySet<string> = new Set(['app:info', 'lock:status', 'lock:unlock']);

export const lockHandlers: HandlerPart = {
  'lock:status': (_args, ctx) => lockOf(ctx).status(),
  // A new database key also gets a new draft key (skola/lokalNyckel.ts): drafts encrypted under the old one, which
  // sat in a file readable without the new key, are re-encrypted by the renderer under the new one.
  'lock:setup': async (args, ctx) => {
    const result = await lockOf(ctx).setup(args.losenord);
    nyLokalNyckel(ctx);
    return result;
  },
  'lock:unlock': (args, ctx) => lockOf(ctx).unlock(args),
  'lock:lock': (_args, ctx) => lockOf(ctx).lock(),
  'lock:changePassphrase': (args, ctx) => lockOf(ctx).changePassphrase(args.nuvarande, args.nytt),
  'lock:rekey': async (args, ctx) => {
    const status = await lockOf(ctx).rekey(args.losenord);
    nyLokalNyckel(ctx);
    return status;
  },
  'lock:settings': (_args, ctx) => ({ lasEfterMinuter: installningar(ctx.db).lasEfterMinuter }),
  'lock:setSettings': (args, ctx) => {
    const current = ctx.db.prepare('SELECT installningar FROM skola WHERE id = 1').pluck().get() as string | undefined;
    if (current === undefined) throw new AppError('conflict', 'Skapa skolan först; inställningen sparas i skolans inställningar.');
    const next = skolInstallningarSchema.parse({ ...(JSON.parse(current || '{}') as object), lasEfterMinuter: args.lasEfterMinuter });
    ctx.db.prepare('UPDATE skola SET installningar = ? WHERE id = 1').run(JSON.stringify(next));
    return { lasEfterMinuter: next.lasEfterMinuter };
  },
};
