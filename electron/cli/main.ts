// `varvet <command>`: a thin layer over the backend services. Errors are Swedish sentences with a non-zero exit
// code, never a stack trace (set VARVET_DEBUG=1 to see the technical detail).
import { AppError } from '../../shared/errors';
import type { CliCommand, CliIo } from './types';

/** Each command's module is loaded only when it runs, so `varvet check` does not load the import or export code. */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  start: async () => (await import('./commands/start')).startCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  skola: async () => (await import('./commands/skola')).skolaCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  moten: async () => (await import('./commands/moten')).motenCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  restore: async () => (await import('./commands/restore')).restoreCommand,
  import: async () => (await import('./commands/import')).importCommand,
  schema: async () => (await import('./commands/schema')).schemaCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  skicka: async () => (await import('./commands/skicka')).skickaCommand,
  huvudman: async () => (await import('./commands/huvudman')).huvudmanCommand,
  behorighet: async () => (await import('./commands/behorighet')).behorighetCommand,
};

/**
 * What `varvet help` prints, kept here so help loads no command module (each pulls in much of the backend).
 * tests/db/cli.test.ts checks it against every command's own summary and usage.
 */
export const HELP: Record<string, { summary: string; usage: string }> = {
  start: { summary: "Startar Varvet i ett eget fönster (Electron), eller i webbläsarläge om Electron inte kan köras här.", usage: "varvet start [--data MAPP] [--port N]" },
  serve: { summary: "Startar Varvet i webbläsarläge på den här datorn.", usage: "varvet serve [--data MAPP] [--port N]  (utan --port: samma port som förra gången för mappen)" },
  skola: { summary: "Skapar en ny skola med läsåret och det föreslagna schemat för varv och möten (som Ny skola i appen).", usage: "varvet skola ny --data MAPP --namn NAMN --start ÅÅÅÅ-MM-DD --slut ÅÅÅÅ-MM-DD [--varv 5|6] [--langd 5|6]" },
  demo: { summary: "Skapar en påhittad demoskola med elever, resultat, insatser och utredningar i en tom databas.", usage: "varvet demo [--data MAPP] [--size s|m|l|xl]" },
  moten: { summary: "Listar skolans möten med id, slag, datum, varv och status (id:t används av export protokoll --meeting).", usage: "varvet moten [--data MAPP] [--json]" },
  check: { summary: "Kontrollerar databasen: integritet, schemaversion, loggkedjan och antal rader per tabell.", usage: "varvet check [--data MAPP] [--json]" },
  backup: { summary: "Tar en kontrollerad säkerhetskopia av databasen till en fil.", usage: "varvet backup [--data MAPP] --out FIL" },
  restore: { summary: "Återställer en säkerhetskopia (det nuvarande läget sparas först, så att det går att ångra).", usage: "varvet restore FIL [--data MAPP]" },
  import: { summary: "Importerar elever, personal, grupper, undervisning eller resultat från CSV eller XLSX (allt eller inget).", usage: "varvet import <elever|personal|grupper|undervisning|resultat> FIL [--data MAPP] [--mapping NAMN] [--spara-mapping NAMN] [--blad NAMN] [--tillfalle NAMN --datum ÅÅÅÅ-MM-DD] [--bara-giltiga] [--dry-run] [--json]" },
  schema: { summary: "Föreslår läsårets varv: resultatdialog, EHT-möte och avstämning, utanför loven.", usage: "varvet schema --start ÅÅÅÅ-MM-DD --end ÅÅÅÅ-MM-DD --varv 5|6 [--langd 5|6] [--forsta-eht ÅÅÅÅ-MM-DD] [--utredning 5|6] [--json]" },
  export: { summary: "Skriver ut ett dokument som PDF eller Word: plan, protokoll, arsrapport, registerutdrag.", usage: "varvet export <vad> --data MAPP [--format pdf|docx|json] [--out FIL]; vad: plan [--version N] | protokoll --meeting ID [--pseudonymised] | arsrapport [--lasar 2026/27] | registerutdrag --elev ID" },
  skicka: { summary: "Skickar årsrapporten, signerad med skolans nyckel, till huvudmannen (PostgreSQL eller en fil), eller skriver skolans publika nyckel.", usage: "varvet skicka arsrapport --data MAPP (--till postgres://… | --out FIL) [--lasar 2026/27]  |  varvet skicka nyckel --data MAPP [--out FIL]" },
  huvudman: { summary: "Huvudmannens sida: skapar inkorgen i PostgreSQL, registrerar skolor, läser in rapporter och visar jämförelsen.", usage: "varvet huvudman init --pg postgres://… (skolrollens lösenord i VARVET_SKOLROLL_LOSENORD)  |  varvet huvudman registrera --pg postgres://… --namn SKOLA --nyckel FIL  |  varvet huvudman las-in FIL --pg postgres://…  |  varvet huvudman serve --pg postgres://… [--port N]" },
  behorighet: { summary: "Prognos för gymnasiebehörighet per elev: behörig, risk (F eller streck som stoppar) eller underlag saknas.", usage: "varvet behorighet [--data MAPP] [--arskurs N] [--json]" },
};

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(io: CliIo): void {
  io.out('Varvet – strukturerad resultatuppföljning\n\nAnvändning: varvet <kommando> [flaggor]\n');
  for (const [name, { summary, usage }] of Object.entries(HELP)) io.out(`  ${name.padEnd(8)} ${summary}\n           ${usage}`);
}

/** Turns parseArgs' English errors into a Swedish sentence. */
function describeUsageError(error: Error, command: CliCommand): string {
  const flag = /'(-[^']+)'/.exec(error.message)?.[1];
  const what = flag ? `Flaggan ${flag} känns inte igen eller saknar värde.` : 'Kommandot har fel flaggor.';
  return `${what} Användning: ${command.usage}`;
}

export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Okänt kommando "${name}". Skriv "varvet help" för att se vilka som finns.`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof AppError) {
      io.err(error.message);
      return error.code === 'invalid_argument' ? 2 : 1;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(describeUsageError(error, command));
      return 2;
    }
    io.err('Ett oväntat fel inträffade. Ingenting har ändrats. Kör igen med VARVET_DEBUG=1 för teknisk information.');
    if (process.env.VARVET_DEBUG) io.err(String(error instanceof Error ? error.stack : error));
    return 1;
  }
}
