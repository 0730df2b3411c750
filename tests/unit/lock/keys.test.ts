// Key wrapping and the recovery key (issue 8, item 5): formats, typo tolerance, and that wrong secrets fail.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyFile, openKeyring, sealKeyring, withNewPassphrase, wkFromKeychain, wkFromPassphrase, wkFromRecovery, type Keychain } from '../../../electron/backend/lock/keyFile';
import { encodeRecoveryKey, lastGroup, newRecoveryKey, parseRecoveryKey } from '../../../electron/backend/lock/recoveryKey';
import { open, seal, SCRYPT_PARAMS } from '../../../electron/backend/lock/wrap';

const FAST = { N: 2 ** 12, r: 8, p: 1 };

describe('recovery key', () => {
  it('is 8 groups of 4 Crockford characters carrying 160 random bits, and round-trips', () => {
    for (let i = 0; i < 50; i++) {
      const { text, bytes } = newRecoveryKey();
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(text)?.equals(bytes)).toBe(true);
    }
  });

  it('forgives lowercase, missing dashes, spaces and O/I/L for 0/1', () => {
    const bytes = Buffer.alloc(20, 0);
    bytes[0] = 0x08; // gives a 1 in the text
    const text = encodeRecoveryKey(bytes);
    expect(text).toMatch(/^10/);
    const typed = text.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(parseRecoveryKey(typed)?.equals(bytes)).toBe(true);
    expect(parseRecoveryKey(text.replaceAll('-', ''))?.equals(bytes)).toBe(true);
  });

  it('refuses wrong lengths and characters', () => {
    const { text } = newRecoveryKey();
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(`${text}A`)).toBeNull();
    expect(parseRecoveryKey(text.replace(/.$/, 'U'))).toBeNull();
    expect(lastGroup(text)).toHaveLength(4);
  });
});

describe('wrapping', () => {
  it('AES-256-GCM: the right key opens, a wrong key, label or a flipped byte does not', () => {
    const key = crypto.randomBytes(32);
    const sealed = seal(key, Buffer.from('hemligt'), 'a');
    expect(open(key, sealed, 'a')?.toString()).toBe('hemligt');
    expect(open(crypto.randomBytes(32), sealed, 'a')).toBeNull();
    expect(open(key, sealed, 'b')).toBeNull();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(open(key, { ...sealed, data: data.toString('base64') }, 'a')).toBeNull();
  });

  it('production scrypt parameters are strong: N=2^17, r=8 (128 MiB)', () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('passphrase, recovery key and keychain each open the same keyring; wrong ones do not', async () => {
    const store = new Map<string, Buffer>();
    const keychain: Keychain = {
      isAvailable: () => true,
      encrypt: (plain) => {
        const id = crypto.randomBytes(8);
        store.set(id.toString('hex'), Buffer.from(plain));
        return id;
      },
      decrypt: (data) => store.get(data.toString('hex')) ?? Buffer.alloc(0),
    };
    const made = await createKeyFile('rätt häst batteri', keychain, FAST);
    const json = JSON.stringify(made.keyFile);
    expect(json).not.toContain(made.dbKey.toString('hex'));
    expect(json).not.toContain(made.dbKey.toString('base64'));
    expect(made.keyFile.losenord).toMatchObject({ kdf: 'scrypt', N: FAST.N, r: 8, p: 1 });
    for (const wk of [await wkFromPassphrase(made.keyFile, 'rätt häst batteri'), wkFromRecovery(made.keyFile, made.recoveryText.toLowerCase()), wkFromKeychain(made.keyFile, keychain)]) {
      expect(wk?.equals(made.wk)).toBe(true);
      expect(openKeyring(made.keyFile, wk ?? Buffer.alloc(32))[0]?.equals(made.dbKey)).toBe(true);
    }
    expect(await wkFromPassphrase(made.keyFile, 'fel häst batteri')).toBeNull();
    expect(wkFromRecovery(made.keyFile, newRecoveryKey().text)).toBeNull();
    expect(wkFromKeychain(made.keyFile, { ...keychain, isAvailable: () => false })).toBeNull();
  });

  it('a new passphrase reseals only the wrapping key; a rekeyed keyring stays readable by the recovery key', async () => {
    const made = await createKeyFile('första lösenordet', undefined, FAST);
    expect(made.keyFile.nyckelring).toBeNull();
    const changed = await withNewPassphrase(made.keyFile, made.wk, 'andra lösenordet', FAST);
    expect(await wkFromPassphrase(changed, 'första lösenordet')).toBeNull();
    expect((await wkFromPassphrase(changed, 'andra lösenordet'))?.equals(made.wk)).toBe(true);
    const next = crypto.randomBytes(32);
    const rekeyed = { ...changed, nycklar: sealKeyring(made.wk, [next, made.dbKey]) };
    const wk = wkFromRecovery(rekeyed, made.recoveryText);
    expect(openKeyring(rekeyed, wk ?? Buffer.alloc(32)).map((k) => k.toString('hex'))).toEqual([next.toString('hex'), made.dbKey.toString('hex')]);
  });
});
