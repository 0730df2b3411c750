// Key wrapping with AES-256-GCM (node:crypto). The passphrase is stretched with scrypt (N=2^17, r=8, p=1: 128 MiB
// and ~0.3–1 s per try); the recovery key already has 160 random bits, so HKDF-SHA256 suffices for it.
import crypto from 'node:crypto';

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export function seal(key: Buffer, plain: Buffer, label: string): Sealed {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`varvet-nyckel-v1:${label}`));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plaintext, or null if the key is wrong or the data was changed (GCM authentication). */
export function open(key: Buffer, sealed: Sealed, label: string): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`varvet-nyckel-v1:${label}`));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function passphraseKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128·N·r bytes, or scrypt refuses the parameters.
    crypto.scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export function recoveryKek(recovery: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', recovery, salt, 'varvet-aterstallning', 32));
}
