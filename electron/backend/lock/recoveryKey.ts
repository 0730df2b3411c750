// The recovery key: 160 random bits shown once as eight groups of four characters (Crockford base32: no I, L, O, U),
// e.g. "7K3M-Q9XD-…". Parsing forgives lowercase, missing or extra dashes and spaces, and O/I/L typed for 0/1.
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_BYTES = 20;
const GROUPS = 8;

export function encodeRecoveryKey(bytes: Buffer): string {
  if (bytes.length !== RECOVERY_BYTES) throw new Error('Återställningsnyckeln måste vara 20 byte.');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return (out.match(/.{4}/g) ?? []).join('-');
}

export function newRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = crypto.randomBytes(RECOVERY_BYTES);
  return { text: encodeRecoveryKey(bytes), bytes };
}

/** The 20 bytes of a typed recovery key, or null if it cannot be one (wrong length or characters). */
export function parseRecoveryKey(typed: string): Buffer | null {
  const clean = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (clean.length !== GROUPS * 4) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

/** The last group, which the user types to confirm they kept the key. */
export function lastGroup(text: string): string {
  return text.split('-').at(-1) ?? '';
}
