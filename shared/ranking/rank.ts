/**
 * Where ties are decided. Ranks items by a key tuple (higher is better, compared in order:
 * the ranking value, then each tie-break key); items equal on the whole tuple share a rank
 * and are reported as tied. Display order among tied items is by id, so input order never
 * matters.
 */

export type TieMethod = 'competition' | 'dense';

export interface RankItem {
  /** Caller's index of the item (e.g. unit index). */
  index: number;
  /** Stable identity used only to order tied items for display. */
  id: string;
  /** Higher is better; keys[0] is the ranking value. NaN in keys[0] = cannot be ranked. */
  keys: readonly number[];
}

export interface Ranked {
  index: number;
  /** 1-based rank, or null when the item has no ranking value. */
  rank: number | null;
  /** True when another item has exactly the same key tuple. */
  tied: boolean;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x !== y) return y - x;
  }
  return 0;
}

/** Returns the items in display order with their ranks. */
export function rankItems(items: readonly RankItem[], method: TieMethod): Ranked[] {
  const rankable = items.filter((i) => !Number.isNaN(i.keys[0]));
  const unrankable = items.filter((i) => Number.isNaN(i.keys[0]));
  const byId = (a: RankItem, b: RankItem): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  rankable.sort((a, b) => compareKeys(a.keys, b.keys) || byId(a, b));
  unrankable.sort(byId);

  const out: Ranked[] = [];
  let groupStart = 0;
  let denseRank = 0;
  while (groupStart < rankable.length) {
    let groupEnd = groupStart + 1;
    const first = rankable[groupStart] as RankItem;
    while (
      groupEnd < rankable.length &&
      compareKeys(first.keys, (rankable[groupEnd] as RankItem).keys) === 0
    ) {
      groupEnd++;
    }
    denseRank++;
    const rank = method === 'dense' ? denseRank : groupStart + 1;
    const tied = groupEnd - groupStart > 1;
    for (let i = groupStart; i < groupEnd; i++) {
      out.push({ index: (rankable[i] as RankItem).index, rank, tied });
    }
    groupStart = groupEnd;
  }
  for (const item of unrankable) out.push({ index: item.index, rank: null, tied: false });
  return out;
}
