// `varvet check`: is the database sound? Exit code 0 only when it is.
import { parseArgs } from 'node:util';
import { checkDatabase, type CheckReport } from '../../backend/db/check';
import { cliKeys } from '../../backend/lock/cli';
import { databasePath, resolveDataDir } from '../../backend/paths';
import { missingDatabaseFault } from '../../backend/backup/fault';
import { newestBackup, wayOut } from '../../backend/backup/index';
import type { CliCommand } from '../types';

const VERDICT: Record<CheckReport['verdict'], string> = {
  hel: 'Databasen är hel.',
  saknas: 'Det finns ingen databas att kontrollera här. Ange mappen med --data.',
  nyare: 'Databasen är skapad av en nyare version av Varvet och har inte ändrats. Uppdatera Varvet för att öppna den.',
  inte_hel: 'Databasen är inte hel.',
};

export const checkCommand: CliCommand = {
  summary: 'Kontrollerar databasen: integritet, schemaversion, loggkedjan och antal rader per tabell.',
  usage: 'varvet check [--data MAPP] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean' } } });
    const dataDir = resolveDataDir({ explicit: values.data });
    const report = checkDatabase(databasePath(dataDir), undefined, (await cliKeys(dataDir))[0] ?? null);
    // Missing or empty where a school existed (issue 16, item 2): a fault, with the newest verified backup.
    const fault = missingDatabaseFault(dataDir);
    if (fault) report.problems.unshift(fault.message + wayOut(dataDir));
    if (values.json) {
      io.out(JSON.stringify({ ...report, senasteSakerhetskopia: report.sound ? null : newestBackup(dataDir) }, null, 2));
      return report.sound ? 0 : 1;
    }
    io.out(`Databas: ${report.file}`);
    io.out(`Schemaversion: ${report.schemaVersion ?? 'okänd'} (den här versionen av Varvet: ${report.expectedSchemaVersion})`);
    io.out(`Integritet: ${report.integrity.length ? report.integrity.slice(0, 5).join('; ') : 'kunde inte kontrolleras'}`);
    for (const [table, count] of Object.entries(report.tables)) io.out(`  ${table.padEnd(24)} ${count}`);
    if (report.audit?.ok) io.out(`Loggkedjan är hel (${report.audit.entries} poster).`);
    for (const note of report.notes) io.out(note);
    for (const problem of report.problems) io.err(problem);
    io.out(VERDICT[report.verdict]);
    return report.sound ? 0 : 1;
  },
};
