// A school created inside its läsår (issue 14): an empty plan is never frozen as the baseline; the first version
// with content becomes it (the reply says so), and the skolledning can set it again, audited, until the first varv's
// EHT-möte. A real SQLite folder opened with an injected clock.
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { PlanBaslinjeLage, PlanVersionInfo } from '../../../shared/channels/plan';
import type { MoteRad } from '../../../shared/channels/mote';
import { tempDir } from '../../support/tmp';

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const open = (dataDir: string, iso: string) => createBackend({ dataDir, mode: 'browser', now: () => new Date(iso), backupIntervalMs: null });
const LASAR = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };

describe('baslinje för en skola som börjar mitt i läsåret', () => {
  it('fryser aldrig en tom plan; den första versionen med innehåll blir baslinje; kan sättas om till varv 1:s EHT-möte', async () => {
    const dataDir = tempDir();
    let b = await open(dataDir, '2026-09-01T08:00:00Z');
    await ok(b, 'skola:create', { namn: 'Lindängens skola', lasar: LASAR });
    // Opening the app inside the läsår with an empty plan freezes nothing, now or at the next opening.
    expect((await ok<PlanBaslinjeLage>(b, 'plan:baslinjeVidStart'))?.baslinje).toBeNull();
    b.close();
    b = await open(dataDir, '2026-09-02T08:00:00Z');
    expect(await ok<PlanVersionInfo[]>(b, 'plan:versioner')).toEqual([]);
    const lage = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(lage).toMatchObject({ baslinje: null, frysesDatum: null });
    const moten = await ok<MoteRad[]>(b, 'mote:list');
    const varv1 = moten.find((m) => m.typ === 'eht' && m.varvNummer === 1);
    expect(lage.andrasSenast).toBe(varv1?.datum);

    // Asking for an empty baseline is refused in Swedish.
    expect(await b.dispatch('plan:sparaVersion', { skapadAv: 'Åsa Öberg', baslinje: true })).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', message: expect.stringMatching(/En tom plan kan inte fastställas som baslinje/) },
    });

    // The first version with content becomes the baseline, and says so.
    await ok(b, 'plan:utkastSave', { svar: { syfte: 'Rektor förklarar syftet på APT.' } });
    const v1 = await ok<PlanVersionInfo>(b, 'plan:sparaVersion', { skapadAv: 'Åsa Öberg', orsak: '' });
    expect(v1).toMatchObject({ nummer: 1, isBaseline: true });
    expect(v1.orsak).toMatch(/den första versionen med innehåll är fastställd som baslinje/);
    await ok(b, 'plan:utkastSave', { svar: { syfte: 'Rektor och förstelärarna förklarar syftet på APT.' } });
    const v2 = await ok<PlanVersionInfo>(b, 'plan:sparaVersion', { skapadAv: 'Åsa Öberg', orsak: 'Förstelärarna med' });
    expect(v2).toMatchObject({ nummer: 2, isBaseline: false });

    // Set again by the skolledning, before varv 1's EHT-möte: the flag moves, and the log records it under the channel.
    const satt = await ok<PlanVersionInfo>(b, 'plan:sattBaslinje', { versionId: v2.id });
    expect(satt).toMatchObject({ nummer: 2, isBaseline: true });
    expect((await ok<PlanVersionInfo[]>(b, 'plan:versioner')).map((v) => [v.nummer, v.isBaseline])).toEqual([
      [2, true],
      [1, false],
    ]);
    const logg = b.context.db
      .prepare("SELECT rad_id AS radId, json_extract(efter, '$.is_baseline') AS baslinje FROM audit_logg WHERE tabell = 'plan_version' AND operation = 'U' AND kanal = 'plan:sattBaslinje' ORDER BY id")
      .all();
    expect(logg).toEqual([
      { radId: String(v1.id), baslinje: 0 },
      { radId: String(v2.id), baslinje: 1 },
    ]);
    b.close();

    // On the day of varv 1's EHT-möte it is too late.
    b = await open(dataDir, `${varv1?.datum}T07:00:00Z`);
    expect((await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage')).andrasSenast).toBeNull();
    expect(await b.dispatch('plan:sattBaslinje', { versionId: v1.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Baslinjen för läsåret 2026\/27 kan inte längre ändras/) },
    });
    b.close();
  });
});
