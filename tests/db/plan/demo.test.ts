// The demo school's plan (demo/plan.ts) through the real backend: a saved plan with answers, the baseline Varvet
// froze at the läsår start, a later version with a reason — and meetings moved since the baseline, so the year-end's
// "planned vs held" shows real differences. Deterministic for the same `now`.
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ArsReflektioner, PlanBaslinjeLage, PlanVersion, PlanVersionInfo, Verktyg } from '../../../shared/channels/plan';
import type { ArsavslutVy } from '../../../shared/channels/uppfoljning';
import { kalenderVarningar, planDiff } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function demo(iso: string): Promise<Backend> {
  const b = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => new Date(iso), backupIntervalMs: null });
  await ok(b, 'demo:open', { size: 's' });
  return b;
}

describe('demoskolans plan', () => {
  it('has a plan with answers, a baseline from the läsår start, a later version with a reason, and moved meetings', async () => {
    const b = await demo('2026-03-10T09:00:00Z');
    const versioner = await ok<PlanVersionInfo[]>(b, 'plan:versioner');
    expect(versioner.map((v) => [v.nummer, v.isBaseline])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    const [v3, v2, v1] = versioner as [PlanVersionInfo, PlanVersionInfo, PlanVersionInfo];
    expect(v2).toMatchObject({ skapadAv: 'Varvet (vid läsårets start)', skapad: '2025-08-18T05:30:00.000Z', lasarNamn: '2025/26' });
    expect(v1.skapad < v2.skapad && v2.skapad < v3.skapad && v3.skapad <= '2026-03-10T09:00:00.000Z').toBe(true);
    expect(v3.orsak).toMatch(/EHT-mötet flyttas i varv 1 från .+ till .+ och varv 2/);
    const lage = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(lage).toMatchObject({ automatisk: true, baslinje: { id: v2.id } });

    // What changed from the baseline to the later version: the purpose and two EHT-möten.
    const base = await ok<PlanVersion>(b, 'plan:version', { id: v2.id });
    const later = await ok<PlanVersion>(b, 'plan:version', { id: v3.id });
    expect(planDiff(base.innehall, later.innehall).map((d) => d.nyckel)).toEqual(['svar.syfte', 'varv.1.eht', 'varv.2.eht']);
    expect(Object.keys(later.innehall.svar)).toHaveLength(8);
    // Both plans are sound: no meeting on a weekend, outside its varv or out of order.
    for (const p of [base.innehall, later.innehall]) expect(kalenderVarningar({ ...p, ...p.lasar })).toEqual([]);

    // The year-end: the two moved meetings were held on another day than the baseline planned.
    const vy = await ok<ArsavslutVy>(b, 'arsavslut:get', { lasarId: null });
    expect(vy.planMotUtfall.baslinje?.nummer).toBe(2);
    const flyttade = vy.planMotUtfall.moten.filter((m) => m.typ === 'eht' && m.utfall === 'flyttat');
    expect(flyttade.map((m) => m.varvNummer)).toEqual([1, 2]);
    for (const m of flyttade) expect(m.planerat).not.toBe(m.faktiskt);

    // Steps 1–3 were done: the inventory, and what the year-end shows again.
    expect((await ok<Verktyg[]>(b, 'verktyg:list')).map((v) => v.namn)).toEqual(['Skolplattformen (Unikum)', 'Ämneslagens kalkylark']);
    const ref = await ok<ArsReflektioner>(b, 'reflektion:arsavslut', { lasarId: null });
    expect(ref.steg.find((s) => s.steg === 1)?.delar[0]?.fundera?.utfall).toMatch(/Vi inventerade två verktyg/);
    expect(ref.steg.find((s) => s.steg === 2)?.delar[0]?.diskussion.map((d) => d.fragaNr)).toEqual([1, 3, 4]);
    // Opening the demo again freezes nothing more: the läsår has its baseline.
    b.close();
  });

  it('is the same for the same now, and sound in the first days of the läsår', async () => {
    const rows = async (iso: string) => {
      const b = await demo(iso);
      const out = {
        versioner: b.context.db.prepare('SELECT nummer, innehall, skapad, skapad_av, orsak, is_baseline FROM plan_version ORDER BY nummer').all(),
        aterkoppling: b.context.db.prepare('SELECT till, delar, skickad, svar, mottagen FROM aterkoppling').all(),
      };
      b.close();
      return out;
    };
    expect(await rows('2026-03-10T09:00:00Z')).toEqual(await rows('2026-03-10T09:00:00Z'));
    const early = await demo('2025-08-19T06:00:00Z');
    const versioner = await ok<PlanVersionInfo[]>(early, 'plan:versioner');
    expect(versioner).toHaveLength(3);
    expect(versioner.every((v) => v.skapad <= '2025-08-19T06:00:00.000Z')).toBe(true);
    const vy = await ok<ArsavslutVy>(early, 'arsavslut:get', { lasarId: null });
    expect(vy.planMotUtfall.baslinje?.nummer).toBe(2);
    early.close();
  });
});
