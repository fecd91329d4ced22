/** Rounds, classifies and ranks a scored campaign, in each block and overall (columnar). */
import type { CompiledCampaign } from '../compile/types';
import type { TieBreakSpec } from '../model/types';
import { ratioRounded, rounder, type Micro } from '../numbers/points';
import type { ScoreTable } from '../scoring/score';
import { classify } from './bands';
import { assignRanks, sortByKeys } from './rank';

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
