/** Turns the encoded grids into point grids and the sparse lists scoring and "Đối chiếu" use. */
import type { Settings } from '../model/types';
import { NOT_APPLICABLE, OUTSIDE_BLOCK, pointsFor } from '../scoring/rules';
import type { PanelOutcome } from './appraisal';
import type { AppraisalFacts, CompiledCampaign, CompiledLeaf } from './types';

/** The appraisal facts "Đối chiếu" needs, before the grids become points; none if nothing is appraised. */
export function appraisalFacts(
  self: Float64Array,
  appraised: Float64Array,
  panel: PanelOutcome | undefined,
): AppraisalFacts | undefined {
  let count = 0;
  for (let i = 0; i < appraised.length; i++) {
    const v = appraised[i];
    if (v === v && v !== OUTSIDE_BLOCK) count++;
  }
  if (count === 0) return undefined;
  const cells = new Uint32Array(count);
  for (let i = 0, j = 0; i < appraised.length; i++) {
    const v = appraised[i];
    if (v === v && v !== OUTSIDE_BLOCK) cells[j++] = i;
  }
  let selfScored = false;
  for (let i = 0; i < self.length && !selfScored; i++) {
    const v = self[i];
    selfScored = v === v && v !== OUTSIDE_BLOCK;
  }
  return {
    cells,
    selfNotApplicable: cellsMarked(self, NOT_APPLICABLE),
    selfScored,
    discussion: panel?.discussion ?? { cells: new Uint32Array(0), spread: new Float64Array(0) },
    round2: panel?.round2 ?? new Uint32Array(0),
  };
}

/** Encoded self inputs → points in place, keeping the blank, N/A and outside-block marks. */
export function inputsToPoints(
  leaves: readonly CompiledLeaf[],
  grid: Float64Array,
  n: number,
): void {
  for (const leaf of leaves) {
    const base = leaf.index * n;
    for (let u = 0; u < n; u++) {
      const v = grid[base + u];
      if (v !== v || v === NOT_APPLICABLE || v === OUTSIDE_BLOCK) continue;
      grid[base + u] = pointsFor(leaf.rule, leaf.max, v);
    }
  }
}

/** Where the counted grid differs from the self grid (both in points). */
export function differences(
  self: Float64Array,
  counted: Float64Array,
): CompiledCampaign['corrections'] {
  if (self === counted) return { cells: new Uint32Array(0), delta: new Float64Array(0) };
  let count = 0;
  for (let i = 0; i < self.length; i++) if (self[i] !== counted[i]) count++;
  const cells = new Uint32Array(count);
  const delta = new Float64Array(count);
  for (let i = 0, j = 0; i < self.length; i++) {
    if (self[i] !== counted[i]) {
      cells[j] = i;
      delta[j++] = counted[i] - self[i];
    }
  }
  return { cells, delta };
}

/** The cells of a grid holding a mark (N/A, …), in increasing order. */
export function cellsMarked(grid: Float64Array, mark: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < grid.length; i++) if (grid[i] === mark) count++;
  const cells = new Uint32Array(count);
  for (let i = 0, j = 0; i < grid.length; i++) if (grid[i] === mark) cells[j++] = i;
  return cells;
}

/**
 * Replaces encoded inputs by their points, in place, so scoring is a plain sum: blank → its
 * points, N/A and outside-block → 0 (their max is handled by the N/A list and blockMax).
 * Adds what deduction leaves took off into `lost` when given. `inPoints`: the grid holds
 * points already (a panel's), only the marks are replaced.
 */
export function toPoints(
  leaves: readonly CompiledLeaf[],
  grid: Float64Array,
  n: number,
  lost: Float64Array | null,
  inPoints = false,
): void {
  for (const leaf of leaves) {
    const { rule, max } = leaf;
    const isDeduction = rule.kind === 'deduction';
    const base = leaf.index * n;
    for (let u = 0; u < n; u++) {
      const v = grid[base + u];
      let p: number;
      if (v !== v) p = isDeduction ? max : 0;
      else if (v === NOT_APPLICABLE || v === OUTSIDE_BLOCK) {
        grid[base + u] = 0;
        continue;
      } else p = inPoints ? v : pointsFor(rule, max, v);
      grid[base + u] = p;
      if (isDeduction && lost !== null) lost[u] += max - p;
    }
  }
}

/** Each unit's position in id order. */
export function idOrderOf(units: readonly { id: string }[]): Int32Array {
  const sorted = units.map((_, i) => i).sort((a, b) => (units[a].id < units[b].id ? -1 : 1));
  const order = new Int32Array(units.length);
  sorted.forEach((u, position) => (order[u] = position));
  return order;
}

/** The grid that counts per settings.scoreSource (appraised over self where present). */
export function selectCounted(
  settings: Settings,
  self: Float64Array,
  appraised: Float64Array,
): Float64Array {
  if (settings.scoreSource === 'selfOnly') return self;
  if (settings.scoreSource === 'appraisedOnly') return appraised;
  const counted = new Float64Array(self.length);
  for (let i = 0; i < self.length; i++) {
    const a = appraised[i] as number;
    counted[i] = Number.isNaN(a) ? (self[i] as number) : a;
  }
  return counted;
}
