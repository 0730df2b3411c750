// The school's own Ed25519 key for signing what it sends the huvudman (migrations/0011_skolnyckel.sql). Created on
// first use and kept in the database, so it is as protected as the pupil data and travels with every backup.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface Skolnyckel {
  publik: string;
  privat: string;
  /** The first 16 hex digits of the SHA-256 of the public key: what the rektor reads out to the huvudman. */
  fingeravtryck: string;
}

export function fingeravtryck(publikPem: string): string {
  const der = crypto.createPublicKey(publikPem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)!.join('-');
}

export function skolnyckel(db: Database, now: Date): Skolnyckel {
  const read = () => db.prepare('SELECT publik, privat FROM skolnyckel WHERE id = 1').get() as { publik: string; privat: string } | undefined;
  let row = read();
  if (!row) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    db.prepare('INSERT INTO skolnyckel (id, publik, privat, skapad) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      now.toISOString(),
    );
    row = read()!;
  }
  return { ...row, fingeravtryck: fingeravtryck(row.publik) };
}
