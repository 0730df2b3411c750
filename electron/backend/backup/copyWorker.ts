// A backup copied and verified in a worker thread, so the app keeps answering while it runs (the start backup never
// holds up the first screen) and so it costs what changed: the worker takes a consistent snapshot of the database
// file itself and writes only the pages that differ from a standby copy of the previous backup (a full copy when
// there is none), then checks the result as every backup is checked (quick_check and every table's row count equal
// to the source's in the same snapshot). The main thread renames it into place (create.ts).
//
// Why the file can be read as it is: the worker checkpoints the WAL into the database file (TRUNCATE) and opens a
// read transaction while the WAL is empty. Such a reader reads the database file directly, and no checkpoint may
// write into that file while it reads (SQLite takes the exclusive read-lock 0 before backfilling), so the file is
// the snapshot until the transaction ends; writes meanwhile go to the WAL. If the WAL was not empty (a write came
// in between) it tries again, and after a few tries reports `busy`: the caller then uses the backup API instead.
//
// The worker is JavaScript in a string (eval): it runs the same from the sources, the tests, the bundled CLI and
// Electron's main bundle, and needs nothing but the SQLite driver, whose path it is given.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DbKey } from '../db/driver';
import type { FileCheck, TableCounts } from './verify';

export interface WorkerCopyInput {
  /** The live database file. */
  source: string;
  /** Where the verified copy is written (a temporary name). */
  target: string;
  /** A copy of the previous backup to update in place of a full copy; moved to `target` when usable. */
  standby: string | null;
  key: DbKey | null;
  nativeBinding?: string | undefined;
}

export type WorkerCopyResult =
  | { kind: 'done'; check: FileCheck; source: TableCounts; pagesWritten: number; pagesTotal: number }
  | { kind: 'busy' };

const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Driver = require(workerData.driver);
const { source, target, standby, key, nativeBinding } = workerData;

function open(file) {
  const db = new Driver(file, { fileMustExist: true, nativeBinding });
  if (key) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma('key = "x\'' + Buffer.from(key).toString('hex') + '\'"');
  }
  return db;
}
function counts(db) {
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  const out = {};
  for (const name of names) out[name] = db.prepare('SELECT count(*) FROM "' + name.replaceAll('"', '""') + '"').pluck().get();
  return out;
}
function fsyncFile(file) {
  const fd = fs.openSync(file, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}
function walSize() {
  try { return fs.statSync(source + '-wal').size; } catch { return 0; }
}
const PAGE_CHUNK = 1 << 22;
/** Makes target equal to source, writing only the pages that differ. */
function updateInPlace(pageSize) {
  const size = fs.statSync(source).size;
  const src = fs.openSync(source, 'r');
  const dst = fs.openSync(target, 'r+');
  const a = Buffer.allocUnsafe(PAGE_CHUNK);
  const b = Buffer.allocUnsafe(PAGE_CHUNK);
  let written = 0;
  try {
    for (let pos = 0; pos < size; pos += PAGE_CHUNK) {
      const n = fs.readSync(src, a, 0, Math.min(PAGE_CHUNK, size - pos), pos);
      const m = fs.readSync(dst, b, 0, n, pos);
      for (let off = 0; off < n; off += pageSize) {
        const end = Math.min(off + pageSize, n);
        if (off + pageSize > m || a.compare(b, off, end, off, end) !== 0) {
          fs.writeSync(dst, a, off, end - off, pos + off);
          written++;
        }
      }
    }
    fs.ftruncateSync(dst, size);
  } finally {
    fs.closeSync(src);
    fs.closeSync(dst);
  }
  return { written, total: Math.ceil(size / pageSize) };
}

let db = open(source);
let result = { kind: 'busy' };
try {
  db.pragma('busy_timeout = 2000');
  const pageSize = db.pragma('page_size', { simple: true });
  for (let attempt = 0; attempt < 5 && result.kind === 'busy'; attempt++) {
    if (attempt > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('BEGIN');
    try {
      const sourceCounts = counts(db);
      // Read after the transaction's first read: an empty WAL now means this snapshot is the database file.
      if (walSize() !== 0) continue;
      let pages;
      if (standby && fs.existsSync(standby)) {
        fs.renameSync(standby, target);
        pages = updateInPlace(pageSize);
      } else {
        fs.copyFileSync(source, target);
        const total = Math.ceil(fs.statSync(target).size / pageSize);
        pages = { written: total, total };
      }
      result = { kind: 'done', source: sourceCounts, pagesWritten: pages.written, pagesTotal: pages.total };
    } finally {
      db.exec('COMMIT');
    }
  }
} finally {
  db.close();
}
if (result.kind === 'done') {
  fsyncFile(target);
  const copy = open(target);
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('quick_check');
    const quickCheck = rows.map((r) => r.quick_check).join('; ');
    result.check = { ok: quickCheck === 'ok', quickCheck, counts: counts(copy), schemaVersion: copy.pragma('user_version', { simple: true }) };
  } finally {
    copy.close();
  }
  // journal_mode = DELETE rewrote the header: flushed with the rest before the main thread renames it.
  fsyncFile(target);
}
parentPort.postMessage(result);
`;

let driverPath: string | null = null;

function driver(): string {
  driverPath ??= createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  return driverPath;
}

/** Runs one copy in a fresh worker thread. Rejects with the worker's error (the caller falls back to the backup API). */
export function copyInWorker(input: WorkerCopyInput): Promise<WorkerCopyResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { ...input, key: input.key ? new Uint8Array(input.key) : null, driver: driver() },
    });
    let settled = false;
    worker.once('message', (message: WorkerCopyResult) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with ${code}`));
    });
  });
}
