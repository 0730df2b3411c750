// Three demo schools and a huvudman's hub in a private PostgreSQL, set up through the `varvet` commands as a school
// and a förvaltning would run them.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/backend/db/open';
import { generateDemo } from '../../electron/backend/demo/generate';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { main } from '../../electron/cli/main';
import type { DemoSize } from '../../shared/contract';
import { startPostgres, type PgCluster } from './postgres';

export const SKOLROLL_LOSENORD = 'skolrollens-hemliga-losen';
export const NOW = new Date('2027-03-10T09:00:00Z');

export function capture() {
  const lines = { out: '', err: '' };
  return { lines, io: { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) } };
}

export async function varvet(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { lines, io } = capture();
  const code = await main(args, io);
  return { code, ...lines };
}

export async function demoSkola(dir: string, namn: string, size: DemoSize): Promise<string> {
  const data = path.join(dir, namn.replace(/\W+/g, '-'));
  fs.mkdirSync(data, { recursive: true });
  const { db } = await openDatabase({ file: databasePath(data), backupDir: backupDir(data) });
  generateDemo(db, { size, now: NOW });
  db.prepare('UPDATE skola SET namn = ? WHERE id = 1').run(namn);
  db.close();
  return data;
}

export interface Hub {
  pg: PgCluster;
  hubUrl: string;
  skolUrl: string;
  skolor: { namn: string; data: string }[];
}

/** A hub with three registered schools; two deliver over PostgreSQL, the third as a file read in by the huvudman. */
export async function setupHub(dir: string): Promise<Hub> {
  const pg = await startPostgres();
  const hubUrl = pg.url();
  const skolUrl = pg.url('varvet_skola', SKOLROLL_LOSENORD);
  process.env.VARVET_SKOLROLL_LOSENORD = SKOLROLL_LOSENORD;
  const init = await varvet('huvudman', 'init', '--pg', hubUrl);
  if (init.code !== 0) throw new Error(init.err);
  const skolor = [
    { namn: 'Norrskolan', size: 's' as const },
    { namn: 'Söderskolan', size: 'm' as const },
    { namn: 'Västerskolan', size: 's' as const },
  ];
  const out: Hub['skolor'] = [];
  for (const s of skolor) {
    const data = await demoSkola(dir, s.namn, s.size);
    const nyckel = path.join(dir, `${s.namn}.pem`);
    await varvet('skicka', 'nyckel', '--data', data, '--out', nyckel);
    const reg = await varvet('huvudman', 'registrera', '--pg', hubUrl, '--namn', s.namn, '--nyckel', nyckel);
    if (reg.code !== 0) throw new Error(reg.err);
    out.push({ namn: s.namn, data });
  }
  return { pg, hubUrl, skolUrl, skolor: out };
}
