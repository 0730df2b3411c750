// `varvet <command>`: a thin layer over the backend services. Errors are Swedish sentences with a non-zero exit
// code, never a stack trace (set VARVET_DEBUG=1 to see the technical detail).
import { AppError } from '../../shared/errors';
import { backupCommand } from './commands/backup';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { schemaCommand } from './commands/schema';
import { restoreCommand } from './commands/restore';
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';
import type { CliCommand, CliIo } from './types';

export const COMMANDS: Record<string, CliCommand> = {
  start: startCommand,
  serve: serveCommand,
  demo: demoCommand,
  check: checkCommand,
  backup: backupCommand,
  restore: restoreCommand,
  import: importCommand,
  schema: schemaCommand,
  export: exportCommand,
};

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(io: CliIo): void {
  io.out('Varvet – strukturerad resultatuppföljning\n\nAnvändning: varvet <kommando> [flaggor]\n');
  for (const [name, command] of Object.entries(COMMANDS)) io.out(`  ${name.padEnd(8)} ${command.summary}\n           ${command.usage}`);
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
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Okänt kommando "${name}". Skriv "varvet help" för att se vilka som finns.`);
    return 2;
  }
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
