// `varvet export plan`: the same export from the command line, without the app or a browser.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { EXPORTS } from '../../../electron/cli/commands/export';
import { main } from '../../../electron/cli/main';
import { tempDir } from '../../support/tmp';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

describe('varvet export', () => {
  const dataDir = tempDir();
  const outDir = tempDir();

  it('writes the plan as PDF and DOCX, a chosen version, and refuses what it cannot do in Swedish', async () => {
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    await backend.dispatch('skola:create', { namn: 'Ängsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    await backend.dispatch('plan:utkastSave', { svar: { plan: 'Vi följer upp varje varv.' } });
    const saved = await backend.dispatch('plan:sparaVersion', { skapadAv: 'Örjan', baslinje: true });
    expect(saved.ok).toBe(true);
    backend.close();

    expect(Object.keys(EXPORTS)).toContain('plan');
    const pdf = path.join(outDir, 'plan.pdf');
    let r = io();
    expect(await main(['export', 'plan', '--data', dataDir, '--format', 'pdf', '--out', pdf, '--version', '1'], r.io)).toBe(0);
    expect(r.out.join('')).toMatch(/Skrev .*plan\.pdf/);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = path.join(outDir, 'plan.docx');
    r = io();
    expect(await main(['export', 'plan', '--data', dataDir, '--format', 'docx', '--out', docx], r.io)).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    r = io();
    expect(await main(['export', 'plan', '--data', dataDir, '--version', '7', '--out', pdf], r.io)).toBe(1);
    expect(r.err.join('')).toMatch(/Planen har ingen version 7/);
    r = io();
    expect(await main(['export', 'plan', '--data', dataDir, '--format', 'odt'], r.io)).toBe(2);
    expect(r.err.join('')).toMatch(/pdf eller docx/);
    r = io();
    expect(await main(['export', 'kalas', '--data', dataDir], r.io)).toBe(2);
    expect(r.err.join('')).toMatch(/Ange vad som ska skrivas ut: plan/);
  });
});
