// The school's rule settings through the real backend (issue 3, item 7): installningar:get / installningar:set merge a
// partial change into the stored JSON (the lock time, the gallring rule, the lov and keys of a newer Varvet survive),
// refuse bad values with a Swedish sentence naming the field, are audited like every write, and the rules read them:
// the utredning threshold decides who is due a decision at the meeting. A new school plans 6 varv of 5 weeks, as its
// settings say; the appeal of "inget åtgärdsprogram" is in the pupil's history with its last day.
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { ElevHistorik, MoteAgenda, MoteRad, UtredningRad } from '../../shared/channels/mote';
import { addDaysIso, DEFAULT_INSTALLNINGAR, type SkolInstallningar } from '../../shared/domain/index';
import type { Reply } from '../../shared/errors';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function refused(backend: Backend, channel: string, args: unknown): Promise<{ code: string; message: string }> {
  const reply = (await backend.dispatch(channel, args)) as Reply<unknown>;
  if (reply.ok) throw new Error(`${channel} was accepted`);
  return reply.error;
}

const stored = (db: Database) => JSON.parse(db.prepare('SELECT installningar FROM skola WHERE id = 1').pluck().get() as string) as Record<string, unknown>;
const auditCount = (db: Database) => db.prepare('SELECT count(*) FROM audit_logg').pluck().get() as number;

describe('installningar:get / installningar:set', () => {
  const dataDir = tempDir();
  let backend: Backend;
  let db: Database;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    db = backend.context.db;
  });

  it('answers with the defaults before a school exists and refuses to save', async () => {
    expect(await ok<SkolInstallningar>(backend, 'installningar:get')).toEqual(DEFAULT_INSTALLNINGAR);
    expect(await refused(backend, 'installningar:set', { utredningTroskelVeckor: 6 })).toEqual({
      code: 'conflict',
      message: 'Skapa skolan först; inställningarna sparas i skolans inställningar.',
    });
  });

  it('plans a new school with 6 varv of 5 weeks, and its settings say the same', async () => {
    await ok(backend, 'skola:create', { namn: 'Inställningsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    const lasar = db.prepare('SELECT antal_varv AS antalVarv, varv_langd_veckor AS varvLangdVeckor FROM lasar').get();
    expect(lasar).toEqual({ antalVarv: 6, varvLangdVeckor: 5 });
    expect(await ok<SkolInstallningar>(backend, 'installningar:get')).toMatchObject({ antalVarv: 6, varvLangdVeckor: 5 });
    expect(DEFAULT_INSTALLNINGAR.varvLangdVeckor).toBe(5);
  });

  it('merges a partial change: the lock time, the gallring rule, the lov and unknown keys are kept; audited', async () => {
    await ok(backend, 'lock:setSettings', { lasEfterMinuter: 7 });
    await ok(backend, 'gallring:regel', { gallringAr: 5 });
    // A key written by a newer Varvet, and an existing school's own varv length (6) that the new default must not touch.
    db.prepare("UPDATE skola SET installningar = json_set(installningar, '$.framtidaNyckel', 'behålls', '$.varvLangdVeckor', 6) WHERE id = 1").run();
    const lov = stored(db).lov;
    const before = db.prepare('SELECT max(id) FROM audit_logg').pluck().get() as number;

    const saved = await ok<SkolInstallningar>(backend, 'installningar:set', {
      utredningTroskelVeckor: 6,
      lararmonsterMarginal: 0.3,
      tidigSkala: { pa_vag: '  Nästan där ' },
    });
    expect(saved).toMatchObject({
      utredningTroskelVeckor: 6,
      lararmonsterMarginal: 0.3,
      tidigSkala: { ej_natt: 'Ej nått', pa_vag: 'Nästan där', natt: 'Nått' },
      lasEfterMinuter: 7,
      gallringAr: 5,
      varvLangdVeckor: 6,
      utredningDeadlineDagar: 21,
    });
    expect(await ok<SkolInstallningar>(backend, 'installningar:get')).toEqual(saved);
    const json = stored(db);
    expect(json).toMatchObject({ framtidaNyckel: 'behålls', lasEfterMinuter: 7, gallringAr: 5, varvLangdVeckor: 6, utredningTroskelVeckor: 6 });
    expect(json.lov).toEqual(lov);

    const entries = db.prepare('SELECT tabell, operation, kanal, fore, efter FROM audit_logg WHERE id > ? ORDER BY id').all(before) as {
      tabell: string; operation: string; kanal: string; fore: string; efter: string;
    }[];
    expect(entries.map((e) => [e.tabell, e.operation, e.kanal])).toEqual([['skola', 'U', 'installningar:set']]);
    expect(JSON.parse(JSON.parse(entries[0]?.efter as string).installningar as string)).toMatchObject({ utredningTroskelVeckor: 6 });
    expect(JSON.parse(JSON.parse(entries[0]?.fore as string).installningar as string)).toMatchObject({ utredningTroskelVeckor: 5 });
  });

  it('changes one label of the early-years scale without losing the others', async () => {
    const saved = await ok<SkolInstallningar>(backend, 'installningar:set', { tidigSkala: { natt: 'Uppnått' }, betygFranArskurs: 4 });
    expect(saved.tidigSkala).toEqual({ ej_natt: 'Ej nått', pa_vag: 'Nästan där', natt: 'Uppnått' });
    expect(saved.betygFranArskurs).toBe(4);
  });

  it.each<[string, unknown, string]>([
    ['a threshold of 4 weeks', { utredningTroskelVeckor: 4 }, 'Fältet "utredningTroskelVeckor": Veckor innan beslut om utredning måste vara minst 5.'],
    ['a threshold as text', { utredningTroskelVeckor: '6' }, 'Fältet "utredningTroskelVeckor": Veckor innan beslut om utredning måste vara ett tal.'],
    ['a deadline of 0 days', { utredningDeadlineDagar: 0 }, 'Fältet "utredningDeadlineDagar": Dagar till utredningens deadline måste vara minst 1.'],
    ['a margin of 2 %', { lararmonsterMarginal: 0.02 }, 'Fältet "lararmonsterMarginal": Marginalen måste vara minst 0,05 (5 procentenheter).'],
    ['half a pupil', { lararmonsterMinAntal: 2.5 }, 'Fältet "lararmonsterMinAntal": Minsta antal elever för lärarmönster måste vara ett heltal.'],
    ['21 criteria', { kriterierPerAmne: 21 }, 'Fältet "kriterierPerAmne": Antal betygskriterier per ämne får vara högst 20.'],
    ['an empty label', { tidigSkala: { ej_natt: ' ' } }, 'Fältet "tidigSkala.ej_natt": Benämningen för "ej nått" får inte vara tom.'],
    ['two levels named alike', { tidigSkala: { ej_natt: 'nästan där' } }, 'Fältet "tidigSkala": De tre nivåerna i den tidiga skalan behöver olika benämningar.'],
    ['the lov', { lov: [] }, 'Inställningen lov kan inte ändras här: lov, antal varv och varvens längd ändras under Förberedelse, steg 3, låstiden under Lösenord och lås och gallringen under Logg och gallring.'],
  ])('refuses %s in Swedish, naming the field, and changes nothing', async (_, args, message) => {
    const json = JSON.stringify(stored(db));
    const audits = auditCount(db);
    const error = await refused(backend, 'installningar:set', args);
    expect(error).toEqual({ code: 'invalid_argument', message: expect.stringContaining(message) as string });
    expect(JSON.stringify(stored(db))).toBe(json);
    expect(auditCount(db)).toBe(audits);
  });

  it('writes nothing when nothing changes', async () => {
    const audits = auditCount(db);
    await ok(backend, 'installningar:set', { utredningTroskelVeckor: 6 });
    await ok(backend, 'installningar:set', {});
    expect(auditCount(db)).toBe(audits);
  });
});

describe('the rules read the settings', () => {
  const dataDir = tempDir();
  let backend: Backend;
  let db: Database;
  let mote: MoteRad;
  let elevId: number;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    db = backend.context.db;
    await ok(backend, 'demo:open', { size: 's' });
    mote = (await ok<MoteRad[]>(backend, 'mote:list')).find((m) => m.typ === 'eht' && m.status === 'planerat') as MoteRad;
    // A pupil without insatser or utredningar gets an individual insats exactly five weeks before the meeting.
    elevId = db
      .prepare('SELECT id FROM elev WHERE aktiv = 1 AND id NOT IN (SELECT elev_id FROM insats WHERE elev_id IS NOT NULL) AND id NOT IN (SELECT elev_id FROM utredning) ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    await ok(backend, 'insats:create', {
      niva: 'individ',
      elevId,
      beskrivning: 'Läsfixaren tre gånger i veckan',
      typ: 'extra_anpassning',
      forvantadEffekt: 'Läser med flyt i åk-texter',
      startdatum: addDaysIso(mote.datum, -35),
    });
  }, 120_000);

  it('the utredning threshold: 5 weeks lists the pupil for a decision, 6 weeks does not', async () => {
    const at = async () => (await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id })).utredningskandidater;
    const fem = await at();
    expect(fem.find((k) => k.elevId === elevId)).toMatchObject({ veckor: 5 });
    await ok(backend, 'installningar:set', { utredningTroskelVeckor: 6 });
    const sex = await at();
    expect(sex.map((k) => k.elevId)).not.toContain(elevId);
    expect(sex).toHaveLength(fem.length - 1);
  });

  it('the deadline suggestion follows utredningDeadlineDagar', async () => {
    await ok(backend, 'installningar:set', { utredningTroskelVeckor: 5, utredningDeadlineDagar: 14 });
    const [k] = (await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id })).utredningskandidater;
    expect(k?.foreslagenDeadline).toBe(addDaysIso(mote.datum, 14));
  });

  it('the pupil history says that "inget åtgärdsprogram" can be appealed, with the last day', async () => {
    const [u] = await ok<UtredningRad[]>(backend, 'utredning:list', { urval: 'oppna' });
    const stangd = await ok<UtredningRad>(backend, 'utredning:close', { id: u?.id, utfall: 'inget_atgardsprogram', datum: '2026-11-23' });
    const historik = await ok<ElevHistorik>(backend, 'elev:historik', { elevId: stangd.elevId });
    const h = historik.handelser.find((x) => x.typ === 'utredning_avslutad');
    expect(h?.overklagandeSenast).toBe('2026-12-14');
    expect(h?.text).toContain('Beslutet kan överklagas till Skolväsendets överklagandenämnd inom tre veckor');
    expect(h?.text).toContain('senast måndag 14 december 2026');
  });

  it('a decision on åtgärdsprogram can be appealed too: the history gives the last day, moved off julafton (lag 1930:173)', async () => {
    const oppna = await ok<UtredningRad[]>(backend, 'utredning:list', { urval: 'oppna' });
    expect(oppna.length).toBeGreaterThan(0);
    const stangd = await ok<UtredningRad>(backend, 'utredning:close', { id: oppna[0]?.id, utfall: 'atgardsprogram', datum: '2026-12-03' });
    const historik = await ok<ElevHistorik>(backend, 'elev:historik', { elevId: stangd.elevId });
    const h = historik.handelser.find((x) => x.typ === 'utredning_avslutad' && x.datum === '2026-12-03');
    expect(h?.overklagandeSenast).toBe('2026-12-28');
    expect(h?.text).toContain('Skolväsendets överklagandenämnd');
  });
});

describe("the meeting's evidence uses the school's early-years names", () => {
  it('shows a custom label for a result on the early-years scale, in running text', async () => {
    const { resultatFor } = await import('../../electron/backend/mote/resultat');
    const { getInsats } = await import('../../electron/backend/mote/insatser');
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW, backupIntervalMs: null });
    await ok(backend, 'demo:open', { size: 's' });
    const db = backend.context.db;
    // An individual insats in a subject whose pupil has results on the early-years scale.
    const insatsId = db
      .prepare(
        `SELECT i.id FROM insats i JOIN resultat r ON r.elev_id = i.elev_id AND r.amne_id = i.amne_id
         WHERE i.niva = 'individ' AND r.niva IN ('ej_natt', 'pa_vag', 'natt') ORDER BY i.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    expect(insatsId).toBeGreaterThan(0);
    const values = () => (resultatFor(db, [getInsats(db, insatsId)], '2027-06-30').get(insatsId) ?? []).map((p) => p.varde);
    expect(values().some((v) => ['ej nått', 'på väg', 'nått'].includes(v))).toBe(true);
    await ok(backend, 'installningar:set', { tidigSkala: { ej_natt: 'Inte än', pa_vag: 'Nästan där', natt: 'Klart' } });
    const efter = values();
    expect(efter.some((v) => ['inte än', 'nästan där', 'klart'].includes(v))).toBe(true);
    expect(efter.some((v) => ['ej nått', 'på väg', 'nått'].includes(v))).toBe(false);
    backend.close();
  }, 120_000);
});
