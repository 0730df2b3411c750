// Import of 50,000 result rows through the same channel the Import screen uses, then the same file again
// (which must change nothing). Floor: inserting the same number of bare rows in one transaction. Every import that
// changes something needs a verified backup of the state before it: right after start the start backup is that state
// and is reused (the first line); after other work a new one is written (the third line, after an undo, times
// backup + import). The backup is also timed alone: it grows with the whole database (audit log included).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, ImportResult } from '../../shared/import/types';
import { createBackup } from '../../electron/backend/backup/index';
import { writeBenchResultat } from '../fixtures/import/bench';
import { line, time, type BenchLine } from './measure';
import { openBackend } from './meetingCases';
import { BENCH_NOW, type BenchSchool } from './school';

export async function importCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const backend = await openBackend(school);
  const db = backend.context.db;
  const file = path.join(school.dataDir, 'bench-resultat.csv');
  const rows = writeBenchResultat(db, file, 50_000);
  const args = { kind: 'resultat', fileName: 'bench-resultat.csv', contentBase64: fs.readFileSync(file).toString('base64') };
  const preview = await backend.dispatch('import:preview', args);
  if (!preview.ok) throw new Error(preview.error.message);
  const mapping = (preview.value as ImportPreview).proposedMapping;
  const run = async () => {
    const reply = await backend.dispatch('import:run', { ...args, mapping });
    if (!reply.ok) throw new Error(reply.error.message);
    const result = reply.value as ImportResult;
    if (result.refused) throw new Error(result.refused);
    return result;
  };
  let first: ImportResult | null = null;
  const firstStats = await time(1, async () => (first = await run()), 0);
  const history = await backend.dispatch('import:history', {});
  if (!history.ok) throw new Error(history.error.message);
  const firstId = (history.value as { id: number }[])[0]?.id;
  let again: ImportResult | null = null;
  const againStats = await time(Math.max(1, Math.min(runs, 3)), async () => (again = await run()), 0);
  // Undo it (the database now differs from every backup), then the same import again: it writes its own backup.
  const undo = await backend.dispatch('import:undo', { id: firstId });
  if (!undo.ok) throw new Error(undo.error.message);
  let withBackup: ImportResult | null = null;
  const withBackupStats = await time(1, async () => (withBackup = await run()), 0);

  db.exec('CREATE TEMP TABLE floor (a, b, c, d, e)');
  const insert = db.prepare('INSERT INTO temp.floor VALUES (?, ?, ?, ?, ?)');
  const floor = await time(1, () => db.transaction(() => { for (let i = 0; i < rows; i++) insert.run(i, i, i, 'E', null); })(), 0);
  const backup = await time(1, () => createBackup(db, school.dataDir, 'fore-import', { now: () => BENCH_NOW, prune: false }), 0);
  backend.close();
  const changed = (r: ImportResult | null) => (r ? `${r.tillagda} tillagda, ${r.andrade} ändrade` : '');
  return [
    line(`import of ${rows} result rows, first thing after start (${school.size})`, firstStats, { floor, targetMs: 3000, note: `${changed(first)}; the start backup holds the state before` }),
    line(`re-import of the same file (${school.size})`, againStats, { floor, note: changed(again) }),
    line(`import of ${rows} result rows with its own verified backup (${school.size})`, withBackupStats, { floor, targetMs: 3000, note: `${changed(withBackup)}; after an undo` }),
    line(`of the import: its verified backup alone (${school.size})`, backup, { note: 'quick_check and row counts of a copy of the whole database' }),
  ];
}
