// The renderer's draft key (migrations/0008_lokal_nyckel.sql): 32 random bytes, created once and kept in the
// database, so drafts in the browser storage are only as readable as the database itself.
import crypto from 'node:crypto';
import type { HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';

/** Drops the draft key; the next lokal:nyckel creates a new one (after a new database key). */
export function nyLokalNyckel(ctx: HandlerContext): void {
  ctx.db.prepare('DELETE FROM lokal_nyckel').run();
}

export const lokalNyckelHandlers: HandlerPart = {
  'lokal:nyckel': (_args, ctx) => {
    const read = () => ctx.db.prepare('SELECT nyckel FROM lokal_nyckel WHERE id = 1').get() as { nyckel: Buffer } | undefined;
    let row = read();
    if (!row) {
      ctx.db.prepare('INSERT INTO lokal_nyckel (id, nyckel) VALUES (1, ?) ON CONFLICT (id) DO NOTHING').run(crypto.randomBytes(32));
      row = read();
    }
    if (!row) throw new Error('lokal_nyckel saknas efter att den skapats');
    return { nyckel: Buffer.from(row.nyckel).toString('base64') };
  },
};
