// `varvet restore FILE`: puts a backup in place of the database. The current state is kept first (a backup,
// or the damaged file moved aside), so the restore can be undone. Refuses while Varvet has the folder open.
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { resolveBackupFile, restoreDataDir } from '../../backend/backup/index';
import { cliKeys } from '../../backend/lock/cli';
import { resolveDataDir } from '../../backend/paths';
import { withFolderLock } from '../../backend/db/folderLock';
import type { CliCommand } from '../types';

export const RESTORE_IN_APP = 'Återställ säkerhetskopian i det programmet i stället: Säkerhetskopior (Alt+7), välj kopian och Återställ.';

export const restoreCommand: CliCommand = {
  summary: 'Återställer en säkerhetskopia (det nuvarande läget sparas först, så att det går att ångra).',
  usage: 'varvet restore FIL [--data MAPP]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new AppError('invalid_argument', `Ange en säkerhetskopia att återställa. Användning: ${this.usage}`);
    const dataDir = resolveDataDir({ explicit: values.data });
    // One writer per data folder (issue 16): replacing the file under a running Varvet would lose its writes.
    const result = await withFolderLock(dataDir, 'restore', RESTORE_IN_APP, async () =>
      restoreDataDir(dataDir, resolveBackupFile(dataDir, file), undefined, await cliKeys(dataDir)),
    );
    io.out(`Säkerhetskopian är återställd i ${dataDir}.`);
    if (result.undo) io.out(`Läget före återställningen sparades som backups/${result.undo.file}; återställ den för att ångra.`);
    if (result.damaged) io.out(`Den skadade databasen flyttades till ${result.damaged}.`);
    return 0;
  },
};
