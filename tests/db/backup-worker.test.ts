// The worker's copy (backup/copyWorker.ts) writes only the pages that differ from the standby, and the result is
// the source page for page.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { copyInWorker } from '../../electron/backend/backup/copyWorker';
import { openConnection } from '../../electron/backend/db/driver';
import { tempDir } from '../support/tmp';

it('copies the whole file the first time, then only the changed pages, each time equal to the source', async () => {
  const dir = tempDir();
  const source = path.join(dir, 'live.sqlite');
  const db = openConnection(source);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)');
  const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
  db.transaction(() => { for (let i = 0; i < 5000; i++) insert.run('x'.repeat(200)); })();
  const first = await copyInWorker({ source, target: path.join(dir, 'a.sqlite'), standby: null, key: null });
  if (first.kind !== 'done') throw new Error('busy');
  expect(first.check.ok).toBe(true);
  expect(first.pagesWritten).toBe(first.pagesTotal);
  expect(first.source.t).toBe(5000);
  fs.copyFileSync(path.join(dir, 'a.sqlite'), path.join(dir, 'standby.sqlite'));
  db.prepare('UPDATE t SET x = ? WHERE id = 10').run('changed');
  const second = await copyInWorker({ source, target: path.join(dir, 'b.sqlite'), standby: path.join(dir, 'standby.sqlite'), key: null });
  if (second.kind !== 'done') throw new Error('busy');
  expect(second.check.ok).toBe(true);
  // A handful of pages (the row's leaf, the header), not the ~300 of the file.
  expect(second.pagesWritten).toBeGreaterThan(0);
  expect(second.pagesWritten).toBeLessThan(second.pagesTotal / 10);
  expect(fs.existsSync(path.join(dir, 'standby.sqlite'))).toBe(false);
  const copy = openConnection(path.join(dir, 'b.sqlite'), { readonly: true });
  expect(copy.prepare('SELECT x FROM t WHERE id = 10').pluck().get()).toBe('changed');
  expect(copy.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5000);
  expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
  copy.close();
  db.close();
});
