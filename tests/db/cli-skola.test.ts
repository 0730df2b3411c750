// The CLI at a school's start: `varvet skola ny`, `varvet moten`, export's format from the file name, refused
// commands that leave no database behind, and browser mode building a missing renderer instead of answering 503.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/backend/paths';
import { ensureRenderer } from '../../electron/cli/commands/serve';
import { main } from '../../electron/cli/main';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';

function capture() {
  const lines = { out: '', err: '' };
  return { lines, io: { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) } };
}

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, ...c.lines };
}

const NY = ['--namn', 'Nya skolan', '--start', '2026-08-17', '--slut', '2027-06-11'];

describe('varvet skola ny och varvet moten', () => {
  it('skapar skolan med läsåret och schemat, listar mötena, och vägrar en andra skola med exitkod 1', async () => {
    const dir = tempDir();
    const ny = await run('skola', 'ny', '--data', dir, ...NY, '--varv', '5', '--langd', '6');
    expect(ny.err).toBe('');
    expect(ny.code).toBe(0);
    expect(ny.out).toMatch(/Skolan "Nya skolan" är skapad med läsåret 2026\/27: 5 varv om 6 veckor/);

    const moten = await run('moten', '--data', dir, '--json');
    expect(moten.code).toBe(0);
    const rader = JSON.parse(moten.out) as { id: number; typ: string; datum: string; varv: number | null; status: string }[];
    expect(rader[0]).toMatchObject({ typ: 'forsta_eht', varv: null, status: 'planerat' });
    expect(rader.filter((r) => r.typ === 'eht').map((r) => r.varv)).toEqual([1, 2, 3, 4, 5]);
    expect(rader.every((r) => Number.isInteger(r.id) && /^\d{4}-\d{2}-\d{2}$/.test(r.datum))).toBe(true);
    const text = await run('moten', '--data', dir);
    expect(text.out).toMatch(new RegExp(`${rader[0]?.id}\\s+${rader[0]?.datum}\\s+Första EHT-mötet\\s+–\\s+Planerat`));

    // The id is the one export protokoll takes.
    const pdf = path.join(dir, 'p.pdf');
    const protokoll = await run('export', 'protokoll', '--data', dir, '--meeting', String(rader[0]?.id), '--out', pdf);
    expect(protokoll.err).toBe('');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // The real bin: a Swedish sentence and exit code 1.
    const again = spawnSync(process.execPath, [CLI, 'skola', 'ny', '--data', dir, ...NY], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/Det finns redan en skola i .*Välj en tom mapp/);
  });

  it('vägrar felaktiga flaggor på svenska utan att skapa någon databas', async () => {
    const dir = tempDir();
    const fall: [string[], RegExp][] = [
      [['--namn', 'X', '--start', '2026-02-30', '--slut', '2027-06-11'], /2026-02-30 \(--start\) finns inte/],
      [['--namn', 'X', '--start', '2027-06-11', '--slut', '2026-08-17'], /sista dag \(--slut\) måste komma efter/],
      [['--start', '2026-08-17', '--slut', '2027-06-11'], /Ange skolans namn/],
      [[...NY, '--varv', '4'], /--varv ska vara 5 eller 6/],
      [[...NY, '--langd', '7'], /--langd ska vara 5 eller 6/],
    ];
    for (const [flags, why] of fall) {
      const r = await run('skola', 'ny', '--data', dir, ...flags);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(why);
    }
    // A year too short for the schedule: refused by the schedule itself, and the new file is removed again.
    const kort = await run('skola', 'ny', '--data', dir, '--namn', 'X', '--start', '2026-08-17', '--slut', '2026-09-30', '--varv', '6');
    expect(kort.code).toBe(1);
    expect(kort.err).not.toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('en vägrad provkörning, export eller möteslista i en mapp utan skola lämnar ingen ny databasfil', async () => {
    const dir = tempDir();
    const csv = path.join(tempDir(), 'elever.csv');
    fs.writeFileSync(csv, 'Förnamn;Efternamn;Klass\nAnna;Berg;7A\n');
    const tom = path.join(dir, 'tom');
    for (const argv of [
      ['import', 'elever', csv, '--data', tom, '--dry-run'],
      ['import', 'elever', csv, '--data', dir, '--dry-run', '--json'],
      ['export', 'plan', '--data', dir, '--out', path.join(tempDir(), 'x.pdf')],
      ['moten', '--data', dir],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err + r.out).toMatch(/Det finns ingen databas i .*varvet skola ny/);
    }
    expect(fs.existsSync(databasePath(dir))).toBe(false);
    expect(fs.existsSync(tom)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('export tar formatet från filnamnet när --format utelämnas', async () => {
    const dir = tempDir();
    expect((await run('skola', 'ny', '--data', dir, ...NY)).code).toBe(0);
    const json = path.join(dir, 'u.json');
    const a = await run('export', 'arsrapport', '--data', dir, '--out', json);
    expect(a.err).toBe('');
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toBeTypeOf('object');
    const docx = path.join(dir, 'plan.docx');
    expect((await run('export', 'plan', '--data', dir, '--out', docx)).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(dir, 'plan');
    expect((await run('export', 'plan', '--data', dir, '--out', pdf)).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const krock = await run('export', 'plan', '--data', dir, '--format', 'pdf', '--out', path.join(dir, 'y.docx'));
    expect(krock.code).toBe(2);
    expect(krock.err).toMatch(/slutar på \.docx men --format är pdf/);
    const fel = await run('export', 'plan', '--data', dir, '--out', path.join(dir, 'y.json'));
    expect(fel.code).toBe(2);
    expect(fel.err).toMatch(/kan skrivas som pdf eller docx, inte som \.json/);
  });
});

describe('webbläsarläget efter npm install', () => {
  it('package.json bygger gränssnittet vid installationen', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // prepare runs the whole build (the CLI bundle, the renderer, Electron's main), the renderer among it.
    expect(pkg.scripts.prepare).toMatch(/npm run build\b/);
    expect(pkg.scripts.build).toMatch(/build:renderer/);
  });

  it('bygger ett gränssnitt som saknas i stället för att svara 503', async () => {
    const dir = path.join(tempDir(), 'renderer');
    const c = capture();
    await ensureRenderer(dir, c.io);
    expect(c.lines.out).toMatch(/Gränssnittet är inte byggt ännu/);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toMatch(/<div id="root">/);
    // Built once: a second start builds nothing.
    const d = capture();
    await ensureRenderer(dir, d.io, async () => {
      throw new Error('should not build');
    });
    expect(d.lines.out).toBe('');
  }, 300_000);
});
