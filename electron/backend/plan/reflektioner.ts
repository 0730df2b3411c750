// Step 8 compares the year with the plan, and Fundera (Utfall, Varför, Nästa steg) and the discussion answers written
// after each step are "shown again at the year-end" (issue 5, item 7). This reads them for one läsår: the steps kept
// per varv or meeting (4–7) by the läsår's varv and meetings, the steps done once (1–3) as they are.
import type { Database } from 'better-sqlite3';
import type { ArsReflektionDel, ArsReflektioner } from '../../../shared/channels/plan';
import { AppError } from '../../../shared/errors';
import { currentLasar } from '../skola/oversikt';

/** Steps 1–7; step 8's own Fundera is written on the year-end page itself. */
const STEG_ATT_VISA = [1, 2, 3, 4, 5, 6, 7] as const;

interface ReflektionRow {
  steg: number;
  varvId: number | null;
  moteId: number | null;
  varvNummer: number | null;
  moteDatum: string | null;
  utfall: string;
  varfor: string;
  nastaSteg: string;
}

interface DiskussionRow {
  steg: number;
  varvId: number | null;
  varvNummer: number | null;
  fragaNr: number;
  svar: string;
}

const blank = (s: string) => s.trim() === '';

export function arsReflektioner(db: Database, lasarId: number | null, day: string): ArsReflektioner {
  const id = lasarId ?? currentLasar(db, day)?.id;
  if (id === undefined || !db.prepare('SELECT 1 FROM lasar WHERE id = ?').get(id)) {
    throw new AppError('not_found', 'Läsåret finns inte. Skapa skolan först.');
  }
  // A row belongs to the läsår through its varv or meeting; rows with neither (steps 1–3, 8) belong to every läsår.
  const reflektioner = db
    .prepare(
      `SELECT r.steg, r.varv_id AS varvId, r.mote_id AS moteId, coalesce(v.nummer, mv.nummer) AS varvNummer, m.datum AS moteDatum,
         r.utfall, r.varfor, r.nasta_steg AS nastaSteg
       FROM reflektion r
       LEFT JOIN varv v ON v.id = r.varv_id
       LEFT JOIN mote m ON m.id = r.mote_id
       LEFT JOIN varv mv ON mv.id = m.varv_id
       WHERE (r.varv_id IS NULL AND r.mote_id IS NULL) OR v.lasar_id = ? OR m.lasar_id = ?
       ORDER BY r.steg, coalesce(v.nummer, mv.nummer, 0), m.datum, r.id`,
    )
    .all(id, id) as ReflektionRow[];
  const diskussion = db
    .prepare(
      `SELECT d.steg, d.varv_id AS varvId, v.nummer AS varvNummer, d.fraga_nr AS fragaNr, d.svar
       FROM diskussionssvar d LEFT JOIN varv v ON v.id = d.varv_id
       WHERE d.varv_id IS NULL OR v.lasar_id = ?
       ORDER BY d.steg, coalesce(v.nummer, 0), d.fraga_nr`,
    )
    .all(id) as DiskussionRow[];

  const steg = STEG_ATT_VISA.map((s) => {
    const delar: ArsReflektionDel[] = [];
    // Discussion answers are kept per step and varv; the meeting steps (4, 6) keep Fundera per meeting too.
    const del = (varvNummer: number | null, moteDatum: string | null): ArsReflektionDel => {
      let found = delar.find((d) => d.varvNummer === varvNummer && d.moteDatum === moteDatum);
      if (!found) {
        found = { varvNummer, moteDatum, fundera: null, diskussion: [] };
        delar.push(found);
      }
      return found;
    };
    for (const r of reflektioner.filter((x) => x.steg === s)) {
      if (blank(r.utfall) && blank(r.varfor) && blank(r.nastaSteg)) continue;
      del(r.varvNummer, r.moteDatum).fundera = { utfall: r.utfall, varfor: r.varfor, nastaSteg: r.nastaSteg };
    }
    for (const d of diskussion.filter((x) => x.steg === s && !blank(x.svar))) {
      // A meeting step's answers go with that varv's meeting when there is one, else stand on their own.
      const target = delar.find((x) => x.varvNummer === d.varvNummer) ?? del(d.varvNummer, null);
      target.diskussion.push({ fragaNr: d.fragaNr, svar: d.svar });
    }
    delar.sort((a, b) => (a.varvNummer ?? 0) - (b.varvNummer ?? 0) || (a.moteDatum ?? '').localeCompare(b.moteDatum ?? ''));
    return { steg: s, delar };
  });
  return { lasarId: id, steg };
}
