// `varvet backup`: a verified copy of the database through SQLite's backup API (safe while Varvet is running).
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { backupDataDir } from '../../backend/backup/index';
import { cliKeys } from '../../backend/lock/cli';
import { resolveDataDir } from '../../backend/paths';
import type { CliCommand } from '../types';

export const backupCommand: CliCommand = {
  summary: 'Tar en kontrollerad säkerhetskopia av databasen till en fil.',
  usage: 'varvet backup [--data MAPP] --out FIL',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' } } });
    if (!values.out) throw new AppError('invalid_argument', `Ange vart säkerhetskopian ska sparas med --out FIL. Användning: ${this.usage}`);
    const dataDir = resolveDataDir({ explicit: values.data });
    const result = await backupDataDir(dataDir, values.out, await cliKeys(dataDir));
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    io.out(`Säkerhetskopian är sparad och kontrollerad: ${result.file} (${rows} rader i ${Object.keys(result.counts).length} tabeller).`);
    return 0;
  },
};
