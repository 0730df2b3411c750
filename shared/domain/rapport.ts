// Pseudonymisation for what leaves the school (the huvudman's year report, seeds 002–004): small counts are
// suppressed so that no pupil can be recognised, and a suppressed cell cannot be worked out from a total.
//
// Rules (documented in docs/domain-rules.md):
// - Primary suppression: a count 1 … troskel−1 is shown as "<troskel" (default troskel 5, so 1–4 → "<5"). 0 is shown.
// - Secondary suppression: in every line of a table (a row with its row total, a column with its column total),
//   the number of hidden cells is never exactly one; otherwise the hidden one is total − the others. The smallest
//   non-zero visible cell is hidden as well ("–"), or the total when nothing else is left.
// - A share (andel) is shown only when the denominator reaches the threshold and neither the numerator nor the
//   rest is a small count; otherwise "–".

export const STANDARD_TROSKEL = 5;

/** A count that may be shown (0 or ≥ troskel), or the mark of a hidden one. */
export type RapportVarde = number | string;

export const SEKUNDAR_MARK = '–';

export function primarMark(troskel: number): string {
  return `<${troskel}`;
}

export function isLitet(n: number, troskel: number): boolean {
  return n >= 1 && n < troskel;
}

export interface SkyddadTabell {
  /** Per row: the cells, then the row total when radsumma. */
  rader: RapportVarde[][];
  /** The column totals (and the grand total when radsumma); null without kolumnsumma. */
  summa: RapportVarde[] | null;
}

interface Cell {
  value: number;
  hidden: 'nej' | 'primar' | 'sekundar';
}

/**
 * Suppresses a table of counts. `varden[r][c]` are the cells; totals are computed here (never taken from input),
 * so a total always agrees with its cells.
 */
export function skyddaTabell(
  varden: readonly (readonly number[])[],
  opts: { radsumma: boolean; kolumnsumma: boolean; troskel?: number },
): SkyddadTabell {
  const troskel = Math.max(1, Math.floor(opts.troskel ?? STANDARD_TROSKEL));
  const rows = varden.length;
  const cols = Math.max(0, ...varden.map((r) => r.length));
  const value = (r: number, c: number) => Math.max(0, Math.floor(varden[r]?.[c] ?? 0));
  // The full grid: rows × cols, plus a total column and a total row when asked for.
  const width = cols + (opts.radsumma ? 1 : 0);
  const height = rows + (opts.kolumnsumma ? 1 : 0);
  const grid: Cell[][] = [];
  for (let r = 0; r < height; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < width; c++) {
      let v: number;
      if (r < rows && c < cols) v = value(r, c);
      else if (r < rows) v = Array.from({ length: cols }, (_, k) => value(r, k)).reduce((a, b) => a + b, 0);
      else if (c < cols) v = Array.from({ length: rows }, (_, k) => value(k, c)).reduce((a, b) => a + b, 0);
      else v = varden.reduce((sum, _row, k) => sum + Array.from({ length: cols }, (_, j) => value(k, j)).reduce((a, b) => a + b, 0), 0);
      line.push({ value: v, hidden: isLitet(v, troskel) ? 'primar' : 'nej' });
    }
    grid.push(line);
  }

  // Lines: each a list of cells whose last one is the total of the others.
  const lines: Cell[][] = [];
  const cellAt = (r: number, c: number) => (grid[r] as Cell[])[c] as Cell;
  if (opts.radsumma) for (let r = 0; r < height; r++) lines.push(Array.from({ length: width }, (_, c) => cellAt(r, c)));
  if (opts.kolumnsumma) for (let c = 0; c < width; c++) lines.push(Array.from({ length: height }, (_, r) => cellAt(r, c)));

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter((cell) => cell.hidden !== 'nej').length !== 1) continue;
      const members = line.slice(0, -1).filter((cell) => cell.hidden === 'nej' && cell.value > 0);
      const pick = members.sort((a, b) => a.value - b.value)[0] ?? (line[line.length - 1] as Cell);
      if (pick.hidden !== 'nej') continue;
      pick.hidden = 'sekundar';
      changed = true;
    }
  }

  const show = (cell: Cell): RapportVarde =>
    cell.hidden === 'primar' ? primarMark(troskel) : cell.hidden === 'sekundar' ? SEKUNDAR_MARK : cell.value;
  return {
    rader: grid.slice(0, rows).map((line) => line.map(show)),
    summa: opts.kolumnsumma ? (grid[rows] as Cell[]).map(show) : null,
  };
}

/** "62 %", or "–" when the share would reveal a small count. */
export function skyddadAndel(taljare: number, namnare: number, troskel = STANDARD_TROSKEL): string {
  if (namnare < troskel || isLitet(taljare, troskel) || isLitet(namnare - taljare, troskel)) return SEKUNDAR_MARK;
  return `${Math.round((taljare / namnare) * 100)} %`;
}

/** One count on its own: the number, or "<troskel". */
export function skyddatAntal(n: number, troskel = STANDARD_TROSKEL): RapportVarde {
  return isLitet(n, troskel) ? primarMark(troskel) : n;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every whole-word occurrence of the given names or ids in free text (a development area, an expected
 * effect) with "[uppgift borttagen]". Case-insensitive; words are Unicode letters and digits.
 */
export function skrubbaText(text: string, ord: readonly string[]): string {
  const list = [...new Set(ord.map((o) => o.trim()).filter((o) => o.length >= 2))].sort((a, b) => b.length - a.length);
  if (list.length === 0 || text === '') return text;
  let out = text;
  // Chunks keep each regular expression a manageable size for schools with thousands of names.
  for (let i = 0; i < list.length; i += 400) {
    const pattern = list.slice(i, i + 400).map(escapeRegExp).join('|');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), '[uppgift borttagen]');
  }
  return out;
}
