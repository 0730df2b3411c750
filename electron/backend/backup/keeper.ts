// The backups of one open backend: at start, at an interval while something changed, on demand, and restoring
// one (first saving the current state, so the restore can be undone). While a restore swaps the database file,
// dispatch waits on idle() so no call meets a closed connection.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo, BackupReason, RestoreResult } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { DbKey } from '../db/driver';
import { translateSqliteError } from '../db/errors';
import { backupDir, databasePath } from '../paths';
import { createBackup } from './create';
import { listBackupsIn, removeStaleTemps } from './list';
import { checkBackupFile, copyBackupOver } from './restore';
import { backupStamp } from './names';
import { tableCounts } from './verify';

export const DEFAULT_BACKUP_INTERVAL_MS = 30 * 60_000;

export interface KeeperOptions {
  context: HandlerContext;
  nativeBinding?: string | undefined;
  /** Newest schema this app knows; a backup from a newer Varvet is refused before anything is touched. */
  knownSchemaVersion: number;
  /** Opens the database file again (with migrations), after a restore replaced it. */
  reopen: () => Promise<{ db: Database; schemaVersion: number }>;
  /** null: no interval timer (tests, CLI). */
  intervalMs?: number | null;
  log?: (message: string, error: unknown) => void;
  /** The keyring (current key first) when the database is encrypted; restores need it for older backups. */
  keys?: () => readonly DbKey[];
}

function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

export class BackupKeeper {
  lastError: string | null = null;
  /** Damage the start backup found after the app had started (startup with background = true). */
  startDamage: AppError | null = null;
  private gate: Promise<void> | null = null;
  private changesAtLastBackup = -1;
  /** The newest verified backup and the state it holds (own changes and other connections' commits at its start). */
  private lastBackup: { info: BackupInfo; changes: number; dataVersion: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Backups run one at a time, in the order asked for. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The start backup while it runs in the background (startup with background = true). */
  private background: Promise<unknown> | null = null;

  constructor(private readonly options: KeeperOptions) {}

  private get ctx(): HandlerContext {
    return this.options.context;
  }

  get dir(): string {
    return backupDir(this.ctx.dataDir);
  }

  /** Resolves when no restore is swapping the database. */
  async idle(): Promise<void> {
    while (this.gate) await this.gate;
  }

  get startBackupRunning(): boolean {
    return this.background !== null;
  }

  /** Resolves when the start backup, if it runs in the background, has finished (written or failed). */
  async settled(): Promise<void> {
    await this.background;
  }

  /** `prune: false` while a restore runs, so retention cannot remove the very backup being restored. */
  backup(reason: BackupReason, prune = true): Promise<BackupInfo> {
    const run = this.queue.then(() => this.backupNow(reason, prune));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async backupNow(reason: BackupReason, prune: boolean): Promise<BackupInfo> {
    const db = this.ctx.db;
    // Read before the copy starts: anything written during it counts as a change after the backup.
    const changes = totalChanges(db);
    const dataVersion = db.pragma('data_version', { simple: true }) as number;
    const info = await createBackup(db, this.ctx.dataDir, reason, {
      now: () => this.ctx.now(),
      nativeBinding: this.options.nativeBinding,
      prune,
    });
    this.changesAtLastBackup = changes;
    // The worker's copy checkpoints the WAL (TRUNCATE), which this connection sees as a change of data_version. An
    // empty WAL now, with no write of our own since, means nobody has written since the copy's snapshot.
    const walEmpty = (fs.statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0) === 0;
    const settledVersion = walEmpty && db.open && totalChanges(db) === changes ? (db.pragma('data_version', { simple: true }) as number) : dataVersion;
    this.lastBackup = this.ctx.db === db ? { info, changes, dataVersion: settledVersion } : null;
    this.lastError = null;
    return info;
  }

  /**
   * A backup of exactly the state the database is in now, if one was written by this connection: nothing has been
   * written since it started, by Varvet or by another program (data_version), and its file is still there. Before an
   * import, such a backup already is the way back, so no second copy of the same state is written.
   */
  unchangedBackup(): BackupInfo | null {
    const last = this.lastBackup;
    const db = this.ctx.db;
    if (!last || !db.open || this.gate) return null;
    if (totalChanges(db) !== last.changes || (db.pragma('data_version', { simple: true }) as number) !== last.dataVersion) return null;
    return fs.existsSync(path.join(this.dir, last.info.file)) ? last.info : null;
  }

  /** An automatic backup never stops the app: a failure is remembered (shown on Säkerhetskopior) and logged. */
  async automatic(reason: BackupReason): Promise<BackupInfo | null> {
    try {
      return await this.backup(reason);
    } catch (error) {
      this.remember(error);
      return null;
    }
  }

  private remember(error: unknown): void {
    this.lastError = error instanceof AppError ? error.message : 'Den automatiska säkerhetskopieringen misslyckades.';
    const log = this.options.log ?? ((message: string) => console.error(message));
    log(`Automatisk säkerhetskopia misslyckades: ${this.lastError}`, error);
  }

  /**
   * At start: clean up after a crash, then back up unless the database was created just now (`fresh`). With
   * `background`, the backup runs while the app answers (it is copied and verified in a worker thread): it never
   * holds up the first screen, and a failure is remembered as for every automatic backup (shown on Säkerhetskopior).
   */
  async startup(fresh = false, background = false): Promise<BackupInfo | null> {
    removeStaleTemps(this.dir);
    let counts: Record<string, number>;
    try {
      // Counting reads every table's b-tree: a damaged file is found here, before anything is shown.
      counts = tableCounts(this.ctx.db);
    } catch (error) {
      throw translateSqliteError(error, databasePath(this.ctx.dataDir)) ?? error;
    }
    if (fresh || Object.values(counts).every((n) => n === 0)) {
      this.changesAtLastBackup = totalChanges(this.ctx.db);
      return null;
    }
    if (!background) return this.startBackup(true);
    const running = this.startBackup(false);
    this.background = running;
    void running.finally(() => {
      if (this.background === running) this.background = null;
    });
    return null;
  }

  private async startBackup(refuseDamaged: boolean): Promise<BackupInfo | null> {
    try {
      return await this.backup('start');
    } catch (error) {
      // The start backup checks a full copy (quick_check): a damaged database is refused here, with the way out.
      if (error instanceof AppError && error.code === 'database_corrupt') {
        const damaged = new AppError('database_corrupt', `Databasfilen (${databasePath(this.ctx.dataDir)}) är skadad. Återställ en säkerhetskopia från mappen "backups" i datamappen.`, { cause: error });
        if (refuseDamaged) throw damaged;
        this.startDamage = damaged;
        this.remember(damaged);
        return null;
      }
      this.remember(error);
      return null;
    }
  }

  startInterval(): void {
    const ms = this.options.intervalMs === undefined ? DEFAULT_BACKUP_INTERVAL_MS : this.options.intervalMs;
    if (ms === null || this.timer) return;
    this.timer = setInterval(() => void this.tick(), ms);
    this.timer.unref();
  }

  /** One interval tick: a backup only if something was written since the last one. */
  async tick(): Promise<BackupInfo | null> {
    if (this.gate || !this.ctx.db.open) return null;
    if (totalChanges(this.ctx.db) === this.changesAtLastBackup) return null;
    return this.automatic('intervall');
  }

  async restore(file: string): Promise<RestoreResult> {
    await this.idle();
    const dir = this.dir;
    const target = listBackupsIn(dir).find((b) => b.file === file);
    if (!target) throw new AppError('not_found', 'Säkerhetskopian finns inte i mappen "backups".');
    const full = path.join(dir, file);
    const keys = this.options.keys?.() ?? [];
    const check = checkBackupFile(full, this.options.nativeBinding, keys);
    if (check.schemaVersion > this.options.knownSchemaVersion) {
      throw new AppError('database_newer', 'Säkerhetskopian har gjorts av en nyare version av Varvet och kan inte återställas här. Ingenting har ändrats.');
    }
    let release = (): void => undefined;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    try {
      // The state before the restore is kept: as a verified backup, or, if the database is damaged and cannot be
      // backed up, by moving the damaged file aside. Nothing is ever thrown away.
      let undo: BackupInfo | null = null;
      try {
        undo = await this.backup('fore-aterstallning', false);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'database_corrupt')) throw error;
      }
      const live = databasePath(this.ctx.dataDir);
      this.ctx.db.close();
      const damaged = undo ? null : moveAside(live, this.ctx.now());
      try {
        await copyBackupOver(full, live, this.options.nativeBinding, keys);
      } catch (error) {
        if (damaged) restoreAside(damaged, live);
        await this.reattach(); // the live file was not touched: carry on with it
        throw error;
      }
      try {
        await this.reattach();
      } catch (error) {
        // The restored file would not open: put the state from just before back and report it.
        if (undo) await copyBackupOver(path.join(dir, undo.file), live, this.options.nativeBinding, keys);
        else if (damaged) restoreAside(damaged, live);
        await this.reattach().catch(() => undefined);
        throw error instanceof AppError
          ? error
          : new AppError('database_unavailable', 'Säkerhetskopian kunde inte öppnas, så den tidigare databasen är tillbaka. Ingenting har ändrats.');
      }
      return { restored: target, undo, damaged, schemaVersion: this.ctx.schemaVersion };
    } finally {
      this.gate = null;
      release();
    }
  }

  private async reattach(): Promise<void> {
    const opened = await this.options.reopen();
    this.ctx.db = opened.db;
    this.ctx.schemaVersion = opened.schemaVersion;
    this.changesAtLastBackup = totalChanges(opened.db);
    this.lastBackup = null;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

export function moveAside(live: string, now: Date): string {
  const damaged = path.join(path.dirname(live), `skadad-${backupStamp(now)}.sqlite`);
  fs.renameSync(live, damaged);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, damaged + suffix);
  return damaged;
}

function restoreAside(damaged: string, live: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(damaged + suffix)) fs.renameSync(damaged + suffix, live + suffix);
}

const keepers = new WeakMap<HandlerContext, BackupKeeper>();

/** Handlers find the keeper of their backend through the context they are given. */
export function attachKeeper(context: HandlerContext, keeper: BackupKeeper): void {
  keepers.set(context, keeper);
}

/** The keeper of a backend's context, or null where none runs (the CLI opens the database without one). */
export function keeperIfAny(context: object): BackupKeeper | null {
  return keepers.get(context as HandlerContext) ?? null;
}

export function keeperOf(context: HandlerContext): BackupKeeper {
  const keeper = keepers.get(context);
  if (!keeper) throw new AppError('internal', 'Säkerhetskopieringen är inte igång i den här instansen av Varvet.');
  return keeper;
}
