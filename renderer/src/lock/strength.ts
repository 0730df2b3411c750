// A rough strength hint for a passphrase: length matters most; a few words beat a short mix of symbols.
export const MIN_LANGD = 10;

export type Styrka = { niva: 'for-kort' | 'svagt' | 'godkant' | 'starkt'; text: string };

export function losenordStyrka(value: string): Styrka {
  if (value.length < MIN_LANGD) return { niva: 'for-kort', text: `För kort: minst ${MIN_LANGD} tecken (${value.length} nu).` };
  const klasser = [/[a-zåäö]/, /[A-ZÅÄÖ]/, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(value)).length;
  const ord = value.trim().split(/\s+/).length;
  if (value.length >= 20 || (value.length >= 14 && (klasser >= 3 || ord >= 3))) return { niva: 'starkt', text: 'Starkt lösenord.' };
  if (value.length >= 12 || klasser >= 3) return { niva: 'godkant', text: 'Godkänt. Längre är starkare – till exempel fyra ord i en mening.' };
  return { niva: 'svagt', text: 'Svagt. Gör det längre, till exempel fyra ord i en mening.' };
}
