/**
 * The page of the Word appendix (issue 15), in twips (1/20 pt, 1/1440 inch), after Nghị định
 * 30/2020/NĐ-CP, Phụ lục I (thể thức văn bản hành chính): A4, margins top and bottom 20–25 mm,
 * left 30–35 mm, right 15–20 mm. The smallest of each range is taken, so that a table gets the
 * widest page the decree allows. A section is turned landscape when its widest table would not
 * fit the portrait page at the report's font (see `landscape`); the margins stay those of the
 * page as it is read (left is still the binding side).
 */
import type { DocumentColumn } from '../shared/report/document';

/** Twips in a millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (n: number): number => Math.round(n * TWIPS_PER_MM);

/** A4 as Word writes it: 210 × 297 mm. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Nghị định 30/2020/NĐ-CP: top 20–25, bottom 20–25, left 30–35, right 15–20 mm. */
export const MARGINS = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  /** The page number sits in the top margin (the decree: centred, in the top margin). */
  header: mm(10),
  footer: mm(10),
} as const;

/** The width between the margins. */
export function usableWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - MARGINS.left - MARGINS.right;
}

/**
 * Twips one unit of DocumentColumn.width (a sheet's column width in characters) takes at the
 * report's font: half an em, about the average width of a Times New Roman character.
 */
export function charTwips(fontSize: number): number {
  return fontSize * 20 * 0.5;
}

/** Space between a cell's border and its text, each side: 1 mm. */
export const CELL_PADDING = 57;

/**
 * Widths of characters, in em, regular and bold, taken generously so that a column sized by
 * them holds its text in Times New Roman and in the wider serif fonts a computer without it
 * falls back to (DejaVu Serif: digits 0.64 em, bold small letters 0.7, against Times New Roman's
 * 0.5 and 0.5).
 */
const EM = {
  upper: [0.8, 0.88],
  lower: [0.66, 0.74],
  digit: [0.66, 0.72],
  other: [0.4, 0.45],
} as const;

/** A word's width in em, estimated by the kinds of its characters. */
export function wordEm(word: string, bold: boolean): number {
  let em = 0;
  for (const ch of word) {
    const kind = /\d/.test(ch)
      ? 'digit'
      : ch !== ch.toLocaleLowerCase('vi')
        ? 'upper'
        : ch !== ch.toLocaleUpperCase('vi')
          ? 'lower'
          : 'other';
    em += EM[kind][bold ? 1 : 0];
  }
  return em;
}

/** The widest word of a text, in em. */
const widestWord = (text: string, bold: boolean): number =>
  Math.max(0, ...text.split(/\s+/).map((w) => wordEm(w, bold)));

/**
 * The narrowest a column may be: its header's longest word in bold (a header wraps between
 * words, never inside one), and its cells' longest word — or, in a column that does not wrap
 * (numbers, STT, rank), its longest cell on one line.
 */
export function minimumWidths(
  columns: readonly DocumentColumn[],
  header: readonly string[],
  cells: readonly (readonly string[])[],
  fontSize: number,
): number[] {
  const em = fontSize * 20;
  return header.map((h, c) => {
    const wrap = columns[c]?.wrap ?? true;
    let widest = widestWord(h, true);
    for (const row of cells) {
      const text = row[c] ?? '';
      widest = Math.max(widest, wrap ? widestWord(text, false) : wordEm(text, false));
    }
    return Math.ceil(widest * em) + 2 * CELL_PADDING;
  });
}

/**
 * Column widths in twips summing exactly to `total`: proportional to DocumentColumn.width,
 * except that no column is narrower than its minimum (those get their minimum and the others
 * share the rest, again by width). Where even the minimums do not fit, they are scaled down
 * together. The rounding left over goes to the widest column.
 */
export function fitColumns(
  widths: readonly number[],
  minimums: readonly number[],
  total: number,
): number[] {
  if (widths.length === 0) return [];
  const safe = widths.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const mins = widths.map((_, c) => Math.max(0, minimums[c] ?? 0));
  const minSum = mins.reduce((a, b) => a + b, 0);
  let out: number[];
  if (minSum >= total) {
    out = mins.map((m) => (m / minSum) * total);
  } else {
    // water-filling: pin the columns whose share is below their minimum, share out the rest
    const pinned = new Set<number>();
    for (;;) {
      const free = total - [...pinned].reduce((a, c) => a + mins[c], 0);
      const weight = safe.reduce((a, w, c) => (pinned.has(c) ? a : a + w), 0);
      const share = safe.map((w, c) => (pinned.has(c) ? mins[c] : (w / weight) * free));
      const short = share.map((w, c) => !pinned.has(c) && w < mins[c]);
      if (!short.includes(true)) {
        out = share;
        break;
      }
      short.forEach((s, c) => s && pinned.add(c));
    }
  }
  const floored = out.map((w) => Math.floor(w));
  const widest = floored.indexOf(Math.max(...floored));
  floored[widest] += total - floored.reduce((a, b) => a + b, 0);
  return floored;
}

/**
 * A table goes on a landscape page when it does not fit the portrait page between the margins
 * (at Times New Roman 13: about 72 characters): its columns at their widths in characters, or
 * the minimums its text needs, are wider. The results tables with their field columns are; a
 * short proposals table is not.
 */
export function isWide(
  columns: readonly DocumentColumn[],
  minimums: readonly number[],
  fontSize: number,
): boolean {
  const chars = columns.reduce((sum, c) => sum + Math.max(c.width, 0), 0);
  const needed = minimums.reduce((a, b) => a + b, 0);
  return Math.max(chars * charTwips(fontSize), needed) > usableWidth(false);
}

/**
 * The width of a line of text, estimated (no font metrics here): `em` of the font size per
 * character — about 0.6 for bold capitals, 0.5 for mixed case. For the rules under the header
 * block's lines, which the decree sizes after the text above them.
 */
export function textTwips(text: string, fontSize: number, em: number): number {
  return Math.round([...text].length * fontSize * 20 * em);
}

/** The smallest type a table steps down to so that its columns fit the page. */
export const MIN_TABLE_FONT = 10;

/**
 * The size of a table's text: the report font, or, for a table whose columns would not fit the
 * page at it (its minimums wider than `width`), a point smaller at a time, down to 10 pt.
 */
export function tableFontSize(fits: (size: number) => boolean, size: number): number {
  let s = size;
  while (s > MIN_TABLE_FONT && !fits(s)) s--;
  return s;
}
