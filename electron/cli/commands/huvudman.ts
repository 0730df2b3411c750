// `varvet huvudman init|registrera|las-in|serve`: the huvudman's side. The hub lives in PostgreSQL; the address names
// the huvudman's own role (the database's owner), the password comes from PGPASSWORD or the address.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { lasLeverans } from '../../backend/huvudman/leverans';
import { initHub, koppla, leverera, registreraSkola, SKOLROLL, taEmot } from '../../backend/huvudman/pg';
import { startHub } from '../../backend/huvudman/server';
import type { CliCommand } from '../types';

const USAGE = [
  'varvet huvudman init --pg postgres://… (skolrollens lösenord i VARVET_SKOLROLL_LOSENORD)',
  'varvet huvudman registrera --pg postgres://… --namn SKOLA --nyckel FIL',
  'varvet huvudman las-in FIL --pg postgres://…',
  'varvet huvudman serve --pg postgres://… [--port N]',
].join('  |  ');

export const huvudmanCommand: CliCommand = {
  summary: 'Huvudmannens sida: skapar inkorgen i PostgreSQL, registrerar skolor, läser in rapporter och visar jämförelsen.',
  usage: USAGE,
  async run(argv, io) {
    const [what, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { pg: { type: 'string' }, namn: { type: 'string' }, nyckel: { type: 'string' }, port: { type: 'string' } },
    });
    if (!values.pg) throw new AppError('invalid_argument', `Ange huvudmannens databas med --pg postgres://…. Användning: ${USAGE}`);
    if (what === 'serve') {
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new AppError('invalid_argument', 'Porten ska vara ett heltal mellan 1 och 65535.');
      const hub = await startHub({ pgUrl: values.pg, ...(port ? { port } : {}) });
      io.out(`Huvudmannens vy: öppna ${hub.url}`);
      io.out('Adressen innehåller en åtkomstnyckel; dela den inte. Avsluta med Ctrl+C.');
      await new Promise<void>((resolve) => {
        const stop = () => void hub.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    const client = await koppla(values.pg);
    try {
      if (what === 'init') {
        const losen = process.env.VARVET_SKOLROLL_LOSENORD;
        if (!losen || losen.length < 12) throw new AppError('invalid_argument', 'Sätt skolrollens lösenord (minst 12 tecken) i miljövariabeln VARVET_SKOLROLL_LOSENORD.');
        await initHub(client, { skolrollLosenord: losen });
        io.out(`Huvudmannens inkorg finns. Skolorna lämnar rapporter som ${SKOLROLL}, som bara kan lägga in rapporter, inte läsa dem.`);
        return 0;
      }
      if (what === 'registrera') {
        if (!values.namn || !values.nyckel) throw new AppError('invalid_argument', 'Ange skolans namn med --namn och dess publika nyckel med --nyckel FIL.');
        if (!fs.existsSync(values.nyckel)) throw new AppError('not_found', `Filen ${values.nyckel} finns inte.`);
        const r = await registreraSkola(client, values.namn, fs.readFileSync(values.nyckel, 'utf8'));
        io.out(`${r.ny ? 'Registrerade' : 'Uppdaterade'} ${values.namn} med nyckelns fingeravtryck ${r.fingeravtryck}. Jämför det med skolans.`);
        return 0;
      }
      if (what === 'las-in') {
        const fil = positionals[0];
        if (!fil) throw new AppError('invalid_argument', 'Ange filen med den signerade årsrapporten: varvet huvudman las-in FIL --pg postgres://….');
        if (!fs.existsSync(fil)) throw new AppError('not_found', `Filen ${fil} finns inte.`);
        const { leverans } = lasLeverans(fs.readFileSync(fil, 'utf8'));
        const svar = await leverera(client, leverans);
        const intag = await taEmot(client);
        const min = intag.avvisade.find((a) => a.sha256 === leverans.sha256);
        if (min) throw new AppError('rule_violation', `Rapporten togs inte emot: ${min.orsak}`);
        io.out(svar === 'redan' ? 'Huvudmannen har redan exakt den här rapporten. Ingenting ändrades.' : 'Rapporten är inläst och signaturen stämmer.');
        return 0;
      }
      throw new AppError('invalid_argument', `Ange init, registrera, las-in eller serve. Användning: ${USAGE}`);
    } finally {
      await client.end();
    }
  },
};
