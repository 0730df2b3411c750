// `varvet skola ny`: what "Ny skola" does on the first start — the school, its läsår with default lov weeks and the
// proposed schedule of varv and meetings — in a data folder that holds no school yet.
import { parseArgs } from 'node:util';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { AppError } from '../../../shared/errors';
import { isRealIsoDate } from '../../../shared/validation';
import { sealCli } from '../../backend/audit/cli';
import { databasePath, resolveDataDir } from '../../backend/paths';
import { createSkola, getSkola, type CreateSkolaInput } from '../../backend/skola/skola';
import { createdOrRemoved } from '../database';
import type { CliCommand } from '../types';

const USAGE = 'varvet skola ny --data MAPP --namn NAMN --start ÅÅÅÅ-MM-DD --slut ÅÅÅÅ-MM-DD [--varv 5|6] [--langd 5|6]';

const usage = (why: string) => new AppError('invalid_argument', `${why} Användning: ${USAGE}`);

/** The command line as a CreateSkolaInput, or a Swedish refusal (before any file is touched). */
export function parseSkolaNy(argv: string[]): { data: string | undefined; input: CreateSkolaInput } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' }, namn: { type: 'string' }, start: { type: 'string' }, slut: { type: 'string' },
      varv: { type: 'string' }, langd: { type: 'string' },
    },
  });
  if (positionals[0] !== 'ny' || positionals.length > 1) throw usage('Ange vad som ska göras: skola ny.');
  const namn = (values.namn ?? '').trim();
  if (namn === '') throw usage('Ange skolans namn med --namn.');
  if (namn.length > 120) throw usage('Skolans namn får vara högst 120 tecken.');
  for (const [flag, value] of [['--start', values.start], ['--slut', values.slut]] as const) {
    if (value === undefined) throw usage(`Ange läsårets ${flag === '--start' ? 'första' : 'sista'} dag med ${flag}.`);
    if (!isRealIsoDate(value)) throw usage(`Datumet ${value} (${flag}) finns inte eller är inte skrivet som ÅÅÅÅ-MM-DD.`);
  }
  const start = values.start as string;
  const slut = values.slut as string;
  if (start >= slut) throw usage('Läsårets sista dag (--slut) måste komma efter den första (--start).');
  const val = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (value !== '5' && value !== '6') throw usage(`${flag} ska vara 5 eller 6, inte "${value}".`);
    return Number(value);
  };
  const antalVarv = val('--varv', values.varv);
  const varvLangdVeckor = val('--langd', values.langd);
  return {
    data: values.data,
    input: {
      namn,
      lasar: { startdatum: start, slutdatum: slut },
      ...(antalVarv === undefined ? {} : { antalVarv }),
      ...(varvLangdVeckor === undefined ? {} : { varvLangdVeckor }),
    },
  };
}

/**
 * Creates the school in the folder's database (the file is created when missing, and removed again when the school
 * is refused). The one place the CLI creates a school: protecting it with a password belongs here.
 */
export async function createSchoolInFolder(dataDir: string, input: CreateSkolaInput, now: Date) {
  return createdOrRemoved(dataDir, (db) => {
    if (getSkola(db)) {
      throw new AppError('conflict', `Det finns redan en skola i ${databasePath(dataDir)}. Välj en tom mapp med --data för en ny skola.`);
    }
    const skola = createSkola(db, input, now);
    sealCli(db, 'cli:skola ny');
    const lasar = db.prepare('SELECT namn, antal_varv AS antalVarv, varv_langd_veckor AS langd FROM lasar ORDER BY id LIMIT 1').get() as
      { namn: string; antalVarv: number; langd: number };
    const moten = db.prepare('SELECT typ, datum FROM mote WHERE typ IN (\'forsta_eht\', \'eht\') ORDER BY datum').all() as
      { typ: keyof typeof MOTE_TYP_TEXT; datum: string }[];
    return { skola, lasar, moten };
  });
}

export const skolaCommand: CliCommand = {
  summary: 'Skapar en ny skola med läsåret och det föreslagna schemat för varv och möten (som Ny skola i appen).',
  usage: USAGE,
  async run(argv, io) {
    const { data, input } = parseSkolaNy(argv);
    const dataDir = resolveDataDir({ explicit: data });
    const { skola, lasar, moten } = await createSchoolInFolder(dataDir, input, new Date());
    io.out(`Skolan "${skola.namn}" är skapad med läsåret ${lasar.namn}: ${lasar.antalVarv} varv om ${lasar.langd} veckor.`);
    io.out(`Databas: ${databasePath(dataDir)}`);
    for (const m of moten) io.out(`  ${m.datum}  ${MOTE_TYP_TEXT[m.typ]}`);
    io.out('Öppna skolan med varvet start --data MAPP, eller hämta elever och personal med varvet import.');
    return 0;
  },
};
