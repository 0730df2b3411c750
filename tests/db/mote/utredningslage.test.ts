// The utredning candidates follow the meeting's judgements: every 'mote:evaluate' returns them as the agenda would
// show them now, so meeting mode's "x av y beslut" (U) is never stale (the audit saw "0 av 19" while 22 were required).
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { EvaluateResult, MoteAgenda, MoteRad } from '../../../shared/channels/mote';
import { recommendDecision } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

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
