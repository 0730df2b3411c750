// `varvet behorighet`: the gymnasiebehörighet prognosis, one entry per pupil in the årskurser of the school's
// settings (default åk 7–9). A subject never imported is underlag saknas, never an F (shared/domain/behorighet.ts).
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { amneNamn } from '../../../shared/domain/index';
import { openDatabase } from '../../backend/db/open';
import { cliKeys } from '../../backend/lock/cli';
import { backupDir, databasePath, resolveDataDir } from '../../backend/paths';
import { getSkola } from '../../backend/skola/skola';
import { behorighetsprognos } from '../../backend/uppfoljning/behorighet';
import type { CliCommand } from '../types';

const STATUS_TEXT = { behorig: 'behörig', risk: 'risk', underlag_saknas: 'underlag saknas' } as const;

export const behorighetCommand: CliCommand = {
  summary: 'Prognos för gymnasiebehörighet per elev: behörig, risk (F eller streck som stoppar) eller underlag saknas.',
  usage: 'varvet behorighet [--data MAPP] [--arskurs N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, arskurs: { type: 'string' }, json: { type: 'boolean' } } });
    let arskurs: number | undefined;
    if (values.arskurs !== undefined) {
      arskurs = Number(values.arskurs);
      if (!/^\d{1,2}$/.test(values.arskurs) || !Number.isInteger(arskurs)) {
        throw new AppError('invalid_argument', `Årskursen ska vara ett heltal, till exempel --arskurs 9, inte "${values.arskurs}".`);
      }
    }
    const dataDir = resolveDataDir({ explicit: values.data });
    const { db } = await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), key: (await cliKeys(dataDir))[0] ?? null });
    try {
      if (!getSkola(db)) throw new AppError('not_found', `Det finns ingen skola i ${databasePath(dataDir)}.`);
      const alla = behorighetsprognos(db);
      if (arskurs !== undefined && !alla.arskurser.includes(arskurs)) {
        throw new AppError(
          'invalid_argument',
          `Årskurs ${arskurs} ingår inte i skolans prognos (årskurs ${alla.arskurser.join(', ')}); det ändras under Inställningar.`,
        );
      }
      const { elever } = arskurs === undefined ? alla : behorighetsprognos(db, { arskurs });
      if (values.json) {
        io.out(
          JSON.stringify(
            elever.map((e) => ({
              elevId: e.elevId,
              externId: e.externId,
              namn: e.namn,
              klass: e.klass,
              arskurs: e.arskurs,
              status: e.status,
              risk: e.risk,
              meritvarde: e.meritvarde,
              saknas: e.saknas,
              betygF: e.betygF,
              betygStreck: e.betygStreck,
              saknadeBetyg: e.saknadeBetyg,
              sarskildUndervisningsgrupp: e.sarskildUndervisningsgrupp,
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      const antal = (s: keyof typeof STATUS_TEXT) => elever.filter((e) => e.status === s).length;
      io.out(`${elever.length} elever: ${antal('behorig')} behöriga, ${antal('risk')} i risk, ${antal('underlag_saknas')} där underlag saknas.`);
      for (const e of elever) {
        const delar = [`${e.namn} (${e.klass ?? 'ingen klass'}, åk ${e.arskurs}): ${STATUS_TEXT[e.status]}, meritvärde ${e.meritvarde}`];
        if (e.saknas.yrkesprogram.length > 0) delar.push(`yrkesprogram: ${e.saknas.yrkesprogram.join(', ')}`);
        if (e.saknas.hogskoleforberedande.length > 0) delar.push(`högskoleförberedande: ${e.saknas.hogskoleforberedande.join(', ')}`);
        if (e.status === 'underlag_saknas' && e.saknadeBetyg.length > 0) delar.push(`betyg saknas i ${e.saknadeBetyg.map((k) => amneNamn(k).toLowerCase()).join(', ')}`);
        if (e.sarskildUndervisningsgrupp) delar.push('går i särskild undervisningsgrupp');
        io.out(delar.join('; '));
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
