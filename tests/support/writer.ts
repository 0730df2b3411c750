// The writer process of the kill -9 harness (tests/support/killHarness.ts): random real operations through
// backend.dispatch, forever, until the parent kills it with SIGKILL. Protocol on stdout, one line each:
//   ready                      the backend is open (after its own start backup)
//   try <json>                 an update is about to be dispatched (it may commit without being acknowledged)
//   ack <json>                 the backend answered ok: the transaction has committed
//   nack                       the backend refused the operation (a rule), nothing to check
// Usage: node writer.mjs DATA_DIR MIGRATIONS_DIR SEED
import { createBackend } from '../../electron/backend/backend';

const [dataDir, migrationsDir, seedArg] = process.argv.slice(2);
if (!dataDir || !migrationsDir) throw new Error('usage: writer DATA_DIR MIGRATIONS_DIR SEED');

// mulberry32: a seeded generator, so a failing run can be replayed from the seed the parent prints.
let seed = Number(seedArg ?? 1) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// A clock inside the school year (so evaluations land in a varv) that still advances with real time.
const now = () => new Date(Date.parse('2026-10-01T00:00:00Z') + (Date.now() % (20 * 86_400_000)));
// A short interval, so automatic backups are also cut by kills.
const backend = await createBackend({ dataDir, migrationsDir, mode: 'browser', backupIntervalMs: 40, now });
const db = backend.context.db;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function call(channel: string, args: unknown): Promise<unknown> {
  const reply = await backend.dispatch(channel, args);
  if (reply.ok) return reply.value;
  if (['rule_violation', 'conflict', 'not_found'].includes(reply.error.code)) return null;
  // Anything else is a bug the harness must report: exit without being killed.
  process.stderr.write(`${channel}: ${reply.error.code} ${reply.error.message}\n`);
  process.exit(3);
}

if (!db.prepare('SELECT 1 FROM skola').get()) {
  await call('skola:create', { namn: 'Krocktestskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
}
const ids = (table: 'elev' | 'insats') => db.prepare(`SELECT id FROM ${table} ORDER BY id DESC LIMIT 50`).pluck().all() as number[];
out('ready');

const NAMN = ['Åsa', 'Örjan', 'Märta', 'Ali', 'Noor', 'Elsa', 'Liam', 'Saga'];
for (let i = 0; ; i++) {
  const r = random();
  const elever = ids('elev');
  if (r < 0.25 || elever.length === 0) {
    const fornamn = `${pick(NAMN)}${i}`;
    const elev = (await call('elev:create', { fornamn, efternamn: 'Krock', arskurs: 1 + Math.floor(random() * 9) })) as
      | { id: number; fornamn: string }
      | null;
    out(elev ? `ack ${JSON.stringify({ k: `elev:${elev.id}:fornamn`, v: elev.fornamn, insert: true })}` : 'nack');
  } else if (r < 0.45) {
    const id = pick(elever);
    const fornamn = `${pick(NAMN)}-${i}`;
    const k = `elev:${id}:fornamn`;
    out(`try ${JSON.stringify({ k, v: fornamn })}`);
    const elev = await call('elev:update', { id, fornamn });
    out(elev ? `ack ${JSON.stringify({ k, v: fornamn })}` : 'nack');
  } else if (r < 0.75) {
    const beskrivning = `Insats ${i}: lästräning ${'å'.repeat(Math.floor(random() * 200))}`;
    const insats = (await call('insats:create', {
      niva: 'individ',
      elevId: pick(elever),
      beskrivning,
      typ: 'extra_anpassning',
      forvantadEffekt: 'Mätbar förbättring i läsflyt',
      startdatum: '2026-10-05',
    })) as { id: number; beskrivning: string } | null;
    // The acknowledged value is what the backend says it stored (arguments are trimmed).
    out(insats ? `ack ${JSON.stringify({ k: `insats:${insats.id}:beskrivning`, v: insats.beskrivning, insert: true })}` : 'nack');
  } else if (r < 0.97) {
    const insatser = ids('insats');
    if (insatser.length === 0) continue;
    const insatsId = pick(insatser);
    // Evaluations are upserted per (insats, meeting): the newest acknowledged one must be there, by its token.
    const k = `bedomning:${insatsId}`;
    const underlag = `u${seed}-${i}`;
    out(`try ${JSON.stringify({ k, v: underlag })}`);
    const done = await call('bedomning:record', {
      insatsId,
      bedomning: pick(['tydlig_effekt', 'viss_effekt', 'ingen_effekt', 'kan_ej_bedomas'] as const),
      underlag,
      beslut: 'intensifiera',
      motivering: 'Vi fortsätter och följer upp vid nästa EHT-möte.',
    });
    out(done ? `ack ${JSON.stringify({ k, v: underlag })}` : 'nack');
  } else {
    const info = (await call('backup:create', {})) as { file: string } | null;
    // Retention may prune it later, so the parent checks every verified backup it finds rather than this one.
    out(info ? `ack ${JSON.stringify({ k: 'backup', backup: info.file })}` : 'nack');
  }
}
