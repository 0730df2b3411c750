// The year report as the huvudman receives it: a versioned JSON document with the pseudonymised report and, for the
// hub's municipal totals only, each table's counts before suppression (never a row about a pupil), its SHA-256 and
// the school's Ed25519 signature over exactly those bytes. The same envelope goes through PostgreSQL
// (`varvet skicka arsrapport --till`) or as a file (`--out`, read in with `varvet huvudman las-in`).
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { buildArsrapportMedAggregat, type Arsrapport, type RapportAggregat } from '../export/arsrapport';
import { fingeravtryck, skolnyckel } from './nyckel';

export const LEVERANS_FORMAT = 'varvet-arsrapport';
export const LEVERANS_VERSION = 1;

export interface ArsrapportDokument {
  format: typeof LEVERANS_FORMAT;
  version: typeof LEVERANS_VERSION;
  skola: { namn: string; nyckel: string; fingeravtryck: string };
  lasar: { namn: string; fran: string; till: string };
  skapad: string;
  rapport: Arsrapport;
  aggregat: RapportAggregat[];
}

export interface Leverans {
  /** The document as the exact UTF-8 text that was hashed and signed. */
  dokument: string;
  sha256: string;
  /** Ed25519 over the document's bytes, base64. */
  signatur: string;
}

const nyckelEtikett = z.object({ key: z.string().max(40), etikett: z.string().max(200) });
const aggregatSchema = z
  .object({
    nyckel: z.string().regex(/^[a-z_]{1,40}$/),
    rader: z.array(nyckelEtikett).max(50),
    kolumner: z.array(nyckelEtikett).max(50),
    varden: z.array(z.array(z.number().int().nonnegative())),
  })
  .refine((a) => a.varden.length === a.rader.length && a.varden.every((r) => r.length === a.kolumner.length), 'tabellens storlek stämmer inte');

export const dokumentSchema = z.object({
  format: z.literal(LEVERANS_FORMAT),
  version: z.literal(LEVERANS_VERSION),
  skola: z.object({ namn: z.string().min(1).max(200), nyckel: z.string().startsWith('-----BEGIN PUBLIC KEY-----'), fingeravtryck: z.string() }),
  lasar: z.object({ namn: z.string().regex(/^\d{4}\/\d{2}$/), fran: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), till: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  skapad: z.string(),
  rapport: z.object({ typ: z.literal('arsrapport') }).passthrough(),
  aggregat: z.array(aggregatSchema).max(40),
});

const leveransSchema = z.object({ dokument: z.string().max(5_000_000), sha256: z.string(), signatur: z.string() });

export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function byggLeverans(db: Database, opts: { lasarId: number | null; idag: string; now: Date }): Leverans {
  const { rapport, aggregat } = buildArsrapportMedAggregat(db, { lasarId: opts.lasarId, idag: opts.idag, skapad: opts.idag });
  const nyckel = skolnyckel(db, opts.now);
  const dokument: ArsrapportDokument = {
    format: LEVERANS_FORMAT,
    version: LEVERANS_VERSION,
    skola: { namn: rapport.skola, nyckel: nyckel.publik, fingeravtryck: nyckel.fingeravtryck },
    lasar: { namn: rapport.lasar, fran: rapport.period.fran, till: rapport.period.till },
    skapad: opts.now.toISOString(),
    rapport,
    aggregat,
  };
  const text = JSON.stringify(dokument);
  const signatur = crypto.sign(null, Buffer.from(text, 'utf8'), crypto.createPrivateKey(nyckel.privat)).toString('base64');
  return { dokument: text, sha256: sha256Hex(text), signatur };
}

/** Reads an envelope from a file's text; a Swedish sentence says what is wrong. Checks everything but who signed. */
export function lasLeverans(text: string): { leverans: Leverans; dokument: ArsrapportDokument } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_argument', 'Filen är inte en årsrapport från Varvet: den är inte giltig JSON.');
  }
  const env = leveransSchema.safeParse(raw);
  if (!env.success) throw new AppError('invalid_argument', 'Filen är inte en årsrapport från Varvet: dokument, SHA-256 eller signatur saknas.');
  const leverans = env.data;
  if (sha256Hex(leverans.dokument) !== leverans.sha256) throw new AppError('invalid_argument', 'Rapportens SHA-256 stämmer inte med innehållet: rapporten har ändrats efter att den skrevs.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(leverans.dokument);
  } catch {
    throw new AppError('invalid_argument', 'Rapportens innehåll är inte giltig JSON.');
  }
  const dok = dokumentSchema.safeParse(parsed);
  if (!dok.success) throw new AppError('invalid_argument', `Rapporten följer inte formatet ${LEVERANS_FORMAT} version ${LEVERANS_VERSION}.`);
  return { leverans, dokument: dok.data as unknown as ArsrapportDokument };
}

/** True when the envelope is signed with this public key (and the key is the one the document names). */
export function signaturGiltig(leverans: Leverans, dokument: ArsrapportDokument, registreradNyckel: string): boolean {
  if (fingeravtryck(registreradNyckel) !== fingeravtryck(dokument.skola.nyckel)) return false;
  try {
    return crypto.verify(null, Buffer.from(leverans.dokument, 'utf8'), crypto.createPublicKey(registreradNyckel), Buffer.from(leverans.signatur, 'base64'));
  } catch {
    return false;
  }
}
