/**
 * The An Giang example's "Đơn vị" as people lay it out: each block typed once and merged down
 * over its units' rows (C2:C9 "so", C10:C17 "huyen"). For the host fakes, which keep a sheet's
 * merged ranges and let a test set its cells.
 */
export interface MergeableSheet {
  merges: string[];
  set(r: number, c: number, v: unknown): void;
  grid(): unknown[][];
}

export const BLOCK_MERGES = ['C2:C9', 'C10:C17'];

export function mergeBlocksDown(units: MergeableSheet): void {
  units.merges = [...BLOCK_MERGES];
  const rows = units.grid().length;
  // keep the first row of each block (rows 2 and 10, 0-based 1 and 9); blank the others
  for (let r = 2; r < rows; r++) if (r !== 9) units.set(r, 2, '');
}
