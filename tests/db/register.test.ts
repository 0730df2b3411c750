// The register services on a real SQLite file: create, edit, leave and return, conflicts and Swedish messages.
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { Amne, Grupp, Undervisning } from '../../shared/channels/register';
import type { Elev, Insats, Personal } from '../../shared/model';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function refused(backend: Backend, channel: string, args: unknown) {
  const reply = await backend.dispatch(channel, args);
  if (reply.ok) throw new Error(`${channel} borde ha nekats`);
  return reply.error;
}

describe('register', () => {
  const dataDir = tempDir();
  let backend: Backend;
  const open = () => createBackend({ dataDir, mode: 'browser', now: () => NOW });

  beforeAll(async () => {
    backend = await open();
    await ok(backend, 'skola:create', { namn: 'Ängsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
  });

  it('creates and edits staff with roles and e-post, and marks them as left and back', async () => {
    const p = await ok<Personal>(backend, 'personal:create', {
      fornamn: 'Eva',
      efternamn: 'Holm',
      epost: 'eva.holm@angsskolan.se',
      roller: ['larare', 'mentor', 'larare'],
    });
    expect(p).toMatchObject({ fornamn: 'Eva', epost: 'eva.holm@angsskolan.se', aktiv: true });
    expect([...p.roller].sort()).toEqual(['larare', 'mentor']);
    const edited = await ok<Personal>(backend, 'personal:update', { id: p.id, roller: ['specialpedagog'], epost: '' });
    expect(edited).toMatchObject({ fornamn: 'Eva', efternamn: 'Holm', roller: ['specialpedagog'], epost: null });
    expect(await ok<Personal>(backend, 'personal:setAktiv', { id: p.id, aktiv: false })).toMatchObject({ aktiv: false });
    expect(await ok<Personal>(backend, 'personal:setAktiv', { id: p.id, aktiv: true })).toMatchObject({ aktiv: true });

    const bad = await refused(backend, 'personal:create', { fornamn: 'X', efternamn: 'Y', epost: 'inte-en-adress' });
    expect(bad).toMatchObject({ code: 'invalid_argument', message: expect.stringMatching(/E-postadressen ser inte ut/) });
    const noRole = await refused(backend, 'personal:update', { id: p.id, roller: ['vaktmastare'] });
    expect(noRole.message).toMatch(/Okänd roll/);
    expect(await refused(backend, 'personal:update', { id: 9999, fornamn: 'Ny' })).toMatchObject({ code: 'not_found' });
  });

  it('creates groups in the current läsår and refuses the same name twice', async () => {
    const g = await ok<Grupp>(backend, 'grupp:create', { namn: '7B', typ: 'klass', arskurs: 7 });
    expect(g).toMatchObject({ namn: '7B', typ: 'klass', arskurs: 7, antalElever: 0 });
    const dup = await refused(backend, 'grupp:create', { namn: '7b', arskurs: 7 });
    expect(dup).toMatchObject({ code: 'conflict', message: expect.stringMatching(/redan en grupp som heter 7b/) });
    await ok<Grupp>(backend, 'grupp:create', { namn: 'Lilla gruppen', typ: 'undervisningsgrupp' });
    const renamed = await ok<Grupp>(backend, 'grupp:update', { id: g.id, namn: '7 Blå' });
    expect(renamed.namn).toBe('7 Blå');
    expect(await refused(backend, 'grupp:update', { id: g.id, namn: 'Lilla gruppen' })).toMatchObject({ code: 'conflict' });
    expect((await refused(backend, 'grupp:create', { namn: '10A', arskurs: 10 })).message).toMatch(/F \(0\) eller 1–9/);
    const list = await ok<Grupp[]>(backend, 'grupp:list');
    expect(list.map((x) => x.namn)).toEqual(['7 Blå', 'Lilla gruppen']);
  });

  it('lists the preloaded subjects and adds a language variant of M2, once', async () => {
    const amnen = await ok<Amne[]>(backend, 'amne:list');
    expect(amnen[0]).toMatchObject({ kod: 'SV', namn: 'Svenska' });
    expect(amnen.map((a) => a.kod)).toContain('ML');
    const spanska = await ok<Amne>(backend, 'amne:create', { kod: 'm2', sprak: 'Spanska' });
    expect(spanska).toMatchObject({ kod: 'M2', sprak: 'Spanska', namn: 'Moderna språk, språkval – Spanska' });
    expect(await refused(backend, 'amne:create', { kod: 'M2', sprak: 'spanska' })).toMatchObject({ code: 'conflict', message: 'Ämnet M2 med språket spanska finns redan.' });
    expect((await refused(backend, 'amne:create', { kod: 'ML', sprak: '' })).message).toMatch(/Ange vilket språk ML gäller/);
    expect((await refused(backend, 'amne:create', { kod: 'MA', sprak: 'Tyska' })).message).toMatch(/Språk anges bara/);
    const after = await ok<Amne[]>(backend, 'amne:list');
    const m2 = after.findIndex((a) => a.kod === 'M2' && a.sprak === '');
    expect(after[m2 + 1]?.sprak).toBe('Spanska');
    const renamed = await ok<Amne>(backend, 'amne:update', { id: spanska.id, namn: 'Spanska (M2)' });
    expect(renamed.namn).toBe('Spanska (M2)');
  });

  it('adds, changes and removes undervisning and refuses the same one twice', async () => {
    const [larare] = await ok<Personal[]>(backend, 'personal:list');
    const [grupp] = await ok<Grupp[]>(backend, 'grupp:list');
    const ma = (await ok<Amne[]>(backend, 'amne:list')).find((a) => a.kod === 'MA');
    if (!larare || !grupp || !ma) throw new Error('Testdata saknas');
    const u = await ok<Undervisning>(backend, 'undervisning:create', { personalId: larare.id, gruppId: grupp.id, amneId: ma.id });
    expect(u).toMatchObject({ larare: 'Eva Holm', grupp: '7 Blå', amne: 'Matematik', amneKod: 'MA' });
    const dup = await refused(backend, 'undervisning:create', { personalId: larare.id, gruppId: grupp.id, amneId: ma.id });
    expect(dup).toMatchObject({ code: 'conflict', message: 'Eva Holm undervisar redan 7 Blå i Matematik.' });
    expect(await ok<Undervisning[]>(backend, 'undervisning:list')).toHaveLength(1);
    expect(await ok(backend, 'undervisning:delete', { id: u.id })).toEqual({ id: u.id });
    expect(await refused(backend, 'undervisning:delete', { id: u.id })).toMatchObject({ code: 'not_found' });
  });

  it('creates a pupil, edits them, marks them as left and back with history intact, across a restart', async () => {
    const [klass, lilla] = await ok<Grupp[]>(backend, 'grupp:list');
    const [mentor] = await ok<Personal[]>(backend, 'personal:list');
    if (!klass || !lilla || !mentor) throw new Error('Testdata saknas');
    const elev = await ok<Elev>(backend, 'elev:create', { fornamn: 'Saga', efternamn: 'Lind', arskurs: 7, klassId: klass.id, mentorId: mentor.id, nyanland: true });
    expect(elev).toMatchObject({ klass: '7 Blå', mentor: 'Eva Holm', nyanland: true, sarskildUndervisningsgrupp: false, aktiv: true, slutat: null });
    expect((await ok<Grupp[]>(backend, 'grupp:list'))[0]?.antalElever).toBe(1);

    const moved = await ok<Elev>(backend, 'elev:update', { id: elev.id, klassId: lilla.id, sarskildUndervisningsgrupp: true });
    expect(moved).toMatchObject({ fornamn: 'Saga', klass: 'Lilla gruppen', sarskildUndervisningsgrupp: true, nyanland: true });
    const counts = await ok<Grupp[]>(backend, 'grupp:list');
    expect(counts.map((g) => g.antalElever)).toEqual([0, 1]);
    expect((await refused(backend, 'elev:update', { id: elev.id, efternamn: '  ' })).message).toMatch(/Efternamn får inte vara tomt/);
    expect((await refused(backend, 'elev:create', { fornamn: 'A', efternamn: 'B', arskurs: 3, klassId: 999 })).message).toMatch(/Klassen finns inte/);

    const insats = await ok<Insats>(backend, 'insats:create', {
      niva: 'individ', elevId: elev.id, beskrivning: 'Läsning med stöd', typ: 'extra_anpassning', forvantadEffekt: 'Läser själv', startdatum: '2026-10-05',
    });
    const left = await ok<Elev>(backend, 'elev:setAktiv', { id: elev.id, aktiv: false });
    expect(left).toMatchObject({ aktiv: false, slutat: '2026-11-23' });
    expect((await ok<Elev[]>(backend, 'elev:list', { baraAktiva: true })).map((e) => e.id)).not.toContain(elev.id);
    expect((await ok<Elev[]>(backend, 'elev:list', { baraAktiva: false })).map((e) => e.id)).toContain(elev.id);
    expect((await ok<Grupp[]>(backend, 'grupp:list'))[1]?.antalElever).toBe(0);
    backend.close();

    backend = await open();
    expect(await ok<Elev>(backend, 'elev:get', { id: elev.id })).toMatchObject({ aktiv: false, slutat: '2026-11-23', klass: 'Lilla gruppen' });
    expect((await ok<Insats[]>(backend, 'insats:listForElev', { elevId: elev.id })).map((i) => i.id)).toEqual([insats.id]);
    const back = await ok<Elev>(backend, 'elev:setAktiv', { id: elev.id, aktiv: true });
    expect(back).toMatchObject({ aktiv: true, slutat: null });
    const leftOn = await ok<Elev>(backend, 'elev:setAktiv', { id: elev.id, aktiv: false, slutat: '2026-12-18' });
    expect(leftOn.slutat).toBe('2026-12-18');
    backend.close();
  });
});
