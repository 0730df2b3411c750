// `varvet skicka arsrapport|nyckel`: the year report signed with the school's own key, delivered to the huvudman's
// PostgreSQL inbox (through a role that may only INSERT) or written as a file to carry; and the school's public key,
// which the huvudman registers once. The password of the school role is read from PGPASSWORD, never an argument.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toIsoDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { logCliExport } from '../../backend/audit/cli';
import { acquireFolderLock } from '../../backend/db/folderLock';
import { openDatabase } from '../../backend/db/open';
import { byggLeverans } from '../../backend/huvudman/leverans';
import { skolnyckel } from '../../backend/huvudman/nyckel';
import { koppla, leverera } from '../../backend/huvudman/pg';
import { cliKeys } from '../../backend/lock/cli';
import { backupDir, databasePath, resolveDataDir } from '../../backend/paths';
import { getSkola } from '../../backend/skola/skola';
import type { CliCommand } from '../types';

export const skickaCommand: CliCommand = {
  summary: 'Skickar årsrapporten, signerad med skolans nyckel, till huvudmannen (PostgreSQL eller en fil), eller skriver skolans publika nyckel.',
  usage: 'varvet skicka arsrapport --data MAPP (--till postgres://… | --out FIL) [--lasar 2026/27]  |  varvet skicka nyckel --data MAPP [--out FIL]',
  async run(argv, io) {
    const [what, ...rest] = argv;
    if (what !== 'arsrapport' && what !== 'nyckel') throw new AppError('invalid_argument', `Ange vad som ska skickas: arsrapport eller nyckel. Användning: ${this.usage}`);
    const { values } = parseArgs({ args: rest, options: { data: { type: 'string' }, till: { type: 'string' }, out: { type: 'string' }, lasar: { type: 'string' } } });
    if (what === 'arsrapport' && !values.till && !values.out) throw new AppError('invalid_argument', 'Ange vart rapporten ska: --till postgres://… (huvudmannens databas) eller --out FIL (en fil att lämna över).');
    const dataDir = resolveDataDir({ explicit: values.data });
    if (!fs.existsSync(databasePath(dataDir))) throw new AppError('not_found', `Det finns ingen skola i ${dataDir}.`);
    // It writes (the school's key on first use, the export's audit entry): one writer per data folder.
    const lock = acquireFolderLock(dataDir, 'skicka', { inApp: 'Avsluta Varvet först, eller skicka rapporten när programmet är stängt.' });
    let db;
    try {
      db = (await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), key: (await cliKeys(dataDir))[0] ?? null })).db;
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      if (!getSkola(db)) throw new AppError('not_found', `Det finns ingen skola i ${databasePath(dataDir)}.`);
      const now = new Date();
      if (what === 'nyckel') {
        const nyckel = skolnyckel(db, now);
        if (values.out) {
          fs.writeFileSync(path.resolve(values.out), nyckel.publik);
          io.out(`Skrev skolans publika nyckel till ${path.resolve(values.out)}.`);
        } else io.out(nyckel.publik.trim());
        io.out(`Fingeravtryck: ${nyckel.fingeravtryck} (läs upp det för huvudmannen när nyckeln registreras).`);
        return 0;
      }
      let lasarId: number | null = null;
      if (values.lasar) {
        const id = db.prepare('SELECT id FROM lasar WHERE namn = ?').pluck().get(values.lasar) as number | undefined;
        if (id === undefined) throw new AppError('not_found', `Det finns inget läsår som heter ${values.lasar}. Skriv det som 2026/27.`);
        lasarId = id;
      }
      const leverans = byggLeverans(db, { lasarId, idag: toIsoDate(now), now });
      if (values.out) {
        const out = path.resolve(values.out);
        fs.writeFileSync(out, JSON.stringify(leverans, null, 1));
        logCliExport(db, 'arsrapport', 'signerad', values);
        io.out(`Skrev den signerade årsrapporten till ${out} (SHA-256 ${leverans.sha256.slice(0, 16)}…). Huvudmannen läser in den med varvet huvudman las-in.`);
      }
      if (values.till) {
        const client = await koppla(values.till);
        try {
          const svar = await leverera(client, leverans);
          logCliExport(db, 'arsrapport', 'huvudman', { till: values.till.replace(/\/\/[^@/]*@/, '//') });
          io.out(svar === 'mottagen' ? `Huvudmannen har tagit emot årsrapporten (SHA-256 ${leverans.sha256.slice(0, 16)}…).` : 'Huvudmannen har redan exakt den här rapporten. Ingenting ändrades.');
        } finally {
          await client.end();
        }
      }
      return 0;
    } finally {
      db.close();
      lock.release();
    }
  },
};
