// Bench cases for the EHT-möte and results: the agenda, the whole-school criteria summary with the teacher
// pattern, the protokoll PDF and the huvudman report. Each has a floor: the bare statement it cannot beat.
import { createBackend, type Backend } from '../../electron/backend/backend';
import { resultatSammanfattning } from '../../electron/backend/mote/resultat';
import { DEFAULT_INSTALLNINGAR } from '../../shared/domain/index';
import { line, time, type BenchLine } from './measure';
import { BENCH_NOW, type BenchSchool } from './school';

async function ok(backend: Backend, channel: string, args: unknown): Promise<unknown> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value;
}

export function openBackend(school: BenchSchool): Promise<Backend> {
  return createBackend({ dataDir: school.dataDir, mode: 'browser', now: () => BENCH_NOW, backupIntervalMs: null });
}

/** The next EHT-möte of the current varv: the one a rektor opens in the meeting. */
export function nextEhtMote(backend: Backend): { id: number; datum: string } {
  return backend.context.db
    .prepare("SELECT id, datum FROM mote WHERE typ IN ('eht', 'forsta_eht') AND status <> 'avslutat' ORDER BY datum LIMIT 1")
    .get() as { id: number; datum: string };
}

export async function agendaCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const backend = await openBackend(school);
  const mote = nextEhtMote(backend);
  const db = backend.context.db;
  const first = await time(1, () => ok(backend, 'mote:agenda', { moteId: mote.id }), 0);
  // Five times the runs, as for the evaluation: the p95 of ten samples is their maximum, one hiccup of a shared machine.
  const warm = await time(runs * 5, () => ok(backend, 'mote:agenda', { moteId: mote.id }));
  // Floor: reading the active insatser with their evaluations, no rules and no results.
  const floor = await time(runs, () =>
    db.prepare("SELECT i.*, b.* FROM insats i LEFT JOIN effektbedomning b ON b.insats_id = i.id WHERE i.status = 'aktiv'").all(),
  );
  const count = ((await ok(backend, 'mote:agenda', { moteId: mote.id })) as { insatser: unknown[] }).insatser.length;
  backend.close();
  return [
    line(`EHT-möte agenda, first call (${school.size})`, first, { floor, note: `${count} insatser; results summary computed once, then cached` }),
    line(`EHT-möte agenda (${school.size})`, warm, { floor, targetMs: 20, note: `${count} insatser` }),
  ];
}

export async function analysisCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const backend = await openBackend(school);
  const db = backend.context.db;
  const mote = nextEhtMote(backend);
  const s = await time(runs, () => resultatSammanfattning(db, mote.datum, DEFAULT_INSTALLNINGAR, false));
  const floor = await time(runs, () =>
    db.prepare('SELECT r.* FROM resultat r WHERE r.tillfalle_id IN (SELECT id FROM bedomningstillfalle ORDER BY datum DESC LIMIT 2)').all(),
  );
  backend.close();
  return [line(`criteria summary + teacher pattern, whole school (${school.size})`, s, { floor, targetMs: 200 })];
}

export async function documentsCase(school: BenchSchool, runs: number): Promise<BenchLine[]> {
  const backend = await openBackend(school);
  const db = backend.context.db;
  // The held meeting with the most evaluations stands in for a full EHT-möte.
  const mote = db
    .prepare(
      `SELECT m.id, count(b.id) AS n FROM mote m JOIN effektbedomning b ON b.mote_id = m.id
       WHERE m.typ IN ('eht', 'forsta_eht') GROUP BY m.id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number; n: number };
  const protokoll = await time(runs, () => ok(backend, 'mote:protokoll', { moteId: mote.id, pseudonymiserad: false }));
  const rapport = await time(runs, () => ok(backend, 'rapport:arsrapport', { format: 'pdf' }));
  const floor = await time(runs, async () => {
    const { createBuilder } = await import('../../electron/backend/export/builders');
    const b = await createBuilder('pdf', { skola: 'X', titel: 'Tom', datum: '2026-11-23' }, { utskrivet: BENCH_NOW });
    await b.finish();
  });
  backend.close();
  return [
    line(`EHT-protokoll PDF (${school.size})`, protokoll, { floor, targetMs: 1500, note: `${mote.n} evaluations` }),
    line(`huvudman year report PDF (${school.size})`, rapport, { floor }),
  ];
}
