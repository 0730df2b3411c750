import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { generateDemo } from '../../electron/backend/demo/generate';
import type { ElevResultat } from '../../shared/channels/resultat';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

describe("a pupil's results", () => {
  it('lists every subject and occasion of the pupil, levels per occasion, and the latest criteria not reached', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => NOW });
    generateDemo(backend.context.db, { size: 's', now: NOW });
    const db = backend.context.db;
    // A pupil in åk 8 with at least one level not reached and criteria behind it.
    const elevId = db
      .prepare(
        `SELECT r.elev_id FROM resultat r JOIN resultat_kriterium k ON k.resultat_id = r.id JOIN elev e ON e.id = r.elev_id
         WHERE e.arskurs = 8 ORDER BY r.elev_id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const reply = await backend.dispatch('resultat:forElev', { elevId });
    if (!reply.ok) throw new Error(reply.error.message);
    const value = reply.value as ElevResultat;
    const expectedRows = db.prepare('SELECT count(*) FROM resultat WHERE elev_id = ?').pluck().get(elevId) as number;
    const shown = value.amnen.reduce((n, a) => n + Object.keys(a.nivaer).length, 0);
    expect(shown).toBe(expectedRows);
    expect(value.tillfallen.map((t) => t.datum)).toEqual([...value.tillfallen.map((t) => t.datum)].sort());
    expect(value.amnen.some((a) => a.kriterierEjNadda.length > 0)).toBe(true);
    expect(await backend.dispatch('resultat:forElev', { elevId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });
});
