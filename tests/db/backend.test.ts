// The slice through the real backend on a real SQLite file: school → insats → evaluation → restart → still there.
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { buildHandlerTable, dispatch } from '../../electron/backend/handlers';
import type { Insats, Skola } from '../../shared/model';
import { CHANNELS, type Oversikt } from '../../shared/contract';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

describe('handler table', () => {
  it('throws on a duplicate handler and on a channel without one', () => {
    const handler = () => null;
    expect(() => buildHandlerTable({ 'skola:get': handler }, { 'skola:get': handler })).toThrow(/Duplicate handler/);
    expect(() => buildHandlerTable({ 'skola:get': handler })).toThrow(/without a handler/);
  });
});

describe('backend', () => {
  const dataDir = tempDir();

  it('answers an unknown channel and invalid arguments with Swedish errors, never throwing', async () => {
    const backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
    expect(await backend.dispatch('skola:radera', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const bad = await backend.dispatch('skola:create', { namn: 'X', lasar: { startdatum: '2026-02-30', slutdatum: '2027-06-11' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/Datumet finns inte/) } });
    expect(await backend.dispatch('elev:get', { id: 'ett' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await backend.dispatch('oversikt:get', {})).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/Ingen skola/) } });
    backend.close();
  });

  it('creates a school, an insats and an evaluation that survive a restart', async () => {
    let backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
    const skola = await ok<Skola>(backend, 'skola:create', {
      namn: 'Ängsskolan',
      lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' },
    });
    expect(skola.namn).toBe('Ängsskolan');
    const oversikt = await ok<Oversikt>(backend, 'oversikt:get');
    expect(oversikt.varv.length).toBeGreaterThanOrEqual(5);
    expect(oversikt.aktuelltVarv).not.toBeNull();

    // A pupil is needed; the register import comes later, so insert one directly.
    backend.context.db.prepare("INSERT INTO elev (id, fornamn, efternamn, arskurs) VALUES (1, 'Saga', 'Lindqvist', 4)").run();
    const insats = await ok<Insats>(backend, 'insats:create', {
      niva: 'individ',
      elevId: 1,
      beskrivning: 'Högläsning med stöd tre gånger i veckan',
      typ: 'extra_anpassning',
      forvantadEffekt: 'Saga läser en kapitelbok på egen hand',
      startdatum: '2026-10-05',
    });
    const refused = await backend.dispatch('bedomning:record', {
      insatsId: insats.id,
      bedomning: 'tydlig_effekt',
      beslut: 'ta_bort',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    const evaluated = await ok<Insats>(backend, 'bedomning:record', {
      insatsId: insats.id,
      bedomning: 'tydlig_effekt',
      underlag: 'Läser 40 ord/min mer än i augusti',
      beslut: 'intensifiera',
    });
    expect(evaluated.bedomningar).toHaveLength(1);
    backend.close();

    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
    const list = await ok<Insats[]>(backend, 'insats:listForElev', { elevId: 1 });
    expect(list).toHaveLength(1);
    expect(list[0]?.beskrivning).toBe('Högläsning med stöd tre gånger i veckan');
    expect(list[0]?.bedomningar[0]).toMatchObject({ bedomning: 'tydlig_effekt', beslut: 'intensifiera', rekommendation: 'intensifiera' });
    expect(await backend.dispatch('skola:create', { namn: 'Till', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    backend.close();
  });

  it('logs an unexpected failure and answers with a generic Swedish message', async () => {
    const backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
    const table = buildHandlerTable(
      Object.fromEntries(
        CHANNELS.map((c) => [
          c,
          () => {
            throw new TypeError('boom');
          },
        ]),
      ),
    );
    const logged: string[] = [];
    const reply = await dispatch(table, backend.context, 'skola:get', {}, (m) => logged.push(m));
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/Något gick fel/) } });
    expect(JSON.stringify(reply)).not.toMatch(/boom|TypeError/);
    expect(logged).toHaveLength(1);
    backend.close();
  });
});
