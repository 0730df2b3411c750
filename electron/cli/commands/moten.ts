// `varvet moten`: the school's meetings with their ids, so `varvet export protokoll --meeting ID` can be used.
import { parseArgs } from 'node:util';
import type { MoteStatus, MoteTyp } from '../../../shared/model';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { AppError } from '../../../shared/errors';
import { resolveDataDir } from '../../backend/paths';
import { getSkola } from '../../backend/skola/skola';
import { openExisting } from '../database';
import type { CliCommand } from '../types';

export const MOTE_STATUS_TEXT: Record<MoteStatus, string> = { planerat: 'Planerat', pagar: 'Pågår', avslutat: 'Avslutat' };

export interface MoteListRad {
  id: number;
  typ: MoteTyp;
  datum: string;
  varv: number | null;
  status: MoteStatus;
  lasar: string;
}

export const motenCommand: CliCommand = {
  summary: 'Listar skolans möten med id, slag, datum, varv och status (id:t används av export protokoll --meeting).',
  usage: 'varvet moten [--data MAPP] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean' } } });
    const dataDir = resolveDataDir({ explicit: values.data });
    const db = await openExisting(dataDir);
    try {
      if (!getSkola(db)) throw new AppError('not_found', `Det finns ingen skola i ${dataDir}.`);
      const rader = db
        .prepare(
          `SELECT m.id, m.typ, m.datum, v.nummer AS varv, m.status, l.namn AS lasar
           FROM mote m JOIN lasar l ON l.id = m.lasar_id LEFT JOIN varv v ON v.id = m.varv_id
           ORDER BY m.datum, m.id`,
        )
        .all() as MoteListRad[];
      if (values.json) {
        io.out(JSON.stringify(rader, null, 2));
        return 0;
      }
      io.out(`${'Id'.padStart(5)}  ${'Datum'.padEnd(10)}  ${'Slag'.padEnd(27)}  ${'Varv'.padEnd(4)}  Status`);
      for (const r of rader) {
        io.out(`${String(r.id).padStart(5)}  ${r.datum}  ${MOTE_TYP_TEXT[r.typ].padEnd(27)}  ${(r.varv === null ? '–' : String(r.varv)).padEnd(4)}  ${MOTE_STATUS_TEXT[r.status]}`);
      }
      io.out(`${rader.length} möten. Protokoll för ett EHT-möte: varvet export protokoll --data MAPP --meeting ID --out protokoll.pdf`);
      return 0;
    } finally {
      db.close();
    }
  },
};
