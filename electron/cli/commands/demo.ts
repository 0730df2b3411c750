// `varvet demo`: creates the fictional demo school in an empty database and prints what it holds.
import { parseArgs } from 'node:util';
import { DEMO_SIZES, type DemoSize } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../backend/db/open';
import { cliKeys } from '../../backend/lock/cli';
import { generateDemo } from '../../backend/demo/generate';
import { backupDir, databasePath, resolveDataDir } from '../../backend/paths';
import { getSkola } from '../../backend/skola/skola';
import type { CliCommand } from '../types';
import { sealCli } from '../../backend/audit/cli';
import { acquireFolderLock } from '../../backend/db/folderLock';
import fs from 'node:fs';
import { translateSqliteError } from '../../backend/db/errors';

const USAGE = 'varvet demo [--data MAPP] [--size s|m|l|xl]';

const STORLEK_TEXT: Record<DemoSize, string> = {
  s: 'liten (cirka 100 elever)',
  m: 'mellanstor (cirka 400 elever)',
  l: 'stor (cirka 1 200 elever)',
  xl: 'stor med fem läsårs historik',
};

const TABELL_TEXT: Record<string, string> = {
  elev: 'Elever', personal: 'Personal', grupp: 'Klasser och grupper', undervisning: 'Undervisning (lärare × grupp × ämne)',
  lasar: 'Läsår', varv: 'Varv', mote: 'Möten', insats: 'Insatser', effektbedomning: 'Effektbedömningar',
  utredning: 'Utredningar', utredningsbeslut: 'Utredningsbeslut', bedomningstillfalle: 'Bedömningstillfällen',
  resultat: 'Resultat', resultat_kriterium: 'Ej nådda betygskriterier',
};

function isDemoSize(value: string): value is DemoSize {
  return (DEMO_SIZES as readonly string[]).includes(value);
}

export const demoCommand: CliCommand = {
  summary: 'Skapar en påhittad demoskola med elever, resultat, insatser och utredningar i en tom databas.',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, size: { type: 'string', default: 'l' } } });
    const size = values.size ?? 'l';
    if (!isDemoSize(size)) {
      throw new AppError('invalid_argument', `Storleken "${size}" finns inte; välj s, m, l eller xl. Användning: ${USAGE}`);
    }
    const dataDir = resolveDataDir({ explicit: values.data });
    const lock = acquireFolderLock(dataDir, 'demo', { inApp: 'Välj en tom datamapp med --data för demoskolan, eller öppna demoskolan från startsidan i ett Varvet med en tom datamapp.' });
    const file = databasePath(dataDir);
    // Issue 16: a demo that fails (a full disk) leaves nothing behind in a folder that had no database: no half
    // demo school, no WAL. A database that was there before is never removed.
    const created = !fs.existsSync(file) || fs.statSync(file).size === 0;
    const removeCreated = () => {
      if (created) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    };
    let db;
    try {
      db = (await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), key: (await cliKeys(dataDir))[0] ?? null })).db;
    } catch (error) {
      removeCreated();
      lock.release();
      throw translateSqliteError(error, file) ?? error;
    }
    let failed = false;
    try {
      if (getSkola(db)) {
        throw new AppError('conflict', `Det finns redan en skola i ${databasePath(dataDir)}. Välj en tom datamapp med --data för demoskolan.`);
      }
      const start = performance.now();
      const summary = generateDemo(db, { size, now: new Date() });
      sealCli(db, 'cli:demo'); // audit log (issue 8)
      const sekunder = ((performance.now() - start) / 1000).toFixed(1).replace('.', ',');
      io.out(`Demoskolan är skapad: ${STORLEK_TEXT[size]}, på ${sekunder} sekunder.`);
      io.out(`Databas: ${databasePath(dataDir)}`);
      for (const [table, count] of Object.entries(summary)) {
        const namn = TABELL_TEXT[table];
        if (namn) io.out(`  ${namn.padEnd(38)} ${count.toLocaleString('sv-SE')}`);
      }
      io.out('Namnen är slumpvis kombinerade vanliga för- och efternamn och tillhör inga verkliga personer.');
      return 0;
    } catch (error) {
      failed = true;
      throw translateSqliteError(error, file) ?? error;
    } finally {
      try {
        db.close();
      } catch {
        // Closing after a full disk may fail to checkpoint; the files are removed below.
      }
      if (failed) removeCreated();
      lock.release();
    }
  },
};
