/**
 * The core pipeline for one click of "Xếp hạng": validate + compile → score → round →
 * classify → rank in each block and overall. Pure: same spec in, same results out.
 */
import { proposeAwards, type AwardOutcome } from './awards/proposals';
import { compileCampaign, type CompiledCampaign } from './model/compile';
import { warning, type Issue } from './model/issues';
import type { CampaignSpec, TieBreakSpec } from './model/types';
import { ratioRounded, rounder, type Micro } from './numbers/points';
import { classify } from './ranking/bands';
import { assignRanks, sortByKeys } from './ranking/rank';
import { scoreCampaign, type ScoreTable } from './scoring/score';

/**
 * One unit's results. Sums are unrounded micro-points; `printed` holds the report's values.
 * `fields` and `components` follow the order of `campaign.fields` / `campaign.components`.
 */
export interface UnitResult {
  id: string;
  name: string;
  block: string;
  /** Counted subtotal per field, unrounded, in the order of campaign.fields. */
  fields: Micro[];
  /** Component score per component, unrounded, in the order of campaign.components. */
  components: Micro[];
  /** Self total of the appraisal part. */
  self: Micro;
  /** Counted (appraised) total of the appraisal part. */
  appraised: Micro;
  /** appraised − self. */
  difference: Micro;
  /** appraised + components. */
  total: Micro;
  applicableMax: Micro;
  deductions: Micro;
  /**
   * Values as the report prints them (rounded once, half away from zero). Field and component
   * columns are printed as `roundHalfAwayFromZero(fields[i], decimals)` by the renderer.
   */
  printed: {
    self: Micro;
    appraised: Micro;
    difference: Micro;
    total: Micro;
    /** achieved / applicable max × 100, from unrounded parts; null when nothing applies. */
    index: Micro | null;
  };
  /** The printed value ranks and bands are decided on (index or total, per settings). */
  rankingValue: Micro | null;
  classification: string;
  rankInBlock: number | null;
  tiedInBlock: boolean;
  rankOverall: number | null;
  tiedOverall: boolean;
}

export interface BlockResult {
  id: string;
  name: string;
  /** Units in display order: by rank, tied units by id. */
  units: UnitResult[];
}

export type Evaluation =
  | {
      ok: true;
      campaign: CompiledCampaign;
      table: ScoreTable;
      ranking: Ranking;
      /** Award proposals, when the spec configures awards. */
      awards?: AwardOutcome;
      blocks: BlockResult[];
      units: UnitResult[];
      warnings: Issue[];
    }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Runs the whole pipeline. On any error, returns every error and no results. */
export function evaluateCampaign(spec: CampaignSpec): Evaluation {
  const { campaign, issues } = compileCampaign(spec);
  const warnings: Issue[] = issues.filter((i) => i.severity === 'warning');
  if (!campaign)
    return { ok: false, errors: issues.filter((i) => i.severity === 'error'), warnings };
  const table = scoreCampaign(campaign);
  campaign.units.forEach((unit, u) => {
    if (table.applicableMax[u] <= 0) {
      warnings.push(warning('noApplicableMax', {}, { unit: unit.id }));
    }
  });
  const ranking = rankCampaign(campaign, table);
  let awards: AwardOutcome | undefined;
  if (spec.awards) {
    const proposed = proposeAwards(spec, campaign, table, ranking);
    if (!proposed.outcome) return { ok: false, errors: proposed.issues, warnings };
    awards = proposed.outcome;
  }
  const { blocks, units } = unitResults(campaign, table, ranking);
  return { ok: true, campaign, table, ranking, blocks, units, awards, warnings };
}

/**
 * The ranking in columns (index u = unit u of the compiled campaign): printed values,
 * classification, ranks and ties, and each block's display order. Columnar so 100,000 units
 * rank without 100,000 objects; `unitResults` turns it into per-unit objects for display.
 */
export interface Ranking {
  /** Printed index per unit (micro-units of a percent); NaN when nothing applies. */
  index: Float64Array;
  /** Printed total per unit. */
  printedTotal: Float64Array;
  /** The printed value ranks and bands are decided on (index or total); NaN = unranked. */
  rankingValue: Float64Array;
  classification: string[];
  /** NaN = unranked. */
  rankInBlock: Float64Array;
  tiedInBlock: Uint8Array;
  rankOverall: Float64Array;
  tiedOverall: Uint8Array;
  /** Unit indexes of each block (by block index) in display order. */
  blockOrder: Uint32Array[];
}

/** Rounds, classifies and ranks scored totals, in block and overall. */
export function rankCampaign(c: CompiledCampaign, t: ScoreTable): Ranking {
  const n = c.units.length;
  const d = c.settings.decimals;
  const ratio = ratioRounded;
  const round = rounder(d);

  // Printed (rounded) columns: what the report shows and what ranks are decided on.
  const index = new Float64Array(n);
  const printedTotal = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const max = t.applicableMax[u];
    index[u] = max > 0 ? ratio(t.total[u], max, 100, d) : Number.NaN;
    printedTotal[u] = round(t.total[u]);
  }
  const rankingValue = c.settings.rankBy === 'index' ? index : printedTotal;
  const keys: Float64Array[] = [
    rankingValue,
    ...c.settings.ranking.tieBreak.map((key) => tieKey(key, c, t, printedTotal, round)),
  ];
  const method = c.settings.ranking.method;

  const order = sortByKeys(keys, c.idOrder);
  const rankOverall = new Float64Array(n);
  const tiedOverall = new Uint8Array(n);
  assignRanks(order, n, keys, method, rankOverall, tiedOverall);

  // The overall order restricted to a block is that block's order: split it, rank each part.
  const blockCount = c.blocks.length;
  const blockSize = new Int32Array(blockCount);
  for (let u = 0; u < n; u++) blockSize[c.units[u].block]++;
  const blockOrder = Array.from(blockSize, (size) => new Uint32Array(size));
  const filled = new Int32Array(blockCount);
  for (let i = 0; i < n; i++) {
    const u = order[i];
    const b = c.units[u].block;
    blockOrder[b][filled[b]++] = u;
  }
  const rankInBlock = new Float64Array(n);
  const tiedInBlock = new Uint8Array(n);
  for (const seq of blockOrder)
    assignRanks(seq, seq.length, keys, method, rankInBlock, tiedInBlock);

  const classification: string[] = new Array(n);
  for (let u = 0; u < n; u++) {
    const value = rankingValue[u];
    classification[u] = value !== value ? '' : classify(value, c.blocks[c.units[u].block].bands);
  }
  return {
    index,
    printedTotal,
    rankingValue,
    classification,
    rankInBlock,
    tiedInBlock,
    rankOverall,
    tiedOverall,
    blockOrder,
  };
}

/** Per-unit result objects (input order) and blocks in display order, for display and tests. */
export function unitResults(
  c: CompiledCampaign,
  t: ScoreTable,
  r: Ranking,
): { blocks: BlockResult[]; units: UnitResult[] } {
  const n = c.units.length;
  const round = rounder(c.settings.decimals);
  const nullable = (x: number): number | null => (x !== x ? null : x);
  const units: UnitResult[] = new Array(n);
  for (let u = 0; u < n; u++) {
    const unit = c.units[u];
    const self = t.self[u];
    const appraised = t.appraisal[u];
    units[u] = {
      id: unit.id,
      name: unit.name,
      block: c.blocks[unit.block].id,
      fields: c.fields.map((_, f) => t.fields[f * n + u]),
      components: c.components.map((_, k) => t.components[k * n + u]),
      self,
      appraised,
      difference: appraised - self,
      total: t.total[u],
      applicableMax: t.applicableMax[u],
      deductions: t.deductions[u],
      printed: {
        self: round(self),
        appraised: round(appraised),
        difference: round(appraised - self),
        total: r.printedTotal[u],
        index: nullable(r.index[u]),
      },
      rankingValue: nullable(r.rankingValue[u]),
      classification: r.classification[u],
      rankInBlock: nullable(r.rankInBlock[u]),
      tiedInBlock: r.tiedInBlock[u] === 1,
      rankOverall: nullable(r.rankOverall[u]),
      tiedOverall: r.tiedOverall[u] === 1,
    };
  }
  const blocks: BlockResult[] = c.blocks.map((block, b) => ({
    id: block.id,
    name: block.name,
    units: Array.from(r.blockOrder[b], (u) => units[u]),
  }));
  return { blocks, units };
}

/** A tie-break key column, "higher is better", on printed values like the report. */
function tieKey(
  key: TieBreakSpec,
  c: CompiledCampaign,
  t: ScoreTable,
  printedTotal: Float64Array,
  round: (m: number) => Micro,
): Float64Array {
  const n = c.units.length;
  const column = (source: Float64Array, offset: number, sign: number): Float64Array => {
    const out = new Float64Array(n);
    for (let u = 0; u < n; u++) out[u] = sign * round(source[offset + u]);
    return out;
  };
  switch (key.by) {
    case 'field':
      return column(t.fields, c.fields.findIndex((f) => f.code === key.code) * n, 1);
    case 'component':
      return column(t.components, c.components.findIndex((k) => k.id === key.id) * n, 1);
    case 'total':
      return printedTotal;
    case 'self':
      return column(t.self, 0, 1);
    case 'fewerDeductions':
      return column(t.deductions, 0, -1);
  }
}
