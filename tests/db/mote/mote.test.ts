// EHT-möte on the demo school through the real backend: the agenda, evaluate/undo exactness, the follow-on chain,
// idempotent replays, closing refused without utredning decisions, and the protokoll (pseudonymised: no pupil name).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { AgendaInsats, EvaluateResult, MoteAgenda, MoteRad, UtredningRad } from '../../../shared/channels/mote';
import type { ElevHistorik, Mote } from '../../../shared/channels/mote';
import { recommendDecision } from '../../../shared/domain/index';
import { CLI, tempDir } from '../../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

/** Every row the meeting can touch, to prove that undo restores exactly. */
function dump(backend: Backend): string {
  const db = backend.context.db;
  return JSON.stringify(['insats', 'effektbedomning', 'utredning', 'utredningsbeslut'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
}

function rek(ai: AgendaInsats, bedomning: 'tydlig_effekt' | 'ingen_effekt') {
  return recommendDecision({ bedomning, maletNatt: false, kedja: ai.kedja }).rekommendation;
}

describe('EHT-möte på demoskolan', () => {
  const dataDir = tempDir();
  let backend: Backend;
  let mote: MoteRad;
  let agenda: MoteAgenda;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
    await ok(backend, 'demo:open', { size: 's' });
    const moten = await ok<MoteRad[]>(backend, 'mote:list');
    mote = moten.find((m) => m.typ === 'eht' && m.status === 'planerat') as MoteRad;
    agenda = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
  });

  it('fyller dagordningen själv: insatser, utredningskandidater, försenade utredningar, lärarmönster, resultat', () => {
    const aktiva = backend.context.db
      .prepare("SELECT count(*) FROM insats WHERE status = 'aktiv' AND startdatum <= ?")
      .pluck()
      .get(mote.datum) as number;
    expect(agenda.insatser).toHaveLength(aktiva);
    expect(agenda.insatser.length).toBeGreaterThan(10);
    expect(new Set(agenda.insatser.map((i) => i.insats.niva))).toEqual(new Set(['individ', 'grupp', 'larare', 'organisation']));
    expect(agenda.utredningskandidater.length).toBeGreaterThan(0);
    expect(agenda.utredningskandidater.every((k) => k.beslut === null && k.foreslagenDeadline > mote.datum)).toBe(true);
    expect(agenda.utredningar.some((u) => u.dagarForsenad > 0)).toBe(true);
    expect(agenda.lararmonster.length).toBeGreaterThan(0);
    expect(agenda.resultat.amnen.length).toBeGreaterThan(0);
    // The chain is there for insatser that replaced earlier ones, and the evidence holds result changes.
    expect(agenda.insatser.some((i) => i.historik.length > 0 && i.kedja.length > 0)).toBe(true);
    expect(agenda.insatser.some((i) => i.resultat.length > 0)).toBe(true);
  });

  it('intensifiera skapar följdinsatsen i kedjan; samma nyckel igen ändrar inget; ångra återställer exakt', async () => {
    const ai = agenda.insatser.find((i) => rek(i, 'tydlig_effekt') === 'intensifiera' && i.insats.niva === 'individ') as AgendaInsats;
    const fore = dump(backend);
    const args = { moteId: mote.id, nyckel: 'test-eval-0001', insatsId: ai.insats.id, bedomning: 'tydlig_effekt', beslut: 'intensifiera' };
    const r = await ok<EvaluateResult>(backend, 'mote:evaluate', args);
    expect(r.insatsStatus).toBe('ersatt');
    expect(r.foljdinsats?.ersatterInsatsId).toBe(ai.insats.id);
    expect(r.foljdinsats?.beslutadVidMoteId).toBe(mote.id);
    expect(r.foljdinsats?.beskrivning).toMatch(/intensifierad$/);
    const efter = dump(backend);
    const replay = await ok<EvaluateResult>(backend, 'mote:evaluate', args);
    expect(replay.upprepad).toBe(true);
    expect(dump(backend)).toBe(efter);
    const again = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    expect(again.insatser.find((i) => i.insats.id === ai.insats.id)?.foljdinsats?.id).toBe(r.foljdinsats?.id);
    expect(again.mote.status).toBe('pagar');

    const undo = await ok<{ text: string }>(backend, 'mote:undo', { moteId: mote.id, nyckel: 'test-eval-0001' });
    expect(undo.text).toMatch(/är ångrad/);
    expect(dump(backend)).toBe(fore);
    // A replayed undo does nothing more.
    expect(await ok(backend, 'mote:undo', { moteId: mote.id, nyckel: 'test-eval-0001' })).toEqual({ text: null, nyckel: 'test-eval-0001' });
    expect(dump(backend)).toBe(fore);
  });

  it('ett ändrat beslut vid samma möte ersätter det förra, och ångra tar tillbaka det förra exakt', async () => {
    const ai = agenda.insatser.find((i) => rek(i, 'ingen_effekt') === 'forandra') as AgendaInsats;
    await ok(backend, 'mote:evaluate', { moteId: mote.id, nyckel: 'test-eval-0002', insatsId: ai.insats.id, bedomning: 'ingen_effekt', beslut: 'forandra' });
    const forsta = dump(backend);
    const refused = await backend.dispatch('mote:evaluate', { moteId: mote.id, nyckel: 'test-eval-0003', insatsId: ai.insats.id, bedomning: 'ingen_effekt', beslut: 'ta_bort' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', message: expect.stringMatching(/Skriv en motivering/) } });
    expect(dump(backend)).toBe(forsta);
    const r = await ok<EvaluateResult>(backend, 'mote:evaluate', {
      moteId: mote.id, nyckel: 'test-eval-0004', insatsId: ai.insats.id, bedomning: 'ingen_effekt', beslut: 'ta_bort', motivering: 'Eleven har flyttat till en annan skola.',
    });
    expect(r.insatsStatus).toBe('borttagen');
    expect(r.foljdinsats).toBeNull();
    await ok(backend, 'mote:undo', { moteId: mote.id, nyckel: null });
    expect(dump(backend)).toBe(forsta);
    // Only the latest change can be undone by key.
    expect(await backend.dispatch('mote:undo', { moteId: mote.id, nyckel: 'test-eval-0001-x' })).toMatchObject({ ok: true });
    await ok(backend, 'mote:undo', { moteId: mote.id, nyckel: 'test-eval-0002' });
  });

  it('beslutar en ny insats på lärarnivå (handledning) en gång per nyckel, och ångra tar bort den', async () => {
    const monster = agenda.lararmonster[0];
    const fore = dump(backend);
    const args = {
      moteId: mote.id, nyckel: 'test-insats-0001', niva: 'larare', larareId: monster?.larareId, amneId: monster?.amneId, typ: 'handledning',
      beskrivning: 'Handledning i matematik varannan vecka', forvantadEffekt: 'Fler elever når målen i lärarens grupper.',
    };
    const insats = await ok<{ id: number; beslutadVidMoteId: number; startdatum: string }>(backend, 'mote:insats', args);
    expect(insats.beslutadVidMoteId).toBe(mote.id);
    expect(insats.startdatum > mote.datum).toBe(true);
    expect((await ok<{ id: number }>(backend, 'mote:insats', args)).id).toBe(insats.id);
    const nu = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    expect(nu.nyaInsatser.map((i) => i.id)).toEqual([insats.id]);
    expect(nu.angerbara.at(-1)).toMatchObject({ nyckel: 'test-insats-0001', typ: 'insats', insatsId: insats.id });
    const utanMal = await backend.dispatch('mote:insats', { ...args, nyckel: 'test-insats-0002', larareId: null });
    expect(utanMal).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await ok(backend, 'mote:undo', { moteId: mote.id, nyckel: 'test-insats-0001' });
    expect(dump(backend)).toBe(fore);
  });

  it('vägrar avsluta utan utredningsbeslut och säger vilka elever det gäller; sedan avslutas mötet', async () => {
    const refused = await backend.dispatch('mote:close', { moteId: mote.id });
    const namn = agenda.utredningskandidater.map((k) => agenda.elever[k.elevId]?.namn as string);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    const message = refused.ok ? '' : refused.error.message;
    for (const n of namn) expect(message).toContain(n);
    const ansvarig = agenda.personal.find((p) => p.roller.includes('specialpedagog'))?.id as number;
    for (const [i, k] of agenda.utredningskandidater.entries()) {
      const args = i === 0
        ? { beslut: 'inled', ansvarigId: ansvarig, deadline: k.foreslagenDeadline }
        : { beslut: 'inte_nu', motivering: 'Den nya anpassningen prövas ett varv till.' };
      await ok(backend, 'mote:utredningsbeslut', { moteId: mote.id, nyckel: `test-utr-${String(i).padStart(4, '0')}`, elevId: k.elevId, ...args });
    }
    const first = agenda.insatser[0] as AgendaInsats;
    const r = rek(first, 'tydlig_effekt');
    await ok(backend, 'mote:evaluate', { moteId: mote.id, nyckel: 'test-eval-0100', insatsId: first.insats.id, bedomning: 'tydlig_effekt', beslut: r, underlag: 'Omdömet visar tydlig förbättring.' });
    const stangt = await ok<MoteRad>(backend, 'mote:close', { moteId: mote.id });
    expect(stangt.status).toBe('avslutat');
    const sent = await backend.dispatch('mote:evaluate', { moteId: mote.id, nyckel: 'test-eval-0101', insatsId: agenda.insatser[1]?.insats.id, bedomning: 'tydlig_effekt', beslut: 'intensifiera' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/avslutat/) } });
    const utredningar = await ok<UtredningRad[]>(backend, 'utredning:list', { urval: 'oppna' });
    expect(utredningar.some((u) => u.beslutadVidMoteId === mote.id && u.ansvarigId === ansvarig)).toBe(true);
  });

  it('skriver protokollet med varje beslut; det pseudonymiserade innehåller inget elevnamn', async () => {
    const dir = tempDir();
    const write = async (pseudonymiserad: boolean) => {
      const { filnamn, base64 } = await ok<{ filnamn: string; base64: string }>(backend, 'mote:protokoll', { moteId: mote.id, pseudonymiserad });
      const file = path.join(dir, filnamn);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      if (process.env.VARVET_SHOTS) fs.copyFileSync(file, path.join(process.env.VARVET_SHOTS, filnamn));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    };
    const klar = (await write(false)).replace(/\s+/g, ' ');
    expect(klar).toContain('EHT-protokoll');
    expect(klar).toContain('Omdömet visar tydlig förbättring.');
    expect(klar).toMatch(/Utredning inleds/);
    expect(klar).toMatch(/Inte nu/);
    const kandidat = agenda.elever[agenda.utredningskandidater[0]?.elevId ?? -1]?.namn as string;
    expect(klar).toContain(kandidat);

    const pseudo = await write(true);
    expect(pseudo).toContain('Pseudonymiserat protokoll');
    const db = backend.context.db;
    const staff = new Set(db.prepare("SELECT fornamn || ' ' || efternamn FROM personal").pluck().all() as string[]);
    // A pupil who shares a full name with a staff member would show up as the staff member; no pupil name otherwise.
    const elever = (db.prepare("SELECT fornamn || ' ' || efternamn FROM elev").pluck().all() as string[]).filter((n) => !staff.has(n));
    const flat = pseudo.replace(/\s+/g, ' ');
    expect(elever.filter((n) => flat.includes(n))).toEqual([]);
    const kod = db.prepare('SELECT kod FROM pseudonym WHERE elev_id = ?').pluck().get(agenda.utredningskandidater[0]?.elevId) as string;
    expect(kod).toMatch(/^[A-ZÅÄÖ]{2}-\d{3}$/);
    expect(flat).toContain(kod);
    // Stable: the same code the next time.
    await write(true);
    expect(db.prepare('SELECT kod FROM pseudonym WHERE elev_id = ?').pluck().get(agenda.utredningskandidater[0]?.elevId)).toBe(kod);
  });

  it('visar elevens historik och för försenade utredningar till utfall', async () => {
    const elevId = agenda.insatser.find((i) => i.historik.length > 0 && i.insats.elevId !== null)?.insats.elevId as number;
    const historik = await ok<ElevHistorik>(backend, 'elev:historik', { elevId });
    expect(historik.handelser.some((h) => h.typ === 'insats')).toBe(true);
    expect(historik.handelser.some((h) => h.typ === 'bedomning')).toBe(true);
    const forsenade = await ok<UtredningRad[]>(backend, 'utredning:list', { urval: 'forsenade' });
    expect(forsenade.length).toBeGreaterThan(0);
    const stangd = await ok<UtredningRad>(backend, 'utredning:close', { id: forsenade[0]?.id, utfall: 'inget_atgardsprogram' });
    expect(stangd).toMatchObject({ status: 'avslutad', utfall: 'inget_atgardsprogram', dagarForsenad: 0 });
    const kvar = await ok<UtredningRad[]>(backend, 'utredning:list', { urval: 'forsenade' });
    expect(kvar.map((u) => u.id)).not.toContain(forsenade[0]?.id);
  });

  it('skriver protokollet från kommandoraden', async () => {
    // One writer per data folder: the CLI export (it logs the export) runs while no backend holds the folder.
    backend.close();
    const out = path.join(tempDir(), 'protokoll.pdf');
    const stdout = execFileSync(process.execPath, [CLI, 'export', 'protokoll', '--data', dataDir, '--meeting', String(mote.id), '--format', 'pdf', '--pseudonymised', '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/Skrev .*protokoll\.pdf/);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('Pseudonymiserat protokoll');
    const fel = (() => {
      try {
        execFileSync(process.execPath, [CLI, 'export', 'protokoll', '--data', dataDir, '--meeting', '9999', '--format', 'pdf'], { encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (e) {
        return String((e as { stderr: string }).stderr);
      }
    })();
    expect(fel).toMatch(/Det finns inget möte med id 9999/);
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW });
  }, 120_000);

  it('förbereder ett nytt möte med deltagare och inbjudna gäster', async () => {
    const skapad = await ok<Mote>(backend, 'mote:create', {
      typ: 'eht', varvId: mote.varvId, datum: '2027-01-21',
      deltagare: [{ personalId: agenda.personal[0]?.id, funktion: 'Rektor' }, { namn: 'Logoped, centrala elevhälsan', funktion: 'Logoped', inbjuden: true }],
    });
    expect(skapad.deltagare).toHaveLength(2);
    expect(skapad.deltagare.find((d) => d.inbjuden)).toMatchObject({ personalId: null, namn: 'Logoped, centrala elevhälsan' });
    const flyttad = await ok<Mote>(backend, 'mote:update', { id: skapad.id, datum: '2027-01-22' });
    expect(flyttad).toMatchObject({ datum: '2027-01-22', status: 'planerat' });
    const utanNamn = await backend.dispatch('mote:update', { id: skapad.id, deltagare: [{ namn: ' ', inbjuden: true }] });
    expect(utanNamn).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect((await ok<Mote>(backend, 'mote:agenda', { moteId: skapad.id }) as unknown as MoteAgenda).mote.deltagare).toHaveLength(2);
  });
});
