// The renderer's encrypted local drafts (renderer/src/lokalLagring.ts), run under Node's WebCrypto against a
// Map-backed stand-in for localStorage: what reaches the storage is ciphertext, it reads back under the same key
// only, for the same entry only, in the order written, and a full storage costs nothing but the safety net.
import { describe, expect, it } from 'vitest';
import { databasId, krypteraPost, KRYPTERAT, LokalLagring, type Lagring } from '../../../renderer/src/lokalLagring';

class MapLagring implements Lagring {
  readonly map = new Map<string, string>();
  full = false;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const NYCKEL = Buffer.alloc(32, 7).toString('base64');
/** The name an entry is stored under: its own name and the database's id. */
const lagrad = async (namn: string, nyckel = NYCKEL) => `${namn}@${await databasId(nyckel)}`;
const ANNAN = Buffer.alloc(32, 9).toString('base64');
const ours = (k: string) => k.startsWith('varvet.');
const TEXT = 'Elsa Öberg behöver studiehandledning på arabiska – Kanariefågel';

describe('lokal lagring', () => {
  it('writes only ciphertext and reads it back under the same key after a restart', async () => {
    const storage = new MapLagring();
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    a.set('varvet.utkast.x', TEXT);
    expect(a.get('varvet.utkast.x')).toBe(TEXT); // synchronous from memory
    await a.skrivet();
    const stored = storage.getItem(await lagrad('varvet.utkast.x')) ?? '';
    expect(stored.startsWith(KRYPTERAT)).toBe(true);
    expect(stored).not.toContain('Kanariefågel');
    expect(Buffer.from(stored, 'utf8').includes(Buffer.from('Kanarie'))).toBe(false);

    const b = new LokalLagring(storage, ours);
    expect(b.get('varvet.utkast.x')).toBeNull(); // nothing before the key
    await b.open(NYCKEL);
    expect(b.get('varvet.utkast.x')).toBe(TEXT);
  });

  it('leaves entries of another key alone and will not read a value moved to another entry', async () => {
    const storage = new MapLagring();
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    a.set('varvet.utkast.x', TEXT);
    await a.skrivet();
    const stored = storage.getItem(await lagrad('varvet.utkast.x')) ?? '';

    const other = new LokalLagring(storage, ours);
    await other.open(ANNAN);
    expect(other.get('varvet.utkast.x')).toBeNull();
    expect(storage.getItem(await lagrad('varvet.utkast.x'))).toBe(stored); // still there for its own database

    storage.setItem(await lagrad('varvet.utkast.y'), stored);
    const moved = new LokalLagring(storage, ours);
    await moved.open(NYCKEL);
    expect(moved.get('varvet.utkast.x')).toBe(TEXT);
    expect(moved.get('varvet.utkast.y')).toBeNull();
  });

  it('takes in plaintext left by an older Varvet and rewrites it encrypted; other keys are not touched', async () => {
    const storage = new MapLagring();
    storage.setItem('varvet.motesko.3', JSON.stringify([{ nyckel: 'k1', typ: 'evaluate' }]));
    storage.setItem('annat.tema', 'mörkt');
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    expect(JSON.parse(a.get('varvet.motesko.3') ?? 'null')).toEqual([{ nyckel: 'k1', typ: 'evaluate' }]);
    await a.skrivet();
    expect(storage.getItem(await lagrad('varvet.motesko.3'))?.startsWith(KRYPTERAT)).toBe(true);
    expect(storage.getItem('varvet.motesko.3')).toBeNull();
    expect(storage.getItem('annat.tema')).toBe('mörkt');
  });

  it('keys entries by the database: two databases at the same address keep a draft of the same name each', async () => {
    const storage = new MapLagring();
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    a.set('varvet.moteutkast.1', 'skola A');
    await a.skrivet();
    // Another database opened at the same address writes the same name: A's draft is not overwritten.
    const b = new LokalLagring(storage, ours);
    await b.open(ANNAN);
    b.set('varvet.moteutkast.1', 'skola B');
    b.remove('varvet.moteutkast.2');
    await b.skrivet();
    const a2 = new LokalLagring(storage, ours);
    await a2.open(NYCKEL);
    expect(a2.get('varvet.moteutkast.1')).toBe('skola A');
    const b2 = new LokalLagring(storage, ours);
    await b2.open(ANNAN);
    expect(b2.get('varvet.moteutkast.1')).toBe('skola B');
  });

  it('takes in an encrypted entry stored without the database id by an older Varvet, and only under its own key', async () => {
    const storage = new MapLagring();
    const nyckel = await crypto.subtle.importKey('raw', Buffer.from(NYCKEL, 'base64'), 'AES-GCM', false, ['encrypt', 'decrypt']);
    storage.setItem('varvet.utkast.gammal', await krypteraPost(nyckel, 'varvet.utkast.gammal', TEXT));
    const other = new LokalLagring(storage, ours);
    await other.open(ANNAN);
    await other.skrivet();
    expect(other.get('varvet.utkast.gammal')).toBeNull();
    expect(storage.getItem('varvet.utkast.gammal')).not.toBeNull(); // not the other database's to remove
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    await a.skrivet();
    expect(a.get('varvet.utkast.gammal')).toBe(TEXT);
    expect(storage.getItem('varvet.utkast.gammal')).toBeNull();
    expect(storage.getItem(await lagrad('varvet.utkast.gammal'))?.startsWith(KRYPTERAT)).toBe(true);
  });

  it('keeps writes made before the key and writes them once it comes; the last of many quick writes wins', async () => {
    const storage = new MapLagring();
    const a = new LokalLagring(storage, ours);
    a.set('varvet.utkast.tidig', 'före nyckeln');
    expect(storage.length).toBe(0);
    await a.open(NYCKEL);
    for (let i = 0; i < 50; i++) a.set('varvet.utkast.snabb', `version ${i}`);
    a.remove('varvet.utkast.borta');
    a.set('varvet.utkast.borta', 'kort liv');
    a.remove('varvet.utkast.borta');
    await a.skrivet();
    const b = new LokalLagring(storage, ours);
    await b.open(NYCKEL);
    expect(b.get('varvet.utkast.tidig')).toBe('före nyckeln');
    expect(b.get('varvet.utkast.snabb')).toBe('version 49');
    expect(storage.getItem(await lagrad('varvet.utkast.borta'))).toBeNull();
  });

  it('re-encrypts what it holds when the key changes (a restored database with another key)', async () => {
    const storage = new MapLagring();
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    a.set('varvet.utkast.x', TEXT);
    await a.open(ANNAN);
    await a.skrivet();
    const b = new LokalLagring(storage, ours);
    await b.open(ANNAN);
    expect(b.get('varvet.utkast.x')).toBe(TEXT);
  });

  it('goes on in memory when the storage is full', async () => {
    const storage = new MapLagring();
    storage.full = true;
    const a = new LokalLagring(storage, ours);
    await a.open(NYCKEL);
    a.set('varvet.utkast.x', TEXT);
    await a.skrivet();
    expect(a.get('varvet.utkast.x')).toBe(TEXT);
    expect(storage.length).toBe(0);
  });
});
