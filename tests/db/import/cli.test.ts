// `varvet import` as a user runs it: the same validation and all-or-nothing rule, a Swedish problem table and a
// non-zero exit when it refuses; its imports sealed into the audit log and verified by `varvet check`. Also the
// 50,000-row timing (printed for the bench; no timing assertion).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DatabaseConstructor as Database } from '../../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../../electron/backend/paths';
import { main } from '../../../electron/cli/main';
import { writeBenchResultat } from '../../fixtures/import/bench';
import { CLI, REPO_ROOT, tempDir } from '../../support/tmp';
import { FIXTURES } from './support';

function varvet(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: result.stdout, err: result.stderr, ms: performance.now() - started };
}

async function run(...args: string[]) {
  const lines = { out: '', err: '' };
  const code = await main(args, { out: (t) => void (lines.out += `${t}\n`), err: (t) => void (lines.err += `${t}\n`) });
  return { code, ...lines };
}

const fixture = (name: string) => path.join(FIXTURES, name);

describe('varvet import', () => {
  it('imports the register and results, refuses a broken file with a Swedish table and exit 1, and changes nothing', async () => {
    const dir = tempDir();
    // A new school, as `varvet demo` would not leave it empty: create it through the backend's own command path.
    const { createBackend } = await import('../../../electron/backend/backend');
    const backend = await createBackend({ dataDir: dir, mode: 'browser', backupIntervalMs: null });
    await backend.dispatch('skola:create', { namn: 'Björkdalsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    backend.close();

    for (const [kind, file] of [['personal', 'personal.csv'], ['elever', 'elever.csv'], ['grupper', 'grupper.csv'], ['undervisning', 'undervisning.xlsx']]) {
      const r = await run('import', kind as string, fixture(file as string), '--data', dir);
      expect(r.err, file).toBe('');
      expect(r.code, file).toBe(0);
      // The participle agrees with the noun: "Elever … importerade", "Personal … importerad".
      expect(r.out, file).toMatch(kind === 'elever' || kind === 'grupper' ? /: importerade\./ : /: importerad\./);
    }
    const broken = await run('import', 'resultat', fixture('resultat-trasig.csv'), '--data', dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/Ingenting har importerats/);
    expect(broken.err).toMatch(/Rad\s+Kolumn\s+Värde\s+Orsak/);
    expect(broken.err).toMatch(/11\s+Datum\s+2026-02-30\s+Datumet finns inte i kalendern\./);
    const db = new Database(databasePath(dir), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM resultat').pluck().get()).toBe(0);
    db.close();

    const json = await run('import', 'resultat', fixture('resultat-trasig.csv'), '--data', dir, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).problems).toHaveLength(6);

    // A file that cannot be read is a refusal too (exit 1); with --json the reason is JSON on stdout.
    for (const f of ['resultat-oavslutat-citat.csv', 'resultat-trasig.xlsx']) {
      const unreadable = await run('import', 'resultat', fixture(f), '--data', dir, '--json');
      expect(unreadable.code, f).toBe(1);
      expect(unreadable.err, f).toBe('');
      const reply = JSON.parse(unreadable.out) as { applied: boolean; refused: string; problems: unknown[] };
      expect(reply, f).toMatchObject({ applied: false, refused: expect.stringMatching(/kunde inte läsas/), problems: [] });
      const text = await run('import', 'resultat', fixture(f), '--data', dir);
      expect([text.code, text.out], f).toEqual([1, '']);
      expect(text.err, f).toMatch(/kunde inte läsas/);
    }
    expect(JSON.parse((await run('import', 'resultat', fixture('finns-inte.csv'), '--data', dir, '--json')).out).refused).toMatch(/finns inte/);

    const dry = await run('import', 'resultat', fixture('resultat.csv'), '--data', dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/provkörning, ingenting har sparats/);
    expect(dry.out).toMatch(/tillagda 216/);

    // The grade column has a name no platform uses: without a saved mapping it is refused, with one it imports.
    const unmapped = await run('import', 'resultat', fixture('resultat-utf8-bom.csv'), '--data', dir);
    expect(unmapped.code).toBe(1);
    expect(unmapped.err).toMatch(/Kolumnmappningen saknar: Betyg eller bedömning/);
    const missing = await run('import', 'resultat', fixture('resultat-utf8-bom.csv'), '--data', dir, '--mapping', 'Plattformen');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/ingen sparad mappning "Plattformen"/);
    const { createBackend: again } = await import('../../../electron/backend/backend');
    const b2 = await again({ dataDir: dir, mode: 'browser', backupIntervalMs: null });
    await b2.dispatch('import:saveMapping', {
      kalla: 'Plattformen', kind: 'resultat',
      mapping: { externId: 'Elev-ID', amne: 'Ämne', niva: 'Kunskapsnivå (varv 2)', kriterier: 'Ej nådda kriterier', datum: 'Datum' },
    });
    b2.close();
    const mapped = await run('import', 'resultat', fixture('resultat-utf8-bom.csv'), '--data', dir, '--mapping', 'Plattformen');
    expect(mapped.err).toBe('');
    expect(mapped.out).toMatch(/tillagda 216/);
    const same = await run('import', 'resultat', fixture('resultat.csv'), '--data', dir);
    expect(same.out).toMatch(/tillagda 0 · ändrade 0 · oförändrade 216/);

    // In the audit log: each import's import_korning row, sealed with the CLI's channel, and no entry per result;
    // `varvet check` verifies the chain and every import's change log against its sealed digest.
    const log = new Database(databasePath(dir), { readonly: true });
    const imports = log.prepare('SELECT count(*) FROM import_korning').pluck().get() as number;
    expect(log.prepare("SELECT tabell, operation, count(*) AS n FROM audit_logg WHERE kanal = 'cli:import' GROUP BY tabell, operation ORDER BY tabell, operation").all())
      .toEqual([{ tabell: 'import_korning', operation: 'I', n: imports }, { tabell: 'import_korning', operation: 'U', n: imports }]);
    expect(log.prepare('SELECT count(*) FROM audit_logg WHERE hash IS NULL').pluck().get()).toBe(0);
    log.close();
    expect(varvet('check', '--data', dir).code).toBe(0);
  });

  it('exits 2 for usage errors', async () => {
    expect((await run('import')).code).toBe(2);
    expect((await run('import', 'betyg', 'x.csv')).code).toBe(2);
    expect((await run('import', 'resultat')).code).toBe(2);
    expect((await run('import', 'resultat', fixture('resultat.csv'), '--datum', '2026-02-30')).code).toBe(2);
  });

  it('imports 50,000 result rows into the large demo school, and a re-import reports 0 changes', () => {
    const dir = tempDir();
    expect(varvet('demo', '--data', dir, '--size', 'l').code).toBe(0);
    const file = path.join(dir, 'resultat-50000.csv');
    const db = new Database(databasePath(dir));
    const rows = writeBenchResultat(db, file);
    db.close();
    expect(rows).toBe(50_000);

    const first = varvet('import', 'resultat', file, '--data', dir, '--json');
    expect(first.err).toBe('');
    const r1 = JSON.parse(first.out) as { tillagda: number; millis: number };
    expect(r1.tillagda).toBe(50_000);
    const second = varvet('import', 'resultat', file, '--data', dir, '--json');
    const r2 = JSON.parse(second.out) as { tillagda: number; andrade: number; oforandrade: number; millis: number };
    expect([r2.tillagda, r2.andrade, r2.oforandrade]).toEqual([0, 0, 50_000]);
    // For the bench: the whole command (process start included) and the import itself, as measured here.
    console.log(
      `BENCH varvet import resultat 50 000 rader: första ${(first.ms / 1000).toFixed(1)} s (import ${r1.millis} ms), ` +
        `omimport ${(second.ms / 1000).toFixed(1)} s (import ${r2.millis} ms, 0 ändringar)`,
    );
  }, 300_000);
});
