// Merged ranges: read as the person sees them ("Đơn vị"), or located to be rejected (scores).
import type { CellRef } from '../../model/types';
import { isBlankRow, ref, type Grid } from '../grid';

/** "C2:C9" → 1-based corners; undefined when it is not such a range. */
function rangeCorners(
  range: string,
): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.trim().toUpperCase());
  if (!m) return undefined;
  const col = (letters: string): number =>
    [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  const [a, b] = [
    { r: Number(m[2]), c: col(m[1]) },
    { r: Number(m[4] ?? m[2]), c: col(m[3] ?? m[1]) },
  ];
  return {
    r0: Math.min(a.r, b.r),
    c0: Math.min(a.c, b.c),
    r1: Math.max(a.r, b.r),
    c1: Math.max(a.c, b.c),
  };
}

/** The largest merged range filled: a real one spans a block's rows in a column or two. */
const MAX_MERGED_CELLS = 1_000_000;

/**
 * The grid with each merged range's value (kept by spreadsheets in its top-left cell only)
 * copied into its other, blank cells: merged cells read as the person sees them. A new grid;
 * the input is not changed.
 */
export function fillMerged(grid: Grid, merges: readonly string[]): Grid {
  if (merges.length === 0) return grid;
  const out = grid.map((row) => (row ? [...row] : []));
  // a blank spacer row under a merge stays blank: it is not an item
  const filled = grid.map((row) => !isBlankRow(row));
  // The work follows the sheet, not what a file claims: rows past the grid are never filled,
  // and the cells visited over all ranges are capped as one range is. A range past either
  // limit is left as typed (its blank cells then read as blank and are reported as such).
  let budget = MAX_MERGED_CELLS * 10;
  for (const range of merges) {
    const rect = rangeCorners(range);
    if (!rect) continue;
    const lastRow = Math.min(rect.r1, out.length);
    const cells = Math.max(0, lastRow - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
    if ((rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > MAX_MERGED_CELLS || cells > budget) {
      continue;
    }
    budget -= cells;
    const value = out[rect.r0 - 1]?.[rect.c0 - 1];
    if (value === null || value === undefined || value === '') continue;
    for (let r = rect.r0 - 1; r < lastRow; r++) {
      if (!filled[r]) continue;
      const row = out[r];
      for (let c = rect.c0 - 1; c < rect.c1; c++) {
        while (row.length < c) row.push(null);
        if (row[c] === null || row[c] === undefined || row[c] === '') row[c] = value;
      }
    }
  }
  return out;
}

/** The top-left cell of a range, to locate an issue about it (A1 of the sheet if unreadable). */
export function rangeStart(sheet: string, range: string): CellRef {
  const rect = rangeCorners(range);
  return rect ? { sheet, row: rect.r0, col: rect.c0 } : ref(sheet, 0, 0);
}

/** Merged ranges per sheet, when the host can tell (they break the score grid). */
export type Merges = Readonly<Record<string, readonly string[]>>;
