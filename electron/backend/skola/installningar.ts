// The school's rule settings (issue 3, item 7): read with every default filled in; changed by merging a partial
// change into the stored JSON and validating the whole with skolInstallningarSchema. The skola table is audited, so
// the change gets its sealed audit entry through dispatch like every other write.
import type { Database } from 'better-sqlite3';
import { skolInstallningarSchema, type RegelInstallningarAndring, type SkolInstallningar } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { describeZodError } from '../../../shared/validation';
import type { HandlerPart } from '../handlers';
import { installningar } from '../mote/rows';

export function setRegelInstallningar(db: Database, andring: RegelInstallningarAndring): SkolInstallningar {
  const raw = db.prepare('SELECT installningar FROM skola WHERE id = 1').pluck().get() as string | undefined;
  if (raw === undefined) throw new AppError('conflict', 'Skapa skolan först; inställningarna sparas i skolans inställningar.');
  const stored = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
  const { tidigSkala, ...falt } = andring;
  const sparadSkala = typeof stored.tidigSkala === 'object' && stored.tidigSkala !== null ? stored.tidigSkala : {};
  const andrat: Record<string, unknown> = { ...falt, ...(tidigSkala ? { tidigSkala: { ...sparadSkala, ...tidigSkala } } : {}) };
  // Validated as a whole (the three labels must differ, every stored field must still hold), stored as it was plus the
  // changed fields: keys this version does not know (a newer Varvet's) survive.
  const parsed = skolInstallningarSchema.safeParse({ ...stored, ...andrat });
  if (!parsed.success) throw new AppError('invalid_argument', describeZodError(parsed.error));
  const sparas: Record<string, unknown> = { ...stored };
  for (const key of Object.keys(andrat)) sparas[key] = parsed.data[key as keyof SkolInstallningar];
  if (JSON.stringify(sparas) !== JSON.stringify(stored)) {
    db.prepare('UPDATE skola SET installningar = ? WHERE id = 1').run(JSON.stringify(sparas));
  }
  return installningar(db);
}

export const installningarHandlers: HandlerPart = {
  'installningar:get': (_args, ctx) => installningar(ctx.db),
  'installningar:set': (args, ctx) => setRegelInstallningar(ctx.db, args),
};
