// Local safety net for text the backend has not confirmed yet: autosave drafts, the meeting's unsent decisions and
// its drafts. They must survive a crash or a killed host, so they are kept in the browser's storage (localStorage,
// which Electron and Chromium write to a file in the profile) — but only as AES-GCM ciphertext under a key that lives
// in the database (channel lokal:nyckel; migrations/0008_lokal_nyckel.sql). So no file the app writes holds pupil
// text in the clear (issue 8; tests/e2e/lokal-kanariefagel.test.ts scans the browser profile for a canary).
//
// Reads are synchronous, from memory: every entry is decrypted once when the key arrives (after start or unlock).
// Writes change memory at once and reach the storage a moment later, in order; writes before the key is known wait
// for it. Entries are keyed by the database, not by the address: each is stored as "name@id", id a digest of the
// database's key, so two databases opened at the same address (or one after another) never overwrite each other's
// drafts; another database's entries are left alone. Entries an older Varvet stored without the id, encrypted or
// plaintext, are taken in by the database whose key reads them and rewritten under its id.
//
// No imports on purpose: the unit test runs this file under Node (WebCrypto is global there too).

/** The part of the Web Storage API used here (localStorage, or a Map-backed stand-in in tests). */
export interface Lagring {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Every stored value starts with this; what follows is base64(iv) "." base64(ciphertext with its GCM tag). */
export const KRYPTERAT = 'varvet-aes-gcm-v1:';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const utf8 = new TextEncoder();

/** Encrypts one entry; the storage key is the associated data, so a value cannot be moved to another key. */
export async function krypteraPost(nyckel: CryptoKey, namn: string, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(namn) }, nyckel, utf8.encode(text));
  return `${KRYPTERAT}${toBase64(iv)}.${toBase64(new Uint8Array(data))}`;
}

/** The plaintext, or null when the value is not ours or was written under another key or for another entry. */
export async function dekrypteraPost(nyckel: CryptoKey, namn: string, stored: string): Promise<string | null> {
  if (!stored.startsWith(KRYPTERAT)) return null;
  const [iv, data] = stored.slice(KRYPTERAT.length).split('.');
  if (!iv || !data) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv), additionalData: utf8.encode(namn) }, nyckel, fromBase64(data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** The database's id in storage names: 16 characters of the SHA-256 of its draft key (which it does not reveal). */
export async function databasId(nyckelBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(nyckelBase64)));
  return toBase64(digest).replace(/[^A-Za-z0-9]/g, '').slice(0, 16);
}

/** "varvet.utkast.x@id" → ["varvet.utkast.x", "id"]; an older entry without an id → [name, null]. */
function delaNamn(lagrat: string): [string, string | null] {
  const at = lagrat.lastIndexOf('@');
  return at < 0 ? [lagrat, null] : [lagrat.slice(0, at), lagrat.slice(at + 1)];
}

export class LokalLagring {
  private nyckel: CryptoKey | null = null;
  private nyckelText: string | null = null;
  private id: string | null = null;
  /** Entries of an older Varvet (no id) taken in: removed once written under the id. */
  private readonly gamla = new Set<string>();
  private readonly minne = new Map<string, string>();
  private readonly andrade = new Set<string>();
  private skriver: Promise<void> | null = null;

  /** `storage` null: nothing is kept outside memory (no localStorage here). `hanterad`: the keys that are ours. */
  constructor(
    private readonly storage: Lagring | null,
    private readonly hanterad: (namn: string) => boolean,
  ) {}

  /** Whether the key is known (entries are read and new ones reach the storage). */
  get oppen(): boolean {
    return this.nyckel !== null;
  }

  /** Takes the key (base64 of 32 bytes) and reads every entry that is ours into memory. */
  async open(nyckelBase64: string): Promise<void> {
    if (nyckelBase64 === this.nyckelText) return;
    const nyckel = await crypto.subtle.importKey('raw', fromBase64(nyckelBase64), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const id = await databasId(nyckelBase64);
    // Entries already in memory (written before the key came, or under a previous key) are written under this one.
    const fore = [...this.minne.keys()];
    if (this.storage) {
      const lagrade: string[] = [];
      for (let i = 0; i < this.storage.length; i++) {
        const lagrat = this.storage.key(i);
        if (lagrat !== null && this.hanterad(lagrat)) lagrade.push(lagrat);
      }
      // This database's own entries first, so an older entry of the same name never replaces a newer one.
      lagrade.sort((a, b) => Number(delaNamn(b)[1] === id) - Number(delaNamn(a)[1] === id));
      for (const lagrat of lagrade) {
        const [namn, agare] = delaNamn(lagrat);
        // Another database's entry: not ours to read or touch.
        if (agare !== null && agare !== id) continue;
        if (this.minne.has(namn) || this.andrade.has(namn) || fore.includes(namn)) continue;
        const stored = this.storage.getItem(lagrat);
        if (stored === null) continue;
        if (stored.startsWith(KRYPTERAT)) {
          const text = await dekrypteraPost(nyckel, namn, stored);
          if (text === null || this.andrade.has(namn)) continue;
          this.minne.set(namn, text);
          if (agare === null) {
            // Stored by an older Varvet at the address alone: this database's key reads it, so it is this database's.
            this.gamla.add(lagrat);
            this.andrade.add(namn);
          }
        } else if (agare === null) {
          // Plaintext from a Varvet before encrypted drafts: kept, and rewritten encrypted at once.
          this.minne.set(namn, stored);
          this.gamla.add(lagrat);
          this.andrade.add(namn);
        }
      }
    }
    this.nyckel = nyckel;
    this.nyckelText = nyckelBase64;
    this.id = id;
    for (const namn of fore) if (this.minne.has(namn)) this.andrade.add(namn);
    this.skriv();
  }

  get(namn: string): string | null {
    return this.minne.get(namn) ?? null;
  }

  set(namn: string, text: string): void {
    this.minne.set(namn, text);
    this.andrade.add(namn);
    this.skriv();
  }

  remove(namn: string): void {
    if (!this.minne.has(namn) && (this.id === null || this.storage?.getItem(`${namn}@${this.id}`) == null)) return;
    this.minne.delete(namn);
    this.andrade.add(namn);
    this.skriv();
  }

  /** Resolves when every change so far has reached the storage (or the key is not known yet). */
  async skrivet(): Promise<void> {
    while (this.skriver) await this.skriver;
  }

  private skriv(): void {
    if (this.skriver || !this.nyckel || !this.storage || this.andrade.size === 0) return;
    this.skriver = this.skrivAlla(this.storage).finally(() => {
      this.skriver = null;
      this.skriv();
    });
  }

  private async skrivAlla(storage: Lagring): Promise<void> {
    // A Set visits what is added while it is walked, so entries changed meanwhile are written in this round too.
    for (const namn of this.andrade) {
      const nyckel = this.nyckel;
      const id = this.id;
      if (!nyckel || id === null) return;
      this.andrade.delete(namn);
      const text = this.minne.get(namn);
      const lagrat = `${namn}@${id}`;
      try {
        if (text === undefined) storage.removeItem(lagrat);
        else {
          const stored = await krypteraPost(nyckel, namn, text);
          // Changed again, or the key changed, while encrypting: the entry is in the set again and written anew.
          if (this.nyckel !== nyckel) this.andrade.add(namn);
          else if (!this.andrade.has(namn)) storage.setItem(lagrat, stored);
        }
        // The older entry of the same name, now written under the id (or removed), goes.
        if (this.gamla.delete(namn)) storage.removeItem(namn);
      } catch {
        // A full or blocked storage only removes the second safety net; the text is in memory and the save goes on.
      }
    }
  }
}

/** The app's one instance: every key starting with "varvet." in localStorage is ours. */
export const lokal = new LokalLagring(typeof localStorage === 'undefined' ? null : localStorage, (namn) => namn.startsWith('varvet.'));
