// Pseudonymisation for what leaves the school (the huvudman's year report, seeds 002–004): small counts are
// suppressed so that no pupil can be recognised, and a suppressed cell cannot be worked out from a total.
//
// Rules (documented in docs/domain-rules.md):
// - Primary suppression: a count 1 … troskel−1 is shown as "<troskel" (default troskel 5, so 1–4 → "<5"). 0 is shown.
// - Secondary suppression protects against a reader who knows these rules and solves the table: every hidden cell is
//   an unknown whole number, "<troskel" is 1 … troskel−1, "–" is at least troskel, shown numbers are true, and every
//   line (a row with its row total, a column with its column total) adds up. Further cells ("–") are hidden until
//   no hidden cell has only one value consistent with all that. The check is exact (see `bestamdaCeller`). The grand
//   total is hidden only when nothing else helps. Where small counts pin each other down whatever else is hidden
//   (four 1s with the total 4), one of them is shown as "–", and for it a reader can only assume "some count".
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
  /** 'oklar': shown as "–" but a small count (see step 3 of the loop below), so a reader can only assume ≥ 0. */
  hidden: 'nej' | 'primar' | 'sekundar' | 'oklar';
  /** Row and column in the full grid (totals included). */
  r: number;
  c: number;
}

/** The range of values a reader can give a hidden cell: "<troskel" is 1 … troskel−1, "–" is troskel or more. */
function intervall(cell: Cell, troskel: number): [number, number] {
  if (cell.hidden === 'primar') return [1, troskel - 1];
  return cell.hidden === 'sekundar' ? [troskel, Number.POSITIVE_INFINITY] : [0, Number.POSITIVE_INFINITY];
}

interface Natverk {
  /** Per cell: its two nodes (row line, column line; a free node where the table has no such line) and its sign. */
  kant: (cell: Cell) => { u: number; v: number; s: number };
  noder: number;
}

/**
 * The lines of a table with totals form a network: a row line and a column line are nodes, a cell is an edge between
 * its row and its column. With the total row's and the total column's equations negated, a cell has the same
 * coefficient s (+1 for an inner cell and the grand total, −1 for the other totals) in both its lines, so a change
 * d of the hidden cells that keeps every line's sum is exactly a circulation f = s·d on that graph. The constraint
 * matrix is totally unimodular, and any two solutions differ by a sum of conformal cycles: a hidden cell can take a
 * second value if and only if a cycle through it can carry one unit (each cell on it moved by ±1 within its range).
 */
function natverk(rows: number, cols: number, opts: { radsumma: boolean; kolumnsumma: boolean }): Natverk {
  const height = rows + (opts.kolumnsumma ? 1 : 0);
  const width = cols + (opts.radsumma ? 1 : 0);
  const fri = height + width;
  return {
    noder: fri + 1,
    kant: (cell) => {
      const totalRad = opts.kolumnsumma && cell.r === rows;
      const totalKolumn = opts.radsumma && cell.c === cols;
      // Coefficient in the row line (−1 for the line's own total), negated on the total row.
      const iRad = (totalKolumn ? -1 : 1) * (totalRad ? -1 : 1);
      const iKolumn = (totalRad ? -1 : 1) * (totalKolumn ? -1 : 1);
      return {
        u: opts.radsumma ? cell.r : fri,
        v: opts.kolumnsumma ? height + cell.c : fri,
        s: opts.radsumma ? iRad : opts.kolumnsumma ? iKolumn : 1,
      };
    },
  };
}

/** The hidden cells that a reader who knows the rules can work out exactly. */
function bestamdaCeller(celler: readonly Cell[], nat: Natverk, troskel: number, bara?: Cell): Cell[] {
  const hidden = celler.filter((cell) => cell.hidden !== 'nej');
  const kanter = hidden.map((cell) => {
    const { u, v, s } = nat.kant(cell);
    const [lo, hi] = intervall(cell, troskel);
    // Pushing one unit of flow u → v moves the cell by +s; v → u by −s.
    const fram = cell.value + s >= lo && cell.value + s <= hi;
    const bak = cell.value - s >= lo && cell.value - s <= hi;
    return { cell, u, v, fram, bak };
  });
  const nar = (fran: number, till: number, utom: Cell) => {
    if (fran === till) return true;
    const sett = new Array<boolean>(nat.noder).fill(false);
    const ko = [fran];
    sett[fran] = true;
    while (ko.length > 0) {
      const n = ko.pop() as number;
      for (const k of kanter) {
        if (k.cell === utom) continue;
        const next = k.fram && k.u === n ? k.v : k.bak && k.v === n ? k.u : -1;
        if (next < 0 || sett[next]) continue;
        if (next === till) return true;
        sett[next] = true;
        ko.push(next);
      }
    }
    return false;
  };
  return kanter
    .filter((k) => (bara === undefined || k.cell === bara) && !(k.fram && nar(k.v, k.u, k.cell)) && !(k.bak && nar(k.u, k.v, k.cell)))
    .map((k) => k.cell);
}

/**
 * Suppresses a table of counts. `varden[r][c]` are the cells; totals are computed here (never taken from input),
 * so a total always agrees with its cells.
 */
export function skyddaTabell(
  varden: readonly (readonly number[])[],
  opts: {
    radsumma: boolean;
    kolumnsumma: boolean;
    troskel?: number;
    /** Rows (index in `varden`) to keep shown when there is a choice, with the column totals: what a share per
     *  column is computed from. */
    behallRader?: readonly number[];
    /** Keep the kept rows' totals (the "Totalt" column) shown before their inner cells: a share over all columns
     *  ("Alla nivåer") then stays shown, and the columns' own shares give way first. */
    behallRadsummor?: boolean;
  },
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
      line.push({ value: v, hidden: isLitet(v, troskel) ? 'primar' : 'nej', r, c });
    }
    grid.push(line);
  }

  const celler = grid.flat();
  const nat = natverk(rows, cols, opts);
  const isGrand = (cell: Cell) => opts.radsumma && opts.kolumnsumma && cell.r === rows && cell.c === cols;
  const isTotal = (cell: Cell) => (opts.radsumma && cell.c === cols) || (opts.kolumnsumma && cell.r === rows);
  const sammaLinje = (a: Cell, b: Cell) => (opts.radsumma && a.r === b.r) || (opts.kolumnsumma && a.c === b.c);
  // Candidates for secondary suppression: shown non-zero counts (a hidden 0 would mean "–" could be 0, and a
  // reader could not tell), rows to keep after the others, inner cells before totals, small before large, the grand
  // total last.
  // A share per column needs the kept rows' cells and the column totals; a kept row's own total matters less.
  const behall = (cell: Cell) => {
    if (!opts.behallRader) return 0;
    if (opts.behallRader.includes(cell.r)) return isTotal(cell) ? (opts.behallRadsummor ? 3 : 1) : 2;
    return opts.kolumnsumma && cell.r === rows ? 2 : 0;
  };
  const ordning = (a: Cell, b: Cell) =>
    Number(isGrand(a)) - Number(isGrand(b)) ||
    behall(a) - behall(b) ||
    Number(isTotal(a)) - Number(isTotal(b)) ||
    a.value - b.value ||
    a.r - b.r ||
    a.c - b.c;

  const hjalperMed = (e: Cell, extra: readonly Cell[]) => {
    for (const cell of extra) cell.hidden = 'sekundar';
    const kvar = bestamdaCeller(celler, nat, troskel, e).length > 0;
    for (const cell of extra) cell.hidden = 'nej';
    return !kvar;
  };
  for (;;) {
    const e = bestamdaCeller(celler, nat, troskel)[0];
    if (e === undefined) break;
    const kandidater = celler.filter((cell) => cell.hidden === 'nej' && cell.value > 0).sort(ordning);
    const utomTotal = kandidater.filter((cell) => !isGrand(cell));
    // 1. One more hidden cell that on its own makes e uncertain (the smallest such; the grand total only last).
    const ensam = utomTotal.find((cell) => hjalperMed(e, [cell]));
    if (ensam) {
      ensam.hidden = 'sekundar';
      continue;
    }
    // 2. Several are needed: hide one in a line with e (that always widens what a reader must consider) and look again.
    if (utomTotal.length > 0 && hjalperMed(e, utomTotal)) {
      (utomTotal.find((cell) => sammaLinje(cell, e)) ?? (utomTotal[0] as Cell)).hidden = 'sekundar';
      continue;
    }
    // 3. The grand total, when the other shown cells are not enough.
    const total = kandidater.find(isGrand);
    if (total && hjalperMed(e, kandidater)) {
      total.hidden = 'sekundar';
      continue;
    }
    // 4. No shown cell helps: the small counts pin each other down (e.g. four 1s with the total 4: each is at least
    //    1 and the total at most 4). Then a small count is shown as "–" instead of "<troskel", which says less: any
    //    count. Preferably e itself, else a small count in a line with e; the first that frees e.
    const primara = [e, ...celler.filter((cell) => cell !== e && sammaLinje(cell, e))].filter((cell) => cell.hidden === 'primar');
    const omtolkad =
      primara.find((cell) => {
        cell.hidden = 'oklar';
        const fri = hjalperMed(e, kandidater);
        cell.hidden = 'primar';
        return fri;
      }) ?? primara[0];
    if (omtolkad) {
      omtolkad.hidden = 'oklar';
      continue;
    }
    if (total) {
      total.hidden = 'sekundar';
      continue;
    }
    // 5. A "–" that a reader could pin down as "at least troskel" — read as any count it is not.
    if (e.hidden === 'sekundar') {
      e.hidden = 'oklar';
      continue;
    }
    break;
  }

  const show = (cell: Cell): RapportVarde =>
    cell.hidden === 'primar' ? primarMark(troskel) : cell.hidden === 'nej' ? cell.value : SEKUNDAR_MARK;
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

/** What must never leave in free text. */
export interface KansligaOrd {
  /** First names and surnames on their own: matched as written or capitalised, case-sensitively, so that a staff
   *  member called Per does not turn "tid per elev" into "[uppgift borttagen]". */
  namn: readonly string[];
  /** "Förnamn Efternamn": matched in any case and with any spacing ("per andersson"). */
  fullaNamn?: readonly string[];
  /** Extern ids (E000104): any case. */
  id?: readonly string[];
}

const BORTTAGEN = '[uppgift borttagen]';

function ersatt(text: string, monster: readonly string[], flaggor: string, genitiv: boolean): string {
  const list = [...new Set(monster)].sort((a, b) => b.length - a.length);
  let out = text;
  // Chunks keep each regular expression a manageable size for schools with thousands of names.
  for (let i = 0; i < list.length; i += 400) {
    const pattern = list.slice(i, i + 400).join('|');
    // A name may carry the genitive s ("Pers plan").
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})${genitiv ? 's?' : ''}(?![\\p{L}\\p{N}])`, flaggor), BORTTAGEN);
  }
  return out;
}

const versal = (ord: string) => ord.charAt(0).toLocaleUpperCase('sv-SE') + ord.slice(1);

/**
 * Replaces names and ids in free text (a development area, an expected effect) with "[uppgift borttagen]", whole
 * words only (words are Unicode letters and digits): full names and ids in any case first, then single names as
 * capitalised words, with or without a genitive s (so "Per", "Pers" and "Per:s" go, "per elev" stays).
 */
export function skrubbaText(text: string, ord: KansligaOrd): string {
  const rena = (list: readonly string[] | undefined) => (list ?? []).map((o) => o.trim()).filter((o) => o.length >= 2);
  if (text === '') return text;
  let out = text;
  const fulla = rena(ord.fullaNamn).map((n) => n.split(/\s+/).map(escapeRegExp).join('\\s+'));
  if (fulla.length > 0) out = ersatt(out, fulla, 'giu', true);
  const id = rena(ord.id).map(escapeRegExp);
  if (id.length > 0) out = ersatt(out, id, 'giu', false);
  const namn = rena(ord.namn).flatMap((n) => [n, versal(n)]).map(escapeRegExp);
  if (namn.length > 0) out = ersatt(out, namn, 'gu', true);
  return out;
}
