/** A1 references: column names and the rectangles of "B3" / "B3:D40" ranges as the writer takes them. */
import { formatMessage, vi } from '../shared/i18n/vi';

/** Excel's limits; beyond them it refuses the file instead of clipping. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const letters: string[] = [];

/** 0-based column index → "A", "B", … "XFD". */
export function columnName(c: number): string {
  let s = letters[c];
  if (s !== undefined) return s;
  s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  letters[c] = s;
  return s;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

function parseCell(ref: string): { r: number; c: number } | undefined {
  const m = CELL.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  const r = Number(m[2]);
  if (c > MAX_COLS || r > MAX_ROWS) return undefined;
  return { r: r - 1, c: c - 1 };
}

/**
 * "B3" or "B3:D40" (either corner first, "$" allowed) → its rectangle. Whole rows or columns
 * ("C:C") are refused: the writer writes every cell of an unlocked range.
 */
export function parseRange(range: string): Rect {
  const parts = range.trim().split(':');
  const a = parts.length <= 2 ? parseCell(parts[0]) : undefined;
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) {
    throw new RangeError(formatMessage(vi.xlsx.badRange, { range }));
  }
  return {
    r0: Math.min(a.r, b.r),
    c0: Math.min(a.c, b.c),
    r1: Math.max(a.r, b.r),
    c1: Math.max(a.c, b.c),
  };
}

/** A rectangle as written in a sqref: "B3" or "B3:D40", without "$". */
export function rangeText(rect: Rect): string {
  const a = columnName(rect.c0) + (rect.r0 + 1);
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${columnName(rect.c1)}${rect.r1 + 1}`;
}

/** Space-separated ranges (a sqref, as Excel stores one) → its normalized text. */
export function sqrefText(ranges: string): string {
  const parts = ranges.trim().split(/\s+/);
  if (parts.length === 0 || parts[0] === '') {
    throw new RangeError(vi.xlsx.emptyRange);
  }
  return parts.map((p) => rangeText(parseRange(p))).join(' ');
}

/**
 * Column intervals [c0, c1, c0, c1, …] of the rectangles covering each row, sorted and merged:
 * intervals[r] is undefined for a row no rectangle covers.
 */
export function rowIntervals(rects: Rect[]): { intervals: (number[] | undefined)[]; rows: number } {
  let rows = 0;
  for (const r of rects) rows = Math.max(rows, r.r1 + 1);
  const intervals: (number[] | undefined)[] = new Array(rows);
  const sorted = [...rects].sort((a, b) => a.c0 - b.c0);
  for (let r = 0; r < rows; r++) {
    const out: number[] = [];
    for (const rect of sorted) {
      if (r < rect.r0 || r > rect.r1) continue;
      const n = out.length;
      if (n > 0 && rect.c0 <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], rect.c1);
      else out.push(rect.c0, rect.c1);
    }
    if (out.length > 0) intervals[r] = out;
  }
  return { intervals, rows };
}

/** True when column c lies in one of the intervals. */
export function inIntervals(intervals: number[], c: number): boolean {
  for (let i = 0; i < intervals.length; i += 2) {
    if (c < intervals[i]) return false;
    if (c <= intervals[i + 1]) return true;
  }
  return false;
}
