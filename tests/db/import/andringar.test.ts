// An import that overwrites what is saved says so first: the dry run counts the rows it adds and lists every
// existing value it changes (before → after), also for "only the valid rows". A refusal says what is true.
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/import/types';
import { importFixture, newSchool, withRegister } from './support';

const csv = (text: string) => new Uint8Array(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'));

describe('ändringar av befintliga värden', () => {
  it('provkörningen listar varje värde som skrivs över, också när bara de giltiga raderna importeras', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const first = await importFixture(backend, 'resultat', 'resultat.csv');
    expect(first.refused).toBeNull();
    expect(first.andradeVarden).toBe(0);

    // Two grades change, one row is new in a subject, one row has a problem.
    const bytes = csv('Elev-ID;Ämne;Betyg;Datum\nE24030;Matematik;A;2026-10-16\nE24030;SV;C;2026-10-16\nE24030;EN;D;2026-10-16\nOKAND;Matematik;A;2026-10-16\n');
    const check: ImportResult = await importFixture(backend, 'resultat', 'andring.csv', { bytes, dryRun: true, onlyValidRows: true });
    expect(check).toMatchObject({ refused: null, dryRun: true, giltigaRader: 3, andrade: 2, oforandrade: 1, andradeVarden: 2 });
    expect(check.andringar).toEqual([
      { vad: expect.stringMatching(/^Juni Lundqvist \(Elev-ID E24030\), Matematik/), falt: 'betyg eller nivå', fore: 'F', efter: 'A' },
      { vad: expect.stringMatching(/^Juni Lundqvist \(Elev-ID E24030\), Engelska/), falt: 'betyg eller nivå', fore: 'B', efter: 'D' },
    ]);

    // The whole file is refused, truthfully: one problem, no question, nothing skipped because nothing was imported.
    const refused = await importFixture(backend, 'resultat', 'andring.csv', { bytes });
    expect(refused.refused).toBe('Filen har 1 problem. Ingenting har importerats. Rätta filen eller välj att importera bara de 3 giltiga raderna.');
    expect(refused.hoppade).toBe(0);
    expect(refused.andradeVarden).toBe(0);

    const done = await importFixture(backend, 'resultat', 'andring.csv', { bytes, onlyValidRows: true });
    expect(done).toMatchObject({ refused: null, baraGiltiga: true, andrade: 2, andradeVarden: 2, hoppade: 1 });
    backend.close();
  });

  it('en fil utan en enda giltig rad nämner varken frågor eller giltiga rader', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const bytes = csv('Elev-ID;Ämne;Betyg;Datum\nOKAND;Matematik;A;2026-10-16\nOKAND2;Matematik;Q;2026-10-16\n');
    const r = await importFixture(backend, 'resultat', 'trasig.csv', { bytes });
    expect(r.refused).toMatch(/^Filen har \d+ problem och ingen giltig rad\. Ingenting har importerats\. Rätta filen\.$/);
    expect(r.refused).not.toMatch(/frågor|giltiga raderna/);
    expect(r.hoppade).toBe(0);
    backend.close();
  });
});
