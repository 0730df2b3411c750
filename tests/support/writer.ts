// A writer process for the kill -9 test: real operations through the backend, printing "ack <id>" only after the
// backend has answered ok (i.e. after the transaction committed). The parent kills it at a random moment.
import { createBackend } from '../../electron/backend/backend';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writer.ts DATA_DIR');

const backend = await createBackend({ dataDir, mode: 'browser' });
const db = backend.context.db;
if (!db.prepare('SELECT 1 FROM skola').get()) {
  await backend.dispatch('skola:create', { namn: 'Krocktestskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
  db.prepare("INSERT INTO elev (fornamn, efternamn, arskurs) VALUES ('Test', 'Elev', 5)").run();
}
const elevId = db.prepare('SELECT id FROM elev LIMIT 1').pluck().get() as number;
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const reply = await backend.dispatch('insats:create', {
    niva: 'individ',
    elevId,
    beskrivning: `Insats ${i} ${'å'.repeat(i % 50)}`,
    typ: 'extra_anpassning',
    forvantadEffekt: 'Mätbar förbättring',
    startdatum: '2026-10-05',
  });
  if (!reply.ok) throw new Error(reply.error.message);
  process.stdout.write(`ack ${(reply.value as { id: number }).id}\n`);
}
