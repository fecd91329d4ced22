/**
 * Appraisal by a panel: several appraisers, two rounds, recusal and disagreement. Compile hands
 * every non-blank appraised cell over as (cell, round, appraiser, encoded input); `resolvePanel`
 * decides per cell (unit × leaf) which round counts, turns each appraiser's input into points
 * and combines them into one appraised score. The single-appraiser, one-round campaign never
 * comes here: compile keeps its plain grid path for it.
 */
import { error, warning, type Issue, type IssueLocation } from '../model/issues';
import type { CompiledLeaf } from './types';
import type { AppraisalCombine, Settings } from '../model/types';
import { divRound, fromMicro, toMicro, type Micro } from '../numbers/points';
import { BLANK, NOT_APPLICABLE, pointsFor } from '../scoring/rules';
import { vi } from '../i18n/vi';

/**
 * Several appraisers' points for one cell → one score, in exact micro-points:
 * - `mean`: the sum divided by the count, rounded half away from zero at the micro-point;
 * - `median`: the middle value; with an even count the mean of the two middle values
 *   (rounded the same way);
 * - `trimmedMean`: with 3 or more values one highest and one lowest are dropped and the rest
 *   averaged; with 1 or 2 values it is the mean.
 * `points` is not modified.
 */
export function combinePoints(points: readonly Micro[], method: AppraisalCombine): Micro {
  const n = points.length;
  if (n === 0) throw new RangeError('combinePoints: no points');
  if (n === 1) return points[0];
  if (method === 'mean' || (method === 'trimmedMean' && n < 3)) return mean(points, 0, n);
  const sorted = [...points].sort((a, b) => a - b);
  if (method === 'median') {
    const mid = n >> 1;
    return n % 2 === 1 ? sorted[mid] : divRound(sorted[mid - 1] + sorted[mid], 2);
  }
  return mean(sorted, 1, n - 1);
}

/** Mean of xs[from..to) in micro-points: an exact integer sum, divided once. */
function mean(xs: readonly Micro[], from: number, to: number): Micro {
  let sum = 0;
  for (let i = from; i < to; i++) sum += xs[i];
  return divRound(sum, to - from);
}

/** The appraised cells of a campaign, in the order compile met them (columns of 4 arrays). */
export class PanelEntries {
  readonly cells: number[] = [];
  readonly rounds: number[] = [];
  readonly appraisers: number[] = [];
  readonly values: number[] = [];

  get length(): number {
    return this.cells.length;
  }

  add(cell: number, round: number, appraiser: number, value: number): void {
    this.cells.push(cell);
    this.rounds.push(round);
    this.appraisers.push(appraiser);
    this.values.push(value);
  }
}

export interface PanelContext {
  leaves: readonly CompiledLeaf[];
  units: readonly { id: string; block: number }[];
  settings: Settings;
  /** Appraiser ids by index; index 0 is the implicit appraiser (''). */
  appraiserIds: readonly string[];
  /** Unit index each appraiser works in, −1 when none (recusal). */
  appraiserUnit: readonly number[];
  /** Where one appraiser's cell is, for messages. */
  locate: (round: number, appraiser: string, unit: string, code: string) => IssueLocation;
  issues: Issue[];
}

export interface PanelOutcome {
  /**
   * The appraised score per cell (leaf-major, l × units + u) in POINTS: NaN where nobody
   * scored, −∞ where the appraisers said N/A. Cells outside a leaf's blocks are left NaN.
   */
  grid: Float64Array;
  /** Cells whose appraisers are further apart than the setting allows, with the spread. */
  discussion: { cells: Uint32Array; spread: Float64Array };
  /** Cells decided by round 2. */
  round2: Uint32Array;
}

/** How messages name an appraiser ('' is the one implicit appraiser of a sheet without names). */
export function appraiserName(id: string): string {
  return id === '' ? vi.reconciliation.unnamedAppraiser : id;
}

const show = (micro: Micro): string => String(fromMicro(micro)).replace('.', ',');

/**
 * Per cell: the last round with a non-blank score counts (round 2's appraisers replace round
 * 1's for that unit and leaf; round 1 stands where round 2 is blank). All N/A → N/A; N/A mixed
 * with scores → an error; otherwise the appraisers' points are combined by the setting. An
 * appraiser scoring the unit he or she works in is an error (once per round, appraiser and unit).
 */
export function resolvePanel(entries: PanelEntries, ctx: PanelContext): PanelOutcome {
  const { leaves, units, settings, issues } = ctx;
  const n = units.length;
  const grid = new Float64Array(leaves.length * n).fill(BLANK);
  const { cells, rounds, appraisers, values } = entries;
  const count = entries.length;
  const order = Array.from({ length: count }, (_, i) => i);
  // By cell, round and appraiser (their order in "Cấu hình"): messages do not depend on the
  // order of the columns.
  order.sort(
    (a, b) =>
      cells[a] - cells[b] || rounds[a] - rounds[b] || appraisers[a] - appraisers[b] || a - b,
  );
  const limit =
    settings.appraisalMaxSpread === undefined ? Infinity : toMicro(settings.appraisalMaxSpread);
  const recused = new Set<string>();
  const flagged: number[] = [];
  const spreads: number[] = [];
  const second: number[] = [];
  const points: Micro[] = [];
  const where = (i: number): IssueLocation => {
    const cell = cells[i];
    const u = cell % n;
    const leaf = leaves[(cell - u) / n];
    return ctx.locate(rounds[i], ctx.appraiserIds[appraisers[i]], units[u].id, leaf.code);
  };

  for (let start = 0; start < count;) {
    const cell = cells[order[start]];
    let end = start;
    while (end < count && cells[order[end]] === cell) end++;
    const u = cell % n;
    const leaf = leaves[(cell - u) / n];
    const unit = units[u];
    // Recusal: any round, whether or not that round counts.
    for (let k = start; k < end; k++) {
      const i = order[k];
      const a = appraisers[i];
      if (ctx.appraiserUnit[a] !== u) continue;
      const key = `${rounds[i]}\u0000${a}\u0000${u}`;
      if (recused.has(key)) continue;
      recused.add(key);
      issues.push(error('recusal', { appraiser: ctx.appraiserIds[a], unit: unit.id }, where(i)));
    }
    const outside = leaf.blocks !== null && !leaf.blocks.has(unit.block);
    const last = rounds[order[end - 1]];
    let from = end - 1;
    while (from > start && rounds[order[from - 1]] === last) from--;
    const next = end;
    if (outside) {
      start = next;
      continue;
    }
    let na = -1;
    let scored = -1;
    points.length = 0;
    for (let k = from; k < end; k++) {
      const i = order[k];
      if (values[i] === NOT_APPLICABLE) {
        if (na < 0) na = i;
      } else {
        if (scored < 0) scored = i;
        points.push(pointsFor(leaf.rule, leaf.max, values[i]));
      }
    }
    if (last === 2) second.push(cell);
    if (scored < 0) grid[cell] = NOT_APPLICABLE;
    else if (na >= 0) {
      issues.push(
        error(
          'mixedNotApplicable',
          {
            unit: unit.id,
            code: leaf.code,
            na: appraiserName(ctx.appraiserIds[appraisers[na]]),
            scored: appraiserName(ctx.appraiserIds[appraisers[scored]]),
          },
          where(na),
        ),
      );
    } else {
      grid[cell] = combinePoints(points, settings.appraisalCombine);
      let low = points[0];
      let high = points[0];
      for (const p of points) {
        if (p < low) low = p;
        if (p > high) high = p;
      }
      if (high - low > limit) {
        flagged.push(cell);
        spreads.push(high - low);
        issues.push(
          warning(
            'appraisersDisagree',
            {
              unit: unit.id,
              code: leaf.code,
              spread: show(high - low),
              low: show(low),
              high: show(high),
              limit: show(limit),
            },
            where(scored),
          ),
        );
      }
    }
    start = next;
  }
  return {
    grid,
    discussion: { cells: Uint32Array.from(flagged), spread: Float64Array.from(spreads) },
    round2: Uint32Array.from(second),
  };
}
