// Text encoding of a CSV file as Swedish Excel leaves it: a BOM means UTF-8; otherwise valid UTF-8 is UTF-8 and
// anything else is Windows-1252 (what "CSV (semikolonavgränsad)" writes on a Swedish Windows).
import iconv from 'iconv-lite';

export type TextEncoding = 'UTF-8' | 'UTF-8 med BOM' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
}

/** Strict UTF-8 check: TextDecoder with fatal throws on any invalid sequence. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasBom(bytes)) {
    // A BOM followed by broken UTF-8 is still read as UTF-8; the broken bytes become U+FFFD and are reported as cells.
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 med BOM' };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'Windows-1252' };
}

/** The delimiter of the header line: ';' (Swedish Excel), ',' or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}
