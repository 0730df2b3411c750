// The pseudonymised EHT-protokoll names no pupil: not those on the agenda, and not a pupil off the agenda whom free
// text names — an invited guest ("Vårdnadshavare till …"), a note, an underlag. Every pupil in the register is checked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { MoteAgenda, MoteRad } from '../../../shared/channels/mote';
import { recommendDecision } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

describe('pseudonymiserat EHT-protokoll', () => {
  let backend: Backend;
  let mote: MoteRad;
  let agenda: MoteAgenda;
  let utanfor: { id: number; fornamn: string; efternamn: string };

  beforeAll(async () => {
    backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW });
    await ok(backend, 'demo:open', { size: 's' });
    mote = (await ok<MoteRad[]>(backend, 'mote:list')).find((m) => m.typ === 'eht' && m.status === 'planerat') as MoteRad;
    agenda = await ok<MoteAgenda>(backend, 'mote:agenda', { moteId: mote.id });
    const paAgendan = new Set([...Object.keys(agenda.elever).map(Number), ...agenda.utredningar.map((u) => u.elevId)]);
    const db = backend.context.db;
    const personal = new Set(db.prepare("SELECT fornamn || ' ' || efternamn FROM personal").pluck().all() as string[]);
    utanfor = (db.prepare('SELECT id, fornamn, efternamn FROM elev ORDER BY id').all() as typeof utanfor[]).find(
      (e) => !paAgendan.has(e.id) && !personal.has(`${e.fornamn} ${e.efternamn}`),
    ) as typeof utanfor;
    expect(utanfor).toBeDefined();
  });

  it('tar bort namnet på en elev som inte står på dagordningen ur gäster, anteckningar och underlag', async () => {
    const namn = `${utanfor.fornamn} ${utanfor.efternamn}`;
    const ai = agenda.insatser.find((i) => i.insats.niva === 'individ') as MoteAgenda['insatser'][number];
    const rek = recommendDecision({ bedomning: 'tydlig_effekt', maletNatt: false, kedja: ai.kedja }).rekommendation;
    await ok(backend, 'mote:evaluate', {
      moteId: mote.id, nyckel: 'pseudo-eval-0001', insatsId: ai.insats.id, bedomning: 'tydlig_effekt', beslut: rek,
      underlag: `Jämfört med ${namn.toLocaleLowerCase('sv')} i samma grupp.`,
    });
    await ok(backend, 'mote:update', {
      id: mote.id,
      anteckningar: `Mentor ringer ${utanfor.efternamn}, ${utanfor.fornamn}. Kurator träffar ${namn}s vårdnadshavare.`,
      deltagare: [
        { personalId: agenda.personal[0]?.id, funktion: 'Rektor' },
        { namn: `Vårdnadshavare till ${namn}`, funktion: `Förälder (${namn})`, inbjuden: true },
      ],
    });
    await ok(backend, 'mote:anteckning', { moteId: mote.id, punkt: 'nya', text: `${utanfor.fornamn}  ${utanfor.efternamn} behöver också en insats.` });

    const { filnamn, base64 } = await ok<{ filnamn: string; base64: string }>(backend, 'mote:protokoll', { moteId: mote.id, pseudonymiserad: true });
    const file = path.join(tempDir(), filnamn);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('behöver också en insats');

    const db = backend.context.db;
    const staff = new Set(db.prepare("SELECT fornamn || ' ' || efternamn FROM personal").pluck().all() as string[]);
    const elever = (db.prepare('SELECT fornamn, efternamn FROM elev').all() as { fornamn: string; efternamn: string }[])
      .flatMap((e) => [`${e.fornamn} ${e.efternamn}`, `${e.efternamn}, ${e.fornamn}`, `${e.efternamn} ${e.fornamn}`])
      .filter((n) => !staff.has(n));
    expect(elever.length).toBeGreaterThan(100);
    const lower = text.toLocaleLowerCase('sv');
    expect(elever.filter((n) => lower.includes(n.toLocaleLowerCase('sv')))).toEqual([]);
    // The pupil off the agenda is named by a code the key in the app resolves.
    const kod = db.prepare('SELECT kod FROM pseudonym WHERE elev_id = ?').pluck().get(utanfor.id) as string;
    expect(text).toContain(`Förälder (${kod})`);
    // …and the app resolves it: the pupil carries the code, which the pupil search matches.
    expect(await ok<{ pseudonym?: string | null }>(backend, 'elev:get', { id: utanfor.id })).toMatchObject({ pseudonym: kod });
    const lista = await ok<{ id: number; pseudonym?: string | null }[]>(backend, 'elev:list', { baraAktiva: false });
    expect(lista.filter((e) => e.pseudonym === kod).map((e) => e.id)).toEqual([utanfor.id]);

    // The plain protokoll keeps the names as written.
    const plain = await ok<{ base64: string }>(backend, 'mote:protokoll', { moteId: mote.id, pseudonymiserad: false });
    const plainFile = path.join(tempDir(), 'plain.pdf');
    fs.writeFileSync(plainFile, Buffer.from(plain.base64, 'base64'));
    expect(execFileSync('pdftotext', [plainFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(`Vårdnadshavare till ${namn}`);
  });

  it('visar en inbjuden gäst bara med sin funktion: en vårdnadshavares namn pekar ut eleven', async () => {
    await ok(backend, 'mote:update', {
      id: mote.id,
      deltagare: [
        { personalId: agenda.personal[0]?.id, funktion: 'Rektor' },
        { namn: 'Birgitta Holmqvist', funktion: 'Vårdnadshavare till en elev i 9A', inbjuden: true },
      ],
    });
    const pdfText = async (pseudonymiserad: boolean) => {
      const { base64 } = await ok<{ base64: string }>(backend, 'mote:protokoll', { moteId: mote.id, pseudonymiserad });
      const file = path.join(tempDir(), `gast-${pseudonymiserad}.pdf`);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const pseudo = await pdfText(true);
    expect(pseudo).toContain('Vårdnadshavare till en elev i 9A');
    expect(pseudo).toContain('Gäst (namnet utelämnat)');
    expect(pseudo).not.toContain('Birgitta');
    expect(pseudo).not.toContain('Holmqvist');
    // Staff keep their names; the plain protokoll keeps the guest's.
    expect(pseudo).toContain(agenda.personal[0]?.namn as string);
    expect(await pdfText(false)).toContain('Birgitta Holmqvist');
  });
});
