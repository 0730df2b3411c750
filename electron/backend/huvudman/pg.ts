// The huvudman's hub in PostgreSQL. Schools deliver through a role that may only INSERT into the inbox; a trigger
// (SECURITY DEFINER) refuses a document whose SHA-256, format or school key does not hold, and drops a resend of the
// same report silently. The Ed25519 signature is checked by the hub itself (taEmot, with node:crypto) before a
// report is accepted; a refused one is deleted from the inbox and only its hash and the reason are kept.
import pg from 'pg';
import { AppError } from '../../../shared/errors';
import { lasLeverans, signaturGiltig, type ArsrapportDokument, type Leverans } from './leverans';
import { fingeravtryck } from './nyckel';

export const SKOLROLL = 'varvet_skola';

const SCHEMA = `
CREATE SCHEMA IF NOT EXISTS huvudman;
CREATE TABLE IF NOT EXISTS huvudman.skola (
  id            serial PRIMARY KEY,
  namn          text NOT NULL,
  publik_nyckel text NOT NULL UNIQUE,
  fingeravtryck text NOT NULL UNIQUE,
  registrerad   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS huvudman.inkorg (
  id       bigserial PRIMARY KEY,
  sha256   text NOT NULL UNIQUE,
  dokument text NOT NULL,
  signatur text NOT NULL,
  mottagen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS huvudman.rapport (
  id       bigserial PRIMARY KEY,
  skola_id integer NOT NULL REFERENCES huvudman.skola (id),
  sha256   text NOT NULL UNIQUE,
  lasar    text NOT NULL,
  version  integer NOT NULL,
  skapad   timestamptz NOT NULL,
  dokument jsonb NOT NULL,
  signatur text NOT NULL,
  mottagen timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS huvudman.avvisad (
  sha256   text PRIMARY KEY,
  orsak    text NOT NULL,
  avvisad  timestamptz NOT NULL DEFAULT now()
);
CREATE OR REPLACE FUNCTION huvudman.inkorg_kontroll() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, huvudman AS $fn$
DECLARE d jsonb;
BEGIN
  IF NEW.sha256 !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'Rapporten saknar en giltig SHA-256.' USING ERRCODE = 'check_violation';
  END IF;
  IF encode(sha256(convert_to(NEW.dokument, 'UTF8')), 'hex') <> NEW.sha256 THEN
    RAISE EXCEPTION 'Rapportens SHA-256 stämmer inte med innehållet: rapporten har ändrats efter att den skrevs.' USING ERRCODE = 'check_violation';
  END IF;
  BEGIN
    d := NEW.dokument::jsonb;
  EXCEPTION WHEN others THEN
    RAISE EXCEPTION 'Rapportens innehåll är inte giltig JSON.' USING ERRCODE = 'check_violation';
  END;
  IF d->>'format' IS DISTINCT FROM 'varvet-arsrapport' OR d->>'version' IS DISTINCT FROM '1'
     OR jsonb_typeof(d->'rapport') IS DISTINCT FROM 'object' OR jsonb_typeof(d->'aggregat') IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'Rapporten följer inte formatet varvet-arsrapport version 1.' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.signatur !~ '^[A-Za-z0-9+/]{86}==$' THEN
    RAISE EXCEPTION 'Rapporten är inte signerad.' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM huvudman.skola WHERE publik_nyckel = d->'skola'->>'nyckel') THEN
    RAISE EXCEPTION 'Skolans nyckel är inte registrerad hos huvudmannen. Be huvudmannen registrera den först (varvet huvudman registrera).' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM huvudman.inkorg WHERE sha256 = NEW.sha256) OR EXISTS (SELECT 1 FROM huvudman.rapport WHERE sha256 = NEW.sha256) THEN
    RETURN NULL;
  END IF;
  NEW.mottagen := now();
  RETURN NEW;
END
$fn$;
DROP TRIGGER IF EXISTS inkorg_kontroll ON huvudman.inkorg;
CREATE TRIGGER inkorg_kontroll BEFORE INSERT ON huvudman.inkorg FOR EACH ROW EXECUTE FUNCTION huvudman.inkorg_kontroll();
`;

export type Koppling = pg.Client;

/** Connects with a postgres:// address; the password may come from PGPASSWORD instead of the address. */
export async function koppla(url: string): Promise<Koppling> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new AppError('invalid_argument', 'Ange databasen som en adress som börjar med postgres://, t.ex. postgres://varvet_skola@127.0.0.1:5432/huvudman.');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new AppError('database_unavailable', `Kunde inte ansluta till huvudmannens databas (${pgFel(error)}). Ingenting har skickats.`);
  }
  return client;
}

function pgFel(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'ingen databas svarar på adressen';
  if (code === '28P01' || code === '28000') return 'fel användare eller lösenord';
  if (code === '3D000') return 'databasen finns inte';
  return error instanceof Error ? error.message : String(error);
}

/** Creates the hub's tables and the INSERT-only school role (run by the huvudman as the database's owner). */
export async function initHub(client: Koppling, opts: { skolrollLosenord: string }): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(SCHEMA);
    const finns = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [SKOLROLL]);
    const losen = client.escapeLiteral(opts.skolrollLosenord);
    await client.query(finns.rowCount ? `ALTER ROLE ${SKOLROLL} LOGIN PASSWORD ${losen}` : `CREATE ROLE ${SKOLROLL} LOGIN PASSWORD ${losen}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA huvudman FROM ${SKOLROLL}`);
    await client.query(`GRANT USAGE ON SCHEMA huvudman TO ${SKOLROLL}`);
    await client.query(`GRANT INSERT (sha256, dokument, signatur) ON huvudman.inkorg TO ${SKOLROLL}`);
    await client.query(`GRANT USAGE ON SEQUENCE huvudman.inkorg_id_seq TO ${SKOLROLL}`);
    await client.query('REVOKE ALL ON FUNCTION huvudman.inkorg_kontroll() FROM PUBLIC');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export async function registreraSkola(client: Koppling, namn: string, publikPem: string): Promise<{ fingeravtryck: string; ny: boolean }> {
  let fp: string;
  try {
    fp = fingeravtryck(publikPem);
  } catch {
    throw new AppError('invalid_argument', 'Filen är inte en publik nyckel från Varvet (skrivs med varvet skicka nyckel).');
  }
  const r = await client.query(
    'INSERT INTO huvudman.skola (namn, publik_nyckel, fingeravtryck) VALUES ($1, $2, $3) ON CONFLICT (publik_nyckel) DO UPDATE SET namn = EXCLUDED.namn RETURNING (xmax = 0) AS ny',
    [namn, publikPem.trim() + '\n', fp],
  );
  return { fingeravtryck: fp, ny: Boolean(r.rows[0]?.ny) };
}

/** A school's delivery: one INSERT into the inbox. 'redan' when the hub already has exactly this report. */
export async function leverera(client: Koppling, leverans: Leverans): Promise<'mottagen' | 'redan'> {
  try {
    const r = await client.query('INSERT INTO huvudman.inkorg (sha256, dokument, signatur) VALUES ($1, $2, $3)', [leverans.sha256, leverans.dokument, leverans.signatur]);
    return r.rowCount === 1 ? 'mottagen' : 'redan';
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === '23514' && e.message) throw new AppError('invalid_argument', `Huvudmannen tog inte emot rapporten: ${e.message}`);
    if (e.code === '42501') throw new AppError('unauthorized', 'Rollen får inte lämna rapporter i huvudmannens inkorg.');
    throw new AppError('database_unavailable', `Huvudmannen tog inte emot rapporten (${pgFel(error)}).`);
  }
}

/**
 * The hub's intake: every report in the inbox is checked again, its signature against the school's registered key;
 * an accepted one moves to huvudman.rapport, a refused one is deleted and only its hash and reason are kept.
 */
export async function taEmot(client: Koppling): Promise<{ mottagna: number; avvisade: { sha256: string; orsak: string }[] }> {
  const rows = (await client.query('SELECT id, sha256, dokument, signatur, mottagen FROM huvudman.inkorg ORDER BY id')).rows as {
    id: string; sha256: string; dokument: string; signatur: string; mottagen: Date;
  }[];
  let mottagna = 0;
  const avvisade: { sha256: string; orsak: string }[] = [];
  for (const row of rows) {
    await client.query('BEGIN');
    try {
      let orsak: string | null = null;
      let dokument: ArsrapportDokument | null = null;
      try {
        dokument = lasLeverans(JSON.stringify({ dokument: row.dokument, sha256: row.sha256, signatur: row.signatur })).dokument;
      } catch (error) {
        orsak = error instanceof Error ? error.message : String(error);
      }
      const skola = dokument
        ? ((await client.query('SELECT id, publik_nyckel FROM huvudman.skola WHERE publik_nyckel = $1', [dokument.skola.nyckel])).rows[0] as { id: number; publik_nyckel: string } | undefined)
        : undefined;
      if (!orsak && !skola) orsak = 'Skolans nyckel är inte registrerad hos huvudmannen.';
      if (!orsak && dokument && skola && !signaturGiltig({ dokument: row.dokument, sha256: row.sha256, signatur: row.signatur }, dokument, skola.publik_nyckel)) {
        orsak = 'Signaturen stämmer inte: rapporten är inte signerad med skolans registrerade nyckel.';
      }
      if (orsak || !dokument || !skola) {
        await client.query('INSERT INTO huvudman.avvisad (sha256, orsak) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [row.sha256, orsak]);
        avvisade.push({ sha256: row.sha256, orsak: orsak ?? 'Okänt fel.' });
      } else {
        await client.query(
          `INSERT INTO huvudman.rapport (skola_id, sha256, lasar, version, skapad, dokument, signatur, mottagen)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) ON CONFLICT (sha256) DO NOTHING`,
          [skola.id, row.sha256, dokument.lasar.namn, dokument.version, dokument.skapad, row.dokument, row.signatur, row.mottagen],
        );
        mottagna++;
      }
      await client.query('DELETE FROM huvudman.inkorg WHERE id = $1', [row.id]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return { mottagna, avvisade };
}

/** The newest accepted report of each school and läsår. */
export async function senasteRapporter(client: Koppling): Promise<{ dokument: ArsrapportDokument; mottagen: string }[]> {
  const rows = (
    await client.query(
      `SELECT DISTINCT ON (skola_id, lasar) dokument, mottagen FROM huvudman.rapport ORDER BY skola_id, lasar, skapad DESC, id DESC`,
    )
  ).rows as { dokument: ArsrapportDokument; mottagen: Date }[];
  return rows.map((r) => ({ dokument: r.dokument, mottagen: r.mottagen.toISOString() }));
}
