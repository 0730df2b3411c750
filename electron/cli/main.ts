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

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

async function help(io: CliIo): Promise<void> {
  io.out('Varvet – strukturerad resultatuppföljning\n\nAnvändning: varvet <kommando> [flaggor]\n');
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    io.out(`  ${name.padEnd(8)} ${command.summary}\n           ${command.usage}`);
  }
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
    await help(io);
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
