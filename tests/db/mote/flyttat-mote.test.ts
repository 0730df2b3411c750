// A meeting moved in "Förbered mötet" (mote:update) moves in the plan too (issue 14): one date in the plan's calendar,
// its snapshot (the årshjul and the plan's PDF and Word read it) and the EHT-möten list, and a date outside its varv
// is warned about in the plan's calendar. A real SQLite folder with an injected clock.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { MoteRad } from '../../../shared/channels/mote';
import type { PlanKalender } from '../../../shared/channels/plan';
import type { PlanInnehall } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

describe('ett flyttat möte når planen', () => {
  it('flyttar varvets EHT-möte i kalendern, årshjulet och planens PDF, och varnar för ett datum utanför varvet', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => new Date('2026-08-10T08:00:00Z'), backupIntervalMs: null });
    try {
      await ok(b, 'skola:create', { namn: 'Lindängens skola', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
      const moten = await ok<MoteRad[]>(b, 'mote:list');
      const varv2 = moten.find((m) => m.typ === 'eht' && m.varvNummer === 2);
      if (!varv2) throw new Error('varv 2 saknar EHT-möte');
      const fore = await ok<PlanKalender>(b, 'plan:kalender');
      const v2 = fore.varv.find((v) => v.nummer === 2);
      expect(v2?.ehtDatum).toBe(varv2.datum);

      // Moved a week within the varv: the same date everywhere, no warning.
      const inom = '2026-11-18';
      expect(inom > (v2?.startdatum ?? '') && inom < (v2?.slutdatum ?? '')).toBe(true);
      await ok(b, 'mote:update', { id: varv2.id, datum: inom });
      let k = await ok<PlanKalender>(b, 'plan:kalender');
      expect(k.varv.find((v) => v.nummer === 2)?.ehtDatum).toBe(inom);
      expect((await ok<PlanInnehall>(b, 'plan:snapshot')).kalender.find((v) => v.nummer === 2)?.eht).toBe(inom);
      expect((await ok<MoteRad[]>(b, 'mote:list')).find((m) => m.id === varv2.id)?.datum).toBe(inom);
      expect(k.varningar).toEqual([]);

      // Moved outside its varv: allowed, and the plan's calendar says so.
      const utanfor = '2027-01-14';
      await ok(b, 'mote:update', { id: varv2.id, datum: utanfor });
      k = await ok<PlanKalender>(b, 'plan:kalender');
      expect(k.varv.find((v) => v.nummer === 2)?.ehtDatum).toBe(utanfor);
      expect(k.varningar.join('\n')).toMatch(/Varv 2: EHT-möte \(torsdag 14 januari\) ligger utanför varvet/);

      // The plan's PDF shows the new date.
      const pdf = await ok<{ base64: string }>(b, 'plan:export', { format: 'pdf' });
      const out = path.join(tempDir(), 'plan.pdf');
      fs.writeFileSync(out, Buffer.from(pdf.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
      expect(text).toMatch(/^\s*2\s+19 okt\. – 27 nov\..*\s14 jan\. \(v\. 2\)\s/m);
    } finally {
      b.close();
    }
  });
});
