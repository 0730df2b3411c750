// The huvudman's hub against a real PostgreSQL: delivery through the INSERT-only role, idempotency, refusal of a
// tampered, unsigned or unregistered report, the role unable to read, and municipal totals equal to what the
// schools' own unsuppressed figures add up to.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lasLeverans, sha256Hex, type ArsrapportDokument } from '../../../electron/backend/huvudman/leverans';
import { jamfor, summera } from '../../../electron/backend/huvudman/jamfor';
import { startHub } from '../../../electron/backend/huvudman/server';
import { skyddaAggregat } from '../../../electron/backend/export/arsrapport';
import { setupHub, varvet, type Hub } from '../../support/huvudman';
import { tempDir } from '../../support/tmp';

const dir = tempDir('varvet-huvudman-');
let hub: Hub;

async function query(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  hub = await setupHub(dir);
}, 300_000);
afterAll(() => hub?.pg.stop());

describe('delivery to the huvudman', () => {
  it('takes two schools over PostgreSQL and one as a file, and a resend changes nothing', async () => {
    const [a, b, c] = hub.skolor;
    for (const s of [a!, b!]) {
      const r = await varvet('skicka', 'arsrapport', '--data', s.data, '--till', hub.skolUrl);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/Huvudmannen har tagit emot årsrapporten/);
    }
    const fil = path.join(dir, 'vaster.json');
    expect((await varvet('skicka', 'arsrapport', '--data', c!.data, '--out', fil)).code).toBe(0);
    const inlast = await varvet('huvudman', 'las-in', fil, '--pg', hub.hubUrl);
    expect(inlast.err).toBe('');
    expect(inlast.out).toMatch(/signaturen stämmer/);

    // The same file again: nothing new.
    expect((await varvet('huvudman', 'las-in', fil, '--pg', hub.hubUrl)).out).toMatch(/redan exakt den här rapporten/);
    const kopia = lasLeverans(fs.readFileSync(fil, 'utf8')).leverans;
    await query(hub.skolUrl, 'INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [kopia.sha256, kopia.dokument, kopia.signatur]);
    const rapporter = await query(hub.hubUrl, 'SELECT count(*)::int AS n FROM huvudman.rapport');
    const inkorg = await query(hub.hubUrl, 'SELECT count(*)::int AS n FROM huvudman.inkorg');
    expect(rapporter.rows[0].n).toBe(3);
    expect(inkorg.rows[0].n).toBe(0);
  });

  it('gives the school role no way to read, change or delete anything', async () => {
    for (const sql of [
      'SELECT * FROM huvudman.inkorg',
      'SELECT * FROM huvudman.rapport',
      'SELECT * FROM huvudman.skola',
      'UPDATE huvudman.inkorg SET signatur = signatur',
      'DELETE FROM huvudman.rapport',
      'INSERT INTO huvudman.skola (namn, publik_nyckel, fingeravtryck) VALUES (1, 2, 3)',
    ]) {
      await expect(query(hub.skolUrl, sql), sql).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('refuses a tampered, an unsigned and an unregistered report, and stores none of them', async () => {
    const fil = path.join(dir, 'norr.json');
    await varvet('skicka', 'arsrapport', '--data', hub.skolor[0]!.data, '--out', fil);
    const original = lasLeverans(fs.readFileSync(fil, 'utf8')).leverans;
    const dok = JSON.parse(original.dokument) as ArsrapportDokument;

    // Changed after signing, hash not recomputed: the inbox's trigger refuses it.
    const andrad = JSON.stringify({ ...dok, skapad: '2030-01-01T00:00:00.000Z' });
    await expect(query(hub.skolUrl, 'INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [original.sha256, andrad, original.signatur]))
      .rejects.toThrow(/SHA-256 stämmer inte/);

    // Changed with the hash recomputed (a forger's move): stored for a moment, refused at intake by the signature.
    dok.aggregat[0]!.varden[0]![0]! += 100;
    const forfalskad = JSON.stringify(dok);
    const forfalskadFil = path.join(dir, 'forfalskad.json');
    fs.writeFileSync(forfalskadFil, JSON.stringify({ dokument: forfalskad, sha256: sha256Hex(forfalskad), signatur: original.signatur }));
    const r = await varvet('huvudman', 'las-in', forfalskadFil, '--pg', hub.hubUrl);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Signaturen stämmer inte/);

    // Unsigned.
    await expect(query(hub.skolUrl, 'INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [sha256Hex(forfalskad + ' '), forfalskad + ' ', '']))
      .rejects.toThrow(/inte signerad/);

    // Signed by a key the huvudman never registered.
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const fremmande = JSON.stringify({ ...dok, skola: { ...dok.skola, nyckel: publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    const sig = crypto.sign(null, Buffer.from(fremmande), privateKey).toString('base64');
    await expect(query(hub.skolUrl, 'INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [sha256Hex(fremmande), fremmande, sig]))
      .rejects.toThrow(/inte registrerad/);

    const lagrade = await query(hub.hubUrl, 'SELECT sha256 FROM huvudman.rapport UNION ALL SELECT sha256 FROM huvudman.inkorg');
    const hashar = lagrade.rows.map((x: { sha256: string }) => x.sha256);
    expect(hashar).not.toContain(sha256Hex(forfalskad));
    expect(hashar).not.toContain(sha256Hex(fremmande));
    expect(hashar).toHaveLength(3);
  });

  it("computes the municipality's totals from the schools' unsuppressed counts, then protects them", async () => {
    const rows = (await query(hub.hubUrl, 'SELECT dokument FROM huvudman.rapport')).rows as { dokument: ArsrapportDokument }[];
    const j = jamfor(rows.map((r) => ({ dokument: r.dokument, mottagen: '' })));
    expect(j.skolor.map((s) => s.skola).sort()).toEqual(['Norrskolan', 'Söderskolan', 'Västerskolan']);
    const effekt = rows.map((r) => r.dokument.aggregat.find((a) => a.nyckel === 'effekt')!);
    const bedomda = effekt.reduce((n, a) => n + a.varden.flat().reduce((x, y) => x + y, 0), 0);
    const total = j.totalt[0]!;
    expect(total.antalSkolor).toBe(3);
    expect(total.varden.bedomda).toBe(bedomda);
    // What is shown is the protected sum: the same rule the schools use, applied to the sum.
    const skyddad = skyddaAggregat(summera(effekt), 'effekt', j.troskel);
    expect(total.varden.bedomda).toEqual(skyddad.summa?.celler.at(-1));
    expect(String(total.varden.andel_alla)).toMatch(/^\d+ %$/);
    const insatser = rows.reduce((n, r) => n + r.dokument.aggregat.find((a) => a.nyckel === 'insatser')!.varden.flat().reduce((x, y) => x + y, 0), 0);
    expect(total.varden.insatser).toBe(insatser);
    // No pupil-level data reaches the hub: no school pupil's name is anywhere in what it stores.
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/"fornamn"|"efternamn"|"elev_id"|"extern_id"/);
  });

  it("serves the comparison only with the token and the loopback Host, and exports it as CSV", async () => {
    const server = await startHub({ pgUrl: hub.hubUrl });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const token = server.url.split('#token=')[1]!;
      expect((await fetch(`${base}/api/jamforelse`, { method: 'POST' })).status).toBe(401);
      const ok = await fetch(`${base}/api/jamforelse`, { method: 'POST', headers: { 'x-varvet-token': token } });
      const body = (await ok.json()) as { jamforelse: { skolor: unknown[] } };
      expect(body.jamforelse.skolor).toHaveLength(3);
      const csv = await (await fetch(`${base}/api/export.csv`, { method: 'POST', headers: { 'x-varvet-token': token } })).text();
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
      expect(csv).toMatch(/Kommunen \(3 skolor\)/);
      // DNS rebinding: the right address under another name is refused (fetch cannot set Host, so plain http).
      const status = await new Promise<number>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: `evil.example:${server.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      expect(status).toBe(421);
    } finally {
      await server.close();
    }
  });
});
