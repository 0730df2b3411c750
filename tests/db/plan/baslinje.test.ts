// The baseline per läsår, frozen when the läsår starts (issue 5): a real SQLite folder opened again and again with an
// injected clock. Before the first day nothing is frozen and Förberedelse is told when it will be; opening the app on
// or after it freezes the latest saved version (else the plan as it stands) as the läsår's baseline, once, recorded
// as made by Varvet and audited; each läsår has its own baseline, and the year-end compares with its own.
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { DatabaseConstructor as BetterSqlite3 } from '../../../electron/backend/db/driver';
import { applyMigrations, loadMigrations } from '../../../electron/backend/db/migrations';
import type { PlanBaslinjeLage, PlanVersion, PlanVersionInfo } from '../../../shared/channels/plan';
import type { ArsavslutVy } from '../../../shared/channels/uppfoljning';
import { tempDir } from '../../support/tmp';

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function open(dataDir: string, iso: string): Promise<Backend> {
  return createBackend({ dataDir, mode: 'browser', now: () => new Date(iso), backupIntervalMs: null });
}

const LASAR = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };

describe('baslinje per läsår, fryst när läsåret börjar', () => {
  it('tells when it will be frozen, then freezes the latest saved version on the first day the app is opened, once', async () => {
    const dataDir = tempDir();
    let b = await open(dataDir, '2026-05-04T08:00:00Z');
    await ok(b, 'skola:create', { namn: 'Björkhagens skola', lasar: LASAR });
    const fore = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(fore).toMatchObject({ lasar: { namn: '2026/27', startdatum: '2026-08-17' }, baslinje: null, automatisk: false, frysesDatum: '2026-08-17' });

    await ok(b, 'plan:utkastSave', { svar: { syfte: 'Rektor förklarar syftet på första APT.' } });
    const v1 = await ok<PlanVersionInfo>(b, 'plan:sparaVersion', { skapadAv: 'Åsa Öberg', orsak: 'Planen inför läsåret' });
    expect(v1).toMatchObject({ nummer: 1, isBaseline: false, lasarNamn: '2026/27' });
    // Changed after the last saved version: the draft is not the plan in force.
    await ok(b, 'plan:utkastSave', { svar: { syfte: 'Ett utkast som ingen har sparat som version.' } });
    b.close();

    // The day before the start: nothing is frozen.
    b = await open(dataDir, '2026-08-16T18:00:00Z');
    expect(await ok<PlanVersionInfo[]>(b, 'plan:versioner')).toHaveLength(1);
    expect((await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage')).frysesDatum).toBe('2026-08-17');
    b.close();

    // The first day: opening the app freezes version 1's content as the baseline, made by Varvet.
    b = await open(dataDir, '2026-08-17T06:30:00Z');
    const lage = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(lage).toMatchObject({
      automatisk: true,
      frysesDatum: null,
      baslinje: { nummer: 2, isBaseline: true, skapadAv: 'Varvet (vid läsårets start)', skapad: '2026-08-17T06:30:00.000Z', lasarNamn: '2026/27' },
    });
    expect(lage?.baslinje?.orsak).toMatch(/Läsåret 2026\/27 började\. Den senast sparade planen \(version 1\)/);
    const frozen = await ok<PlanVersion>(b, 'plan:version', { id: lage?.baslinje?.id });
    const first = await ok<PlanVersion>(b, 'plan:version', { id: v1.id });
    expect(frozen.innehall).toEqual(first.innehall);
    expect(frozen.innehall.svar.syfte).toBe('Rektor förklarar syftet på första APT.');
    // Audited and sealed like any change, under the channel that made it.
    const entry = b.context.db
      .prepare("SELECT kanal, hash FROM audit_logg WHERE tabell = 'plan_version' AND operation = 'I' ORDER BY id DESC LIMIT 1")
      .get() as { kanal: string; hash: string | null };
    expect(entry.kanal).toBe('plan:baslinjeVidStart');
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    // The baseline is set: a manual one is refused, later changes are ordinary versions.
    const again = await b.dispatch('plan:sparaVersion', { skapadAv: 'Åsa Öberg', baslinje: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/redan en fastställd baslinje för läsåret 2026\/27/) } });
    b.close();

    // Opened again later in the läsår: still one baseline.
    b = await open(dataDir, '2026-10-05T07:00:00Z');
    const versioner = await ok<PlanVersionInfo[]>(b, 'plan:versioner');
    expect(versioner.map((v) => [v.nummer, v.isBaseline])).toEqual([
      [2, true],
      [1, false],
    ]);
    const vy = await ok<ArsavslutVy>(b, 'arsavslut:get', { lasarId: null });
    expect(vy.planMotUtfall.baslinje?.nummer).toBe(2);
    b.close();
  });

  it('freezes the plan as it stands when no version was saved, and nothing once the läsår has ended', async () => {
    const dataDir = tempDir();
    let b = await open(dataDir, '2026-06-01T08:00:00Z');
    await ok(b, 'skola:create', { namn: 'Ekbackens skola', lasar: LASAR });
    await ok(b, 'plan:utkastSave', { svar: { forstelarare: 'Förstelärarna leder analysen.' } });
    b.close();

    b = await open(dataDir, '2026-08-24T07:00:00Z');
    const lage = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(lage?.baslinje).toMatchObject({ nummer: 1, isBaseline: true, skapadAv: 'Varvet (vid läsårets start)' });
    expect(lage?.baslinje?.orsak).toMatch(/Planen som den såg ut då är fastställd som baslinje/);
    const v = await ok<PlanVersion>(b, 'plan:version', { id: lage?.baslinje?.id });
    expect(v.innehall.svar).toEqual({ forstelarare: 'Förstelärarna leder analysen.' });
    expect(v.innehall.lasar.namn).toBe('2026/27');
    b.close();

    // A school whose läsår is over when the app is next opened: no baseline is made up after the fact.
    const other = tempDir();
    b = await open(other, '2026-06-01T08:00:00Z');
    await ok(b, 'skola:create', { namn: 'Granens skola', lasar: LASAR });
    b.close();
    b = await open(other, '2027-07-01T08:00:00Z');
    expect(await ok<PlanVersionInfo[]>(b, 'plan:versioner')).toEqual([]);
    b.close();
  });

  it('keeps one baseline per läsår: the next läsår gets its own, and the year-end compares each with its own', async () => {
    const dataDir = tempDir();
    let b = await open(dataDir, '2026-06-01T08:00:00Z');
    await ok(b, 'skola:create', { namn: 'Lindens skola', lasar: LASAR });
    // An empty plan is never a baseline (issue 14): the plan says something first.
    await ok(b, 'plan:utkastSave', { svar: { syfte: 'Rektor förklarar syftet på APT.' } });
    await ok(b, 'plan:sparaVersion', { skapadAv: 'Åsa Öberg', orsak: '', baslinje: true });
    // The next läsår (the app has no screen to add one yet; the demo's history is made the same way).
    const db = b.context.db;
    const nasta = Number(
      db.prepare("INSERT INTO lasar (namn, startdatum, slutdatum, lov, antal_varv, varv_langd_veckor) VALUES ('2027/28', '2027-08-16', '2028-06-09', '[]', 1, 6)").run()
        .lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO varv (lasar_id, nummer, startdatum, slutdatum, bedomning_senast, resultatdialog_datum, eht_datum, avstamning_datum)
       VALUES (?, 1, '2027-08-23', '2027-10-01', '2027-09-03', '2027-09-08', '2027-09-15', '2027-09-22')`,
    ).run(nasta);
    db.prepare("INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, NULL, 'forsta_eht', '2027-08-19')").run(nasta);
    b.close();

    b = await open(dataDir, '2027-08-16T06:00:00Z');
    const lage = await ok<PlanBaslinjeLage>(b, 'plan:baslinjeLage');
    expect(lage).toMatchObject({ lasar: { namn: '2027/28' }, automatisk: true, baslinje: { nummer: 2, lasarNamn: '2027/28' } });
    const v = await ok<PlanVersion>(b, 'plan:version', { id: lage?.baslinje?.id });
    expect(v.innehall.lasar.namn).toBe('2027/28');
    expect(v.innehall.forstaEht).toBe('2027-08-19');
    expect(b.context.db.prepare('SELECT count(*) FROM plan_version WHERE is_baseline = 1').pluck().get()).toBe(2);
    // The database refuses a second baseline in the same läsår even without the service's check.
    expect(() =>
      b.context.db.prepare("INSERT INTO plan_version (nummer, innehall, skapad, skapad_av, is_baseline, lasar_id) VALUES (9, '{}', 'x', 'x', 1, ?)").run(nasta),
    ).toThrow(/UNIQUE/);
    const forra = b.context.db.prepare("SELECT id FROM lasar WHERE namn = '2026/27'").pluck().get() as number;
    expect((await ok<ArsavslutVy>(b, 'arsavslut:get', { lasarId: forra })).planMotUtfall.baslinje?.nummer).toBe(1);
    expect((await ok<ArsavslutVy>(b, 'arsavslut:get', { lasarId: nasta })).planMotUtfall.baslinje?.nummer).toBe(2);
    b.close();
  });

  it('migration 0010 gives the existing versions the läsår their calendar names and one baseline per läsår', () => {
    const all = loadMigrations();
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, all.slice(0, 9));
    db.exec(`
      INSERT INTO lasar (id, namn, startdatum, slutdatum) VALUES (1, '2025/26', '2025-08-18', '2026-06-12'), (2, '2026/27', '2026-08-17', '2027-06-11');
      INSERT INTO verktyg (id, namn, skapad) VALUES (1, 'Skolplattformen', '2026-05-04T08:00:00Z');
      INSERT INTO verktyg_formaga (verktyg_id, formaga, varde, kommentar) VALUES (1, 'analys', 'nej', 'Ingen analys.');
      INSERT INTO plan_version (id, nummer, innehall, skapad, skapad_av, is_baseline)
        VALUES (1, 1, '{"lasar":{"namn":"2026/27","startdatum":"2026-08-17"}}', '2026-08-10T08:00:00Z', 'Åsa', 1),
               (2, 2, '{"lasar":{"namn":"2026/27","startdatum":"2026-08-17"}}', '2026-09-10T08:00:00Z', 'Åsa', 0);
    `);
    applyMigrations(db, all);
    expect(db.prepare('SELECT id, lasar_id FROM plan_version ORDER BY id').raw().all()).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(db.prepare('SELECT kommentar, uppdaterad FROM verktyg_formaga').raw().get()).toEqual(['Ingen analys.', null]);
    // Another läsår may have its own baseline; the same läsår may not have two.
    db.prepare("INSERT INTO plan_version (nummer, innehall, skapad, skapad_av, is_baseline, lasar_id) VALUES (3, '{}', 'x', 'x', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO plan_version (nummer, innehall, skapad, skapad_av, is_baseline, lasar_id) VALUES (4, '{}', 'x', 'x', 1, 2)").run()).toThrow(/UNIQUE/);
    db.close();
  });
});
