// The utredning candidates follow the meeting's judgements: every 'mote:evaluate' returns them as the agenda would
// show them now, so meeting mode's "x av y beslut" (U) is never stale (the audit saw "0 av 19" while 22 were required).
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { EvaluateResult, MoteAgenda, MoteRad } from '../../../shared/channels/mote';
import { recommendDecision } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';
import { utredningslage } from '../../../electron/backend/mote/agenda';
import { openConnection } from '../../../electron/backend/db/driver';
import { databasePath } from '../../../electron/backend/paths';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const lage = (k: MoteAgenda['utredningskandidater']) => k.map((x) => ({ elevId: x.elevId, insatsIds: x.insatsIds, beslut: x.beslut }));

describe('utredningskandidaterna under mötet', () => {
  let backend: Backend;
  let mote: MoteRad;
  let agenda: MoteAgenda;

  beforeAll(async () => {
    backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW });
    await ok(backend, 'demo:open', { size: 's' });
    mote = (await ok<MoteRad[]>(backend, 'mote:list')).find((m) => m.typ === 'eht' && m.status === 'planerat') as MoteRad;
    agenda = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
  });

  it('kommer tillbaka med varje bedömning, lika med dagordningens, med elevernas namn', async () => {
    const fore = lage(agenda.utredningskandidater);
    let andrades = 0;
    for (const [n, ai] of agenda.insatser.entries()) {
      const bedomning = n % 3 === 0 ? 'tydlig_effekt' : 'ingen_effekt';
      const beslut = recommendDecision({ bedomning, maletNatt: false, kedja: ai.kedja }).rekommendation;
      const r = await ok<EvaluateResult>(backend, 'mote:evaluate', {
        moteId: mote.id, nyckel: `lage-eval-${String(n).padStart(4, '0')}`, insatsId: ai.insats.id, bedomning, beslut,
        motivering: null,
      });
      const nu = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
      expect(lage(r.utredningskandidater)).toEqual(lage(nu.utredningskandidater));
      for (const k of r.utredningskandidater) expect(r.kandidatElever[k.elevId]?.namn ?? nu.elever[k.elevId]?.namn).toBe(nu.elever[k.elevId]?.namn);
      if (JSON.stringify(lage(r.utredningskandidater)) !== JSON.stringify(fore)) andrades += 1;
    }
    // The judgements did change who needs a decision: the test would catch a list that never moves.
    expect(andrades).toBeGreaterThan(0);
    const slut = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    expect(slut.utredningskandidater.length).not.toBe(agenda.utredningskandidater.length);
  });

  it('ett utredningsbeslut svarar med kandidaten utan att bygga om hela dagordningen', async () => {
    const nu = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    const k = nu.utredningskandidater[0] as MoteAgenda['utredningskandidater'][number];
    const svar = await ok<MoteAgenda['utredningskandidater'][number]>(backend, 'mote:utredningsbeslut', {
      moteId: mote.id, nyckel: 'lage-utr-0001', elevId: k.elevId, beslut: 'inte_nu', motivering: 'Anpassningen prövas ett varv till.',
    });
    expect(svar).toMatchObject({ elevId: k.elevId, beslut: { beslut: 'inte_nu', motivering: 'Anpassningen prövas ett varv till.' } });
  });
});

// mote:evaluate judges only the evaluated pupil again when nothing else was written since the last läge
// (mote/utredningslage.ts). Each reply must equal the whole rule run afresh, also after changes it did not make.
describe('utredningsläget räknas om för en elev i taget, och helt när något annat ändrats', () => {
  let backend: Backend;
  let mote: MoteRad;
  let agenda: MoteAgenda;
  const full = () => lage(utredningslage(backend.context.db, mote.id).utredningskandidater);
  const evaluateNo = (n: number, ai: MoteAgenda['insatser'][number]) =>
    ok<EvaluateResult>(backend, 'mote:evaluate', {
      moteId: mote.id, nyckel: `steg-eval-${String(n).padStart(4, '0')}`, insatsId: ai.insats.id, bedomning: n % 2 === 0 ? 'ingen_effekt' : 'tydlig_effekt',
      beslut: recommendDecision({ bedomning: n % 2 === 0 ? 'ingen_effekt' : 'tydlig_effekt', maletNatt: false, kedja: ai.kedja }).rekommendation, motivering: null,
    });

  beforeAll(async () => {
    backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW, backupIntervalMs: null });
    await ok(backend, 'demo:open', { size: 's' });
    mote = (await ok<MoteRad[]>(backend, 'mote:list')).find((m) => m.typ === 'eht' && m.status === 'planerat') as MoteRad;
    agenda = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
  });

  it('evaluation after evaluation, each reply equal to the rule run on every pupil', async () => {
    const individ = agenda.insatser.filter((ai) => ai.insats.niva === 'individ');
    expect(individ.length).toBeGreaterThan(4);
    for (const [n, ai] of agenda.insatser.entries()) {
      const r = await evaluateNo(n, ai);
      expect(lage(r.utredningskandidater), `after evaluation ${n}`).toEqual(full());
      expect(Object.keys(r.kandidatElever).sort()).toEqual([...new Set(r.utredningskandidater.map((k) => String(k.elevId)))].sort());
    }
  });

  it('a change by another program or outside the meeting is seen by the next evaluation', async () => {
    const nu = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    const candidates = nu.utredningskandidater.filter((k) => k.beslut === null && k.insatsIds.length > 0);
    expect(candidates.length).toBeGreaterThan(1);
    const [a, b] = candidates as [MoteAgenda['utredningskandidater'][number], MoteAgenda['utredningskandidater'][number]];
    const another = nu.insatser.find((ai) => ai.insats.elevId !== a.elevId && ai.insats.elevId !== b.elevId) as MoteAgenda['insatser'][number];
    // An utredning already under way takes a pupil off the list. Another program starts one for pupil a
    // (data_version), this connection outside any channel one for pupil b (total_changes).
    const oppna = (elevId: number) =>
      `INSERT INTO utredning (elev_id, ansvarig_id, startdatum, deadline) VALUES (${elevId}, (SELECT min(id) FROM personal), '2026-09-01', '2026-12-01')`;
    const other = openConnection(databasePath(backend.dataDir));
    other.exec(oppna(a.elevId));
    other.close();
    const r1 = await evaluateNo(1001, another);
    expect(r1.utredningskandidater.map((k) => k.elevId)).not.toContain(a.elevId);
    expect(lage(r1.utredningskandidater)).toEqual(full());
    backend.context.db.exec(oppna(b.elevId));
    const r2 = await evaluateNo(1003, another);
    expect(r2.utredningskandidater.map((k) => k.elevId)).not.toContain(b.elevId);
    expect(lage(r2.utredningskandidater)).toEqual(full());
  });
});
