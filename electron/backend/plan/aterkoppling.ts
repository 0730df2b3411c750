// Återkoppling on the plan (seed 001: "Var tydlig med att ange vad i planen du vill ha återkoppling på"): a request
// names a version, a reader and the parts to comment on; the export sent is produced with the request, and the
// feedback received is recorded against that version.
import type { Database } from 'better-sqlite3';
import type { Aterkoppling, ExportFil, ExportFormat } from '../../../shared/channels/plan';
import { PLAN_DELAR } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import { loadPlanDokument, renderPlan } from '../export/planExport';

interface Row extends Omit<Aterkoppling, 'delar'> {
  delar: string;
}

const COLUMNS = `a.id, a.version_id AS versionId, v.nummer AS versionNummer, a.till, a.delar, a.meddelande, a.skickad,
  a.filnamn, a.svar, a.mottagen`;

function toAterkoppling(row: Row): Aterkoppling {
  return { ...row, delar: JSON.parse(row.delar) as string[] };
}

export function listAterkoppling(db: Database): Aterkoppling[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM aterkoppling a JOIN plan_version v ON v.id = a.version_id ORDER BY a.id DESC`).all() as Row[]).map(toAterkoppling);
}

export function getAterkoppling(db: Database, id: number): Aterkoppling {
  const row = db.prepare(`SELECT ${COLUMNS} FROM aterkoppling a JOIN plan_version v ON v.id = a.version_id WHERE a.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', `Begäran om återkoppling med id ${id} finns inte.`);
  return toAterkoppling(row);
}

export async function createAterkoppling(
  db: Database,
  day: string,
  input: { versionId: number; till: string; delar: string[]; meddelande: string; format: ExportFormat },
  now: Date,
): Promise<{ aterkoppling: Aterkoppling; fil: ExportFil }> {
  const okanda = input.delar.filter((d) => !PLAN_DELAR.some((p) => p.key === d));
  if (okanda.length > 0) throw new AppError('invalid_argument', `Okänd del av planen: ${okanda.join(', ')}.`);
  const dokument = loadPlanDokument(db, day, input.versionId);
  // The file is made first: a request is only recorded when there is something to send.
  const fil = await renderPlan({ ...dokument, aterkoppling: input }, input.format, now);
  const id = db
    .prepare('INSERT INTO aterkoppling (version_id, till, delar, meddelande, skickad, filnamn, skapad) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(input.versionId, input.till, JSON.stringify(input.delar), input.meddelande, day, fil.filnamn, now.toISOString()).lastInsertRowid;
  return { aterkoppling: getAterkoppling(db, Number(id)), fil };
}

export function recordSvar(db: Database, input: { id: number; svar: string; mottagen: string }): Aterkoppling {
  getAterkoppling(db, input.id);
  db.prepare('UPDATE aterkoppling SET svar = ?, mottagen = ? WHERE id = ?').run(input.svar, input.svar.trim() === '' ? null : input.mottagen, input.id);
  return getAterkoppling(db, input.id);
}
